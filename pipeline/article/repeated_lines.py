"""Amounts and dates of a body paragraph the page prints twice (an article-level pass for mentions).

The layout stage reads a long line the page already showed as furniture the second time (a caption under two
pictures, a byline above and below the story: ``pipeline.article.segment``), so its facts are the first copy's and
the stages never read it again. Entities and events are facts of the article, counted once however often they are
written; quantities and dates are mentions, and the gold annotates each (docs/annotation.md excludes only repeated
teaser titles and teaser date lines). So when a page repeats a line of the story's body (a press release's
highlight bullets printed again below it, a news site printing its lead paragraph a second time, a photo caption
under two pictures), each amount and date of the first copy is a mention of the second copy too, at the same place
in it.

A second copy counts when it is written exactly as the first, is at least the layout's repeat length, was dropped
only for being a repeat (no other boilerplate cue matches it), and the first copy is in the story's body (not a
title, heading, dateline or Related-News teaser, whose repeats the gold leaves out).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from pipeline.article.layout import Layout, Line, split_lines
from pipeline.article.segment import Segmenter
from pipeline.schema.records import DateRecord, QuantityRecord, span_record_id

# The zone the first copy must be in: a paragraph of the story, not a title, heading, teaser or dateline.
BODY_ZONE = "body"

MentionRecord = TypeVar("MentionRecord", QuantityRecord, DateRecord)


def repeated_paragraphs(text: str, layout: Layout, segmenter: Segmenter) -> list[tuple[Line, Line]]:
    """(first copy, second copy) for each body line the layout dropped as a repeat."""
    zones = [(section.start, section.end, section.zone) for section in layout.sections]

    def zone_at(position: int) -> str | None:
        return next((zone for start, end, zone in zones if start <= position < end), None)

    first: dict[str, Line] = {}
    pairs: list[tuple[Line, Line]] = []
    for line in split_lines(text):
        if len(line.key) < segmenter.cues.min_repeated_line_chars:
            continue
        earlier = first.setdefault(line.key, line)
        if earlier is line or earlier.text != line.text:
            continue
        if zone_at(earlier.start) != BODY_ZONE or zone_at(line.start) not in (None, "boilerplate"):
            continue
        if segmenter.is_boilerplate(line):
            continue
        pairs.append((earlier, line))
    return pairs


def repeated_mentions(records: Sequence[MentionRecord], pairs: Sequence[tuple[Line, Line]]) -> list[MentionRecord]:
    """``records`` with, for each pair, a copy of every record inside the first copy moved into the second copy
    (same text, values and sentence number as the first; id and offsets of the second)."""
    if not pairs:
        return list(records)
    added: list[MentionRecord] = []
    for earlier, later in pairs:
        shift = later.start - earlier.start
        for record in records:
            if earlier.start <= record.start and record.end <= earlier.end:
                start, end = record.start + shift, record.end + shift
                added.append(record.model_copy(update={
                    "id": span_record_id(record.doc_id, record.type, start, end), "start": start, "end": end}))
    merged: list[MentionRecord] = list(records)
    merged.extend(added)
    return sorted(merged, key=lambda record: record.start)
