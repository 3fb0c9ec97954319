"""List items and labelled lines as sentences of their own, set before the parser.

A block whose lines are bulleted or numbered items, or "Label: text" highlights, reads to the parser as one run
of words: items without full stops become one long sentence, and a label ("Market reaction: shares of X rose")
becomes the subject or head of the clause after it, so events and their arguments cross from item to item. This
component marks the first token of every item line, the first token of the line after an item, and the first
token after a line-opening label as sentence starts (``Token.is_sent_start``); spaCy's parser keeps sentence
starts set before it and parses within them. Every other token is left for the parser to decide.

The markers and the label shape are data: ``models/layout/line_items.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.base import block_text
from pipeline.resources.files import load_json

LINE_ITEMS_FACTORY = "orewire_line_items"


class LineItemCues(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str
    item_marker: str  # a list marker opening a line ("•", "- ", "2. ", "(b) ")
    label: str  # a short label ending in a colon, with text after it on the line
    label_none: list[str] = []  # words that make the colon a quote's ("Ms X said: ...")


class LineItems:
    """Sets sentence starts at list items and after line-opening labels."""

    def __init__(self, name: str = LINE_ITEMS_FACTORY, cues: LineItemCues | None = None) -> None:
        self.name = name
        cues = cues or load_json("layout/line_items.json", LineItemCues)
        self.marker = re.compile(cues.item_marker)
        self.label = re.compile(rf"(?:{cues.item_marker})?({cues.label})")
        self.label_none = frozenset(word.lower() for word in cues.label_none)

    def __call__(self, doc: Doc) -> Doc:
        sentence_starts = self.sentence_starts(block_text(doc))  # doc.text is rebuilt token by token
        if not sentence_starts:
            return doc
        offsets = [token.idx for token in doc]  # once per doc: every start is looked up in it
        for start, marker_end in sentence_starts:
            token = _token_at(doc, offsets, start)
            if token is None:
                continue
            if token > 0:
                doc[token].is_sent_start = True
            # the item's marker opens its sentence: the words after it are no sentence of their own
            after = _token_at(doc, offsets, marker_end) if marker_end > start else None
            if after is not None and after > token:
                doc[after].is_sent_start = False
        return doc

    def sentence_starts(self, text: str) -> list[tuple[int, int]]:
        """Character offsets in ``text`` where a sentence starts, each with the end of its line's list marker
        (the start itself when there is none): at an item line; at the line after an item when it opens like a
        sentence; and after a line-opening label in an item or in a block with more than one labelled line (one
        "Review of the week: ..." line stays whole: the title-case run after it reads as names without its label)."""
        lines = _lines(text)
        markers = [self.marker.match(line) for _, line in lines]
        labels = [self._label_end(line) for _, line in lines]
        labelled = sum(end is not None for end in labels) > 1
        starts: list[tuple[int, int]] = []
        for k, ((begin, line), marker, label_end) in enumerate(zip(lines, markers, labels, strict=True)):
            if marker is not None:
                starts.append((begin, begin + marker.end()))
            elif k and markers[k - 1] is not None and _opens_sentence(line):
                starts.append((begin, begin))
            if label_end is not None and (marker is not None or labelled):
                starts.append((begin + label_end, begin + label_end))
        return starts

    def _label_end(self, line: str) -> int | None:
        """Where the text after a line-opening label starts, None without one (or when the colon opens a quote)."""
        label = self.label.match(line)
        if label is None or self.label_none & set(re.findall(r"[\w']+", label.group(1).lower())):
            return None
        return label.end()


def _lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of ``text``, each stripped on the left, with the offset of its first character."""
    lines: list[tuple[int, str]] = []
    position = 0
    for raw in text.split("\n"):
        line = raw.lstrip()
        if line.strip():
            lines.append((position + len(raw) - len(line), line))
        position += len(raw) + 1
    return lines


def _opens_sentence(line: str) -> bool:
    first = line[:1]
    return first.isupper() or first.isdigit() or first in "\"'“‘("


def _token_at(doc: Doc, offsets: list[int], char: int) -> int | None:
    """The index of the token starting at ``char`` (or the first one after it), None past the end; ``offsets`` are
    the doc's token offsets."""
    index = bisect_left(offsets, char)
    while index < len(doc) and doc[index].is_space:
        index += 1
    return index if index < len(doc) else None


@Language.factory(LINE_ITEMS_FACTORY, assigns=["token.is_sent_start"])
def make_line_items(nlp: Language, name: str) -> LineItems:
    """Sentence starts at list items and labelled lines, for the parser to keep."""
    return LineItems(name)
