"""A company's activity that a public body fosters or oversees is the body's policy or money, no exploration or
takeover of its own (components/events/goals.py; dev rn470, rn519, rn593). Sentences of our own."""

from __future__ import annotations

import pytest
from events_helpers import types_of


@pytest.mark.parametrize(("text", "absent"), [
    # the activity noun compounded onto the object of a verb of fostering
    ("The cabinet is promoting mineral exploration projects in the north of Fenwick.", "exploration"),
    # the noun of fostering as the verb's object, the activity in its 'for' phrase, a second activity in a list
    ("The ministry plans to offer support (about 20 billion yen) for the exploration of copper fields and the "
     "acquisition of their assets.", "exploration"),
    # a verb of oversight with a country's government as subject
    ("Under the law, the Fenwick government will tightly control the exploration, mining and refining of lithium.",
     "exploration"),
    # what the helped party is helped to do; the subject found above an infinitive
    ("The government will help local miners in acquiring mines, officials said.", "merger_acquisition"),
    ("The junta plans to aid the acquisitions with a new state fund.", "merger_acquisition"),
])
def test_activity_a_public_body_fosters_is_no_event(nlp, text, absent):
    assert absent not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    # the activity names its own actor: the state only backs it
    ("The government supported Marlin Metals' acquisition of Kestrel Mining in March.", "merger_acquisition"),
    # a company that fosters an activity is the one doing it
    ("Marlin Metals will provide support for the exploration of the Kestrel tenements.", "exploration"),
    # an activity no word of fostering governs
    ("The ministry said Kestrel Mining had completed the acquisition of the Halden mine.", "merger_acquisition"),
])
def test_activity_not_fostered_by_a_public_body_stays(nlp, text, event_type):
    assert event_type in types_of(nlp, text)
