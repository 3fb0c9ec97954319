"""The configured ``direction`` of the dates stage (``Block.side``): which occurrence a year-less
date, weekday, quarter, holiday or day of the month names. "nearest" is SPEC §3 and the default."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.components.dates.block import clock_hour
from pipeline.components.dates.component import check_direction, check_windows
from pipeline.schema.labels import DATE_GROUP

REFERENCE = "2024-02-13"  # a Tuesday


def pipeline_for(direction: str, windows: str = "rolling") -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_dates", config={"direction": direction, "windows": windows})
    return nlp


@pytest.fixture(scope="module")
def pipelines() -> dict[str, Language]:
    return {direction: pipeline_for(direction) for direction in ("nearest", "forward", "past")}


def bounds(nlp: Language, text: str, reference: str = REFERENCE) -> list[tuple[str, str | None, str | None]]:
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t"}
    return [(span.text, span._.orewire_date["start_date"], span._.orewire_date["end_date"])
            for span in nlp(doc).spans[DATE_GROUP]]


CASES = [
    # text, then the (start, end) for nearest / forward / past
    ("Crews return on October 9.", [("2023-10-09",) * 2, ("2024-10-09",) * 2, ("2023-10-09",) * 2]),
    ("The kiln cools in the third quarter.",
     [("2023-07-01", "2023-09-30"), ("2024-07-01", "2024-09-30"), ("2023-07-01", "2023-09-30")]),
    ("The depot shuts at Halloween.", [("2023-10-31",) * 2, ("2024-10-31",) * 2, ("2023-10-31",) * 2]),
    ("Rent falls due on the 2nd.", [("2024-02-02",) * 2, ("2024-03-02",) * 2, ("2024-02-02",) * 2]),
    ("Ballots close in August.", [("2023-08-01", "2023-08-31"), ("2024-08-01", "2024-08-31"),
                                  ("2023-08-01", "2023-08-31")]),
    # the reference's own weekday is "today": a configured direction takes the week after (or before)
    ("The crew rests on Tuesday.", [("2024-02-13",) * 2, ("2024-02-20",) * 2, ("2024-02-06",) * 2]),
    ("The crew rests on Friday.", [("2024-02-09",) * 2, ("2024-02-16",) * 2, ("2024-02-09",) * 2]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_direction_picks_the_occurrence(pipelines: dict[str, Language], text: str, expected: list) -> None:
    for direction, want in zip(("nearest", "forward", "past"), expected, strict=True):
        found = bounds(pipelines[direction], text)
        assert [(start, end) for _text, start, end in found] == [want], (direction, found)


def test_this_weekday_under_a_configured_direction(pipelines: dict[str, Language]) -> None:
    # "nearest" keeps SPEC §3's reading (that day of the reference's week); a configured direction takes the coming
    # (or the last) one, the reference's own day included (REFERENCE is a Tuesday)
    expected = {"nearest": ["2024-02-12", "2024-02-18", "2024-02-13"],
                "forward": ["2024-02-19", "2024-02-18", "2024-02-13"],
                "past": ["2024-02-12", "2024-02-11", "2024-02-13"]}
    for direction, want in expected.items():
        found = [bounds(pipelines[direction], f"The crew rests this {name}.")[0][1]
                 for name in ("Monday", "Sunday", "Tuesday")]
        assert found == want, direction


def test_a_written_year_is_kept_whatever_the_direction(pipelines: dict[str, Language]) -> None:
    for nlp in pipelines.values():
        assert bounds(nlp, "The audit closed on October 9, 2019.") == [
            ("October 9, 2019", "2019-10-09", "2019-10-09")]


def test_deictic_words_are_kept_whatever_the_direction(pipelines: dict[str, Language]) -> None:
    for nlp in pipelines.values():
        assert bounds(nlp, "The barge sailed last Friday.")[0][1] == "2024-02-09"


def test_unknown_direction_is_refused() -> None:
    assert check_direction("forward") == "forward"
    with pytest.raises(ValueError, match="direction"):
        check_direction("sideways")


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.integers(1, 28), st.dates(date(2000, 1, 1), date(2040, 12, 31)))
def test_forward_and_past_stay_on_their_side(month: int, day: int, reference: date) -> None:
    text = f"Crews return on {date(2001, month, day):%B} {day}."
    ahead = bounds(FORWARD, text, reference.isoformat())
    behind = bounds(PAST, text, reference.isoformat())
    first = date.fromisoformat(ahead[0][1])
    last = date.fromisoformat(behind[0][1])
    assert reference <= first < reference + timedelta(days=366)
    assert reference - timedelta(days=366) < last <= reference


@pytest.mark.parametrize(("text", "rolling", "calendar"), [
    ("Stocks fell over the past two weeks.", ("2024-01-30", "2024-02-13"), ("2024-01-29", "2024-02-11")),
    ("Stocks may fall in the next three days.", ("2024-02-13", "2024-02-16"), ("2024-02-14", "2024-02-16")),
    ("Stocks fell over the past year.", ("2023-02-13", "2024-02-13"), ("2023-01-01", "2023-12-31")),
])
def test_windows_rolling_or_calendar(text: str, rolling: tuple[str, str], calendar: tuple[str, str]) -> None:
    assert [found[1:] for found in bounds(ROLLING, text)] == [rolling]
    assert [found[1:] for found in bounds(CALENDAR, text)] == [calendar]
    with pytest.raises(ValueError, match="windows"):
        check_windows("sliding")


ROLLING = pipeline_for("nearest")
CALENDAR = pipeline_for("nearest", "calendar")
FORWARD = pipeline_for("forward")
PAST = pipeline_for("past")


@pytest.mark.parametrize(("hour", "ampm", "expected"), [
    (3, "PM", 15), (12, "a.m.", 0), (12, "pm", 12), (16, None, 16),
    # a 24-hour hour after noon keeps a redundant "PM" (a page style: "Wed 09 Apr 2025, 16:19 PM")
    (16, "PM", 16), (23, "p.m.", 23),
    # a contradiction is no hour
    (16, "am", None), (0, "pm", None), (24, "pm", None),
])
def test_clock_hour(hour: int, ampm: str | None, expected: int | None) -> None:
    assert clock_hour(hour, ampm) == expected


def test_page_time_with_a_redundant_pm_is_a_minute_date() -> None:
    nlp = pipeline_for("nearest")
    doc = nlp.make_doc("Ore royalties\n\nWed 09 Apr 2025, 16:19 PM\n\nThe levy rises.")
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": "2025-04-09", "doc_id": "t"}
    doc = nlp(doc)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == [
        ("Wed 09 Apr 2025, 16:19 PM", "2025-04-09T16:19")]


def test_previous_word_matches_the_scan_from_every_position() -> None:
    # previous_word runs its regex only from word starts on the cut-out window: the same word as PREVIOUS_WORD
    # searched from every position of the window, for every end position of random texts
    import random

    from pipeline.components.dates.block import PREVIOUS_WORD, WORD_REACH, previous_word

    def scanned(text: str, start: int) -> str:
        match = PREVIOUS_WORD.search(text, max(0, start - WORD_REACH), start)
        return match.group(1).lower() if match else ""

    rng = random.Random(1)
    pieces = ["May", "U.S.", "it's", "\u2019s", " ", "  ", ",", ".", "\n", "-", "(", ")", "Jan.", "2026", "on", "'",
              "\u2019", "\u00e9", "\u2014", "_", "x1"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        for start in range(len(text) + 1):
            assert previous_word(text, start) == scanned(text, start), (text, start)
            found += previous_word(text, start) != ""
    assert found > 10_000
