"""The head of a page: headline, bylines and dateline in their orders, on hand-built texts."""

from __future__ import annotations

import pytest

from pipeline.article.layout import Layout, Line
from pipeline.article.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def blocks_of(layout: Layout, text: str) -> list[tuple[str, str, str]]:
    return [(block.zone, block.kind, text[block.start : block.end]) for block in layout.blocks]


def test_a_headline_may_follow_the_pages_date(segmenter: Segmenter) -> None:
    text = ("date 2025-12-12 Advertisement\nDecember 12, 2025 / 4:05 PM\n\n"
            "Fenwick lender backs Kestrel cobalt refinery\n\nBy Ana Lima\n\nThe loan is worth $90 million.\n")
    layout = segmenter(text)
    assert layout.title == "Fenwick lender backs Kestrel cobalt refinery"
    assert [(zone, kind) for zone, kind, _ in blocks_of(layout, text)][:4] == [
        ("dateline", "dateline"), ("boilerplate", "boilerplate"), ("dateline", "dateline"), ("title", "title")]
    # a sentence after the date is no headline
    plain = "Published: Dec 12, 2025\n\nThe loan is worth $90 million, the lender said.\n\nIt closes in May.\n"
    assert segmenter(plain).title is None


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("Dec 12, 2025\n\n", "2025-12-12"),
        ("Mine Output Jumps\nDec 12, 2025\n\n", "2025-12-12"),
        ("Mine Output Jumps\n\n12 December 2025\n\n", "2025-12-12"),
        ("Mine Output Jumps\n28 Jan 2026 10:45\n", "2026-01-28T10:45"),
        ("Mine Output Jumps\n2026-01-28T10:45:00\n", "2026-01-28T10:45"),
        ("Mine Output Jumps\nBy Jane Doe\nPublished: Dec 12, 2025 16:05\n\n", "2025-12-12T16:05"),
        ("Mine Output Jumps\nUpdated: Dec 12, 2025\nPublished: Dec 11, 2025\n\n", "2025-12-12"),
        ("Mine Output Jumps\n\n", None),
    ],
)
def test_dateline_at_head(segmenter: Segmenter, head: str, published: str | None) -> None:
    text = head + "The mine produced 5,000 t of ore in December, the company said.\n"
    layout = segmenter(text)
    assert layout.published == published
    zones = [b.zone for b in layout.blocks]
    assert zones[-1] == "body"
    assert zones.count("dateline") == (1 if published else 0)
    assert "heading" not in zones


def test_byline_and_second_dateline_are_boilerplate(segmenter: Segmenter) -> None:
    text = (
        "Mine Output Jumps\nBy Jane Doe\nPublished: Dec 12, 2025\nUpdated: Dec 13, 2025\n\n"
        "Output rose 5% in November.\n"
    )
    assert blocks_of(segmenter(text), text) == [
        ("title", "title", "Mine Output Jumps"),
        ("boilerplate", "byline", "By Jane Doe"),
        ("dateline", "dateline", "Dec 12, 2025"),
        ("boilerplate", "dateline_extra", "Updated: Dec 13, 2025"),
        ("body", "paragraph", "Output rose 5% in November."),
    ]


@pytest.mark.parametrize(("line", "date_text", "byline_text"), [
    ("09 June 2024 - 11:20 By Orewire", "09 June 2024 - 11:20", "By Orewire"),
    ("3 Feb 2025  by Wire Staff", "3 Feb 2025", "by Wire Staff"),
    ("Jun 9, 2024 07:05:00 -0400 by Ana Lima | #Lithium", "Jun 9, 2024 07:05:00 -0400", "by Ana Lima | #Lithium"),
    ("Published: 9 June 2024 written by Tom Reyes", "9 June 2024", "written by Tom Reyes"),
])
def test_a_date_before_a_byline_is_split_off_below_the_headline(
        segmenter: Segmenter, line: str, date_text: str, byline_text: str) -> None:
    text = f"Smelter in Kestrel halts nickel intake\n{line}\n\nThe smelter stopped taking ore on Monday, its owner said.\n"
    layout = segmenter(text)
    assert layout.title == "Smelter in Kestrel halts nickel intake"
    found = [(zone, kind, piece.strip()) for zone, kind, piece in blocks_of(layout, text)][1:3]
    assert found == [("dateline", "dateline", date_text), ("boilerplate", "byline", byline_text)]
    assert layout.published is not None and layout.published.startswith("20")


def test_a_date_and_byline_line_inside_the_page_keeps_the_headline_above_it(segmenter: Segmenter) -> None:
    text = ("Metals desk\n\nSmelter In Kestrel Halts Nickel Intake\n\n14 Mar 2025 by Orewire\n"
            "The smelter stopped taking ore on Monday, its owner said.\n")
    kinds = [(zone, kind, piece.strip()) for zone, kind, piece in blocks_of(segmenter(text), text)]
    assert ("dateline", "dateline", "14 Mar 2025") in kinds
    assert ("boilerplate", "byline", "by Orewire") in kinds
    assert not any(zone == "body" and "Orewire" in piece for zone, _, piece in kinds)


@pytest.mark.parametrize("line", [
    "Sales rose by 4% in 2024",  # no date before "by"
    "9 June 2024 by the ministry, which said output fell sharply over the whole of the past quarter.",  # a sentence
    "Output of 9 June 2024 by Orewire",  # words before the date
    "9 June 2024 by",  # nobody after "by"
])
def test_lines_that_are_no_date_and_byline(segmenter: Segmenter, line: str) -> None:
    assert segmenter.dated_byline(Line(0, len(line), line)) is None
