"""Gold entities the pipeline misses on the READ real-news dev half, by label and by the reason a cheap check tells
(issue 13, entities, eighteenth session; the recall side of ``benchmarks/entity_precision.py``).

A gold entity is missed when the scorer's own label-strict matching (``score_document``: greedy, one gold entity
to one (label, normalized) group sharing a folded name) gives it no group. The first reason that holds is counted:

- ``taken``: a group of its label holds one of its names, but another gold entity took that group first;
- ``other_label``: a group of another label holds one of its names (the label-free matching would take it);
- ``shorter_span`` / ``longer_span``: a group's name or surface is a word run inside one of its names ("Halden" for
  "Halden Metals Ltd") or holds one of its names inside a longer run;
- ``not_in_text``: none of its names is written in the text (case-blind, folded);
- ``outside_body``: every place its names are written lies outside the body and dateline zones (a title, heading,
  related or boilerplate line, or text no section covers: ``DocumentRecord.sections``);
- ``not_found``: written in the body, and nothing above.

    python benchmarks/entity_recall.py --records /tmp/ep.pkl     # the pickle entity_precision.py writes
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.entity_precision import Output, dev_output  # noqa: E402
from benchmarks.realnews import cached_output, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_ids, read_dev_range  # noqa: E402
from pipeline.evaluation.facts import GoldEntity, fold, match_pairs  # noqa: E402

READ_IDS = read_dev_ids()  # the read dev half, from fixtures/realnews/parts.json

REASONS = ("taken", "other_label", "shorter_span", "longer_span", "not_in_text", "outside_body", "not_found")
BODY_ZONES = frozenset({"body", "dateline"})


def groups_of(records: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], set[str]]:
    """(label, normalized) -> folded names, the groups ``score_document`` forms from the entity records."""
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in records:
        if record["type"] == "entity":
            keys[record["label"], record["normalized"]].update({fold(record["normalized"]), fold(record["text"])})
    return keys


def missed(gold: Sequence[Any], records: Sequence[Mapping[str, Any]]) -> list[GoldEntity]:
    """The gold entities the label-strict matching leaves without a group, in gold order."""
    entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    groups = list(groups_of(records).items())
    hits = match_pairs(entities, groups, lambda g, p: g.label == p[0][0] and bool(p[1] & names_of(g)))
    return [entity for entity, hit in zip(entities, hits, strict=True) if hit is None]


def names_of(entity: GoldEntity) -> set[str]:
    return {name for name in (fold(entity.name), *map(fold, entity.aliases)) if name}


def _inside(part: str, whole: str) -> bool:
    """``part`` is a shorter word run of ``whole`` (both folded)."""
    return part != whole and f" {part} " in f" {whole} "


def written_zones(entity: GoldEntity, text: str, sections: Sequence[Mapping[str, Any]]) -> list[str]:
    """The zone of every place a name of ``entity`` is written in ``text`` ("none": no section covers it)."""
    zones = []
    for name in {entity.name, *entity.aliases}:
        if not name.strip():
            continue
        for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE):
            zones.append(next((section["zone"] for section in sections
                               if section["start"] <= found.start() < section["end"]), "none"))
    return zones


def reason(entity: GoldEntity, records: Sequence[Mapping[str, Any]], text: str) -> str:
    """The first of ``REASONS`` that holds for a missed ``entity``."""
    names = names_of(entity)
    groups = groups_of(records)
    if any(label == entity.label and keys & names for (label, _), keys in groups.items()):
        return "taken"
    if any(keys & names for keys in groups.values()):
        return "other_label"
    predicted = {key for keys in groups.values() for key in keys}
    if any(_inside(key, name) for key in predicted for name in names):
        return "shorter_span"
    if any(_inside(name, key) for key in predicted for name in names):
        return "longer_span"
    document = next((record for record in records if record["type"] == "document"), {})
    zones = written_zones(entity, text, document.get("sections") or [])
    if not zones:
        return "not_in_text"
    return "not_found" if BODY_ZONES & set(zones) else "outside_body"


def tally(output: Output, gold_of: Callable[[str], Sequence[Any]] = read_gold) -> dict[str, dict[str, Counter[str]]]:
    """label -> reason -> {"missed": entities, "articles": articles} over ``output``."""
    found: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for doc_id, text, records, _ in output:
        for entity in missed(gold_of(doc_id), records):
            why = reason(entity, records, text)
            found[entity.label][why]["missed"] += 1
            seen[entity.label, why].add(doc_id)
    for (label, why), articles in seen.items():
        found[label][why]["articles"] = len(articles)
    return found


def report(output: Output, say: Callable[[str], None]) -> None:
    found = tally(output)
    say(f"{'label':<11}{'missed':>7}  " + "  ".join(f"{why:>12}" for why in REASONS) + "   (missed/articles)")
    for label in sorted(found):
        reasons = found[label]
        total = sum(counts["missed"] for counts in reasons.values())
        cells = "  ".join(f"{reasons[why]['missed']:>6}/{reasons[why]['articles']:<5}" for why in REASONS)
        say(f"{label:<11}{total:>7}  {cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--ids", default=READ_IDS,
                        help=f"dev id range (read half only; default {READ_IDS})")
    parser.add_argument("--records", type=Path, default=None, help="pickle of the run: read when present, else written")
    args = parser.parse_args()
    ids = read_dev_range(parser, args.ids)
    output = cached_output(args.records, lambda: dev_output(ids))
    if not output:
        print("real-news cache absent or empty: nothing to measure (see docs/realnews.md)")
        return 0
    report(output, print)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
