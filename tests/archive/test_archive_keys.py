"""Entity keys: folding, legal suffixes, aliases, places and commodities."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.archive.keys import alias_table, canonical_alias, entity_key, fold_name, name_key

SUFFIXES = ["Ltd", "Ltd.", "Limited", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "plc", "PLC", "SA", "S.A.", "AG", "NV",
            "N.V.", "Co", "Co.", "Group", "Holdings", "Holdings Ltd"]


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["Lynas", "Lynas Rare Earths", "Lynas Rare Earths Ltd", "LYNAS RARE EARTHS LIMITED", "lynas rare-earths ltd."],
         "ORG:lynas"),
        (["Iluka Resources", "Iluka Resources Limited", "Iluka"], "ORG:iluka"),
        (["Norden Rare Earths Ltd", "Norden Rare Earths", "Norden"], "ORG:norden"),
        (["Basalt Mining plc", "Basalt Mining", "Basalt"], "ORG:basalt"),
        (["Sociedad Química y Minera de Chile S.A.", "SQM"], "ORG:sqm"),
        (["The Atlas Infrastructure Bank", "Atlas Infrastructure Bank"], "ORG:atlas-infrastructure-bank"),
        (["Toyota Tsusho Corporation", "Toyotsu"], "ORG:toyota-tsusho"),
    ],
)
def test_variants_share_one_key(names: list[str], key: str) -> None:
    assert {name_key("ORG", name) for name in names} == {key}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("American Rare Earths", "ORG:american-rare-earths"),  # a generic head keeps its descriptor
        ("China Northern Rare Earth Group", "ORG:china-northern-rare-earth"),
        ("Group", "ORG:group"),  # a suffix alone is the name
        ("Energy Fuels Inc", "ORG:energy-fuels"),
        ("Johnson & Matthey", "ORG:johnson-and-matthey"),
    ],
)
def test_unsafe_stripping_is_avoided(name: str, key: str) -> None:
    assert name_key("ORG", name) == key


def test_places_keep_their_iso_code_and_commodities_their_elements() -> None:
    assert entity_key({"label": "GPE", "normalized": "United States", "kb_id": "US"}) == "GPE:US"
    assert entity_key({"label": "NORP", "normalized": "Chinese", "kb_id": "CN"}) == "GPE:CN"
    assert entity_key({"label": "GPE", "normalized": "Kalgoorlie", "kb_id": None}) == "GPE:kalgoorlie"
    ndpr = {"label": "COMMODITY", "normalized": "NdPr oxide",
            "commodity": {"name": "NdPr oxide", "elements": ["Nd", "Pr"], "form": "oxide"}}
    prnd = {"label": "COMMODITY", "normalized": "Pr-Nd oxide",
            "commodity": {"name": "Pr-Nd oxide", "elements": ["Pr", "Nd"], "form": "oxide"}}
    assert entity_key(ndpr) == entity_key(prnd) == "COMMODITY:nd-pr-oxide"
    rare = {"label": "COMMODITY", "normalized": "rare earths", "commodity": {"name": "rare earths", "elements": [], "form": None}}
    assert entity_key(rare) == "COMMODITY:rare-earths"


def test_alias_table_loads_and_names_canonical_forms() -> None:
    assert len(alias_table()) > 30
    assert canonical_alias("ORG:lynas") == "Lynas Rare Earths"
    assert canonical_alias("ORG:norden") is None


# Latin-script names, accented letters included (news names; Greek iota subscripts do not round-trip upper()).
WORDS = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll"), min_codepoint=0x41, max_codepoint=0x24F),
                min_size=3, max_size=8)
NAMES = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)


@given(NAMES)
def test_key_is_idempotent(name: str) -> None:
    key = name_key("ORG", name)
    rest = key.split(":", 1)[1].replace("-", " ")
    assert name_key("ORG", rest) == key or rest == "unnamed"


@given(NAMES, st.sampled_from(SUFFIXES), st.sampled_from([str.upper, str.lower, str.title, lambda s: s]),
       st.sampled_from(["", ",", ".", "'"]))
def test_key_is_stable_under_case_punctuation_and_suffixes(name: str, suffix: str, case, punct: str) -> None:
    variant = f"{case(name)}{punct} {suffix}"
    assert name_key("ORG", variant) == name_key("ORG", name)


def test_fold_name_handles_accents_and_possessives() -> None:
    assert fold_name("Química  S.A.") == "quimica sa"
    assert fold_name("China's Ministry") == "china ministry"
