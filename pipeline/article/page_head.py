"""The head of a page: its headline, bylines and dateline, before the body starts.

A scraped page opens with a title line and a dateline in one of a few orders: title, bylines, date; date, then
the headline (a crawler's stamp, a "Published:" line), perhaps after furniture and a section label; or a title
right above the story. ``Segmenter`` judges single lines; this module reads their order.
"""

from __future__ import annotations

from typing import Protocol

from pipeline.article.layout import Block, Layout, Line
from pipeline.article.layout_cues import MAX_LEADING_FURNITURE, SENTENCE_END, WORD, LayoutCues


class HeadJudge(Protocol):
    """What the head needs to know of a line (``Segmenter`` provides it)."""

    cues: LayoutCues

    def dateline_span(self, line: Line) -> tuple[int, int, str] | None: ...
    def dated_byline(self, line: Line) -> tuple[int, int, str] | None: ...
    def is_boilerplate(self, line: Line) -> bool: ...
    def is_byline(self, line: Line) -> bool: ...
    def is_label(self, line: Line) -> bool: ...
    def is_title(self, line: Line) -> bool: ...
    def is_title_case(self, line: Line) -> bool: ...


def take_title_and_dateline(judge: HeadJudge, lines: list[Line], blocks: list[Block], layout: Layout) -> int:
    """Title, bylines and the dateline at the head of the article; returns the index of the first body line."""
    for position, line in enumerate(lines[:4]):
        found = judge.dateline_span(line)
        dated_byline = judge.dated_byline(line) if found is None else None
        found = found or dated_byline
        if found is None:
            continue
        between = lines[1:position]
        if position > 0 and not (judge.is_title(lines[0]) and all(judge.is_byline(b) for b in between)):
            break
        if position > 0:
            add_title(lines[0], blocks, layout)
            blocks.extend(Block(b.start, b.end, "boilerplate", "byline", None) for b in between)
        start, end, layout.published = found
        blocks.append(Block(start, end, "dateline", "dateline", None))
        if dated_byline is not None:  # "12 May 2025 By Orewire": the byline after the date
            blocks.append(Block(end, line.end, "boilerplate", "byline", None))
        index = position + 1
        # A second date line ("Updated: ...") right after the dateline is page metadata.
        while index < len(lines) and judge.dateline_span(lines[index]) is not None:
            blocks.append(Block(lines[index].start, lines[index].end, "boilerplate", "dateline_extra", None))
            index += 1
        if position == 0:
            index = title_after_dateline(judge, lines, index, blocks, layout)
        return index
    if len(lines) > 1 and heads_story(judge, lines[0], lines[1:]):
        add_title(lines[0], blocks, layout)
        return 1
    return 0


def heads_story(judge: HeadJudge, line: Line, following: list[Line]) -> bool:
    """The page's headline: a title-like line set apart by a blank line or in title case, a short
    sentence-case line above a long paragraph ("Miner extends its export halt by a month"), right above it
    or above a short standfirst, or a line the page repeats right below it (even ending in a full stop)."""
    below = following[0]
    if line.key == below.key:
        return len(line.stripped) <= judge.cues.max_title_chars
    # The first long line within reach, all lines before it short: the story's first paragraph.
    reach = following[: judge.cues.max_standfirst_lines + 1]
    paragraph = next((other for other in reach if len(other.stripped) > judge.cues.max_heading_chars), None)
    long_paragraph = paragraph is not None and bool(SENTENCE_END.search(paragraph.stripped))
    sentence_case = line.stripped[:1].isupper() and len(WORD.findall(line.stripped)) <= judge.cues.max_heading_words
    return judge.is_title(line) and (below.blank_before or judge.is_title_case(line) or sentence_case and long_paragraph)


def title_after_dateline(judge: HeadJudge, lines: list[Line], index: int, blocks: list[Block], layout: Layout) -> int:
    """A page that opens with its date (a crawler's stamp, a "Published:" line) may give its headline next,
    after furniture ("Advertisement"), a section label and a second date line: a line heading the story
    (``heads_story``), or any title-like line followed by a byline. Without one, the labels are furniture."""
    first = index
    while index < len(lines) - 1 and index - first < MAX_LEADING_FURNITURE and (
            judge.is_boilerplate(lines[index]) or judge.is_label(lines[index])
            or judge.dateline_span(lines[index]) is not None):
        index += 1
    if index >= len(lines) - 1 or not (judge.is_title(lines[index]) and judge.is_byline(lines[index + 1])
                                       or heads_story(judge, lines[index], lines[index + 1:])):
        labels = next((n for n, skipped in enumerate(lines[first:index]) if not judge.is_label(skipped)), index - first)
        blocks.extend(Block(label.start, label.end, "boilerplate", "boilerplate", None)
                      for label in lines[first:first + labels])
        return first + labels
    line = lines[index]
    for skipped in lines[first:index]:  # the page's own date line keeps its date (a minute, often)
        dated = judge.dateline_span(skipped)
        blocks.append(Block(dated[0], dated[1], "dateline", "dateline", None) if dated
                      else Block(skipped.start, skipped.end, "boilerplate", "boilerplate", None))
    add_title(line, blocks, layout)
    return index + 1


def add_title(line: Line, blocks: list[Block], layout: Layout) -> None:
    """Record ``line`` as the page's headline."""
    layout.title = line.stripped
    blocks.append(Block(line.start, line.end, "title", "title", None))

