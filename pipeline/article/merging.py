"""Merging an article's event records: one event per fact.

Pure functions on records (the extractor's document-level pass, and the Doc-level
``orewire_event_merger`` component, share them): anaphoric agents ("the company", "it")
take their antecedent, a follow-up sentence about the same deal or study joins the event it
continues, and a headline event folds into the body event it announces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from pipeline.article.agent_trail import AgentTrail, unnoted
from pipeline.article.event_actors import PARTY_ROLES, is_country, name_key
from pipeline.article.event_antecedents import (
    heading_agent,
    is_headline_record,
    is_standfirst,
    previous_agent,
    recent_entity,
    sentence_antecedent,
)
from pipeline.article.event_happenings import DateYears, date_years, distinguished, figures, name_words
from pipeline.article.event_lenders import lenders_as_agents
from pipeline.article.event_pass import apply_policy
from pipeline.article.event_policy import is_market, is_media, is_public_body
from pipeline.article.happening_folds import Pattern, fold_measured
from pipeline.resources.events import DocumentPolicy, EventCues
from pipeline.resources.happening_folds import HappeningFolds
from pipeline.schema.labels import EventType
from pipeline.schema.records import Argument, DateRecord, EntityRecord, EventRecord, Mention, QuantityRecord

STUDY_WORDS = re.compile(r"(?i)feasibility|study|assessment|scoping|\bpea\b|\bpfs\b|\bdfs\b")


class EventMerger:
    """Merges event records with the anaphors of ``models/events/cues.json``.

    Args:
        anaphors: anaphoric phrase ("the company", "it") -> entity labels it can refer to.
        continued_types: event types whose follow-up sentence continues the record before it (``cues.json``
            "continued_types").
        antecedent_labels: what a descriptive anaphor takes up from the records and sentences before it, an
            organisation or a country (``cues.json`` "role_labels").
        policy: the article-level decisions (``cues.json`` "document"); None = merging only.
        folds: the measured patterns of two records of one type and actor that report one happening
            (``models/events/happening_folds.json``), folded last.
    """

    def __init__(self, anaphors: Mapping[str, Sequence[str]], *, continued_types: frozenset[EventType],
                 antecedent_labels: frozenset[str], policy: DocumentPolicy | None = None,
                 folds: frozenset[Pattern] = frozenset()) -> None:
        self.policy, self.folds, self.continued_types = policy, folds, continued_types
        self.antecedent_labels = antecedent_labels
        # head word of an anaphor ("company" for "the company") -> entity labels it can refer to
        self.anaphor_labels = {phrase.split()[-1]: frozenset(labels) for phrase, labels in anaphors.items()}
        # pronouns ("it", "their") are the anaphors without a determiner: no heading-less fallback for them
        self.pronouns = frozenset(phrase for phrase in anaphors if " " not in phrase)

    @classmethod
    def from_cues(cls, cues: EventCues, folds: HappeningFolds | None = None) -> EventMerger:
        return cls(cues.anaphors, continued_types=cues.continued_types,
                   antecedent_labels=cues.role_labels.antecedent_labels, policy=cues.document,
                   folds=folds.patterns() if folds is not None else frozenset())

    def __call__(self, records: list[EventRecord], entities: list[EntityRecord], text: str = "",
                 dates: Sequence[DateRecord] = (), quantities: Sequence[QuantityRecord] = (),
                 trail: AgentTrail | None = None) -> list[EventRecord]:
        """Resolve anaphoric agents and fold headline events into the body events they announce.

        A heading (or teaser headline) event merges into the first body event of the same type in its section;
        a title or standfirst event into the body event of the same type with a compatible agent anywhere. The
        body trigger stays primary, mentions and arguments are unioned. A headline event with no body event to
        join is kept only when its section has no body events at all (a teaser without text).

        Args:
            records: the document's event records in text order.
            entities: the document's entity records (to resolve "the company", "the country", "it").
            text: the article's text, which the records' offsets index ("" when unknown): tells cited sources.
            dates: the article's date records: the years of resolved dates tell two happenings apart.
            quantities: the article's quantity records: the currency and value of sums tell a total from its parts.
            trail: notes which path chose each record's agent (``agent_trail``; measurement only), None = not noted.

        Returns:
            The event records, one per event, in text order; ids follow the kept (body) trigger.
        """
        names = {entity.id: entity.normalized for entity in entities}
        note = trail.note if trail is not None else unnoted
        if trail is not None:
            trail.start(records)
        resolved: list[EventRecord] = []
        for record in records:  # in text order: an anaphor's antecedent may be an earlier resolved anaphor
            resolved.append(self._resolve_anaphor(record, [*resolved, *records[len(resolved):]], entities))
        note("antecedent", resolved)
        headlines = [r for r in resolved if is_headline_record(r)]
        continued = self.policy.subject_continuations if self.policy is not None else {}
        labels = self.policy.subject_labels if self.policy is not None else {}
        keys = self.policy.happening_keys if self.policy is not None else {}
        years = date_years(dates)
        bodies = _merge_continuations([r for r in resolved if not is_headline_record(r)], names, self.continued_types,
                                      continued, keys, years, _SubjectNames(entities, labels))
        merged: dict[str, EventRecord] = {r.id: r for r in bodies}
        body_sections = {r.section for r in bodies}
        kept: list[EventRecord] = []
        # a single-story article (no titled sections) reports its title's event even when the body only refers back
        single_story = not any(r.section for r in records)
        for headline in headlines:
            target = _merge_target(headline, bodies, names, keys, years)
            if target is not None:
                merged[target.id] = _merge(merged[target.id], headline)
                continue
            if single_story and headline.zone == "title" and self.policy is not None:
                twin = next((r for r in kept if r.event_type == headline.event_type), None)
                if twin is None:
                    kept.append(headline)
                continue
            if headline.zone != "title" and not is_standfirst(headline) and headline.section not in body_sections:
                twin = next((r for r in kept if (r.event_type, r.section) == (headline.event_type, headline.section)), None)
                if twin is None:
                    kept.append(headline)
                else:
                    kept[kept.index(twin)] = _merge(twin, headline)
        output = note("headline_merge", [self._finish(record) for record in [*merged.values(), *kept]])
        if self.policy is not None:
            headline_ids = {r.id for r in output if is_headline_record(r) or any(
                m.start == h.trigger.start for h in headlines for m in r.mentions)}
            amounts = {q.id: (q.currency, float(q.value)) for q in quantities if q.currency and q.value is not None}
            output = apply_policy(output, entities, self.policy, headline_ids=headline_ids, text=text, date_years=years,
                                  amounts=amounts, trail=trail)
            output = note("lender", lenders_as_agents(output, entities, self.policy))
        output = note("measured_fold", fold_measured(output, self.folds, {e.id: e for e in entities}, date_years=years))
        return sorted(output, key=lambda r: (r.trigger.start, r.event_type))

    def _finish(self, record: EventRecord) -> EventRecord:
        """Drop an agent that stayed an unresolved pronoun or "the company"."""
        arguments = [a for a in record.arguments
                     if not (a.role == "agent" and a.ref is None and self._anaphor_head(a.text))]
        if len(arguments) == len(record.arguments):
            return record
        return record.model_copy(update={"arguments": arguments})

    def _anaphor_head(self, text: str) -> str | None:
        """"the company" -> "company", "it" -> "it"; None for a name."""
        words = text.lower().split()
        labels = self.anaphor_labels
        if len(words) == 1 and words[0] in labels:
            return words[0]
        if len(words) >= 2 and words[0] in {"the", "its", "their"} and words[-1] in labels:
            return words[-1]
        return None

    def _resolve_anaphor(self, record: EventRecord, records: list[EventRecord],
                         entities: list[EntityRecord]) -> EventRecord:
        """Replace an agent written as "the company"/"it" by the heading's entity, when the heading names one."""
        index = next((i for i, a in enumerate(record.arguments)
                      if a.role == "agent" and a.ref is None and self._anaphor_head(a.text)), None)
        if index is None:
            return record
        head = self._anaphor_head(record.arguments[index].text) or ""
        labels = self.anaphor_labels[head]
        candidates = [e for e in entities if not never_acts(e, self.policy)] if self.policy is not None else entities
        if self.policy is not None and head in self.policy.company_nouns:
            candidates = [e for e in candidates if not is_public_body(e, self.policy)]  # a company is no ministry
        elif self.policy is not None and head in self.policy.government_words:
            # "the ministry added": a public body or its country, never a company the sentence before names
            candidates = [e for e in candidates if (e.label == "ORG" and is_public_body(e, self.policy))
                          or (e.label == "GPE" and is_country(e))]
            labels = labels | {"GPE"}
        if self.policy is not None and head in self.pronouns:
            # a pronoun names an actor the record's type may take ("Its shares jumped" is no country's)
            labels = labels & frozenset(self.policy.inherit_agent.get(record.event_type, ()))
        antecedent = None
        if self.policy is not None and self.policy.sentence_antecedents and head not in self.pronouns:
            antecedent = sentence_antecedent(record, labels, candidates)
        if antecedent is None:
            antecedent = heading_agent(record, records, labels, candidates)
        if antecedent is None and head not in self.pronouns:
            antecedent = recent_entity(record, records, labels, candidates, actor_labels=self.antecedent_labels)
        if antecedent is None and head in self.pronouns:
            antecedent = previous_agent(record, records, labels, candidates)
        arguments = list(record.arguments)
        if antecedent is None:
            return record
        if any(a.ref == antecedent.id for a in arguments):
            del arguments[index]
            return record.model_copy(update={"arguments": arguments})
        arguments[index] = Argument(role="agent", text=antecedent.text, ref=antecedent.id)
        return record.model_copy(update={"arguments": arguments})


def never_acts(entity: EntityRecord, policy: DocumentPolicy) -> bool:
    """A wire service, price agency, data provider or exchange (``non_agents``, ``market_words``): never a party, so
    never the antecedent of "the miner" either (a ticker's "TSX" named after the company it lists)."""
    names = {name_key(entity.normalized), name_key(entity.text)}
    return is_market(entity, policy) or is_media(entity, policy) or bool(
        names & _non_agent_keys(tuple(policy.non_agents)))


@lru_cache(maxsize=8)
def _non_agent_keys(names: tuple[str, ...]) -> frozenset[str]:
    """The comparison keys of ``non_agents``, computed once."""
    return frozenset(name_key(name) for name in names)


def agents_compatible(first: str | None, second: str | None) -> bool:
    """Two agent names refer to the same actor (either missing counts as compatible)."""
    if not first or not second:
        return True
    a, b = _name_key(first), _name_key(second)
    if not a or not b:
        return True
    return a == b or a in b or b in a


def _name_key(name: str) -> str:
    cleaned = re.sub(r"(?i)^the\s+|['’]s$", "", name.strip())
    return re.sub(r"[^a-z0-9]+", " ", cleaned.lower()).strip()


def _merge_continuations(bodies: list[EventRecord], names: dict[str, str], continued_types: frozenset[EventType],
                         subjects: Mapping[EventType, Sequence[str]],
                         keys: Mapping[EventType, Sequence[str]], years: DateYears,
                         named: _SubjectNames) -> list[EventRecord]:
    """Fold a follow-up sentence about the same deal, study or talks into the event it continues.

    Only for ``continued_types``, whose details spread over sentences (a study's NPV then its capex; a loan then its
    terms), within two sentences in one section, when the follow-up names no other actor and none of its type's
    ``keys`` tells it apart (another sum, year or buyer: "The deal also included a $10m share investment"); and a record of a
    ``subjects`` type naming none of its subject roles (a price move without commodity: "it then dropped to $8"),
    also in the same sentence, unless both name figures and none is shared, or its sentence names a subject the
    record before it lacks (a second quotation: "Zinc was up after hitting a high").
    """
    kept: list[EventRecord] = []
    for record in bodies:
        previous = next((r for r in reversed(kept) if r.event_type == record.event_type), None)
        subjectless = record.event_type in subjects and not any(
            a.role in subjects[record.event_type] for a in record.arguments) and previous is not None and (
            not figures(record) or not figures(previous) or bool(figures(record) & figures(previous))) and (
            not named.other_subject(record, previous, subjects[record.event_type]))
        if (previous is not None and subjectless and (previous.section, previous.zone) == (record.section, record.zone)
                and 0 <= record.sentence - previous.sentence <= 2):
            kept[kept.index(previous)] = _merge(previous, record)
            continue
        if (previous is not None and record.event_type in continued_types and previous.section == record.section
                and previous.zone == record.zone and 0 < record.sentence - previous.sentence <= 2
                and _continues(previous, record, names)
                and not distinguished(previous, record, keys.get(record.event_type, ()), years)):
            kept[kept.index(previous)] = _merge(previous, record)
            continue
        kept.append(record)
    return kept


class _SubjectNames:
    """The subjects (commodities) each sentence names, by the entity labels of ``subject_labels``."""

    def __init__(self, entities: Sequence[EntityRecord], labels: Mapping[str, str]) -> None:
        self.entities, self.labels = entities, labels

    def other_subject(self, record: EventRecord, previous: EventRecord, roles: Sequence[str]) -> bool:
        """Whether ``record``'s sentence names a subject of ``roles`` that ``previous`` does not name."""
        for role in roles:
            label = self.labels.get(role)
            have = {word for a in previous.arguments if a.role == role for word in name_words(a.text)}
            if label is not None and any(not name_words(e.text) & have for e in self.entities if e.label == label
                                         and (e.sentence, e.zone) == (record.sentence, record.zone)):
                return True
        return False


def _continues(previous: EventRecord, record: EventRecord, names: dict[str, str]) -> bool:
    roles = {argument.role for argument in record.arguments}
    if record.event_type == "financing" and "amount" in roles:
        return False
    before = record.evidence[: max(record.trigger.start - _evidence_start(record), 0)].lower().split()[-3:]
    if STUDY_WORDS.search(record.trigger.text) and {"a", "an"} & set(before):
        return False
    agent = _agent_name(record, names)
    if agent is None:
        return True
    return agents_compatible(agent, _agent_name(previous, names) or "")


def _evidence_start(record: EventRecord) -> int:
    """Article offset of the evidence sentence (the trigger's offset minus its place in the sentence)."""
    position = record.evidence.find(record.trigger.text)
    return record.trigger.start - max(position, 0)


def _merge_target(headline: EventRecord, bodies: list[EventRecord], names: dict[str, str],
                  keys: Mapping[EventType, Sequence[str]], years: DateYears) -> EventRecord | None:
    """The body event a headline announces: of its type, and not told apart by one of the type's ``keys`` (a headline
    on tungsten prices never folds into a body sentence on rare-earth prices)."""
    same_type = [b for b in bodies if b.event_type == headline.event_type
                 and not distinguished(headline, b, keys.get(b.event_type, ()), years)]
    if headline.zone == "title" or is_standfirst(headline):
        compatible = [b for b in same_type if _parties_compatible(headline, b, names)]
        named = [b for b in compatible if _agent_name(headline, names) and _agent_name(b, names)]
        if named or compatible:
            return (named or compatible)[0]
        return same_type[0] if len(same_type) == 1 else None
    same_section = [b for b in same_type if b.section == headline.section and b.trigger.start > headline.trigger.start]
    return same_section[0] if same_section else None


def _agent_name(record: EventRecord, names: dict[str, str]) -> str | None:
    for argument in record.arguments:
        if argument.role == "agent":
            return names.get(argument.ref or "", argument.text)
    return None


def _parties_compatible(headline: EventRecord, body: EventRecord, names: dict[str, str]) -> bool:
    agent = _agent_name(headline, names)
    if agent is None:
        return True
    body_parties = [names.get(a.ref or "", a.text) for a in body.arguments if a.role in PARTY_ROLES]
    if not body_parties:
        return True
    return any(agents_compatible(agent, party) for party in body_parties)


def _merge(primary: EventRecord, other: EventRecord) -> EventRecord:
    arguments = list(primary.arguments)
    have = {(a.role, a.ref or a.text) for a in arguments}
    has_agent = any(a.role == "agent" for a in arguments)
    loose = other.zone == "title" or is_standfirst(other) or other.section != primary.section
    for argument in other.arguments:
        key = (argument.role, argument.ref or argument.text)
        if key in have or (argument.role == "agent" and (has_agent or loose)):
            continue
        have.add(key)
        arguments.append(argument)
    mentions = sorted({(m.start, m.end) for m in [*primary.mentions, *other.mentions]})
    confidence = min(max(primary.confidence, other.confidence) + 0.05, 0.99)
    return primary.model_copy(update={
        "arguments": arguments,
        "mentions": [Mention(start=start, end=end) for start, end in mentions],
        "confidence": round(confidence, 4),
    })

