"""Event accuracy on the gold fixtures: type-only F1 and (type, agent) F1.

Usage:
    .venv/bin/python benchmarks/events.py [--errors N] [--json]

Every article that has a gold file under ``fixtures/gold/`` is run through the
``Extractor`` (the seed text from ``seeds/``, JSONL seeds by their ``id``) and
scored with ``pipeline.evaluate.evaluate``, the project's one scorer. Matching
is one-to-one per document:

* type-only ("lenient"): same ``event_type``, and the trigger or any mention
  overlapping, or failing that the same sentence (equal evidence text). A
  headline event that was not merged into its body event is therefore a false
  positive, because the gold event is already taken by the body prediction.
* (type, agent): a type-only match whose agents agree (normalised text, or a
  ``ref`` to an entity with the same name, or overlapping offsets); an event
  without an agent matches only one without an agent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import Extractor  # noqa: E402
from pipeline.evaluation.documents import load_records  # noqa: E402
from pipeline.evaluation.metrics import format_score  # noqa: E402
from pipeline.evaluation.scoring import evaluate  # noqa: E402

GOLD = ROOT / "fixtures" / "gold"
SEEDS = ROOT / "seeds"
REFERENCE_DATE = "2026-01-15"


def seed_articles() -> dict[str, dict]:
    """``doc_id -> {"text", "published", "title", ...}`` for every seed article."""
    articles: dict[str, dict] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        articles[path.name] = {"text": path.read_text(encoding="utf-8")}
    for path in sorted(SEEDS.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                item = json.loads(line)
                doc_id = item.get("id") or f"{path.name}:{number}"
                articles[doc_id] = {key: item.get(key) for key in ("text", "published", "title", "url", "source")}
    return articles


def run(*, errors: int = 0) -> dict:
    """Score the pipeline's events against every gold fixture; return the event metrics and timing."""
    gold = [record for path in sorted(GOLD.glob("*.jsonl")) for record in load_records(path)]
    doc_ids = sorted({record["doc_id"] for record in gold})
    articles = seed_articles()
    extractor = Extractor(reference_date=REFERENCE_DATE)
    predicted: list = []
    texts: dict[str, str] = {}
    started = time.perf_counter()
    for doc_id in doc_ids:
        article = articles.get(doc_id)
        if article is None:
            continue
        texts[doc_id] = article["text"]
        predicted.extend(extractor.extract(doc_id=doc_id, **{k: v for k, v in article.items() if v is not None}))
    elapsed = time.perf_counter() - started
    metrics = evaluate(gold, predicted, texts=texts)["event"]
    mismatches = agent_mismatches(gold, [record.model_dump() for record in predicted])
    return {
        "documents": len(doc_ids),
        "seconds": round(elapsed, 2),
        "type_f1": metrics["lenient"],
        "type_agent_f1": metrics["type_agent"],
        "strict_trigger_f1": metrics["strict"],
        "arguments": metrics["arguments"]["all"],
        "by_label": {label: scores["lenient"] for label, scores in metrics["by_label"].items()},
        "errors": {kind: items[:errors] if errors else [] for kind, items in metrics["errors"].items()},
        "agent_mismatches": mismatches[:errors] if errors else [],
    }


def agent_mismatches(gold: list[dict], predicted: list[dict]) -> list[dict]:
    """Same type and evidence but different agent texts (a rough list for reading, not a score)."""
    def agents(record: dict) -> list[str]:
        return sorted(a["text"] for a in record.get("arguments") or [] if a["role"] == "agent")

    out = []
    pred_events = [r for r in predicted if r["type"] == "event"]
    for g in (r for r in gold if r["type"] == "event"):
        same = [p for p in pred_events if p["doc_id"] == g["doc_id"] and p["event_type"] == g["event_type"]
                and " ".join(p["evidence"].split()) == " ".join(g.get("evidence", "").split())]
        if same and all(bool(agents(p)) != bool(agents(g)) or (agents(g) and not set(agents(p)) & set(agents(g)))
                        for p in same):
            out.append({"doc_id": g["doc_id"], "event_type": g["event_type"], "gold": agents(g),
                        "pred": [agents(p) for p in same], "context": g.get("evidence", "")})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="list up to N false positives and negatives")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    options = parser.parse_args()
    result = run(errors=options.errors)
    if options.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return

    def line(name: str, scores: dict) -> str:
        return (f"{name:24s} P={format_score(scores['precision'])} R={format_score(scores['recall'])} "
                f"F1={format_score(scores['f1'])} "
                f"(tp={scores['tp']} fp={scores['fp']} fn={scores['fn']})")

    print(f"events over {result['documents']} gold documents ({result['seconds']}s)")
    print(line("type-only", result["type_f1"]))
    print(line("type+agent", result["type_agent_f1"]))
    print(line("strict trigger", result["strict_trigger_f1"]))
    print(line("arguments", result["arguments"]))
    for label, scores in result["by_label"].items():
        print("  " + line(label, scores))
    for kind, items in result["errors"].items():
        for item in items:
            agents = [text for role, text in item.get("arguments", []) if role == "agent"]
            print(f"{kind[:5].upper()} {item['doc_id'][:12]} {item.get('event_type')} '{item.get('trigger')}'"
                  f" agent={agents} | {str(item.get('context'))[:110]}")
    for item in result["agent_mismatches"]:
        print(f"AGENT {item['doc_id'][:12]} {item['event_type']} gold={item['gold']} pred={item['pred']}"
              f" | {item['context'][:100]}")


if __name__ == "__main__":
    main()
