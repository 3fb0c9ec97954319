"""Reading input: files, directories, globs, JSONL, stdin; decoding; bad input as error items."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pipeline import Article
from pipeline.errors import ErrorCode, OrewireError, UsageError
from pipeline.io.decoding import decode_bytes
from pipeline.io.reader import expand_inputs, read_articles

# not imported from conftest: a nested conftest.py (tests/db) takes that module name
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"

BAD = FIXTURES / "bad"


def by_id(items):
    return {item.doc_id: item for item in items}


@pytest.mark.parametrize(
    ("name", "encoding", "needle"),
    [
        ("latin1.txt", "iso-8859-1", "Société Minière de Québec said São Paulo"),
        ("cp1252.txt", "cp1252", "said \u201cexports will resume\u201d \u2013 buyers paid \u20ac45 million"),
        ("utf16.txt", "utf-16", "Albemarle said on Tuesday"),
        ("utf8_bom.txt", "utf-8-sig", "Lithium Prices Climb in Q1"),
    ],
)
def test_other_encodings_are_decoded_and_recorded(name, encoding, needle):
    (article,) = list(read_articles([str(BAD / name)], id_root=BAD))
    assert isinstance(article, Article)
    assert article.encoding == encoding
    assert needle in article.text
    assert not article.text.startswith("\ufeff")


def test_bom_is_not_part_of_the_text():
    text, encoding = decode_bytes(b"\xef\xbb\xbfAbc")
    assert (text, encoding) == ("Abc", "utf-8-sig")


def test_cyrillic_bytes_are_not_taken_for_western_text():
    _, encoding = decode_bytes("Экспорт редкоземельных металлов запрещён с 2026 года".encode("cp1251"))
    assert encoding not in ("cp1252", "iso-8859-1")


@pytest.mark.parametrize("data", [b"\x00\x01\x02abc\x00", bytes(range(32)) * 20])
def test_binary_is_not_text(data):
    with pytest.raises(OrewireError) as caught:
        decode_bytes(data)
    assert caught.value.code is ErrorCode.E002_NOT_TEXT


def test_binary_file_becomes_an_error_item():
    (item,) = list(read_articles([str(BAD / "binary.txt")], id_root=BAD))
    assert isinstance(item, OrewireError)
    expected = (ErrorCode.E002_NOT_TEXT, "binary.txt", (BAD / "binary.txt").as_posix())
    assert (item.code, item.doc_id, item.source) == expected


@pytest.mark.parametrize("name", ["empty.txt", "whitespace.txt"])
def test_empty_files_are_read_as_empty_articles(name):
    (article,) = list(read_articles([str(BAD / name)], id_root=BAD))
    assert isinstance(article, Article) and not article.text.strip()


def test_bad_jsonl_lines_become_coded_errors_and_the_rest_is_read():
    items = list(read_articles([str(BAD / "bad_lines.jsonl")], id_root=BAD))
    codes = [(item.doc_id, item.code.value if isinstance(item, OrewireError) else "ok") for item in items]
    assert codes == [
        ("ok-1", "ok"),
        ("bad_lines.jsonl:2", "E004"),
        ("bad_lines.jsonl:3", "E004"),
        ("no-text", "E005"),
        ("text-number", "E006"),
        ("text-null", "E006"),
        ("text-list", "E006"),
        ("bad-url", "E008"),
        ("ok-1", "E007"),
        ("bad-published", "ok"),
        ("empty-text", "ok"),
        ("ok-2", "ok"),
    ]
    assert all(item.source == (BAD / "bad_lines.jsonl").as_posix() for item in items)


def test_jsonl_is_streamed_lazily(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"text": f"Article {n}."}) + "\n" for n in range(1000)), encoding="utf-8")
    iterator = read_articles([str(path)], id_root=path.parent)
    first = next(iterator)
    assert (first.doc_id, first.text) == ("big.jsonl:1", "Article 0.")


def test_jsonl_line_in_latin1_is_decoded_on_its_own(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "a", "text": "Plain."}).encode()
    latin = json.dumps({"id": "b", "text": "Québec et Montréal."}, ensure_ascii=False).encode("latin-1")
    path.write_bytes(good + b"\n" + latin + b"\n")
    items = by_id(read_articles([str(path)], id_root=path.parent))
    assert items["a"].encoding == "utf-8"
    assert (items["b"].text, items["b"].encoding) == ("Québec et Montréal.", "iso-8859-1")


def test_unicode_line_separators_inside_jsonl_strings_do_not_split_lines(tmp_path):
    path = tmp_path / "sep.jsonl"
    path.write_bytes(json.dumps({"id": "x", "text": "one\u2028two\x85three"}, ensure_ascii=False).encode() + b"\n")
    (article,) = list(read_articles([str(path)], id_root=path.parent))
    assert article.text == "one\u2028two\x85three"


def test_stdin_plain_text_and_jsonl():
    (text_article,) = list(read_articles(["-"], stdin=io.BytesIO(b"Cobalt output fell 5%.\n")))
    assert (text_article.doc_id, text_article.text) == ("stdin", "Cobalt output fell 5%.\n")
    lines = [b"", json.dumps({"text": "A."}).encode(), json.dumps({"id": "k", "text": "B."}).encode()]
    stream = io.BytesIO(b"\n".join(lines))
    items = list(read_articles(["-"], stdin=stream))
    assert [(item.doc_id, item.text) for item in items] == [("stdin:2", "A."), ("k", "B.")]


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "C."}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [item.doc_id for item in read_articles([str(tmp_path)], id_root=tmp_path)] == ["a.txt", "b/z.txt", "c.jsonl:1"]


def test_glob_input_ids_are_relative_to_the_id_root(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "one.txt").write_text("One.", encoding="utf-8")
    assert [item.doc_id for item in read_articles([f"{tmp_path}/*/*.txt"], id_root=tmp_path)] == ["x/one.txt"]


@pytest.mark.parametrize("inputs", [["does-not-exist.txt"], ["/no/such/*.txt"], []])
def test_missing_input_is_a_usage_error(inputs):
    with pytest.raises(UsageError):
        expand_inputs(inputs)


def test_large_single_line_is_read_whole(tmp_path):
    text = "Lithium output rose 5% to 350,000 mt. " * 5_300
    path = tmp_path / "line.jsonl"
    path.write_text(json.dumps({"id": "long", "text": text}) + "\n", encoding="utf-8")
    (article,) = list(read_articles([str(path)], id_root=path.parent))
    assert article.text == text and len(text) > 200_000
