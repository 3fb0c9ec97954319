"""Who acts in an article's event records: the item's actor (``item_actors``; ``event_inheritance`` gives it to a
subjectless record), speakers, cited sources and lenders that are not the actor, and places that are never actors
(docs/annotation.md, "The actor of an item"). Pure functions on records, used by ``event_pass``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from pipeline.resources.events import DocumentPolicy
from pipeline.schema.labels import HEADLINE_ZONES
from pipeline.schema.records import EntityRecord, EventRecord

PARTY_ROLES = frozenset({"agent", "counterparty", "beneficiary"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ARTICLE_OR_POSSESSIVE = re.compile(r"(?i)^the\s+|['’]s$")
WORD = re.compile(r"[\w'’-]+")  # a word of a record's evidence or a name, for every actor rule of the article passes
_LETTERS = re.compile(r"[a-z]+")
GOVERNMENT_GAP = 2  # words after a country that may name its government: "Chinese [central] government"


def place_agent(record: EventRecord, by_id: dict[str, EntityRecord], policy: DocumentPolicy) -> EventRecord:
    """A place is never the actor: an agent labelled as in ``place_agent_roles`` (a mine, a region) takes that role
    instead (project, location), so does a city (``settlement_agent_role``: a dateline's "OSLO -"), a province agent
    of a ``company_types`` or ``operated_types`` record ("the Ohio plant will reach 100,000 t", "a mine closes in
    Ohio": Ohio is where, not who), and a country agent of a ``stoppage_types`` record unless its government is named
    ("floods in Peru's copper belt halted mines": where, not who)."""
    index = next((i for i, a in enumerate(record.arguments) if a.role == "agent"), None)
    entity = by_id.get(record.arguments[index].ref or "") if index is not None else None
    if entity is None or index is None:
        return record
    role = policy.place_agent_roles.get(entity.label)
    if role is None and entity.label == "GPE" and not entity.kb_id:
        role = policy.settlement_agent_role
    if role is None and entity.label == "GPE" and not is_country(entity) and (
            record.event_type in policy.company_types or record.event_type in policy.operated_types):
        role = policy.place_agent_roles.get("LOC")
    if role is None and record.event_type in policy.stoppage_types and entity.label in ("GPE", "NORP") and (
            is_country(entity) and not _governs(record, {record.arguments[index].text, entity.text}, policy)):
        role = policy.place_agent_roles.get("LOC")
    if role is None:
        return record
    arguments = list(record.arguments)
    arguments[index] = arguments[index].model_copy(update={"role": role})
    return record.model_copy(update={"arguments": arguments})


def _governs(record: EventRecord, names: set[str], policy: DocumentPolicy) -> bool:
    """Whether a country's mention in the record's sentence (by any of its names) is its government ("the Chinese
    government's curbs", "Peruvian authorities"): a ``government_words`` word among the two words after it."""
    for match in (m for name in names for m in re.finditer(re.escape(name), record.evidence)):
        after = [word for word in _LETTERS.findall(record.evidence[match.end():].lower()) if word != "s"]
        after = after[:GOVERNMENT_GAP]
        if set(after) & set(policy.government_words):
            return True
    return False


def relabelled_actor(record: EventRecord, by_id: dict[str, EntityRecord], policy: DocumentPolicy) -> EventRecord:
    """A record without agent whose ``project`` names what the article as a whole calls an organisation (the
    sentence's parse read "Sibanye-Stillwater has warned it might close shafts" as a facility, linking relabelled it
    by the article's majority) takes that organisation as its agent: a company is never a project."""
    if any(a.role == "agent" for a in record.arguments) or record.event_type in policy.no_agent_types:
        return record
    index = next((i for i, a in enumerate(record.arguments) if a.role == "project" and a.ref in by_id
                  and by_id[a.ref].label == "ORG"), None)
    if index is None:
        return record
    arguments = list(record.arguments)
    arguments[index] = arguments[index].model_copy(update={"role": "agent"})
    return record.model_copy(update={"arguments": arguments})


def drop_speaker(record: EventRecord, by_id: dict[str, EntityRecord], policy: DocumentPolicy) -> EventRecord:
    """An agent of a ``speaker_labels`` label (a person announcing or signing) is no agent: the organisation or
    government it speaks for is (docs/annotation.md, "Speakers"), so the record inherits its item's actor. So is a
    one-word name that is a word of such a person's name, whatever label it was read with ("Chairman Choi Yun-beom
    said ..." then "Choi signed an MOU": Choi is the chairman, not a company)."""
    if not any(a.role == "agent" and a.ref in by_id for a in record.arguments):
        return record
    names = speaker_words(by_id, policy)
    kept = [a for a in record.arguments if not (a.role == "agent" and a.ref in by_id and (
        by_id[a.ref].label in policy.speaker_labels or name_key(by_id[a.ref].normalized) in names))]
    if len(kept) == len(record.arguments):
        return record
    return record.model_copy(update={"arguments": kept})


def speaker_words(by_id: dict[str, EntityRecord], policy: DocumentPolicy) -> set[str]:
    """The words of the article's multi-word speaker names (a person's given name and surname)."""
    return {word for entity in by_id.values() if entity.label in policy.speaker_labels
            for word in name_key(entity.normalized).split() if len(name_key(entity.normalized).split()) > 1}


def cited_sources(entities: Sequence[EntityRecord], text: str, policy: DocumentPolicy) -> set[str]:
    """Name keys of the organisations the article only cites: every mention sits in a ``source_before`` or
    ``source_after`` context ("according to a report by X", "X (Oct 24) --", "X analysts told clients"). A source
    reports, it does not act, so it is never a party nor the item's actor. Empty without the article's text."""
    if not text or not (policy.source_before or policy.source_after):
        return set()
    before = [_regex(pattern + r"\Z") for pattern in policy.source_before]
    after = [_regex(r"\A(?:" + pattern + ")") for pattern in policy.source_after]
    cited: dict[str, bool] = {}
    for entity in entities:
        if entity.label != "ORG" or text[entity.start:entity.end] != entity.text:
            continue
        head, tail = text[max(0, entity.start - 60):entity.start], text[entity.end:entity.end + 40]
        source = any(p.search(head) for p in before) or any(p.search(tail) for p in after)
        key = name_key(entity.normalized)
        cited[key] = cited.get(key, True) and source
    return {key for key, source in cited.items() if source}


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def lender_keys(records: Sequence[EventRecord], by_id: dict[str, EntityRecord], policy: DocumentPolicy) -> frozenset[str]:
    """Name keys of the agents of ``lender_types`` records that fund an organisation other than themselves (a
    beneficiary that is a site says what is funded, not who)."""
    keys: set[str] = set()
    for record in records:
        if record.event_type not in policy.lender_types:
            continue
        funded = {name_key(a.text) for a in record.arguments if a.role == "beneficiary"
                  and a.ref in by_id and by_id[a.ref].label == "ORG" and not _names_site(a.text, record, policy)}
        lenders = {name_key(a.text) for a in record.arguments if a.role == "agent"}
        keys.update(lender for lender in lenders if funded - {lender})
    return frozenset(keys)


SITE_NAME_GAP = 4  # words after a name that may end in its site noun: "Bato Point [high-pressure acid leach] plant"


def _names_site(name: str, record: EventRecord, policy: DocumentPolicy) -> bool:
    """Whether a site noun (``site_nouns``) follows the name within a few words in the record's sentence: the name is
    a plant's or a mine's, read as an organisation."""
    at = record.evidence.find(name)
    after = [word.lower() for word in WORD.findall(record.evidence[at + len(name):])][:SITE_NAME_GAP] if at >= 0 else []
    return bool(set(after) & set(policy.site_nouns))


def salient_actor(entities: Sequence[EntityRecord], label: str, lead_sentences: int, *,
                  acting: frozenset[str] = frozenset()) -> EntityRecord | None:
    """The organisation (or government) the title and lead name most often in the article; on ties the one a record
    names as its agent (``acting``: keys of named agents), then the first named.

    The lead is the title plus the first ``lead_sentences`` + 1 body sentences that name any entity.
    """
    body = sorted({e.sentence for e in entities if e.zone == "body"})
    last_lead = body[min(lead_sentences, len(body) - 1)] if body else -1
    lead = [e for e in entities if e.label == label and (e.zone in HEADLINE_ZONES or
                                                         (e.zone == "body" and e.sentence <= last_lead))]
    if label == "GPE":
        lead = [e for e in lead if is_country(e)]  # a country, not a province or city
    if not lead:
        return None
    mentions = Counter(name_key(e.normalized) for e in entities if e.label == label)
    return max(lead, key=lambda e: (mentions[name_key(e.normalized)], name_key(e.normalized) in acting, -e.start))


def item_actors(actors: Sequence[EntityRecord], section: str | None, policy: DocumentPolicy, *,
                acting: frozenset[str] = frozenset()) -> dict[str, EntityRecord | None]:
    """The actor of an item, by label (docs/annotation.md, "The actor of an item"): the first one its section
    heading names, else the one the article title names and the text names again (the most named of several), else
    the one its own lead names most: the item's first ``item_lead_sentences`` + 1 body sentences under a heading,
    the article's lead (and its salient actor) before any heading."""
    mentions = Counter(name_key(e.normalized) for e in actors)
    in_item = sorted({e.sentence for e in actors if e.zone == "body" and e.section == section})
    size = policy.lead_sentences if section is None else policy.item_lead_sentences
    last_lead = in_item[min(size, len(in_item) - 1)] if in_item else -1
    tiers = (
        # a heading organisation named nowhere else is a title-case misread ("Technical Indicators Signal Strength")
        [e for e in actors if section is not None and e.section == section and e.zone == "heading"
         and (e.label != "ORG" or named_elsewhere(e, actors))],
        [e for e in actors if e.zone == "title" and mentions[name_key(e.normalized)] > 1],  # named again: no misread
        [e for e in actors if e.zone == "body" and e.section == section and e.sentence <= last_lead],
    )
    found: dict[str, EntityRecord | None] = {}
    for label in ("ORG", "GPE"):
        found[label] = salient_actor(actors, label, policy.lead_sentences, acting=acting) if section is None else None
        for tier, pick in zip(tiers, (_first, _most_named, _most_named), strict=True):
            named = [e for e in tier if e.label == label and (label != "GPE" or is_country(e))]
            if named:
                found[label] = pick(named, mentions, acting)
                break
    return found


def named_elsewhere(entity: EntityRecord, entities: Sequence[EntityRecord]) -> bool:
    """Whether another entity outside the headings starts with the same word (a short or full form of the name:
    heading "Kestrel", body "Kestrel Resources")."""
    first = name_key(entity.normalized).split()[:1]
    return any(other.zone not in {"heading", "title"} and name_key(other.normalized).split()[:1] == first
               for other in entities if other.id != entity.id)


def _first(named: list[EntityRecord], mentions: Counter[str], acting: frozenset[str]) -> EntityRecord:
    return min(named, key=lambda e: e.start)


def _most_named(named: list[EntityRecord], mentions: Counter[str], acting: frozenset[str]) -> EntityRecord:
    """The most named; on ties the one a record names as its agent, then the first named."""
    return max(named, key=lambda e: (mentions[name_key(e.normalized)], name_key(e.normalized) in acting, -e.start))


def is_country(entity: EntityRecord) -> bool:
    return bool(entity.kb_id) and "-" not in (entity.kb_id or "")


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """A name's comparison key (pure, called tens of times per record: memoised, bounded)."""
    return _NON_WORD.sub(" ", _ARTICLE_OR_POSSESSIVE.sub("", name.strip()).lower()).strip()
