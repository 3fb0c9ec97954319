"""The extract command under hostile input and misuse: outputs protected, bad articles never stop a run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import Extractor
from pipeline.cli import main
from pipeline.engines.base import ExtractorOptions
from pipeline.io.writer import RecordWriter

GOOD = "Lynas shipped 500 mt of NdPr oxide to Japan in 2025."


@pytest.fixture(scope="module")
def production() -> Extractor:
    return Extractor(reference_date="2026-01-15")


@pytest.fixture()
def shared_model(production, monkeypatch):
    """The CLI builds its extractor through ``ExtractorOptions.build``: hand it the loaded one."""
    monkeypatch.setattr(ExtractorOptions, "build", lambda self: production)


def run(argv: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    return stopped.value.code, capsys.readouterr().err


def good_file(path: Path) -> Path:
    path.write_text(json.dumps({"id": "g", "text": GOOD}) + "\n", encoding="utf-8")
    return path


def test_output_equal_to_an_input_is_refused(tmp_path, capsys):
    source = good_file(tmp_path / "in.jsonl")
    before = source.read_bytes()
    code, err = run(["extract", str(source), "-o", str(source), "-w", "1"], capsys)
    assert code == 2 and "is also an input" in err and len(err.strip().splitlines()) == 1
    assert source.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["in.jsonl"]


def test_errors_equal_to_output_is_refused(tmp_path, capsys):
    source = good_file(tmp_path / "in.jsonl")
    out = tmp_path / "o.jsonl"
    code, err = run(["extract", str(source), "-o", str(out), "--errors", str(out), "-w", "1"], capsys)
    assert code == 2 and "--errors" in err
    assert sorted(os.listdir(tmp_path)) == ["in.jsonl"]


def test_a_second_run_on_the_same_output_is_refused(tmp_path, capsys, shared_model):
    source = good_file(tmp_path / "in.jsonl")
    out = tmp_path / "o.jsonl"
    with RecordWriter(str(out), str(tmp_path / "o.errors.jsonl")):
        code, err = run(["extract", str(source), "-o", str(out), "-w", "1"], capsys)
        assert code == 2 and "another orewire run" in err
    assert not out.exists() or out.read_bytes() == b""


def test_resume_with_changed_options_is_refused(tmp_path, capsys, shared_model, monkeypatch):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{n}", "text": GOOD}) + "\n" for n in range(3)), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    argv = ["extract", str(source), "-o", str(out), "-w", "1", "-q", "--reference-date", "2026-01-15"]
    original = RecordWriter.write

    def write_then_die(self, result):
        original(self, result)
        if self.items == 2:
            raise RuntimeError("killed")

    monkeypatch.setattr(RecordWriter, "write", write_then_die)
    code, _ = run(argv, capsys)
    assert code == 1
    monkeypatch.setattr(RecordWriter, "write", original)
    changed = [*argv[:-1], "2025-01-01", "--resume"]
    code, err = run(changed, capsys)
    assert code == 2 and "--reference-date" in err and "cannot resume" in err
    code, _ = run([*argv, "--resume"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [record["doc_id"] for record in records if record["type"] == "document"] == ["d0", "d1", "d2"]


# ---------------------------------------------------------------- fuzz: hostile lines and file names

HOSTILE_LINES = st.one_of(
    st.just('{"id": "X", "text": "bad \\ud800 one"}'),
    st.just('{"id": "\\udc00", "text": "t"}'),
    st.just('{"id": "X", "text": "t", "n": ' + "[" * 3000 + "]" * 3000 + "}"),
    st.just('{"id": "X", "text": "t", "n": ' + "9" * 5000 + "}"),
    st.just('{"id": "a#b", "text": "t"}'),
    st.just(json.dumps({"id": "L" * 600, "text": "t"})),
    st.just('{"id": "X", "text": ' + "[" * 200_000 + "]" * 200_000 + "}"),
    st.just('{"id": 5}'),
    st.just("[1, 2]"),
    st.just('{"id": "X", "text": "   "}'),
    st.text(max_size=40).map(lambda s: json.dumps({"id": "X", "text": s})),
    st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ").decode("latin-1")),
)
NAMES = st.lists(st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                            and b not in (b".", b"..")), max_size=3)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(lines=st.lists(HOSTILE_LINES, min_size=1, max_size=5), names=NAMES)
def test_fuzz_hostile_lines_and_file_names_never_stop_the_run(tmp_path_factory, capsys, shared_model, lines, names):
    folder = tmp_path_factory.mktemp("fuzz")
    inputs = folder / "in"
    inputs.mkdir()
    good_ids = []
    rows = []
    for n, line in enumerate(lines):
        good_ids.append(f"good{n}")
        rows.append(json.dumps({"id": f"good{n}", "text": GOOD}))
        rows.append(line.replace('"X"', f'"bad{n}"'))
    (inputs / "lines.jsonl").write_bytes("\n".join(rows).encode("utf-8", "surrogatepass") + b"\n")
    for number, name in enumerate(names):
        raw = os.path.join(os.fsencode(inputs), b"n%d_" % number + name + b".txt")
        with open(raw, "wb") as handle:
            handle.write(GOOD.encode())
    out = folder / "o.jsonl"
    code, err = run(["extract", str(inputs), "-o", str(out), "-w", "1", "-q"], capsys)
    assert "Traceback" not in err and "run failed" not in err, err
    assert code in (0, 1)
    records = [json.loads(line) for line in out.read_bytes().decode("utf-8").splitlines()]
    errors = [json.loads(line) for line in (folder / "o.errors.jsonl").read_bytes().decode("utf-8").splitlines()]
    documents = {record["doc_id"] for record in records if record["type"] == "document"}
    assert set(good_ids) <= documents
    assert code == (1 if errors else 0)
    assert len(documents) + len(errors) >= len(good_ids) + len(names)
