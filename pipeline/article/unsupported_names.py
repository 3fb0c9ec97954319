"""Names the story itself gives no support (issue 13, entities round 15).

On text nobody tuned on, most entity errors are false names, not missed ones. Two kinds recur on outlets the
rules have never seen, and both are read off the article's own structure, not off any name:
- An ORG or PERSON written only on title or heading lines, never in the story's text: a page's or section's
  title ("<Outlet Name>" over the story, "Significance & Broader Impacts"), or a headline's variant of a name
  the body writes otherwise. A name the story is about is named in its text; linking has already joined the
  headline mentions of every body name to it, so what stays headline-only is furniture or a duplicate, unless
  an event of the story takes it as a party (a headline's actor the body refers back to: "The contract ..."), or
  it is a stock exchange opening a release header's listing line ("AIX: EXM", "JSE Share code: EXM"; twenty-first
  session, rn556, rn747): the exchanges a company trades on, which the annotation guide names as organisations.
- A PERSON with no sign of a person around any of its mentions: news copy introduces a person with a title or
  a role ("junta leader X", "economics lecturer X"), as the speaker of a verb of speech, as a leader whose
  government acts, or goes on with "he"/"she". A capitalised pair the model reads as a person with none of
  these (a place, a company named like a family, a menu line "N. B. You can ...") is no entity, unless a word of
  the name is a company's legal form or organisation word ("Kuusamo Battery Oy", "Minera Example"): then it is
  the company the model misread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from pipeline.resources.entities import linking_words
from pipeline.resources.person_cues import person_cues
from pipeline.schema.labels import HEADLINE_ZONES
from pipeline.schema.records import EntityRecord

HEADLINE_ONLY_LABELS = frozenset({"ORG", "PERSON"})
# Characters read before and after a person's single mention for its cue words: a title or role goes before the
# name (often with an employer between: "RMIT University Vietnam economics lecturer X"), a verb of speech or a
# pronoun soon after it.
CUES_BEFORE = 80
CUES_AFTER = 50
WORD = re.compile(r"[A-Za-z][A-Za-z.-]*")
# What follows an exchange on a listing line: its colon, after a "code" label or not ("ASX: EXM", "JSE Share code:").
LISTING_COLON = re.compile(r"(?:[ \t]+(?:share[ \t]+)?code)?[ \t]*:[ \t]*[A-Z0-9]", re.IGNORECASE)


def _groups(records: Sequence[EntityRecord]) -> dict[tuple[str, str], list[int]]:
    """The record indexes of each (label, normalized) group: the unit an entity is written and scored by."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, record in enumerate(records):
        groups.setdefault((record.label, record.normalized), []).append(index)
    return groups


def headline_only(records: Sequence[EntityRecord]) -> set[int]:
    """Indexes of the ORG and PERSON records whose group is written on title or heading lines only."""
    return {index for (label, _), members in _groups(records).items()
            if label in HEADLINE_ONLY_LABELS and all(records[i].zone in HEADLINE_ZONES for i in members)
            for index in members}


def _has_person_cue(record: EntityRecord, text: str, cues: frozenset[str]) -> bool:
    around = f"{text[max(record.start - CUES_BEFORE, 0) : record.start]} {text[record.end : record.end + CUES_AFTER]}"
    return any(word.lower().rstrip(".") in cues or word.lower() in cues for word in WORD.findall(around))


def uncued_persons(records: Sequence[EntityRecord], text: str) -> set[int]:
    """Indexes of the records of the PERSON groups with no person cue word around any of their mentions."""
    words = person_cues()
    cues = (words.title_words | words.reporting_verbs | words.leader_bodies | words.byline_roles
            | words.person_context_words)
    return {index for (label, _), members in _groups(records).items()
            if label == "PERSON" and not any(_has_person_cue(records[i], text, cues) for i in members)
            for index in members}


def _company_named(name: str) -> bool:
    """Whether a word of ``name`` is a company's legal form ("Oy", "Ltd") or an organisation word ("Minera")."""
    return any(word.lower() in person_cues().company_words for word in name.split())


def without_uncued_persons(records: list[EntityRecord], text: str) -> list[EntityRecord]:
    """The linked records less the persons with no cue (one named with a company's word is that ORG)."""
    dropped: set[int] = set()
    companies: set[int] = set()
    for index in uncued_persons(records, text):
        (companies if _company_named(records[index].normalized) else dropped).add(index)
    return [record.model_copy(update={"label": "ORG"}) if index in companies else record
            for index, record in enumerate(records) if index not in dropped]


def listing_exchanges(records: Sequence[EntityRecord], text: str) -> set[str]:
    """Ids of the ORG records of a stock exchange that opens a listing line ("AIX: EXM, EXM.Y (GDR)" under a
    release's company name): headline-only by layout, but the company's listing, no page furniture."""
    exchanges = linking_words().stock_exchanges
    return {record.id for record in records
            if record.label == "ORG" and record.text in exchanges and text[max(record.start - 1, 0) : record.start] in ("", "\n")
            and LISTING_COLON.match(text, record.end) is not None}


def without_headline_only(records: list[EntityRecord], spared: Set[str]) -> list[EntityRecord]:
    """The records less the headline-only ORG/PERSON groups, but for a group with a mention whose id is in
    ``spared`` (a party of one of the story's events: "X Extends Offtake" over "The contract ... runs to 2031")."""
    groups = _groups(records)
    dropped = {index for index in headline_only(records)
               if not any(records[i].id in spared for i in groups[(records[index].label, records[index].normalized)])}
    return [record for index, record in enumerate(records) if index not in dropped]
