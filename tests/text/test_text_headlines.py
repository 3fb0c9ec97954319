"""Telling a headline from a sentence by its shape."""

from __future__ import annotations

import pytest

from pipeline.text.headlines import is_headline_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Vietnam Passes Rare Earth Export Ban", True), ("Malaysia, France Advance Rare Earth Processing Pact", True),
     ("Vietnam passed a rare earth export ban on Monday.", False), ("Supply side", False),
     ("Export Curbs Widen: Beijing Adds Gallium", True), ("", False)],
)
def test_is_headline_text(text, expected):
    assert is_headline_text(text) is expected


def test_a_long_title_case_line_is_a_headline_only_under_max_words():
    line = " ".join(["Word"] * 30)
    assert is_headline_text(line) is False
    assert is_headline_text(line, max_words=80) is True
