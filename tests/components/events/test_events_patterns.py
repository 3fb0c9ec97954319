"""Trigger patterns: inflected forms and the Matcher patterns compiled from token specs."""

from __future__ import annotations

import pytest

from pipeline.components.events.patterns import compile_pattern, first_token_forms, inflections
from pipeline.resources.events import TokenSpec, load_event_words
from pipeline.resources.files import ResourceReader

IRREGULAR = load_event_words(ResourceReader()).irregular_forms


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("ban", {"bans", "banned", "banning"}),
        ("sign", {"signs", "signed", "signing"}),
        ("rise", {"rises", "rose", "risen", "rising"}),
        ("supply", {"supplies", "supplied"}),
        ("acquire", {"acquires", "acquired", "acquiring"}),
    ],
)
def test_inflections_cover_headline_forms(lemma, forms):
    assert forms <= inflections(lemma, irregular=IRREGULAR)


def test_irregular_forms_come_from_the_table():
    assert "rose" not in inflections("rise", irregular={})
    assert "rose" in inflections("rise", irregular={"rise": ("rose",)})


def test_compile_pattern_gives_a_lemma_and_a_surface_pattern():
    lemma_pattern, form_pattern = compile_pattern([TokenSpec(lemma=["ban"]), TokenSpec(lower=["on"], op="?")],
                                                  irregular=IRREGULAR)
    assert lemma_pattern == [{"LEMMA": {"IN": ["ban"]}}, {"LOWER": {"IN": ["on"]}, "OP": "?"}]
    assert "banned" in form_pattern[0]["LOWER"]["IN"]
    assert form_pattern[1] == {"LOWER": {"IN": ["on"]}, "OP": "?"}


def test_first_token_forms_skip_optional_tokens():
    specs = [TokenSpec(lower=["export"], op="?"), TokenSpec(lemma=["ban"]), TokenSpec(lower=["on"])]
    forms = first_token_forms(specs, irregular=IRREGULAR)
    assert {"export", "ban", "banned"} <= forms
    assert "on" not in forms
