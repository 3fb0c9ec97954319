"""Event clusters: events from different articles that report the same happening.

An event joins a cluster of the same ``event_type``, the same agent key (and polarity) when
  * their dates are compatible: dated events (a ``date`` argument) overlap within
    ``date_tolerance_days``; an undated event is anchored to the window of ``restate_days``
    before its article's publication (``market_days`` for price and stock moves), so a teaser
    or weekly review recalling an old event reaches back to it;
  * their commodities share an element (or a key) where both name one;
  * their money amounts agree within ``amount_tolerance`` where both give one;
  * their counterparties share a key where both name one. For agreements between parties
    (``PARTY_EVENTS``) the roles may be swapped ("A agreed to supply B", "B signed an offtake
    with A"): the parties (agent and counterparties) must share two keys where both name two,
    else the one-party side's agent must be among the other's parties.
Among compatible clusters the one sharing most evidence wins (ties: the older cluster).
An event with no cluster of its own type may join a cluster of a confusable deal type
(``DEAL_TYPES``: "agreed to buy" typed as a supply agreement) only when the agent and the money
amount agree; the cluster's type is the one most of its members report.
Date arguments: alternatives that overlap the best-attested one are agreed (a month and a day
in it), only disjoint ones are disputed.
The cluster id is the sha1 of its earliest member (first publication day, then event id).
A cluster no article has reported for ``horizon_days`` (before the newest publication day
read) is written to the store and leaves memory; the horizon must exceed ``restate_days``.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from pipeline.archive.members import MemberStore
from pipeline.archive.signature import DocSignature, EventSummary, Settings, shift_day
from pipeline.schema.archive import ArgumentValue, DisputedArgument, EventClusterRecord
from pipeline.schema.labels import ArgumentRole, EventType

KIND = "event"
# Roles that hold one value per happening: different values across articles are a dispute.
SINGLE_ROLES = frozenset({"agent", "amount", "quantity", "price", "date", "effective_date", "duration"})
LATEST = "9999-12-31"
PARTY_EVENTS = frozenset({"supply_agreement", "cooperation_agreement", "negotiation"})
DEAL_TYPES = ("supply_agreement", "merger_acquisition", "investment", "financing", "cooperation_agreement")
DATE_ROLES = frozenset({"date", "effective_date"})


@dataclass
class Cluster:
    index: int
    event_type: str
    agent_key: str | None
    anchor_lo: str
    anchor_hi: str
    date_lo: str | None = None
    date_hi: str | None = None
    first_reported: str | None = None
    last_reported: str | None = None
    earliest: tuple[str, str] = (LATEST, "")
    elements: set[str] = field(default_factory=set)
    commodities: set[str] = field(default_factory=set)
    amounts: set[tuple[str, float]] = field(default_factory=set)
    counterparties: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    groups: set[int] = field(default_factory=set)
    n_articles: int = 0
    last_doc: str = ""
    doc_values: set[tuple[str, str]] = field(default_factory=set)
    arguments: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    types: Counter[str] = field(default_factory=Counter)
    negated: bool = False


def _disjoint_days(left: list[str], right: list[str]) -> bool:
    """True when two ``lo/hi`` day intervals are both parseable and do not overlap."""
    if len(left) != 2 or len(right) != 2 or not all(part[:1].isdigit() for part in left + right):
        return False
    return left[1] < right[0] or right[1] < left[0]


def _parties(agent: str | None, counterparties: set[str] | frozenset[str]) -> set[str]:
    return set(counterparties) | ({agent} if agent else set())


def _amounts_agree(left: set[tuple[str, float]] | tuple[tuple[str, float], ...], right: set[tuple[str, float]],
                   tolerance: float) -> bool:
    return any(c1 == c2 and abs(v1 - v2) <= tolerance * max(abs(v1), abs(v2)) for c1, v1 in left for c2, v2 in right)


class EventClusterer:
    """Streams documents' event summaries into clusters."""

    def __init__(self, store: MemberStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.clusters: dict[int, Cluster] = {}
        self.index: dict[tuple[str, str | None, bool], list[int]] = {}
        self.count = 0
        self.newest = ""
        self._queue: list[tuple[str, int]] = []

    def add(self, doc: DocSignature, group: int) -> None:
        """Cluster every event of one document (``group``: its article group index)."""
        for event in doc.events:
            cluster = self._match(event, event.event_type)
            if cluster is None and event.amounts and event.event_type in DEAL_TYPES:
                for other in DEAL_TYPES:
                    cluster = cluster or (self._match(event, other, need_amount=True) if other != event.event_type else None)
            if cluster is None:
                cluster = Cluster(self.count, event.event_type, event.agent_key, event.anchor_lo, event.anchor_hi,
                                  negated=event.negated)
                self.clusters[cluster.index] = cluster
                self.count += 1
            if not cluster.types[event.event_type]:
                self.index.setdefault((event.event_type, cluster.agent_key, event.negated), []).append(cluster.index)
            cluster.types[event.event_type] += 1
            self._join(cluster, event, doc, group)
            heapq.heappush(self._queue, (self._last_seen(cluster), cluster.index))
        if doc.published and doc.published > self.newest:
            self.newest = doc.published
            self._retire(shift_day(doc.published, -self.settings.horizon_days))

    @staticmethod
    def _last_seen(cluster: Cluster) -> str:
        return max(cluster.last_reported or "", cluster.anchor_hi)

    def _retire(self, before: str) -> None:
        """Write and forget every cluster last reported before ``before``."""
        while self._queue and self._queue[0][0] < before:
            last_seen, index = heapq.heappop(self._queue)
            cluster = self.clusters.get(index)
            if cluster is None or self._last_seen(cluster) != last_seen:
                continue  # stale entry: the cluster was reported again later
            del self.clusters[index]
            for event_type in cluster.types:
                self.index[(event_type, cluster.agent_key, cluster.negated)].remove(index)
            record = self._record(cluster)
            self.store.finish(KIND, record.id, record.model_dump_json())

    def compatible(self, cluster: Cluster, event: EventSummary) -> int | None:
        """The evidence score of ``event`` joining ``cluster``, or None when a rule forbids it."""
        tolerance = self.settings.date_tolerance_days
        if event.date_lo and event.date_hi and cluster.date_lo and cluster.date_hi:
            if event.date_lo > shift_day(cluster.date_hi, tolerance) or cluster.date_lo > shift_day(event.date_hi, tolerance):
                return None
        elif event.anchor_lo > cluster.anchor_hi or cluster.anchor_lo > event.anchor_hi:
            return None
        score = 0
        if event.commodities and cluster.commodities:
            if event.elements and cluster.elements:
                shared = bool(event.elements & cluster.elements)
            else:
                shared = bool(event.commodities & cluster.commodities)
                if not shared and not event.elements and not cluster.elements:
                    return None
            if event.elements and cluster.elements and not shared:
                return None
            score += 2 if shared else 0
        if event.amounts and cluster.amounts:
            if not _amounts_agree(event.amounts, cluster.amounts, self.settings.amount_tolerance):
                return None
            score += 2
        if event.event_type in PARTY_EVENTS:
            ours, theirs = _parties(event.agent_key, event.counterparties), _parties(cluster.agent_key, cluster.counterparties)
            n_shared = len(ours & theirs)
            if (n_shared < 2) if len(ours) >= 2 and len(theirs) >= 2 else not n_shared:
                return None
            score += n_shared - 1
        elif event.counterparties and cluster.counterparties:
            if not event.counterparties & cluster.counterparties:
                return None
            score += 1
        return score

    def _match(self, event: EventSummary, event_type: str, *, need_amount: bool = False) -> Cluster | None:
        best: tuple[int, int] | None = None
        agents = [event.agent_key]
        if event.event_type in PARTY_EVENTS:
            agents += sorted(event.counterparties - {event.agent_key})
        candidates = sorted({index for agent in agents for index in self.index.get((event_type, agent, event.negated), ())})
        for index in candidates:
            if need_amount and not (self.clusters[index].amounts and self.clusters[index].agent_key == event.agent_key):
                continue
            score = self.compatible(self.clusters[index], event)
            if score is not None and (best is None or score > best[0]):
                best = (score, index)
        return self.clusters[best[1]] if best else None

    def _join(self, cluster: Cluster, event: EventSummary, doc: DocSignature, group: int) -> None:
        cluster.anchor_lo = min(cluster.anchor_lo, event.anchor_lo)
        cluster.anchor_hi = max(cluster.anchor_hi, event.anchor_hi)
        if event.date_lo and event.date_hi:
            cluster.date_lo = min(cluster.date_lo or event.date_lo, event.date_lo)
            cluster.date_hi = max(cluster.date_hi or event.date_hi, event.date_hi)
        cluster.elements |= event.elements
        cluster.commodities |= event.commodities
        cluster.amounts |= set(event.amounts)
        cluster.counterparties |= event.counterparties
        cluster.earliest = min(cluster.earliest, (doc.published or LATEST, event.event_id))
        if doc.published:
            cluster.first_reported = min(cluster.first_reported or doc.published, doc.published)
            cluster.last_reported = max(cluster.last_reported or doc.published, doc.published)
        new_doc = cluster.last_doc != doc.doc_id
        if new_doc:
            cluster.n_articles += 1
            cluster.last_doc = doc.doc_id
            cluster.groups.add(group)
            if doc.source:
                cluster.sources.add(doc.source)
            self.store.add(KIND + ":doc", cluster.index, doc.doc_id)
        if new_doc:
            cluster.doc_values = set()
        for role, key, text in event.arguments:
            # Count articles, not mentions: a second event of the same article adds nothing.
            if (role, key) not in cluster.doc_values:
                cluster.doc_values.add((role, key))
                cluster.arguments.setdefault((role, key), Counter())[text] += 1
        self.store.add(KIND, cluster.index, event.event_id)

    def records(self) -> Iterator[dict[str, Any]]:
        """One record per cluster, ordered by id."""
        live = sorted((self._record(cluster) for cluster in self.clusters.values()), key=lambda record: record.id)
        finished = ((record_id, json.loads(text)) for record_id, text in self.store.finished(KIND))
        current = ((record.id, record.model_dump(mode="json")) for record in live)
        for _, data in heapq.merge(finished, current, key=lambda item: item[0]):
            yield data

    def _record(self, cluster: Cluster) -> EventClusterRecord:
        digest = hashlib.sha1(json.dumps(cluster.earliest).encode()).hexdigest()[:16]
        event_type = sorted(cluster.types.items(), key=lambda item: (-item[1], item[0] != cluster.event_type))[0][0]
        by_role: dict[str, list[ArgumentValue]] = {}
        for (role, key), texts in sorted(cluster.arguments.items()):
            text = sorted(texts.items(), key=lambda item: (-item[1], item[0]))[0][0]
            value = ArgumentValue(role=cast(ArgumentRole, role), key=key, text=text, n_articles=sum(texts.values()))
            by_role.setdefault(role, []).append(value)
        agreed: list[ArgumentValue] = []
        disputed: list[DisputedArgument] = []
        for role, values in by_role.items():
            values.sort(key=lambda value: (-value.n_articles, value.key))
            if role in DATE_ROLES:
                top = values[0].key.split("/")
                rivals = [value for value in values[1:] if not _disjoint_days(value.key.split("/"), top)]
                values = [values[0], *[value for value in values[1:] if value not in rivals]] + rivals
                if all(value in rivals for value in values[1:]):
                    agreed.extend(values)
                    continue
            if role in SINGLE_ROLES and len(values) > 1 and not (role == "agent" and cluster.event_type in PARTY_EVENTS):
                disputed.append(DisputedArgument(role=cast(ArgumentRole, role), alternatives=values))
            else:
                agreed.extend(values)
        return EventClusterRecord(
            id=f"cluster:{digest}", event_type=cast(EventType, event_type), agent_key=cluster.agent_key,
            first_reported=cluster.first_reported, last_reported=cluster.last_reported,
            start_date=cluster.date_lo, end_date=cluster.date_hi, n_articles=cluster.n_articles,
            n_sources=len(cluster.sources), n_groups=len(cluster.groups),
            doc_ids=self.store.members(KIND + ":doc", cluster.index), event_ids=self.store.members(KIND, cluster.index),
            agreed=agreed, disputed=disputed,
        )

