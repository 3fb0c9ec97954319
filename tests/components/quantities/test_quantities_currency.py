"""Currency decisions: a bare ``$``/``¥`` from the block's evidence, then the article's hints; pounds sterling."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.quantities.currency import CurrencyRules
from pipeline.resources.quantities import load_currencies
from pipeline.schema.labels import QUANTITY_GROUP

HINTS = {"dollar": "AUD", "yen": "CNY", "fiscal": None}


@pytest.fixture(scope="module")
def rules() -> CurrencyRules:
    return CurrencyRules(load_currencies())


@pytest.mark.parametrize(
    ("text", "hints", "dollar"),
    [
        ("It spent $4 million.", None, "USD"),
        ("It spent $4 million.", HINTS, "AUD"),
        ("It spent C$4 million and $2 million.", HINTS, "CAD"),
        ("It paid US$4 million and $2 million.", HINTS, "USD"),
        ("The US bank lent $4 million.", HINTS, "USD"),
        ("It spent C$4 million and A$2 million.", HINTS, "USD"),
        # a variant converting a bare-dollar amount: that "$" is another dollar, whatever the hints say
        ("It bought the mill for $50m (A$76m) and spent $5m.", HINTS, "USD"),
        ("It bought the mill for $50m (about C$68m).", None, "USD"),
        # the variant written first and the bare dollar in brackets: the writer's bare "$" converts A$, so it is
        # another dollar too (the real-news gold reads a C$-then-"($...)" article's other bare "$" as USD)
        ("It bought the mill for A$76m ($50m) and spent $5m.", None, "USD"),
        ("It bought the mill for A$76m ($50m) and spent $5m.", HINTS, "USD"),
        ("It bought the mill for A$76m (US$50m) and spent $5m.", None, "USD"),
        ("It bought the mill for A$76m and spent $5m.", None, "AUD"),
    ],
)
def test_bare_dollar_from_block_evidence_then_hints(rules, text, hints, dollar):
    assert rules.context(text, hints).dollar == dollar


@pytest.mark.parametrize(
    ("text", "hints", "yen"),
    [
        ("It paid ¥4 million.", None, "JPY"),
        ("It paid ¥4 million.", HINTS, "CNY"),
        ("Japan paid ¥4 million.", HINTS, "JPY"),
        ("Baotou smelters paid ¥4 million.", None, "CNY"),
    ],
)
def test_bare_yen_from_block_evidence_then_hints(rules, text, hints, yen):
    assert rules.context(text, hints).yen == yen


def test_british_cues_and_prefixes(rules):
    assert rules.context("A London-listed firm").british
    assert not rules.context("A Toronto-listed firm").british
    assert rules.prefix_before("raised A$ 5", 10) == "A$"
    assert rules.prefix_before("paid Rs 5", 8) == "Rs"
    assert rules.prefix_before("HERs 5", 5) is None  # "Rs" glued to letters is no rupee sign


def test_pounds_sterling_in_a_british_block(nlp):
    doc = make_block_doc(nlp, "The London-listed firm paid 2 million pounds in fees.")
    found = {span.text: span._.orewire_quantity for span in doc.spans[QUANTITY_GROUP]}
    assert found["2 million pounds"]["currency"] == "GBP"
    assert found["2 million pounds"]["quantity_type"] == "money"


def test_quantity_stage_reads_hints_from_the_block_context(nlp):
    doc = nlp.make_doc("The smelter paid ¥5,000 more and spent $3 million.")
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": None, "doc_id": "t",
                           "hints": {"dollar": "AUD", "yen": "CNY", "fiscal": None}}
    units = [span._.orewire_quantity["unit"] for span in nlp(doc).spans[QUANTITY_GROUP]]
    assert units == ["CNY", "AUD"]


@pytest.mark.parametrize(("text", "expected"), [
    # a name several currencies share is the one the block's country words name (iso4217.json shared_names)
    ("Colombian coal exporters paid 90 billion pesos in royalties.", ("90 billion pesos", "COP")),
    ("A Moroccan phosphate group borrowed 3 billion dirhams.", ("3 billion dirhams", "MAD")),
    ("Tanzania's graphite venture raised 25 billion shillings.", ("25 billion shillings", "TZS")),
    # two countries with such a currency, or none: the name is read as no currency
    ("Mexico and Chile each spent 5 billion pesos.", ("5 billion", None)),
    ("The fund spent 5 billion pesos.", ("5 billion", None)),
    # a hand-written name wins over the shared one
    ("The Indian state miner spent 800 crore rupees.", ("800 crore rupees", "INR")),
])
def test_shared_currency_names(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [(span.text, span._.orewire_quantity["currency"]) for span in doc.spans[QUANTITY_GROUP]] == [expected]


def test_shared_name_follows_the_source_country(nlp):
    doc = nlp.make_doc("The state firm paid 40 million pesos.")
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": "2025-12-12", "doc_id": "t",
                           "hints": {"dollar": None, "yen": "JPY", "fiscal": None, "country": "PH"}}
    doc = nlp(doc)
    assert [span._.orewire_quantity["currency"] for span in doc.spans[QUANTITY_GROUP]] == ["PHP"]


@pytest.mark.parametrize(("text", "code"), [
    # "CFAF"/"FCFA": the Central African franc unless the block names a West African country
    ("Comilog booked CFAF 300 billion in Gabon.", "XAF"),
    ("The Dakar refinery cost CFAF 80 billion.", "XOF"),
    ("Receipts reached FCFA 12 billion in Bamako.", "XOF"),
    ("Receipts reached FCFA 12 billion.", "XAF"),
])
def test_cfa_franc_symbols(nlp, text: str, code: str) -> None:
    doc = make_block_doc(nlp, text)
    spans = list(doc.spans[QUANTITY_GROUP])
    assert [(span._.orewire_quantity["quantity_type"], span._.orewire_quantity["currency"]) for span in spans] == [
        ("money", code)]


@pytest.mark.parametrize(("text", "span", "code"), [
    # wire style "dlrs" is the block's dollar, like "dollars"; "N$" is the Namibian dollar
    ("Net income hit 1.7 bln dlrs.", "1.7 bln dlrs", "USD"),
    ("The Windhoek plant cost N$450m.", "N$450m", "NAD"),
])
def test_dollar_words_and_namibian_dollar(nlp, text: str, span: str, code: str) -> None:
    doc = make_block_doc(nlp, text)
    assert [(s.text, s._.orewire_quantity["currency"]) for s in doc.spans[QUANTITY_GROUP]] == [(span, code)]


@pytest.mark.parametrize(("text", "span"), [
    # Ghanaian papers write the cedi with a cent sign ("GH¢") as often as with the cedi sign ("GH₵")
    ("The Accra refinery drew GH¢2.5 billion in bids.", "GH¢2.5 billion"),
    ("Royalties reached GH¢ 310 million last year.", "GH¢ 310 million"),
    ("Royalties reached GH₵310 million last year.", "GH₵310 million"),
])
def test_cedi_written_with_a_cent_sign(nlp, text: str, span: str) -> None:
    doc = make_block_doc(nlp, text)
    assert [(s.text, s._.orewire_quantity["quantity_type"], s._.orewire_quantity["currency"])
            for s in doc.spans[QUANTITY_GROUP]] == [(span, "money", "GHS")]


@pytest.mark.parametrize(("text", "expected"), [
    # a currency name that is also an English word or a name is read capitalised right after a scale word
    ("Seoul set aside 240 billion Won for the reserve.", [("240 billion Won", "money", 240e9, "KRW")]),
    ("Posco To Spend 2 Trillion Won On Cathodes", [("2 Trillion Won", "money", 2e12, "KRW")]),
    ("The Rustenburg smelter cost 4 billion Rand.", [("4 billion Rand", "money", 4e9, "ZAR")]),
    # without a scale word the capitalised word stays a word ("3 Won" is no money)
    ("The team took 3 Won titles in a row.", [("3", "count", 3, None)]),
    # "bil" is the billion of the Malaysian and Philippine press, as "mil" is the million
    ("The smelter will cost RM1.5bil and RM300mil more.",
     [("RM1.5bil", "money", 1.5e9, "MYR"), ("RM300mil", "money", 300e6, "MYR")]),
])
def test_capitalised_currency_names_after_a_scale_and_bil(nlp, text: str, expected: list) -> None:
    doc = make_block_doc(nlp, text)
    assert [(s.text, q["quantity_type"], q["value"], q["currency"])
            for s in doc.spans[QUANTITY_GROUP] for q in [s._.orewire_quantity]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a code that is also a word or an acronym (codes_not_alone) is its currency before a scaled number
    ("Nairobi set aside KES 4 billion for the port.", [("KES 4 billion", "KES")]),
    ("The Budapest plant got HUF 12bn in aid.", [("HUF 12bn", "HUF")]),
    ("Bogota approved COP 2.5 trillion for roads.", [("COP 2.5 trillion", "COP")]),
    # and nothing else: a label or a word before an unscaled number stays what it was
    ("Delegates met at COP 28 in Dubai.", []),
    ("It ranked in the TOP 10 of producers.", []),
])
def test_word_like_codes_before_a_scaled_number(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    found = [(span.text, span._.orewire_quantity["currency"]) for span in doc.spans[QUANTITY_GROUP]]
    assert [item for item in found if item[1] is not None] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a currency code (or a variant's letters) before its sign names the currency, with a space or glued
    ("Tamarack shares closed at CAD $4.20 on Toronto's exchange.", [("CAD $4.20", 4.2, None, None, "CAD")]),
    ("The Auckland buyer paid NZD$ 38 a share.", [("NZD$ 38", 38, None, None, "NZD")]),
    ("The bond priced at US $98.50 in New York.", [("US $98.50", 98.5, None, None, "USD")]),
    ("Over the year the stock traded at CAD $0.90 – CAD $3.15.", [("CAD $0.90 – CAD $3.15", None, 0.9, 3.15, "CAD")]),
    # one capital letter before the sign is the article, not a currency
    ("A $40 million loan closed in Perth.", [("$40 million", 40e6, None, None, "USD")]),
])
def test_a_code_before_its_sign_names_the_currency(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [(s.text, q["value"], q["low"], q["high"], q["currency"])
            for s in doc.spans[QUANTITY_GROUP] for q in [s._.orewire_quantity]] == expected


def test_cue_gates_open_wherever_their_case_insensitive_scans_match(rules: CurrencyRules) -> None:
    # the listing and shared-name scans are skipped in a block holding none of their words: never where they match
    from pipeline.text.cues import CueText

    texts = ["Shares in X rose", "its MARKET CAP fell", "a Share Price of C$1", "paid 12 million Pesos", "COLÓN 5",
             "the Franc fell", "no cue at all", "ſhares rose", "İn SHILLINGS", "stockpile", "per-share"]
    for text in texts + [text.upper() for text in texts] + [text.lower() for text in texts]:
        cues = CueText(text)
        assert rules._listing_sentences(text, cues) == rules._listing_sentences(text), text
        if rules.shared_name is not None and rules.shared_name.search(text):
            assert cues.has_any(rules.shared_name_cues), text
        if rules.listing is not None and rules.listing.search(text):
            assert cues.has_any(rules.listing_cues), text


@pytest.mark.parametrize(("text", "span", "code"), [
    # "CFA francs" after the number: the franc of the block's region, as the CFAF symbol is read
    ("Royalties may bring 40 billion CFA francs a year to Bamako.", "40 billion CFA francs", "XOF"),
    ("The Yaoundé budget set aside 9 billion CFA francs for roads.", "9 billion CFA francs", "XAF"),
    # "CAN$" is the Canadian dollar (not the Namibian "N$" inside it); "TL" before a scaled number is the lira
    ("Ottawa pledged CAN$2 billion for processing.", "CAN$2 billion", "CAD"),
    ("The Ankara miner earned TL 90 million in profit.", "TL 90 million", "TRY"),
    # a nationality before the plural name, and a capitalised "Yuan" before the number (price reports)
    ("The bank lent 300 million Brazilian reais to the miner.", "300 million Brazilian reais", "BRL"),
    ("Shanghai nickel gained Yuan 9,000 this week.", "Yuan 9,000", "CNY"),
])
def test_written_currency_forms_of_regional_news(nlp, text: str, span: str, code: str) -> None:
    doc = make_block_doc(nlp, text)
    assert [(s.text, s._.orewire_quantity["currency"]) for s in doc.spans[QUANTITY_GROUP]] == [(span, code)]


def test_tl_alone_before_a_bare_number_is_no_currency(nlp) -> None:
    doc = make_block_doc(nlp, "Drill hole TL 250 returned 12 metres.")
    assert all(s._.orewire_quantity.get("currency") != "TRY" for s in doc.spans[QUANTITY_GROUP])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amount=st.integers(min_value=1, max_value=999), scale=st.sampled_from(["million", "billion"]),
       place=st.sampled_from([("Bamako", "XOF"), ("Dakar", "XOF"), ("Libreville", "XAF"), ("Douala", "XAF")]))
def test_cfa_franc_names_follow_the_block_region(nlp, amount: int, scale: str, place: tuple[str, str]) -> None:
    city, code = place
    doc = make_block_doc(nlp, f"The {city} office collected {amount} {scale} CFA francs.")
    assert [(s.text, s._.orewire_quantity["currency"]) for s in doc.spans[QUANTITY_GROUP]] == [
        (f"{amount} {scale} CFA francs", code)]
