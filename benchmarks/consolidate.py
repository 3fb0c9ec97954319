"""Benchmark of ``orewire consolidate``: clustering quality on fixtures/archive, and scale.

    python benchmarks/consolidate.py                  # extract + consolidate + score the set
    python benchmarks/consolidate.py --facts F.jsonl  # score, reusing facts extracted before
    python benchmarks/consolidate.py --generate 100000 [--engine dask]

``--generate N`` builds a synthetic fact archive of N articles from the set's facts (new
company names, dates spread in order over four years, scaled numbers; 20 % exact syndicated
copies, 10 % near copies)
and prints the throughput and peak RSS of one ``consolidate`` run over it (in a child
process, so the RSS is consolidate's own).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "archive" / "articles.jsonl"
GOLD = ROOT / "fixtures" / "archive" / "gold.json"
SYLLABLES = "ka ro mi tan vel or du sen bra lio qua zen pol hart mun ek sar vi tor nel".split()


def extract(articles: Path, facts: Path) -> None:
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(articles), "-o", str(facts), "-w", "1", "-q"],
                   check=True, cwd=ROOT)


def score(facts: Path, *, engine: str = "local") -> dict[str, Any]:
    from pipeline.archive.consolidate import consolidate
    from pipeline.archive.scoring import score_archive

    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "archive.jsonl"
        consolidate([str(facts)], str(archive), engine=engine)
        records = [json.loads(line) for line in archive.read_text(encoding="utf-8").splitlines()]
    doc_ids = [json.loads(line)["id"] for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    return score_archive(records, json.loads(GOLD.read_text(encoding="utf-8")), doc_ids)


def _documents(facts: Path) -> list[list[dict[str, Any]]]:
    docs: list[list[dict[str, Any]]] = []
    for line in facts.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["type"] == "document":
            docs.append([record])
        elif docs:
            docs[-1].append(record)
    return docs


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _shift_day(day: str | None, days: int) -> str | None:
    from datetime import date, timedelta

    if not day or not re.match(r"^\d{4}-\d{2}-\d{2}$", day):
        return day
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _variant(template: list[dict[str, Any]], doc_id: str, rng: random.Random, shift: int) -> list[dict[str, Any]]:
    """A new story from a template: new names for organisations, dates moved by ``shift`` days, scaled numbers."""
    old_id = template[0]["doc_id"]
    factor = rng.choice([0.5, 0.8, 1.25, 2, 3, 4])
    names = {r["text"]: f"{_name(rng)} {r['text'].split()[-1]}" for r in template if r.get("label") == "ORG"}
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) if names else None

    def rename(text: str) -> str:
        return pattern.sub(lambda m: names[m.group(0)], text) if pattern and text else text

    out = []
    for record in template:
        record = json.loads(json.dumps(record).replace(f'"{old_id}#', f'"{doc_id}#'))
        record["doc_id"] = doc_id
        if record["type"] == "document":
            record.update(id=doc_id, title=rename(record.get("title") or ""), published=_shift_day(record.get("published"), shift),
                          text_sha256=hashlib.sha256(f"{doc_id}{rng.random()}".encode()).hexdigest(),
                          source=rng.choice(["Wire A", "Wire B", "Daily C", "Journal D", "Brief E"]))
        elif record["type"] == "entity" and record["label"] == "ORG":
            record["text"] = rename(record["text"])
            record["normalized"] = rename(record["normalized"])
        elif record["type"] == "quantity" and record.get("value") is not None:
            record["value"] = record["value"] * factor
            record["text"] = f"{record['value']:g} {record.get('unit_text') or ''}".strip()
        elif record["type"] == "date":
            record["start_date"] = _shift_day(record.get("start_date"), shift)
            record["end_date"] = _shift_day(record.get("end_date"), shift)
        elif record["type"] == "event":
            record["evidence"] = rename(record["evidence"]) + f" ({factor:g}x, {shift:+d}d)"
            for argument in record["arguments"]:
                argument["text"] = rename(argument["text"])
        out.append(record)
    return out


def generate(facts: Path, n: int, output: Path, *, seed: int = 15) -> None:
    """Write a synthetic fact file of ``n`` articles built from the documents of ``facts``."""
    rng = random.Random(seed)
    templates = _documents(facts)
    recent: list[list[dict[str, Any]]] = []
    with output.open("w", encoding="utf-8") as handle:
        for number in range(n):
            doc_id = f"gen{number:07d}"
            roll = rng.random()
            if roll < 0.3 and recent:
                base = rng.choice(recent)
                doc = json.loads(json.dumps(base).replace(f'"{base[0]["doc_id"]}', f'"{doc_id}'))
                doc[0]["source"] = rng.choice(["Wire F", "Daily G", "Journal H"])
                if roll < 0.1:  # a near copy: one word of the title edited
                    doc[0]["title"] = (doc[0]["title"] or "") + " (update)"
                    doc[0]["text_sha256"] = hashlib.sha256(doc_id.encode()).hexdigest()
            else:
                # Articles arrive in rough publication order over four years, as in a real archive.
                shift = number * 1460 // n - 150 + rng.randrange(-3, 4)
                doc = _variant(rng.choice(templates), doc_id, rng, shift)
                recent = (recent + [doc])[-50:]
            for record in doc:
                handle.write(json.dumps(record) + "\n")


def scale(facts: Path, n: int, *, engine: str, workers: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "generated.jsonl"
        started = time.perf_counter()
        generate(facts, n, generated)
        built = time.perf_counter() - started
        archive = Path(folder) / "archive.jsonl"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "consolidate", str(generated), "-o", str(archive), "--engine", engine,
                        "-w", str(workers), "-q"], check=True, cwd=ROOT)
        elapsed = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_mb, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
        counts: dict[str, int] = {}
        for line in archive.open(encoding="utf-8"):
            kind = json.loads(line)["type"]
            counts[kind] = counts.get(kind, 0) + 1
        return {"articles": n, "facts_mb": round(generated.stat().st_size / 2**20, 1), "generate_s": round(built, 1),
                "consolidate_s": round(elapsed, 1), "consolidate_cpu_s": round(cpu, 1),
                "articles_per_s": round(n / elapsed), "peak_rss_mb": round(peak_mb),
                "records": counts, "engine": engine}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--facts", type=Path, help="facts of fixtures/archive extracted before (skips extract)")
    parser.add_argument("--generate", type=int, metavar="N", help="time consolidate on N generated articles")
    parser.add_argument("--engine", default="local", choices=("local", "dask"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        facts = args.facts
        if facts is None:
            facts = Path(folder) / "facts.jsonl"
            extract(ARTICLES, facts)
        if args.generate:
            print(json.dumps(scale(facts, args.generate, engine=args.engine, workers=args.workers), indent=2))
            return
        metrics = score(facts, engine=args.engine)
    for kind in ("article_groups", "event_clusters"):
        pair, cubed = metrics[kind]["pairwise"], metrics[kind]["bcubed"]
        print(f"{kind:15} pairwise P {pair['precision']:.3f} R {pair['recall']:.3f} F1 {pair['f1']:.3f}"
              f" | B-cubed P {cubed['precision']:.3f} R {cubed['recall']:.3f} F1 {cubed['f1']:.3f}")
    print("missed by extraction:", ", ".join(metrics["event_clusters"]["missed_by_extraction"]) or "none")


if __name__ == "__main__":
    main()
