"""The generated currency names (``models/quantities/currency_names.json``, ``resources/currency_names.py``): the
committed file is what its build script makes from the installed pycountry and Babel, and reading it loads no Babel."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import ValidationError
from support import load_script

from pipeline.resources.currency_names import CURRENCY_NAMES_FILE, CurrencyNameTable, currency_name_table
from pipeline.resources.files import ResourceReader

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "models" / "quantities" / "build_currency_names.py"


def build_script() -> ModuleType:
    return load_script("build_currency_names", BUILD_SCRIPT)


def test_the_committed_names_are_what_the_build_script_makes_from_the_installed_libraries() -> None:
    # a pycountry or Babel upgrade without a rerun of the script fails here instead of drifting silently
    committed = json.loads(ResourceReader().text(CURRENCY_NAMES_FILE))
    assert committed == build_script().build()


def test_the_table_reads_names_by_code() -> None:
    table = currency_name_table()
    assert table.currencies["SEK"].plural == "Swedish kronor" and table.currencies["ZAR"].singular == "South African rand"
    assert {"XAU", "XTS"} <= set(table.currencies)  # metals and test codes are kept; the rules set them apart


def test_a_code_that_is_no_three_capitals_is_rejected() -> None:
    with pytest.raises(ValidationError, match="usd"):
        CurrencyNameTable.model_validate({"currencies": {"usd": {"singular": "US dollar", "plural": "US dollars"}}})


def test_reading_currency_words_loads_no_babel() -> None:
    # Babel's root and English locale data cost ~4 MiB per worker; the words come from the generated file
    probe = ("import sys; from pipeline.components.entities import currency_codes as c; "
             "c.currency_nouns(); c.iso_currency_codes(); print('babel' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False"
