"""Text with underlined, labelled spans as HTML: displaCy's ``span`` look on the article's own characters.

displaCy's span renderer takes tokens and puts a space after each one, so "Pr-Nd" shows as
"Pr - Nd". Here a line is cut only where a span starts or ends, and the text between the cuts
is emitted exactly as the article has it. Each cut piece under one or more spans is an
inline block carrying one bar per span (overlaps stack in slots, as in displaCy), a hover
title naming the spans over it, and, where a span starts, its label pill linking to the
record's row.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

# The geometry of displaCy's span style (spaCy 3.8 SpanRenderer defaults), in px.
TOP_OFFSET = 40
LABEL_OFFSET = 20
SLOT_STEP = 17
KB_MARK = "\u24d8"
_LINE = re.compile(r"[^\n]+")
_PIECE = ('<span style="font-weight: bold; display: inline-block; position: relative; height: {height}px;'
          ' white-space: pre;" title="{title}">{text}{bars}</span>')
_BAR = ('<span style="background: {color}; top: {top}px; height: 4px; left: -1px; width: calc(100% + 2px);'
        ' position: absolute;{rounded}">{pill}</span>')
_ROUNDED = " border-top-left-radius: 3px; border-bottom-left-radius: 3px;"
_PILL = ('<span style="background: {color}; z-index: 10; color: #000; top: -0.5em; padding: 2px 3px;'
         ' position: absolute; font-size: 0.6em; font-weight: bold; line-height: 1; border-radius: 3px;'
         ' white-space: nowrap;">{label} <a style="text-decoration: none; color: inherit; font-weight: normal"'
         ' href="#{anchor}" title="{title}">' + KB_MARK + "</a></span>")


@dataclass(frozen=True)
class SpanMark:
    """One span to draw: article offsets, the pill's label and colour, the anchor it links to, a hover title."""

    start: int
    end: int
    label: str
    color: str
    anchor: str
    title: str


def render_spans(text: str, marks: Sequence[SpanMark]) -> str:
    """One ``<div class="spans">`` per non-blank line of ``text``, its spans drawn over the exact characters."""
    blocks = []
    for line in _LINE.finditer(text):
        if line.group().strip():
            blocks.append(_render_line(text, line.start(), line.end(), marks))
    return "\n".join(blocks)


def _render_line(text: str, line_start: int, line_end: int, marks: Sequence[SpanMark]) -> str:
    clipped = [_clip(text, mark, line_start, line_end) for mark in marks]
    on_line = [(start, end, mark) for (start, end), mark in zip(clipped, marks, strict=True) if start < end]
    slots = _slots(on_line)
    cuts = sorted({line_start, line_end, *(start for start, _, _ in on_line), *(end for _, end, _ in on_line)})
    out = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = text[left:right]
        over = sorted(((slots[i], start, mark) for i, (start, end, mark) in enumerate(on_line)
                       if start <= left and right <= end), key=lambda item: item[0])
        if not over:
            out.append(html.escape(piece, quote=False))
            continue
        bars = []
        for slot, start, mark in over:
            top = TOP_OFFSET + SLOT_STEP * (slot - 1)
            pill = ""
            if start == left:  # the span opens here: rounded bar end and its label pill
                pill = _PILL.format(color=mark.color, label=html.escape(mark.label), anchor=html.escape(mark.anchor),
                                    title=html.escape(mark.title))
            bars.append(_BAR.format(color=mark.color, top=top, rounded=_ROUNDED if pill else "", pill=pill))
        height = TOP_OFFSET + LABEL_OFFSET + SLOT_STEP * (max(slot for slot, _, _ in over) - 1)
        title = " | ".join(mark.title for _, _, mark in over)
        out.append(_PIECE.format(height=height, title=html.escape(title), text=html.escape(piece, quote=False),
                                 bars="".join(bars)))
    return '<div class="spans" style="line-height: 2.5;">' + "".join(out) + "</div>"


def _clip(text: str, mark: SpanMark, line_start: int, line_end: int) -> tuple[int, int]:
    """The mark's part of one line, without surrounding whitespace (an empty range when it misses the line)."""
    start, end = max(mark.start, line_start), min(mark.end, line_end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _slots(on_line: Sequence[tuple[int, int, SpanMark]]) -> list[int]:
    """The vertical slot (1 = nearest the text) of each span: longer spans first, the lowest slot free."""
    order = sorted(range(len(on_line)), key=lambda i: (on_line[i][0], -(on_line[i][1] - on_line[i][0]),
                                                       on_line[i][2].label))
    slots = [0] * len(on_line)
    for i in order:
        start, end, _ = on_line[i]
        taken = {slots[j] for j in order if slots[j] and on_line[j][0] < end and start < on_line[j][1]}
        slots[i] = next(slot for slot in range(1, len(on_line) + 2) if slot not in taken)
    return slots
