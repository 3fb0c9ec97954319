"""How far two human annotators agree on the real-news set, beside orewire on the same articles.

A sample of the set was annotated a second time, blind: the second annotator saw neither the
first gold nor orewire's output (docs/realnews.md, "Agreement"). Its facts live in
``fixtures/realnews/second/<id>.jsonl`` in the gold format. This script scores the second
annotation against the gold with the same offset-free matcher orewire is scored with, so the
human figure is the ceiling the gold can resolve, and prints orewire's figure on the same
articles beside it (orewire needs the local text cache; without it only the human column).

    python benchmarks/agreement.py                        # both halves
    python benchmarks/agreement.py --split dev --show     # dev only: list the disagreements
    python benchmarks/agreement.py --gold-rev 815b246 --ids rn03,rn08   # the gold as a commit had it

The gold of the sample was adjudicated after the second annotation (docs/realnews.md), so the
agreement proper is read against the gold before that: ``--gold-rev`` takes it from git.

Disagreements are listed for the dev half only, as for orewire's misses.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from realnews import (  # type: ignore[import-not-found]  # the sibling script; run as a script
    GOLD,
    MEASURES,
    REALNEWS,
    SPLITS,
    default_cache,
    read_gold,
    read_manifest,
    score_split,
)

from pipeline import Extractor
from pipeline.evaluation.facts import FactReport, gold_as_records, parse_gold_line
from pipeline.evaluation.metrics import format_score

SECOND = REALNEWS / "second"


def read_second(article_id: str) -> list:
    lines = (SECOND / f"{article_id}.jsonl").read_text(encoding="utf-8").splitlines()
    return [parse_gold_line(json.loads(line)) for line in lines if line.strip()]


def gold_at(article_id: str, revision: str | None) -> list:
    """The article's gold now, or as the git ``revision`` had it."""
    if revision is None:
        return read_gold(article_id)
    path = (GOLD / f"{article_id}.jsonl").relative_to(REALNEWS.parent.parent)
    text = subprocess.run(["git", "show", f"{revision}:{path.as_posix()}"], capture_output=True, text=True,
                          check=True, cwd=REALNEWS.parent.parent).stdout
    return [parse_gold_line(json.loads(line)) for line in text.splitlines() if line.strip()]


def human_report(ids: list[str], revision: str | None) -> FactReport:
    report = FactReport()
    for article_id in ids:
        report.add_document(article_id, gold_at(article_id, revision), gold_as_records(read_second(article_id)))
    return report


def cell(report: FactReport | None, measure: str) -> str:
    if report is None:
        return f"{'-':>22}"
    scores = report.tallies[measure].scores()
    return f"{format_score(scores['precision']):>10} {format_score(scores['recall'])} {format_score(scores['f1'])}"


def main() -> int:
    parser = argparse.ArgumentParser(description="Inter-annotator agreement on the real-news sample, beside orewire.")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--show", action="store_true", help="list the disagreements (dev half only)")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--gold-rev", default=None, help="score against the gold of this git revision")
    parser.add_argument("--ids", default=None, help="comma-separated ids of the sample to score (default: all)")
    args = parser.parse_args()
    if args.show and args.split != "dev":
        parser.error("--show is for the dev half only (--split dev)")
    annotated = {path.stem for path in SECOND.glob("*.jsonl")}
    if args.ids:
        annotated &= set(args.ids.split(","))
    manifest = [entry for entry in read_manifest() if entry["id"] in annotated and (GOLD / f"{entry['id']}.jsonl").is_file()]
    if not manifest:
        print(f"no second annotation under {SECOND}")
        return 0
    cache = args.cache or default_cache()
    extractor = Extractor() if any((cache / f"{entry['id']}.txt").is_file() for entry in manifest) else None
    splits = SPLITS if args.split == "all" else (args.split,)
    print(f"{'':<12}" + "".join(f"{f'{split}: second annotator':>24}{'orewire':>20}  " for split in splits))
    print(f"{'measure':<12}" + "".join(f"{'P     R     F1':>22}{'P     R     F1':>22}" for _ in splits))
    rows: dict[str, list[str]] = {measure: [] for measure in MEASURES}
    counts = []
    humans: dict[str, FactReport] = {}
    for split in splits:
        entries = [entry for entry in manifest if entry["split"] == split]
        humans[split] = human_report([entry["id"] for entry in entries], args.gold_rev)
        system, scored = score_split(entries, cache, extractor) if extractor else (None, 0)
        counts.append(f"{split}: {len(entries)} articles annotated twice, {scored} scored for orewire")
        for measure in MEASURES:
            rows[measure].append(cell(humans[split], measure) + cell(system, measure))
    for measure, cells in rows.items():
        print(f"{measure:<12}" + "".join(cells))
    print("(P R F1: the second annotation, or orewire, scored against the gold)")
    for line in counts:
        print(line)
    if args.show:
        for measure in MEASURES:
            for line in humans["dev"].tallies[measure].misses:
                print(f"{measure}\t{line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
