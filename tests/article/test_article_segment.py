"""Segmentation: zones, kinds, sections and published dates on hand-built texts and on every seed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.article.layout import Layout, Line, build_sections, split_lines
from pipeline.article.layout_cues import LayoutCues
from pipeline.article.segment import Segmenter
from pipeline.resources.files import load_json

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def blocks_of(layout: Layout, text: str) -> list[tuple[str, str, str]]:
    return [(block.zone, block.kind, text[block.start : block.end]) for block in layout.blocks]


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def wire_items() -> list[dict]:
    return [json.loads(line) for line in (SEEDS / "012_wire_items.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: Dec 12, 2025 16:05", "2025-12-12T16:05"),
        ("Published on Dec 12, 2025", "2025-12-12"),
        ("published:Dec 12, 2025", "2025-12-12"),
        ("Posted: 12 December 2025", "2025-12-12"),
        ("Updated 2025-12-12T16:05", "2025-12-12T16:05"),
        ("Release date: 28 Jan 2026 10:45", "2026-01-28T10:45"),
        ("Published: Dec 12, 2025 | Source: Orewire", "2025-12-12"),
        ("Dec 12, 2025", "2025-12-12"),
        ("Publishedness: Dec 12, 2025", None),
        # a short section label before the prefixed date (issue 13)
        ("Metals Desk - Published on Fri, 12 Dec 2025", "2025-12-12"),
        ("Metals Desk - Dec 12, 2025 was a busy day", None),
        ("December 12, 2025 / 4:05 PM", "2025-12-12T16:05"),  # a wire page's date and time split by a slash
        ("Published: sometime soon", None),
    ],
)
def test_dateline_value_strips_prefix(segmenter: Segmenter, line: str, expected: str | None) -> None:
    assert segmenter.dateline_value(Line(0, len(line), line)) == expected


# ---------------------------------------------------------------- lines and cues

def test_split_lines_offsets_and_blank_lines() -> None:
    text = "  Title \r\n\r\n\u00a0\nBody one.\nBody two.\n"
    lines = split_lines(text)
    assert [(line.text, line.blank_before) for line in lines] == [
        ("Title", False),
        ("", False),
        ("", True),
        ("Body one.", True),
        ("Body two.", False),
    ]
    for line in lines:
        assert text[line.start : line.end] == line.text


def test_layout_cues_load_and_reject_unknown_keys() -> None:
    cues = load_json("layout/layout.json", LayoutCues)
    assert "related news" in cues.related_headers
    assert "data source statement" in cues.boilerplate_starts
    assert "read more" in cues.navigation_lines
    data = cues.model_dump()
    data["surprise"] = 1
    with pytest.raises(ValueError):
        LayoutCues.model_validate(data)


# ---------------------------------------------------------------- hand-built texts

REVIEW = (
    "Vietnam Passes Rare Earth Export Ban [Weekly Digest]\n"
    "\n"
    "Published: Dec 12, 2025 16:05\n"
    "A roundup of the week: Vietnam kept its ore at home.\n"
    "\n"
    "I. Asia Region Dynamics\n"
    "\n"
    "Vietnam Lawmakers Outlaw Raw Ore Shipments\n"
    "\n"
    "On December 11, the assembly voted. It takes effect in January.\n"
    "\n"
    "Supply side\n"
    "\n"
    "Mines ran hard in November, the ministry said.\n"
    "\n"
    "\u00a0\n"
    "\n"
    "Data Source Statement: figures compiled by us from public sources.\n"
    "\n"
    "For questions, please write to: desk@example.com\n"
    "Related News\n"
    "Brazil Drafts Clay Plan\n"
    "Jan 29, 2026 11:40\n"
    "Brazil Drafts Clay Plan\n"
    "Read More\n"
    "Brazil Drafts Clay Plan\n"
    "Brazil circulated a draft plan on Tuesday.\n"
    "Jan 29, 2026 11:40\n"
    "Chile Names 14 Minerals\n"
    "Jan 30, 2026\n"
    "Chile published a strategy.\n"
    "Vietnam Passes Rare Earth Export Ban [Weekly Digest] - Example Metals Network\n"
)

REVIEW_BLOCKS = [
    ("title", "title", "Vietnam Passes Rare Earth Export Ban [Weekly Digest]"),
    ("dateline", "dateline", "Dec 12, 2025 16:05"),
    ("body", "paragraph", "A roundup of the week: Vietnam kept its ore at home."),
    ("heading", "numbered_heading", "I. Asia Region Dynamics"),
    ("heading", "subheading", "Vietnam Lawmakers Outlaw Raw Ore Shipments"),
    ("body", "paragraph", "On December 11, the assembly voted. It takes effect in January."),
    ("heading", "subheading", "Supply side"),
    ("body", "paragraph", "Mines ran hard in November, the ministry said."),
    ("boilerplate", "boilerplate", "Data Source Statement: figures compiled by us from public sources."),
    ("boilerplate", "boilerplate", "For questions, please write to: desk@example.com"),
    ("boilerplate", "related_header", "Related News"),
    ("related", "teaser_title", "Brazil Drafts Clay Plan"),
    ("related", "teaser_date", "Jan 29, 2026 11:40"),
    ("boilerplate", "repeat", "Brazil Drafts Clay Plan"),
    ("boilerplate", "repeat", "Read More"),
    ("boilerplate", "repeat", "Brazil Drafts Clay Plan"),
    ("related", "teaser_text", "Brazil circulated a draft plan on Tuesday."),
    ("boilerplate", "repeat", "Jan 29, 2026 11:40"),
    ("related", "teaser_title", "Chile Names 14 Minerals"),
    ("related", "teaser_date", "Jan 30, 2026"),
    ("related", "teaser_text", "Chile published a strategy."),
    ("boilerplate", "page_title", "Vietnam Passes Rare Earth Export Ban [Weekly Digest] - Example Metals Network"),
]


def test_review_layout_blocks(segmenter: Segmenter) -> None:
    layout = segmenter(REVIEW)
    assert blocks_of(layout, REVIEW) == REVIEW_BLOCKS
    assert layout.title == "Vietnam Passes Rare Earth Export Ban [Weekly Digest]"
    assert layout.published == "2025-12-12T16:05"


def test_review_layout_sections_and_references(segmenter: Segmenter) -> None:
    layout = segmenter(REVIEW)
    by_text = {REVIEW[b.start : b.end]: b for b in layout.blocks if b.zone != "boilerplate"}
    assert by_text["On December 11, the assembly voted. It takes effect in January."].section == (
        "Vietnam Lawmakers Outlaw Raw Ore Shipments"
    )
    assert by_text["Mines ran hard in November, the ministry said."].section == "Supply side"
    assert by_text["A roundup of the week: Vietnam kept its ore at home."].section is None
    assert by_text["Brazil circulated a draft plan on Tuesday."].reference == "2026-01-29"
    assert by_text["Brazil circulated a draft plan on Tuesday."].section == "Brazil Drafts Clay Plan"
    assert by_text["Chile published a strategy."].reference == "2026-01-30"
    assert [(s.title, s.zone, REVIEW[s.start : s.end].split("\n")[0]) for s in layout.sections] == [
        (None, "body", "A roundup of the week: Vietnam kept its ore at home."),
        ("I. Asia Region Dynamics", "heading", "I. Asia Region Dynamics"),
        ("Vietnam Lawmakers Outlaw Raw Ore Shipments", "body", "Vietnam Lawmakers Outlaw Raw Ore Shipments"),
        ("Supply side", "body", "Supply side"),
        (None, "boilerplate", "Data Source Statement: figures compiled by us from public sources."),
        ("Brazil Drafts Clay Plan", "related", "Brazil Drafts Clay Plan"),
        ("Chile Names 14 Minerals", "related", "Chile Names 14 Minerals"),
        (None, "boilerplate", "Vietnam Passes Rare Earth Export Ban [Weekly Digest] - Example Metals Network"),
    ]


def test_numbered_heading_opens_section_for_following_body(segmenter: Segmenter) -> None:
    text = "Weekly Digest\n\nII. Deals in North America\n\nTronox secured a loan on Monday.\n"
    layout = segmenter(text)
    assert blocks_of(layout, text) == [
        ("title", "title", "Weekly Digest"),
        ("heading", "numbered_heading", "II. Deals in North America"),
        ("body", "paragraph", "Tronox secured a loan on Monday."),
    ]
    assert layout.blocks[-1].section == "II. Deals in North America"


@pytest.mark.parametrize(
    ("line", "is_heading"),
    [
        ("I. Asia Region Dynamics", True),
        ("2. Prices", True),
        ("Round Top Schedule Brought Forward to 2028", True),
        ("Lofdal Study Puts Pre-Tax NPV at $1.25 Billion", True),
        ("Supply side", True),
        ("India's five-year plan", True),
        ("Prices fell sharply on Monday.", False),  # a short body sentence
        ("Output rose 5%.", False),
        ("Note:", False),
        ("the market was quiet", False),  # lower-case start: a wrapped line
        ("Prices rose because of", False),  # ends in a function word
        ("Analysts expect prices to keep climbing through the first quarter while stocks remain thin", False),
    ],
)
def test_heading_candidates(segmenter: Segmenter, line: str, is_heading: bool) -> None:
    text = f"{line}\n\nThe company said output rose in the quarter, and prices were firm.\n"
    lines = [item for item in split_lines(text) if item.text]
    assert segmenter.is_heading(lines[0], lines[1]) is is_heading


def test_heading_needs_text_under_it_and_blank_lines_around_it(segmenter: Segmenter) -> None:
    text = "Cobalt prices rose this week, the ministry said.\n\nSupply side\n"
    layout = segmenter(text)
    assert [b.zone for b in layout.blocks] == ["body", "body"]
    wrapped = "Output in the quarter was higher\nSupply Side Constraints\nthan expected, the company said.\n"
    assert [b.zone for b in segmenter(wrapped).blocks] == ["body"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Data Source Statement: figures compiled by Orewire.", True),
        ("Disclaimer: prices are for reference only.", True),
        ("Copyright 2026 Orewire. All rights reserved.", True),
        ("For questions about this digest, please write to: raredesk@orewire.example", True),
        ("Price desk: +86 21 5155 0306 | prices@orewire.example", True),
        ("Tokyo desk: +81 3 5225 0142 | New Delhi desk: +91 11 4056 7788", True),
        ("+61 8 9322 1182", True),
        ("99322 11820, 98103 35381", True),  # several numbers of a help-desk widget
        ("4,500,000", False),
        ("Read More", True),
        ("Read more >>", True),
        ("By Jane Doe", True),
        ("Posted By : Jane Doe on Tue, 18 Jun 2019", True),  # a page's byline with its date: no fact of the story
        ("Reporting by Jane Doe; Editing by John Roe", True),
        ("(Reporting by Jane Doe in Perth; Editing by John Roe)", True),  # a wire credit in brackets
        ("[Writing by Ana Lima]", True),
        ("5 hours ago", True),  # a page's relative timestamp
        ("an hour ago", True),
        # an aggregator's own-language membership or cookie line (issue 13); foreign names in English stay
        ("Nur für Abonnenten: jetzt kostenlos registrieren und weiterlesen", True),
        ("Dit artikel is alleen voor abonnees, word nu lid", True),
        ("Compañía Minera del Pacífico said output at its El Romeral mine fell in May.", False),
        ("Minas de Oro del Sur", False),
        ("Output fell 5% from a year ago", False),
        ("(The ministry confirmed the quota on Friday.)", False),
        ("Pr-Nd oxide was assessed at 433,000-437,000 yuan/mt, up 5,000 yuan/mt.", False),
        ("Exports are capped at 96,600 t a year in 2026 and 2027.", False),
        ("By 2030 the company aims to double output.", False),
        ("Supply side", False),
    ],
)
def test_boilerplate_lines(segmenter: Segmenter, line: str, expected: bool) -> None:
    assert segmenter.is_boilerplate(Line(0, len(line), line)) is expected


def test_page_furniture_above_the_headline_is_skipped(segmenter: Segmenter) -> None:
    text = ("Help Desk -\n99322 11820, 98103 35381\n\nKestrel mine flooded as rains hit Fenwick\n\n"
            "Metals Desk - Published on Fri, 12 Dec 2025\n\nFloods halted work at the Kestrel mine on Thursday.\n")
    layout = segmenter(text)
    assert layout.title == "Kestrel mine flooded as rains hit Fenwick"
    assert layout.published == "2025-12-12"
    assert [zone for zone, _, _ in blocks_of(layout, text)] == ["boilerplate", "boilerplate", "title", "dateline", "body"]


def test_a_crawler_date_stamp_is_cut_off_the_first_line(segmenter: Segmenter) -> None:
    text = "date 2025-12-12 The ministry said on Friday that the cobalt export ban took effect.\n\nIt runs to May.\n"
    layout = segmenter(text)
    assert layout.published == "2025-12-12" and layout.title is None
    assert blocks_of(layout, text)[:2] == [
        ("dateline", "dateline", "2025-12-12"),
        ("body", "paragraph", "The ministry said on Friday that the cobalt export ban took effect."),
    ]


def test_bare_paragraph_is_one_body_section(segmenter: Segmenter) -> None:
    text = "Greenbush Chemicals said on Monday that it had signed a supply agreement. Shares rose 4%.\n"
    layout = segmenter(text)
    assert blocks_of(layout, text) == [("body", "paragraph", text.strip())]
    assert layout.title is None and layout.published is None
    assert [(s.title, s.start, s.end, s.zone) for s in layout.sections] == [(None, 0, len(text) - 1, "body")]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\u00a0\n"])
def test_empty_text_gives_empty_layout(segmenter: Segmenter, text: str) -> None:
    layout = segmenter(text)
    assert layout.blocks == [] and layout.sections == []
    assert layout.title is None and layout.published is None


def test_wire_dateline_stays_body_and_published_comes_from_published_line(segmenter: Segmenter) -> None:
    text = (
        "Graphite Miner Lines Up Loan\n\nPublished: Feb 10, 2026 08:30\n\n"
        "TORONTO, Feb 10 (Orewire) - Laurentian Graphite said on Tuesday that a bank will lend it C$120 million.\n"
    )
    layout = segmenter(text)
    assert layout.published == "2026-02-10T08:30"
    assert blocks_of(layout, text)[-1] == (
        "body",
        "paragraph",
        "TORONTO, Feb 10 (Orewire) - Laurentian Graphite said on Tuesday that a bank will lend it C$120 million.",
    )


def test_wire_dateline_without_published_line_gives_no_date(segmenter: Segmenter) -> None:
    text = "TORONTO, Feb 10 (Orewire) - Laurentian Graphite said on Tuesday that it raised C$35 million.\n"
    layout = segmenter(text)
    assert layout.published is None
    assert [b.zone for b in layout.blocks] == ["body"]


def test_paragraphs_split_on_blank_lines_and_keep_wrapped_lines(segmenter: Segmenter) -> None:
    text = "Output in the quarter was\nhigher than expected.\n\nShares rose.\n\u00a0\nCash rose too.\n"
    layout = segmenter(text)
    assert blocks_of(layout, text) == [
        ("body", "paragraph", "Output in the quarter was\nhigher than expected."),
        ("body", "paragraph", "Shares rose."),
        ("body", "paragraph", "Cash rose too."),
    ]
    assert len(layout.sections) == 1


def test_single_newline_layout_splits_paragraphs_at_sentence_ends(segmenter: Segmenter) -> None:
    text = "Cobalt Output Jumps\nDec 12, 2025\nCobalt output rose 5%.\nPrices fell 2%.\nContact: Jane Doe\n"
    assert blocks_of(segmenter(text), text) == [
        ("title", "title", "Cobalt Output Jumps"),
        ("dateline", "dateline", "Dec 12, 2025"),
        ("body", "paragraph", "Cobalt output rose 5%."),
        ("body", "paragraph", "Prices fell 2%."),
        ("boilerplate", "boilerplate", "Contact: Jane Doe"),
    ]


def test_related_teaser_without_date_uses_article_reference(segmenter: Segmenter) -> None:
    text = (
        "Main text about cobalt.\nRelated News\nNickel Falls\nDec 10, 2025\n"
        "Nickel fell 3% yesterday.\nZinc Rises\nZinc rose.\n"
    )
    layout = segmenter(text)
    teasers = [(text[b.start : b.end], b.kind, b.section, b.reference) for b in layout.blocks if b.zone == "related"]
    assert teasers == [
        ("Nickel Falls", "teaser_title", "Nickel Falls", "2025-12-10"),
        ("Dec 10, 2025", "teaser_date", "Nickel Falls", "2025-12-10"),
        ("Nickel fell 3% yesterday.", "teaser_text", "Nickel Falls", "2025-12-10"),
        ("Zinc Rises", "teaser_title", "Zinc Rises", None),
        ("Zinc rose.", "teaser_text", "Zinc Rises", None),
    ]


def test_crlf_offsets_are_exact(segmenter: Segmenter) -> None:
    text = REVIEW.replace("\n", "\r\n")
    layout = segmenter(text)
    assert blocks_of(layout, text) == REVIEW_BLOCKS
    assert layout.published == "2025-12-12T16:05"


def test_build_sections_skips_title_and_dateline() -> None:
    from pipeline.article.layout import Block

    blocks = [
        Block(0, 5, "title", "title", None),
        Block(6, 10, "dateline", "dateline", None),
        Block(11, 20, "body", "paragraph", None),
        Block(21, 30, "heading", "subheading", "Prices"),
        Block(31, 40, "body", "paragraph", "Prices"),
        Block(41, 50, "boilerplate", "boilerplate", None),
        Block(51, 60, "boilerplate", "boilerplate", None),
    ]
    assert [(s.title, s.start, s.end, s.zone) for s in build_sections(blocks)] == [
        (None, 11, 20, "body"),
        ("Prices", 21, 40, "body"),
        (None, 41, 60, "boilerplate"),
    ]


# ---------------------------------------------------------------- the seeds

SEED_EXPECTATIONS = {
    "001_weekly_review_asia_americas.txt": {
        "published": "2025-12-12T16:05",
        "title": "Vietnam Locks Down Rare Earth Ore as North American Supply Deals Gather Pace "
        "[Orewire Weekly Rare Earth Digest]",
        "zones": {"title": 1, "dateline": 1, "body": 7, "heading": 8, "boilerplate": 15, "related": 6},
        "numbered": ["I. Asia Region Dynamics", "II. Deals and Timelines in North America"],
        "subheadings": [
            "Vietnam Lawmakers Outlaw Shipments of Raw Rare Earth Ore",
            "Malaysia Seeks Tighter Federal-State Alignment on Rare Earths",
            "Tokyo Sets January Start for Deep-Sea Rare Earth Drilling",
            "Round Top Schedule Brought Forward to 2028",
            "REAlloys Signs Five-Year Purchase Deal With Saskatchewan Research Council",
            "Tronox Lines Up Export Credit Support for Western Australia Refinery",
        ],
        "teasers": [
            ("Brazil Drafts Rare Earth Plan for Ionic Clays", "2026-01-29"),
            ("Malaysia, France Advance Rare Earth Processing Pact", "2026-01-27"),
        ],
        "boilerplate": ["boilerplate", "boilerplate", "boilerplate", "related_header", "page_title"],
    },
    "002_weekly_review_europe_capital.txt": {
        "published": "2025-12-19T15:30",
        "title": "EU Backs 25 Raw Material Projects as U.S. and Australia Fund Allied Supply "
        "[Orewire Weekly Rare Earth Digest]",
        "zones": {"title": 1, "dateline": 1, "body": 6, "heading": 7, "boilerplate": 20, "related": 9},
        "numbered": ["I. Europe and Africa Developments", "II. Capital Markets and International Cooperation"],
        "subheadings": [
            "Boliden Chief Urges Europe to Close Its Critical Minerals Gap",
            "Lofdal Study Puts Pre-Tax NPV at $1.25 Billion",
            "Lynas Shares Give Back October Gains",
            "Washington and Canberra Commit $3 Billion to Joint Minerals Push",
            "Beijing and Kuala Lumpur Still Talking on Processing Plant",
        ],
        "teasers": [
            ("Chile Names 14 Critical Minerals in New National Strategy", "2026-01-30"),
            ("Overseas Pr-Nd Offers Surge, Mine Work Accelerates [Orewire Weekly Rare Earth Digest]", "2026-01-30"),
            ("India Weighs Stricter Auction Rules to Lift Mine Output", "2026-01-30"),
        ],
        "boilerplate": ["boilerplate", "boilerplate", "boilerplate", "related_header", "page_title"],
    },
    "003_price_report_prnd.txt": {
        "published": "2026-01-08T17:02",
        "zones": {"title": 1, "dateline": 1, "body": 6, "heading": 2, "boilerplate": 2},
        "subheadings": ["Supply side", "Demand and outlook"],
        "boilerplate": ["boilerplate", "boilerplate"],
    },
    "004_lithium_miner_quarterly.txt": {
        "published": "2026-01-28T10:45",
        "zones": {"title": 1, "dateline": 1, "body": 9, "heading": 3},
        "subheadings": ["Resource upgrade", "Acquisition", "Growth plans and guidance"],
    },
    "005_canada_graphite_financing.txt": {
        "published": "2026-02-10T08:30",
        "zones": {"title": 1, "dateline": 1, "body": 8, "heading": 2},
        "subheadings": ["Feasibility study results", "Offtake with cell maker"],
    },
    "006_policy_export_controls.txt": {
        "published": "2026-02-05T11:20",
        "zones": {"title": 1, "dateline": 1, "body": 9, "heading": 1},
        "subheadings": ["US response"],
    },
    "007_eu_strategy_projects.txt": {
        "published": "2026-02-24T13:10",
        "zones": {"title": 1, "dateline": 1, "body": 8, "heading": 2},
        "subheadings": ["Permit decision in Sweden", "Kazakhstan cooperation"],
    },
    "008_africa_cobalt_disruption.txt": {
        "published": "2026-01-22T09:40",
        "zones": {"title": 1, "dateline": 1, "body": 8, "heading": 2},
        "subheadings": ["Prices and output", "Zambia drilling"],
    },
    "009_brazil_us_investment.txt": {
        "published": "2026-03-05T12:00",
        "zones": {"title": 1, "dateline": 1, "body": 8, "heading": 2},
        "subheadings": ["Resource and pilot plant", "Timeline"],
    },
    "010_india_japan_mixed.txt": {
        "published": "2026-02-12T18:05",
        "zones": {"title": 1, "dateline": 1, "body": 8, "heading": 3, "boilerplate": 1},
        "subheadings": ["India's five-year plan", "Talks with Japanese partner", "Japan's funding push"],
        "boilerplate": ["boilerplate"],
    },
    "011_plain_paragraph.txt": {"published": None, "title": None, "zones": {"body": 1}},
}


def test_every_seed_has_expectations() -> None:
    assert sorted(SEED_EXPECTATIONS) == sorted(path.name for path in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("name", sorted(SEED_EXPECTATIONS))
def test_seed_layout(segmenter: Segmenter, name: str) -> None:
    expected = SEED_EXPECTATIONS[name]
    text = seed_text(name)
    layout = segmenter(text)
    assert layout.published == expected["published"]
    first_line = text.split("\n", 1)[0].strip()
    assert layout.title == expected.get("title", first_line)
    assert dict(Counter(block.zone for block in layout.blocks)) == expected["zones"]
    headings = [(b.kind, text[b.start : b.end]) for b in layout.blocks if b.zone == "heading"]
    assert [t for kind, t in headings if kind == "numbered_heading"] == expected.get("numbered", [])
    assert [t for kind, t in headings if kind == "subheading"] == expected.get("subheadings", [])
    teasers = [(text[b.start : b.end], b.reference) for b in layout.blocks if b.kind == "teaser_title"]
    assert teasers == expected.get("teasers", [])
    kinds = [b.kind for b in layout.blocks if b.zone == "boilerplate" and b.kind != "repeat"]
    assert kinds == expected.get("boilerplate", [])


@pytest.mark.parametrize("name", sorted(SEED_EXPECTATIONS))
def test_seed_blocks_are_exact_ordered_and_disjoint(segmenter: Segmenter, name: str) -> None:
    text = seed_text(name)
    layout = segmenter(text)
    previous_end = 0
    for block in layout.blocks:
        chunk = text[block.start : block.end]
        assert chunk == chunk.strip() and chunk
        assert block.start >= previous_end
        previous_end = block.end
        if block.zone in ("title", "dateline", "boilerplate"):
            assert block.section is None
        if block.zone == "heading":
            assert block.section == chunk
    # Every non-blank character is covered, except a dateline prefix such as "Published:".
    covered = set()
    for block in layout.blocks:
        covered.update(range(block.start, block.end))
    uncovered = "".join(text[i] for i in range(len(text)) if i not in covered and not text[i].isspace())
    assert uncovered in ("", "Published:")


@pytest.mark.parametrize("name", sorted(SEED_EXPECTATIONS))
def test_seed_sections_are_sane(segmenter: Segmenter, name: str) -> None:
    text = seed_text(name)
    layout = segmenter(text)
    assert layout.sections
    previous_end = 0
    headings = {text[b.start : b.end] for b in layout.blocks if b.zone == "heading"}
    teasers = {text[b.start : b.end] for b in layout.blocks if b.kind == "teaser_title"}
    for section in layout.sections:
        assert previous_end <= section.start < section.end <= len(text)
        previous_end = section.end
        if section.zone in ("heading", "related") or (section.zone == "body" and section.title):
            assert text[section.start : section.end].startswith(section.title)
            assert section.title in headings | teasers
        if section.zone == "boilerplate":
            assert section.title is None
    body_sections = [s for s in layout.sections if s.zone == "body"]
    assert body_sections


def test_seed_related_repeats_and_read_more_are_boilerplate(segmenter: Segmenter) -> None:
    text = seed_text("001_weekly_review_asia_americas.txt")
    layout = segmenter(text)
    related = [(text[b.start : b.end], b.kind) for b in layout.blocks if b.zone == "related"]
    assert [kind for _, kind in related] == ["teaser_title", "teaser_date", "teaser_text"] * 2
    assert related[1][0] == "Jan 29, 2026 11:40"
    repeats = [text[b.start : b.end] for b in layout.blocks if b.kind == "repeat"]
    assert repeats.count("Read More") == 2
    assert repeats.count("Jan 29, 2026 11:40") == 1
    assert repeats.count("Brazil Drafts Rare Earth Plan for Ionic Clays") == 3


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_seed_whitespace_line_before_disclaimer_is_ignored(segmenter: Segmenter, space: str) -> None:
    text = seed_text("001_weekly_review_asia_americas.txt")
    assert "\n \n\nData Source Statement" in text
    text = text.replace("\n \n\nData Source Statement", f"\n{space}\n\nData Source Statement")
    layout = segmenter(text)
    nbsp = text.index(f"\n{space}\n") + 1
    assert all(not (b.start <= nbsp < b.end) for b in layout.blocks)
    after = next(b for b in layout.blocks if b.start > nbsp)
    assert after.zone == "boilerplate" and text[after.start :].startswith("Data Source Statement")


def test_seed_wire_dateline_stays_in_body(segmenter: Segmenter) -> None:
    text = seed_text("005_canada_graphite_financing.txt")
    layout = segmenter(text)
    first_body = next(b for b in layout.blocks if b.zone == "body")
    assert text[first_body.start :].startswith("TORONTO, Feb 10 (Orewire) - Laurentian Graphite")
    assert layout.published == "2026-02-10T08:30"


@pytest.mark.parametrize("item", wire_items(), ids=lambda item: item["id"])
def test_wire_items_are_one_body_section(segmenter: Segmenter, item: dict) -> None:
    layout = segmenter(item["text"])
    assert [(b.zone, b.kind, b.start, b.end) for b in layout.blocks] == [
        ("body", "paragraph", 0, len(item["text"].rstrip()))
    ]
    assert layout.published is None and layout.title is None
    assert [(s.title, s.zone) for s in layout.sections] == [(None, "body")]


def test_title_repeated_in_the_page_is_boilerplate(segmenter: Segmenter) -> None:
    text = ("Kestrel Lithium Doubles Spodumene Output at Yarra Creek\n\n"
            "Market data\n\n"
            "Kestrel Lithium Doubles Spodumene Output at Yarra Creek\n"
            "Kestrel Lithium Doubles Spodumene Output at\n\n"
            "Kestrel Lithium said output reached 40,000 t in the quarter.\n\n"
            "Kestrel Lithium output news\n")
    blocks = blocks_of(segmenter(text), text)
    repeats = [b for b in blocks if b[2].startswith("Kestrel Lithium Doubles")]
    assert repeats[0][0] == "title" and [b[0] for b in repeats[1:]] == ["boilerplate", "boilerplate"]
    # a short line merely opening like the title is no copy of it
    assert ("body", "paragraph", "Kestrel Lithium said output reached 40,000 t in the quarter.") in blocks
    assert not any(b[0] == "boilerplate" and b[2] == "Kestrel Lithium output news" for b in blocks)


def test_a_long_line_shown_twice_is_furniture_the_second_time(segmenter: Segmenter) -> None:
    caption = "Haul trucks at the Yarra Creek pit in western Queensland (file photo)"
    text = (f"Kestrel Lithium Lifts Output\n\n{caption}\n\nKestrel Lithium said output rose 12% in the quarter.\n\n"
            f"{caption}\n\nShort line\n\nShort line\n")
    blocks = blocks_of(segmenter(text), text)
    copies = [b[0] for b in blocks if b[2] == caption]
    assert copies[0] != "boilerplate" and copies[1:] == ["boilerplate"]
    assert [b[0] for b in blocks if b[2] == "Short line"].count("boilerplate") == 0  # short lines may repeat


def test_line_key_folds_whitespace_runs_as_the_regex_does() -> None:
    # Line.key joins the stripped text's words with one space: what re.sub(r"\s+", " ", ...) gives, Unicode
    # whitespace included
    import random
    import re

    rng = random.Random(4)
    pieces = ["Copper", "PRICE", "é", ",", " ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\x85", "\u200b", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        line = Line(0, len(text), text)
        assert line.key == re.sub(r"\s+", " ", text.strip()).lower(), repr(text)
