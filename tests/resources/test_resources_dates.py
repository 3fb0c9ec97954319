"""The date resources: both files validate, unknown keys and unknown rule labels are rejected."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import ValidationError
from support import load_script

from pipeline.components.dates.relative import MATCHER_NORMALISERS
from pipeline.resources.dates import (
    FOREIGN_MONTHS_FILE,
    ForeignMonthTable,
    MatcherRule,
    UnitMultiple,
    foreign_month_table,
    load_lexicon,
    load_rules,
)
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


BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "models" / "dates" / "build_foreign_months.py"


def build_script() -> ModuleType:
    return load_script("build_foreign_months", BUILD_SCRIPT)


def test_the_committed_month_table_is_what_the_build_script_makes_from_the_installed_babel() -> None:
    # a Babel upgrade or a new locale in the lexicon without a rerun of the script fails here
    committed = json.loads(ResourceReader().text(FOREIGN_MONTHS_FILE))
    assert committed == build_script().build()


def test_the_month_table_holds_every_locale_the_code_asks_for() -> None:
    lexicon = load_lexicon()
    table = foreign_month_table()
    assert lexicon.date_line_locales and set(lexicon.foreign_month_locales) | set(lexicon.date_line_locales) <= set(
        table.locales)
    assert table.names("ru", "wide", "format")[9] == "октября" and table.names("de", "wide", "stand-alone")[2] == "März"


def test_a_locale_missing_from_the_month_table_fails_naming_the_build_script() -> None:
    with pytest.raises(ResourceError, match="build_foreign_months.py"):
        foreign_month_table().names("fi", "wide", "format")


def test_a_month_list_without_twelve_names_is_rejected() -> None:
    with pytest.raises(ValidationError):
        ForeignMonthTable.model_validate({"locales": {"xx": {"wide": {"format": ["a", "b"]}}}})
