"""Commodity parsing and name cleaning: tables of real surfaces (``pipeline.text.commodity``)."""

from __future__ import annotations

import pytest

from pipeline.resources.entities import load_commodities
from pipeline.resources.files import ResourceReader
from pipeline.text.commodity import CommodityParser, clean_name


@pytest.fixture(scope="module")
def parse() -> CommodityParser:
    return CommodityParser(load_commodities(ResourceReader()))


@pytest.mark.parametrize(
    ("text", "name", "elements", "form"),
    [
        ("dysprosium oxide", "dysprosium oxide", ["Dy"], "oxide"),
        ("Pr-Nd alloy", "Pr-Nd alloy", ["Pr", "Nd"], "alloy"),
        ("rare earths", "rare earths", [], None),
        ("NdPr oxide", "NdPr oxide", ["Nd", "Pr"], "oxide"),
        ("Lithium Carbonate", "lithium carbonate", ["Li"], "carbonate"),
        ("spodumene concentrate", "spodumene concentrate", ["Li"], "concentrate"),
        ("copper-cobalt", "copper-cobalt", ["Cu", "Co"], None),
        ("mixed rare earth carbonate", "mixed rare earth carbonate", [], "carbonate"),
        ("cobalt hydroxide", "cobalt hydroxide", ["Co"], "hydroxide"),
        ("ammonium paratungstate", "ammonium paratungstate", ["W"], "paratungstate"),
        ("terbium oxide", "terbium oxide", ["Tb"], "oxide"),
    ],
)
def test_commodity_parser(parse, text, name, elements, form):
    assert parse(text) == {"name": name, "elements": elements, "form": form}


def test_clean_name():
    assert clean_name("the United States's") == "United States"
    assert clean_name("Brussels’") == "Brussels"
    # only the end of the name loses a possessive, whatever its length
    assert clean_name("  The Kestrel’s  ") == "Kestrel"
    assert clean_name("Marlin's Kestrel") == "Marlin's Kestrel"
    assert clean_name("'s") == ""
    assert clean_name("s'") == "s"
    assert clean_name("the") == "the"


# -- normalisation rules (adjudicated guide: docs/annotation.md) -------------------------------------------
@pytest.mark.parametrize(
    ("surface", "name", "form"),
    [
        ("rare earth", "rare earths", None),
        ("Rare Earth", "rare earths", None),
        ("Heavy Rare Earth", "heavy rare earths", None),
        ("light rare earth", "light rare earths", None),
        ("mixed rare earth", "mixed rare earths", None),
        ("rare earth oxides", "rare earth oxide", "oxide"),
        ("Rare Earth Ores", "rare earth ore", "ore"),
        ("rare earth compounds", "rare earth compound", "compound"),
        ("total rare earth oxides", "total rare earth oxide", "oxide"),
        ("Ionic Clays", "ionic clay", None),
        ("mixed carbonate", "mixed rare earth carbonate", "carbonate"),
        ("coated spherical purified graphite", "coated spherical purified graphite", None),
        ("Pr-Nd oxides", "Pr-Nd oxide", "oxide"),
        ("REEs", "rare earths", None),
        ("REE", "rare earths", None),
        ("rare earth elements", "rare earths", None),
        ("Rare-Earth Element", "rare earths", None),
        # the group's metals are the group itself, while an element's metal stays a form ("Pr-Nd metal" below)
        ("Rare Earth Metals", "rare earths", None),
        ("rare-earth metal", "rare earths", None),
        ("heavy rare earth metals", "heavy rare earths", None),
        ("neodymium-praseodymium", "NdPr", None),
        ("neodymium-praseodymium oxide", "NdPr oxide", "oxide"),
        ("praseodymium-neodymium metal", "Pr-Nd metal", "metal"),
        ("copper-cobalt", "copper-cobalt", None),
    ],
)
def test_commodity_name_follows_one_canonical_rule(parse, surface, name, form):
    info = parse(surface)
    assert (info["name"], info["form"]) == (name, form)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("V2O5", {"name": "V2O5", "elements": ["V"], "form": "oxide"}),
        ("U3O8", {"name": "U3O8", "elements": ["U"], "form": "oxide"}),
        ("Ni", {"name": "nickel", "elements": ["Ni"], "form": None}),
        ("FY2026", None),
        ("Xy3O", None),
        ("O2", None),
    ],
)
def test_formula(parse, text, expected):
    assert parse.formula(text) == expected


def test_clean_name_keeps_answers_equal_to_the_uncached_function() -> None:
    from pipeline.text.commodity import clean_name

    for text in ["the United States's", "  The Lynas Rare Earths' ", "THE Company", "Kestrel’s", "the", ""]:
        assert clean_name(text) == clean_name.__wrapped__(text)
        assert clean_name(text) == clean_name(text)
