"""Where events are lost, sentence by sentence, on the real-news DEV half (the test half has no links).

``fixtures/realnews/links/<id>.jsonl`` ties each gold event of a dev article to the sentences that state it
(character offsets into the cached text, checked against the text's sha256; no text is stored). For every
linked gold event this script looks at orewire's event records whose trigger or a mention lies in one of those
sentences and sorts the event into one outcome:

- ``right``: a record of the gold type there carries an acceptable agent (or none, when the gold names none);
- ``agent``: a record of the gold type is there, with another agent or none;
- ``type``: records are there, none of the gold type (a confusion between types);
- ``none``: no record in any stating sentence (the trigger was missed, filtered or dropped);
- ``unlinked``: the annotator found no sentence that states the event.

It also counts records whose trigger lies in no stating sentence of any gold event of their article (false
alarms, or events the gold leaves out). The outcomes say which component a gain must come from: the trigger
rules and filters (``none``), typing (``type``) or the actor rules (``agent``).

    python benchmarks/event_sentences.py                 # all linked dev articles
    python benchmarks/event_sentences.py --by-type       # outcomes per gold event type
    python benchmarks/event_sentences.py --show none     # the stating sentences of the events lost that way
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_text, default_cache, manifest_article, read_gold, read_manifest  # noqa: E402
from pipeline import Extractor  # noqa: E402
from pipeline.evaluation.facts import GoldEntity, GoldEvent, acceptable_agents, event_agents  # noqa: E402

LINKS = ROOT / "fixtures" / "realnews" / "links"
OUTCOMES = ("right", "agent", "type", "none", "unlinked")


def read_links(article_id: str, folder: Path = LINKS) -> list[dict[str, Any]]:
    """The link lines of one article, in gold-event order."""
    path = folder / f"{article_id}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _inside(offset: int, spans: Sequence[Sequence[int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _positions(record: Mapping[str, Any]) -> list[int]:
    """Where the record's trigger and its other mentions start."""
    starts = [record["trigger"]["start"]]
    starts.extend(mention["start"] for mention in record.get("mentions") or [])
    return starts


def event_outcome(event: GoldEvent, acceptable: frozenset[str], spans: Sequence[Sequence[int]],
                  records: Sequence[Mapping[str, Any]], entities: Mapping[str, Mapping[str, Any]]) -> str:
    """The outcome of one gold event given the sentences that state it (see the module docstring)."""
    if not spans:
        return "unlinked"
    there = [record for record in records if any(_inside(start, spans) for start in _positions(record))]
    if not there:
        return "none"
    typed = [record for record in there if record["event_type"] == event.event_type]
    if not typed:
        return "type"
    for record in typed:
        agents = event_agents(record, entities)
        if (not event.agents and not agents) or (event.agents and agents & acceptable):
            return "right"
    return "agent"


def article_outcomes(gold: Sequence[Any], links: Sequence[Mapping[str, Any]],
                     records: Sequence[Mapping[str, Any]]) -> tuple[list[tuple[str, str]], int, int]:
    """(gold type, outcome) per gold event, the number of event records, and how many lie in no stating sentence."""
    outcomes, count, outside = _article_outcomes(gold, links, records)
    return [(event.event_type, outcome) for event, outcome in outcomes], count, outside


def _article_outcomes(gold: Sequence[Any], links: Sequence[Mapping[str, Any]],
                      records: Sequence[Mapping[str, Any]]) -> tuple[list[tuple[GoldEvent, str]], int, int]:
    events = [fact for fact in gold if isinstance(fact, GoldEvent)]
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    if len(events) != len(links) or any(
            link["event_type"] != event.event_type for link, event in zip(links, events, strict=True)):
        raise ValueError("the links do not follow the gold file's events")
    entities = {record["id"]: record for record in records if record.get("type") == "entity"}
    event_records = [record for record in records if record.get("type") == "event"]
    outcomes = [(event, event_outcome(event, acceptable_agents(event, gold_entities), link["sentences"],
                                                 event_records, entities))
                for event, link in zip(events, links, strict=True)]
    stated = [span for link in links for span in link["sentences"]]
    outside = sum(not any(_inside(start, stated) for start in _positions(record)) for record in event_records)
    return outcomes, len(event_records), outside


def _show(article_id: str, event: GoldEvent, spans: Sequence[Sequence[int]], text: str,
          records: Sequence[Mapping[str, Any]]) -> None:
    """One lost event: its gold, its stating sentences and the event records written in them."""
    print(f"{article_id} {event.event_type} agents={list(event.agents)} commodity={event.commodity}")
    for start, end in spans:
        print("   |", " ".join(text[start:end].split())[:300])
        for record in records:
            if record.get("type") == "event" and any(_inside(offset, [(start, end)]) for offset in _positions(record)):
                agents = [argument["text"] for argument in record["arguments"] if argument["role"] == "agent"]
                print(f"   -> {record['event_type']} trigger={record['trigger']['text']!r} agents={agents}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--by-type", action="store_true", help="outcomes per gold event type")
    parser.add_argument("--show", choices=OUTCOMES, help="print the stating sentences of the events with this outcome")
    args = parser.parse_args()
    entries = [entry for entry in read_manifest()
               if entry["split"] == "dev" and (LINKS / f"{entry['id']}.jsonl").is_file()]
    articles, links, texts = [], {}, {}
    for entry in entries:
        text = cached_text(entry, args.cache)
        if text is None:
            continue
        article_links = read_links(entry["id"])
        if any(link["text_sha256"] != hashlib.sha256(text.encode()).hexdigest() for link in article_links):
            print(f"skip {entry['id']}: links made on another text", file=sys.stderr)
            continue
        links[entry["id"]] = article_links
        texts[entry["id"]] = text
        articles.append(manifest_article(entry, text))
    if not articles:
        print("no linked dev article in the cache (docs/realnews.md says how to bring the texts back)")
        return 0
    totals: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    records = outside = 0
    for extraction in Extractor().extract_many(articles):
        dumped = [record.model_dump(mode="json") for record in extraction.records]
        article_links = links[extraction.doc_id]
        outcomes, count, unstated = _article_outcomes(read_gold(extraction.doc_id), article_links, dumped)
        records, outside = records + count, outside + unstated
        for (event, outcome), link in zip(outcomes, article_links, strict=True):
            totals[outcome] += 1
            per_type[event.event_type][outcome] += 1
            if outcome == args.show:
                _show(extraction.doc_id, event, link["sentences"], texts[extraction.doc_id], dumped)
    events = sum(totals.values())
    print(f"{len(articles)} linked dev articles, {events} gold events, {records} event records")
    for outcome in OUTCOMES:
        print(f"  {outcome:<9} {totals[outcome]:>4}  {totals[outcome] / max(events, 1):.3f}")
    print(f"  records in no stating sentence: {outside} of {records} ({outside / max(records, 1):.3f})")
    if args.by_type:
        print("\n" + "gold type".ljust(24) + "".join(outcome.rjust(9) for outcome in OUTCOMES))
        for event_type in sorted(per_type):
            row = per_type[event_type]
            print(event_type.ljust(24) + "".join(str(row[outcome]).rjust(9) for outcome in OUTCOMES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
