"""The head of a page: headline, bylines and dateline in their orders, on hand-built texts."""

from __future__ import annotations

import pytest

from pipeline.article.layout import Layout
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
