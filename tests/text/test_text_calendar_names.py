"""Month and weekday names, defined once."""

from __future__ import annotations

import pytest

from pipeline.text.calendar_names import MONTHS, WEEKDAYS, locale_month_names


def test_months_table_covers_abbreviations() -> None:
    assert MONTHS["jan"] == MONTHS["january"] == 1
    assert MONTHS["sept"] == MONTHS["sep"] == 9
    assert MONTHS["may"] == 5
    assert len({number for number in MONTHS.values()}) == 12


def test_weekdays_number_like_date_weekday() -> None:
    assert [WEEKDAYS[name] for name in ("monday", "friday", "sunday")] == [0, 4, 6]


def test_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        MONTHS["smarch"] = 13  # type: ignore[index]


def test_locale_month_names_read_every_cldr_form_back_to_its_month() -> None:
    names = locale_month_names(["ru"])
    assert names["октября"] == names["октябрь"] == 10  # the form after a day and the one standing alone
    assert names["окт"] == 10  # an abbreviation without its full stop
    assert "окт." not in names


def test_locale_month_names_keep_the_case_only_when_asked() -> None:
    assert locale_month_names(["de"], widths=("wide",))["oktober"] == 10
    kept = locale_month_names(["de"], widths=("wide",), keep_case=True)
    assert kept["Oktober"] == 10 and "oktober" not in kept
