"""The date component: date mentions normalised against the block's reference date.

Candidates come from small named regexes over the block text (``forms``: days, months,
quarters, halves, fiscal years, years, ranges, decades) and from spaCy ``Matcher`` patterns kept
as data (``relative``: "last week", "on Tuesday", "the past five years"). Every candidate is
normalised with the pure functions of ``pipeline.text.temporal``; the longest non-overlapping
ones become spans in ``doc.spans["orewire_dates"]``. Model DATE entities no rule covers are
parsed with dateparser (``fallback``). A dateline or teaser date line is one date of its own.

``direction`` (config) picks the occurrence a year-less name denotes: "nearest" the reference (SPEC §3,
the default), "forward" (the next one: assistants, schedules) or "past" (``temporal.Direction``);
``windows`` whether "the past two weeks" is the span to the reference ("rolling", the default) or whole
calendar weeks before this one ("calendar", ``temporal.Windows``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.base import OrewireComponent, block_text
from pipeline.components.dates.fallback import AbsoluteDateParser, model_date_spans
from pipeline.components.dates.finder import DateFinder, founding_tagline
from pipeline.components.dates.relative import MATCHER_NORMALISERS
from pipeline.components.dates.words import DateWords
from pipeline.resources.dates import HOLIDAYS_FILE, LEXICON_FILE, PATTERNS_FILE, load_holidays, load_lexicon, load_rules
from pipeline.resources.files import ResourceReader
from pipeline.schema.extensions import DATE_GROUP, register_extensions
from pipeline.schema.labels import DATES_FACTORY
from pipeline.text import temporal as tp
from pipeline.text.dateline import parse_date_line

Choice = TypeVar("Choice", bound=str)

PARSE_CACHE_SIZE = 4096
DEFAULT_DIRECTION: tp.Direction = "nearest"
DEFAULT_WINDOWS: tp.Windows = "rolling"
# Blocks that are a date line: the article's dateline, a related-news teaser's date.
DATE_LINE_ZONES = frozenset({"dateline", "related"})


class DateComponent(OrewireComponent):
    """Finds date mentions and writes ``DateInfo`` spans to ``doc.spans["orewire_dates"]``."""

    def __init__(
        self, nlp: Language, name: str = DATES_FACTORY, *, lexicon: str = LEXICON_FILE, patterns: str = PATTERNS_FILE,
        holidays: str = HOLIDAYS_FILE, parse_cache_size: int = PARSE_CACHE_SIZE, direction: str = DEFAULT_DIRECTION,
        windows: str = DEFAULT_WINDOWS,
    ) -> None:
        self.direction = check_direction(direction)
        self.windows = check_windows(windows)
        self.lexicon_file = lexicon
        self.patterns_file = patterns
        self.holidays_file = holidays
        self.parser = AbsoluteDateParser(parse_cache_size)
        super().__init__(nlp, name)

    def setup(self, reader: ResourceReader) -> None:
        self.words = DateWords.from_lexicon(
            load_lexicon(reader, self.lexicon_file), load_holidays(reader, self.holidays_file))
        rules = load_rules(reader, MATCHER_NORMALISERS.keys(), self.patterns_file)
        self.finder = DateFinder(self.vocab, self.words, rules, self.direction, self.windows)

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.orewire_block or {}
        if context.get("zone") in DATE_LINE_ZONES:
            span = dateline_span(doc)
            if span is not None:
                doc.spans[DATE_GROUP] = [span]
                return doc
        reference = tp.parse_reference(context.get("reference"))
        spans: list[Span] = []
        taken: list[tuple[int, int]] = []
        for start, end, info in self.finder.find(doc, reference):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or (taken and span.start_char < taken[-1][1]):
                continue
            taken.append((span.start_char, span.end_char))
            span._.orewire_date = info
            spans.append(span)
        spans.extend(model_date_spans(doc, taken, self.parser, self.words.months))
        text = block_text(doc)
        spans = [span for span in spans
                 if not founding_tagline(text, span.start_char, span.end_char, self.words.founding_cues)]
        spans.sort(key=lambda span: span.start_char)
        doc.spans[DATE_GROUP] = spans
        return doc


def _one_of(value: str, choices: Sequence[Choice], what: str) -> Choice:
    """``value`` as the member of ``choices`` it equals (a ``Literal`` for the type checker).

    Raises:
        ValueError: ``value`` is none of ``choices``.
    """
    for choice in choices:
        if value == choice:
            return choice
    raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(choices)}")


def check_direction(value: str) -> tp.Direction:
    """``value`` as a ``Direction`` (one of ``temporal.DIRECTIONS``), else ValueError."""
    return _one_of(value, tp.DIRECTIONS, "date direction")


def check_windows(value: str) -> tp.Windows:
    """``value`` as a ``Windows`` (one of ``temporal.WINDOWS``), else ValueError."""
    return _one_of(value, tp.WINDOWS, "date windows")


def dateline_span(doc: Doc) -> Span | None:
    """The whole stripped block as one absolute date when it is a date line ("Dec 12, 2025 16:05", "4:05 PM 12 Dec 2025")."""
    text = block_text(doc)
    stripped = text.strip()
    value = parse_date_line(stripped) if stripped else None
    if value is None:
        return None
    start = text.index(stripped)
    span = doc.char_span(start, start + len(stripped), alignment_mode="expand")
    if span is None:
        return None
    day = date.fromisoformat(value[:10])
    period = tp.minute_period(day, int(value[11:13]), int(value[14:16])) if "T" in value else tp.day_period(day)
    span._.orewire_date = tp.to_info(period)
    return span


@Language.factory(
    DATES_FACTORY,
    default_config={
        "lexicon": LEXICON_FILE, "patterns": PATTERNS_FILE, "holidays": HOLIDAYS_FILE, "parse_cache_size": PARSE_CACHE_SIZE,
        "direction": DEFAULT_DIRECTION, "windows": DEFAULT_WINDOWS,
    },
    assigns=["doc.spans", "span._.orewire_date"],
    # doc.spans: the quantity stage's "orewire_quantities" (a year inside an amount is no date)
    # and the entity stage's "orewire_model_dates"; tags and parse decide the tense when present.
    requires=["doc._.orewire_block", "doc.spans", "span._.orewire_quantity", "token.tag", "token.dep", "token.pos"],
)
def make_dates(
    nlp: Language, name: str, lexicon: str, patterns: str, holidays: str, parse_cache_size: int, direction: str,
    windows: str,
) -> DateComponent:
    """The ``orewire_dates`` component; ``lexicon``, ``patterns`` and ``holidays`` are paths under ``models/``;
    ``direction`` is "nearest", "forward" or "past" (``temporal.Direction``), ``windows`` "rolling" or
    "calendar" (``temporal.Windows``)."""
    register_extensions()
    return DateComponent(nlp, name, lexicon=lexicon, patterns=patterns, holidays=holidays,
                         parse_cache_size=parse_cache_size, direction=direction, windows=windows)
