"""Who acts when the sentence names no one: the item's actor a subjectless record inherits (or the owner the article
names for a site), unless the sentence reports the whole market, counts unnamed actors or names a third party of its
own (docs/annotation.md, "The actor of an item"), or opens with an organisation's name the parse left untagged there
(``opening_name``: that organisation acts). Pure functions on records, used by ``event_pass``; the item's actor itself
is ``event_actors.item_actors``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.article.event_actors import PARTY_ROLES, WORD, is_country, name_key
from pipeline.resources.events import DocumentPolicy
from pipeline.schema.records import Argument, EntityRecord, EventRecord

SUBJECT_LABELS = frozenset({"ORG", "PERSON"})  # who, named before a site, is the sentence's subject instead


def site_owner(entities: Sequence[EntityRecord], text: str, policy: DocumentPolicy) -> EntityRecord | None:
    """The one organisation the article names as a site's owner (``owner_phrases``: "a plant owned by X", "the mine
    is operated by Singapore-based Y"); None when it names none or several."""
    owners: dict[str, EntityRecord] = {}
    for phrase in policy.owner_phrases:
        for match in re.finditer(rf"\b{re.escape(phrase)}\s+", text, flags=re.IGNORECASE):
            after = [e for e in entities if e.label == "ORG" and e.start >= match.end()]
            owner = min(after, key=lambda e: e.start, default=None)
            if owner is not None and len(WORD.findall(text[match.end(): owner.start])) <= policy.owner_gap and (
                    not re.search(r"[.,;:()\n]", text[match.end(): owner.start])):
                owners.setdefault(name_key(owner.normalized), owner)
    return next(iter(owners.values())) if len(owners) == 1 else None


def inherit_agent(record: EventRecord, salient: dict[str, EntityRecord | None], policy: DocumentPolicy, *,
                  entities: Sequence[EntityRecord] = (), owner: EntityRecord | None = None) -> EventRecord:
    """A record whose sentence names no actor takes its item's actor of a label its type allows; never when the
    sentence names a third party (``third_party_labels``, outside the record's arguments) who is its own actor
    ("Japanese imports fell 6%" under a company's heading). An item without a company gives a site's output,
    milestone or stoppage to the owner the article names (``site_owner``). A named site that opens the sentence as
    its subject ("The X mine produced ...", ``leading_site_types``) acts itself: the gold names the mine, not the
    item's company, for what the site does; so does an organisation the article names elsewhere that opens the
    sentence untagged (``opening_name``)."""
    if record.event_type in policy.no_agent_types or any(a.role == "agent" for a in record.arguments):
        return record
    if market_wide(record, policy) or group_actor(record, policy):
        return record
    leading = leading_site(record, entities, policy) if record.event_type in policy.leading_site_types else None
    if leading is not None:
        return _with_agent(record, leading)
    site = operated_site(record, entities, policy)
    labels = _inherited_labels(record, policy)
    opening = opening_name(record, entities, labels)
    if opening is not None:
        return _with_agent(record, opening)
    for label in labels:
        actor = salient.get(label)
        if actor is None and label == "ORG" and record.event_type in policy.operated_types:
            actor = owner
        if site is not None and label == "GPE":
            continue  # "Chile's Toquepala mine raised output": the country is where, the operator acts
        if actor is None or any(a.ref == actor.id or name_key(a.text) == name_key(actor.normalized)
                                for a in record.arguments if a.role in PARTY_ROLES):
            continue
        named = [e for e in entities if e.sentence == record.sentence]
        if any(_third_party(e, record, actor, policy) and not _describes(e, named, record, policy)
               and not _places_site(e, record, policy) for e in named):
            return record
        return _with_agent(record, actor)
    if site is not None and site_is_subject(record, site, policy):
        return _with_agent(record, site)
    return record


_OPENING_MARKS = "•*-–—\"“‘' \t\n"  # bullets and quotes before a sentence's first word


def opening_name(record: EventRecord, entities: Sequence[EntityRecord], labels: Sequence[str]) -> EntityRecord | None:
    """The organisation that opens the record's body sentence as its subject where the parse tagged nothing there:
    a name the article tags elsewhere (an ``ORG`` of ``labels``, word-bounded, the longest first), written again
    at the sentence's start and missed in this sentence ("Kestrel may complete the deal this month" after
    "Kestrel Metals ... Kestrel said"). It acts, not the item's actor; None when no such name opens the sentence."""
    if record.zone != "body" or "ORG" not in labels:
        return None
    opening = record.evidence.lstrip(_OPENING_MARKS)
    tagged_here = [e.text for e in entities if e.sentence == record.sentence and e.zone == record.zone]
    if any(opening.startswith(text) for text in tagged_here):
        return None
    names = sorted((e for e in entities if e.label == "ORG" and e.zone == "body" and len(e.text) > 2),
                   key=lambda e: (-len(e.text), e.start))
    return next((e for e in names if re.match(rf"{re.escape(e.text)}(?![\w'’-])", opening)), None)


def _with_agent(record: EventRecord, agent: EntityRecord) -> EventRecord:
    """``record`` with ``agent`` as its first argument."""
    return record.model_copy(update={"arguments": [Argument(role="agent", text=agent.text, ref=agent.id), *record.arguments]})


def operated_site(record: EventRecord, entities: Sequence[EntityRecord], policy: DocumentPolicy) -> EntityRecord | None:
    """The facility an ``operated_types`` record names as its project (the first): its country does not act for it,
    and as the sentence's subject it stands for its operator when the article names none (the gold lists a mine's
    name among its operator's names)."""
    if record.event_type not in policy.operated_types:
        return None
    return project_site(record, entities)


def project_site(record: EventRecord, entities: Sequence[EntityRecord]) -> EntityRecord | None:
    """The first facility the record names as its project."""
    by_id = {entity.id: entity for entity in entities}
    return next((by_id[a.ref] for a in record.arguments if a.role == "project" and a.ref in by_id
                 and by_id[a.ref].label == "FACILITY"), None)


def site_is_subject(record: EventRecord, site: EntityRecord, policy: DocumentPolicy) -> bool:
    """Whether the site is what the sentence is about, not where something else acts ("a smelter at the X park
    produced": ``site_place_preps`` among the two words before it)."""
    at = record.evidence.find(site.text)
    before = [word.lower() for word in WORD.findall(record.evidence[:at])][-2:] if at >= 0 else []
    return not set(before) & set(policy.site_place_preps)


def leading_site(record: EventRecord, entities: Sequence[EntityRecord], policy: DocumentPolicy) -> EntityRecord | None:
    """The record's named project when it opens the sentence as its subject (``site_leads``). An anaphor ("the mine
    will produce") is not one: it inherits the item's company (docs/annotation.md, "The actor of an item")."""
    site = project_site(record, entities)
    return site if site is not None and site_leads(record, site, entities, policy) else None


def site_leads(record: EventRecord, site: EntityRecord, entities: Sequence[EntityRecord], policy: DocumentPolicy) -> bool:
    """Whether the site is the sentence's subject before its trigger ("The X mine produced 8,000 t"): named in the
    record's sentence before the trigger, not after a ``site_place_preps`` word ("output at the X mine rose"), with no
    organisation or person (``SUBJECT_LABELS``) named before it ("Y's X mine", "Y said its X mine") and no
    ``other_subject_words`` word before the trigger ("It will lift X's capacity", "the X expansion will double our
    production": a pronoun's actor or the speaker's company produces)."""
    start = _evidence_start(record, site)
    if start is None or site.start >= record.trigger.start or not site_is_subject(record, site, policy):
        return False
    before_trigger = {word.lower() for word in WORD.findall(record.evidence[:record.trigger.start - start])}
    if before_trigger & set(policy.other_subject_words):
        return False
    return not any(start <= entity.start < site.start for entity in entities if entity.sentence == record.sentence
                   and entity.zone == record.zone and entity.label in SUBJECT_LABELS)


def _inherited_labels(record: EventRecord, policy: DocumentPolicy) -> list[str]:
    """The labels a record may inherit, in order: a state-funding trigger ("incentive scheme", "grants") takes a
    government, other records their type's labels (docs/annotation.md: raises a company, state funding a government)."""
    words = {word.lower() for word in WORD.findall(record.trigger.text)}
    if words & set(policy.state_funding_words.get(record.event_type, [])):
        return policy.state_funding_labels
    return policy.inherit_agent.get(record.event_type, [])


MARKET_WIDE_SPAN = 4  # words before the trigger searched: "primary global tungsten [production]"


def market_wide(record: EventRecord, policy: DocumentPolicy) -> bool:
    """A trigger a few words after a market-wide word ("global tungsten production rose", "world reserves stand at")
    reports the whole market, which inherits no item's actor (docs/annotation.md: market-wide statements)."""
    if not policy.market_wide_words:
        return False
    at = record.evidence.find(record.trigger.text)
    if at < 0:
        return False
    before = [word.lower() for word in WORD.findall(record.evidence[:at])][-MARKET_WIDE_SPAN:]
    return bool(set(before) & set(policy.market_wide_words))


YEAR_DIGITS = 4  # "in 2024 companies ...": a year counts nothing
GROUP_GAP = 2  # words between a count and its noun: "eight [steel] companies", "five [large aluminium] smelters"


def group_actor(record: EventRecord, policy: DocumentPolicy) -> bool:
    """Before the trigger, the sentence counts actors it does not name ("Five companies are set to invest", "eight
    steel companies plan to"): they act, so the item's actor is not inherited (docs/annotation.md: a third party)."""
    at = record.evidence.find(record.trigger.text)
    if at < 0 or not policy.group_counts:
        return False
    words = [word.lower() for word in WORD.findall(record.evidence[:at])]
    counts, nouns = set(policy.group_counts), set(policy.group_nouns)
    return any(nouns & set(words[i + 1: i + 2 + GROUP_GAP]) for i, word in enumerate(words)
               if word in counts or (word.isdigit() and len(word) < YEAR_DIGITS))


def _third_party(entity: EntityRecord, record: EventRecord, actor: EntityRecord, policy: DocumentPolicy) -> bool:
    """An entity of the record's sentence that may act (an organisation, a nationality, a country), is not the
    inherited actor and plays no part in the record."""
    if entity.label not in policy.third_party_labels or (entity.label == "GPE" and not is_country(entity)):
        return False
    if name_key(entity.normalized) == name_key(actor.normalized) or entity.zone != record.zone:
        return False
    # the inherited country's own nationality ("Japanese companies" in an item about Japan) is no other party
    if entity.kb_id and entity.kb_id == actor.kb_id:
        return False
    return not any(a.ref == entity.id or name_key(a.text) == name_key(entity.text) for a in record.arguments)


_DESCRIPTOR_GAP = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}([a-z]+)\s+")


def _describes(nationality: EntityRecord, named: Sequence[EntityRecord], record: EventRecord,
               policy: DocumentPolicy) -> bool:
    """A nationality describing the organisation named right after it by a company noun ("French miner Eramet", "the
    Israeli battery maker Tower"): one actor's description, not a third party."""
    if nationality.label != "NORP":
        return False
    start = _evidence_start(record, nationality)
    if start is None:
        return False
    for other in named:
        gap = _DESCRIPTOR_GAP.fullmatch(record.evidence[nationality.end - start: other.start - start]) if (
            other.label == "ORG" and other.start > nationality.end) else None
        if gap is not None and gap.group(1) in policy.company_nouns:
            return True
    return False


SITE_GAP = 2  # lower-case words between a nationality and its site noun: "Indonesian [nickel] smelter"
_WORDS_AFTER = re.compile(r"\A(?:\s+[\w'’-]+){1,3}")


def _places_site(nationality: EntityRecord, record: EventRecord, policy: DocumentPolicy) -> bool:
    """A nationality on a site noun ("a fire at an Indonesian nickel smelter", "Marlin's Fenwickian manganese
    operations"): it says where the site is; only lower-case words that name no public body (``government_words``)
    stand between them."""
    if nationality.label != "NORP" or not policy.site_nouns:
        return False
    start = _evidence_start(record, nationality)
    found = _WORDS_AFTER.match(record.evidence[nationality.end - start:]) if start is not None else None
    words = found.group(0).split() if found is not None else []
    for index, word in enumerate(words[:SITE_GAP + 1]):
        if word in policy.site_nouns:
            return not any(not w.islower() or w in policy.government_words for w in words[:index])
    return False


def _evidence_start(record: EventRecord, entity: EntityRecord) -> int | None:
    """The article offset of the record's evidence, checked on an entity of its sentence (None when not found)."""
    at = record.evidence.find(record.trigger.text)
    while at >= 0:
        start = record.trigger.start - at
        if record.evidence[entity.start - start: entity.end - start] == entity.text:
            return start
        at = record.evidence.find(record.trigger.text, at + 1)
    return None
