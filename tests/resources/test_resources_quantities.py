"""The quantity tables: validated on load, unknown keys and codes rejected."""

from __future__ import annotations

import pycountry
import pytest
from pydantic import ValidationError

from pipeline.resources.files import ResourceError, ResourceReader
from pipeline.resources.quantities import CurrencyTable, QualifierTable, UnitRow, load_currencies, load_tables

CURRENCY_TABLE = {"prefixes": {"$": "USD"}, "suffixes": {}, "case_sensitive_suffixes": [], "dollar_variants": {},
                  "us_dollar_markers": [], "us_cues": [], "china_cues": [], "japan_cues": [], "british_cues": ["UK"]}


def test_tables_load():
    tables = load_tables()
    assert tables.currencies.prefixes["C$"] == "CAD"
    assert tables.number_words["a dozen"] == 12
    assert tables.words.period_words["p.a."] == "year"
    assert load_currencies().suffixes["yuan"] == "CNY"


def test_currency_codes_must_be_iso_4217():
    assert CurrencyTable.model_validate(CURRENCY_TABLE).prefixes == {"$": "USD"}
    with pytest.raises(ValidationError, match="XXY"):
        CurrencyTable.model_validate({**CURRENCY_TABLE, "prefixes": {"$": "XXY"}})


def test_unknown_keys_are_rejected():
    with pytest.raises(ValidationError, match="colour"):
        CurrencyTable.model_validate({**CURRENCY_TABLE, "colour": "green"})
    with pytest.raises(ValidationError, match="per"):
        UnitRow.model_validate({"forms": ["t"], "quantity_type": "mass", "unit": "t", "factor": 1, "per": "hour"})


def test_qualifier_directions_must_be_phrases():
    good = {"phrases": {"up to": "le"}, "directions": ["up to"], "fillers": [["a", "further"]]}
    assert QualifierTable.model_validate(good).directions == ["up to"]
    with pytest.raises(ValidationError, match="over"):
        QualifierTable.model_validate({**good, "directions": ["over"]})
    with pytest.raises(ValidationError, match="roughly"):
        QualifierTable.model_validate({**good, "phrases": {"up to": "roughly"}})


def test_missing_table_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="units.jsonl"):
        load_tables(ResourceReader(tmp_path))


def test_place_nouns_are_countries_or_iso_3166_2_subdivision_types():
    """``place_nouns`` stays backed by the library: "countries", "nations", or the plural of a subdivision type."""
    types = {subdivision.type.lower() for subdivision in pycountry.subdivisions}
    singulars = {"countries": "country", "nations": "nation"}
    words = load_tables().words.place_nouns
    assert words
    for word in words:
        singular = singulars.get(word) or (word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s"))
        assert word in singulars or singular in types, word
