"""Candidate agents of an event record and their features, for a learned agent ranker (``train_agent_ranker.py``).

Pure functions on an article's records and text: for each event record, every actor the rules could have picked (an
organisation, a country or nationality as its government, a person, a facility) named in the record's sentence, the
sentence before, the title, the section heading, the lead, or elsewhere in the article, the rules' own pick, and "no
agent". One candidate per actor (mentions grouped by country code or name key), with generic features (where it is
named, how far from the trigger, the words around it, what kind of actor it is, whether the rules picked it); no
article-specific words beyond a vocabulary of context words (counted next to actor mentions, no labels used).
``add_parse_features`` adds syntax (dependency relation, subject of the trigger's verb, tree steps) from a fresh
parse of each record's sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import spacy

from pipeline.article.event_actors import cited_sources, is_country, name_key
from pipeline.article.event_policy import country_name, is_market, is_media, is_public_body
from pipeline.components.nlp import default_model_name
from pipeline.resources.events import DocumentPolicy
from pipeline.schema.records import Argument, EntityRecord, EventRecord

ACTOR_LABELS = ("ORG", "GPE", "NORP", "PERSON", "FACILITY")
KINDS = ("ORG", "STATE", "PERSON", "FACILITY", "TEXT", "NONE")  # candidate kinds crossed with the event type
PLACES = ("sentence", "previous", "title", "heading", "lead", "elsewhere")
OTHER_ROLES = ("counterparty", "beneficiary", "location", "project")
NONE_KEY = "none"
_WORD = re.compile(r"[\w'’&.-]+|[,;:()\"“”]")


@dataclass
class Candidate:
    """One possible agent of a record: its key, its mentions (entity records), its features, the agent it gives."""

    key: str
    kind: str
    mentions: list[EntityRecord] = field(default_factory=list)
    text: str = ""
    features: dict[str, float] = field(default_factory=dict)

    def argument(self, record: EventRecord) -> Argument | None:
        """The agent argument this candidate gives the record (None: no agent)."""
        if self.key == NONE_KEY:
            return None
        if not self.mentions:
            return Argument(role="agent", text=self.text, ref=None)
        mention = _nearest(self.mentions, record)
        return Argument(role="agent", text=mention.text, ref=mention.id)

    def names(self) -> set[str]:
        """Every surface the candidate may be written with (for labelling against the gold's agents)."""
        found = {self.text} if self.text else set()
        for mention in self.mentions:
            found |= {mention.text, mention.normalized}
        return found


def actor_key(entity: EntityRecord) -> str:
    """Mentions of one actor share a key: a country and its nationality by country code, others by name."""
    if entity.label in {"GPE", "NORP"} and entity.kb_id and is_country(entity):
        return f"kb:{entity.kb_id}"
    return f"n:{name_key(entity.normalized)}"


def _kind(entity: EntityRecord, policy: DocumentPolicy) -> str:
    if entity.label in {"GPE", "NORP"} or (entity.label == "ORG" and is_public_body(entity, policy)):
        return "STATE"
    return entity.label if entity.label in KINDS else "ORG"


def _nearest(mentions: Sequence[EntityRecord], record: EventRecord) -> EntityRecord:
    return min(mentions, key=lambda e: (abs(e.sentence - record.sentence), abs(e.start - record.trigger.start)))


def evidence_start(record: EventRecord) -> int:
    """The article offset where the record's sentence (``evidence``) begins."""
    at = record.evidence.find(record.trigger.text)
    return record.trigger.start - max(at, 0)


@dataclass
class Article:
    """What candidates of one article are built from."""

    entities: list[EntityRecord]
    text: str
    policy: DocumentPolicy
    actors: list[EntityRecord] = field(init=False)
    mentions: Counter[str] = field(init=False)
    lead_last: int = field(init=False)
    reporters: set[str] = field(init=False)
    top_org: str = field(init=False)

    def __post_init__(self) -> None:
        self.actors = [e for e in self.entities if e.label in ACTOR_LABELS]
        self.mentions = Counter(actor_key(e) for e in self.actors)
        body = sorted({e.sentence for e in self.entities if e.zone == "body"})
        self.lead_last = body[min(self.policy.lead_sentences, len(body) - 1)] if body else -1
        cited = cited_sources(self.entities, self.text, self.policy)
        non_agents = {name_key(name) for name in self.policy.non_agents}
        self.reporters = {actor_key(e) for e in self.actors if is_market(e, self.policy) or is_media(e, self.policy)
                          or name_key(e.normalized) in cited | non_agents or name_key(e.text) in non_agents}
        orgs = Counter(actor_key(e) for e in self.actors if e.label == "ORG")
        self.top_org = orgs.most_common(1)[0][0] if orgs else ""


def rules_agent(record: EventRecord, by_id: Mapping[str, EntityRecord]) -> tuple[str, str]:
    """The rules' pick as (key, text): the first agent argument's actor key, ("none", "") without agent."""
    agent = next((a for a in record.arguments if a.role == "agent"), None)
    if agent is None:
        return NONE_KEY, ""
    entity = by_id.get(agent.ref or "")
    if entity is not None:
        return actor_key(entity), agent.text
    return f"t:{name_key(agent.text)}", agent.text


def candidates(record: EventRecord, article: Article, vocabulary: Sequence[str] = ()) -> list[Candidate]:
    """The record's candidate agents with features; the "no agent" candidate first."""
    by_id = {e.id: e for e in article.entities}
    picked, picked_text = rules_agent(record, by_id)
    groups: dict[str, Candidate] = {}
    for entity in article.actors:
        key = actor_key(entity)
        candidate = groups.setdefault(key, Candidate(key, _kind(entity, article.policy)))
        candidate.mentions.append(entity)
    if picked != NONE_KEY and picked not in groups:
        # an agent written without entity: a nationality's country (by name) or a name the linker did not keep
        match = next((c for c in groups.values() if name_key(picked_text) in {name_key(n) for n in c.names()}), None)
        if match is not None:
            picked = match.key
        else:
            groups[picked] = Candidate(picked, "TEXT", text=picked_text)
    for candidate in groups.values():
        if candidate.mentions and candidate.key.startswith("kb:") and not any(m.label == "GPE" for m in candidate.mentions):
            candidate.text = country_name(candidate.key[3:]) or ""
    roles = {name_key(a.text): a.role for a in record.arguments if a.role in OTHER_ROLES}
    roles.update({actor_key(by_id[a.ref]): a.role for a in record.arguments if a.role in OTHER_ROLES and a.ref in by_id})
    found = [Candidate(NONE_KEY, "NONE")]
    found += [c for c in groups.values() if c.kind != "FACILITY" or c.key == picked or any(
        m.sentence == record.sentence for m in c.mentions)]
    start = evidence_start(record)
    sentence_actors = [e for e in article.actors if e.sentence == record.sentence]
    for candidate in found:
        candidate.features = _features(record, candidate, article, picked, roles, start, sentence_actors, vocabulary)
    return found


def _features(record: EventRecord, candidate: Candidate, article: Article, picked: str, roles: Mapping[str, str],
              start: int, sentence_actors: Sequence[EntityRecord], vocabulary: Collection[str]) -> dict[str, float]:
    features: dict[str, float] = {f"type={record.event_type}&kind={candidate.kind}": 1.0, f"kind={candidate.kind}": 1.0,
                                  f"zone={record.zone}&kind={candidate.kind}": 1.0}
    if candidate.key == picked:
        features["picked"] = 1.0
        features[f"picked&kind={candidate.kind}"] = 1.0
    if candidate.key == NONE_KEY:
        if candidate.key == picked:
            features[f"picked&type={record.event_type}"] = 1.0
        features["sentence_actors"] = math.log1p(len(sentence_actors))
        return features
    mentions = candidate.mentions
    place = _place(record, mentions, article)
    features[f"place={place}"] = 1.0
    if candidate.key == picked:
        features[f"picked&place={place}"] = 1.0
        features[f"picked&type={record.event_type}"] = 1.0
    features[f"place={place}&kind={candidate.kind}"] = 1.0
    features["mentions"] = math.log1p(article.mentions[candidate.key])
    features["top_org"] = float(candidate.key == article.top_org)
    features["reporter"] = float(candidate.key in article.reporters)
    features["in_title"] = float(any(m.zone == "title" for m in mentions))
    features["first_actor"] = float(bool(article.actors) and actor_key(article.actors[0]) == candidate.key)
    role = roles.get(candidate.key) or next((roles[name_key(m.text)] for m in mentions if name_key(m.text) in roles), None)
    if role is not None:
        features[f"role={role}"] = 1.0
    if any(m.label == "NORP" for m in mentions if m.sentence == record.sentence):
        features["nationality_here"] = 1.0
    here = [m for m in mentions if m.sentence == record.sentence]
    if not here:
        return features
    mention = min(here, key=lambda m: abs(m.start - record.trigger.start))
    before = mention.end <= record.trigger.start
    gap = record.evidence[max(mention.end - start, 0): max(record.trigger.start - start, 0)] if before else (
        record.evidence[max(record.trigger.end - start, 0): max(mention.start - start, 0)])
    words = _WORD.findall(gap)
    features["before"] = float(before)
    features["distance"] = math.log1p(len(words))
    features["adjacent"] = float(len(words) <= 2)
    features["comma_between"] = float(any(w in {",", ";", "(", ")"} for w in words))
    between = [e for e in sentence_actors if actor_key(e) != candidate.key and (
        mention.end <= e.start and e.end <= record.trigger.start if before else
        record.trigger.end <= e.start and e.end <= mention.start)]
    features["actors_between"] = math.log1p(len(between))
    order = sorted({actor_key(e): e.start for e in sorted(sentence_actors, key=lambda e: -e.start)}.items(),
                   key=lambda item: item[1])
    rank = next((i for i, (key, _) in enumerate(order) if key == candidate.key), 0)
    features["first_in_sentence"] = float(rank == 0)
    features["only_in_sentence"] = float(len(order) == 1)
    head = _WORD.findall(record.evidence[: max(mention.start - start, 0)])
    tail = _WORD.findall(record.evidence[max(mention.end - start, 0):])
    features["sentence_start"] = float(len(head) <= 1)
    previous = head[-1].lower() if head else "<s>"
    following = tail[0].lower() if tail else "</s>"
    if previous in vocabulary:
        features[f"prev={previous}"] = 1.0
    if following in vocabulary:
        features[f"next={following}"] = 1.0
    if previous in vocabulary and before:
        features[f"prev={previous}&before"] = 1.0
    return features


def _place(record: EventRecord, mentions: Sequence[EntityRecord], article: Article) -> str:
    """Where the actor is named nearest the record, in the order of ``PLACES``."""
    sentences = {m.sentence for m in mentions}
    if record.sentence in sentences:
        return "sentence"
    if record.sentence - 1 in sentences and any(m.section == record.section for m in mentions):
        return "previous"
    if any(m.zone == "title" for m in mentions):
        return "title"
    if any(m.zone == "heading" and m.section == record.section for m in mentions):
        return "heading"
    if any(m.zone == "body" and m.sentence <= article.lead_last for m in mentions):
        return "lead"
    return "elsewhere"


def context_words(records: Sequence[EventRecord], article: Article) -> Counter[str]:
    """The words right before and after actor mentions in the records' sentences (to learn a vocabulary from)."""
    found: Counter[str] = Counter()
    for record in records:
        start = evidence_start(record)
        for entity in article.actors:
            if entity.sentence != record.sentence:
                continue
            head = _WORD.findall(record.evidence[: max(entity.start - start, 0)])
            tail = _WORD.findall(record.evidence[max(entity.end - start, 0):])
            found[head[-1].lower() if head else "<s>"] += 1
            found[tail[0].lower() if tail else "</s>"] += 1
    return found


PATH_CAP = 6  # tree steps between a mention and the trigger counted (beyond: "far")


def add_parse_features(items: Sequence[tuple[EventRecord, Sequence[Candidate]]]) -> None:
    """Syntax of each in-sentence mention against the trigger, from a fresh parse of the record's sentence: the
    mention's dependency relation (and its preposition), whether it is the subject or the "by" agent of the verb
    governing the trigger, and the number of tree steps between them."""
    nlp = spacy.load(default_model_name(), exclude=["ner"])
    for (record, cands), parsed in zip(items, nlp.pipe(record.evidence for record, _ in items), strict=True):
        start = evidence_start(record)
        trigger = parsed.char_span(record.trigger.start - start, record.trigger.end - start, alignment_mode="expand")
        if trigger is None:
            continue
        verb = next((t for t in [trigger.root, *trigger.root.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
        for candidate in cands:
            here = [m for m in candidate.mentions if m.sentence == record.sentence]
            if not here:
                continue
            mention = min(here, key=lambda m: abs(m.start - record.trigger.start))
            span = parsed.char_span(mention.start - start, mention.end - start, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            dep = root.dep_
            if dep == "pobj":
                dep = f"pobj_{root.head.lower_}" if root.head.lower_ in {"from", "by", "with", "to", "of", "for", "in"} \
                    else "pobj"
            candidate.features[f"dep={dep}"] = 1.0
            if verb is not None and root.head.i == verb.i and root.dep_ in {"nsubj", "nsubjpass"}:
                candidate.features["subject_of_verb"] = 1.0
            if verb is not None and root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.i == verb.i:
                candidate.features["by_agent_of_verb"] = 1.0
            if root.head.i == trigger.root.i:
                candidate.features[f"child_of_trigger={root.dep_}"] = 1.0
            up = {t.i: n for n, t in enumerate([root, *root.ancestors])}
            steps = next((n + up[t.i] for n, t in enumerate([trigger.root, *trigger.root.ancestors]) if t.i in up),
                         PATH_CAP)
            candidate.features["tree_steps"] = float(min(steps, PATH_CAP))
