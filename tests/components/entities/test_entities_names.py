"""Name-boundary rules of news writing (``components/entities/names.py``) and the linking variants they feed
(``article/linking.py``): invented names in sentences written for these tests, on the full pipeline."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc

from pipeline.article.linking import _body_variants, link_decisions
from pipeline.components.linking import SpanMention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthesised acronym closes the whole title-case name, joiners included
        (
            "The decree was published by Zembia's Supervisory and Licensing Office for Strategic Ore Exports (SLOSE) "
            "on Monday.",
            ("Supervisory and Licensing Office for Strategic Ore Exports", "ORG"),
        ),
        # a legal form written before the name belongs to it
        ("NAC Tarbekmunai will cut planned output by a fifth next year, the company said.", ("NAC Tarbekmunai", "ORG")),
        # a partnership suffix after a name makes it a firm
        ("Broker Ilse Varga of Hollis Brantley and Co. said buyers were cautious.", ("Hollis Brantley and Co.", "ORG")),
        # a title-case commodity word glued to a company or site name is part of it
        ("Shares of Cobalt Ridge Inc. rose after the drilling update.", ("Cobalt Ridge Inc.", "ORG")),
    ],
)
def test_name_boundaries(nlp, text, expected):
    assert expected in ents(make_block_doc(nlp, text))


def test_list_item_before_and_stays_its_own_name(nlp):
    doc = make_block_doc(nlp, "In Oslo, Kobeni Metals, Maruhen and Nordic Agency for Metal Stocks (NAMS) signed a pact.")
    assert not any(text.startswith("Maruhen") and "Agency" in text for text, _ in ents(doc))


@pytest.mark.parametrize(
    "text",
    [
        "Quarterly output rose.\n\nNewsletter signup\n\nThe buyer may end the deal.",
        "Highlights:\n  • Potential joint venture under review may delay the decision.",
    ],
)
def test_word_capitalised_by_its_line_start_is_no_name(nlp, text):
    assert [t for t, _ in ents(make_block_doc(nlp, text)) if t in {"Newsletter", "Potential"}] == []


def test_portfolio_before_minister_is_no_body(nlp):
    doc = make_block_doc(nlp, "The plan was announced by Zembia's Investment Minister Oru Dabiri on Tuesday.")
    assert ("Investment", "ORG") not in ents(doc)


def test_site_named_after_mine_of(nlp):
    doc = make_block_doc(nlp, "Diggers work by hand in the artisanal cobalt mine of Tshovuka, south of the capital.")
    assert ("Tshovuka", "FACILITY") in ents(doc)


def test_mention_of_a_file_photo_is_no_name(nlp):
    doc = make_block_doc(nlp, "FILE - Mining trucks wait at the port gate.")
    assert [text for text, _ in ents(doc) if "FILE" in text] == []


def _mention(text, start, label="ORG"):
    return SpanMention(text=text, start=start, end=start + len(text), label=label, normalized=text, kb_id=None,
                       commodity=None)


def test_body_variants_cover_country_prefix_head_order_and_initials():
    assert {"Department of Mines", "Mines Department", "DOM"} <= _body_variants("U.S. Department of Mines")
    assert "Department of Mines" in _body_variants("Mines Department")


def test_later_variant_of_a_body_takes_its_name():
    text = "The U.S. Department of Mines backed the plan. The Mines Department and DOM declined to comment."
    long = _mention("U.S. Department of Mines", text.index("U.S."))
    inverted = _mention("Mines Department", text.index("Mines Department"))
    initials = _mention("DOM", text.index("DOM"))
    decisions = link_decisions([long, inverted, initials], text)
    assert decisions[1]["normalized"] == decisions[2]["normalized"] == "U.S. Department of Mines"


def test_name_without_legal_prefix_is_the_same_company():
    text = "PT Bumi Kencana Nikel said on Monday that Bumi Kencana Nikel would expand."
    long = _mention("PT Bumi Kencana Nikel", 0)
    short = _mention("Bumi Kencana Nikel", text.rindex("Bumi"))
    assert link_decisions([long, short], text)[1]["normalized"] == "PT Bumi Kencana Nikel"


def test_one_word_name_takes_the_label_most_of_its_mentions_carry():
    text = "the Harlow administration said. Harlow spoke. Harlow is cautious."
    mentions = [_mention("Harlow", 4, "PERSON"), _mention("Harlow", 32, "PERSON"), _mention("Harlow", 46, "ORG")]
    decisions = link_decisions(mentions, text)
    assert decisions[2] == {"label": "PERSON"}
    assert decisions[0] == decisions[1] == {}


def test_site_name_before_its_title_case_keyword_on_a_headline_is_no_fragment(nlp):
    found = ents(make_block_doc(nlp, "Kestrel Metals Targets Full Output at Warrin Mine", zone="heading"))
    assert ("Warrin", "FACILITY") in found


def test_split_headline_word_is_still_a_fragment(nlp):
    found = ents(make_block_doc(nlp, "Vietnam Passes Rare Earth Mine Law", zone="heading"))
    assert ("Mine", "FACILITY") not in found


def test_descriptive_word_before_a_headline_site_keyword_is_no_site(nlp):
    found = ents(make_block_doc(nlp, "Kestrel Metals Shows Strong Returns on its Integrated Project", zone="heading"))
    assert not [name for name, label in found if label == "FACILITY"]


@pytest.mark.parametrize(("text", "name"), [
    ("Both Verdano Resources and Kestrel Bullion Minerals bought fluorite claims this spring.", "Verdano Resources"),
    ("How Tarnwick Precious Metals keeps growing through digital tools", "Tarnwick Precious Metals"),
])
def test_function_word_opening_a_sentence_is_no_part_of_the_company(nlp, text, name):
    found = ents(make_block_doc(nlp, text))
    assert (name, "ORG") in found
    assert not any(label == "ORG" and text != name and text.endswith(name) for text, label in found)


@pytest.mark.parametrize(("text", "name"), [
    ("Coal miners such as PT Sarvana Coal and PT Merindo Energy rallied on Monday.", "PT Merindo Energy"),
    ("The smelter belongs to PJSC Ostrava Metals, the filing said.", "PJSC Ostrava Metals"),
    ("The deal was signed by JSC NMC Tal-Orda Samruk and a Chinese miner.", "JSC NMC Tal-Orda Samruk"),
])
def test_legal_form_before_a_name_makes_an_organisation(nlp, text, name):
    assert (name, "ORG") in ents(make_block_doc(nlp, text))


@pytest.mark.parametrize("title", ["Strong Cobalt Demand Seen Lasting Into 2027", "Weak Nickel Prices Weigh on Smelters"])
def test_a_market_adjective_before_a_metal_on_a_headline_is_no_company(nlp, title):
    found = ents(make_block_doc(nlp, title, zone="title"))
    assert not [name for name, label in found if label == "ORG"]


def test_a_company_named_for_its_metal_on_a_headline_survives_a_market_adjective_elsewhere(nlp):
    found = ents(make_block_doc(nlp, "Strong Prices Lift Kestrel Cobalt Shares", zone="title"))
    assert ("Kestrel Cobalt", "ORG") in found
