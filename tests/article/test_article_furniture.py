"""Page furniture (``pipeline/article/furniture.py``) and the headline rules that go with it.
Hand-built pages in our own words."""

from __future__ import annotations

import pytest

from pipeline.article.furniture import Furniture
from pipeline.article.layout import Line, split_lines
from pipeline.article.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


STORY = ("Marlin Metals said on Tuesday its Yarra Creek plant shipped 12,000 tonnes of lithium concentrate in the "
         "March quarter, a record for the site, and that a second crusher would start in the second half of 2026.")
SHORT = "Marlin Metals said the new crusher would lift output by a fifth."


def zones_of(segmenter: Segmenter, text: str, line: str) -> list[str]:
    return [block.zone for block in segmenter(text).blocks if text[block.start:block.end] == line]


@pytest.mark.parametrize("line", [
    "Skip to main content",
    "Exit mobile version",
    "Comments are closed.",
    "Leave a Reply",
    "Read more here.",
    "• Share.",
    "Click here to read the company's full statement.",
    "Picture: Marlin Metals",
    "Site manager Ana Ruiz (left) with the new crusher at Yarra Creek",
    "Yarra Creek crusher | Ana Ruiz | Getty Images",
    "The Yarra Creek pit in 2024. File.",
    "© Marlin Metals 2026",
    "Ore Daily |",
    "3 min read",
    "The post Marlin lifts output appeared first on Ore Daily.",
    "1519",
    "A loader at the Yarra Creek pit. File photo: Ore Daily.",
    "Type to search",
    "Start your 21 day free trial today!",
    "Try Ore Daily Pro with a 7-day free trial",
])
def test_furniture_lines_are_boilerplate(segmenter, line):
    assert segmenter.is_boilerplate(Line(0, len(line), line))
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\n{line}\n\n{SHORT}\n"
    assert zones_of(segmenter, text, line) == ["boilerplate"]


@pytest.mark.parametrize("line", [
    "Marlin Metals said the post of chief executive would be filled by June.",
    "The left bank of the river holds the tailings dam.",
    "Read the full statement, the company said, before voting on the deal.",
    "Marlin Metals gives buyers of its software a 30-day free trial.",
])
def test_story_sentences_with_furniture_words_stay_in_the_story(segmenter, line):
    assert not segmenter.is_boilerplate(Line(0, len(line), line))


def test_a_link_to_another_story_is_a_related_teaser(segmenter):
    link = "ALSO READ: Tarn Minerals wins approval for its Kestrel smelter"
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\n{link}\n\n{SHORT}\n"
    layout = segmenter(text)
    assert zones_of(segmenter, text, link) == ["related"]
    assert zones_of(segmenter, text, SHORT) == ["body"]
    assert [section.zone for section in layout.sections] == ["body", "related", "body"]


@pytest.mark.parametrize("line", ["2026", "Shipments by quarter"])
def test_a_year_or_a_label_alone_is_no_share_count(segmenter, line):
    assert not segmenter.is_boilerplate(Line(0, len(line), line))


def test_a_sentence_opening_like_a_link_stays_in_the_story(segmenter):
    line = "Also on Tuesday, Marlin Metals signed a supply deal with Tarn Minerals."
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\n{line}\n\n{SHORT}\n"
    assert zones_of(segmenter, text, line) == ["body"]


def test_a_link_word_alone_is_no_teaser(segmenter):
    line = "Read also:"
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\n{line}\n\n{SHORT}\n"
    assert zones_of(segmenter, text, line) != ["related"]


def test_headlines_under_an_inline_related_header_are_furniture(segmenter):
    teasers = ["Tarn Minerals wins approval for its Kestrel smelter", "Copper price slips as Chilean output recovers"]
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\nSEE ALSO\n\n" + "\n\n".join(teasers) + f"\n\n{SHORT}\n"
    for line in ["SEE ALSO", *teasers]:
        assert zones_of(segmenter, text, line) == ["boilerplate"]
    assert zones_of(segmenter, text, SHORT) == ["body"]


def test_a_strip_of_headlines_on_one_line_under_a_header_is_furniture(segmenter):
    strip = "Tarn wins smelter approval • Copper slips on Chile • Gold steadies ahead of Fed"
    text = f"Off the wire\n{strip}\nMarlin Metals Lifts Output\n\n{STORY}\n"
    assert zones_of(segmenter, text, strip) == ["boilerplate"]


TEASER_RUN = ["Tarn Minerals Wins Approval For Kestrel Smelter", "Copper Price Slips As Chilean Output Recovers"]


def test_a_run_of_title_case_headlines_after_the_story_is_furniture(segmenter):
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\n{SHORT}\n" + "\n".join(TEASER_RUN) + "\n"
    for line in TEASER_RUN:
        assert zones_of(segmenter, text, line) == ["boilerplate"]


def test_title_case_summary_points_above_the_story_stay(segmenter):
    points = ["Twelve Rare Metals Held In Four Warehouses", "Budget Raised To Widen Purchases This Year"]
    text = "Marlin Metals Lifts Output\n\n" + "\n".join(points) + f"\n\n{STORY}\n"
    for line in points:
        assert zones_of(segmenter, text, line) != ["boilerplate"]


def test_a_heading_and_its_sub_heading_above_text_stay(segmenter):
    text = (f"Marlin Metals Lifts Output\n\n{STORY}\n\nOutlook For The Second Half\n\nCrusher Upgrade Comes First In July"
            f"\n\n{SHORT}\n")
    assert zones_of(segmenter, text, "Outlook For The Second Half") == ["heading"]


def test_sentence_case_lines_after_the_story_are_no_headline_run(segmenter):
    lines = ["Tarn Minerals wins approval for its Kestrel smelter", "Copper price slips as Chilean output recovers"]
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n" + "\n".join(lines) + "\n"
    assert all(zones_of(segmenter, text, line) != ["boilerplate"] for line in lines)


def test_hard_wrapped_text_has_no_capitalised_headings(segmenter):
    text = ("PERTH, March 14 (Orewire) - Marlin Metals has stopped shipping\n"
            "concentrate from its Yarra Creek mine after a flood.\n"
            "Chinese buyers Tarn Minerals, Kestrel Resources\n"
            "Group and Heron Lithium Holdings\n"
            "have agreed to take the cargoes once shipping resumes.\n"
            "The company said it expected to restart\n"
            "shipments by the end of the month.\n")
    layout = segmenter(text)
    assert not [block for block in layout.blocks if block.zone == "heading"]
    assert Furniture(segmenter.cues).is_hard_wrapped([line for line in split_lines(text) if line.text])
    assert not Furniture(segmenter.cues).is_hard_wrapped([Line(0, 10, STORY), Line(0, 10, SHORT)])


def test_a_sentence_case_headline_over_a_long_paragraph_is_the_title(segmenter):
    headline = "Marlin extends its concentrate export halt by a month"
    layout = segmenter(f"{headline}\n{STORY}\n{SHORT}\n")
    assert layout.title == headline


def test_a_sentence_case_headline_over_a_standfirst_is_the_title(segmenter):
    headline = "Marlin extends its concentrate export halt by a month"
    standfirst = ["Tarn Minerals backs the halt to steady prices", "Spot lithium up a third since January"]
    layout = segmenter(f"{headline}\n" + "\n".join(standfirst) + f"\n{STORY}\n{SHORT}\n")
    assert layout.title == headline
    # three short lines before the paragraph are too many for a standfirst
    layout = segmenter(f"{headline}\n" + "\n".join([*standfirst, SHORT]) + f"\n{STORY}\n")
    assert layout.title is None


def test_a_short_line_over_short_lines_only_is_no_title(segmenter):
    layout = segmenter(f"Marlin extends its export halt\n{SHORT}\n{SHORT}\n{SHORT}\n")
    assert layout.title is None


def test_a_first_line_repeated_below_is_the_title_even_with_a_full_stop(segmenter):
    headline = "Marlin Metals extends its concentrate export halt by a month."
    text = f"Latest News\n\n{headline}\n\n{headline}\n\n{STORY}\n"
    layout = segmenter(text)
    assert layout.title == headline
    assert [block.zone for block in layout.blocks][:3] == ["boilerplate", "title", "boilerplate"]


@pytest.mark.parametrize("label", ["Sport", "AFRICA", "Lithium"])
def test_a_one_word_section_label_at_the_top_is_no_title(segmenter, label):
    layout = segmenter(f"{label}\n\nMarlin Metals Lifts Output\n\n{STORY}\n")
    assert layout.title == "Marlin Metals Lifts Output"
    assert layout.blocks[0].zone == "boilerplate"


def test_a_label_after_a_crawler_stamp_is_furniture(segmenter):
    text = f"date 2026-03-14 Lithium\n\n{STORY}\n"
    layout = segmenter(text)
    assert layout.published == "2026-03-14"
    assert zones_of(segmenter, text, "Lithium") == ["boilerplate"]


def test_a_time_before_the_date_is_read_as_a_dateline(segmenter):
    text = f"Published: 16:05, March 14, 2026\nMarlin extends its export halt by a month\nBy Ana Ruiz\n\n{STORY}\n"
    layout = segmenter(text)
    assert layout.published == "2026-03-14T16:05"
    assert layout.title == "Marlin extends its export halt by a month"


def test_a_date_line_we_cannot_read_is_no_title(segmenter):
    text = f"Published on 14/03/26 at 16.05\n\nMarlin extends its export halt by a month\n\n{STORY}\n"
    layout = segmenter(text)
    assert layout.title == "Marlin extends its export halt by a month"
    assert layout.blocks[0].zone == "boilerplate"


def test_a_dotted_day_first_date_line_is_the_dateline(segmenter):
    text = f"Published on 14.03.2026 at 16.05\n\nMarlin extends its export halt by a month\n\n{STORY}\n"
    layout = segmenter(text)
    assert layout.published == "2026-03-14T16:05"
    assert layout.title == "Marlin extends its export halt by a month"


@pytest.mark.parametrize(("line", "label"), [
    ("Posted on 14.03.2026", True),
    ("Updated 14.03.2026 at 16.05", True),
    ("Date set for Marlin vote in 2026", False),
    ("Published reserves rise at Yarra Creek", False),
])
def test_date_labels_need_a_prefix_and_digits(segmenter, line, label):
    assert segmenter.is_date_label(Line(0, len(line), line)) is label


STORY_LIST = ["Tarn Minerals wins approval for its Kestrel smelter", "Copper price slips as Chilean output recovers",
              "Gold steadies ahead of the central bank meeting"]


@pytest.mark.parametrize(("header", "items"), [
    ("LATEST NEWS", [f"{number}. {item}" for number, item in enumerate(STORY_LIST, 1)]),
    ("More news from Markets", [f"- {item}" for item in STORY_LIST]),
])
def test_a_story_list_keeps_its_first_headline_only(segmenter, header, items):
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\n{SHORT}\n\n{header}\n\n" + "\n\n".join(items) + "\n"
    assert zones_of(segmenter, text, header) == ["boilerplate"]
    assert zones_of(segmenter, text, items[0]) != ["boilerplate"]
    for item in items[1:]:
        assert zones_of(segmenter, text, item) == ["boilerplate"]


def test_a_story_list_opener_above_a_paragraph_stays(segmenter):
    heading = "More from the ministry"
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n\n{heading}\n\n{SHORT}\n"
    assert zones_of(segmenter, text, heading) != ["boilerplate"]
    assert zones_of(segmenter, text, SHORT) == ["body"]


@pytest.mark.parametrize("line", [
    "| 2026 guidance | 40 – 45 |",
    "| Lithium carbonate | US$10,400/t |",
])
def test_a_text_table_row_with_a_figure_is_no_furniture(segmenter, line):
    assert not segmenter.is_boilerplate(Line(0, len(line), line))


def test_the_rows_of_a_text_table_are_story(segmenter):
    rows = ["| 2025 actual | 118 |", "| 2026 target | 130 |"]
    header = "| Marlin output plan | Volume (kt) |\n|---|---|\n"
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n{header}" + "\n".join(rows) + f"\n{SHORT}\n"
    starts = [text.index(row) for row in rows]
    zones = [[block.zone for block in segmenter(text).blocks if block.start <= at < block.end] for at in starts]
    assert zones == [["body"], ["body"]]


def test_a_bar_separated_row_of_words_stays_a_breadcrumb(segmenter):
    line = "| Home | Markets | Metals |"
    assert segmenter.is_boilerplate(Line(0, len(line), line))


def test_a_text_table_with_its_header_is_one_block_of_story(segmenter):
    table = "| Kestrel site | Output (kt) |\n|---|---|\n| Yarra Creek | 118 |\n| Marlin Hill | 40 |"
    text = f"Marlin Metals Lifts Output\n\n{STORY}\n{table}\n{SHORT}\n"
    lines = split_lines(text)
    assert sorted(Furniture.table_lines(lines)) == [i for i, line in enumerate(lines) if line.stripped.startswith("|")]
    blocks = [(block.zone, text[block.start:block.end]) for block in segmenter(text).blocks]
    assert ("body", table) in blocks and ("body", SHORT) in blocks


def test_bars_without_a_header_rule_make_no_table():
    lines = split_lines("| Home | Markets |\n| Metals | Mining |\n")
    assert Furniture.table_lines(lines) == set()
