"""Bracketed conversions between bare-dollar amounts and dollar variants ("$60m (A$91.62m)", "A$115m ($75m)")."""

from __future__ import annotations

import pytest

from pipeline.text.conversions import bracketed_conversions


@pytest.mark.parametrize(("text", "marks"), [
    ("The buyer paid $75m (A$115m) for the stake.", ["A$"]),
    ("The buyer paid $7.5 million (about C$10.2 million) in cash.", ["C$"]),
    ("Fees of $40,000 (NZ$66,000) were waived.", ["NZ$"]),
    # the variant written first, the bare dollar in brackets: the bare "$" converts the variant, so it is another dollar
    ("The buyer paid A$115m ($75m) for the stake.", ["A$"]),
    ("The buyer paid C$2.4 million (about $1.7 million) for the claims.", ["C$"]),
    ("The buyer paid A$115m (US$75m) for the stake.", []),
    # a bracket that is no conversion right after the amount
    ("The buyer paid $75m, (see the note) and A$3m later.", []),
])
def test_bracketed_conversions(text: str, marks: list[str]) -> None:
    found = sorted(bracketed_conversions(text))
    assert [text[at : text.index("$", at) + 1] for at in found] == marks
