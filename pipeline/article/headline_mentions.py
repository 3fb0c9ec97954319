"""Body FACILITY/ORG names found again on the article's title and heading lines (``headline_mentions``; moved from
``linking.py`` in the nineteenth session, unchanged). Only the article-level records pass looks for them: it needs the
zones of several blocks, and one block has one zone."""

from __future__ import annotations

from bisect import bisect_left

from pipeline.schema.labels import HEADLINE_ZONES
from pipeline.schema.records import EntityRecord
from pipeline.text.regex import find_bounded

# Names found in the body that are looked for again on headline lines of the same article.
HEADLINE_LINKED_LABELS = frozenset({"FACILITY", "ORG"})


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def _headline_context(
    records: list[EntityRecord], starts: list[int], text: str, line_start: int, line_end: int
) -> tuple[str, str | None, int] | None:
    """(zone, section, sentence) of a title/heading line, read off the records around it; None if unknown.

    A line holding entity records takes theirs (when they are in a title or heading zone). A line without any is
    a heading when the next record's ``section`` is that line; its sentence is known only when exactly one
    sentence lies between the records before and after it (a heading is at least one sentence of its own).
    """
    first = bisect_left(starts, line_start)
    after = first
    while after < len(records) and records[after].start < line_end:
        after += 1
    on_line = records[first:after]
    if on_line:
        context = on_line[0]
        if context.zone not in HEADLINE_ZONES or len({record.sentence for record in on_line}) > 1:
            return None
        return context.zone, context.section, context.sentence
    if first == 0 or after >= len(records):
        return None
    before, following = records[first - 1], records[after]
    heading = text[line_start:line_end].strip()
    if following.section != heading or following.zone in HEADLINE_ZONES or following.sentence - before.sentence != 2:
        return None
    return "heading", heading, before.sentence + 1


def headline_mentions(records: list[EntityRecord], text: str) -> list[EntityRecord]:
    """Body FACILITY/ORG names found again, word-bounded, on the article's title/heading lines.

    Headline case hides names the body states plainly ("Round Top Schedule Brought Forward to 2028" after "its
    Round Top heavy rare earth deposit"); each new record copies the body record's label and values and takes
    its zone/section/sentence from the records around the line. No new record overlaps an existing one.
    """
    names: dict[str, EntityRecord] = {}
    for record in records:
        if record.label in HEADLINE_LINKED_LABELS and record.zone == "body" and len(record.text) > 2:
            if record.text[0].isupper() and "\n" not in record.text:
                names.setdefault(record.text, record)
    if not names:
        return []
    ordered = sorted(records, key=lambda record: record.start)
    starts = [record.start for record in ordered]
    added: list[EntityRecord] = []
    for start, end in find_bounded(names, text):  # the word-bounded names, without a regex compiled per article
        index = bisect_left(starts, start)
        if any(record.start < end and start < record.end for record in ordered[max(index - 1, 0) : index + 1]):
            continue
        line_start, line_end = _line_bounds(text, start)
        line = text[line_start:line_end]
        if "[" in line[: start - line_start] and "]" in line[end - line_start :]:
            continue
        context = _headline_context(ordered, starts, text, line_start, line_end)
        if context is None:
            continue
        zone, section, sentence = context
        source = names[text[start:end]]
        added.append(
            source.model_copy(
                update={
                    "id": f"{source.doc_id}#entity:{start}-{end}",
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "zone": zone,
                    "section": section,
                    "sentence": sentence,
                }
            )
        )
    return added
