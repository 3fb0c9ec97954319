"""Article-level event decisions: anchored records only, the salient actor, one record per happening.

Pure functions on records, run by ``EventMerger`` after headline and continuation merging; the rules are data
(``models/events/cues.json``, key "document", model ``DocumentPolicy``):

1. A record is kept only when anchored: an agent, a date, a commodity or project with an amount or quantity,
   or a headline trigger. A bare noun in background prose ("financing regulations") anchors nothing.
2. A nationality agent is its government: "Canadian funding" -> Canada.
3. A record whose sentence names no actor takes its item's actor (``event_actors``: the section heading's, else
   the title's, else the item's lead's), for the types that take one ("The contract now runs to 2031"); a place
   named as agent becomes the project or location.
4. Records that report one happening give one record (``event_happenings``: one act under two types, one
   happening told twice).
5. Wire services, price agencies and exchanges report; they never act ("SMM said ..." names no agent), and a
   government-only type (a policy, a regulation) whose actor is a company is no such event ("Marlin's plan").
6. Who may act: an output, milestone or share record inherits a company, never a public body; an export ban's
   company or person agent gives way to the country; an organisation named as a market ("... Exchange") never acts.
7. ``confidence`` is calibrated: the precision measured on the real-news dev half for the record's number of
   distinct argument roles and its modality.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import pycountry

from pipeline.article.event_actors import (
    PARTY_ROLES,
)
from pipeline.article.event_actors import name_key as _key
from pipeline.resources.events import DocumentPolicy
from pipeline.schema.records import Argument, EntityRecord, EventRecord
from pipeline.text.cues import Cues, CueText, literal_cues


def counterparty_as_agent(record: EventRecord, records: Sequence[EventRecord], policy: DocumentPolicy) -> EventRecord:
    """A two-party act (``counterparty_agent_types``) left with no agent names its other side as a party when it is
    the only record of its type with none other of that type naming an actor ("will sell ore under a deal with
    Kestrel", the seller unnamed or unrecognised): the other side is one of its two parties; beside a record that
    does name an actor it is that record's retelling, and it stays without agent (then dropped if its type needs one)."""
    if record.event_type not in policy.counterparty_agent_types or any(a.role == "agent" for a in record.arguments):
        return record
    if any(other.event_type == record.event_type and other.id != record.id
           and any(a.role == "agent" for a in other.arguments) for other in records):
        return record
    index = next((i for i, argument in enumerate(record.arguments) if argument.role == "counterparty"), None)
    if index is None:
        return record
    arguments = list(record.arguments)
    arguments[index] = arguments[index].model_copy(update={"role": "agent"})
    return record.model_copy(update={"arguments": arguments})


def actor_pool(record: EventRecord, policy: DocumentPolicy) -> str:
    """Which actors a record may inherit: a ``company_types`` record no public body, a ``government_types`` record
    (a rule, a policy) no company, so its item's ministry acts when the item names no country."""
    if record.event_type in policy.company_types:
        return "company"
    return "state" if record.event_type in policy.government_types else "any"


def calibrate(record: EventRecord, policy: DocumentPolicy) -> EventRecord:
    """The record's confidence from what measured precision on unseen news: its number of distinct argument roles
    (``confidence_by_roles``, or its modality's own table in ``confidence_by_modality``) and its modality
    (``modality_confidence``, added)."""
    table = policy.confidence_by_modality.get(record.modality) or policy.confidence_by_roles
    if not table:
        return record
    roles = len({argument.role for argument in record.arguments})
    value = table[min(roles, len(table) - 1)] + policy.modality_confidence.get(record.modality, 0.0)
    return record.model_copy(update={"confidence": round(min(max(value, 0.01), 0.99), 4)})


def drop_non_agents(record: EventRecord, by_id: dict[str, EntityRecord], non_agents: set[str]) -> EventRecord:
    """Without the party arguments that name a wire service, price agency or exchange ("SMM", "ASX")."""
    def reporter(argument: Argument) -> bool:
        entity = by_id.get(argument.ref or "")
        names = {_key(argument.text)} | ({_key(entity.normalized)} if entity is not None else set())
        return argument.role in PARTY_ROLES and bool(names & non_agents)

    arguments = [argument for argument in record.arguments if not reporter(argument)]
    if len(arguments) == len(record.arguments):
        return record
    return record.model_copy(update={"arguments": arguments})


def is_public_body(entity: EntityRecord, policy: DocumentPolicy) -> bool:
    """An organisation whose name holds a ``government_words`` word ("Energy Department", "Loan Programs Office")."""
    words = set(_key(f"{entity.normalized} {entity.text}").split())
    single, multiple = _government_keys(tuple(policy.government_words))
    return not single.isdisjoint(words) or any(required <= words for required in multiple)


@lru_cache(maxsize=8)
def _government_keys(words: tuple[str, ...]) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """``government_words`` as comparison keys, computed once: the one-word keys as a set, the others (several
    words, or none) as word sets that must all be in a name."""
    keys = [frozenset(_key(word).split()) for word in words]
    return frozenset(word for key in keys if len(key) == 1 for word in key), tuple(key for key in keys if len(key) != 1)


def is_industry_body(entity: EntityRecord, policy: DocumentPolicy) -> bool:
    """An organisation whose name holds an ``industry_body_words`` word ("Chamber of Mines", "Nickel Miners
    Association"): it reports its industry's figures and lobbies for it, the members act."""
    words = set(_key(f"{entity.normalized} {entity.text}").split())
    return entity.label == "ORG" and bool(words & {_key(word) for word in policy.industry_body_words})


def drop_industry_agent(record: EventRecord, by_id: dict[str, EntityRecord], policy: DocumentPolicy) -> EventRecord:
    """An ``operator_types`` record whose agent is an industry body keeps no agent ("the miners' association said
    some mines may have to shut": the members shut, unnamed); after inheritance, so none is inherited either."""
    if record.event_type not in policy.operator_types:
        return record
    kept = [a for a in record.arguments if not (a.role == "agent" and a.ref in by_id
                                                and is_industry_body(by_id[a.ref], policy))]
    return record if len(kept) == len(record.arguments) else record.model_copy(update={"arguments": kept})


def industry_item(found: dict[str, EntityRecord | None], policy: DocumentPolicy) -> dict[str, EntityRecord | None]:
    """An item whose organisation is an industry body is about its industry: the body speaks for members it does
    not name, so no organisation is inherited and a record that may take a country takes the item's country
    ("the chamber said output fell" -> the country's output)."""
    return {label: None if actor is not None and is_industry_body(actor, policy) else actor
            for label, actor in found.items()}


def is_market(entity: EntityRecord, policy: DocumentPolicy) -> bool:
    """An organisation named as a market ("London Metal Exchange"): it lists and reports, never acts."""
    last = _key(entity.normalized).split()[-1:] or [""]
    return entity.label == "ORG" and last[0] in policy.market_words


def is_media(entity: EntityRecord, policy: DocumentPolicy) -> bool:
    """A news outlet ("China Daily Asia", "Kashmir News Observer": a ``media_words`` word in its name): it reports
    what others do, so it is never a party nor an item's actor."""
    if entity.label != "ORG":
        return False
    return not set(_key(f"{entity.normalized} {entity.text}").split()).isdisjoint(policy.media_words)


def drop_private_agent(record: EventRecord, by_id: dict[str, EntityRecord], policy: DocumentPolicy) -> EventRecord:
    """A ``state_agent_types`` record (an export ban) whose agent is a company or a person loses that agent: only
    a state bans exports, so the article's country takes the role when inherited ("the miner said after the
    export ban" never makes the miner the one who banned)."""
    if record.event_type not in policy.state_agent_types:
        return record
    index = next((i for i, a in enumerate(record.arguments) if a.role == "agent"), None)
    entity = by_id.get(record.arguments[index].ref or "") if index is not None else None
    if entity is None or index is None:
        return record
    private = entity.label == "PERSON" or (entity.label == "ORG" and not entity.kb_id
                                           and not is_public_body(entity, policy))
    if not private:
        return record
    return record.model_copy(update={"arguments": [a for i, a in enumerate(record.arguments) if i != index]})


def company_acting_as_state(record: EventRecord, by_id: dict[str, EntityRecord], policy: DocumentPolicy) -> bool:
    """A government-only type (``government_types``) whose agent is an organisation with no public-body word in its
    name ("Marlin Metals makes plans for ...") is not that event."""
    if record.event_type not in policy.government_types:
        return False
    agent = next((a for a in record.arguments if a.role == "agent"), None)
    entity = by_id.get(agent.ref or "") if agent is not None else None
    if entity is None or entity.label != "ORG" or entity.kb_id:
        return False
    return not is_public_body(entity, policy)


def is_background(record: EventRecord, policy: DocumentPolicy) -> bool:
    """Whether the record sits in text that reports no happening: a background section ("About Marlin Metals"), a
    caption or disclaimer sentence, or quoted talk of the future with nothing concrete (no amount, quantity, date)."""
    if record.section and _matches_any(tuple(policy.background_sections), record.section):
        return True
    if _matches_any(tuple(policy.background_sentences), record.evidence):
        return True
    roles = {argument.role for argument in record.arguments}
    if record.modality in policy.quoted_modalities and not roles & set(policy.quoted_anchor_roles):
        return in_quotes(record.evidence, record.trigger.text)
    return False


_QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'))


def in_quotes(text: str, phrase: str) -> bool:
    """Whether the first occurrence of ``phrase`` in ``text`` lies between an opening and a closing quotation mark
    (a sentence that opens a quote and never closes it counts as quoted to its end)."""
    at = text.find(phrase)
    if at < 0 or not phrase:
        return False
    for opening, closing in _QUOTE_PAIRS:
        before = text[:at]
        if opening == closing:
            if before.count(opening) % 2 == 1:
                return True
        elif before.rfind(opening) > before.rfind(closing):
            return True
    return False


NATIONALITY_GAP = 3  # characters between a country and the body it names: "Chinese Ministry", "China's Ministry"


def public_body_countries(entities: Sequence[EntityRecord], policy: DocumentPolicy) -> dict[str, str]:
    """Entity id -> country code for countries and for public bodies ("Ministry of Commerce") whose sentence names
    one country (or, failing that, the article names one country only). With ``ministry_nationality``, a body right
    after a country ("the Chinese Ministry of Commerce") is that country's however many its sentence names."""
    def country(entity: EntityRecord) -> str | None:
        code = entity.kb_id or ""
        return code if entity.label in policy.country_labels and len(code) == 2 else None

    codes: dict[str, str] = {e.id: code for e in entities if (code := country(e))}
    article = set(codes.values())
    for entity in entities:
        if entity.label != "ORG" or entity.kb_id or not is_public_body(entity, policy):  # the keys computed once
            continue
        near = {codes[e.id] for e in entities if e.sentence == entity.sentence and e.id in codes}
        found = near if near else article
        if len(found) == 1:
            codes[entity.id] = next(iter(found))
        elif policy.ministry_nationality:
            own = {codes[e.id] for e in entities if e.id in codes and e.sentence == entity.sentence
                   and 0 <= entity.start - e.end <= NATIONALITY_GAP}
            if len(own) == 1:
                codes[entity.id] = next(iter(own))
    return codes


def is_bare_label(record: EventRecord) -> bool:
    """A heading or table line that is only the trigger word ("IRR", "Production", "Financing:") names a topic the
    lines under it report, not a happening of its own."""
    return record.evidence.strip().rstrip(".:").strip().lower() == record.trigger.text.strip().lower()


def is_anchored(record: EventRecord, policy: DocumentPolicy) -> bool:
    """An agent or a date, or a detail (amount, quantity) about a subject (commodity, project); for the types of
    ``subject_anchors`` the subject alone ("germanium dioxide prices climbed")."""
    roles = {argument.role for argument in record.arguments}
    if roles.intersection(policy.anchor_roles) or roles.intersection(policy.subject_anchors.get(record.event_type, ())):
        return True
    if not roles.intersection(policy.detail_roles):
        return False
    return not policy.subject_roles or bool(roles.intersection(policy.subject_roles))


def government_agent(record: EventRecord, by_id: dict[str, EntityRecord],
                     entities: Sequence[EntityRecord], policy: DocumentPolicy | None = None) -> EventRecord:
    """A nationality agent ("Canadian funding", "Chilean regulators") becomes its country's government. When the
    article names the country and the sentence names its government by the nationality ("the Fenwickian government
    plans ..."), the agent keeps that phrase as its text and the country as its entity: both name the one actor
    (annotators write either; ``government_phrase``)."""
    index = next((i for i, a in enumerate(record.arguments) if a.role == "agent"), None)
    if index is None:
        return record
    entity = by_id.get(record.arguments[index].ref or "")
    if entity is None or entity.label != "NORP" or not entity.kb_id:
        return record
    country = next((e for e in entities if e.label == "GPE" and e.kb_id == entity.kb_id), None)
    if country is not None:
        phrase = government_phrase(record, entity, policy) if policy is not None else None
        agent = Argument(role="agent", text=phrase or country.normalized, ref=country.id)
    else:
        name = country_name(entity.kb_id)
        if name is None:
            return record
        agent = Argument(role="agent", text=name, ref=None)
    arguments = list(record.arguments)
    arguments[index] = agent
    return record.model_copy(update={"arguments": arguments})


def government_phrase(record: EventRecord, nationality: EntityRecord, policy: DocumentPolicy) -> str | None:
    """The words of the record's sentence that name a government by its nationality: the nationality's mention,
    at most one ``government_words`` word ("federal", "central") and a ``government_nouns`` noun ("Fenwickian
    government", "Fenwickian federal government"); None when the mention is followed by none."""
    nouns = "|".join(re.escape(noun) for noun in policy.government_nouns)
    if not nouns:
        return None
    modifiers = "|".join(re.escape(word) for word in policy.government_words if " " not in word)
    pattern = rf"{re.escape(nationality.text)}\s+(?:(?:{modifiers})\s+)?(?:{nouns})\b"
    found = re.search(pattern, record.evidence, flags=re.IGNORECASE)
    return found.group(0) if found is not None else None


def is_court_decision(record: EventRecord, policy: DocumentPolicy) -> bool:
    """A court's ruling or verdict (``court_words`` in its trigger): the court acts, not a country."""
    return not {word.lower() for word in record.trigger.text.split()}.isdisjoint(policy.court_words)


def court_agent(record: EventRecord, by_id: dict[str, EntityRecord], policy: DocumentPolicy) -> EventRecord:
    """A court decision without a country or nationality agent (``country_labels``: "a Canadian court ruling" is no
    act of Canada)."""
    arguments = [a for a in record.arguments if a.role != "agent" or (
        (entity := by_id.get(a.ref or "")) is None or entity.label not in policy.country_labels)]
    return record if len(arguments) == len(record.arguments) else record.model_copy(update={"arguments": arguments})


def country_name(code: str) -> str | None:
    """The common name of an ISO 3166-1 alpha-2 code ("CA" -> "Canada"); None for blocs and unknown codes."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], Cues | None], ...]:
    """The policy's case-insensitive regexes, compiled once (``re``'s own cache costs a lookup per call), each with
    the words one of which its every match holds (``literal_cues``)."""
    return tuple((re.compile(pattern, re.IGNORECASE), literal_cues(pattern)) for pattern in patterns)


def _matches_any(patterns: tuple[str, ...], text: str) -> bool:
    """Whether one of the case-insensitive ``patterns`` matches in ``text``; a regex none of whose words is in the
    lower-cased text is not run (most open on ``\\b``, which ``re`` tries at every position: ~20 ns a character)."""
    cues = CueText(text)
    return any(cues.has_any(words) and pattern.search(text) for pattern, words in _compiled(patterns))
