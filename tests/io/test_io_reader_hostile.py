"""Hostile input at the reader: every bad line or file name becomes one error item, the rest is read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline import Article
from pipeline.errors import ErrorCode, OrewireError
from pipeline.io.decoding import decode_bytes
from pipeline.io.reader import MAX_ID_CHARS, expand_inputs, read_articles


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # file doc_ids are relative to the working directory


def kinds(items) -> list[tuple[str, str]]:
    return [(item.doc_id, item.code.value if isinstance(item, OrewireError) else "ok") for item in items]


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_lone_surrogates_in_text_are_replaced_with_a_warning_and_in_id_rejected(tmp_path):
    path = write_lines(tmp_path / "s.jsonl", '{"id": "a", "text": "Bad \\ud800 text."}',
                       '{"id": "\\udc00x", "text": "Fine."}', '{"id": "b", "text": "Fine."}')
    first, second, third = read_articles([str(path)])
    assert first.text == "Bad \ufffd text." and len(first.text) == len("Bad \ud800 text.")
    assert any("surrogate" in warning for warning in first.warnings)
    assert (second.code, second.doc_id) == (ErrorCode.E008_BAD_METADATA, "s.jsonl:2")
    assert third.doc_id == "b"
    for item in (first, second, third):
        json.dumps(item.__dict__ if isinstance(item, Article) else item.message, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("value", ["[" * 100_000 + "]" * 100_000, "1" * 5_000, '{"a":' * 50_000 + "1" + "}" * 50_000])
def test_deep_nesting_and_huge_integers_are_bad_json(tmp_path, value):
    path = write_lines(tmp_path / "d.jsonl", f'{{"id": "x", "text": "T.", "n": {value}}}', '{"id": "ok", "text": "T."}')
    assert kinds(read_articles([str(path)])) == [("d.jsonl:1", "E004"), ("ok", "ok")]


def test_ids_with_a_hash_or_over_512_chars_are_rejected(tmp_path):
    long_id = "x" * (MAX_ID_CHARS + 1)
    path = write_lines(tmp_path / "i.jsonl", '{"id": "a#entity:0-4", "text": "T."}',
                       json.dumps({"id": long_id, "text": "T."}), json.dumps({"id": "y" * MAX_ID_CHARS, "text": "T."}))
    first, second, third = read_articles([str(path)])
    assert (first.code, first.doc_id) == (ErrorCode.E008_BAD_METADATA, "i.jsonl:1")
    assert (second.code, second.doc_id) == (ErrorCode.E008_BAD_METADATA, "i.jsonl:2")
    assert len(second.message) < 200
    assert isinstance(third, Article)


def test_a_file_name_with_a_hash_is_rejected(tmp_path):
    (tmp_path / "a#b.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Text.", encoding="utf-8")
    assert kinds(read_articles([str(tmp_path)])) == [("a#b.txt", "E008"), ("c.txt", "ok")]


def test_non_utf8_file_names_get_escaped_ids(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Text one.")
    with open(os.path.join(folder, b"z.txt"), "wb") as handle:
        handle.write(b"Text two.")
    items = list(read_articles([str(tmp_path)]))
    assert kinds(items) == [("caf\\xe9.txt", "ok"), ("z.txt", "ok")]
    for item in items:
        (item.doc_id + item.source).encode("utf-8")


def test_symlink_loop_in_a_glob_reads_each_file_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "back").symlink_to(tmp_path)
    assert [item.doc_id for item in read_articles([f"{tmp_path}/**/*.txt"])] == ["a/one.txt"]
    assert [item.doc_id for item in read_articles([str(tmp_path)])] == ["a/one.txt"]


def test_unreadable_subfolder_becomes_an_error_item(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Open.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fsdecode(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # tests may run as root, where chmod 000 does not lock
    items = list(read_articles([str(tmp_path)]))
    assert kinds(items) == [("locked", "E001"), ("open.txt", "ok")]
    assert "Permission denied" in items[0].message


def test_mixed_utf8_and_cp1252_lines_are_decoded_per_line_with_a_warning(tmp_path):
    data = "Société Minière said\n".encode() + "prices rose \u201c5%\u201d\n".encode("cp1252") + "à Québec.\n".encode()
    text, encoding = decode_bytes(data)
    assert text == "Société Minière said\nprices rose \u201c5%\u201d\nà Québec.\n"
    assert encoding == "utf-8"
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    (article,) = read_articles([str(path)])
    assert article.text == text
    assert any("cp1252" in warning and "line 2" in warning for warning in article.warnings)


def test_utf16_jsonl_splits_on_newlines_only(tmp_path):
    lines = [json.dumps({"id": "a", "text": "one\u2028two\x85three\u2029four"}, ensure_ascii=False),
             json.dumps({"id": "b", "text": "Fine."})]
    path = tmp_path / "u16.jsonl"
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    items = list(read_articles([str(path)]))
    assert kinds(items) == [("a", "ok"), ("b", "ok")]
    assert items[0].text == "one\u2028two\x85three\u2029four"


def test_the_same_file_named_twice_is_read_once(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("One.", encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(path)
    assert [file.name for file, _ in expand_inputs([str(path), str(path)])] == ["one.txt"]
