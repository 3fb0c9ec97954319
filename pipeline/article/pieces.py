"""Cutting a block into the pieces spaCy sees: at most ``max_chars`` each, cut at sentence breaks where
possible, with runs the tokenizer or the entity patterns are superlinear on (whitespace-free runs, long
runs of capitalised words) cut short."""

from __future__ import annotations

import re

PIECE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
# spaCy's tokenizer is quadratic on long whitespace-free runs ("$" * 20000 takes minutes).
MAX_RUN_CHARS = 1_000
LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
# The entity token patterns are quadratic in a run of capitalised words (greedy "+" over PROPN);
# no real name or headline runs past this many words, so longer runs are cut into pieces.
MAX_CAPITALISED_RUN = 60
CAPITALISED_RUN = re.compile(rf"(?<!\S)(?:[A-Z]\S*\s+){{{MAX_CAPITALISED_RUN},}}")


def split_into_pieces(start: int, end: int, text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut [start, end) of ``text`` into pieces of at most ``max_chars``, at sentence breaks where possible."""
    pieces: list[tuple[int, int]] = []
    position = start
    while end - position > max_chars:
        limit = position + max_chars
        cut = None
        for match in PIECE_BREAK.finditer(text, position + max_chars // 2, limit):
            cut = match.end()
        if cut is None or cut <= position:
            space = text.rfind(" ", position + 1, limit)
            cut = space + 1 if space > position else limit
        pieces.append((position, cut))
        position = cut
    pieces.append((position, end))
    pieces = [cut for piece_start, piece_end in pieces for cut in split_long_runs(piece_start, piece_end, text)]
    pieces = [cut for piece_start, piece_end in pieces for cut in split_capitalised_runs(piece_start, piece_end, text)]
    return [(piece_start, piece_end) for piece_start, piece_end in pieces if text[piece_start:piece_end].strip()]


def split_long_runs(start: int, end: int, text: str, max_run: int = MAX_RUN_CHARS) -> list[tuple[int, int]]:
    """Cut whitespace-free runs longer than ``max_run`` in [start, end) into pieces of ``max_run`` chars."""
    pieces: list[tuple[int, int]] = []
    position = start
    for match in LONG_RUN.finditer(text, start, end):
        if match.start() > position:
            pieces.append((position, match.start()))
        pieces.extend((cut, min(cut + max_run, match.end())) for cut in range(match.start(), match.end(), max_run))
        position = match.end()
    if position < end or not pieces:
        pieces.append((position, end))
    return pieces


def split_capitalised_runs(start: int, end: int, text: str, max_words: int = MAX_CAPITALISED_RUN) -> list[tuple[int, int]]:
    """Cut runs of more than ``max_words`` capitalised words in [start, end) every ``max_words`` words."""
    pieces: list[tuple[int, int]] = []
    position = start
    for match in CAPITALISED_RUN.finditer(text, start, end):
        words = list(re.finditer(r"\S+", text[match.start() : match.end()]))
        for word in words[max_words::max_words]:
            cut = match.start() + word.start()
            pieces.append((position, cut))
            position = cut
    pieces.append((position, end))
    return pieces
