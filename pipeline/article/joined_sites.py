"""Names joined to a facility's name read as organisations (issue 13, entities, twentieth session, ORG precision).

The model reads the second name of a pair of sites as a company when nothing else marks it: "the Aldo and Berra ore
fields", "the costs of Aldo and Berra" (where the article writes Aldo as a site). On the read dev half, 3 ORG groups
in 3 articles were so joined to a FACILITY by a lone "and", and all 3 are sites in the gold; no right ORG group was.
After linking, such a group (``conjoined_sites``) becomes a FACILITY in every mention, unless a block
event takes one of its mentions as an argument: the event stage looks for its actors among organisations, so a
party of an event keeps its reading (one group of the 3: a producer whose output lines name it as the agent).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pipeline.schema.records import EntityRecord, EventRecord

SITE_LABEL = "FACILITY"
READ_LABEL = "ORG"
SITE_JOINER = re.compile(r"\s*(?:and|&|or)\s*")  # what stands between two names of one list
_NAME_WORD = re.compile(r"\w+")


def joined_site_labels(records: list[EntityRecord], text: str, events: Iterable[EventRecord]) -> list[EntityRecord]:
    """``records`` with the ORG groups the article joins to a facility's name relabelled FACILITY (see the module's
    docstring); a group one of whose mentions an argument of ``events`` names is left as it is."""
    names = conjoined_sites(records, text)
    if not names:
        return records
    arguments = {argument.ref for event in events for argument in event.arguments if argument.ref}
    parties = {record.text for record in records if record.id in arguments}
    return [record.model_copy(update={"label": SITE_LABEL}) if record.label == READ_LABEL and record.kb_id is None
            and record.text in names - parties else record for record in records]


def conjoined_sites(records: Sequence[EntityRecord], text: str) -> set[str]:
    """Names read as an ORG with no kb id that the article joins by a lone "and", "&" or "or" to a facility's name
    ("the Aldo and Berra ore fields", "the costs of Aldo and Berra" where Aldo is a site): sites too; not a name
    sharing a word with the site's (one name written twice)."""
    facilities = [record for record in records if record.label == SITE_LABEL]
    found: set[str] = set()
    for record in records:
        if record.label != READ_LABEL or record.kb_id is not None:
            continue
        words = set(_NAME_WORD.findall(record.text))
        for site in facilities:
            gap = text[site.end : record.start] if site.end <= record.start else text[record.end : site.start]
            if (site.end <= record.start or record.end <= site.start) and SITE_JOINER.fullmatch(gap) \
                    and not words & set(_NAME_WORD.findall(site.text)):  # "X-Y Mining and X Y Mining": one name
                found.add(record.text)
                break
    return found
