"""Line ends in the entity rules (``components/entities/view.line_break``): spaCy never puts a newline into
``Token.whitespace_``; a run of whitespace holding one is a space token of its own, and the rules that stop at
the end of a line look for that token. Sentences invented for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pipeline.components.entities.gazetteer_match import _dateline_start
from pipeline.components.entities.names import slash_credit
from pipeline.components.entities.sites import listed_site
from pipeline.components.entities.view import TokenColumns, line_break


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _span(doc, text, label):
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 6, len(doc)) + 1):
            if doc[start:end].text == text:
                return Span(doc, start, end, label=label)
    raise AssertionError(text)


@pytest.mark.parametrize("text", ["Ore\nbody", "Ore \nbody", "Ore\n\nbody", "Ore \n  body"])
def test_a_newline_is_a_token_of_its_own(blank, text):
    doc = blank(text)
    assert [token.text for token in doc if not line_break(token)] == ["Ore", "body"]
    assert all("\n" not in token.whitespace_ for token in doc)
    assert TokenColumns(doc).newline == [line_break(token) for token in doc]


def test_double_space_is_no_line_break(blank):
    doc = blank("Ore  body")
    assert doc[1].is_space and not line_break(doc[1])


def test_picture_credit_bracket_stays_on_its_line(blank, tables):
    one_line = blank("Crushers at the pit (Hedda Lund/Nordpix) run all night.")
    assert slash_credit(_span(one_line, "Hedda Lund", "PERSON"), tables)
    # the "(" sits on the line before: the name is no credit of that bracket
    two_lines = blank("Crushers at the pit (shift two\nHedda Lund/Nordpix) run all night.")
    assert not slash_credit(_span(two_lines, "Hedda Lund", "PERSON"), tables)


def test_site_list_stops_at_a_line_break(blank, tables):
    listed = blank("The firm drills two deposits, Kelso and Brannock, this year.")
    assert listed_site(_span(listed, "Brannock", "PERSON"), tables) is not None
    broken = blank("The firm drills two deposits,\nKelso and Brannock, this year.")
    assert listed_site(_span(broken, "Brannock", "PERSON"), tables) is None


def test_dateline_town_opens_a_line(blank):
    assert _dateline_start(blank("Report\nNATCHEZ — Crews")[2:3])
    assert not _dateline_start(blank("Report  NATCHEZ — Crews")[2:3])
