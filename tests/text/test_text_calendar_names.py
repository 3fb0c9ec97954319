"""Month and weekday names, defined once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.dates import get_month_names

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


@pytest.mark.parametrize("locale", ["ru", "uk", "fr", "de", "es", "pt", "it", "nl", "id"])
def test_locale_month_names_are_the_names_babel_gives(locale: str) -> None:
    # the generated table read back through the function equals a direct lookup in the installed Babel
    expected: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                expected.setdefault(name.rstrip("."), number)
    assert locale_month_names([locale], keep_case=True) == expected


def test_reading_month_names_loads_no_babel_locale_data() -> None:
    # Babel's locale data cost ~14 MiB per process; the names come from models/dates/foreign_months.json
    probe = ("import sys; import pipeline.text.dateline, pipeline.components.dates.words as words; "
             "from pipeline.resources.dates import load_lexicon; "
             "words.foreign_month_names(load_lexicon().foreign_month_locales); "
             "print('babel.dates' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"
