"""Raw-text regexes stay linear or bounded, and the time budget reaches into segmentation."""

from __future__ import annotations

import time

import pytest

from pipeline.article.extractor import MAX_CAPITALISED_RUN, normalise_published, split_into_pieces
from pipeline.article.layout_cues import DATELINE_SEPARATOR
from pipeline.article.segment import Segmenter
from pipeline.errors import ErrorCode, OrewireError


def test_dateline_separator_is_linear_on_long_space_runs():
    started = time.perf_counter()
    assert DATELINE_SEPARATOR.split("a" + " " * 100_000 + "b", maxsplit=1) == ["a" + " " * 100_000 + "b"]
    assert DATELINE_SEPARATOR.split("Dec 12, 2025  |  Source: X", maxsplit=1) == ["Dec 12, 2025", "Source: X"]
    assert time.perf_counter() - started < 0.5


def test_segmenting_a_long_space_run_after_a_dateline_is_fast():
    started = time.perf_counter()
    layout = Segmenter()("Title Of It\n\nDec 12, 2025" + " " * 100_000 + "x\n\nBody text here.")
    assert layout.blocks
    assert time.perf_counter() - started < 1.0


def test_segmentation_checks_the_deadline():
    text = "\n\n".join(f"Paragraph {n} says something." for n in range(5_000))
    with pytest.raises(OrewireError) as caught:
        Segmenter().segment(text, deadline=time.perf_counter() - 1)
    assert caught.value.code is ErrorCode.E009_TIME_BUDGET and caught.value.stage == "segment"


def test_long_capitalised_runs_are_cut_into_bounded_pieces():
    text = "The report said " + " ".join(["Lynas Rare Earths Mining"] * 500) + " rose."
    pieces = split_into_pieces(0, len(text), text, 20_000)
    assert len(pieces) > 1
    assert max(len(text[start:end].split()) for start, end in pieces) <= MAX_CAPITALISED_RUN + 3
    assert "".join(text[start:end] for start, end in pieces).split() == text.split()
    normal = "Vietnam Passes Rare Earth Export Ban. The National Assembly of Vietnam voted on Friday."
    assert split_into_pieces(0, len(normal), normal, 20_000) == [(0, len(normal))]


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("2025-12-12T10:00-08:00", "2025-12-12T10:00-08:00"),
        ("2025-12-12T10:00:00+05:30", "2025-12-12T10:00+05:30"),
        ("2025-12-12T10:00:00Z", "2025-12-12T10:00Z"),
        ("2025-12-12T10:00", "2025-12-12T10:00"),
        ("2025-12-12", "2025-12-12"),
    ],
)
def test_published_keeps_the_given_offset(given, kept):
    assert normalise_published(given) == kept
