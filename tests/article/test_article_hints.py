"""Article-level hints: what a whole article says about a bare ``$``, ``¥`` and its fiscal calendar."""

from __future__ import annotations

import pytest

from pipeline.article.hints import article_hints, source_country


def test_article_hints_rules():
    assert article_hints("Lynas raised A$120 million. It spent $4 million.")["dollar"] == "AUD"
    assert article_hints(["Lynas raised A$120 million.", "A buyer paid US$3 million."])["dollar"] is None
    assert article_hints("It raised A$1 million and C$2 million.")["dollar"] is None
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
