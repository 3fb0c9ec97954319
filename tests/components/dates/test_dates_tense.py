"""The tense that picks a year-less date's year: infinitives take the time of the verb they depend on."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.schema.labels import DATE_GROUP

CASES = [
    # after a past verb of ability, permission or obligation the infinitive is past
    ("Traders were only permitted to ship concentrate from March 2.", "2025-03-20", [("March 2", "2025-03-02")]),
    ("A health order forced every smelter to stop work through most of May and June.", "2025-07-10",
     [("May", "2025-05"), ("June", "2025-06")]),
    # after an intention, a present or a future verb it is later
    ("The refiner agreed to deliver its first cargo in September.", "2025-03-10", [("September", "2025-09")]),
    ("The agency plans to publish the rules in May.", "2025-06-10", [("May", "2026-05")]),
    ("Buyers are required to pay by June 30.", "2025-03-10", [("June 30", "2025-06-30")]),
    # an infinitive of purpose after a noun looks ahead, whatever the tense of the clause
    ("The two firms signed a term sheet with a view to closing the deal by 31 March.", "2025-01-20",
     [("31 March", "2025-03-31")]),
    ("The two firms signed a term sheet with the aim to close the deal by 31 March.", "2025-01-20",
     [("31 March", "2025-03-31")]),
    # a passive infinitive ("to be announced") looks ahead too, unless its verb is past ("was to be signed")
    ("The royalty review, to be tabled on Monday, leaves lithium alone.", "2025-03-12", [("Monday", "2025-03-17")]),
    ("The offtake is to be signed on Friday in Jakarta.", "2025-03-12", [("Friday", "2025-03-14")]),
    ("The offtake was to be signed on Friday in Jakarta.", "2025-03-12", [("Friday", "2025-03-07")]),
    # a present perfect is done, as a past verb is: a result it caused is past too; an intention still looks ahead
    ("Beijing has tightened licensing, causing shipments to slump in July.", "2025-09-05", [("July", "2025-07")]),
    ("The smelter has been forced to idle a line in August.", "2025-09-20", [("August", "2025-08")]),
    ("The miner has agreed to ship spodumene from June.", "2025-09-05", [("June", "2026-06")]),
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES)
def test_an_infinitive_takes_the_time_of_its_governing_verb(nlp, text: str, reference: str,
                                                            expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # "until" looks ahead ...
    ("The quarry may operate until June 4 under the waiver.", "2025-07-01", [("June 4", "2026-06-04")]),
    # ... unless the deadline is seen from a past moment (a past perfect, or a past "had" of its own)
    ("The quarry had been allowed to operate until June 4.", "2025-07-01", [("June 4", "2025-06-04")]),
    ("The quarry had until June 4 to lodge its plan.", "2025-07-01", [("June 4", "2025-06-04")]),
])
def test_until_is_future_unless_seen_from_the_past(nlp, text: str, reference: str,
                                                   expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # a gapped clause shares the verb, hence the tense, of the date before its "and"
    ("The line had been rebuilt, with nickel output expected in May and cobalt (Co) in June.", "2025-05-16",
     [("May", "2025-05"), ("June", "2025-06")]),
    ("The refinery restarted in March and the port (Walvis Bay) in April.", "2025-05-16",
     [("March", "2025-03"), ("April", "2025-04")]),
    # a clause with its own verb keeps its own tense
    ("The kiln will restart in August and the mill stopped in April.", "2025-05-16",
     [("August", "2025-08"), ("April", "2025-04")]),
])
def test_a_gapped_clause_takes_the_tense_of_the_date_before_it(nlp, text: str, reference: str,
                                                                 expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # a future adjective ("due") between a year-less month and a present verb makes it the coming one
    ("The audit is due in October.", "2025-04-15", [("October", "2025-10")]),
    # a past verb still rules: what "was due" lay behind
    ("The audit was due in October but slipped.", "2025-04-15", [("October", "2024-10")]),
])
def test_a_future_adjective_before_the_verb_gives_the_coming_date(nlp, text: str, reference: str,
                                                                  expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # a period that "ended" on a year-less day ended before the report, even when the next one is nearer
    ("For the three months ended Oct. 31 the refiner earned more.", "2025-06-12", [("Oct. 31", "2024-10-31")]),
    # "ending" says nothing of the side: the nearest one
    ("The three months ending Oct. 31 look stronger.", "2025-06-12", [("Oct. 31", "2025-10-31")]),
])
def test_a_period_that_ended_lies_before_the_reference(nlp, text: str, reference: str,
                                                       expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # a past participle after its noun tells what was done: its date lies before the reference
    ("The trenching finished near the end of the year has opened a new target.", "2021-02-10",
     [("end of the year", "2020")]),
    ("The mill commissioned in March is running at capacity.", "2021-02-10", [("March", "2020-03")]),
    # one of the future words stays future ("scheduled", "planned")
    ("The shutdown scheduled for March is confirmed.", "2021-02-10", [("March", "2021-03")]),
])
def test_a_participle_after_its_noun_is_past(nlp, text: str, reference: str, expected: list) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # the participle of an absolute "with" clause is a state, no past: the nearest month wins
    ("New permits apply from today, with buyers braced for thin supply in August and October.", "2025-09-02",
     [("today", "2025-09-02"), ("August", "2025-08"), ("October", "2025-10")]),
    # an absolute clause keeps its own time, not the main verb's ("opened ..., with bids due by ...")
    ("The agency launched a cobalt auction on Tuesday, with bids due by the end of March.", "2025-06-12",
     [("Tuesday", "2025-06-10"), ("end of March", "2026-03")]),
])
def test_an_absolute_with_clause_keeps_its_own_time(nlp, text: str, reference: str, expected: list) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # a long chain of prepositions still reaches the past verb ("in one of the pits in Q1" is eight steps up)
    ("The fall in output was mostly caused by trouble in one of the pits in Q1.", "2024-11-20", [("Q1", "2024-Q1")]),
    ("The loss was mainly due to flooding in one of the shafts in Q1.", "2024-11-20", [("Q1", "2024-Q1")]),
])
def test_a_long_prepositional_chain_reaches_its_verb(nlp, text: str, reference: str, expected: list) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected
