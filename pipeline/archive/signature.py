"""The per-document step: a small, picklable summary of one document's facts.

This is the only step that reads whole records, so it is the one that runs in parallel
(processes or Dask partitions); everything after it sees summaries only.

The MinHash signature: the facts file does not hold the article text, only its
``text_sha256``, its title and every span text and event evidence sentence. The signature is
built from word 3-grams of the title and of each distinct evidence sentence, plus bigrams of
the span texts in text order (the "skeleton" of names, numbers and dates). Syndicated copies
share all three; a rewrite by another outlet shares names but not their wording or order.
Exact duplicates are found by ``text_sha256`` equality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash

from pipeline.archive.facts import DocumentFacts
from pipeline.archive.keys import entity_key, fold_name, is_government, name_key

_WORD = re.compile(r"\w+")
MINHASH_SEED = 1
MARKET_EVENTS = frozenset({"price_movement", "stock_movement"})
ACTOR_ROLES = frozenset({"agent", "counterparty", "beneficiary"})


@dataclass(frozen=True)
class Settings:
    """Consolidation settings; every run with the same settings gives the same output."""

    threshold: float = 0.8
    num_perm: int = 128
    restate_days: int = 45
    market_days: int = 2
    date_tolerance_days: int = 7
    amount_tolerance: float = 0.02
    horizon_days: int = 365


@dataclass(frozen=True)
class EntityMention:
    key: str
    label: str
    normalized: str
    kb_id: str | None
    entity_id: str


@dataclass(frozen=True)
class EventSummary:
    event_id: str
    event_type: str
    negated: bool
    agent_key: str | None
    date_lo: str | None
    date_hi: str | None
    anchor_lo: str
    anchor_hi: str
    elements: frozenset[str]
    commodities: frozenset[str]
    amounts: tuple[tuple[str, float], ...]
    counterparties: frozenset[str]
    arguments: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class DocSignature:
    doc_id: str
    source: str | None
    published: str | None
    title: str | None
    sha: str
    hashvalues: np.ndarray | None
    entities: tuple[EntityMention, ...] = field(default=())
    events: tuple[EventSummary, ...] = field(default=())


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=MINHASH_SEED)


def shingles(doc: DocumentFacts) -> set[bytes]:
    """The signature input of a document (see the module docstring)."""
    result: set[bytes] = set()
    texts = [doc.document.get("title") or ""] + sorted({str(event.get("evidence") or "") for event in doc.events})
    for text in texts:
        words = _WORD.findall(text.casefold())
        result.update(" ".join(words[i : i + 3]).encode() for i in range(max(1, len(words) - 2)) if words)
    spans = sorted(doc.entities + doc.quantities + doc.dates, key=lambda record: (record.get("start", 0), record.get("end", 0)))
    skeleton = [str(span.get("text", "")).casefold() for span in spans]
    result.update(f"\x00{a}\x00{b}".encode() for a, b in zip(skeleton, skeleton[1:], strict=False))
    if len(skeleton) == 1:
        result.add(f"\x00{skeleton[0]}".encode())
    return result


def minhash_values(items: set[bytes], num_perm: int) -> np.ndarray | None:
    """MinHash values (uint32) of a shingle set; None for an empty set, which must not match anything."""
    if not items:
        return None
    template = _template(num_perm)
    minhash = MinHash(num_perm=num_perm, seed=MINHASH_SEED, permutations=template.permutations, scheme=template.scheme)
    minhash.update_batch(sorted(items))
    return minhash.hashvalues.astype(np.uint32)


def publication_day(document: dict[str, Any]) -> str | None:
    published = document.get("published")
    if not published or len(str(published)) < 10:
        return None
    try:
        return date.fromisoformat(str(published)[:10]).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def shift_day(day: str, days: int) -> str:
    """An ISO day moved by ``days`` (ISO days compare as strings, so no other date arithmetic is needed)."""
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _quantity_key(record: dict[str, Any]) -> str:
    unit = record.get("unit") or record.get("currency") or ""
    if record.get("value") is not None:
        return f"{record['value']:g} {unit}".strip()
    if record.get("low") is not None or record.get("high") is not None:
        return f"{record.get('low')}-{record.get('high')} {unit}".strip()
    return fold_name(str(record.get("text", "")))


def _date_bounds(record: dict[str, Any]) -> tuple[str | None, str | None]:
    return record.get("start_date"), record.get("end_date")


def summarise_event(event: dict[str, Any], refs: dict[str, tuple[str, dict[str, Any]]], published: str | None,
                    settings: Settings) -> EventSummary:
    """One event as the clusterer sees it: keys and comparable values, not records."""
    arguments: list[tuple[str, str, str]] = []
    elements: set[str] = set()
    commodities: set[str] = set()
    amounts: list[tuple[str, float]] = []
    counterparties: set[str] = set()
    agent_key: str | None = None
    agent_government = False
    country: str | None = None
    date_lo: str | None = None
    date_hi: str | None = None
    commodity_agent: str | None = None
    for argument in event.get("arguments") or []:
        role, text = argument["role"], str(argument.get("text", ""))
        kind, record = refs.get(argument.get("ref") or "", ("", {}))
        if kind == "entity":
            key = entity_key(record)
            if role in ACTOR_ROLES and key.startswith("PERSON:"):
                # The model often tags a company as PERSON ("Hanse Motoren"); actors compare as organisations.
                key = name_key("ORG", str(record.get("normalized") or text))
            if record.get("label") == "COMMODITY":
                found = sorted(str(element).lower() for element in (record.get("commodity") or {}).get("elements") or [])
                elements.update(found)
                if role == "commodity" and found and commodity_agent is None:
                    commodity_agent = "COMMODITY:" + "-".join(found)
        elif kind == "quantity":
            key = _quantity_key(record)
            if record.get("value") is not None and record.get("currency") and role in ("amount", "price"):
                amounts.append((str(record["currency"]), float(record["value"])))
        elif kind == "date":
            lo, hi = _date_bounds(record)
            key = f"{lo}/{hi}" if lo and hi else fold_name(text)
            if role == "date" and lo and hi:
                date_lo = min(date_lo or lo, lo)
                date_hi = max(date_hi or hi, hi)
        else:
            key = "text:" + fold_name(text)
        arguments.append((role, key, text))
        if role == "agent" and agent_key is None:
            agent_key = key
            agent_government = (kind == "entity" and record.get("label") == "ORG"
                                and is_government(str(record.get("normalized", ""))))
        elif role == "commodity":
            commodities.add(key)
        elif role == "counterparty":
            counterparties.add(key)
        elif role == "location" and key.startswith("GPE:") and country is None:
            country = key
    if agent_government and country:
        agent_key = country  # a ministry acts for its country: "China's commerce ministry" ~ "China"
    if agent_key is None and country and event.get("event_type") in ("export_restriction", "regulation", "policy_strategy"):
        agent_key = country
    if agent_key is None and event.get("event_type") == "price_movement" and commodities:
        agent_key = commodity_agent or min(commodities)  # a price move is the commodity's own ("NdPr" = "NdPr oxide")
    arguments = [(role, agent_key, text) if role == "agent" and agent_key else (role, key, text) for role, key, text in arguments]
    if date_lo and published and event.get("modality") == "actual" and date_lo > shift_day(published, settings.date_tolerance_days):
        date_lo = date_hi = None  # a past event dated after its own article: a wrong year guess, not a date
    window = settings.market_days if event.get("event_type") in MARKET_EVENTS else settings.restate_days
    day = published or date_lo or "1970-01-01"
    anchor_lo, anchor_hi = (date_lo, date_hi) if date_lo and date_hi else (shift_day(day, -window), day)
    return EventSummary(
        event_id=str(event["id"]), event_type=str(event["event_type"]), negated=event.get("modality") == "negated",
        agent_key=agent_key, date_lo=date_lo, date_hi=date_hi, anchor_lo=anchor_lo, anchor_hi=anchor_hi,
        elements=frozenset(elements), commodities=frozenset(commodities), amounts=tuple(sorted(set(amounts))),
        counterparties=frozenset(counterparties), arguments=tuple(arguments),
    )


def summarise(doc: DocumentFacts, settings: Settings) -> DocSignature:
    """The summary of one document: MinHash values, entity keys and event summaries."""
    refs: dict[str, tuple[str, dict[str, Any]]] = {}
    for kind, records in (("entity", doc.entities), ("quantity", doc.quantities), ("date", doc.dates)):
        for record in records:
            refs[str(record["id"])] = (kind, record)
    published = publication_day(doc.document)
    mentions = tuple(
        EntityMention(key=entity_key(record), label=str(record["label"]),
                      normalized=str(record.get("normalized") or record["text"]), kb_id=record.get("kb_id"),
                      entity_id=str(record["id"]))
        for record in doc.entities
    )
    events = tuple(summarise_event(event, refs, published, settings) for event in doc.events)
    return DocSignature(
        doc_id=doc.doc_id, source=doc.document.get("source"), published=published, title=doc.document.get("title"),
        sha=str(doc.document.get("text_sha256") or ""), hashvalues=minhash_values(shingles(doc), settings.num_perm),
        entities=mentions, events=events,
    )
