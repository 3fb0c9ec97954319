"""Month and weekday names, defined once."""

from __future__ import annotations

import pytest

from pipeline.text.calendar_names import MONTHS, WEEKDAYS


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
