"""The extract command's path rules (issue 14): each problem a new user met, with its test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

SMALL_SEED = Path(__file__).resolve().parents[2] / "seeds" / "011_plain_paragraph.txt"


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    return int(stopped.value.code or 0), capsys.readouterr().err


@pytest.fixture()
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "archive" / "2024").mkdir(parents=True)
    shutil.copy(SMALL_SEED, tmp_path / "archive" / "2024" / "a.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "archive"


def documents(path: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in path.read_text(encoding="utf-8").splitlines()
            if json.loads(line)["type"] == "document"]


def test_output_inside_the_input_folder_is_not_read_back(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["extract", "archive", "-o", "archive/facts.jsonl", "-w", "1", "-q"]
    assert run_main(argv, capsys)[0] == 0
    assert run_main(argv, capsys)[0] == 0
    assert documents(archive / "facts.jsonl") == ["archive/2024/a.txt"]


def test_output_folder_fails_up_front_with_exit_2(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_main(["extract", "archive", "-o", "archive/"], capsys)
    assert code == 2 and err.count("\n") == 1 and "is a folder" in err
    code, err = run_main(["extract", "archive", "-o", "missing/facts.jsonl"], capsys)
    assert code == 2 and "does not exist" in err and not Path("missing").exists()


def test_output_is_required(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_main(["extract", "archive"], capsys)
    assert code == 2 and "--output" in err and not Path("out").exists()


def test_empty_folder_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    code, err = run_main(["extract", "empty", "-o", "facts.jsonl"], capsys)
    assert code == 2 and "no .txt or .jsonl files in folder empty" in err


def test_ids_do_not_depend_on_the_folder_named(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(["extract", "archive", "-o", "one.jsonl", "-w", "1", "-q"], capsys)[0] == 0
    assert run_main(["extract", "archive/2024", "-o", "two.jsonl", "-w", "1", "-q", "--id-prefix", "src/"], capsys)[0] == 0
    assert documents(Path("one.jsonl")) == ["archive/2024/a.txt"]
    assert documents(Path("two.jsonl")) == ["src/archive/2024/a.txt"]
