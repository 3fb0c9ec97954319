"""Link the gold events of a real-news DEV article to the sentences that state them (fixtures/realnews/links).

    python benchmarks/link_events.py show ID        the cached text's numbered sentences, then the gold events
    python benchmarks/link_events.py save ID 'E0:3,7;E1:4;E2:-'
        event number: the sentences that state it ('-': no one sentence states it)

Writes ``fixtures/realnews/links/ID.jsonl`` (format in fixtures/realnews/FORMAT.md): character offsets into the
cached text and its sha256, no text. Refuses test-half ids: the test half is never read. Sentences are numbered
by spaCy's rule-based sentencizer, line by line, so the numbering needs no statistical model and no orewire run.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import default_cache, read_manifest  # noqa: E402

LINKS = ROOT / "fixtures" / "realnews" / "links"
GOLD = ROOT / "fixtures" / "realnews" / "gold"
LINE = re.compile(r"[^\n]+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Offsets of the text's sentences: each line cut by spaCy's sentencizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    found = []
    for line in LINE.finditer(text):
        for sentence in nlp(line.group()).sents:
            start, end = line.start() + sentence.start_char, line.start() + sentence.end_char
            if text[start:end].strip():
                found.append((start, end))
    return found


def gold_events(article_id: str) -> list[dict[str, Any]]:
    lines = (GOLD / f"{article_id}.jsonl").read_text(encoding="utf-8").splitlines()
    return [fact for fact in map(json.loads, filter(str.strip, lines)) if fact["kind"] == "event"]


def parse_links(spec: str, events: int, spans: int) -> dict[int, list[int]]:
    """'E0:3,7;E1:-' as {event: [sentence numbers]}; every event must be given, every number must exist."""
    links: dict[int, list[int]] = {}
    for part in filter(None, (piece.strip() for piece in spec.split(";"))):
        event_text, numbers = part.split(":")
        event = int(event_text.lstrip("E"))
        chosen = [] if numbers.strip() == "-" else [int(number) for number in numbers.split(",")]
        if not 0 <= event < events or any(not 0 <= number < spans for number in chosen):
            raise ValueError(f"no such event or sentence in {part!r}")
        links[event] = sorted(chosen)
    if missing := [event for event in range(events) if event not in links]:
        raise ValueError(f"link every event; missing {missing}")
    return links


def main() -> int:
    command, article_id = sys.argv[1], sys.argv[2]
    entry = {entry["id"]: entry for entry in read_manifest()}.get(article_id)
    if entry is None or entry["split"] != "dev":
        sys.exit(f"refused {article_id}: only dev articles are linked")
    text = (default_cache() / f"{article_id}.txt").read_text(encoding="utf-8")
    spans, events = sentences(text), gold_events(article_id)
    if command == "show":
        for number, (start, end) in enumerate(spans):
            print(f"[{number}] {text[start:end]}")
        for number, event in enumerate(events):
            print(f"E{number}: {event['event_type']} agents={event['agents']} note={event.get('note')}")
        return 0
    links = parse_links(sys.argv[3], len(events), len(spans))
    digest = hashlib.sha256(text.encode()).hexdigest()
    LINKS.mkdir(exist_ok=True)
    with (LINKS / f"{article_id}.jsonl").open("w", encoding="utf-8") as out:
        for number, event in enumerate(events):
            out.write(json.dumps({"event": number, "event_type": event["event_type"],
                                  "sentences": [list(spans[i]) for i in links[number]], "text_sha256": digest}) + "\n")
    print(f"linked {len(events)} events of {article_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
