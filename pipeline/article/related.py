"""The Related-News tail of a page: after its header, each teaser's title, date line and text.

A teaser's title opens it (a line above a date line, or a headline-like line after a teaser's text);
its date line gives the teaser's own reference date; repeated lines and furniture are boilerplate.
"""

from __future__ import annotations

from typing import Protocol

from pipeline.article.layout import Block, Line
from pipeline.article.layout_cues import SENTENCE_END


class LineJudge(Protocol):
    """What the tail needs to know of a line (``Segmenter`` provides it)."""

    def check_deadline(self, position: int) -> None: ...
    def dateline_value(self, line: Line) -> str | None: ...
    def is_boilerplate(self, line: Line) -> bool: ...
    def is_title_case(self, line: Line) -> bool: ...


def classify_related(judge: LineJudge, lines: list[Line], blocks: list[Block]) -> None:
    """Append the blocks of the Related-News ``lines`` (header excluded) to ``blocks``."""
    seen: set[str] = set()
    teaser_title: str | None = None
    teaser_date: str | None = None
    teaser_date_seen = False
    teaser_has_text = False
    for position, line in enumerate(lines):
        judge.check_deadline(position)
        next_line = lines[position + 1] if position + 1 < len(lines) else None
        date_value = judge.dateline_value(line)
        if date_value is not None:
            if teaser_title is not None and not teaser_date_seen:
                teaser_date, teaser_date_seen = date_value, True
                blocks.append(Block(line.start, line.end, "related", "teaser_date", teaser_title, teaser_date[:10]))
            else:
                blocks.append(Block(line.start, line.end, "boilerplate", "repeat", None))
            continue
        if judge.is_boilerplate(line) or line.key in seen:
            blocks.append(Block(line.start, line.end, "boilerplate", "repeat", None))
            continue
        next_date = judge.dateline_value(next_line) if next_line is not None else None
        next_is_date = next_date is not None and (
            teaser_title is None or teaser_has_text or next_date != teaser_date
        )
        # Without a date line, a headline-like line after a teaser's text opens the next teaser.
        opens_teaser = teaser_title is None or (teaser_has_text and judge.is_title_case(line))
        if next_is_date or (opens_teaser and not SENTENCE_END.search(line.stripped)):
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
