"""Date stage: date mentions normalised against the block's reference date.

Candidates come from small named regexes over ``doc.text`` (absolute forms:
days, months, quarters, halves, fiscal years, years, ranges, decades) and
from spaCy ``Matcher`` patterns kept as data (relative forms: "last week",
"on Tuesday", "the past five years"). Every candidate is normalised with
the pure functions of ``pipeline.temporal``; the longest non-overlapping
normalised candidates become spans in ``doc.spans["orewire_dates"]``. If the
entity stage keeps the model's DATE entities in
``doc.spans["orewire_model_dates"]``, the ones no rule covers are parsed with
dateparser (absolute, year-bearing mentions only).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from pipeline.article.segment import parse_dateline
from pipeline.components.base import GuardedStage, block_text
from pipeline.resources.files import load_json, load_jsonl
from pipeline.schema.annotations import DateInfo
from pipeline.schema.extensions import DATE_GROUP, MODEL_DATE_GROUP, QUANTITY_GROUP
from pipeline.text import temporal as tp
from pipeline.text.temporal import Period, Tense

MODIFIABLE = frozenset({"week", "month", "quarter", "half", "year"})
CACHE_SIZE = 4096
# Years a deictic quarter or half ("this/the/next/last quarter") sits from the reference year.
DEICTIC_YEAR_OFFSET = {"this": 0, "the": 0, "next": 1, "last": -1}


class DateLexicon(BaseModel):
    """``models/dates/lexicon.json``: the words the date rules are built from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    months: dict[str, int]
    ambiguous_months: list[str]
    weekdays: dict[str, int]
    modifiers: dict[str, Literal["early", "mid", "late", "start", "end", "rest"]]
    fiscal_calendars: list[FiscalCalendar]
    split_fiscal_start_month: int = Field(ge=1, le=12)
    ordinals: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, Literal["day", "week", "month", "quarter", "year", "decade"]]
    deictics: dict[str, int]
    relative_days: dict[str, int]
    month_context_words: list[str]
    non_year_before: list[str]
    non_year_after: list[str]
    future_words: list[str]


@lru_cache(maxsize=1)
def load_lexicon() -> DateLexicon:
    """``models/dates/lexicon.json``, validated (once per process)."""
    return load_json("dates/lexicon.json", DateLexicon)


class FiscalCalendar(BaseModel):
    """A jurisdiction's fiscal year, chosen by the cue words nearest a fiscal mention."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    start_month: int = Field(ge=1, le=12)
    named_by_end: bool
    cues: list[str] = Field(min_length=1)


class MatcherRule(BaseModel):
    """One row of ``models/dates/patterns.jsonl``: a spaCy ``Matcher`` token pattern."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Literal["relative_day", "deictic", "rolling", "ago", "weekday"]
    pattern: list[dict[str, Any]] = Field(min_length=1)


_Y = r"(?:1[89]\d\d|20\d\d)"
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_TIME = r"(?:,?\s+(?:at\s+)?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?!\d))?"
_YEAR_END = r"(?![\w%]|[.,]\d|[/–-]\d|\s?%)"
_SHORT_YEAR = (
    r"(?:(?:[\s-]+|\s+of\s+)(?:CY\s?|calendar\s+)?(?P<year>{Y})|\s*CY\s?['’]?(?P<cyear>\d{{2}})|\s*(?P<fy>FY)\s*['’]?(?P<fyear>\d{{4}}|\d{{2}})|['’]?(?P<syear>\d{{2}}))"
)
# One small regex per written form; {M}, {W}, {O} are filled from the lexicon.
FORMS: dict[str, str] = {
    "iso_day": r"(?<![\w.])(?P<year>{Y})(?P<sep>[-/.])(?P<month>0?[1-9]|1[0-2])(?P=sep)(?P<day>0?[1-9]|[12]\d|3[01])"
    r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d))?(?![\d])",
    "mdy": r"(?<![\w])(?:(?P<weekday>{W}),?\s+)?(?P<month>{M})\.?\s+(?P<day>{D})(?![\d\w])"
    r"(?:(?:,\s*|\s+)(?P<year>{Y})(?!\d)" + _TIME + r")?",
    "dmy": r"(?<![\w.,])(?P<day>{D})\s+(?:of\s+)?(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y})(?!\d)" + _TIME + r")?",
    "day_range": r"(?<![\w])(?P<month>{M})\.?\s+(?P<day>{D})\s*(?:-|–|to|through)\s*(?P<day2>{D})(?![\d\w])"
    r"(?:,?\s+(?P<year>{Y})(?!\d))?",
    "dmy_range": r"(?<![\w.,])(?P<day>{D})\s*(?P<sep>-|–|to|through|and)\s*(?P<day2>{D})\s+(?:of\s+)?(?P<month>{M})\b\.?"
    r"(?:,?\s+(?P<year>{Y})(?!\d))?",
    "week_of": r"(?<![\w])(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+of\s+"
    r"(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y})(?!\d))?",
    "week_to": r"(?<![\w])week\s+(?:to|ended|ending|through)\s+(?:(?P<weekday>{W})\b"
    r"|(?P<month>{M})\.?\s+(?P<day>{D})(?![\d\w])(?:,?\s+(?P<year>{Y})(?!\d))?"
    r"|(?P<day2>{D})\s+(?P<month2>{M})\b\.?(?:,?\s+(?P<year2>{Y})(?!\d))?)",
    "decade_part": r"(?<![\w-])(?P<word>early|mid|late)[- ]decade\b(?!-)",
    "year_to_date": r"(?<![\w-])(?:year[- ]to[- ]date|YTD)(?![\w-])",
    "month_range": r"(?<![\w])(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y}))?\s*"
    r"(?P<sep>-to-|-|–|—|to|through|until|and)\s*(?P<month2>{M})\b\.?(?:,?\s+(?P<year2>{Y})(?!\d))?",
    "month": r"(?<![\w])(?P<month>{M})\b\.?(?:,?\s+(?P<year>{Y})(?!\d))?",
    "quarter_abbr": r"(?<![\w$])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)" + _SHORT_YEAR + r"?(?![\w%])",
    "quarter_words": r"(?<![\w])(?P<ord>{O})[\s-]+(?P<fiscal>fiscal\s+)?quarter\b"
    r"(?:\s+(?:of|in)\s+(?:(?P<fy>fiscal(?:\s+year)?|FY)\s*['’]?(?P<fyear>\d{{4}}|\d{{2}})|(?P<year>{Y})"
    r"|(?:calendar\s+)?(?P<cal>{Y})|(?P<deictic>this|next|last|the)\s+year)|,?\s+(?P<year2>{Y}))?(?!\d)",
    "quarter_month": r"(?<![\w])(?P<month>{M})[\s-]+(?P<part>quarter|half)\b(?:\s+(?:of\s+)?(?P<year>{Y})(?!\d))?",
    "half_abbr": r"(?<![\w$])(?:H(?P<h>[12])|(?P<h2>[12])H)" + _SHORT_YEAR + r"(?![\w%])",
    "half_words": r"(?<![\w])(?P<ord>first|second|1st|2nd)[\s-]+half\b"
    r"(?:\s+(?:of|in)\s+(?:(?P<fy>fiscal(?:\s+year)?|FY)\s*['’]?(?P<fyear>\d{{4}}|\d{{2}})|(?P<year>{Y})"
    r"|(?:calendar\s+)?(?P<cal>{Y})|(?P<deictic>this|next|last|the)\s+year)|,?\s+(?P<year2>{Y}))?(?!\d)",
    "fiscal_abbr": r"(?<![\w$])FY\s?['’]?(?P<year>\d{{4}}|\d{{2}})(?:[/-](?P<year2>\d{{4}}|\d{{2}}))?(?![\w%])",
    "fiscal_range": r"(?<![\w$])FY\s?['’]?(?P<year>\d{{4}}|\d{{2}})(?:[/-](?P<year2>\d{{4}}|\d{{2}}))?"
    r"\s*(?:to|through|until|-|–)\s*FY\s?['’]?(?P<year3>\d{{4}}|\d{{2}})(?:[/-](?P<year4>\d{{4}}|\d{{2}}))?(?![\w%])",
    "year_ending": r"(?<![\w])(?:(?:financial|fiscal)\s+)?year\s+(?:to|ended|ending)\s+(?:end[- ])?(?P<month>{M})\.?"
    r"(?:\s+(?P<day>[0-3]?\d))?,?\s+(?P<year>{Y})(?!\d)",
    "unit_part": r"(?<![\w])(?P<phrase>beginning|start|end|middle|close|rest|remainder)\s+of\s+the\s+"
    r"(?P<unit>week|month|quarter|year|decade)\b",
    "period_end": r"(?<![\w-])(?P<unit>year|month|quarter)[- ](?P<phrase>end|start)(?![\w-])",
    "quarter_range": r"(?<![\w$])Q(?P<q>[1-4])\s*(?:-|–|to|through)\s*Q(?P<q2>[1-4])(?:,?\s+(?P<year>{Y}))?(?![\w%])",
    "months_of": r"(?<![\w])(?P<side>first|last|final)\s+"
    r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\s+months\s+of\s+(?P<year>{Y})(?!\d)",
    "fiscal_words": r"(?<![\w])fiscal\s+(?:year\s+)?(?P<year>{Y})(?:[/-](?P<year2>\d{{4}}|\d{{2}}))?(?![\w%])",
    "year_range": r"(?<![\w.,/$€£¥#+])(?<!\d-)(?P<year>{Y})\s*"
    r"(?P<sep>-|–|—|/|to|through|until|and)\s*(?P<year2>{Y}|\d{{2}})" + _YEAR_END,
    "decade": r"(?<![\w])(?P<year>(?:1[89]|20)\d0)['’]?s\b",
    "year": r"(?<![\w.,/$€£¥#+])(?<!\d-)(?<!\d–)(?P<year>{Y})" + _YEAR_END,
}
# Where a form can match: near a month name, near a year-like number, or near its own
# cue word ("quarter", "FY", " of the "). Scanning only windows round the anchors keeps
# the regex cost proportional to the number of date-like words, not to the text.
MONTH_FORMS = ("mdy", "dmy", "day_range", "dmy_range", "week_of", "month_range", "month", "quarter_month", "year_ending")
YEAR_FORMS = ("iso_day", "year_range", "year", "decade", "fiscal_words")
GATED_FORMS = {
    "quarter_abbr": re.compile(r"(?i)\b(?:q[1-4]|[1-4]q)"),
    "half_abbr": re.compile(r"(?i)\b(?:h[12]|[12]h)"),
    "fiscal_abbr": re.compile(r"FY"),
    "fiscal_range": re.compile(r"FY"),
    "quarter_words": re.compile(r"(?i)quarter"),
    "half_words": re.compile(r"(?i)half"),
    "unit_part": re.compile(r"(?i) of the "),
    "period_end": re.compile(r"(?i)(?:year|month|quarter)[- ](?:end|start)"),
    "quarter_range": re.compile(r"Q[1-4]\s*(?:-|–|to|through)\s*Q"),
    "months_of": re.compile(r"(?i)months of"),
    "week_to": re.compile(r"(?i)week (?:to|ended|ending|through) "),
    "decade_part": re.compile(r"(?i)decade"),
    "year_to_date": re.compile(r"(?i)year.to.date|YTD"),
}
YEAR_ANCHOR = re.compile(r"(?:1[89]|20)\d[\d']")
CUE_REACH = 600
WEAK_FUTURE_WORDS = frozenset({"would", "could", "might", "should"})
# "higher than a year ago", "its level a year ago": comparisons, not dates (docs/annotation.md).
COMPARISON_WORDS = frozenset(
    "than from on vs versus with level levels period figure figures price prices rate rates value values".split()
)
WINDOW_BEFORE, WINDOW_AFTER = 40, 80
RELATIVE_CUE = re.compile(  # run on the lower-cased text
    r"today|tonight|yesterday|tomorrow|week|month|quarter|year|decade|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|\bago\b"
)
MODIFIER_BEFORE = re.compile(
    r"(?:\b(?:very\s+)?(?P<phrase>beginning|start|end|middle|close|rest|remainder)\s+of(?:\s+the)?\s+"
    r"|\b(?P<word>early|mid|middle|late)(?:\s+|-|\s*-\s*)"
    r"|\b(?:year[- ])?(?P<edge>end|start)-|\byear[- ](?P<year_edge>end|start)\s+"
    r"|(?:(?<=\bby )|(?<=\bat ))(?P<by_end>end)\s+)$",
    re.IGNORECASE,
)
PREVIOUS_WORD = re.compile(r"([\w.'’]+)\W*$")
NEXT_WORD = re.compile(r"^\s*([\w/%]+)")
DIGIT_BEFORE = re.compile(r"\d[ \t]*$")
DIGIT_AFTER = re.compile(r"^[ \t]*\d")
# "2000-tonne", "2000 to 2500 t": a number in a compound or a numeric range, not a year.
NUMBER_CONTEXT_AFTER = re.compile(r"^(?:-[a-z]|\s*(?:-|–|to)\s*\d)")
YEAR_THEN_AMOUNT = re.compile(r"\s+to\s+(?:[A-Z]{0,3}[$€£¥]\s?)?(?P<number>\d[\d,.]*)(?!\d)")
YEAR_PREPOSITIONS = frozenset("for in by since during until till before after through throughout".split())


class _Block:
    """The ``Doc`` being processed, with the quantity offsets read once."""

    def __init__(self, doc: Doc, fiscal_hint: FiscalCalendar | None = None) -> None:
        self.doc = doc
        self.fiscal_hint = fiscal_hint  # The article's fiscal calendar, when the block names none.
        self._quantities: list[tuple[int, int]] | None = None

    def inside_quantity(self, start: int, end: int) -> bool:
        """True when a non-duration quantity strictly larger than the mention holds it ("$2030 million")."""
        if self._quantities is None:
            self._quantities = [
                (span.start_char, span.end_char)
                for span in self.doc.spans.get(QUANTITY_GROUP, [])
                if (span._.orewire_quantity or {}).get("quantity_type") != "duration"
            ]
        return any(s <= start and end <= e and e - s > end - start for s, e in self._quantities)


class DateStage(GuardedStage):
    """Finds date mentions and writes ``DateInfo`` spans to ``doc.spans[DATE_GROUP]``."""

    name = "orewire_dates"

    def __init__(
        self,
        vocab: Any,
        *,
        lexicon: DateLexicon | None = None,
        rules: list[MatcherRule] | None = None,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.rules = rules if rules is not None else load_jsonl("dates/patterns.jsonl", MatcherRule)
        lex = self.lexicon
        self.months = {name.lower(): number for name, number in lex.months.items()}
        self.weekdays = {name.lower(): number for name, number in lex.weekdays.items()}
        self.ambiguous_months = frozenset(lex.ambiguous_months)
        self.month_abbreviations = frozenset(
            name for name in self.months if any(other != name and other.startswith(name) for other in self.months)
        )
        self.month_context = frozenset(lex.month_context_words)
        self.non_year_before = frozenset(lex.non_year_before)
        self.non_year_after = frozenset(lex.non_year_after)
        self.future_words = frozenset(lex.future_words)
        fill = {
            "Y": _Y,
            "D": _D,
            "M": _alternation(self.months),
            "W": _alternation(self.weekdays),
            "O": _alternation(lex.ordinals),
        }
        self.forms = {kind: re.compile(template.format(**fill), re.IGNORECASE) for kind, template in FORMS.items()}
        prefixes = sorted({name[:3] for name in self.months})
        self.month_cue = re.compile(
            r"\b(?:" + "|".join([p.capitalize() for p in prefixes] + [p.upper() for p in prefixes]) + r")[A-Za-z]*"
        )
        self.matcher = Matcher(vocab)
        for rule in self.rules:
            self.matcher.add(rule.label, [rule.pattern])
        self.normalisers: dict[str, Callable[[re.Match[str], _Block, date | None], tuple[DateInfo, int] | None]] = {
            kind: getattr(self, f"_norm_{kind}") for kind in FORMS
        }
        self.fiscal_cues = re.compile("|".join(
            _cue_pattern(cue) for calendar in lex.fiscal_calendars for cue in calendar.cues))
        self.cue_calendar = {cue.strip(): calendar for calendar in lex.fiscal_calendars for cue in calendar.cues}
        self.calendars = {calendar.name: calendar for calendar in lex.fiscal_calendars}
        self.cache_size = cache_size
        self._parsed: OrderedDict[str, tuple[str, str] | None] = OrderedDict()
        self._date_parser: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_date_parser"] = None
        state["_parsed"] = OrderedDict()
        return state

    # ------------------------------------------------------------------ stage

    def process(self, doc: Doc) -> Doc:
        context = doc._.orewire_block or {}
        reference = tp.parse_reference(context.get("reference"))
        zone = context.get("zone")
        spans: list[Span] = []
        if zone in ("dateline", "related"):
            span = self._dateline_span(doc)
            if span is not None:
                doc.spans[DATE_GROUP] = [span]
                return doc
        found = self.find(doc, reference)
        taken: list[tuple[int, int]] = []
        for start, end, info in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or (taken and span.start_char < taken[-1][1]):
                continue
            taken.append((span.start_char, span.end_char))
            span._.orewire_date = info
            spans.append(span)
        for span in self._model_date_spans(doc, taken):
            spans.append(span)
        spans.sort(key=lambda span: span.start_char)
        doc.spans[DATE_GROUP] = spans
        return doc

    def find(self, doc: Doc, reference: date | None) -> list[tuple[int, int, DateInfo]]:
        """Normalised, non-overlapping date mentions of ``doc`` as ``(start, end, info)`` (block offsets)."""
        text = block_text(doc)
        lowered = text.lower()
        candidates: list[tuple[int, int, DateInfo]] = []
        hints = (doc._.orewire_block or {}).get("hints") or {}
        block = _Block(doc, self.calendars.get(hints.get("fiscal") or ""))
        month_windows = _windows(self.month_cue, text, keep=self.months)
        year_windows = _windows(YEAR_ANCHOR, text)
        for kind, form in self.forms.items():
            if kind in MONTH_FORMS:
                windows = month_windows
            elif kind in YEAR_FORMS:
                windows = year_windows
            else:
                windows = _windows(GATED_FORMS[kind], text)
            normalise = self.normalisers[kind]
            for low, high in windows:
                for match in form.finditer(text, low, high):
                    result = normalise(match, block, reference)
                    if result is not None:
                        info, start = result
                        candidates.append((start, self._trim_end(text, match.end()), info))
        for window in _windows(RELATIVE_CUE, lowered, before=24, after=24):
            region = doc.char_span(window[0], window[1], alignment_mode="expand")
            if region is None:
                continue
            for label_id, token_start, token_end in self.matcher(region):
                span = region[token_start:token_end]
                info = self._norm_relative(doc.vocab.strings[label_id], span, reference)
                if info is not None:
                    candidates.append(self._with_modifier(text, span.start_char, span.end_char, info, reference))
        chosen = _longest_first(candidates)
        if reference is not None and "quarter" in lowered:
            chosen = _anchor_previous_quarter(text, chosen, reference)
        return chosen

    def _dateline_span(self, doc: Doc) -> Span | None:
        text = block_text(doc)
        stripped = text.strip()
        value = parse_dateline(stripped) if stripped else None
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

    # --------------------------------------------------------------- helpers

    def _with_modifier(
        self, text: str, start: int, end: int, info: DateInfo, reference: date | None
    ) -> tuple[int, int, DateInfo]:
        """Extend a mention leftwards over 'early', 'mid-', 'the end of' and apply the modifier."""
        value = info["value"] or ""
        modifiable = info["granularity"] in MODIFIABLE and "/" not in value
        if info["modifier"] is not None or not (modifiable or _is_decade(info)):
            return start, end, info
        match = MODIFIER_BEFORE.search(text, max(0, start - 40), start)
        if match is None:
            return start, end, info
        word = next(match[group] for group in ("phrase", "word", "edge", "year_edge", "by_end") if match[group]).lower()
        modifier = self.lexicon.modifiers.get(word)
        if modifier is None:
            return start, end, info
        if modifier == "rest":
            if info["value"] is None or reference is None or "/" in (info["value"] or ""):
                return start, end, info
            period = _period_from_info(info)
            return match.start(), end, tp.to_info(period, fiscal=info["fiscal"], reference=reference,
                                                  bounds=tp.rest_of(period, reference))
        if info["value"] is None:
            updated = dict(info)
            updated["modifier"] = modifier
            return match.start(), end, DateInfo(**updated)  # type: ignore[typeddict-item]
        period = _period_from_info(info)
        reference_day = tp.parse_reference(info["reference"])
        return match.start(), end, tp.to_info(period, modifier=modifier, fiscal=info["fiscal"], reference=reference_day)

    def _fiscal_calendar(self, text: str, position: int, block: _Block | None = None) -> FiscalCalendar | None:
        """The fiscal calendar whose cue ("A$", "crore", "Japan") sits nearest ``position`` in the block.

        Without a cue in reach, the article's fiscal hint (``block.fiscal_hint``), if any.
        """
        best: tuple[int, FiscalCalendar] | None = None
        low, high = max(0, position - CUE_REACH), min(len(text), position + CUE_REACH)
        for match in self.fiscal_cues.finditer(text, low, high):
            calendar = self.cue_calendar.get(match.group().strip())
            distance = abs(match.start() - position)
            if calendar is not None and (best is None or distance < best[0]):
                best = (distance, calendar)
        if best is None:
            return block.fiscal_hint if block is not None else None
        return best[1]

    def _fiscal_year(self, year: int, text: str, position: int, block: _Block, *, split: bool = False) -> Period:
        calendar = self._fiscal_calendar(text, position, block)
        if split:
            start_month = self.lexicon.split_fiscal_start_month
            if calendar is not None and calendar.start_month != 1:
                start_month = calendar.start_month
            return tp.fiscal_year_period(year, start_month, named_by_end=True)
        if calendar is None:
            return tp.year_period(year)
        return tp.fiscal_year_period(year, calendar.start_month, named_by_end=calendar.named_by_end)

    def _trim_end(self, text: str, end: int) -> int:
        """Drop a sentence-final period unless it closes a month abbreviation ("Jan.")."""
        if end and text[end - 1] == ".":
            word = PREVIOUS_WORD.search(text, max(0, end - 12), end - 1)
            if word is None or word.group(1).lower() not in self.month_abbreviations:
                return end - 1
        return end

    def _month(self, name: str) -> int | None:
        return self.months.get(name.lower().rstrip("."))

    def _capitalised(self, word: str) -> bool:
        return word[:1].isupper()

    def _previous_word(self, text: str, start: int) -> str:
        match = PREVIOUS_WORD.search(text, max(0, start - 30), start)
        return match.group(1).lower() if match else ""

    def _next_word(self, text: str, end: int) -> str:
        match = NEXT_WORD.match(text[end : end + 30])
        return match.group(1).lower() if match else ""

    def _tense(self, doc: Doc, start: int, end: int) -> Tense | None:
        """Past or future from the verb governing the mention (None when unclear or untagged)."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        previous = doc[span.start - 1].lower_ if span.start else ""
        if previous in ("since", "ago"):
            return "past"
        if previous in ("until", "till"):
            return "future"
        if not _is_parsed(doc):
            return None
        before = span.start - 1
        if before > 0 and doc[before].lower_ in ("on", "in", "last"):
            before -= 1
        if before >= 0 and doc[before].tag_ == "VBD":
            return "past"
        head = span.root
        for _ in range(6):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        tense = self._verb_tense(head)
        if tense is None and head.dep_ == "xcomp" and head.head.i != head.i:
            tense = self._verb_tense(head.head)
        return tense

    def _verb_tense(self, verb: Any) -> Tense | None:
        children = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass", "neg")}
        if children & WEAK_FUTURE_WORDS:
            return "later"
        if children & self.future_words or verb.lower_ in self.future_words or (verb.tag_ == "VB" and "to" in children):
            return "future"
        perfect = any(child.tag_ == "VBD" or child.lower_ in ("has", "have") for child in verb.children)
        if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and perfect):
            return "past"
        return None

    # ------------------------------------------------------------ normalisers
    # Each returns (info, start) for a regex match, or None when it is no date.

    def _norm_iso_day(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        day = tp.real_day(int(m["year"]), int(m["month"]), int(m["day"]))
        if day is None:
            return None
        if m["hour"] is not None:
            return tp.to_info(tp.minute_period(day, int(m["hour"]), int(m["minute"]))), m.start()
        return tp.to_info(tp.day_period(day)), m.start()

    def _day_mention(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        month = self._month(m["month"])
        if month is None or not self._capitalised(m["month"]):
            return None
        day_number = int(re.match(r"\d+", m["day"]).group())  # type: ignore[union-attr]
        if m["year"]:
            day = tp.real_day(int(m["year"]), month, day_number)
            if day is None:
                return None
            if m["hour"] is not None:
                return tp.to_info(tp.minute_period(day, int(m["hour"]), int(m["minute"]))), m.start()
            return tp.to_info(tp.day_period(day)), m.start()
        if tp.real_day(2024, month, day_number) is None:
            return None
        if m["month"].lower().rstrip(".") == "may" and m.re is self.forms["dmy"]:
            return None
        if ref is None:
            return tp.unresolved("day"), m.start()
        day = tp.nearest_day(month, day_number, ref, self._tense(block.doc, m.start(), m.end()))
        if day is None:
            return None
        return tp.to_info(tp.day_period(day), reference=ref), m.start()

    _norm_mdy = _day_mention
    _norm_dmy = _day_mention

    def _norm_day_range(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        month = self._month(m["month"])
        if month is None or not self._capitalised(m["month"]):
            return None
        first_day, last_day = (int(re.match(r"\d+", m[g]).group()) for g in ("day", "day2"))  # type: ignore[union-attr]
        if last_day <= first_day:
            return None
        if m["year"]:
            year, used = int(m["year"]), None
        elif ref is None:
            return tp.unresolved("day"), m.start()
        else:
            anchor = tp.nearest_day(month, first_day, ref, self._tense(block.doc, m.start(), m.end()))
            if anchor is None:
                return None
            year, used = anchor.year, ref
        first, last = tp.real_day(year, month, first_day), tp.real_day(year, month, last_day)
        if first is None or last is None:
            return None
        period = tp.interval(tp.day_period(first), tp.day_period(last))
        return (tp.to_info(period, reference=used), m.start()) if period else None

    def _norm_dmy_range(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        """"5-12 January 2026", "from 5 to 12 January", "between 5 and 12 January 2026"."""
        if m["sep"].lower() == "and" and self._previous_word(m.string, m.start()) != "between":
            return None
        return self._norm_day_range(m, block, ref)

    def _norm_week_of(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        """"the first week of March": the ISO week holding the month's first (or last) Thursday."""
        month = self._month(m["month"])
        if month is None or not self._capitalised(m["month"]):
            return None
        used: date | None = None
        if m["year"]:
            year = int(m["year"])
        elif ref is None:
            return tp.unresolved("week"), m.start()
        else:
            year, used = tp.nearest_month(month, ref, self._tense(block.doc, m.start(), m.end())).start.year, ref
        word = m["ord"].lower()
        thursday = tp.nth_weekday(year, month, 3, -1 if word in ("last", "final") else self.lexicon.ordinals[word])
        if thursday is None:
            return None
        return tp.to_info(tp.week_period(thursday), reference=used), m.start()

    def _norm_week_to(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        """"the week to Friday", "the week ended January 9": the seven days ending on that day."""
        used: date | None = None
        if m["weekday"]:
            if not self._capitalised(m["weekday"]):
                return None
            if ref is None:
                return tp.unresolved("week"), m.start()
            last, used = tp.weekday_date(self.weekdays[m["weekday"].lower()], ref), ref
        else:
            month_text, day_text, year_text = (m["month"], m["day"], m["year"]) if m["month"] else (
                m["month2"], m["day2"], m["year2"])
            month = self._month(month_text)
            if month is None or not self._capitalised(month_text):
                return None
            day_number = int(re.match(r"\d+", day_text).group())  # type: ignore[union-attr]
            if year_text:
                found = tp.real_day(int(year_text), month, day_number)
            elif ref is None:
                return tp.unresolved("week"), m.start()
            else:
                found, used = tp.nearest_day(month, day_number, ref, "past"), ref
            if found is None:
                return None
            last = found
        return tp.to_info(tp.week_ending(last), reference=used), m.start()

    def _norm_decade_part(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        """"mid-decade": that part of the reference's decade (like "the middle of the decade")."""
        modifier = self.lexicon.modifiers[m["word"].lower()]
        if ref is None:
            return tp.unresolved("year", modifier=modifier), m.start()
        return tp.to_info(tp.period_of(ref, "decade"), modifier=modifier, reference=ref), m.start()

    def _norm_year_to_date(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        """"year to date", "YTD": the reference's year from January 1 to the reference day."""
        if m.group().lower() == "ytd" and m.group() != "YTD":
            return None
        if ref is None:
            return tp.unresolved("year"), m.start()
        period = tp.year_period(ref.year)
        return tp.to_info(period, reference=ref, bounds=(period.start, ref)), m.start()

    def _norm_month_range(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        first_month, last_month = self._month(m["month"]), self._month(m["month2"])
        if first_month is None or last_month is None or first_month == last_month:
            return None
        if not (self._capitalised(m["month"]) and self._capitalised(m["month2"])):
            return None
        if m["sep"].lower() == "and" and self._previous_word(m.string, m.start()) != "between":
            return None
        used: date | None = None
        if m["year2"] or m["year"]:
            last_year = int(m["year2"] or m["year"])
            first_year = int(m["year"]) if m["year"] else last_year - (1 if first_month > last_month else 0)
            if not m["year2"]:
                last_year = first_year + (1 if first_month > last_month else 0)
        elif ref is None:
            return tp.unresolved("month"), m.start()
        else:
            first_year = tp.nearest_month(first_month, ref, self._tense(block.doc, m.start(), m.end())).start.year
            last_year = first_year + (1 if first_month > last_month else 0)
            used = ref
        period = tp.interval(tp.month_period(first_year, first_month), tp.month_period(last_year, last_month))
        return (tp.to_info(period, reference=used), m.start()) if period else None

    def _norm_month(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        month = self._month(m["month"])
        if month is None or not self._capitalised(m["month"]):
            return None
        text = m.string
        if m["year"]:
            info = tp.to_info(tp.month_period(int(m["year"]), month))
            start, end, info = self._with_modifier(text, m.start(), m.end(), info, ref)
            return info, start
        name = m["month"].lower().rstrip(".")
        if name == "may" and m["month"] != "May":
            return None
        modifier = MODIFIER_BEFORE.search(text, max(0, m.start() - 40), m.start())
        has_context = modifier is not None or self._previous_word(text, m.start()) in self.month_context
        if not has_context and (name in self.ambiguous_months or (m["month"].isupper() and len(name) > 3)):
            return None
        if not has_context and self._next_word(text, m.end()) in ("'s", "’s"):
            return None
        if ref is None:
            info = tp.unresolved("month")
        else:
            period = tp.nearest_month(month, ref, self._tense(block.doc, m.start(), m.end()))
            info = tp.to_info(period, reference=ref)
        start, _, info = self._with_modifier(text, m.start(), m.end(), info, ref)
        return info, start

    def _quarter(
        self, m: re.Match[str], number: int, block: _Block, ref: date | None, fiscal: bool
    ) -> tuple[DateInfo, int] | None:
        year_text = _year_text(m)
        fiscal = fiscal or bool(m["fy"])
        if year_text:
            period = self._part_period(tp.expand_year(year_text), "quarter", number, fiscal, m.string, m.start(), block)
            info = tp.to_info(period, fiscal=fiscal)
        elif "deictic" in m.re.groupindex and m["deictic"]:
            if ref is None:
                info = tp.unresolved("quarter", fiscal=fiscal)
            else:
                offset = DEICTIC_YEAR_OFFSET[m["deictic"].lower()]
                period = tp.quarter_period(ref.year + offset, number)
                info = tp.to_info(period, fiscal=fiscal, reference=ref)
        elif ref is None:
            info = tp.unresolved("quarter", fiscal=fiscal)
        else:
            period = tp.nearest_quarter(number, ref, self._tense(block.doc, m.start(), m.end()))
            info = tp.to_info(period, fiscal=fiscal, reference=ref)
        start, _, info = self._with_modifier(m.string, m.start(), m.end(), info, ref)
        return info, start

    def _part_period(
        self, year: int, part: str, number: int, fiscal: bool, text: str, position: int, block: _Block
    ) -> Period:
        calendar = self._fiscal_calendar(text, position, block) if fiscal else None
        if calendar is None:
            return tp.quarter_period(year, number) if part == "quarter" else tp.half_period(year, number)
        return tp.fiscal_part_period(year, part, number, calendar.start_month, named_by_end=calendar.named_by_end)

    def _norm_quarter_abbr(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        return self._quarter(m, int(m["q"] or m["q2"]), block, ref, False)

    def _norm_quarter_words(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        word = m["ord"].lower()
        if word == "last" and not (m["year"] or m["fyear"] or m["year2"]):
            return None
        return self._quarter(m, self.lexicon.ordinals[word], block, ref, bool(m["fiscal"]))

    def _norm_quarter_month(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        month = self._month(m["month"])
        if month is None or not self._capitalised(m["month"]):
            return None
        half = m["part"].lower() == "half"
        number = (1 if month <= 6 else 2) if half else (month - 1) // 3 + 1
        period_of_year = tp.half_period if half else tp.quarter_period
        if m["year"]:
            info = tp.to_info(period_of_year(int(m["year"]), number))
        elif ref is None:
            info = tp.unresolved("half" if half else "quarter")
        else:
            nearest = tp.nearest_half if half else tp.nearest_quarter
            period = nearest(number, ref, self._tense(block.doc, m.start(), m.end()))
            info = tp.to_info(period, reference=ref)
        # "the end of the March quarter": the modifier belongs to the quarter, not to the month
        start, _, info = self._with_modifier(m.string, m.start(), m.end(), info, ref)
        return info, start

    def _half(self, m: re.Match[str], number: int, block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        year_text = _year_text(m)
        fiscal = bool(m["fy"])
        if year_text:
            period = self._part_period(tp.expand_year(year_text), "half", number, fiscal, m.string, m.start(), block)
            info = tp.to_info(period, fiscal=fiscal)
        elif "deictic" in m.re.groupindex and m["deictic"]:
            if ref is None:
                info = tp.unresolved("half", fiscal=fiscal)
            else:
                offset = DEICTIC_YEAR_OFFSET[m["deictic"].lower()]
                info = tp.to_info(tp.half_period(ref.year + offset, number), fiscal=fiscal, reference=ref)
        elif ref is None:
            info = tp.unresolved("half", fiscal=fiscal)
        else:
            period = tp.nearest_half(number, ref, self._tense(block.doc, m.start(), m.end()))
            info = tp.to_info(period, fiscal=fiscal, reference=ref)
        start, _, info = self._with_modifier(m.string, m.start(), m.end(), info, ref)
        return info, start

    def _norm_half_abbr(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        return self._half(m, int(m["h"] or m["h2"]), block, ref)

    def _norm_half_words(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        return self._half(m, 1 if m["ord"].lower() in ("first", "1st") else 2, block, ref)

    def _fiscal_label(self, first_text: str, second_text: str | None) -> tuple[int, bool] | None:
        """The year a fiscal label names ("FY2026-27" -> 2027) and whether it was a split label."""
        first = tp.expand_year(first_text)
        if not second_text:
            return (first, False) if 1900 <= first <= 2100 else None
        second = tp.expand_year(second_text) if len(second_text) == 4 else first - first % 100 + int(second_text)
        if second != first + 1 or not 1900 <= second <= 2100:
            return None
        return second, True

    def _fiscal(self, m: re.Match[str], block: _Block) -> tuple[DateInfo, int] | None:
        label = self._fiscal_label(m["year"], m["year2"])
        if label is None:
            return None
        period = self._fiscal_year(label[0], m.string, m.start(), block, split=label[1])
        info = tp.to_info(period, fiscal=True)
        start, _, info = self._with_modifier(m.string, m.start(), m.end(), info, None)
        return info, start

    def _norm_fiscal_range(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        first, last = self._fiscal_label(m["year"], m["year2"]), self._fiscal_label(m["year3"], m["year4"])
        if first is None or last is None or last[0] <= first[0]:
            return None
        period = tp.interval(self._fiscal_year(first[0], m.string, m.start(), block, split=first[1]),
                             self._fiscal_year(last[0], m.string, m.start(), block, split=last[1]))
        return (tp.to_info(period, fiscal=True), m.start()) if period else None

    def _norm_year_ending(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        month = self._month(m["month"])
        if month is None or not self._capitalised(m["month"]):
            return None
        period = tp.year_ending_period(int(m["year"]), month)
        return tp.to_info(period, fiscal=month != 12), m.start()

    def _norm_unit_part(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        unit = m["unit"].lower()
        modifier = self.lexicon.modifiers[m["phrase"].lower()]
        granularity = "year" if unit == "decade" else unit
        if ref is None:
            return tp.unresolved(granularity, modifier=None if modifier == "rest" else modifier), m.start()
        period = tp.period_of(ref, unit)
        if modifier == "rest":
            return tp.to_info(period, reference=ref, bounds=tp.rest_of(period, ref)), m.start()
        return tp.to_info(period, modifier=modifier, reference=ref), m.start()

    def _norm_period_end(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        unit, modifier = m["unit"].lower(), m["phrase"].lower()
        if self._next_word(m.string, m.end()).isdigit():
            return None  # "year-end 2025": the year carries the modifier
        if ref is None:
            return tp.unresolved(unit, modifier=modifier), m.start()
        return tp.to_info(tp.period_of(ref, unit), modifier=modifier, reference=ref), m.start()

    def _norm_quarter_range(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        first, last = int(m["q"]), int(m["q2"])
        if last <= first:
            return None
        if m["year"]:
            year, used = int(m["year"]), None
        elif ref is None:
            return tp.unresolved("quarter"), m.start()
        else:
            year, used = tp.nearest_quarter(first, ref, self._tense(block.doc, m.start(), m.end())).start.year, ref
        period = tp.interval(tp.quarter_period(year, first), tp.quarter_period(year, last))
        return (tp.to_info(period, reference=used), m.start()) if period else None

    def _norm_months_of(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        count_text = m["count"].lower()
        count = int(count_text) if count_text.isdigit() else self.lexicon.numbers.get(count_text, 0)
        if not 1 < count < 12:
            return None
        year = int(m["year"])
        first_month = 1 if m["side"].lower() == "first" else 13 - count
        period = tp.interval(tp.month_period(year, first_month), tp.month_period(year, first_month + count - 1))
        return (tp.to_info(period), m.start()) if period else None

    def _norm_fiscal_abbr(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        if not m.group().startswith("FY"):
            return None
        return self._fiscal(m, block)

    def _norm_fiscal_words(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        return self._fiscal(m, block)

    def _norm_year_range(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        sep = m["sep"].lower()
        first = int(m["year"])
        second_text = m["year2"]
        second = int(second_text) if len(second_text) == 4 else first - first % 100 + int(second_text)
        if second <= first or second - first > 50 or (sep == "/" and second != first + 1 and len(second_text) == 2):
            return None
        if sep == "and" and second != first + 1 and self._previous_word(m.string, m.start()) != "between":
            return None  # "the 2030 and 2040 targets" are two years
        if block.inside_quantity(m.start(), m.end()) or DIGIT_AFTER.match(m.string[m.end() : m.end() + 3]):
            return None
        period = tp.interval(tp.year_period(first), tp.year_period(second))
        return (tp.to_info(period), m.start()) if period else None

    def _norm_decade(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        info = tp.to_info(tp.decade_period(int(m["year"])))
        start, _, info = self._with_modifier(m.string, m.start(), m.end(), info, ref)
        return info, start

    def _norm_year(self, m: re.Match[str], block: _Block, ref: date | None) -> tuple[DateInfo, int] | None:
        text = m.string
        start, end = m.start(), m.end()
        if DIGIT_BEFORE.search(text, max(0, start - 4), start) or DIGIT_AFTER.match(text[end : end + 4]):
            return None
        previous = self._previous_word(text, start)
        if previous in self.non_year_before or previous.rstrip(".") in self.non_year_before:
            return None
        if self._next_word(text, end) in self.non_year_after:
            return None
        numeric_after = NUMBER_CONTEXT_AFTER.match(text[end : end + 8])
        if numeric_after is not None and not self._year_before_other_number(text, end, previous):
            return None
        if block.inside_quantity(start, end):
            return None
        info = tp.to_info(tp.year_period(int(m["year"])))
        start, _, info = self._with_modifier(text, start, end, info, ref)
        return info, start

    def _year_before_other_number(self, text: str, end: int, previous: str) -> bool:
        """"the quota for 2026 to 6,800 mt": a year, then "to" and an amount that cannot be its range's end.

        Mirrors the quantity stage's range rule: after a time preposition, or before a number written
        with thousands separators, a bare year-like number is the year and the amount stands alone.
        """
        following = YEAR_THEN_AMOUNT.match(text, end, min(len(text), end + 30))
        if following is None:
            return False
        return previous in YEAR_PREPOSITIONS or "," in following["number"]

    # ------------------------------------------------------- relative (Matcher)

    def _norm_relative(self, label: str, span: Span, ref: date | None) -> DateInfo | None:
        words = [token.lower_ for token in span]
        lex = self.lexicon
        if label == "relative_day":
            if ref is None:
                return tp.unresolved("day")
            return tp.to_info(tp.day_period(tp.shift_day(ref, "day", lex.relative_days[words[0]])), reference=ref)
        if label == "weekday":
            if not span[-1].text[:1].isupper():
                return None
            if ref is None:
                return tp.unresolved("day")
            offset = lex.deictics.get(words[0]) if len(words) > 1 else None
            tense = None if offset is not None else self._tense(span.doc, span.start_char, span.end_char)
            day = tp.weekday_date(self.weekdays[words[-1]], ref, tense=tense, offset=offset)
            return tp.to_info(tp.day_period(day), reference=ref)
        unit = lex.units.get(words[-1] if label != "ago" else words[-2])
        if unit is None:
            return None
        granularity = "year" if unit == "decade" else unit
        if label == "deictic":
            offset = next((lex.deictics[word] for word in words if word in lex.deictics), 0)
            if ref is None:
                return tp.unresolved("day" if words[0] == "past" and unit in ("day", "week") else granularity)
            if words[0] == "past" and unit != "decade":  # "the past year": the twelve months to the reference
                return tp.to_info(tp.rolling_period(ref, unit, 1, forward=False), reference=ref)
            return tp.to_info(tp.deictic_period(ref, unit, offset), reference=ref)
        previous = span.doc[span.start - 1].lower_ if span.start else ""
        if label == "ago" and previous in COMPARISON_WORDS:
            return None
        count_word = words[-2] if label == "rolling" else words[0]
        count = int(count_word) if count_word.isdigit() else lex.numbers.get(count_word)
        if not count or count > 100:
            return None
        if label == "rolling":
            forward = any(lex.deictics.get(word, 0) > 0 for word in words)
            if ref is None:
                return tp.unresolved("day" if unit in ("day", "week") else granularity)
            return tp.to_info(tp.rolling_period(ref, unit, count, forward=forward), reference=ref)
        if ref is None:
            return tp.unresolved(granularity)
        return tp.to_info(tp.period_of(tp.shift_day(ref, unit, -count), unit), reference=ref)

    # ------------------------------------------------ model DATE spans fallback

    def _model_date_spans(self, doc: Doc, taken: list[tuple[int, int]]) -> list[Span]:
        """Model DATE entities no rule covered, parsed with dateparser when they carry a year and a month."""
        if MODEL_DATE_GROUP not in doc.spans:
            return []
        spans = []
        for span in doc.spans[MODEL_DATE_GROUP]:
            if any(span.start_char < e and s < span.end_char for s, e in taken):
                continue
            if not re.search(_Y, span.text) or not any(t.lower_.rstrip(".") in self.months for t in span):
                continue
            parsed = self.parse_absolute(span.text)
            if parsed is None:
                continue
            value, granularity = parsed
            day = date.fromisoformat(value + "-01" if granularity == "month" else value)
            period = tp.month_period(day.year, day.month) if granularity == "month" else tp.day_period(day)
            new = Span(doc, span.start, span.end)
            new._.orewire_date = tp.to_info(period)
            taken.append((new.start_char, new.end_char))
            spans.append(new)
        return spans

    def parse_absolute(self, text: str) -> tuple[str, str] | None:
        """Parse a year-bearing date string with dateparser: ``(value, 'day'|'month')``; cached per instance."""
        key = text.strip().lower()
        if key in self._parsed:
            self._parsed.move_to_end(key)
            return self._parsed[key]
        if self._date_parser is None:
            from dateparser.date import DateDataParser

            self._date_parser = DateDataParser(
                languages=["en"],
                settings={
                    "RELATIVE_BASE": datetime(2000, 1, 1),
                    "PREFER_DATES_FROM": "past",
                    "REQUIRE_PARTS": ["month", "year"],
                    "TIMEZONE": "UTC",
                    "RETURN_AS_TIMEZONE_AWARE": False,
                    "PREFER_DAY_OF_MONTH": "first",
                },
            )
        result: tuple[str, str] | None = None
        data = self._date_parser.get_date_data(text)
        if data and data.date_obj is not None:
            if data.period == "month":
                result = (data.date_obj.strftime("%Y-%m"), "month")
            elif data.period == "day":
                result = (data.date_obj.date().isoformat(), "day")
        self._parsed[key] = result
        if len(self._parsed) > self.cache_size:
            self._parsed.popitem(last=False)
        return result


_PREVIOUS_QUARTER = re.compile(r"(?:previous|prior|preceding)\s+quarter", re.IGNORECASE)
_THREE_MONTHS_TO = re.compile(r"\b(?:three|3)\s+months\s+(?:to|ended|ending|through)\s+$", re.IGNORECASE)


def _anchor_previous_quarter(
    text: str, chosen: list[tuple[int, int, DateInfo]], reference: date
) -> list[tuple[int, int, DateInfo]]:
    """"the previous quarter" counts from the quarter the paragraph talks about, when it named one before.

    The anchor is the latest earlier mention of the block that is a quarter ("the December quarter",
    "Q4 2025") or the end day of "the three months to December 31"; with none, the reference's quarter
    stays the anchor (the deictic reading).
    """
    result = []
    anchor: tuple[int, int] | None = None
    for start, end, info in chosen:
        if _PREVIOUS_QUARTER.fullmatch(text, start, end) and anchor is not None:
            year, quarter = anchor
            year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
            info = tp.to_info(tp.quarter_period(year, quarter), reference=reference)
        elif info.get("value") and info.get("granularity") == "quarter" and "/" not in info["value"]:
            if not info.get("fiscal"):
                anchor = (int(info["value"][:4]), int(info["value"][-1]))
        elif info.get("value") and info.get("granularity") == "day" and _THREE_MONTHS_TO.search(text, max(0, start - 40), start):
            day = date.fromisoformat(info["value"][:10])
            anchor = (day.year, (day.month - 1) // 3 + 1)
        result.append((start, end, info))
    return result


def _longest_first(candidates: list[tuple[int, int, DateInfo]]) -> list[tuple[int, int, DateInfo]]:
    """Keep the longest of overlapping candidates (earliest on ties), sorted by start."""
    candidates.sort(key=lambda item: (item[0] - item[1], item[0]))
    starts: list[int] = []
    chosen: list[tuple[int, int, DateInfo]] = []
    for start, end, info in candidates:
        position = bisect_left(starts, start)
        if position < len(starts) and starts[position] < end:
            continue
        if position > 0 and chosen[position - 1][1] > start:
            continue
        starts.insert(position, start)
        chosen.insert(position, (start, end, info))
    return chosen


def _windows(
    anchor: re.Pattern[str],
    text: str,
    *,
    before: int = WINDOW_BEFORE,
    after: int = WINDOW_AFTER,
    keep: dict[str, int] | None = None,
) -> list[tuple[int, int]]:
    """Merged character windows round every match of ``anchor`` (whose lower-cased text is in ``keep``)."""
    windows: list[tuple[int, int]] = []
    for match in anchor.finditer(text):
        if keep is not None and match.group().lower() not in keep:
            continue
        low, high = max(0, match.start() - before), min(len(text), match.end() + after)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def _is_parsed(doc: Doc) -> bool:
    """Tagged and parsed (checked on the first token: ``has_annotation`` scans the whole doc)."""
    return len(doc) > 0 and doc[0].tag != 0 and doc[0].dep != 0


def _year_text(m: re.Match[str]) -> str | None:
    """The year digits of a quarter or half mention, whichever group of its form caught them."""
    groups = m.re.groupindex
    return next((m[name] for name in ("year", "fyear", "syear", "cyear", "cal", "year2") if name in groups and m[name]),
                None)


def _cue_pattern(cue: str) -> str:
    pattern = re.escape(cue)
    if cue[:1].isalnum():
        pattern = r"\b" + pattern
    if cue[-1:].isalnum():
        pattern += r"\b"
    return pattern


def _alternation(words: dict[str, int] | list[str]) -> str:
    return "(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")"


def _is_decade(info: DateInfo) -> bool:
    value = info["value"] or ""
    return "/" in value and len(value) == 9 and value[3] == "0" and int(value[5:]) - int(value[:4]) == 9


def _period_from_info(info: DateInfo) -> Period:
    start, end = date.fromisoformat(info["start_date"]), date.fromisoformat(info["end_date"])  # type: ignore[arg-type]
    return Period(info["value"], info["granularity"], start, end, _is_decade(info))  # type: ignore[arg-type]


@Language.factory(
    "orewire_dates",
    assigns=["doc.spans", "span._.orewire_date"],
    requires=["doc.ents"],
)
def make_date_stage(nlp: Language, name: str) -> DateStage:
    return DateStage(nlp.vocab)
