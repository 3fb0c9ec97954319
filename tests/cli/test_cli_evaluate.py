"""``orewire evaluate`` over globs of gold and predicted files, restricted with ``--docs``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main


def entity(doc_id: str, start: int, end: int) -> dict:
    return {"type": "entity", "doc_id": doc_id, "id": f"{doc_id}#entity:{start}-{end}", "start": start, "end": end,
            "label": "ORG", "text": "x" * (end - start)}


def write(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(record) + "\n" for record in records), "utf-8")


@pytest.fixture()
def runs(tmp_path) -> Path:
    """Gold and pred for three documents in per-document files: seeds/a and seeds/b right, news/c wrong."""
    for doc_id, pred_end in (("seeds/a.txt", 5), ("seeds/b.txt", 5), ("news/c.txt", 3)):
        name = doc_id.replace("/", "_")
        document = {"type": "document", "doc_id": doc_id, "id": doc_id}
        write(tmp_path / "gold" / f"{name}.jsonl", [document, entity(doc_id, 0, 5)])
        write(tmp_path / "pred" / f"{name}.jsonl", [document, entity(doc_id, 0, pred_end)])
    write(tmp_path / "pred" / "notes.txt.jsonl.bak", [])
    return tmp_path


def scores(argv: list[str], capsys) -> dict:
    with pytest.raises(SystemExit) as stop:
        main(["evaluate", *argv, "--format", "json"])
    assert stop.value.code == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_globs_name_the_files_to_score(runs, capsys):
    everything = scores([str(runs / "gold"), str(runs / "pred")], capsys)
    assert everything["entity"]["strict"]["tp"] == 2 and everything["entity"]["strict"]["fp"] == 1
    globbed = scores([str(runs / "gold" / "*.jsonl"), str(runs / "pred" / "*.jsonl")], capsys)
    assert globbed["entity"] == everything["entity"]
    seeds_only = scores([str(runs / "gold" / "seeds_*.jsonl"), str(runs / "pred" / "seeds_*.jsonl")], capsys)
    assert seeds_only["entity"]["strict"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    recursive = scores([str(runs / "**" / "gold"), str(runs / "pred" / "seeds_a*")], capsys)
    assert recursive["entity"]["strict"]["tp"] == 1 and recursive["entity"]["strict"]["fn"] == 2


@pytest.mark.parametrize(("docs", "tp", "fp"), [
    ("seeds/a.txt", 1, 0),
    ("seeds/a.txt,news/c.txt", 1, 1),
    ("seeds/*", 2, 0),
    ("news/*, seeds/b.txt", 1, 1),
])
def test_docs_restricts_scoring_to_the_named_documents(runs, capsys, docs, tp, fp):
    result = scores([str(runs / "gold"), str(runs / "pred"), "--docs", docs], capsys)
    assert (result["entity"]["strict"]["tp"], result["entity"]["strict"]["fp"]) == (tp, fp)
    assert result["entity"]["strict"]["fn"] == fp  # the wrong span of news/c is a miss as well as a false alarm


@pytest.mark.parametrize(("gold", "pred", "extra", "message"), [
    ("gold/*.json", "pred", [], "no file matches"),
    ("gold", "pred/nothing-*", [], "no file matches"),
    ("gold", "pred", ["--docs", "archive/*"], "--docs 'archive/*' matches no doc_id"),
])
def test_globs_and_docs_that_match_nothing_exit_2(runs, capsys, gold, pred, extra, message):
    with pytest.raises(SystemExit) as stop:
        main(["evaluate", str(runs / gold), str(runs / pred), *extra])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and message in err and len(err.strip().splitlines()) == 1
