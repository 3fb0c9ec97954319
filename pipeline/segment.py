"""Segmentation: split an article into zoned blocks and sections.

This stage reads the raw text only (no ``Doc``), so it is a plain function.
It recognises the layout of scraped news pages: a title line, a dateline,
numbered section headings, title-case sub-headlines, body paragraphs, a
"Related News" block of dated teasers, and boilerplate (disclaimers, contact
lines, navigation, a trailing page-title line). A text with none of these is
a single body section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from pydantic import BaseModel, ConfigDict

from .resources import load_json


class LayoutCues(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str
    dateline_prefixes: list[str]
    related_headers: list[str]
    navigation_lines: list[str]
    boilerplate_starts: list[str]
    max_heading_chars: int
    max_heading_words: int
    max_title_chars: int
    min_title_case_ratio: float


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:[ ,T]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?(?:\s*(?:UTC|GMT|[A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z))?)?"
DATELINE_FORMS = [
    re.compile(r"^" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME + r"$", re.I),
    re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + r"$", re.I),
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})" + _TIME + r"$"),
    re.compile(r"^(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})" + _TIME + r"$"),
]
NUMBERED_HEADING = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}|[A-H])[.)、]\s+\S")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_LINE = re.compile(r"^[\s(+]*\d[\d\s().+-]{6,}\d\s*$")
SENTENCE_END = re.compile(r"[.!;:。]['\"’”)]?\s*$")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Short function words stay lower-case in title-case headlines.
HEADLINE_LOWER_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per the to up via vs with amid after before than".split()
)


def parse_dateline(text: str) -> str | None:
    """Parse a dateline such as ``Dec 12, 2025 16:05`` into ISO 8601 (``2025-12-12T16:05``).

    Returns None when the text is not a date of a recognised form or not a real day.
    """
    candidate = text.strip()
    for form in DATELINE_FORMS:
        match = form.match(candidate)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["month"].lower()]
        year, day = int(parts["year"]), int(parts["day"])
        if not _is_real_day(year, month, day):
            return None
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if parts.get("hour") is None:
            return iso
        hour, minute = int(parts["hour"]), int(parts["minute"])
        if parts.get("ampm"):
            is_pm = parts["ampm"].lower().startswith("p")
            hour = hour % 12 + (12 if is_pm else 0)
        if hour > 23 or minute > 59:
            return iso
        return f"{iso}T{hour:02d}:{minute:02d}"
    return None


def _is_real_day(year: int, month: int, day: int) -> bool:
    from datetime import date

    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @cached_property
    def stripped(self) -> str:
        return self.text.strip()

    @cached_property
    def key(self) -> str:
        return re.sub(r"\s+", " ", self.stripped).lower()


@dataclass(frozen=True)
class Block:
    """A run of text with one zone, processed by the NLP stages as one unit."""

    start: int
    end: int
    zone: str
    kind: str
    section: str | None
    reference: str | None = None  # publication date of a teaser, ISO; None = the article's.


@dataclass(frozen=True)
class Section:
    title: str | None
    start: int
    end: int
    zone: str


@dataclass
class Layout:
    """The segmentation of one article."""

    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    title: str | None = None
    published: str | None = None


def split_lines(text: str) -> list[Line]:
    """Split text into lines with exact offsets; ``\\r`` and surrounding spaces stay outside the span."""
    lines: list[Line] = []
    position = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e")
        leading = len(body) - len(body.lstrip())
        content = body.strip()
        start = position + leading
        lines.append(Line(start, start + len(content), content))
        position += len(raw)
    return lines


class Segmenter:
    """Classifies the lines of an article into zones; loads its cues once."""

    def __init__(self, cues: LayoutCues | None = None) -> None:
        self.cues = cues or load_json("layout/layout.json", LayoutCues)
        self._related = {header.lower() for header in self.cues.related_headers}
        self._navigation = {line.lower() for line in self.cues.navigation_lines}
        self._boilerplate_starts = tuple(start.lower() for start in self.cues.boilerplate_starts)
        prefixes = "|".join(re.escape(p) for p in sorted(self.cues.dateline_prefixes, key=len, reverse=True))
        self._dateline_prefix = re.compile(rf"^(?:{prefixes})\s*:?\s*", re.I)

    def __call__(self, text: str) -> Layout:
        return self.segment(text)

    def segment(self, text: str) -> Layout:
        lines = [line for line in split_lines(text) if line.text]
        layout = Layout()
        if not lines:
            return layout
        related_at = next((i for i, line in enumerate(lines) if line.key.rstrip(":") in self._related), None)
        main = lines if related_at is None else lines[:related_at]
        tail = [] if related_at is None else lines[related_at:]
        blocks: list[Block] = []
        index = self._take_title_and_dateline(main, blocks, layout)
        page_title_line = self._trailing_page_title(lines, layout.title)
        if page_title_line is not None:
            if tail and tail[-1] is page_title_line:
                tail = tail[:-1]
            elif main and main[-1] is page_title_line:
                main = main[:-1]
        self._classify_main(main[index:], blocks, layout)
        if tail:
            blocks.append(Block(tail[0].start, tail[0].end, "boilerplate", "related_header", None))
            self._classify_related(tail[1:], blocks, layout.published)
        if page_title_line is not None:
            blocks.append(Block(page_title_line.start, page_title_line.end, "boilerplate", "page_title", None))
        layout.blocks = blocks
        layout.sections = build_sections(blocks, len(text))
        return layout

    def dateline_value(self, line: Line) -> str | None:
        """ISO date of a line that is only a dateline (with or without a ``Published:`` prefix)."""
        return parse_dateline(self._dateline_prefix.sub("", line.stripped, count=1))

    def _take_title_and_dateline(self, lines: list[Line], blocks: list[Block], layout: Layout) -> int:
        index = 0
        for position, line in enumerate(lines[:4]):
            published = self.dateline_value(line)
            if published is not None:
                if position == 1 and self._is_title(lines[0]):
                    layout.title = lines[0].stripped
                    blocks.append(Block(lines[0].start, lines[0].end, "title", "title", None))
                elif position != 0:
                    break
                date_start = line.start + len(line.text) - len(self._dateline_prefix.sub("", line.text, count=1))
                blocks.append(Block(date_start, line.end, "dateline", "dateline", None))
                layout.published = published
                return position + 1
        if len(lines) > 1 and self._is_title(lines[0]):
            layout.title = lines[0].stripped
            blocks.append(Block(lines[0].start, lines[0].end, "title", "title", None))
            index = 1
        return index

    def _is_title(self, line: Line) -> bool:
        return len(line.stripped) <= self.cues.max_title_chars and not SENTENCE_END.search(line.stripped)

    def _trailing_page_title(self, lines: list[Line], title: str | None) -> Line | None:
        if not title or len(lines) < 3:
            return None
        last = lines[-1]
        head = title[: max(20, len(title) // 2)].lower()
        if last.key.startswith(head) and last.key != title.lower():
            return last
        return None

    def is_boilerplate(self, line: Line) -> bool:
        key = line.key
        if key in self._navigation or key.startswith(self._boilerplate_starts):
            return True
        if EMAIL.search(line.text) and len(line.stripped) < 240:
            return True
        return bool(PHONE_LINE.match(line.text))

    def is_heading(self, line: Line, next_line: Line | None) -> bool:
        text = line.stripped
        if next_line is None or len(text) > self.cues.max_heading_chars or SENTENCE_END.search(text):
            return False
        words = WORD.findall(text)
        if not words or len(words) > self.cues.max_heading_words:
            return False
        if NUMBERED_HEADING.match(text):
            return True
        content = [w for w in words if w.lower() not in HEADLINE_LOWER_WORDS]
        if not content:
            return False
        capitalised = sum(1 for w in content if w[0].isupper())
        return capitalised / len(content) >= self.cues.min_title_case_ratio

    def _classify_main(self, lines: list[Line], blocks: list[Block], layout: Layout) -> None:
        section: str | None = None
        top: str | None = None
        paragraph: list[Line] = []

        def flush() -> None:
            if paragraph:
                blocks.append(Block(paragraph[0].start, paragraph[-1].end, "body", "paragraph", section))
                paragraph.clear()

        for position, line in enumerate(lines):
            next_line = lines[position + 1] if position + 1 < len(lines) else None
            if self.is_boilerplate(line):
                flush()
                blocks.append(Block(line.start, line.end, "boilerplate", "boilerplate", None))
                section = top
                continue
            if self.is_heading(line, next_line) and not (next_line and self.is_boilerplate(next_line)):
                flush()
                numbered = bool(NUMBERED_HEADING.match(line.stripped))
                kind = "numbered_heading" if numbered else "subheading"
                if numbered:
                    top = line.stripped
                section = line.stripped
                blocks.append(Block(line.start, line.end, "heading", kind, section))
                continue
            if paragraph and line.start > paragraph[-1].end + 2:
                flush()
            paragraph.append(line)
        flush()

    def _classify_related(self, lines: list[Line], blocks: list[Block], published: str | None) -> None:
        seen: set[str] = set()
        teaser_title: str | None = None
        teaser_date: str | None = None
        teaser_date_seen = False
        teaser_has_text = False
        for position, line in enumerate(lines):
            next_line = lines[position + 1] if position + 1 < len(lines) else None
            date_value = self.dateline_value(line)
            if date_value is not None:
                if teaser_title is not None and not teaser_date_seen:
                    teaser_date, teaser_date_seen = date_value, True
                    blocks.append(Block(line.start, line.end, "related", "teaser_date", teaser_title, teaser_date[:10]))
                else:
                    blocks.append(Block(line.start, line.end, "boilerplate", "repeat", None))
                continue
            if self.is_boilerplate(line) or line.key in seen:
                blocks.append(Block(line.start, line.end, "boilerplate", "repeat", None))
                continue
            next_date = self.dateline_value(next_line) if next_line is not None else None
            next_is_date = next_date is not None and (
                teaser_title is None or teaser_has_text or next_date != teaser_date
            )
            if next_is_date or (teaser_title is None and not SENTENCE_END.search(line.stripped)):
                teaser_title = line.stripped
                teaser_date, teaser_date_seen, teaser_has_text = None, False, False
                if next_is_date:
                    teaser_date = next_date
                seen.add(line.key)
                reference = teaser_date[:10] if teaser_date else None
                blocks.append(Block(line.start, line.end, "related", "teaser_title", teaser_title, reference))
                continue
            seen.add(line.key)
            teaser_has_text = True
            reference = teaser_date[:10] if teaser_date else None
            blocks.append(Block(line.start, line.end, "related", "teaser_text", teaser_title, reference))


def build_sections(blocks: list[Block], text_length: int) -> list[Section]:
    """Flat list of sections: each heading or teaser title opens one, running to the next."""
    sections: list[Section] = []
    open_title: str | None = None
    open_start: int | None = None
    open_zone = "body"
    last_end = 0

    def close(end: int) -> None:
        if open_start is not None and end > open_start:
            sections.append(Section(open_title, open_start, end, open_zone))

    for block in blocks:
        if block.zone in ("title", "dateline"):
            continue
        opens = block.kind in ("numbered_heading", "subheading", "teaser_title")
        boilerplate_run = block.zone == "boilerplate" and block.kind in ("boilerplate", "page_title", "related_header")
        if opens or (boilerplate_run and open_zone != "boilerplate") or (open_start is None):
            close(block.start)
            open_start = block.start
            if block.kind == "teaser_title":
                open_title, open_zone = block.section, "related"
            elif opens:
                open_title, open_zone = block.section, "heading"
            elif boilerplate_run:
                open_title, open_zone = None, "boilerplate"
            else:
                open_title, open_zone = None, block.zone
        last_end = block.end
    if open_start is not None:
        close(max(last_end, open_start))
    return sections
