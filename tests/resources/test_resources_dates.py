"""The date resources: both files validate, unknown keys and unknown rule labels are rejected."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline.components.dates.relative import MATCHER_NORMALISERS
from pipeline.resources.dates import MatcherRule, UnitMultiple, load_lexicon, load_rules
from pipeline.resources.files import ResourceError, ResourceReader


def test_packaged_resources_validate() -> None:
    lexicon = load_lexicon()
    rules = load_rules(ResourceReader(), MATCHER_NORMALISERS.keys())
    assert lexicon.modifiers["remainder"] == "rest" and lexicon.split_fiscal_start_month == 4
    assert [calendar.name for calendar in lexicon.fiscal_calendars] == ["AU", "IN", "JP"]
    assert {rule.label for rule in rules} == set(MATCHER_NORMALISERS)


def test_unknown_keys_are_rejected() -> None:
    with pytest.raises(ValidationError):
        MatcherRule.model_validate({"label": "deictic", "pattern": [{"LOWER": "x"}], "extra": 1})


def test_lexicon_with_an_unknown_key_fails(tmp_path: Path) -> None:
    source = ResourceReader().text("dates/lexicon.json")
    (tmp_path / "dates").mkdir()
    (tmp_path / "dates" / "lexicon.json").write_text(source.replace('"ordinals"', '"ordinal_words"'), encoding="utf-8")
    with pytest.raises(ResourceError, match="lexicon.json is invalid"):
        load_lexicon(ResourceReader(tmp_path))


def test_a_rule_label_without_a_normaliser_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "dates").mkdir()
    (tmp_path / "dates" / "patterns.jsonl").write_text(
        '{"label": "deictic", "pattern": [{"LOWER": "this"}, {"LOWER": "week"}]}\n'
        '{"label": "fortnightly", "pattern": [{"LOWER": "fortnight"}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(ResourceError, match="unknown labels \\['fortnightly'\\]"):
        load_rules(ResourceReader(tmp_path), MATCHER_NORMALISERS.keys())


def test_unit_multiples_name_a_known_unit_and_a_positive_count() -> None:
    lexicon = load_lexicon()
    assert lexicon.unit_multiples["fortnight"] == UnitMultiple(unit="week", count=2)
    assert lexicon.count_nouns["couple"] == 2
    with pytest.raises(ValidationError):
        UnitMultiple.model_validate({"unit": "sprint", "count": 2})
    with pytest.raises(ValidationError):
        UnitMultiple.model_validate({"unit": "week", "count": 0})
