"""Generate ``places.jsonl``: countries and first-level subdivisions from pycountry.

Run from the repository root after upgrading pycountry::

    .venv/bin/python models/entities/build_gazetteer.py

The output is committed, so the pipeline never generates data at run time.
Each line is a spaCy ruler-style pattern with the canonical name and ISO code:
``{"label": "GPE", "pattern": "Texas", "id": "US-TX", "normalized": "Texas"}``.
Hand-written short forms and overrides live in ``aliases.jsonl`` and win over
these generated rows.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pycountry

OUTPUT = Path(__file__).with_name("places.jsonl")

# Mining countries whose first-level subdivisions appear in the news.
SUBDIVISION_COUNTRIES = (
    "US",
    "CA",
    "AU",
    "CN",
    "BR",
    "CL",
    "AR",
    "ZA",
    "CD",
    "IN",
    "ID",
    "MX",
    "PE",
    "RU",
    "KZ",
    "MM",
    "MY",
    "PH",
    "ZM",
    "ZW",
    "NA",
    "TZ",
    "MG",
    "GN",
    "SE",
    "FI",
    "NO",
    "BO",
    "MN",
    "VN",
    "LA",
    "TH",
    "MZ",
    "GH",
    "ML",
    "CO",
    "EC",
    "PG",
    "UA",
    "TR",
    "SA",
    "MA",
    "GL",
)
# Countries whose provinces sit under regions in ISO 3166-2 (PH-PLW under PH-41): their provinces are the
# units the news names ("Palawan", "Surigao del Norte"), so the second level is kept too.
SECOND_LEVEL_COUNTRIES = {"PH"}
# Subdivision types that are cities or statistical units, not provinces/states.
SKIP_TYPES = {
    "geographical unit",
    "municipality",
    "city",
    "capital district",
    "federal district",
    "capital territory",
    "capital city",
    "outlying area",
}
# Local-language suffixes pycountry keeps in names ("Gansu Sheng", "Jönköpings län [SE-06]").
LOCAL_SUFFIXES = re.compile(r"\s*(\[[A-Z]{2}-\d+\]|Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|SAR)$")
# Qualifiers pycountry appends ("Cagayan Valley (Region II)", "Oued Ed-Dahab (EH)").
PARENTHESES = re.compile(r"\s*\([^)]*\)$")
# Indonesian compass words, so "Sulawesi Tengah" is also found as "Central Sulawesi".
INDONESIAN_COMPASS = {
    "Utara": "North",
    "Selatan": "South",
    "Barat": "West",
    "Timur": "East",
    "Tengah": "Central",
    "Tenggara": "Southeast",
    "Barat Daya": "Southwest",
}
# Names too ambiguous to match as places without context (English words, people's names).
AMBIGUOUS = {
    "Mon",
    "Chin",
    "Shan",
    "Georgia",
    "Victoria",
    "Central",
    "Maryland",
    "Washington",
    "Lima",
    "Jambi",
    "Orange",
    "Delta",
    "North",
    "South",
    "East",
    "West",
    "Para",
    "Amazonas",
    "Nei Mongol",
    "Papua",
    "Mexico",
    "Panama",
    "Bago",
    "Nord",
    "Sud",
    "Capital",
    "Kasaï",
    "Tanganyika",
    "Santa Cruz",
    "Córdoba",
    "San Luis",
    "Ceará",
    "Lapland",
    "Uusimaa",
    "Kainuu",
    "Southern",
    "Northern",
    "Western",
    "Eastern",
    "North-West",
    "Coast",
    "Lakes",
    "Upper",
    "Lower",
    "Copperbelt",
    "Central Region",
    "Luapula",
    "Muchinga",
    "Batman",
    "Van",
    "Sucre",
    "Cesar",
    "Bolívar",
    "Magdalena",
    "Santander",
    "Gulf",
    "Oro",
    "El Oro",
    "Est",
    "Centre",
    "Ouest",
    "Aurora",
    "Caldas",
    "Quezon",
    "Rizal",
    "Bohol",
}


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def country_names(country) -> tuple[str, list[str]]:
    """The canonical (common) name and every other name pycountry knows."""
    name = country.name
    if "," in name and not getattr(country, "common_name", None):
        # "Congo, The Democratic Republic of the" -> "Democratic Republic of the Congo"
        head, _, tail = name.partition(", ")
        tail = tail.removeprefix("The ").removeprefix("the ")
        name = f"{tail[0].upper()}{tail[1:]} {head}"
    canonical = getattr(country, "common_name", None) or name
    names = [canonical, name, country.name, getattr(country, "official_name", None)]
    if "," in country.name:  # "Korea, Republic of" is never written that way in prose.
        names.remove(country.name)
    return canonical, [name for name in dict.fromkeys(names) if name]


def subdivision_names(subdivision) -> tuple[str, list[str]]:
    name = PARENTHESES.sub("", LOCAL_SUFFIXES.sub("", subdivision.name)).strip()
    if name.endswith("s län"):
        name = name[: -len("s län")] + " County"
    elif name.endswith(" län"):
        name = name[: -len(" län")] + " County"
    names = [name]
    for local, english in INDONESIAN_COMPASS.items():
        if name.endswith(" " + local):
            names.insert(0, f"{english} {name[: -len(local) - 1]}")
    return names[0], names


def rows() -> list[dict]:
    out: list[dict] = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        canonical, names = country_names(country)
        for name in names:
            out.append({"label": "GPE", "pattern": name, "id": country.alpha_2, "normalized": canonical})
    country_surfaces = {row["pattern"] for row in out}
    for code in SUBDIVISION_COUNTRIES:
        for subdivision in sorted(pycountry.subdivisions.get(country_code=code), key=lambda s: s.code):
            parent = pycountry.subdivisions.get(code=subdivision.parent_code) if subdivision.parent_code else None
            if parent is not None and parent.type.lower() not in SKIP_TYPES and code not in SECOND_LEVEL_COUNTRIES:
                continue
            if subdivision.type.lower() in SKIP_TYPES:
                continue
            canonical, names = subdivision_names(subdivision)
            if canonical in AMBIGUOUS or canonical in country_surfaces:
                continue
            for name in names:
                out.append({"label": "GPE", "pattern": name, "id": subdivision.code, "normalized": canonical})
                if subdivision.type in ("State", "Province") and " " not in name:
                    out.append(
                        {
                            "label": "GPE",
                            "pattern": f"{name} {subdivision.type}",
                            "id": subdivision.code,
                            "normalized": canonical,
                        }
                    )
    folded = [dict(row, pattern=ascii_fold(row["pattern"])) for row in out if ascii_fold(row["pattern"]) != row["pattern"]]
    unique: dict[str, dict] = {}
    for row in out + folded:
        unique.setdefault(row["pattern"], row)
    return list(unique.values())


def main() -> None:
    data = rows()
    header = f"// generated by build_gazetteer.py from pycountry {pycountry.__version__}; do not edit by hand\n"
    OUTPUT.write_text(header + "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in data), encoding="utf-8")
    print(f"wrote {len(data)} patterns to {OUTPUT}")


if __name__ == "__main__":
    main()
