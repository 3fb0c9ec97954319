"""Segmentation: split an article into zoned blocks and sections.

This stage reads the raw text only (no ``Doc``), so it is a plain function. It recognises the layout of scraped news
pages: a title line, a dateline, numbered section headings, title-case and short sentence-case sub-headlines, body
paragraphs, text tables, a "Related News" block of dated teasers, and boilerplate (disclaimers, contact lines, bylines,
navigation, a trailing page-title line). A text with none of these is a single body section. Wire-style datelines
inside the first paragraph ("TORONTO, Feb 10 (Orewire) -") stay in the body: they carry no year, so ``published``
comes only from a dateline line of its own.
"""

from __future__ import annotations

import re
import time

from pipeline.article.furniture import Furniture
from pipeline.article.layout import Block, Layout, Line, build_sections, split_lines, split_stamp
from pipeline.article.layout_cues import (
    BYLINE_COMMA,
    CONTINUES,
    DATE_TIME_SLASH,
    DATE_TOKEN,
    DATELINE_SEPARATOR,
    DEADLINE_CHECK_LINES,
    EMAIL,
    INSIDE_DATE,
    MAX_DATELINE_CHARS,
    MAX_LEADING_FURNITURE,
    NUMBERED_HEADING,
    NUMERIC_DATE_LINE,
    PHONE,
    PHONE_LINE,
    SECTION_LABEL,
    SENTENCE_END,
    WORD,
    LayoutCues,
    ends_paragraph,
    repeats_title,
)
from pipeline.article.page_head import take_title_and_dateline
from pipeline.article.related import classify_related
from pipeline.errors import ErrorCode, OrewireError
from pipeline.resources.files import load_json
from pipeline.text.calendar_names import MONTHS, WEEKDAYS
from pipeline.text.dateline import parse_date_line, parse_dateline
from pipeline.text.language import ForeignLineDetector


class Segmenter:
    """Classifies the lines of an article into zones; loads its cues once."""

    def __init__(self, cues: LayoutCues | None = None) -> None:
        self.cues = cues or load_json("layout/layout.json", LayoutCues)
        self._related = {header.lower() for header in self.cues.related_headers}
        self._furniture = Furniture(self.cues)
        self._byline_starts = tuple(start.lower() + " " for start in self.cues.byline_starts)
        starts = "|".join(re.escape(start) for start in sorted(self.cues.byline_starts, key=len, reverse=True))
        self._byline_opening = re.compile(rf"(?<=\S)\s+(?=(?:{starts})\s+\S)", re.I)
        prefixes = "|".join(re.escape(p) for p in sorted(self.cues.dateline_prefixes, key=len, reverse=True))
        self._dateline_prefix = re.compile(rf"^(?:{prefixes})\s*(?::|\s)\s*", re.I)
        self._date_words = frozenset(MONTHS) | frozenset(WEEKDAYS) | {w.lower() for w in self.cues.time_words}
        self._metadata_label = re.compile(self.cues.metadata_label)
        self._elapsed_time_line = re.compile(self.cues.elapsed_time_line)
        self._headline_lower = frozenset(word.lower() for word in self.cues.headline_lower_words)
        self._foreign = ForeignLineDetector(self.cues.foreign_languages, self.cues.min_foreign_stop_words)
        self._stamp_prefix = re.compile(self.cues.stamp_prefix)
        self._reading_time = re.compile(rf"\s+(?:{self.cues.reading_time})\s*$", re.I)

    def __call__(self, text: str) -> Layout:
        return self.segment(text)

    def segment(self, text: str, *, deadline: float = float("inf")) -> Layout:
        """Zoned blocks and sections of ``text``.

        Raises:
            OrewireError: E009 when ``time.perf_counter()`` passes ``deadline`` (checked every few hundred lines).
        """
        self._deadline = deadline
        lines = split_stamp([line for line in split_lines(text) if line.text], self._stamp_prefix)
        layout = Layout()
        if not lines:
            return layout
        related_at = next((i for i, line in enumerate(lines) if line.key.rstrip(":") in self._related), None)
        main = lines if related_at is None else lines[:related_at]
        tail = [] if related_at is None else lines[related_at:]
        blocks: list[Block] = []
        # A page may open with its own furniture (a help-desk line, phone numbers) above the headline.
        lead = 0
        while lead < min(len(main) - 1, MAX_LEADING_FURNITURE) and self._leads_page(main[lead]):
            blocks.extend(self._boilerplate_blocks(main[lead]))
            lead += 1
        index = lead + take_title_and_dateline(self, main[lead:], blocks, layout)
        page_title_line = self._trailing_page_title(lines, layout.title)
        if page_title_line is not None:
            if tail and tail[-1] is page_title_line:
                tail = tail[:-1]
            elif main and main[-1] is page_title_line:
                main = main[:-1]
        self._classify_main(main[index:], blocks, title_key=main[lead].key if layout.title else None)
        if tail:
            blocks.append(Block(tail[0].start, tail[0].end, "boilerplate", "related_header", None))
            classify_related(self, tail[1:], blocks)
        if page_title_line is not None:
            blocks.append(Block(page_title_line.start, page_title_line.end, "boilerplate", "page_title", None))
        layout.blocks = blocks
        layout.sections = build_sections(blocks)
        return layout

    def _leads_page(self, line: Line) -> bool:
        """Furniture above the headline: boilerplate, a section label, a date line we cannot read, a strip of
        other stories' headlines and its header ("Off the wire")."""
        if self.dated_byline(line) is not None:  # the page's date, then its byline: the head's dateline
            return False
        unread_date = self.is_date_label(line) and self.dateline_span(line) is None
        strip = self._furniture.is_inline_related_header(line) or self._furniture.is_headline_strip(line)
        return self.is_boilerplate(line) or self.is_label(line) or unread_date or strip

    _deadline = float("inf")

    def check_deadline(self, position: int) -> None:
        if position % DEADLINE_CHECK_LINES == 0 and time.perf_counter() > self._deadline:
            raise OrewireError(ErrorCode.E009_TIME_BUDGET, "segmentation", stage="segment")

    def dateline_span(self, line: Line) -> tuple[int, int, str] | None:
        """Offsets and ISO value of the date on a dateline line (prefix such as ``Published:`` excluded)."""
        if len(line.text) > MAX_DATELINE_CHARS:
            return None
        text = line.text
        # "Metals Desk - Published on Fri, 12 Dec 2025": a short section label before a prefixed date.
        label = SECTION_LABEL.match(text)
        if label and self._dateline_prefix.match(text[label.end():]):
            text = text[label.end():]
        rest = self._dateline_prefix.sub("", text, count=1)
        start = line.start + len(line.text) - len(rest)
        rest = self._reading_time.sub("", rest)  # the date ends where the page's reading time starts
        end = start + len(rest)
        # "March 16, 2024 / 3:36 PM": date and time split by a slash; "10:52, June 22, 2025": the time before the date.
        value = parse_date_line(rest) or parse_dateline(DATE_TIME_SLASH.sub(" ", rest))
        if value is not None:
            return start, end, value
        first = DATELINE_SEPARATOR.split(rest, maxsplit=1)[0]
        if first != rest:
            value = parse_dateline(self._dateline_prefix.sub("", first, count=1))
            if value is not None:
                return start, start + len(first.rstrip()), value
        return None

    def dated_byline(self, line: Line) -> tuple[int, int, str] | None:
        """Offsets and ISO value of the date on a line that gives the page's date and then its byline ("12 May 2025 -
        09:30 By Orewire", "May 12, 2025 08:15:00 -0400 by A. Writer | #Cobalt"): the words before a byline opening
        are only a dateline, the rest is a byline. ``dateline_span`` alone reads no such line (the byline is no date)."""
        if len(line.text) > MAX_DATELINE_CHARS:
            return None
        for opening in self._byline_opening.finditer(line.text):
            if not self.is_byline(Line(line.start + opening.end(), line.end, line.text[opening.end():])):
                continue
            date_end = line.start + opening.start()
            found = self.dateline_span(Line(line.start, date_end, line.text[:opening.start()]))
            if found is not None and found[1] == date_end:
                return found
        return None

    def dateline_value(self, line: Line) -> str | None:
        """ISO date of a line that is only a dateline (with or without a ``Published:`` prefix)."""
        found = self.dateline_span(line)
        return found[2] if found else None

    def is_label(self, line: Line) -> bool:
        """A section name at the head of the page ("AFRICA", "Sport"): too short for a headline."""
        return not any(char.isdigit() for char in line.stripped) and len(line.stripped.split()) < self.cues.min_title_words

    def is_title(self, line: Line) -> bool:
        """A line that may be a headline: short, a few words, no sentence end, not a date label."""
        text = line.stripped
        return (
            len(text) <= self.cues.max_title_chars
            and len(text.split()) >= self.cues.min_title_words
            and not SENTENCE_END.search(text)
            and not CONTINUES.search(text)
            and text.split()[-1].lower() not in self._headline_lower
            and not self.is_date_label(line)
        )

    def is_date_label(self, line: Line) -> bool:
        """A "Published: ..." or "Posted on ..." line with digits: page metadata, even where its date is not
        one ``parse_dateline`` reads ("Published on 14.03.2024 at 09.40"); never a headline."""
        prefix = self._dateline_prefix.match(line.stripped)
        return (prefix is not None and prefix.group().strip(" :").lower() != "date"
                and any(c.isdigit() for c in line.stripped))

    def is_title_case(self, line: Line) -> bool:
        """Most content words capitalised, as in a headline ("Vietnam Passes Rare Earth Export Ban")."""
        return self.title_case_share(line) >= self.cues.min_title_case_ratio

    def title_case_share(self, line: Line) -> float:
        """The share of a line's content words that start with a capital (0 for a line without any)."""
        content = [w for w in WORD.findall(line.stripped) if w.lower() not in self._headline_lower]
        return sum(1 for w in content if w[0].isupper()) / len(content) if content else 0.0

    def _trailing_page_title(self, lines: list[Line], title: str | None) -> Line | None:
        if not title or len(lines) < 3:
            return None
        last = lines[-1]
        head = title[: max(20, len(title) // 2)].lower()
        return last if last.key.startswith(head) else None

    def is_byline(self, line: Line) -> bool:
        key = line.key
        return (
            key.startswith(self._byline_starts)
            and len(WORD.findall(line.stripped)) <= self.cues.max_plain_heading_words + 2
            and not SENTENCE_END.search(line.stripped)
        )

    def is_boilerplate(self, line: Line) -> bool:
        if self._furniture.is_furniture_line(line):
            return True
        if self.is_byline(line) or self._elapsed_time_line.match(line.key) or self._foreign.is_foreign(line.text):
            return True
        if self.dated_byline(line) is not None:
            return True
        if len(line.stripped) <= self.cues.max_contact_chars and (EMAIL.search(line.text) or PHONE.search(line.text)):
            return True
        return bool(PHONE_LINE.match(line.text)) and not NUMERIC_DATE_LINE.match(line.text)

    def is_furniture(self, line: Line, previous: Line | None = None) -> bool:
        """Page furniture that looks like a heading but opens no section: a line giving only a date or time
        ("31, Oct. 2019", "Published 10:47 am Wednesday"), a byline too long to be boilerplate, or the value
        under a metadata label ("Industry :" then "Other Industrial Metals & Mining")."""
        if previous is not None and self._metadata_label.match(previous.stripped):
            return True
        if line.key.startswith(self._byline_starts) or self.is_date_label(line):
            return True
        tokens = DATE_TOKEN.findall(self._dateline_prefix.sub("", line.stripped, count=1))
        return bool(tokens) and all(t.isdigit() or t.lower() in self._date_words for t in tokens)

    def is_heading(
        self, line: Line, next_line: Line | None, *, standalone: bool = True, plain_allowed: bool = True
    ) -> bool:
        """A numbered heading, a title-case sub-headline or a short sentence-case heading.

        Args:
            line: the candidate line.
            next_line: the line after it; a heading always has text under it.
            standalone: whether the line stands apart from the text around it (blank lines).
            plain_allowed: whether sentence-case headings count (only where blank lines set them apart).
        """
        text = line.stripped
        if next_line is None or not standalone or len(text) > self.cues.max_heading_chars:
            return False
        if SENTENCE_END.search(text) or CONTINUES.search(text):
            return False
        words = WORD.findall(text)
        if not words or len(words) > self.cues.max_heading_words:
            return False
        if NUMBERED_HEADING.match(text):
            return True
        first_letter = next((char for char in text if char.isalpha()), "")
        if not first_letter.isupper() or text.split()[-1].lower() in self._headline_lower:
            return False
        if self.is_title_case(line):
            return True
        # Sentence-case heading ("Supply side"): short, set apart by blank lines, above a real paragraph.
        next_words = len(WORD.findall(next_line.stripped))
        return (
            plain_allowed
            and len(words) <= self.cues.max_plain_heading_words
            and (bool(SENTENCE_END.search(next_line.stripped)) or next_words > self.cues.max_heading_words)
        )

    def _classify_main(self, lines: list[Line], blocks: list[Block], *, title_key: str | None = None) -> None:
        section: str | None = None
        top: str | None = None
        paragraph: list[Line] = []
        # Without blank lines between paragraphs every line stands alone.
        spaced = any(line.blank_before for line in lines[1:])
        # Without blank lines, a text cut at a fixed width has capitalised lines inside its sentences: no headings.
        wrapped = not spaced and self._furniture.is_hard_wrapped(lines)

        def flush() -> None:
            if paragraph:
                blocks.append(Block(paragraph[0].start, paragraph[-1].end, "body", "paragraph", section))
                paragraph.clear()

        previous_heading = False
        # A long line the page already showed (caption, byline, pull quote) is furniture the second time: its facts come once.
        seen: set[str] = set()
        teasers = self._furniture.teaser_lines(lines, self.title_case_share)  # other stories' headlines
        tables = self._furniture.table_lines(lines)  # a text table is one block of data, whatever its rows look like
        for position, line in enumerate(lines):
            self.check_deadline(position)
            next_line = lines[position + 1] if position + 1 < len(lines) else None
            repeated = len(line.key) >= self.cues.min_repeated_line_chars and line.key in seen
            seen.add(line.key)
            repeated = repeated or repeats_title(line, title_key, self.cues.min_repeated_title_share)
            if position in tables or position - 1 in tables:  # the lines of a text table, then the line after it
                if paragraph and (position in tables) != (position - 1 in tables):
                    flush()
                if position in tables:
                    paragraph.append(line)
                    continue
            if self.is_boilerplate(line) or repeated or position in teasers:
                flush()
                blocks.extend(self._boilerplate_blocks(line))
                section, previous_heading = top, False
                continue
            if self._furniture.is_link(line):  # "ALSO READ: <another story's headline>": a teaser of it
                flush()
                blocks.append(Block(line.start, line.end, "related", "teaser_link", None))
                section, previous_heading = top, False
                continue
            if spaced:
                opens = position == 0 or line.blank_before or previous_heading
                standalone = opens and (next_line is None or next_line.blank_before)
            else:
                standalone = not paragraph or bool(SENTENCE_END.search(paragraph[-1].stripped))
            previous = lines[position - 1] if position else None
            if self.is_heading(line, next_line, standalone=standalone, plain_allowed=spaced) and not (
                next_line and self.is_boilerplate(next_line) and self.dated_byline(next_line) is None  # a headline above its date
            ) and not self.is_furniture(line, previous) and not (
                wrapped and not NUMBERED_HEADING.match(line.stripped)):
                flush()
                numbered = bool(NUMBERED_HEADING.match(line.stripped))
                kind = "numbered_heading" if numbered else "subheading"
                if numbered:
                    top = line.stripped
                section = line.stripped
                blocks.append(Block(line.start, line.end, "heading", kind, section))
                previous_heading = True
                continue
            previous_heading = False
            if paragraph and (line.blank_before or ends_paragraph(paragraph[-1], line)):
                flush()
            paragraph.append(line)
        flush()

    def _boilerplate_blocks(self, line: Line) -> list[Block]:
        """A boilerplate line as one block; the page's date on a byline ("By A. Writer | 02/07/2023 01:27 PM EST"), a
        credit line or before a reading time ("Wed, Mar 4, 2026, 5:42 PM 3 min read") gets a dateline block of its own."""
        whole = [Block(line.start, line.end, "boilerplate", "boilerplate", None)]
        if self._reading_time.search(line.text) and (dated := self.dateline_span(line)) is not None:
            return _around_date(line, dated, "boilerplate")
        if (dated := self.dated_byline(line)) is not None:  # "12 May 2025 By Orewire": the date, then the byline
            return _around_date(line, dated, "byline")
        if (dated_at := self._furniture.credit_date(line, parse_dateline)) is not None:  # "Source: X | May 4, 2018"
            return [Block(line.start, dated_at[0], "boilerplate", "boilerplate", None), Block(*dated_at, "dateline", "cite", None)]
        if not line.key.startswith(self._byline_starts):
            return whole
        parts = DATELINE_SEPARATOR.split(line.text)
        tail = self._dateline_prefix.sub("", parts[-1].strip(), count=1) if len(parts) > 1 else ""  # "Updated: ..."
        if len(parts) == 1:  # "By A. Writer, Feb 02, 2018": only a date after a comma that ends the names
            tail = next((rest for comma in BYLINE_COMMA.finditer(line.text)
                         if not INSIDE_DATE.search(line.text, 0, comma.start())
                         and self._only_date(rest := line.text[comma.end():].rstrip())), "")
        if not self._only_date(tail):
            return whole
        start = line.start + line.text.rindex(tail)
        return [Block(line.start, start, "boilerplate", "boilerplate", None),
                Block(start, start + len(tail), "dateline", "byline_date", None)]


    def _only_date(self, text: str) -> bool:
        """Only date words and numbers, one number at least ("Feb 02, 2018", "02/07/2023 01:27 PM EST")."""
        tokens = DATE_TOKEN.findall(text)
        return any(t.isdigit() for t in tokens) and all(t.isdigit() or t.lower() in self._date_words for t in tokens)


def _around_date(line: Line, dated: tuple[int, int, str], rest_kind: str) -> list[Block]:
    """A boilerplate line cut round the page's date it gives (``dated``: its offsets and ISO value): the words before
    it, the date as a dateline block, and the words after it as a boilerplate block of kind ``rest_kind``."""
    start, end, _ = dated
    return [Block(line.start, start, "boilerplate", "boilerplate", None)] * (start > line.start) + [
        Block(start, end, "dateline", "dateline", None), Block(end, line.end, "boilerplate", rest_kind, None)]
