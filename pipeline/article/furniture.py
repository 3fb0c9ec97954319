"""Page furniture of scraped news pages: single lines (navigation, "Read more" links, photo captions and
credits, reading-time and comment-form lines) and runs of lines (a list of other stories' headlines, with
or without a "See also" header above it). Facts read from furniture are no facts of the story.

Kept apart from ``segment.py`` (which decides each line's zone) so that module stays one job; the cue words
and patterns are data in ``models/layout/layout.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.article.layout import Line
from pipeline.article.layout_cues import CONTINUES, NUMBERED_HEADING, SENTENCE_END, WORD, LayoutCues

# A list item's marker before a furniture line ("• Read also: ...", "- See more").
BULLET = re.compile(r"^[\s•·▪►▶*\-–—]+")
# A list item's number before a headline in a list of stories ("2. Copper slips as ..."), left out when its shape is judged.
LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")
# A teaser cut short by the page ("Bill defines offences including ..."): a headline, not a sentence.
TRUNCATED = re.compile(r"\s(?:\.{3}|…)\s*$")
LIST_SEPARATOR = " • "
# A link's label ("ALSO READ:", "Also on Ore Daily:") ends with a colon within this many characters.
LINK_LABEL_CHARS = 40
# What parts the source named by a credit line from the story's date after it: a comma or a bar, or only a space
# ("Source: Mysteel Dec 30, 2025 11:02"; the date parser then needs a whole date: day, month and year).
CREDIT_SEPARATOR = re.compile(r"\s*[,|·•]\s+|\s+")
# A row of a text table ("| 2025 target | 379 |"): bars at both ends and a figure in a cell; data, not a breadcrumb.
TABLE_ROW = re.compile(r"^\|.*\d.*\|$")
# Any row of a text table, and the rule under its header row ("|---|:---:|").
ANY_TABLE_ROW = re.compile(r"^\|.*\|$")
TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")


class Furniture:
    """Recognises page furniture in lines of one article; built once from the layout cues."""

    def __init__(self, cues: LayoutCues) -> None:
        self.cues = cues
        self._navigation = {line.lower() for line in cues.navigation_lines}
        self._starts = tuple(start.lower() for start in cues.boilerplate_starts)
        self._inline_related = {header.lower() for header in cues.inline_related_headers}
        self._story_lists = {header.lower() for header in cues.story_list_headers}
        self._story_list_starts = tuple(start.lower() for start in cues.story_list_header_starts)
        self._links = tuple(start.lower() for start in cues.link_starts)
        self._credits = tuple(start.lower() for start in cues.credit_starts)
        self._patterns = [re.compile(pattern, re.I) for pattern in (*cues.furniture_patterns, cues.reading_time)]

    @staticmethod
    def key(line: Line) -> str:
        """The line's key without a list marker before it."""
        return BULLET.sub("", line.key)

    def is_furniture_line(self, line: Line) -> bool:
        """Navigation, a link line ("Read also: ..."), or a short line matching a furniture pattern
        (photo credit or caption, reading time, comment form, breadcrumb)."""
        key = self.key(line)
        if key in self._navigation or key.rstrip(" >»:.|") in self._navigation:
            return True
        if key.lstrip("([").startswith(self._starts):  # "(Reporting by ...; Editing by ...)"
            return True
        if TABLE_ROW.match(line.stripped):
            return False
        return len(line.stripped) <= self.cues.max_contact_chars and any(p.search(line.stripped) for p in self._patterns)

    def is_link(self, line: Line) -> bool:
        """A line pointing to another story ("ALSO READ: <its headline>"): a teaser of that story."""
        key = self.key(line)
        labelled = ":" in key[:LINK_LABEL_CHARS]  # "Also on Tuesday, ..." is a sentence; "Also on Ore Daily: ..." a link
        return labelled and key.startswith(self._links) and len(WORD.findall(key)) >= self.cues.min_teaser_words

    def credit_date(self, line: Line, parse: Callable[[str], str | None]) -> tuple[int, int] | None:
        """Offsets of the story's date ending a credit line ("Source: Mining Weekly | May 4, 2018", "Source: Metal
        Times, August 28, 2025"): the longest tail after a comma or a bar that ``parse`` reads as a date line."""
        if not self.key(line).startswith(self._credits):
            return None
        text = line.text.rstrip()
        for separator in CREDIT_SEPARATOR.finditer(text):
            if parse(text[separator.end():]) is not None:
                return line.start + separator.end(), line.start + len(text)
        return None

    def is_inline_related_header(self, line: Line) -> bool:
        """A header over a list of other stories inside the page ("See also", "Off the wire")."""
        return self.key(line).rstrip(" :>»") in self._inline_related

    def is_story_list_header(self, line: Line) -> bool:
        """A header over a list of the site's other stories: a whole line ("Latest News", "Most Read") or one naming a
        section or the site after it ("More news from Business"), short and no sentence."""
        key = self.key(line).rstrip(" :>»")
        if key in self._story_lists:
            return True
        return (key.startswith(self._story_list_starts) and not SENTENCE_END.search(key)
                and len(WORD.findall(key)) <= self.cues.max_plain_heading_words)

    @staticmethod
    def is_headline_strip(line: Line) -> bool:
        """Several headlines on one line: "A ... • B ... • C"."""
        return line.stripped.count(LIST_SEPARATOR) >= 2

    def is_teaser_headline(self, line: Line, *, listed: bool = False) -> bool:
        """A line shaped like another story's headline: a few words, no sentence end, not cut mid-phrase. An item of a
        list (``listed``) is judged without its bullet or number ("- Copper slips ...", "2. Copper slips ...")."""
        text = LIST_NUMBER.sub("", BULLET.sub("", line.stripped)) if listed else line.stripped
        if self.is_headline_strip(line):
            return True
        words = WORD.findall(text)
        if not self.cues.min_teaser_words <= len(words) <= self.cues.max_heading_words:
            return False
        if TRUNCATED.search(text):
            return True
        return (not SENTENCE_END.search(text) and not CONTINUES.search(text) and not NUMBERED_HEADING.match(text)
                and (text[:1].isupper() or text[:1].isdigit()))

    @staticmethod
    def table_lines(lines: list[Line]) -> set[int]:
        """Indexes of the lines of text tables with a header rule: the header row, the rule and the rows under it,
        one block of data (the header's bracketed units measure the figures below: ``quantities.tables``)."""
        found: set[int] = set()
        for position, line in enumerate(lines):
            if position and TABLE_RULE.match(line.stripped) and ANY_TABLE_ROW.match(lines[position - 1].stripped):
                end = position + 1
                while end < len(lines) and ANY_TABLE_ROW.match(lines[end].stripped):
                    end += 1
                found.update(range(position - 1, end))
        return found

    def teaser_lines(self, lines: list[Line], title_case_share: Callable[[Line], float]) -> set[int]:
        """Indexes of lines that list other stories: the headlines under an inline related header (the header
        included), the headlines under a story-list header but its first (the strip's one annotated teaser, as the
        real-news annotators read a "Most Read" list), and runs of title-case headlines with no text between them
        after the story's text has begun: ``min_teaser_run`` of them at the end of the page or above furniture, one
        more above text. (Above the text, title-case lines are the story's own summary points.)

        In a hard-wrapped text (lines cut at a fixed width) a run of capitalised lines is a sentence, not a
        list, so only the runs under a header count there."""
        found: set[int] = set()
        wrapped_text = self.is_hard_wrapped(lines)
        text_begun = False
        position = 0
        while position < len(lines):
            if self.is_inline_related_header(lines[position]):
                end = position + 1
                while end < len(lines) and self.is_teaser_headline(lines[end]):
                    end += 1
                found.update(range(position, end))
                position = end
                continue
            if self.is_story_list_header(lines[position]):
                end = position + 1
                while end < len(lines) and self.is_teaser_headline(lines[end], listed=True):
                    end += 1
                if end > position + 1:
                    found.add(position)
                    found.update(range(position + 2, end))
                    position = end
                    continue
            end = position
            while end < len(lines) and self.is_teaser_headline(lines[end]) and (
                    title_case_share(lines[end]) >= self.cues.min_teaser_title_case):
                end += 1
            # Two headlines in a row may be a heading and its sub-heading; above text, a list needs one more.
            closes = end == len(lines) or self.is_furniture_line(lines[end])
            if end - position >= self.cues.min_teaser_run + (0 if closes else 1) and text_begun and not wrapped_text:
                found.update(range(position, end))
            text_begun = text_begun or bool(SENTENCE_END.search(lines[max(end, position + 1) - 1].stripped))
            position = max(end, position + 1)
        return found

    def is_hard_wrapped(self, lines: list[Line]) -> bool:
        """Whether sentences run on over line breaks: enough lines without a sentence end go on in lower case."""
        runs_on = sum(1 for line, below in zip(lines, lines[1:], strict=False)
                      if below.stripped[:1].islower() and not SENTENCE_END.search(line.stripped))
        return runs_on >= max(2, self.cues.min_wrapped_share * len(lines))
