"""Sentence links of the real-news dev gold (fixtures/realnews/links) and the outcomes benchmarks/event_sentences.py
sorts each linked gold event into, on records of our own."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from benchmarks.event_sentences import LINKS, article_outcomes, event_outcome, read_links
from benchmarks.link_events import parse_links, sentences
from benchmarks.realnews import default_cache, read_manifest
from pipeline.evaluation.facts import GoldEntity, GoldEvent

TEXT = "Marlin Metals signs a supply deal with Kestrel. Prices rose. Kestrel opens a plant."
FIRST = [0, TEXT.index("Prices")]  # the first sentence's offsets
DEAL = GoldEvent(kind="event", event_type="supply_agreement", agents=["Marlin Metals"])
MARLIN = {"id": "d#entity:0-13", "type": "entity", "text": "Marlin Metals", "normalized": "Marlin Metals"}


def record(event_type: str, start: int, agent: dict | None = None) -> dict:
    arguments = [{"role": "agent", "text": agent["text"], "ref": agent["id"]}] if agent else []
    return {"type": "event", "event_type": event_type, "trigger": {"start": start, "end": start + 4},
            "mentions": [{"start": start, "end": start + 4}], "arguments": arguments}


ACCEPTABLE = frozenset({"marlin metals"})
ENTITIES = {MARLIN["id"]: MARLIN}


@pytest.mark.parametrize(("records", "expected"), [
    ([record("supply_agreement", TEXT.index("signs"), MARLIN)], "right"),
    ([record("supply_agreement", TEXT.index("signs"))], "agent"),
    ([record("investment", TEXT.index("signs"), MARLIN)], "type"),
    ([record("supply_agreement", TEXT.index("opens"), MARLIN)], "none"),  # the right record, in another sentence
    ([], "none"),
])
def test_a_gold_event_is_sorted_by_the_records_in_its_stating_sentences(records, expected):
    assert event_outcome(DEAL, ACCEPTABLE, [FIRST], records, ENTITIES) == expected


def test_an_event_no_sentence_states_is_unlinked():
    assert event_outcome(DEAL, ACCEPTABLE, [], [record("supply_agreement", 0, MARLIN)], ENTITIES) == "unlinked"


def test_records_outside_every_stating_sentence_are_counted():
    gold = [GoldEntity(kind="entity", label="ORG", name="Marlin Metals"), DEAL]
    links = [{"event": 0, "event_type": "supply_agreement", "sentences": [FIRST]}]
    records = [MARLIN, record("supply_agreement", TEXT.index("signs"), MARLIN), record("price_movement", TEXT.index("rose"))]
    outcomes, count, outside = article_outcomes(gold, links, records)
    assert outcomes == [("supply_agreement", "right")] and (count, outside) == (2, 1)


def test_links_that_do_not_follow_the_gold_are_refused():
    links = [{"event": 0, "event_type": "investment", "sentences": [FIRST]}]
    with pytest.raises(ValueError):
        article_outcomes([DEAL], links, [])


def _link_files() -> list[Path]:
    return sorted(LINKS.glob("*.jsonl"))


@pytest.mark.parametrize("path", _link_files(), ids=lambda path: path.stem)
def test_every_links_file_is_a_dev_article_whose_gold_events_it_follows(path):
    entry = {e["id"]: e for e in read_manifest()}[path.stem]
    assert entry["split"] == "dev"  # the test half is never read, so it is never linked
    links = read_links(path.stem)
    gold = Path(LINKS.parent / "gold" / f"{path.stem}.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in gold if line.strip() and json.loads(line)["kind"] == "event"]
    assert [link["event"] for link in links] == list(range(len(events)))
    assert [link["event_type"] for link in links] == [event["event_type"] for event in events]
    assert {link["text_sha256"] for link in links} == {entry["sha256"]}
    for link in links:
        spans = link["sentences"]
        assert all(0 <= start < end <= entry["chars"] for start, end in spans)
        assert spans == sorted(spans)
    cached = default_cache() / f"{path.stem}.txt"
    if cached.is_file() and hashlib.sha256(cached.read_bytes()).hexdigest() == entry["sha256"]:
        length = len(cached.read_text(encoding="utf-8"))
        assert all(end <= length for link in links for _, end in link["sentences"])


def test_sentences_are_numbered_line_by_line():
    text = "Marlin Metals Extends Offtake\n\nThe deal runs to 2031. Kestrel buys the ore.\n"
    assert [text[start:end] for start, end in sentences(text)] == [
        "Marlin Metals Extends Offtake", "The deal runs to 2031.", "Kestrel buys the ore."]


def test_a_link_spec_must_name_every_event_and_real_sentences():
    assert parse_links("E0:3,1;E1:-", events=2, spans=4) == {0: [1, 3], 1: []}
    with pytest.raises(ValueError):
        parse_links("E0:3", events=2, spans=4)
    with pytest.raises(ValueError):
        parse_links("E0:9;E1:-", events=2, spans=4)
