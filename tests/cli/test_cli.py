"""The CLI: extract (exit codes 0/1/2, one-line messages, stdin/stdout, kill and --resume) and evaluate."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main

# not imported from conftest: a nested conftest.py (tests/db) takes that module name
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT / "seeds"

OREWIRE = [sys.executable, "-m", "pipeline.cli"]
SMALL_SEED = SEEDS / "011_plain_paragraph.txt"


def run_main(argv: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    return stopped.value.code, capsys.readouterr().err


def corpus(path: Path, count: int) -> Path:
    seeds = sorted(SEEDS.glob("00[1-5]*.txt"))
    paragraphs = [p for seed in seeds for p in seed.read_text("utf-8").split("\n\n") if p.strip()]
    lines = [json.dumps({"id": f"c{n:03d}", "text": "\n\n".join(paragraphs[n % 20 : n % 20 + 3])})
             for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_success_exits_0_with_a_one_line_summary(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)  # file doc_ids are paths relative to the working directory
    out = tmp_path / "f.jsonl"
    code, err = run_main(["extract", str(SMALL_SEED), "-o", str(out), "-w", "1"], capsys)
    assert code == 0
    assert len(err.strip().splitlines()) == 1 and err.startswith("orewire: 1 documents, 0 errors")
    assert "words/s" in err
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert records[0]["type"] == "document" and records[0]["doc_id"] == "seeds/011_plain_paragraph.txt"
    assert (tmp_path / "f.errors.jsonl").read_text() == ""
    assert sorted(os.listdir(tmp_path)) == ["f.errors.jsonl", "f.jsonl"]


def test_bad_input_exits_1_and_writes_the_rest(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "f.jsonl"
    argv = ["extract", str(FIXTURES / "bad"), str(SMALL_SEED), "-o", str(out), "-w", "1", "-q"]
    code, err = run_main(argv, capsys)
    assert (code, err) == (1, "")
    errors = [json.loads(line) for line in (tmp_path / "f.errors.jsonl").read_text("utf-8").splitlines()]
    assert {(record["doc_id"], record["error"]) for record in errors} >= {
        ("fixtures/bad/binary.txt", "E002"), ("fixtures/bad/empty.txt", "E003"),
        ("fixtures/bad/whitespace.txt", "E003"), ("no-text", "E005"), ("ok-1", "E007"),
        ("fixtures/bad/bad_lines.jsonl:2", "E004"),
    }
    assert all(set(record) == {"schema_version", "type", "id", "doc_id", "source", "stage", "error", "message"}
               for record in errors)
    documents = [json.loads(line)["doc_id"] for line in out.read_text("utf-8").splitlines()
                 if json.loads(line)["type"] == "document"]
    expected = {*(f"fixtures/bad/{name}" for name in ("latin1.txt", "cp1252.txt", "utf16.txt", "utf8_bom.txt")),
                "ok-1", "ok-2", "seeds/011_plain_paragraph.txt"}
    assert expected <= set(documents)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "-o", "f.jsonl"], "Missing argument"),
        (["extract", str(SMALL_SEED)], "Missing option '--output' / '-o'"),
        (["extract", "no/such/file.txt", "-o", "f.jsonl"], "input not found: no/such/file.txt"),
        (["extract", str(SMALL_SEED), "-o", "f.jsonl", "--bogus"], "No such option: --bogus"),
        (["extract", str(SMALL_SEED), "-o", "f.jsonl", "--reference-date", "2026-02-30"], "--reference-date must be YYYY-MM-DD"),
        (["extract", str(SMALL_SEED), "-o", "f.jsonl", "--engine", "spark"], "--engine must be local or dask"),
        (["extract", str(SMALL_SEED), "-o", "f.jsonl", "--date-direction", "ahead"],
         "--date-direction must be one of nearest, forward, past"),
        (["extract", str(SMALL_SEED), "-o", "f.jsonl", "--date-windows", "sliding"],
         "--date-windows must be one of rolling, calendar"),
        (["extract", str(SMALL_SEED), "-o", "f.jsonl", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
        (["extract", str(SMALL_SEED), "-o", "-", "--resume"], "--resume needs an output file"),
        (["extract", str(SMALL_SEED), "-o", "f.jsonl", "--workers", "0"], "--workers"),
        (["extract", str(SMALL_SEED), "-o", "f.jsonl", "--model", "xx_no_such_model"], "'xx_no_such_model' is not installed"),
    ],
)
def test_usage_errors_exit_2_with_one_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, err = run_main(argv, capsys)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert os.listdir(tmp_path) == []


def test_stdin_jsonl_to_stdout_leaves_no_files(tmp_path):
    lines = (SEEDS / "012_wire_items.jsonl").read_bytes()
    done = subprocess.run([*OREWIRE, "extract", "-", "-o", "-", "-w", "1"], input=lines, capture_output=True,
                          cwd=tmp_path, timeout=180)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [record["doc_id"] for record in records if record["type"] == "document"][:1] == ["wire-2026-001"]
    assert b"errors: none" in done.stderr and b"Traceback" not in done.stderr
    assert os.listdir(tmp_path) == []


def test_sigkilled_run_resumes_to_identical_output(tmp_path, capsys):
    source = corpus(tmp_path / "corpus.jsonl", 30)
    killed, clean = tmp_path / "killed.jsonl", tmp_path / "clean.jsonl"
    argv = ["extract", str(source), "-w", "1", "--chunk-size", "1", "-q"]
    process = subprocess.Popen([*OREWIRE, *argv, "-o", str(killed)], stderr=subprocess.PIPE)
    journal = Path(f"{killed}.journal")
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert not killed.exists(), "the run finished before it could be killed"
    with open(f"{killed}.partial", "ab") as partial:
        partial.write(b'{"schema_version":"1.0","type":"docu')  # a write cut short by the kill

    code, _ = run_main([*argv, "-o", str(killed), "--resume"], capsys)
    assert code == 0
    code, _ = run_main([*argv, "-o", str(clean)], capsys)
    assert code == 0
    assert killed.read_bytes() == clean.read_bytes()
    assert not journal.exists() and not Path(f"{killed}.partial").exists()
    documents = [line for line in clean.read_text("utf-8").splitlines() if '"type":"document"' in line]
    assert len(documents) == 30


# ---------------------------------------------------------------- the evaluate command

DOC_A = {"type": "document", "doc_id": "a", "id": "a"}
DOC_B = {"type": "document", "doc_id": "b", "id": "b"}
GOLD_ENT = {"type": "entity", "doc_id": "a", "id": "a#entity:0-10", "start": 0, "end": 10, "label": "ORG", "text": "x"}
PRED_ENT = {**GOLD_ENT, "id": "a#entity:0-5", "end": 5}


@pytest.fixture()
def gold_and_pred(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a.jsonl").write_text("\n".join(json.dumps(r) for r in [DOC_A, GOLD_ENT]) + "\n")
    (gold_dir / "b.jsonl").write_text(json.dumps(DOC_B) + "\n\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(r) for r in [DOC_A, PRED_ENT, DOC_B]) + "\n")
    return gold_dir, pred


def test_cli_json_and_fail_under(gold_and_pred, capsys):
    gold_dir, pred = gold_and_pred
    with pytest.raises(SystemExit) as stop:
        main(["evaluate", str(gold_dir), str(pred), "--format", "json", "--fail-under", "entity.lenient=0.9"])
    assert stop.value.code == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"entity", "quantity", "date", "event", "documents"}
    assert out["entity"]["strict"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert out["entity"]["lenient"]["f1"] == 1.0
    with pytest.raises(SystemExit) as stop:
        main(["evaluate", str(gold_dir), str(pred), "--fail-under", "entity=0.9", "--show-errors", "5"])
    assert stop.value.code == 1
    captured = capsys.readouterr()
    assert "entity.strict F1 0.0000 < 0.9" in captured.err
    assert "entity: missed (1, showing 1)" in captured.out


@pytest.mark.parametrize("args", [["--format", "xml"], ["--fail-under", "entity"], ["--texts", "no/such/dir"],
                                  ["--pred-missing"]])
def test_cli_usage_errors_exit_2(gold_and_pred, args, capsys):
    gold_dir, pred = gold_and_pred
    if args == ["--pred-missing"]:
        args, pred = [], pred.with_name("missing.jsonl")
    with pytest.raises(SystemExit) as stop:
        main(["evaluate", str(gold_dir), str(pred), *args])
    assert stop.value.code == 2
    assert capsys.readouterr().err.startswith("orewire: error:")


def test_cli_markdown_with_texts(gold_and_pred, tmp_path, capsys):
    gold_dir, pred = gold_and_pred
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"id": "a", "text": "Lynas Rare earths signed. Other."}) + "\n")
    with pytest.raises(SystemExit) as stop:
        main(["evaluate", str(gold_dir), str(pred), "--format", "markdown", "--texts", str(texts),
              "--show-errors", "1"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "| entity | strict | 0.000 | 0.000 | 0.000 | 0 | 1 | 1 |" in out
    assert "| Lynas Rare earths signed." in out
