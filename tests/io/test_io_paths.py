"""Doc ids that do not depend on the folder a run names; a run never reads or overwrites its own files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import UsageError
from pipeline.io.paths import check_distinct, check_output_path
from pipeline.io.reader import expand_inputs, file_doc_id, read_articles
from pipeline.io.writer import own_output_paths


@pytest.fixture()
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "archive" / "2024").mkdir(parents=True)
    (tmp_path / "archive" / "2024" / "a.txt").write_text("Marlin Metals signed an offtake.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "archive"


def test_doc_id_is_the_same_whichever_folder_the_run_names(archive: Path) -> None:
    by_parent = [item.doc_id for item in read_articles(["archive"])]
    by_child = [item.doc_id for item in read_articles(["archive/2024"])]
    by_glob = [item.doc_id for item in read_articles(["archive/*/*.txt"])]
    assert by_parent == by_child == by_glob == ["archive/2024/a.txt"]


def test_id_root_and_prefix(archive: Path) -> None:
    assert [item.doc_id for item in read_articles(["archive"], id_root=archive)] == ["2024/a.txt"]
    assert [item.doc_id for item in read_articles(["archive"], id_prefix="reuters/")] == ["reuters/archive/2024/a.txt"]


def test_prefix_applies_to_jsonl_ids(archive: Path) -> None:
    (archive / "wire.jsonl").write_text(json.dumps({"id": "w1", "text": "Nickel rose."}) + "\n", encoding="utf-8")
    ids = [item.doc_id for item in read_articles([str(archive / "wire.jsonl")], id_prefix="wire/")]
    assert ids == ["wire/w1"]


def test_file_outside_the_id_root_keeps_its_absolute_path(tmp_path: Path) -> None:
    outside = tmp_path / "x.txt"
    assert file_doc_id(outside, id_root=tmp_path / "elsewhere") == outside.absolute().as_posix()


def test_own_outputs_are_never_read_back(archive: Path) -> None:
    output = archive / "facts.jsonl"
    output.write_text('{"schema_version":"2.0","type":"entity","text":"x"}\n', encoding="utf-8")
    own = own_output_paths(str(output), str(archive / "facts.errors.jsonl"))
    files = [file for file, _ in expand_inputs(["archive"], exclude=own)]
    assert files == [Path("archive/2024/a.txt")]
    assert Path("archive/facts.jsonl") in [file for file, _ in expand_inputs(["archive"])]


def test_empty_folder_and_unmatched_glob_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no .txt or .jsonl files in folder"):
        expand_inputs([str(tmp_path / "empty")])
    with pytest.raises(UsageError, match="no input matches"):
        expand_inputs([str(tmp_path / "*.nothing")])


def test_output_path_checks(tmp_path: Path) -> None:
    check_output_path(str(tmp_path / "facts.jsonl"))
    check_output_path("-")
    with pytest.raises(UsageError, match="is a folder"):
        check_output_path(str(tmp_path))
    with pytest.raises(UsageError, match="is a folder"):
        check_output_path("some/dir/")
    with pytest.raises(UsageError, match="does not exist"):
        check_output_path(str(tmp_path / "missing" / "facts.jsonl"))


def test_output_equal_to_an_input_or_to_the_errors_file_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    with pytest.raises(UsageError, match="also an input"):
        check_distinct(str(article), str(tmp_path / "e.jsonl"), [article])
    with pytest.raises(UsageError, match="same file"):
        check_distinct(str(tmp_path / "o.jsonl"), str(tmp_path / "o.jsonl"), [])
    check_distinct(str(tmp_path / "o.jsonl"), str(tmp_path / "e.jsonl"), [article, None])
