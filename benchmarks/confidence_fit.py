"""Choose, out of fold, how an event record's ``confidence`` is fitted, on the READ real-news dev half only.

``benchmarks/confidence.py`` prints the precision tables the confidence is read from; this script asks which way of
turning them into a table is honest on articles the table was not fitted on. Every event record orewire writes on a
read dev article (the range comes from ``fixtures/realnews/parts.json``) is labelled right or wrong by the scorer's
one-to-one (type, agent) matching; the articles are split into folds, and each scheme is fitted on the other folds'
records and scored on the fold's own: Brier score and the share right at or above 0.5 / 0.8 / 0.9. Every scheme gives
what the article pass applies (``pipeline/article/event_policy.calibrate``): a value per number of distinct argument
roles and one shift for planned, possible and negated records, rounded to .05 as ``cues.json`` stores them.

    python benchmarks/confidence_fit.py --records /tmp/read.pkl            # compare the schemes, out of fold
    python benchmarks/confidence_fit.py --records /tmp/read.pkl --write    # refit the best on the whole read half
    python benchmarks/confidence_fit.py --held-out --records /tmp/held.pkl # score the session's held-out part once

``--held-out`` prints scores only (Brier, share right per threshold, for the table in ``cues.json`` and, with
``--against``, an earlier one): no texts, no misses. The test half and the unseen batches are never run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.confidence import (  # noqa: E402
    MAX_ROLES,
    UNREAL,
    Scored,
    monotone,
    precision,
    round_to,
    scored_records,
    tier,
)
from benchmarks.realnews import cached_articles, cached_output, default_cache, id_range, read_gold, read_manifest  # noqa: E402
from benchmarks.realnews_parts import Part, latest_session, read_dev_ids, read_parts  # noqa: E402

CUES = ROOT / "models" / "events" / "cues.json"
FOLDS = 10
PRIOR_STRENGTHS = (0.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0)
SHOWN_THRESHOLDS = (0.5, 0.8, 0.9)
TIERS = range(MAX_ROLES + 1)
EACH = tuple((count,) for count in TIERS)  # one group per role tier


@dataclass(frozen=True)
class Table:
    """What the article pass applies: a confidence per role tier (0 .. MAX_ROLES, the last for more) and a shift
    added for planned, possible and negated records."""

    by_roles: tuple[float, ...]
    unreal_shift: float
    unreal_by_roles: tuple[float, ...] | None = None  # a table of their own (measured only; calibrate has none)

    def confidence(self, item: Scored) -> float:
        """The value ``calibrate`` gives the record (clamped as it clamps)."""
        if item.modality in UNREAL and self.unreal_by_roles is not None:
            value = self.unreal_by_roles[min(item.roles, len(self.unreal_by_roles) - 1)]
        else:
            value = self.by_roles[min(item.roles, len(self.by_roles) - 1)]
            value += self.unreal_shift if item.modality in UNREAL else 0.0
        return round(min(max(value, 0.01), 0.99), 4)

    def rounded(self) -> Table:
        unreal = None if self.unreal_by_roles is None else tuple(round_to(value) for value in self.unreal_by_roles)
        return Table(tuple(round_to(value) for value in self.by_roles), round_to(self.unreal_shift), unreal)


Scheme = Callable[[Sequence[Scored]], Table]


def rate(items: Sequence[Scored], default: float = 0.5) -> float:
    records, right = precision(items)
    return right / records if records else default


def unreal_shift(items: Sequence[Scored], by_roles: Sequence[float], strength: float = 0.0) -> float:
    """How far planned, possible and negated records fall below ``by_roles``: their right ones minus the table's
    expectation, over their number plus ``strength`` (0 with no such record; a prior shift of 0 with weight
    ``strength``)."""
    unreal = [item for item in items if item.modality in UNREAL]
    gap = sum(item.right - by_roles[tier(item.roles)] for item in unreal)
    return gap / (len(unreal) + strength) if unreal or strength else 0.0


def tier_counts(items: Sequence[Scored], groups: Sequence[Sequence[int]]) -> dict[int, tuple[int, int]]:
    """(records, right) of the actual records per role tier, each tier given its group's pooled counts."""
    actual = [item for item in items if item.modality not in UNREAL]
    counts: dict[int, tuple[int, int]] = {}
    for group in groups:
        pooled = precision(item for item in actual if tier(item.roles) in group)
        counts.update({count: pooled for count in group})
    return counts


def shrunk_table(items: Sequence[Scored], strength: float, groups: Sequence[Sequence[int]] | None = None) -> Table:
    """Each (grouped) tier's precision on actual records pulled toward the actual records' overall precision with
    ``strength`` pseudo-records, made non-decreasing; the modality shift pulled toward 0 with the same strength.
    Strength 0 and one tier per group is the nineteenth session's scheme before rounding."""
    actual = [item for item in items if item.modality not in UNREAL]
    overall = rate(actual, rate(items))
    counts = tier_counts(items, groups or EACH)
    if not actual:
        return Table(tuple(overall for _ in TIERS), unreal_shift(items, [overall] * len(TIERS), strength))
    # pseudo-records at the overall precision; monotone() pools the pulled (records, right) pairs by weight
    fitted = monotone({count: (records + strength, right + strength * overall)  # type: ignore[misc]
                       for count, (records, right) in counts.items()})
    by_roles = tuple(fitted[count] for count in TIERS)
    return Table(by_roles, unreal_shift(items, [round_to(value) for value in by_roles], strength))


def constant_table(items: Sequence[Scored]) -> Table:
    """One value for every record: the read records' precision."""
    return Table(tuple(rate(items) for _ in TIERS), 0.0)


def isotonic_table(items: Sequence[Scored], modality_step: bool) -> Table:
    """Isotonic regression on one score: the number of role tiers, and with ``modality_step`` a planned, possible or
    negated record placed half a tier below an actual one with as many roles (its own table)."""
    def score(item: Scored) -> int:
        return 2 * tier(item.roles) + (0 if modality_step and item.modality in UNREAL else 1)
    cells = {value: precision(item for item in items if score(item) == value) for value in range(2 * len(TIERS))}
    fitted = monotone(cells) if items else {value: 0.5 for value in cells}
    actual = tuple(fitted[2 * count + 1] for count in TIERS)
    return Table(actual, 0.0, tuple(fitted[2 * count] for count in TIERS) if modality_step else None)


def folds_of(items: Sequence[Scored], folds: int = FOLDS) -> dict[str, int]:
    """Each article's fold: the articles in id order, dealt round."""
    ids = sorted({item.doc_id for item in items}, key=lambda doc_id: (len(doc_id), doc_id))
    return {doc_id: index % folds for index, doc_id in enumerate(ids)}


def out_of_fold(items: Sequence[Scored], scheme: Scheme, folds: int = FOLDS) -> list[tuple[Scored, float]]:
    """Every record with the confidence ``scheme`` gives it when fitted on the other folds' articles."""
    fold = folds_of(items, folds)
    predicted: list[tuple[Scored, float]] = []
    for held in range(folds):
        train = [item for item in items if fold[item.doc_id] != held]
        table = scheme(train)
        predicted.extend((item, table.confidence(item)) for item in items if fold[item.doc_id] == held)
    return predicted


def brier(predicted: Sequence[tuple[Scored, float]]) -> float:
    return sum((value - item.right) ** 2 for item, value in predicted) / len(predicted) if predicted else 0.0


def right_share(predicted: Sequence[tuple[Scored, float]],
                thresholds: Sequence[float] = SHOWN_THRESHOLDS) -> dict[float, tuple[int, int]]:
    """(records, right) at or above each threshold."""
    return {value: precision(item for item, confidence in predicted if confidence >= value - 1e-9)
            for value in thresholds}


def chosen_strength(items: Sequence[Scored], groups: Sequence[Sequence[int]],
                    strengths: Sequence[float] = PRIOR_STRENGTHS) -> float:
    """The prior strength with the lowest out-of-fold Brier score on ``items`` (the smaller on a tie)."""
    scores = [(brier(out_of_fold(items, shrunk_fixed(strength, groups))), strength) for strength in strengths]
    return min(scores)[1]


def shrunk_fixed(strength: float, groups: Sequence[Sequence[int]]) -> Scheme:
    """Shrinkage with a given strength, rounded as stored."""
    def fit(items: Sequence[Scored]) -> Table:
        return shrunk_table(items, strength, groups).rounded()
    return fit


def shrunk_auto(groups: Sequence[Sequence[int]]) -> Scheme:
    """Shrinkage whose strength is chosen inside the training articles (nested folds), so its own out-of-fold score
    is not flattered by the choice."""
    def fit(items: Sequence[Scored]) -> Table:
        return shrunk_table(items, chosen_strength(items, groups), groups).rounded()
    return fit


GROUPINGS: dict[str, tuple[tuple[int, ...], ...]] = {
    "roles 0-1 / 2-3 / 4 / 5+": ((0, 1), (2, 3), (4,), (5,)),
    "roles 0-1 / 2-3 / 4+": ((0, 1), (2, 3), (4, 5)),
    "roles 0-2 / 3+": ((0, 1, 2), (3, 4, 5)),
}


def schemes() -> dict[str, Scheme]:
    """The candidates, the nineteenth session's first."""
    candidates: dict[str, Scheme] = {
        "per role, monotone (19th session)": shrunk_fixed(0.0, EACH),
        "one value for all": lambda items: constant_table(items).rounded(),
        "per role, shrunk (strength chosen in fold)": shrunk_auto(EACH),
        "isotonic on roles, modality ignored": lambda items: isotonic_table(items, False).rounded(),
        "isotonic on roles, planned half a role lower": lambda items: isotonic_table(items, True).rounded(),
    }
    for name, groups in GROUPINGS.items():
        candidates[name] = shrunk_fixed(0.0, groups)
        candidates[f"{name}, shrunk (strength chosen in fold)"] = shrunk_auto(groups)
    return candidates


def share(counts: tuple[int, int]) -> str:
    records, right = counts
    return f"{right / records:.2f} ({right}/{records})" if records else "- (0)"


def scores_line(predicted: Sequence[tuple[Scored, float]]) -> str:
    shares = "  ".join(f">={value}: {share(counts)}" for value, counts in right_share(predicted).items())
    return f"Brier {brier(predicted):.4f}  {shares}"


def compare(items: Sequence[Scored]) -> str:
    """Print every scheme's out-of-fold scores; the name of the one with the lowest Brier score."""
    results = {name: out_of_fold(items, scheme) for name, scheme in schemes().items()}
    for name, predicted in results.items():
        print(f"{name:<60}{scores_line(predicted)}")
    return min(results, key=lambda name: brier(results[name]))


def fit_named(name: str, items: Sequence[Scored]) -> Table:
    return schemes()[name](items)


def table_in(text: str) -> Table:
    """The table ``cues.json`` holds."""
    document = json.loads(text)["document"]
    shifts = set(document.get("modality_confidence", {}).values()) or {0.0}
    tables = {tuple(values) for values in document.get("confidence_by_modality", {}).values()}
    if len(shifts) != 1 or len(tables) > 1 or set(document.get("modality_confidence", {})) - UNREAL:
        raise ValueError("expected one shift and at most one table for planned, possible and negated records")
    return Table(tuple(document["confidence_by_roles"]), shifts.pop(), tables.pop() if tables else None)


CONFIDENCE_KEYS = re.compile(r'  "confidence_by_roles": \[\n[^\]]*\n  \],\n  "modality_confidence": (?:\{\}|\{\n[^}]*\n  \}),\n'
                             r'(?:  "confidence_by_modality": \{\n[^}]*\n  \},\n)?')


def with_table(text: str, table: Table) -> str:
    """``cues.json``'s text with its confidence keys replaced, every other byte kept."""
    unreal = ("planned", "possible", "negated")
    lines = ['  "confidence_by_roles": [', ",\n".join(f"   {value}" for value in table.by_roles), "  ],"]
    if table.unreal_shift:
        lines += ['  "modality_confidence": {',
                  ",\n".join(f'   "{modality}": {table.unreal_shift}' for modality in unreal), "  },"]
    else:
        lines.append('  "modality_confidence": {},')
    if table.unreal_by_roles is not None:
        values = ", ".join(str(value) for value in table.unreal_by_roles)
        lines += ['  "confidence_by_modality": {',
                  ",\n".join(f'   "{modality}": [{values}]' for modality in unreal), "  },"]
    text, found = CONFIDENCE_KEYS.subn(lambda _: "\n".join(lines) + "\n", text)
    if found != 1:
        raise ValueError("cues.json holds no confidence table in the expected layout")
    return text


def part_entries(status: str) -> list[dict[str, Any]]:
    """The manifest's dev entries whose part has ``status`` (read, held-out) for the current session."""
    parts = read_parts()
    session = latest_session(parts)
    wanted: list[Part] = [part for part in parts if part.status("dev", session) == status]
    entries = [entry for entry in read_manifest()
               if entry["split"] == "dev" and any(part.holds(entry["id"]) for part in wanted)]
    if status == "read":  # the read parts run on from rn01 (parts.json); never past them
        limit = id_range(read_dev_ids())
        entries = [entry for entry in entries if int(entry["id"].removeprefix("rn")) in limit]
    return entries


def run_output(entries: list[dict[str, Any]], cache: Path) -> list[tuple[str, list[dict[str, Any]]]]:
    from pipeline import Extractor

    articles = cached_articles(entries, cache)
    return [(extraction.doc_id, [record.model_dump(mode="json") for record in extraction.records])
            for extraction in Extractor().extract_many(articles)]


def main() -> int:
    parser = argparse.ArgumentParser(description="Choose the confidence scheme out of fold on the read dev half.")
    parser.add_argument("--cache", type=Path, default=None, help="folder of <id>.txt texts [env OREWIRE_REALNEWS_CACHE]")
    parser.add_argument("--records", type=Path, default=None, help="pickle of the run's output to reuse (or save)")
    parser.add_argument("--write", action="store_true", help="refit the best scheme on the read half into cues.json")
    parser.add_argument("--held-out", action="store_true", help="score the session's held-out dev part (scores only)")
    parser.add_argument("--against", type=Path, default=None, help="with --held-out: also score this cues.json's table")
    args = parser.parse_args()
    status = "held-out" if args.held_out else "read"
    output = cached_output(args.records, lambda: run_output(part_entries(status), args.cache or default_cache()))
    if not output:
        print("real-news cache absent: nothing measured (see docs/realnews.md)")
        return 0
    items = [item for doc_id, records in output for item in scored_records(doc_id, read_gold(doc_id), records)]
    print(f"{status} dev: {len(output)} articles, {len(items)} event records, right {share(precision(items))}")
    if args.held_out:
        tables = {"cues.json": table_in(CUES.read_text(encoding="utf-8"))}
        if args.against is not None:
            tables[str(args.against)] = table_in(args.against.read_text(encoding="utf-8"))
        for name, table in tables.items():
            print(f"{name:<40}{table}\n{'':<40}{scores_line([(item, table.confidence(item)) for item in items])}")
        return 0
    current = table_in(CUES.read_text(encoding="utf-8"))
    print(f"{'cues.json table as it is (fitted before, not out of fold)':<60}"
          f"{scores_line([(item, current.confidence(item)) for item in items])}")
    best = compare(items)
    table = fit_named(best, items)
    print(f"best out of fold: {best}; fitted on the whole read half: {table}")
    if args.write:
        CUES.write_text(with_table(CUES.read_text(encoding="utf-8"), table), encoding="utf-8")
        print(f"written to {CUES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
