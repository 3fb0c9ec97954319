"""The ``orewire load`` command: a summary per table, FILE:LINE for invalid lines, exit 2 for usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main


def run(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    return int(stop.value.code or 0)


def test_load_prints_rows_per_table(seed_facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "facts.duckdb"
    assert run(["load", str(seed_facts), "--db", str(target)]) == 0
    err = capsys.readouterr().err
    assert "14 documents, 0 invalid" in err and f"-> {target} (duckdb)" in err
    assert any(line.split()[:3] == ["documents", "14", "14"] for line in err.splitlines())
    assert run(["load", str(seed_facts), "--db", str(target), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_invalid_line_exits_1_with_its_location(seed_facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = seed_facts.read_text(encoding="utf-8").splitlines()[:5] + ['{"type": "entity"}']
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run(["load", str(path), "--db", str(tmp_path / "x.duckdb"), "-q"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"orewire: invalid record skipped: {path}:6: ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl"], "no such file: missing.jsonl"),
        (["nothing-*.jsonl"], "no file matches nothing-*.jsonl"),
        (["FACTS", "--db", "mysql://localhost/x"], "got scheme 'mysql'"),
        (["FACTS", "--db", "no/such/folder/facts.duckdb"], "folder no/such/folder does not exist"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    args: list[str], message: str, seed_facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["load", *[str(seed_facts) if arg == "FACTS" else arg for arg in args]]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("orewire: error: ") and message in err[0]
    assert not list(tmp_path.glob("*.duckdb"))


def test_unreachable_postgres_is_one_line_without_password(
    seed_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["load", str(seed_facts), "--db", "postgresql://user:secret@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot connect to postgresql://user:***@127.0.0.1:1/none" in err[0] and "secret" not in err[0]
