"""Title-case schemes read as organisations (``pipeline.article.programmes``): an ORG group closed by a scheme head
whose other words the article also writes in lower case is dropped (a fund too); bodies and lenders stay. Sentences invented for
these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.programmes import scheme_name, without_schemes
from pipeline.resources.programmes import programme_words


def _lower(text: str) -> frozenset[str]:
    return frozenset(word for word in text.replace(",", " ").replace(".", " ").split() if word.islower())


def test_scheme_described_in_lower_case_is_dropped():
    text = ("The Cobalt Relief Program will give cobalt refiners relief from royalties. "
            "Under the Cobalt Relief Program, Halden Metals gets a rebate.")
    records = [entity_record("Cobalt Relief Program", text.index("Cobalt Relief"), label="ORG"),
               entity_record("Halden Metals", text.index("Halden"), label="ORG")]
    assert [record.normalized for record in without_schemes(records, text)] == ["Halden Metals"]


def test_scope_word_needs_no_lower_case_form():
    text = "The government set up a rare minerals fund under its National Rare Minerals Mission."
    assert scheme_name("National Rare Minerals Mission", _lower(text), programme_words())


def test_body_whose_words_the_article_does_not_describe_is_kept():
    text = "The Ore Transparency Initiative met in Oslo; members said audits matter."
    assert not scheme_name("Ore Transparency Initiative", _lower(text), programme_words())
    records = [entity_record("Ore Transparency Initiative", 4, label="ORG")]
    assert without_schemes(records, text) == records


def test_fund_is_judged_like_any_scheme():
    pot = "The Port Upgrade Fund pays to upgrade every port, and Halden Metals won a grant under the Port Upgrade Fund."
    assert scheme_name("Port Upgrade Fund", _lower(pot), programme_words())
    lender = "The National Wealth Fund lent Halden Metals money for its refinery."
    assert not scheme_name("National Wealth Fund", _lower(lender), programme_words())


def test_non_orgs_are_left_alone():
    records = [entity_record("Wealth Program", 0, label="LAW")]
    assert without_schemes(records, "wealth Program") == records
