"""Page furniture inside a body block (issue 13, entities round 8): lines a web page adds around the story.

- A line that opens with a furniture label and a colon ("Keywords:", "Tags:", "Posted by :", ``furniture_labels``)
  lists index words or names the page's editor: the names after the colon are no facts of the story.
- A line that opens with a widget or navigation phrase ("Email a friend", "Related News from ...",
  ``furniture_lines``) names nothing.
- A byline glued to its name by the scraper ("ByAnn" at a line start) is a credit, no actor.
- A section tag names no fact: a title that is one word ("Lithium" after the crawler's date), or a one-word line
  right before a reading-time line ("AFRICA" + "2 min read"). A place keeps its label (a dateline city alone).

Labels such as "Source:" or "Company:" are not in the lists: the gold keeps the names after them.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables

# The longest label read before a colon ("Posted By :").
MAX_LABEL_CHARS = 24
# Characters that open a line before its label (list bullets, spaces).
LINE_OPENERS = " \t•·*-–—▪●"
BYLINE = "By"
# "2 min read", "5 minute read": a page's reading-time line.
READING_TIME = re.compile(r"\d+\s*min(?:ute)?s?\.?\s+read", re.IGNORECASE)


def furniture_span(span: Span, view: BlockView, tables: EntityTables) -> bool:
    """The span lies after a furniture label or on a widget line (see the module's docstring)."""
    text = view.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.start_char)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    opened = line.lstrip(LINE_OPENERS)
    offset = line_start + len(line) - len(opened)
    lowered = " ".join(opened.lower().split())
    cues = tables.cues
    if lowered.startswith(tuple(cues.furniture_lines)):
        return True
    colon = opened.find(":", 0, MAX_LABEL_CHARS + 1)
    if colon > 0 and " ".join(opened[:colon].lower().split()) in cues.furniture_labels:
        return span.start_char > offset + colon
    if span.start_char == offset and _glued_byline(span.text):
        return True
    return span.label_ != "GPE" and opened.strip() == span.text and " " not in span.text and _tag_line(view, line_end)


def _tag_line(view: BlockView, line_end: int) -> bool:
    """The one-word line is a title of its own or stands before a reading-time line."""
    text = view.text
    if line_end == -1:
        return view.zone == "title" and "\n" not in text.strip()
    next_end = text.find("\n", line_end + 1)
    return READING_TIME.fullmatch(text[line_end + 1 : len(text) if next_end == -1 else next_end].strip()) is not None


def _glued_byline(text: str) -> bool:
    """"ByAnn", "ByAnn Example": "By" glued to a capitalised name (a scraped byline); its first word decides."""
    name = text[len(BYLINE) :].split(" ", 1)[0]
    return text.startswith(BYLINE) and len(name) > 1 and name[0].isupper() and name[1:].islower()
