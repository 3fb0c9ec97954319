"""``orewire render --facts``: records of an earlier run drawn over the article's own text, no model loaded."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import spacy

import pipeline.article.extractor
from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "003_price_report_prnd.txt"
GOLDEN = ROOT / "fixtures" / "golden" / "seeds.jsonl"


class ArticleText(HTMLParser):
    """The text of each ``div.spans`` line, without the label pills (the spans styled with a z-index)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and attributes.get("class") == "spans":
            self.lines.append("")
            self.stack.append("line")
        elif self.stack:
            self.stack.append("pill" if "z-index" in (attributes.get("style") or "") else tag)

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and "pill" not in self.stack:
            self.lines[-1] += data


def article_lines(page: str) -> list[str]:
    parser = ArticleText()
    parser.feed(page)
    return parser.lines


def run_main(argv: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    return stopped.value.code, capsys.readouterr().err


@pytest.fixture()
def no_model(monkeypatch):
    """Loading a model or building an extractor fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("render --facts must not load a spaCy model")

    monkeypatch.setattr(spacy, "load", refuse)
    monkeypatch.setattr(pipeline.article.extractor, "Extractor", refuse)


@pytest.fixture()
def facts(tmp_path) -> tuple[Path, list[dict]]:
    """The golden records of the Pr-Nd price report, as an extract run with --id-prefix wire/ names them."""
    records = []
    for line in GOLDEN.read_text("utf-8").splitlines():
        record = json.loads(line)
        golden_id = f"seeds/{SEED.name}"  # benchmarks/golden.py extracts from the repository root
        if record["doc_id"] == golden_id:
            record["doc_id"] = f"wire/{SEED.name}"
            record["id"] = f"wire/{record['id'].removeprefix('seeds/')}"
            records.append(record)
    assert records, f"no golden records for {SEED.name}"
    path = tmp_path / "facts.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), "utf-8")
    return path, records


def test_render_facts_keeps_the_articles_spacing_without_a_model(facts, tmp_path, capsys, no_model):
    path, records = facts
    out = tmp_path / "page.html"
    argv = ["render", str(SEED), "--facts", str(path), "--id-root", str(SEED.parent), "--id-prefix", "wire/", "-o", str(out)]
    code, err = run_main(argv, capsys)
    assert (code, err) == (0, f"orewire: wrote {out}\n")
    page = out.read_text("utf-8")
    shown = article_lines(page)
    # the text under the spans, line by line, is the article's, character for character
    assert shown == [line for line in SEED.read_text("utf-8").splitlines() if line.strip()]
    assert any("Pr-Nd oxide was assessed at 433,000-437,000 yuan/mt, up 5,000 yuan/mt" in line for line in shown)
    assert ">Pr-Nd oxide<" in page and ">433,000-437,000 yuan/mt<" in page
    assert "Pr - Nd" not in page and "433,000 - 437,000" not in page and "yuan / mt" not in page
    assert "no records" not in page and "text_sha256 differs" not in page
    for record in records:
        assert html.escape(record["id"]) in page


def test_render_facts_says_which_articles_it_has_no_records_for(facts, tmp_path, capsys, no_model):
    path, _ = facts
    changed = tmp_path / "news" / SEED.name
    changed.parent.mkdir()
    changed.write_text(SEED.read_text("utf-8").replace("Thursday", "Friday"), "utf-8")
    other = changed.parent / "other.txt"
    other.write_text("Nothing was extracted from this one.", "utf-8")
    out = tmp_path / "pages"
    argv = ["render", str(changed.parent), "--facts", str(path), "--id-root", str(changed.parent), "--id-prefix", "wire/",
            "-o", f"{out}/"]
    code, err = run_main(argv, capsys)
    assert (code, err) == (0, f"orewire: wrote 2 pages to {out}\n")
    pages = {page.name: page.read_text("utf-8") for page in out.iterdir()}
    assert "no records: the facts hold no records for this doc_id" in pages["wire%2fother.txt.html"]
    assert "text_sha256 differs" in pages[f"wire%2f{SEED.name}.html"]


@pytest.mark.parametrize("extra", [["--model", "en_core_web_sm"], ["--reference-date", "2026-01-01"]])
def test_render_facts_refuses_extraction_options(facts, extra, capsys, tmp_path):
    path, _ = facts
    code, err = run_main(["render", str(SEED), "--facts", str(path), "-o", str(tmp_path / "p.html"), *extra], capsys)
    assert code == 2 and err.startswith("orewire: error: --model and --reference-date apply to extraction")


def test_render_facts_that_do_not_exist_exit_2(capsys, tmp_path):
    code, err = run_main(["render", str(SEED), "--facts", str(tmp_path / "missing.jsonl"), "-o", "-"], capsys)
    assert code == 2 and "not found" in err
