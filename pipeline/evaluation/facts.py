"""Offset-free scoring: predicted records against gold facts written without character offsets.

Real-news gold (fixtures/realnews) cannot carry offsets: the texts are third-party and never
committed, so the gold names facts, not spans. Scoring is per document and one-to-one:

- entity: one gold line per distinct entity (label + canonical name + aliases); the predicted
  entities of a document are grouped by (label, normalized), and a group matches a gold entity
  of the same label when its normalized name or any surface text folds to the gold name or an
  alias. Label-strict.
- quantity: one gold line per mention; a prediction matches on unit and value (or low/high),
  within a relative tolerance of 1e-3.
- date: one gold line per mention; a prediction matches on the TIMEX value.
- event: one gold line per happening with the acceptable agent names ([] = the article names
  none); a prediction matches on event type and agent (no agent on both sides also matches).
  ``event_type`` is also scored as the set of types present in each document.
- entity_any_label: the entity match without the label, so that a label confusion (a mine
  tagged as a place) shows apart from a name the pipeline missed, cut or invented.

Each tally also counts its items per class (entity label, quantity type, event type), so a
split can be read by class without reading one of its misses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from pipeline.evaluation.metrics import Counts, Scores

FactKind = Literal["entity", "quantity", "date", "event"]
KINDS: tuple[FactKind, ...] = ("entity", "quantity", "date", "event")
RELATIVE_TOLERANCE = 1e-3
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldEntity(_Gold):
    kind: Literal["entity"]
    label: Literal["ORG", "PERSON", "GPE", "LOC", "NORP", "COMMODITY", "FACILITY", "LAW"]
    name: str
    aliases: list[str] = []
    kb_id: str | None = None


class GoldQuantity(_Gold):
    kind: Literal["quantity"]
    text: str
    quantity_type: Literal["mass", "money", "price", "percent", "count", "duration", "other"]
    unit: str | None
    value: float | None
    low: float | None = None
    high: float | None = None
    per: str | None = None


class GoldDate(_Gold):
    kind: Literal["date"]
    text: str
    timex: str | None


class GoldEvent(_Gold):
    kind: Literal["event"]
    event_type: str
    agents: list[str]
    commodity: str | None = None
    note: str | None = None


GoldFact = GoldEntity | GoldQuantity | GoldDate | GoldEvent
_GOLD_MODELS: dict[str, type[_Gold]] = {"entity": GoldEntity, "quantity": GoldQuantity, "date": GoldDate, "event": GoldEvent}


def parse_gold_line(data: Mapping[str, Any]) -> GoldFact:
    """Validate one gold line; raises ``ValueError`` (pydantic) with the reason."""
    kind = data.get("kind")
    model = _GOLD_MODELS.get(str(kind))
    if model is None:
        raise ValueError(f"unknown gold kind {kind!r}")
    return model.model_validate(data)  # type: ignore[return-value]


def fold(name: str) -> str:
    """Case, accents, punctuation and a leading "the" folded away: "the U.S." → "us"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = _SPACES.sub(" ", _PUNCTUATION.sub("", text)).strip()
    return text[4:] if text.startswith("the ") else text


@dataclass
class Tally:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    # (class, outcome) -> count, outcome one of "tp", "fp", "fn"; a true positive counts under the gold class.
    by_class: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses.extend(other.misses)
        self.by_class.update(other.by_class)

    def scores(self) -> Scores:
        """Precision, recall, F1 (``pipeline.evaluation.metrics``: None where undefined) and counts."""
        return Counts(self.tp, self.fp, self.fn).scores()

    def class_scores(self) -> dict[str, Scores]:
        """Scores per class, classes in alphabetical order."""
        classes = sorted({name for name, _ in self.by_class})
        return {name: Counts(self.by_class[name, "tp"], self.by_class[name, "fp"], self.by_class[name, "fn"]).scores()
                for name in classes}


def match_pairs(gold: Sequence[Any], predicted: Sequence[Any], same: Callable[[Any, Any], bool]) -> list[int | None]:
    """Greedy one-to-one matching in order: for each gold item, the index of the predicted item it takes (None)."""
    used: set[int] = set()
    hits: list[int | None] = []
    for gold_item in gold:
        hit = next((index for index, item in enumerate(predicted) if index not in used and same(gold_item, item)), None)
        if hit is not None:
            used.add(hit)
        hits.append(hit)
    return hits


def _match(gold: Sequence[Any], predicted: Sequence[Any], same: Callable[[Any, Any], bool],
           describe: Callable[[Any], str], doc_id: str, classify: Callable[[Any], str] | None = None) -> Tally:
    """Greedy one-to-one matching in order; unmatched items become misses (FN) and false alarms (FP)."""
    hits = match_pairs(gold, predicted, same)
    used = {hit for hit in hits if hit is not None}
    tally = Tally()

    def count(item: Any, outcome: str) -> None:
        if classify is not None:
            tally.by_class[classify(item), outcome] += 1

    for gold_item, hit in zip(gold, hits, strict=True):
        if hit is None:
            tally.fn += 1
            tally.misses.append(f"{doc_id}\tFN\t{describe(gold_item)}")
            count(gold_item, "fn")
        else:
            tally.tp += 1
            count(gold_item, "tp")
    for index, item in enumerate(predicted):
        if index not in used:
            tally.fp += 1
            tally.misses.append(f"{doc_id}\tFP\t{describe(item)}")
            count(item, "fp")
    return tally


def _entity_names(gold: GoldEntity) -> set[str]:
    return {fold(gold.name), *map(fold, gold.aliases)}


def _entity_class(item: GoldEntity | _EntityGroup) -> str:
    return item.label


def _quantity_class(item: GoldQuantity | Mapping[str, Any]) -> str:
    return item.quantity_type if isinstance(item, GoldQuantity) else str(item.get("quantity_type"))


def _event_class(item: tuple[GoldEvent, frozenset[str]] | tuple[str, set[str]]) -> str:
    head = item[0]
    return head.event_type if isinstance(head, GoldEvent) else head


@dataclass(frozen=True)
class _EntityGroup:
    label: str
    normalized: str
    keys: frozenset[str]


def _entity_groups(records: Iterable[Mapping[str, Any]]) -> list[_EntityGroup]:
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in records:
        key = (record["label"], record["normalized"])
        keys[key].update({fold(record["normalized"]), fold(record["text"])})
    return [_EntityGroup(label, normalized, frozenset(found)) for (label, normalized), found in keys.items()]


def _same_number(gold: float | None, predicted: float | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return abs(gold - predicted) <= RELATIVE_TOLERANCE * max(abs(gold), abs(predicted), 1e-9)


def quantity_matches(gold: GoldQuantity, record: Mapping[str, Any]) -> bool:
    return (gold.unit == record.get("unit") and _same_number(gold.value, record.get("value"))
            and _same_number(gold.low, record.get("low")) and _same_number(gold.high, record.get("high")))


def date_value(record: Mapping[str, Any]) -> str | None:
    """The TIMEX value of a date record (schema 2 ``timex``; schema 1 called it ``value``)."""
    return record["timex"] if "timex" in record else record.get("value")


def event_agents(record: Mapping[str, Any], entities: Mapping[str, Mapping[str, Any]]) -> set[str]:
    """Folded names of the event's agents: the argument text and the linked entity's normalized name."""
    names: set[str] = set()
    for argument in record.get("arguments", []):
        if argument["role"] != "agent":
            continue
        names.add(fold(argument["text"]))
        entity = entities.get(argument.get("ref") or "")
        if entity is not None:
            names.update({fold(entity["normalized"]), fold(entity["text"])})
    return names


def acceptable_agents(event: GoldEvent, entities: Iterable[GoldEntity]) -> frozenset[str]:
    """The folded names an agent may carry: the event's names, and every surface of the gold entity each one names.

    The guide makes an agent a gold entity, so "BHP" names the agent of an event whose gold line wrote
    "BHP Billiton" when the article's entity line lists "BHP" as its alias.
    """
    names = {fold(name) for name in event.agents}
    for entity in entities:
        surfaces = {fold(entity.name), *map(fold, entity.aliases)}
        if names & surfaces:
            names |= surfaces
    return frozenset(names)


def event_matches(gold: tuple[GoldEvent, frozenset[str]], predicted: tuple[str, AbstractSet[str]]) -> bool:
    """The scorer's event test: a gold event (with its acceptable agent names) takes a (type, agents) record of its
    type with no agent where the gold names none, else an accepted one."""
    event, acceptable = gold
    event_type, agents = predicted
    if event.event_type != event_type:
        return False
    if not event.agents:
        return not agents
    return bool(agents & acceptable)


def score_document(doc_id: str, gold: Sequence[GoldFact], records: Sequence[Mapping[str, Any]]) -> dict[str, Tally]:
    """Tallies per measure for one document."""
    by_type: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for record in records:
        by_type[record["type"]].append(record)
    entities = {record["id"]: record for record in by_type["entity"]}
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    gold_quantities = [fact for fact in gold if isinstance(fact, GoldQuantity)]
    gold_dates = [fact for fact in gold if isinstance(fact, GoldDate)]
    gold_events = [fact for fact in gold if isinstance(fact, GoldEvent)]
    predicted_events = [(record["event_type"], event_agents(record, entities)) for record in by_type["event"]]
    entity_groups = _entity_groups(by_type["entity"])

    def describe_entity(item: GoldEntity | _EntityGroup) -> str:
        return f"{item.label} {item.name}" if isinstance(item, GoldEntity) else f"{item.label} {item.normalized}"

    return {
        "entity": _match(
            gold_entities, entity_groups,
            lambda g, p: g.label == p.label and bool(p.keys & _entity_names(g)),
            describe_entity, doc_id, _entity_class),
        "entity_any_label": _match(
            gold_entities, entity_groups, lambda g, p: bool(p.keys & _entity_names(g)), describe_entity, doc_id),
        "quantity": _match(
            gold_quantities, by_type["quantity"], quantity_matches,
            lambda item: (f"{item.text} → {item.value or (item.low, item.high)} {item.unit}" if isinstance(item, GoldQuantity)
                          else f"{item['text']} → {item.get('value') or (item.get('low'), item.get('high'))} {item.get('unit')}"),
            doc_id, _quantity_class),
        "date": _match(
            gold_dates, [date_value(record) for record in by_type["date"]],
            lambda g, p: g.timex == p,
            lambda item: f"{item.text} → {item.timex}" if isinstance(item, GoldDate) else f"→ {item}",
            doc_id),
        "event": _match(
            [(event, acceptable_agents(event, gold_entities)) for event in gold_events], predicted_events, event_matches,
            lambda item: (f"{item[0].event_type} agents={item[0].agents}" if isinstance(item[0], GoldEvent)
                          else f"{item[0]} agents={sorted(item[1])}"),
            doc_id, _event_class),
        "event_type": _match(
            sorted({fact.event_type for fact in gold_events}), sorted({event_type for event_type, _ in predicted_events}),
            lambda g, p: g == p, str, doc_id),
    }


def event_record_labels(gold: Sequence[GoldFact], records: Sequence[Mapping[str, Any]]) -> list[tuple[bool, bool]]:
    """For each event record of ``records`` in order: (its type is one the gold reports, it is matched one to one on
    (type, agent)), by the matching ``score_document`` scores events with (to train and test a record filter)."""
    entities = {record["id"]: record for record in records if record["type"] == "entity"}
    events = [record for record in records if record["type"] == "event"]
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    gold_events = [fact for fact in gold if isinstance(fact, GoldEvent)]
    hits = set(match_pairs([(event, acceptable_agents(event, gold_entities)) for event in gold_events],
                           [(record["event_type"], event_agents(record, entities)) for record in events],
                           event_matches))
    types = {event.event_type for event in gold_events}
    return [(record["event_type"] in types, index in hits) for index, record in enumerate(events)]


def entity_group_labels(gold: Sequence[GoldFact], records: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, bool]]:
    """Each (label, normalized) entity group of ``records``, in the order ``score_document`` forms them, with whether
    a gold entity of the same label takes it in the label-strict matching (to train and test an entity filter)."""
    groups = _entity_groups([record for record in records if record["type"] == "entity"])
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    hits = set(match_pairs(gold_entities, groups, lambda g, p: g.label == p.label and bool(p.keys & _entity_names(g))))
    return [(group.label, group.normalized, index in hits) for index, group in enumerate(groups)]


def gold_as_records(facts: Sequence[GoldFact]) -> list[dict[str, Any]]:
    """A second annotator's facts in the record shape ``score_document`` reads, for agreement.

    Each entity name and alias becomes one surface of the same (label, name) group, so two
    annotations agree on an entity exactly when a prediction with those surfaces would match.
    """
    records: list[dict[str, Any]] = []
    for index, fact in enumerate(facts):
        if isinstance(fact, GoldEntity):
            records.extend({"type": "entity", "id": f"e{index}", "label": fact.label, "normalized": fact.name,
                            "text": surface} for surface in (fact.name, *fact.aliases))
        elif isinstance(fact, GoldQuantity):
            records.append({"type": "quantity", "text": fact.text, "quantity_type": fact.quantity_type,
                            "unit": fact.unit, "value": fact.value,
                            "low": fact.low, "high": fact.high})
        elif isinstance(fact, GoldDate):
            records.append({"type": "date", "timex": fact.timex})
        else:
            records.append({"type": "event", "event_type": fact.event_type,
                            "arguments": [{"role": "agent", "text": name} for name in fact.agents]})
    return records


@dataclass
class FactReport:
    """Summed tallies over documents, plus event diagnostics."""

    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    events_predicted: int = 0
    events_without_agent: int = 0
    type_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add_document(self, doc_id: str, gold: Sequence[GoldFact], records: Sequence[Mapping[str, Any]]) -> None:
        for measure, tally in score_document(doc_id, gold, records).items():
            self.tallies[measure].add(tally)
        events = [record for record in records if record["type"] == "event"]
        self.events_predicted += len(events)
        self.events_without_agent += sum(1 for record in events
                                         if not any(argument["role"] == "agent" for argument in record["arguments"]))
        gold_types = Counter(fact.event_type for fact in gold if isinstance(fact, GoldEvent))
        predicted_types = Counter(record["event_type"] for record in events)
        missing = gold_types - predicted_types
        extra = predicted_types - gold_types
        for gold_type in missing.elements():
            if extra:
                predicted_type = sorted(extra)[0]
                extra[predicted_type] -= 1
                extra += Counter()
                self.type_confusion[gold_type, predicted_type] += 1

    def summary(self) -> dict[str, Any]:
        share = self.events_without_agent / self.events_predicted if self.events_predicted else None
        return {
            **{measure: tally.scores() for measure, tally in sorted(self.tallies.items())},
            "events_without_agent": share,
            "type_confusion": {f"{gold}->{predicted}": count for (gold, predicted), count in self.type_confusion.most_common()},
            "by_class": {measure: tally.class_scores() for measure, tally in sorted(self.tallies.items()) if tally.by_class},
        }
