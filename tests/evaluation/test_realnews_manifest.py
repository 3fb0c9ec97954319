"""The real-news set's manifest and gold are well formed, and no reserved page is in it."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from pipeline.evaluation.facts import GoldEvent, parse_gold_line

ROOT = Path(__file__).resolve().parents[2]
REALNEWS = ROOT / "fixtures" / "realnews"
# The shared list beside the checkout is the source; the repository keeps a copy of the hashes (no
# URLs, no text) so a checkout on its own, as CI has it, still runs the check.
SHARED_RESERVED = ROOT.parent / "shared" / "reserved-urls.sha256"
RESERVED_COPY = REALNEWS / "reserved-urls.sha256"
RESERVED = SHARED_RESERVED if SHARED_RESERVED.is_file() else RESERVED_COPY
FIELDS = {"id", "url", "outlet", "query", "rank", "corpus", "published", "sha256", "chars", "split", "annotated_before_run"}


def manifest() -> list[dict]:
    return [json.loads(line) for line in (REALNEWS / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def normalised_url(url: str) -> str:
    """The reserved list's normalisation: lower-case; no scheme, leading www., query, fragment or trailing /."""
    text = url.strip().lower()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.removeprefix("www.")
    text = text.split("#", 1)[0].split("?", 1)[0]
    return text.rstrip("/")


def test_normalisation_matches_the_reserved_files_example() -> None:
    assert normalised_url("https://www.Example.com/a/b/?x=1") == "example.com/a/b"


def test_no_reserved_page_is_in_the_manifest() -> None:
    if not RESERVED.is_file():
        pytest.skip(f"{RESERVED} is absent: cannot check reserved pages")
    reserved = {line.strip() for line in RESERVED.read_text().splitlines() if line.strip() and not line.startswith("#")}
    assert reserved, "the reserved list parsed to nothing"
    used = {hashlib.sha256(normalised_url(entry["url"]).encode()).hexdigest(): entry["id"] for entry in manifest()}
    assert sorted(used[digest] for digest in reserved & used.keys()) == []


def test_the_repository_copy_of_the_reserved_list_is_current() -> None:
    if not SHARED_RESERVED.is_file():
        pytest.skip(f"{SHARED_RESERVED} is absent: the repository copy is checked against the manifest alone")
    assert RESERVED_COPY.read_bytes() == SHARED_RESERVED.read_bytes()


def test_manifest_lines_are_complete_and_unique() -> None:
    entries = manifest()
    assert len(entries) >= 40
    for entry in entries:
        assert set(entry) == FIELDS, entry["id"]
        assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["published"])
        assert entry["split"] in {"dev", "test"} and entry["annotated_before_run"] is True
    assert len({entry["id"] for entry in entries}) == len(entries)
    assert len({normalised_url(entry["url"]) for entry in entries}) == len(entries)
    assert len({entry["outlet"] for entry in entries}) >= 10
    splits = [entry["split"] for entry in entries]
    assert abs(splits.count("dev") - splits.count("test")) <= 2


def test_every_article_has_valid_offset_free_gold() -> None:
    for entry in manifest():
        lines = (REALNEWS / "gold" / f"{entry['id']}.jsonl").read_text(encoding="utf-8").splitlines()
        facts = [parse_gold_line(json.loads(line)) for line in lines if line.strip()]
        assert facts, entry["id"]
        assert not any("start" in json.loads(line) or "end" in json.loads(line) for line in lines if line.strip())
        assert all(len(fact.note or "") <= 120 for fact in facts if isinstance(fact, GoldEvent)), "notes are ours and short"


def test_gold_files_belong_to_manifest_entries() -> None:
    ids = {entry["id"] for entry in manifest()}
    assert {path.stem for path in (REALNEWS / "gold").glob("*.jsonl")} == ids


def test_second_annotations_are_valid_gold_of_manifest_articles() -> None:
    ids = {entry["id"] for entry in manifest()}
    seconds = sorted((REALNEWS / "second").glob("*.jsonl"))
    assert seconds, "the agreement sample (benchmarks/agreement.py) is in the repository"
    for path in seconds:
        assert path.stem in ids
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        facts = [parse_gold_line(line) for line in lines]
        assert facts and not any("start" in line or "end" in line for line in lines), path.stem
        assert all(len(fact.note or "") <= 120 for fact in facts if isinstance(fact, GoldEvent)), path.stem


# A run of this many words shared with the article is a copied sentence, not a note of our own.
COPIED_RUN_WORDS = 8
CACHE = Path(os.environ.get("OREWIRE_REALNEWS_CACHE") or Path.home() / ".cache" / "orewire" / "realnews")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_event_notes_copy_no_run_of_the_article() -> None:
    cached = [entry for entry in manifest() if (CACHE / f"{entry['id']}.txt").is_file()]
    if not cached:
        pytest.skip(f"real-news cache absent at {CACHE}: notes are checked where the texts are")
    copied = []
    for entry in cached:
        words = _words((CACHE / f"{entry['id']}.txt").read_text(encoding="utf-8"))
        runs = {tuple(words[i : i + COPIED_RUN_WORDS]) for i in range(len(words) - COPIED_RUN_WORDS + 1)}
        annotations = [REALNEWS / folder / f"{entry['id']}.jsonl" for folder in ("gold", "second")]
        lines = [line for path in annotations if path.is_file() for line in path.read_text(encoding="utf-8").splitlines()]
        for line in lines:
            note = _words(json.loads(line).get("note") or "") if line.strip() else []
            if any(tuple(note[i : i + COPIED_RUN_WORDS]) in runs for i in range(len(note) - COPIED_RUN_WORDS + 1)):
                copied.append(entry["id"])
    assert not copied, f"event notes repeating the article's words: {copied}"


SILVER = REALNEWS / "silver" / "manifest.jsonl"
SILVER_FIELDS = {"id", "url", "outlet", "query", "rank", "corpus", "published", "sha256", "chars"}


def silver_manifest() -> list[dict]:
    return [json.loads(line) for line in SILVER.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_silver_pool_is_unique_reserved_free_and_apart_from_the_gold_set() -> None:
    """The silver pool (read by eye for precision, never scored) shares no page with the gold set or the reserved list."""
    entries = silver_manifest()
    assert entries and all(set(entry) == SILVER_FIELDS for entry in entries)
    urls = {normalised_url(entry["url"]) for entry in entries}
    assert len(urls) == len(entries) == len({entry["id"] for entry in entries})
    assert not urls & {normalised_url(entry["url"]) for entry in manifest()}
    if RESERVED.is_file():
        reserved = {line.strip() for line in RESERVED.read_text().splitlines() if line.strip() and not line.startswith("#")}
        assert not reserved & {hashlib.sha256(url.encode()).hexdigest() for url in urls}
