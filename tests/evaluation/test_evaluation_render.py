"""The HTML view: it parses, shows every record, marks gold differences, needs no network."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest

from pipeline.article.source import Article
from pipeline.cli import main
from pipeline.evaluation.render import describe_value, render_document, render_html, render_page

TEXT = "Vietnam bans ore exports.\nLynas raised A$750 million in January 2026."
RECORDS = [
    {"type": "document", "doc_id": "d", "id": "d", "title": "T", "counts": {"entity": 2}, "warnings": []},
    {"type": "entity", "doc_id": "d", "id": "d#entity:0-7", "start": 0, "end": 7, "text": "Vietnam", "label": "GPE",
     "normalized": "Vietnam", "kb_id": "VN"},
    {"type": "entity", "doc_id": "d", "id": "d#entity:26-31", "start": 26, "end": 31, "text": "Lynas", "label": "ORG",
     "normalized": "Lynas Rare Earths", "kb_id": None},
    {"type": "quantity", "doc_id": "d", "id": "d#quantity:39-52", "start": 39, "end": 52, "text": "A$750 million",
     "quantity_type": "money", "value": 750000000, "low": None, "high": None, "unit": "AUD", "qualifier": None,
     "per": None, "subject": None},
    {"type": "date", "doc_id": "d", "id": "d#date:56-68", "start": 56, "end": 68, "text": "January 2026",
     "timex": "2026-01", "start_date": "2026-01-01", "end_date": "2026-01-31", "granularity": "month",
     "modifier": None, "resolution": "absolute"},
    {"type": "event", "doc_id": "d", "id": "d#event:32-38:financing", "event_type": "financing",
     "trigger": {"text": "raised", "start": 32, "end": 38}, "evidence": "Lynas raised A$750 million in January 2026.",
     "sentence": 1, "modality": "actual", "confidence": 0.8, "mentions": [{"start": 32, "end": 38}],
     "arguments": [{"role": "agent", "text": "Lynas", "ref": "d#entity:26-31"},
                   {"role": "amount", "text": "A$750 million", "ref": "d#quantity:39-52"}]},
]


class Collector(HTMLParser):
    """Collects tags, ids, link targets, titles and text; fails on unbalanced structural tags."""

    VOID = {"meta", "br", "link", "img", "input", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.titles: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if "href" in attributes:
            self.hrefs.append(attributes["href"])
        if "title" in attributes:
            self.titles.append(attributes["title"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}> (open: {self.stack[-3:]})"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    collector.close()
    assert collector.stack == []
    return collector


def assert_standalone(page: str, parsed: Collector) -> None:
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert all(href.startswith("#") for href in parsed.hrefs)
    assert "@import" not in page and "url(" not in page


def test_fixture_offsets_index_the_text():
    assert all(TEXT[r["start"]:r["end"]] == r["text"] for r in RECORDS if "start" in r)


def test_render_document_shows_every_record():
    page = render_html([render_document(TEXT, RECORDS)])
    parsed = parse(page)
    assert_standalone(page, parsed)
    text = " ".join(parsed.text)
    for record in RECORDS[1:]:
        assert html.escape(record["id"]) in page
    for record in RECORDS[1:5]:
        assert record["text"] in text
        assert f"{record['type']}: {describe_value(record)}" in parsed.titles
    assert "entity: Vietnam [VN]" in parsed.titles
    assert "quantity: 750,000,000 AUD" in parsed.titles
    assert "date: 2026-01 (2026-01-01..2026-01-31) granularity=month resolution=absolute" in parsed.titles
    assert "financing" in text and "A$750 million" in text
    # the underlined text carries the title too: the pill link plus the one piece "A$750 million", kept whole
    assert parsed.titles.count("quantity: 750,000,000 AUD") == 1 + 1
    assert ">A$750 million<" in page
    # every label pill links to a row of the records table
    assert {href[1:] for href in parsed.hrefs} <= parsed.ids


def test_render_document_marks_gold_differences():
    gold = [RECORDS[1], {**RECORDS[2], "label": "PERSON"}, RECORDS[3],
            {"type": "event", "doc_id": "d", "event_type": "investment", "trigger": {"text": "bans", "start": 8,
                                                                                    "end": 12}, "arguments": []}]
    page = render_document(TEXT, RECORDS, gold=gold)
    parsed = parse(render_html([page]))
    text = " ".join(parsed.text)
    assert "FA ORG" in text and "MISS PERSON" in text and "FA DATE" in text
    assert "MISS GPE" not in text and "FA GPE" not in text
    assert "missed gold entity: Lynas Rare Earths" in parsed.titles
    assert text.count("FA") >= 3 and "investment" in text  # the financing event is a false alarm, investment missed


def test_render_page_with_extractor(extractor, seed_paths, tmp_path):
    path = seed_paths[0]
    article = Article(doc_id=path.name, text=path.read_text(encoding="utf-8"), source=str(path))
    records = extractor.extract(article.text, doc_id=article.doc_id)
    page = render_page(extractor, [article])
    parsed = parse(page)
    assert_standalone(page, parsed)
    for record in records[1:]:
        if record.type != "event":
            assert f"{record.type}: {describe_value(record.model_dump(mode='json'))}" in parsed.titles
        assert html.escape(record.id) in page


def test_render_page_shows_failed_articles(extractor):
    page = render_page(extractor, [Article(doc_id="blank", text="   ")])
    parsed = parse(page)
    assert "E003: article text is empty or only whitespace" in " ".join(parsed.text)


@pytest.mark.slow
def test_cli_render_writes_one_page_or_one_per_document(tmp_path, seed_paths):
    out = tmp_path / "page.html"
    with pytest.raises(SystemExit) as stop:
        main(["render", str(seed_paths[-1]), "-o", str(out), "--reference-date", "2026-01-15"])
    assert stop.value.code == 0
    assert_standalone(out.read_text(), parse(out.read_text()))
    folder = tmp_path / "pages"
    with pytest.raises(SystemExit) as stop:
        main(["render", str(seed_paths[-1]), str(seed_paths[-2]), "-o", f"{folder}/"])
    assert stop.value.code == 0
    from pipeline.evaluation.render import page_file_name
    from pipeline.io.reader import file_doc_id

    assert sorted(p.name for p in folder.iterdir()) == sorted(page_file_name(file_doc_id(p)) for p in seed_paths[-2:])


def test_page_file_names_are_distinct_for_distinct_ids():
    from pipeline.evaluation.render import page_file_name

    ids = ["a/b", "a_b", "a:b", "a%2fb", "A_B", "a b", "x" * 600, "x" * 601, "é", "%c3%a9"]
    names = [page_file_name(doc_id) for doc_id in ids]
    assert len({name.lower() for name in names}) == len(ids)  # even on a case-insensitive file system
    assert all("/" not in name and len(name.encode()) <= 255 for name in names)
    assert page_file_name("001_seed.txt") == "001_seed.txt.html"
