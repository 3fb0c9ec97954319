"""Article-level hints: what a whole article says about a bare ``$``, ``¥`` and its fiscal calendar."""

from __future__ import annotations

import pytest

from pipeline.article.hints import article_hints, source_country


def test_article_hints_rules():
    assert article_hints("Lynas raised A$120 million. It spent $4 million.")["dollar"] == "AUD"
    assert article_hints(["Lynas raised A$120 million.", "A buyer paid US$3 million."])["dollar"] is None
    assert article_hints("It raised A$1 million and C$2 million.")["dollar"] is None
    # "$60m (A$91m)": the A$ converts a bare-dollar amount, so the article's bare "$" is not Australian
    assert article_hints("Lynas paid $60m (A$91m). It later spent $4 million.")["dollar"] is None
    # "A$91m ($60m)": the bare "$" converts the A$ amount, so it is not Australian either
    assert article_hints("Lynas paid A$91m ($60m). It later spent $4 million.")["dollar"] is None
    assert article_hints("Teck raised C$5 million in Canadian dollars.")["dollar"] == "CAD"
    assert article_hints("China and Chinese buyers in Baotou paid in yuan. Japan watched.")["yen"] == "CNY"
    assert article_hints("Japan and Tokyo officials met China.")["yen"] == "JPY"
    assert article_hints("No cues here.") == {"dollar": None, "yen": "JPY", "fiscal": None}
    assert article_hints("Indian refiners paid Rs 5 crore.")["fiscal"] == "IN"
    assert article_hints("Australia and Japan")["fiscal"] is None  # a tie names no calendar


@pytest.mark.parametrize(("url", "country"), [
    ("https://www.businesslive.co.za/bd/markets/story", "ZA"),
    ("https://www.thestar.com.my/business/x", "MY"),
    ("https://news.example.co.uk/metals", "GB"),
    ("www.mining.com.au/article", "AU"),
    ("https://www.mining.com/web/x", None),
    ("https://startup.io/post", None),  # a country domain sold as a generic name
    ("https://minerals.tv/show", None),
    ("not a url", None),
    (None, None),
])
def test_source_country_from_the_country_code_domain(url, country):
    assert source_country(url) == country


def test_country_hint_only_when_the_source_has_one():
    assert article_hints("Copper rose.", url="https://www.iol.co.za/x")["country"] == "ZA"
    assert "country" not in article_hints("Copper rose.", url="https://www.reuters.com/x")


def test_fiscal_parts_named_with_one_label():
    text = "Zinc Rises In Q3. The miner lifted output in Q3 FY2025-26 and in the first half of fiscal 2026."
    assert article_hints(text)["fiscal_parts"] == {"quarter 3": "2025-26", "half 1": "2026"}
    assert article_hints("Sales in 2QFY24 and H2 FY'24 rose.")["fiscal_parts"] == {"quarter 2": "24", "half 2": "24"}
    # the same part with two labels names no single one; parts without a fiscal label are none
    assert "fiscal_parts" not in article_hints("Q3 FY24 beat Q3 FY23. Q4 2025 and the third quarter of 2024 too.")
    assert "fiscal_parts" not in article_hints("The last quarter of fiscal 2024 was weak.")  # "last" is deictic


def test_fiscal_calendar_from_the_source_only_without_cues():
    assert article_hints("Output rose in FY24.", url="https://www.miningnews.com.au/x")["fiscal"] == "AU"
    assert article_hints("Output rose in FY24.", url="https://www.example.co.in/x")["fiscal"] == "IN"
    assert article_hints("Output rose in FY24.", url="https://www.iol.co.za/x")["fiscal"] is None  # no calendar
    # a cue in the text outranks the source's country
    assert article_hints("Indian output rose in FY24.", url="https://www.miningnews.com.au/x")["fiscal"] == "IN"


def test_article_hints_decimal_comma():
    """An article that writes its decimals with a comma says so; one with a decimal point, or only thousands, not."""
    assert article_hints("A deposit of 45,6 million tonnes at 1,2% copper; 7,500 tonnes a year.")["decimal_comma"] is True
    assert "decimal_comma" not in article_hints("A deposit of 45.6 million tonnes at 1,2% copper and 0.8% zinc.")
    assert "decimal_comma" not in article_hints("Output was 2,76,000 tonnes, up from 2,65,000 tonnes.")
