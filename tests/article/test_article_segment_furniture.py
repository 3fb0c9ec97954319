"""Segmentation: page furniture never opens a section (issue 12). Hand-built pages in our own words."""

from __future__ import annotations

import pytest

from pipeline.article.layout import Line
from pipeline.article.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def section_titles(segmenter: Segmenter, text: str) -> list[str | None]:
    return [section.title for section in segmenter(text).sections]


STORY = "Marlin Metals said its Yarra Creek plant shipped 12,000 t of concentrate in the quarter."


@pytest.mark.parametrize("furniture", [
    "Full story",
    "PR Newswire",
    "Email newsletter signup",
    "Text Size",
    "Recommended Videos",
    "Latest Market News",
])
def test_page_controls_and_wire_credits_are_boilerplate(segmenter, furniture):
    assert segmenter.is_boilerplate(Line(0, len(furniture), furniture))
    text = f"Marlin Metals Lifts Output\n\n{furniture}\n\n{STORY}\n"
    assert set(section_titles(segmenter, text)) == {None}


@pytest.mark.parametrize("line", ["WKN DE: A1B2C3 / ISIN: AU0000123456", "ISIN: AU0000123456"])
def test_security_identifier_lines_are_boilerplate(segmenter, line):
    assert segmenter.is_boilerplate(Line(0, len(line), line))


@pytest.mark.parametrize(("line", "furniture"), [
    ("14, Mar. 2026", True),
    ("March 14, 2026 — 09:12 am GMT", True),
    ("Published 9:12 am Saturday, March 14, 2026", True),
    ("Written by Ana Ruiz, Tom Berg, Lea Okafor, Perth Newsroom for Orewire ->", True),
    ("Supply Side Tightens in March", False),
    ("Marlin Metals Outlook", False),
])
def test_date_lines_and_long_bylines_are_no_headings(segmenter, line, furniture):
    assert segmenter.is_furniture(Line(0, len(line), line)) is furniture
    text = f"Marlin Metals Lifts Output\n\n{line}\n\n{STORY}\n"
    assert (set(section_titles(segmenter, text)) == {None}) is furniture


def test_the_value_under_a_metadata_label_is_no_heading(segmenter):
    text = ("Marlin Metals Lifts Output\n\nTicker :\n\nMRL\n\nSector :\n\nDiversified Battery Metals\n\n"
            f"{STORY}\n\nOutlook for Marlin\n\nThe company expects a record year.\n")
    assert [t for t in section_titles(segmenter, text) if t] == ["Outlook for Marlin"]
    # the same title-case line without a label above it is a heading
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\nDiversified Battery Metals\n\nThe company expects a record year.\n"
    assert [t for t in section_titles(segmenter, text) if t] == ["Diversified Battery Metals"]


@pytest.mark.parametrize("line", [
    "Support our reporting. The Gold plan is R49 for the first month.",
    "subscribe Support our reporting and read every story.",
    "Log In Subscribe To read on, sign in to your account.",
    "Help Desk -",
    "WhatsApp Us Now !",
])
def test_paywall_and_contact_widgets_are_boilerplate(segmenter, line):
    assert segmenter.is_boilerplate(Line(0, len(line), line))


def test_a_sentence_about_subscribers_stays_in_the_story(segmenter):
    line = "Subscribers to the offer will receive one share for every two held."
    assert not segmenter.is_boilerplate(Line(0, len(line), line))


@pytest.mark.parametrize("line", ["2015-3-3", "25.12.1999", "10-31-74", "4-5-2016"])
def test_a_numeric_date_alone_on_its_line_is_no_phone_number(segmenter: Segmenter, line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{STORY}"
    zones = [block.zone for block in segmenter(text).blocks if text[block.start:block.end] == line]
    assert len(zones) == 1 and zones[0] != "boilerplate"


@pytest.mark.parametrize("line", ["0412 345 678", "(02) 9876-5432", "99588 16305, 98103 35381"])
def test_phone_lines_stay_boilerplate(segmenter: Segmenter, line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{STORY}"
    assert [block.zone for block in segmenter(text).blocks if text[block.start:block.end] == line] == ["boilerplate"]


@pytest.mark.parametrize(("line", "date_text"), [
    ("By Ana Ruiz | 03/14/2026 04:05 PM EDT", "03/14/2026 04:05 PM EDT"),
    ("Written by Staff | Mar 14, 2026 4:05:10 PM", "Mar 14, 2026 4:05:10 PM"),
    ("By Tom Berg | Orewire Daily | Updated: 2026-03-14 16:05", "2026-03-14 16:05"),
    # a comma may end the names too: the date is what follows the first comma after which only a date stands
    ("By Ana Ruiz, Mar 04, 2026", "Mar 04, 2026"),
    ("By Tom Berg, Harbour Desk Editor, 14 March 2026", "14 March 2026"),
])
def test_a_byline_ending_in_a_timestamp_keeps_it_as_a_dateline(segmenter, line, date_text):
    text = f"Marlin Metals Lifts Output\n\n{line}\n\n{STORY}\n"
    dated = [block for block in segmenter(text).blocks if block.zone == "dateline"]
    assert [text[block.start:block.end] for block in dated] == [date_text]


@pytest.mark.parametrize("line", ["By Ana Ruiz | Perth Newsroom", "By Ana Ruiz, Perth Newsroom", "By Ana Ruiz, 3 Ridge Road",
                                  "Posted by Ana Ruiz on Wed, 4 Mar 2026"])
def test_a_byline_without_a_date_after_its_names_stays_boilerplate(segmenter, line):
    """No date after a comma ending the names: a place, an address, or a comma inside the date itself."""
    text = f"Marlin Metals Lifts Output\n\n{line}\n\n{STORY}\n"
    assert not [block for block in segmenter(text).blocks if block.zone == "dateline"]


@pytest.mark.parametrize("head", [
    "", "Marlin Metals Lifts Output\n\n", "3 hours ago 12\n\nMarlin Metals Lifts Output\n\nOre Wire\n\n"])
def test_a_date_before_a_reading_time_is_the_pages_dateline(segmenter, head):
    text = f"{head}Wed, Mar 4, 2026, 5:42 PM 3 min read\n\n{STORY}\n"
    dated = [block for block in segmenter(text).blocks if block.zone == "dateline"]
    assert [text[block.start:block.end] for block in dated] == ["Wed, Mar 4, 2026, 5:42 PM"]


def test_a_reading_time_line_without_a_date_stays_furniture(segmenter):
    text = f"Marlin Metals Lifts Output\n\nOre Wire staff 3 min read\n\n{STORY}\n"
    assert not [block for block in segmenter(text).blocks if block.zone == "dateline"]


@pytest.mark.parametrize(("line", "date_text"), [
    ("Source: Ore Weekly | June 3, 2026", "June 3, 2026"),
    ("Source: Harbour Metals Review, 3 June 2026", "3 June 2026"),
    ("SOURCE: Cobalt Desk, Asia Edition, June 3, 2026", "June 3, 2026"),
    # a price service's credit puts its date and clock time after the name with only a space
    ("Source: Orewatch Jun 3, 2026 09:15", "Jun 3, 2026 09:15"),
])
def test_a_credit_line_ending_in_a_date_keeps_it_as_a_dateline(segmenter, line, date_text):
    """The story's source and its date: the source stays boilerplate, the date is the story's (above or below it)."""
    for text in (f"{line}\n\n{STORY}\n", f"Marlin Metals Lifts Output\n\n{STORY}\n\n{line}\n"):
        blocks = segmenter(text).blocks
        assert [text[block.start:block.end] for block in blocks if block.zone == "dateline"] == [date_text]
        assert not any("Source" in text[block.start:block.end] for block in blocks if block.zone != "boilerplate")


@pytest.mark.parametrize("line", ["Source: Ore Weekly", "Source: company filings, 2025", "Photo: Ana Ruiz | June 3, 2026",
                                  "Source: Ore Weekly June 2026 survey"])
def test_a_credit_line_without_a_full_date_stays_boilerplate(segmenter, line):
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\n{line}\n"
    assert not [block for block in segmenter(text).blocks if block.zone == "dateline"]
