"""The hyphen-like and dash-like characters: each named once, and the sets the stages build from them."""

from __future__ import annotations

import unicodedata

from pipeline.article.linking_forms import NAME_PART_HYPHEN
from pipeline.components.entities.view import WORD_HYPHENS
from pipeline.components.events.arguments import PAIR_JOINERS
from pipeline.text.dashes import DASH_LIKE, EM_DASH, EN_DASH, HYPHEN, HYPHEN_LIKE, NON_BREAKING_HYPHEN, WORD_BREAKS


def test_the_names_are_the_unicode_characters_they_say():
    assert [unicodedata.name(mark) for mark in HYPHEN_LIKE] == ["HYPHEN-MINUS", "HYPHEN", "NON-BREAKING HYPHEN"]
    assert [unicodedata.name(mark) for mark in DASH_LIKE] == ["EN DASH", "EM DASH"]
    assert not set(HYPHEN_LIKE) & set(DASH_LIKE)


def test_a_hyphenated_name_parts_at_every_hyphen_but_not_at_a_dash():
    assert NAME_PART_HYPHEN.split(f"Kestrel{NON_BREAKING_HYPHEN}Norland") == ["Kestrel", "Norland"]
    assert NAME_PART_HYPHEN.split(f"Kestrel{EN_DASH}Norland") == [f"Kestrel{EN_DASH}Norland"]


def test_a_pair_of_names_may_be_joined_by_a_dash_but_a_compound_word_only_by_a_hyphen():
    assert EN_DASH in PAIR_JOINERS and "/" in PAIR_JOINERS
    assert EN_DASH not in WORD_HYPHENS and NON_BREAKING_HYPHEN in WORD_HYPHENS


def test_a_name_parts_into_words_at_spaces_hyphens_and_an_en_dash_but_not_an_em_dash():
    assert WORD_BREAKS.split(f"TSX{HYPHEN}V Orvane{EN_DASH}Kestrel") == ["TSX", "V", "Orvane", "Kestrel"]
    assert WORD_BREAKS.split(f"Orvane{EM_DASH}Kestrel") == [f"Orvane{EM_DASH}Kestrel"]
