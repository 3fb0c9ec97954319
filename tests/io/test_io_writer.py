"""The writer: documents written whole, atomic output, a journal that makes --resume exact."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from pipeline.article.extractor import Extraction, error_record
from pipeline.errors import ErrorCode, OrewireError, UsageError
from pipeline.io.writer import RecordWriter, Rendered, default_errors_path, journal_path, read_journal, render


def outcome(n: int) -> Rendered:
    """A fake article outcome: every third one failed."""
    doc_id = f"d{n}"
    if n % 3 == 2:
        error = error_record(doc_id, "src", "read", OrewireError(ErrorCode.E003_EMPTY))
        return render(Extraction(doc_id=doc_id, error=error))
    lines = "".join(json.dumps({"doc_id": doc_id, "type": kind, "n": n}) + "\n" for kind in ("document", "entity"))
    return Rendered(doc_id, lines=lines.encode(), counts={"entity": 1}, words=10)


def clean_run(tmp_path, count: int) -> tuple[bytes, bytes]:
    out, err = tmp_path / "clean.jsonl", tmp_path / "clean.errors.jsonl"
    with RecordWriter(str(out), str(err)) as writer:
        for n in range(count):
            writer.write(outcome(n))
    return out.read_bytes(), err.read_bytes()


def test_output_appears_only_when_the_run_completes(tmp_path):
    out, err = tmp_path / "o.jsonl", tmp_path / "o.errors.jsonl"
    with RecordWriter(str(out), str(err)) as writer:
        writer.write(outcome(0))
        assert not out.exists() and (tmp_path / "o.jsonl.partial").exists()
        assert os.path.exists(journal_path(str(out)))
    assert out.exists() and err.exists()
    assert not (tmp_path / "o.jsonl.partial").exists() and not os.path.exists(journal_path(str(out)))
    assert (writer.documents, writer.failed, writer.words, dict(writer.counts)) == (1, 0, 10, {"entity": 1})


def test_failed_run_keeps_partials_for_resume(tmp_path):
    out = tmp_path / "o.jsonl"
    with pytest.raises(RuntimeError), RecordWriter(str(out), str(tmp_path / "e.jsonl")) as writer:
        writer.write(outcome(0))
        raise RuntimeError("boom")
    assert not out.exists() and (tmp_path / "o.jsonl.partial").exists()
    assert read_journal(journal_path(str(out))).items == 1


def test_errors_go_to_the_errors_file(tmp_path):
    data, errors = clean_run(tmp_path, 6)
    assert [json.loads(line)["doc_id"] for line in errors.splitlines()] == ["d2", "d5"]
    assert json.loads(errors.splitlines()[0]) == {
        "schema_version": "2.0", "id": "d2#error:read", "doc_id": "d2", "type": "error", "source": "src",
        "stage": "read", "error": "E003", "message": "article text is empty or only whitespace",
    }
    assert len(data.splitlines()) == 8


def test_resume_after_a_torn_write_is_byte_identical(tmp_path):
    expected = clean_run(tmp_path, 10)
    out, err = tmp_path / "r.jsonl", tmp_path / "r.errors.jsonl"
    writer = RecordWriter(str(out), str(err)).__enter__()
    for n in range(6):
        writer.write(outcome(n))
    # Simulate a kill in the middle of the next document and of its journal line.
    writer._out.write(b'{"doc_id": "d6", "ty')
    writer._out.close()
    writer._err.close()
    writer._journal.write(b'{"items": 7, "out_by')
    writer._journal.close()

    with RecordWriter(str(out), str(err), resume=True) as resumed:
        assert (resumed.skip, resumed.last_doc_id, resumed.documents, resumed.failed) == (6, "d5", 4, 2)
        for n in range(6, 10):
            resumed.write(outcome(n))
    assert (out.read_bytes(), err.read_bytes()) == expected
    assert (resumed.documents, resumed.failed, resumed.words) == (7, 3, 70)


def test_resume_after_sigkill_is_byte_identical(tmp_path):
    expected = clean_run(tmp_path, 12)
    out = tmp_path / "k.jsonl"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        from test_io_writer import outcome
        from pipeline.io.writer import RecordWriter
        writer = RecordWriter({str(out)!r}, {str(tmp_path / "k.errors.jsonl")!r}).__enter__()
        for n in range(7):
            writer.write(outcome(n))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    process = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert not out.exists()
    with RecordWriter(str(out), str(tmp_path / "k.errors.jsonl"), resume=True) as writer:
        assert writer.skip == 7
        for n in range(writer.skip, 12):
            writer.write(outcome(n))
    assert (out.read_bytes(), (tmp_path / "k.errors.jsonl").read_bytes()) == expected


def test_resume_with_nothing_to_resume_starts_afresh(tmp_path):
    out = tmp_path / "n.jsonl"
    out.write_bytes(b"stale\n")
    with RecordWriter(str(out), str(tmp_path / "n.errors.jsonl"), resume=True) as writer:
        assert writer.skip == 0
        writer.write(outcome(0))
    assert out.read_bytes() == outcome(0).lines


def test_journal_is_compacted_and_still_resumable(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.io.writer.JOURNAL_COMPACT_BYTES", 600)
    out = tmp_path / "c.jsonl"
    writer = RecordWriter(str(out), str(tmp_path / "c.errors.jsonl")).__enter__()
    for n in range(40):
        writer.write(outcome(n))
    assert os.path.getsize(journal_path(str(out))) <= 600
    assert read_journal(journal_path(str(out))).items == 40
    writer._journal.close()


def test_stdout_output_creates_no_errors_file_unless_an_error_occurs(tmp_path, monkeypatch):
    stdout = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.chdir(tmp_path)
    errors = default_errors_path("-")
    with RecordWriter("-", errors) as writer:
        writer.write(outcome(0))
    assert stdout.buffer.getvalue() == outcome(0).lines
    assert os.listdir(tmp_path) == []
    with RecordWriter("-", errors) as writer:
        writer.write(outcome(2))
    assert sorted(os.listdir(tmp_path)) == ["orewire.errors.jsonl"]


def test_resume_to_stdout_is_a_usage_error():
    with pytest.raises(UsageError):
        RecordWriter("-", "e.jsonl", resume=True)


@pytest.mark.parametrize(
    ("output", "expected"), [("out/f.jsonl", "out/f.errors.jsonl"), ("f.txt", "f.txt.errors.jsonl")]
)
def test_default_errors_path(output, expected):
    assert default_errors_path(output) == expected


def test_a_record_failing_validation_turns_its_article_into_an_e011_error():
    from pipeline.schema.records import EntityRecord

    bad = EntityRecord.model_construct(id="x#entity:0-1", doc_id="x", text="A", start=-5, end=1, sentence=0,
                                       section=None, zone="body", label="ORG", normalized="A", kb_id=None)
    result = render(Extraction(doc_id="x", records=[bad]))
    error = json.loads(result.error_line)
    assert (result.ok, error["error"], error["stage"], error["doc_id"]) == (False, "E011", "write", "x")
