"""Event stage: financing against investment (issue 12, SPEC section 4), decided on the wording of the money's form.

Sentences of our own. Money a body "invests" as a loan, a grant, a subsidy or a (non-)repayable contribution is
financing (``finance.invest_as_loan``; ``invest.verb`` stands down); money for shares or a stake stays investment.
"""

from __future__ import annotations

import pytest
from events_helpers import types_of


@pytest.mark.parametrize("text", [
    "The regional development agency is investing $4 million in Marlin Metals through a repayable contribution.",
    "Fenwick's government will invest C$12 million in the Kestrel refinery as a non-repayable contribution.",
    "The province invested $20 million in the plant in the form of a loan to Marlin Metals.",
    "The ministry will invest 3 billion yen in grants for two graphite projects.",
])
def test_money_invested_as_a_loan_grant_or_contribution_is_financing(nlp, text):
    found = types_of(nlp, text)
    assert "financing" in found
    assert "investment" not in found


@pytest.mark.parametrize("text", [
    "The state fund will invest $80 million in Marlin Metals' share capital.",
    "Kestrel Holdings will invest $15 million for a 9.9% stake in Marlin Metals.",
])
def test_money_invested_for_shares_or_a_stake_stays_investment(nlp, text):
    found = types_of(nlp, text)
    assert "investment" in found
    assert "financing" not in found
