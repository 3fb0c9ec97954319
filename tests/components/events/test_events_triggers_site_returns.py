"""Event stage: a site coming back into work and an approval an authority gave (issue 12, event type, 21st session).

The read dev half had articles with no milestone record for a plant or mine that took up its work again ("the smelter
reopened", "moving out of care and maintenance") and with no regulation record for an approval named with the body
that gave it ("following approval from the regulator"). Sentences of our own; the rule ids are those of
``models/events/triggers.jsonl`` (milestone.site_resumed, milestone.out_of_care, reg.approval_by_authority).
"""

from __future__ import annotations

import pytest
from events_helpers import types_of


@pytest.mark.parametrize("text", [
    "The Harlow zinc smelter reopened in March after a two-year halt.",
    "Kestrel's tin plant resumed its work on Monday, the company said.",
    "The Pelham mine restarted last week under its new owner.",
])
def test_a_site_that_takes_up_its_work_again_is_a_milestone(nlp, text):
    assert "project_milestone" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Talks between the union and the owner of the Harlow smelter resumed on Monday.",
    "Trading in the shares of the Pelham mine operator resumed on Tuesday.",
])
def test_resumed_talks_or_trading_are_no_milestone(nlp, text):
    assert "project_milestone" not in types_of(nlp, text)


def test_leaving_care_and_maintenance_is_a_milestone(nlp):
    text = "Marlin Minerals said its graphite mine is coming out of care and maintenance to prepare for mining."
    assert "project_milestone" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Kestrel began refurbishing the mill following approval from the national water regulator in June.",
    "The expansion won formal approval from the state's environment department on Friday.",
])
def test_an_approval_given_by_an_authority_is_a_regulation(nlp, text):
    assert "regulation" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Kestrel expects to obtain its building licence from the provincial agency by the end of 2027.",
    "Work on the refinery can start once it receives further approval from the regulator.",
    "Kestrel is still awaiting approval from the mines ministry for its waste dump.",
])
def test_an_approval_still_awaited_is_no_regulation(nlp, text):
    assert "regulation" not in types_of(nlp, text)
