"""Event stage: present-tense descriptions are no events (``components/events/description.py``, issue 12 round
two). Sentences in our own words: the same trigger word is an event in the past or with an anchor, and background
in a habitual present clause without a date or a sum."""

from __future__ import annotations

import pytest
from events_helpers import types_of

DESCRIPTIONS = [
    # what an actor habitually does or welcomes, in the present, with no date or sum
    ("The Green Bank has been lending to wind farms and battery plants instead of mines.", "financing"),
    ("The Green Bank has been providing loans to wind farms instead of mines.", "financing"),
    # (a lending noun: a bare "investment" with no sum or share reports nothing anyway, models/events/trigger_buckets.json)
    ("Kestrel welcomes loans from Asian carmakers.", "financing"),
    # a relative clause says what its noun is, whatever size it names; a bare infinitive describes with its verb
    ("Around a dozen small miners who each produce 20,000 t of bauxite a month were hit by the storm.",
     "production_output"),
    ("A cobalt-rich anode, with a cobalt share above 60 percent, helps raise storage capacity and power output.",
     "production_output"),
]

EVENTS = [
    # the same words as a happening: past tense, a sum, a named actor's act, an intention, a rule's content,
    # a happening the clause refers to, talks under way
    ("The Green Bank lent US$40 million to Marlin Metals for its mine.", "financing"),
    ("Marlin Metals invests US$25 million in drilling at the Pilbara project.", "investment"),
    ("Kestrel welcomes Fenwick's loans to new smelters.", "financing"),
    ("Kestrel works with Fenwick after the cobalt export ban.", "export_restriction"),
    ("Fenwick plans a strategic stockpile of cobalt.", "policy_strategy"),
    ("Fenwick passed a law that bans exports of raw cobalt ore.", "export_restriction"),
    ("Marlin Metals and Kestrel remain in talks over a joint refinery.", "negotiation"),
    ("Around a dozen small miners produced 20,000 t of bauxite in March.", "production_output"),
    ("Fenwick passed a rule that caps exports of bauxite at 20,000 t a month.", "export_restriction"),
]


@pytest.mark.parametrize(("text", "event_type"), DESCRIPTIONS)
def test_a_present_tense_description_is_no_event(nlp, text, event_type):
    assert event_type not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), EVENTS)
def test_a_happening_stays_an_event(nlp, text, event_type):
    assert event_type in types_of(nlp, text)
