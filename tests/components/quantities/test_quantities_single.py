"""One unit of time without a number: "a century" anywhere, "for a week or more" with an open end."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.components.quantities.qualifiers import QualifierRules
from pipeline.components.quantities.single import SingleUnits
from pipeline.resources.quantities import load_tables

TABLES = load_tables()
SINGLE = SingleUnits(TABLES.words, QualifierRules(TABLES.qualifiers, TABLES.words.movement_words))


def _durations(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(text[f.start : f.end], f.info["value"], f.info["unit"]) for f in SINGLE.add(text, [])]


@pytest.mark.parametrize(("text", "expected"), [
    ("Smelting has gone on here for over a century, locals say.", [("a century", 100, "year")]),
    ("The port was shut for a week or longer after the storm.", [("a week", 1, "week")]),
    ("Crews stayed idle for a day or so.", [("a day", 1, "day")]),
    # "or" before a second number still leaves the single unit out: that number is its own amount
    ("The audit takes a month or two.", []),
    ("Nickel climbed for a week or two.", []),
    # a qualifier measures a distance in time: "less than a week after", "almost a year ago" are durations
    ("The levy followed less than a week after the vote.", [("a week", 1, "week")]),
    ("Exports stopped almost a year ago.", [("a year", 1, "year")]),
    # without one the distance stays a date's offset, no duration of its own
    ("A year earlier, shipments doubled.", []),
    ("The ban took hold a month after the vote.", []),
    # after "come" ("the ban comes a month after ..."), one unit then an event measures the time between them,
    # as "came two weeks after" does with a number; "came a year earlier" (no event) stays a comparison's base
    ("The ban came a month after the vote.", [("a month", 1, "month")]),
    ("Our levy comes a week before the smelter's audit.", [("a week", 1, "week")]),
    ("The royalty is coming a year after exports resumed.", [("a year", 1, "year")]),
    ("Their offer came a year earlier.", []),
    ("The offer came a day after.", []),
    # opening a sentence, or after an opener ("just"), one unit then "after"/"before" an event measures the time
    # between two happenings; "A year before," with no event after it stays a comparison's base
    ("A week after pausing its shares, the refiner sought creditor protection.", [("A week", 1, "week")]),
    ("Output slid. A month before the election the mine shut.", [("A month", 1, "month")]),
    ("The levy passed just a week after the lobby had written.", [("a week", 1, "week")]),
    ("A year before, exports were lower.", []),
    # a comparison with a date is no distance: "higher than a year ago", "20% more than a year ago"
    ("Prices sat 80% higher than a year ago.", []),
    ("Stocks were 20% more than a year ago.", []),
])
def test_single_units(text: str, expected: list) -> None:
    assert _durations(text) == expected


@settings(max_examples=40, deadline=None)
@given(unit=st.sampled_from(["day", "week", "month", "year"]), end=st.sampled_from(TABLES.words.open_end_words))
def test_open_end_keeps_the_unit(unit: str, end: str) -> None:
    """After an opener, "a <unit> or <open end>" is always one unit of that time."""
    found = _durations(f"The mill stopped for a {unit} or {end} in winter.")
    assert [(text, value) for text, value, _ in found] == [(f"a {unit}", 1)]


@pytest.mark.parametrize(("text", "expected"), [
    # a fraction of a long unit names a span wherever it stands
    ("Exports are at their lowest in a quarter-century.", [("a quarter-century", 25, "year")]),
    ("The group draws on its half century of smelting.", [("half century", 50, "year")]),
    # "a <unit> and a half" is one and a half units, read like "a <unit>"
    ("The permit review dragged on for a year and a half.", [("a year and a half", 1.5, "year")]),
    ("Talks went on for more than a decade and a half.", [("a decade and a half", 15, "year")]),
    ("Shipments stopped a month and a half ago.", []),
    # "a couple of <units>" is two units, behind the same openers and blockers as "a <unit>"
    ("In only a couple of years, the refinery cleared its backlog.", [("a couple of years", 2, "year")]),
    ("Crews were stranded for a couple of days.", [("a couple of days", 2, "day")]),
    ("Prices were lower a couple of weeks ago.", []),
    ("A couple of projects were delayed.", []),
])
def test_fractions_and_pairs_of_one_unit(text: str, expected: list) -> None:
    assert _durations(text) == expected


@settings(max_examples=60, deadline=None)
@given(unit=st.sampled_from(["year", "month", "week", "day"]), opener=st.sampled_from(["for", "within", "over"]))
def test_a_unit_and_a_half_is_half_again_a_unit(unit: str, opener: str) -> None:
    one = _durations(f"The plant was idle {opener} a {unit}.")
    more = _durations(f"The plant was idle {opener} a {unit} and a half.")
    assert [value * 1.5 for _, value, _ in one] == [value for _, value, _ in more]
    assert [u for _, _, u in one] == [u for _, _, u in more]


@settings(max_examples=40, deadline=None)
@given(verb=st.sampled_from(TABLES.words.event_link_verbs), unit=st.sampled_from(["day", "week", "month", "year"]),
       link=st.sampled_from(TABLES.words.event_links))
def test_a_unit_after_come_and_before_an_event_is_a_duration(verb: str, unit: str, link: str) -> None:
    """"comes a month after the vote": one unit of time between two happenings, whatever the verb's form."""
    assert _durations(f"The levy {verb} a {unit} {link} the vote.") == [(f"a {unit}", 1, unit)]
    assert _durations(f"The levy {verb} a {unit} later.") == []
