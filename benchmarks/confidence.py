"""Measure how well an event record's ``confidence`` says how often it is right, on the real-news DEV half.

Every event record orewire writes on a cached dev article is labelled right or wrong by the one-to-one (type,
agent) matching ``benchmarks/realnews.py`` scores events with (``pipeline.evaluation.facts.event_record_labels``).
Only aggregate counts are printed (records and right ones per group): no texts, no misses. Three tables per part
of the dev half:

- precision by the record's number of distinct argument roles, actual and planned/possible/negated apart
  (what ``document.confidence_by_roles`` and ``modality_confidence`` in models/events/cues.json are set from);
- the same tiers made monotone (pooled where a tier is below the one before it) and rounded to .05: the table
  the measurement supports;
- precision at or above each confidence value (what 0.5 / 0.8 / 0.9 mean).

Which way of turning these counts into the stored table is chosen out of fold on the read half, and written, by
``benchmarks/confidence_fit.py``.

The test half is never used. The dev half is reported whole and in two parts, the dev articles some session has
read and those none has (held-out or unseen), from the reading history in fixtures/realnews/parts.json.

    python benchmarks/confidence.py                      # all cached dev articles, read and unread parts apart
    python benchmarks/confidence.py --records /tmp/c.pkl # reuse (or save) the dev output
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_articles, cached_output, default_cache, read_gold, read_manifest  # noqa: E402
from benchmarks.realnews_parts import latest_session, read_parts  # noqa: E402
from pipeline.evaluation.facts import event_record_labels  # noqa: E402

UNREAL = frozenset({"planned", "possible", "negated"})
MAX_ROLES = 5  # the last tier pools this many roles and more
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True)
class Scored:
    """One event record of a dev article: what its confidence is made from, and whether it is right."""

    doc_id: str
    roles: int
    modality: str
    confidence: float
    right: bool


def scored_records(doc_id: str, gold: Sequence[Any], records: Sequence[Mapping[str, Any]]) -> list[Scored]:
    """The article's event records with their label from the scorer's one-to-one (type, agent) matching."""
    events = [record for record in records if record["type"] == "event"]
    labels = event_record_labels(gold, records)
    return [Scored(doc_id, len({argument["role"] for argument in record.get("arguments", [])}),
                   record.get("modality", "actual"), float(record["confidence"]), matched)
            for record, (_, matched) in zip(events, labels, strict=True)]


def tier(roles: int) -> int:
    return min(roles, MAX_ROLES)


def precision(items: Iterable[Scored]) -> tuple[int, int]:
    """(records, right ones)."""
    found = list(items)
    return len(found), sum(item.right for item in found)


def by_roles(items: Sequence[Scored], modalities: frozenset[str] | None = None,
             exclude: frozenset[str] = frozenset()) -> dict[int, tuple[int, int]]:
    """(records, right) per role tier, for records of ``modalities`` (all when None) and not of ``exclude``."""
    chosen = [item for item in items
              if (modalities is None or item.modality in modalities) and item.modality not in exclude]
    return {count: precision(item for item in chosen if tier(item.roles) == count) for count in range(MAX_ROLES + 1)}


def monotone(tiers: Mapping[int, tuple[int, int]]) -> dict[int, float]:
    """Tier precision made non-decreasing by pooling adjacent violators (weighted by records); an empty tier takes
    the tier before it (the first measured one when none is before it; 0 when nothing is measured)."""
    blocks: list[list[int]] = []  # [records, right, first tier, last tier]
    for count in sorted(tiers):
        records, right = tiers[count]
        if records == 0:
            continue
        blocks.append([records, right, count, count])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][0] > blocks[-1][1] / blocks[-1][0]:
            last = blocks.pop()
            blocks[-1] = [blocks[-1][0] + last[0], blocks[-1][1] + last[1], blocks[-1][2], last[3]]
    result: dict[int, float] = {}
    value = blocks[0][1] / blocks[0][0] if blocks else 0.0
    for count in sorted(tiers):
        block = next((b for b in blocks if b[2] <= count <= b[3]), None)
        if block is not None:
            value = block[1] / block[0]
        result[count] = value
    return result


def round_to(value: float, step: float = 0.05) -> float:
    return round(round(value / step) * step, 2)


def modality_shift(items: Sequence[Scored], table: Mapping[int, float]) -> float:
    """How much less often (negative) planned, possible and negated records are right than ``table`` (fitted on
    actual records) says for their role tiers: their measured precision minus their mean table value."""
    unreal = [item for item in items if item.modality in UNREAL]
    if not unreal:
        return 0.0
    return precision(unreal)[1] / len(unreal) - sum(table[tier(item.roles)] for item in unreal) / len(unreal)


def at_or_above(items: Sequence[Scored], thresholds: Sequence[float] = THRESHOLDS) -> dict[float, tuple[int, int]]:
    """(records, right) of the records whose confidence is at or above each threshold."""
    return {value: precision(item for item in items if item.confidence >= value - 1e-9) for value in thresholds}


def share(counts: tuple[int, int]) -> str:
    records, right = counts
    return f"{right / records:.2f} ({right}/{records})" if records else "- (0)"


def report(name: str, items: Sequence[Scored]) -> None:
    articles = len({item.doc_id for item in items})
    print(f"\n== {name}: {articles} articles, {len(items)} event records, precision {share(precision(items))}")
    actual = by_roles(items, exclude=UNREAL)
    unreal = by_roles(items, modalities=UNREAL)
    every = by_roles(items)
    fitted = {count: round_to(value) for count, value in monotone(actual).items()}
    print(f"{'roles':<7}{'all':>16}{'actual':>16}{'planned/neg.':>16}{'actual, monotone, rounded':>27}")
    for count in range(MAX_ROLES + 1):
        label = f"{count}+" if count == MAX_ROLES else str(count)
        print(f"{label:<7}{share(every[count]):>16}{share(actual[count]):>16}{share(unreal[count]):>16}"
              f"{fitted[count]:>27.2f}")
    print("actual vs planned/possible/negated:", share(precision(i for i in items if i.modality not in UNREAL)),
          share(precision(i for i in items if i.modality in UNREAL)))
    shift = modality_shift(items, fitted)
    print(f"planned/possible/negated against that table: {shift:+.3f} (rounded {round_to(shift):+.2f})")
    print("confidence >=  " + "  ".join(f"{value}: {share(counts)}" for value, counts in at_or_above(items).items()))


def dev_output(cache: Path) -> list[tuple[str, list[dict[str, Any]]]]:
    """(article id, records as json) for every cached dev article."""
    from pipeline import Extractor

    entries = [entry for entry in read_manifest() if entry["split"] == "dev"]
    articles = cached_articles(entries, cache)
    return [(extraction.doc_id, [record.model_dump(mode="json") for record in extraction.records])
            for extraction in Extractor().extract_many(articles)]


def main() -> int:
    parser = argparse.ArgumentParser(description="Precision of event records by confidence tier on the dev half.")
    parser.add_argument("--cache", type=Path, default=None, help="folder of <id>.txt texts [env OREWIRE_REALNEWS_CACHE]")
    parser.add_argument("--records", type=Path, default=None, help="pickle of the dev output to reuse (or save)")
    args = parser.parse_args()
    output = cached_output(args.records, lambda: dev_output(args.cache or default_cache()))
    if not output:
        print("real-news cache absent: nothing measured (see docs/realnews.md)")
        return 0
    items = [item for doc_id, records in output for item in scored_records(doc_id, read_gold(doc_id), records)]
    parts = read_parts()
    session = latest_session(parts)
    read_ids = {item.doc_id for item in items
                if any(part.holds(item.doc_id) and part.status("dev", session) == "read" for part in parts)}
    report("all dev", items)
    report(f"read dev (misses read by session {session})", [item for item in items if item.doc_id in read_ids])
    report("unread dev (held-out or unseen)", [item for item in items if item.doc_id not in read_ids])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
