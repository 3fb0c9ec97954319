"""Score the real-news set part by part, so a session sees whether its rules carry over to text nobody read.

A rule round fixes what it reads; the question that counts is whether the same change moves text no one read. The
set's batches are read in turn (fixtures/realnews/parts.json records which session read a batch's dev half, which
used it as its held-out check, and which never saw it), so one run of orewire over the cached texts, scored per part
and half, answers it. Save a run with ``--save`` at a session's start and compare the end with ``--compare``:

    python benchmarks/realnews_parts.py --save /tmp/start.json          # the code as the session found it
    python benchmarks/realnews_parts.py --compare /tmp/start.json       # start -> now, per part

Only aggregate scores are printed: no misses, never for any half (use realnews.py --show-misses on the dev half).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import (  # noqa: E402
    REALNEWS,
    SPLITS,
    TABLE_ROWS,
    cached_articles,
    default_cache,
    id_range,
    read_gold,
    read_manifest,
)
from pipeline import Extractor  # noqa: E402
from pipeline.evaluation.facts import FactReport  # noqa: E402

PARTS = REALNEWS / "parts.json"
SHORT_NAMES = {"entity": "entity", "entity_any_label": "any label", "quantity": "quantity", "date": "date",
               "event": "event", "event_type": "type"}


@dataclass(frozen=True)
class Part:
    """One batch range of the set and what the sessions did with its dev half."""

    first: int
    last: int
    annotated_in: int
    dev_held_out_in: int | None
    dev_read_from: int | None

    @property
    def name(self) -> str:
        """The part's id range as printed ("rn01-rn38")."""
        return f"rn{self.first:02d}-rn{self.last}"

    def holds(self, article_id: str) -> bool:
        """Whether the article (``rnNN``) falls in this part's range."""
        return self.first <= int(article_id.removeprefix("rn")) <= self.last

    def status(self, split: str, session: int) -> str:
        """What ``session`` was allowed to do with this half: read, held-out (scored only) or unseen."""
        if split == "dev" and self.dev_read_from is not None and self.dev_read_from <= session:
            return "read"
        if split == "dev" and self.dev_held_out_in == session:
            return "held-out"
        return "unseen"


def read_parts(path: Path = PARTS) -> list[Part]:
    """The parts listed in ``parts.json``, in file order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Part(first=item["first"], last=item["last"], annotated_in=item["annotated_in"],
                 dev_held_out_in=item["dev_held_out_in"], dev_read_from=item["dev_read_from"])
            for item in data["parts"]]


def latest_session(parts: list[Part]) -> int:
    """The last session the parts mention (annotating, holding out or reading a batch): the current one."""
    return max(max(part.annotated_in, part.dev_held_out_in or 0, part.dev_read_from or 0) for part in parts)


def read_dev_ids(parts: list[Part] | None = None) -> str:
    """The ids whose dev half the current session may read, as one range ("rn01-rn598"), from ``parts.json``.

    The measuring scripts (trigger, entity and span buckets, surplus events) default to it and refuse ids past it, so
    opening a batch for reading is one edit of ``parts.json``. The read parts must run on from rn01 without a gap.
    """
    parts = read_parts() if parts is None else parts
    session = latest_session(parts)
    read = sorted((part for part in parts if part.status("dev", session) == "read"), key=lambda part: part.first)
    if not read or read[0].first != 1 or any(later.first != earlier.last + 1 for earlier, later in itertools.pairwise(read)):
        raise ValueError("the read dev parts of parts.json do not run on from rn01 without a gap")
    return f"rn01-rn{read[-1].last}"


def read_dev_parser(description: str) -> argparse.ArgumentParser:
    """The arguments every read-dev-half measuring script shares: ``--cache``, ``--ids`` (default the read dev half),
    ``--records`` (a saved run to reuse, or where to save one) and ``--decide``; ``read_dev_range`` checks ``--ids``."""
    read_ids = read_dev_ids()
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cache", type=Path, default=None, help="folder of <id>.txt texts [env OREWIRE_REALNEWS_CACHE]")
    parser.add_argument("--ids", default=read_ids, help=f"read dev ids (default {read_ids})")
    parser.add_argument("--records", type=Path, default=None, help="pickle of a run's output to reuse (or save)")
    parser.add_argument("--decide", action="store_true", help="print the decision rule's entries (JSON)")
    return parser


def read_dev_range(parser: argparse.ArgumentParser, ids: str) -> range:
    """``ids`` as a range, the parser's error when it reaches outside the read dev half."""
    wanted, read = id_range(ids), id_range(read_dev_ids())
    if wanted.start < read.start or wanted.stop > read.stop:
        parser.error(f"only the read dev half ({read_dev_ids()}) may be measured here")
    return wanted


def part_scores(parts: list[Part], outputs: dict[str, list[dict[str, Any]]], split_of: dict[str, str],
                ) -> dict[str, dict[str, Any]]:
    """F1 per measure, article count and share of events without agent, for each part and half."""
    scores: dict[str, dict[str, Any]] = {}
    for part in parts:
        for split in SPLITS:
            report = FactReport()
            ids = sorted(doc_id for doc_id in outputs if part.holds(doc_id) and split_of[doc_id] == split)
            for doc_id in ids:
                report.add_document(doc_id, read_gold(doc_id), outputs[doc_id])
            summary = report.summary()
            scores[f"{part.name} {split}"] = {
                "articles": len(ids), "events_without_agent": summary["events_without_agent"],
                **{measure: report.tallies[measure].scores()["f1"] for measure in TABLE_ROWS}}
    return scores


def format_row(now: dict[str, Any], before: dict[str, Any] | None) -> str:
    """One table row of F1 cells, each "before->now" when a saved run is given."""
    cells = []
    for measure in TABLE_ROWS:
        value = now[measure]
        cells.append(f"{value:.3f}" if before is None else f"{before[measure]:.3f}->{value:.3f}")
    return "  ".join(f"{cell:>12}" for cell in cells)


def print_table(parts: list[Part], scores: dict[str, dict[str, Any]], session: int,
                before: dict[str, dict[str, Any]] | None) -> None:
    """Print the per-part table, parts without cached articles left out."""
    print(f"per part, as seen by session {session} (read: misses read; held-out: scored only; unseen: neither)")
    print(f"{'part':<21}{'status':<10}{'n':>4}  " + "  ".join(f"{SHORT_NAMES[m]:>12}" for m in TABLE_ROWS))
    for part in parts:
        for split in SPLITS:
            key = f"{part.name} {split}"
            if scores[key]["articles"] == 0:
                continue
            previous = before.get(key) if before else None
            print(f"{key:<21}{part.status(split, session):<10}{scores[key]['articles']:>4}  "
                  + format_row(scores[key], previous))


def main() -> int:
    parser = argparse.ArgumentParser(description="Score the real-news set per batch and half (aggregates only).")
    parser.add_argument("--cache", type=Path, default=None, help="folder of <id>.txt texts [env OREWIRE_REALNEWS_CACHE]")
    parser.add_argument("--session", type=int, default=None, help="label the parts as this session saw them "
                        "(default: the latest session in parts.json)")
    parser.add_argument("--save", type=Path, default=None, help="write the per-part scores to this JSON file")
    parser.add_argument("--compare", type=Path, default=None, help="print before->now against a saved JSON file")
    args = parser.parse_args()
    parts = read_parts()
    cache = args.cache or default_cache()
    manifest = read_manifest()
    articles = cached_articles(manifest, cache)
    if not articles:
        print(f"real-news cache absent at {cache}: nothing scored (see docs/realnews.md)")
        return 0
    outputs = {extraction.doc_id: [record.model_dump(mode="json") for record in extraction.records]
               for extraction in Extractor().extract_many(articles)}
    scores = part_scores(parts, outputs, {entry["id"]: entry["split"] for entry in manifest})
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    print_table(parts, scores, args.session or latest_session(parts), before)
    if args.save:
        args.save.write_text(json.dumps(scores, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
