"""Issue 13 date forms on sentences written for these tests: numeric dates and their order,
ordinal days, months and periods with "last/next/this (past)", anaphoric dates, rolling decades,
"qtr"/"yr", and a year-less quarter of "the financial year"."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.dates.block import CLOSE_DAYS, year_less_day
from pipeline.components.dates.numeric import day_first_order
from pipeline.components.dates.words import DateWords
from pipeline.resources.dates import load_lexicon
from pipeline.schema.labels import DATE_GROUP

CASES: list[tuple[str, str | None, list[tuple[str, str | None]]]] = [
    # numeric dates: the unambiguous one of the block sets the order of the ambiguous one
    ("Cargo left on 4/5/2023 and docked on 4/19/2023.", "2023-06-01",
     [("4/5/2023", "2023-04-05"), ("4/19/2023", "2023-04-19")]),
    ("Cargo left on 4/5/2023 and docked on 19/5/2023.", "2023-06-01",
     [("4/5/2023", "2023-05-04"), ("19/5/2023", "2023-05-19")]),
    # a dotted date is day first (the European style) when nothing else in the article says
    ("The permit dated 07.11.2021 was renewed.", "2023-06-01", [("07.11.2021", "2021-11-07")]),
    ("The old lease of 11-30-82 expired.", "2023-06-01", [("11-30-82", "1982-11-30")]),
    ("Build 2.4.18 shipped and the ratio was 3/4.", "2023-06-01", []),
    # ordinal days
    ("Smelting resumes on the 9th.", "2024-10-20", [("9th", "2024-10-09")]),
    ("Smelting resumes on the 28th.", "2024-10-02", [("28th", "2024-09-28")]),
    ("The panel sits Monday the 3rd.", "2025-02-20", [("Monday the 3rd", "2025-03-03")]),
    ("It was the 3rd largest mine, opened on the second attempt.", "2025-02-20", []),
    ("Prices peaked August the 2nd, 2019.", "2025-02-20", [("August the 2nd, 2019", "2019-08-02")]),
    # months and periods with their deictic word
    ("The smelter shut last October.", "2024-10-20", [("last October", "2023-10")]),
    ("The smelter shuts next October.", "2024-10-20", [("next October", "2025-10")]),
    ("The smelter shut last March.", "2024-10-20", [("last March", "2024-03")]),
    ("Margins widened this past quarter.", "2024-10-20", [("this past quarter", "2024-Q3")]),
    ("Margins narrowed last yr and should widen next qtr.", "2024-10-20",
     [("last yr", "2023"), ("next qtr", "2025-Q1")]),
    ("Output in the 2nd qtr of 2022 slipped.", "2024-10-20", [("2nd qtr of 2022", "2022-Q2")]),
    # anaphoric dates resolve against the block's last date, not the publication day
    ("The pit flooded in August 2017. Later that year it was drained.", "2024-10-20",
     [("August 2017", "2017-08"), ("Later that year", "2017")]),
    ("The pit flooded in August 2017. The following month pumps arrived.", "2024-10-20",
     [("August 2017", "2017-08"), ("following month", "2017-09")]),
    # "the next <unit>" in a past clause steps from the last date; in a future one it stays deictic
    ("Zinc stocks peaked in 2019. The next year they halved.", "2024-10-20", [("2019", "2019"), ("next year", "2020")]),
    ("Zinc stocks peaked in 2019. The next year will bring a deficit.", "2024-10-20", [("2019", "2019"), ("next year", "2025")]),
    # a modifier before an anaphoric phrase narrows it, as it does a year written out
    ("The kiln was lit in 2018. By the end of that year it ran at capacity.", "2024-10-20",
     [("2018", "2018"), ("end of that year", "2018")]),
    # "that <weekday>": that weekday on or after the last day named; after a month alone it stays a bare weekday
    ("The blockade began on Sunday, June 2, 2024. Police cleared it that Thursday.", "2024-10-20",
     [("Sunday, June 2, 2024", "2024-06-02"), ("that Thursday", "2024-06-06")]),
    ("The blockade began in June 2024. Police cleared it that Thursday.", "2024-10-20",
     [("June 2024", "2024-06"), ("Thursday", "2024-10-17")]),
    # "the following/next <month>": the first month of that name after the last date
    ("The levy was announced in October 2022 and applied from the following February.", "2024-10-20",
     [("October 2022", "2022-10"), ("following February", "2023-02")]),
    ("The licence lapsed in March 2021 and was renewed the next March.", "2024-10-20",
     [("March 2021", "2021-03"), ("next March", "2022-03")]),
    # a counted step from that date ("a year later", "nine days later") is a duration, no date (docs/realnews.md)
    ("Talks opened on 2 June 2016; a year later they collapsed.", "2024-10-20", [("2 June 2016", "2016-06-02")]),
    ("Rail links closed in May 2021 and reopened that same month.", "2024-10-20",
     [("May 2021", "2021-05"), ("that same month", "2021-05")]),
    # a rolling window of decades is an interval of years ending at the reference
    ("Tonnage tripled over the past two decades.", "2024-10-20", [("past two decades", "2004/2024")]),
    ("Tonnage tripled between 2026 and 2028.", "2024-10-20", [("2026 and 2028", "2026/2028")]),
    # glued forms: a day glued to a month needs its year; a month glued to its day needs a weekday,
    # a year or a time word ("the Mar26 contract" is a contract month)
    ("Assays dated 4june 2019 were lost.", "2024-10-20", [("4june 2019", "2019-06-04")]),
    ("Shipments resume Mon, Nov4.", "2024-10-20", [("Mon, Nov4", "2024-11-04")]),
    ("Shipments resume on Nov4.", "2024-10-20", [("Nov4", "2024-11-04")]),
    ("Traders sold the Nov24 contract.", "2024-10-20", []),
    # "the week of <day>": the ISO week holding that day
    ("Talks resume the week of November 4.", "2024-10-20", [("week of November 4", "2024-W45")]),
    # "within the year": the reference's period, "within the" outside the span
    ("Stocks Will Reach 60 Days Within the Year", "2024-10-20", [("Year", "2024")]),
    ("Output doubled within the year after the mine opened in 2019.", "2024-10-20", [("2019", "2019")]),
    # the earlier side of a comparison is past, whatever the tense of the main clause
    ("Utilisation should reach 90% in the fourth quarter, up from 61% in the second quarter.", "2024-10-20",
     [("fourth quarter", "2024-Q4"), ("second quarter", "2024-Q2")]),
    # the end of a period in a past clause is the last one ended: the period a report covers
    ("Cash at quarter-end was A$12m.", "2025-10-28", [("quarter-end", "2025-Q3")]),
    ("Cash at the quarter's end stood at A$12m.", "2025-10-28", [("quarter's end", "2025-Q3")]),
    ("Net debt was cut by the end of the year.", "2026-01-20", [("end of the year", "2025")]),
    ("Net debt will be cut by the end of the year.", "2026-01-20", [("end of the year", "2026")]),
    # ... but a deadline ("until") in such a clause is the current period's end
    ("The state has stretched the export waiver until the end of the year.", "2026-01-20", [("end of the year", "2026")]),
    # a page's timestamp glued to the site's name by scraping is still a minute date
    ("Orenews.comOrenews.com2026/04/15 22:18\nThe plant restarted.", "2026-04-16", [("2026/04/15 22:18", "2026-04-15T22:18")]),
    # a masthead's founding date ending its line is a tagline, not a fact
    ("Hilltown, Ohio  Est. March 3, 1901\nThe county mill reopened on March 3.", "2024-05-20",
     [("March 3", "2024-03-03")]),
    # a month (or day) with "last/next/this year" is of that year, one mention, not the nearest month
    ("Drilling paused in October last year and resumes in April next year.", "2024-10-20",
     [("October last year", "2023-10"), ("April next year", "2025-04")]),
    ("The kiln was relit since March, last year.", "2024-10-20", [("March, last year", "2023-03")]),
    ("The haul road opens on June 9 this year.", "2024-02-20", [("June 9 this year", "2024-06-09")]),
    ("Tonnage peaked in May, last year's best month.", "2024-10-20", [("May", "2024-05"), ("last year", "2023")]),
    ("The lease was signed on 3 July last year.", "2024-10-20", [("3 July last year", "2023-07-03")]),
    # a month range naming a quarter is the months; a share of "this year"/"the year" is of the reference's year
    ("Concentrate sales slipped in the July-September quarter.", "2024-10-20",
     [("July-September quarter", "2024-07/2024-09")]),
    ("Refined output grew in the first eight months of this year.", "2024-10-20",
     [("first eight months of this year", "2024-01/2024-08")]),
    ("Refined output grew in the first 8 months of the year.", "2024-10-20", [("first 8 months of the year", "2024-01/2024-08")]),
    # "a year earlier" as the base of a comparison is no date; as a step from the last date it is none either
    ("Shipments in August 2024 were 6% lower than a year earlier.", "2024-10-20", [("August 2024", "2024-08")]),
    ("Shipments in August 2024 fell 6% from a year earlier.", "2024-10-20", [("August 2024", "2024-08")]),
    # so is one right after the compared figure ("from 3,100 t a year earlier"), up to two words after its number
    ("Cobalt sales dropped to 90 t in August 2024 from 3,100 t a year earlier.", "2024-10-20",
     [("August 2024", "2024-08")]),
    ("Tolls reached $4 million in August 2024, up from $2.5 million two years before.", "2024-10-20",
     [("August 2024", "2024-08")]),
    ("Output hit 5 Mt in March 2023. A year later, output was 7 Mt.", "2024-10-20", [("March 2023", "2023-03")]),
    ("Smelting began in May 2023. A year earlier, the kiln was still being built.", "2024-10-20",
     [("May 2023", "2023-05")]),
    ("Rail links closed on 4 May 2021; two weeks later, trucks were hauling ore.", "2024-10-20",
     [("4 May 2021", "2021-05-04")]),
    # a weekday before a day-first date belongs to it
    ("Posted by the desk on Wed, 4 Sep 2024", "2024-09-04", [("Wed, 4 Sep 2024", "2024-09-04")]),
    # a rolling window of weeks is an interval of ISO weeks, bounds the exact days
    ("Barges have idled for the past three weeks.", "2024-10-20", [("past three weeks", "2024-W39/2024-W42")]),
    # fourth round: "earlier/later in the <unit>" is the reference's period
    ("Brokers trimmed their forecast earlier in the month.", "2024-10-20", [("earlier in the month", "2024-10")]),
    ("Freight eased later in the week.", "2024-10-20", [("later in the week", "2024-W42")]),
    # a day range across two months, "and" only after "between"
    ("The inquiry covers the weeks between Sept 28 and Oct 9.", "2024-10-20",
     [("Sept 28 and Oct 9", "2024-09-28/2024-10-09")]),
    ("The yard shipped on Sept 28 and Oct 9.", "2024-10-20", [("Sept 28", "2024-09-28"), ("Oct 9", "2024-10-09")]),
    ("Bids are open from Dec 29, 2024 to Jan 6.", "2024-10-20", [("Dec 29, 2024 to Jan 6", "2024-12-29/2025-01-06")]),
    # day first, across months or with the month written twice
    ("Port log, 9 March – 15 March", "2024-03-18", [("9 March – 15 March", "2024-03-09/2024-03-15")]),
    ("Port log, 27 February – 4 March", "2024-03-06", [("27 February – 4 March", "2024-02-27/2024-03-04")]),
    # an ordinal day of a deictic month; after "as of"/"since"
    ("Stocks have fallen since the 4th of last June.", "2024-10-20", [("4th of last June", "2024-06-04")]),
    ("Port stocks stood at 1.2 Mt as of the 14th, traders said.", "2024-10-20", [("14th", "2024-10-14")]),
    # a page timestamp with its clock time in brackets
    ("Updated: Fri 18 Oct, 2024 [16:05]", "2024-10-20", [("Fri 18 Oct, 2024 [16:05]", "2024-10-18T16:05")]),
    # coordinated dates share the year written once at the end (the year before to stay before it)
    ("Smelter runs were cut in September and October 2021.", "2024-10-20",
     [("September", "2021-09"), ("October 2021", "2021-10")]),
    ("Tolling fees in Q2, Q3 and Q4 2022 were flat.", "2024-10-20",
     [("Q2", "2022-Q2"), ("Q3", "2022-Q3"), ("Q4 2022", "2022-Q4")]),
    ("The ore trains ran on July 7 and August 2, 2020.", "2024-10-20",
     [("July 7", "2020-07-07"), ("August 2, 2020", "2020-08-02")]),
    ("Ice closed the port in December and January 2022.", "2024-10-20",
     [("December", "2021-12"), ("January 2022", "2022-01")]),
    ("Lenders met on Friday, and June 7, 2023 was the deadline.", "2024-10-20",
     [("Friday", "2024-10-18"), ("June 7, 2023", "2023-06-07")]),
    ("Margins were thin between Q2 and Q4 2023.", "2024-10-20", [("Q2 and Q4 2023", "2023-Q2/2023-Q4")]),
    # "May" after a day is the month with an ordinal, "of" or a date preposition; not after a bare number
    ("Quotas were reset on 6 May and again on the 21st of May.", "2024-10-20",
     [("6 May", "2024-05-06"), ("21st of May", "2024-05-21")]),
    ("Rule 6 May apply to smelters.", "2024-10-20", []),
    # a year before a quarter or half word names its year
    ("The group's 2023 second half was its weakest; its 2022 fourth-quarter margin was the best.", "2024-10-20",
     [("2023 second half", "2023-H2"), ("2022 fourth-quarter", "2022-Q4")]),
    # a quarter or half with "this/next/last year" right after it is of that year, one mention
    ("Deliveries begin in Q3 next year and the second half this year is sold out.", "2024-10-20",
     [("Q3 next year", "2025-Q3"), ("second half this year", "2024-H2")]),
    ("The kiln stopped on March 2 and restarted nine days later.", "2024-10-20", [("March 2", "2024-03-02")]),
    # an abbreviated weekday with its full stop belongs to the month-first date after it
    ("Smelting restarted on Wed. Oct 16 after repairs.", "2024-10-20", [("Wed. Oct 16", "2024-10-16")]),
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES)
def test_news_date_phrasing(nlp, text: str, reference: str | None, expected: list[tuple[str, str | None]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


def test_anaphoric_date_names_its_anchor_as_reference(nlp) -> None:
    doc = make_block_doc(nlp, "The pit flooded in August 2017. Later that year it was drained.", reference="2024-10-20")
    later = doc.spans[DATE_GROUP][1]._.orewire_date
    assert (later["resolution"], later["reference"]) == ("relative", "2017-08-01")


def test_modified_anaphoric_date_keeps_the_modifier_and_its_bounds(nlp) -> None:
    doc = make_block_doc(nlp, "The kiln was lit in 2018. Late that year it ran at capacity.", reference="2024-10-20")
    late = doc.spans[DATE_GROUP][1]._.orewire_date
    assert (late["modifier"], late["start_date"], late["end_date"], late["reference"]) == (
        "late", "2018-09-01", "2018-12-31", "2018-01-01")


def test_quarter_of_the_financial_year_uses_the_fiscal_calendar(nlp) -> None:
    text = "The Perth miner banked A$40m during the financial year, half of it in the fourth quarter."
    doc = make_block_doc(nlp, text, reference="2024-08-10")
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert (info["timex"], info["start_date"], info["end_date"], info["fiscal"]) == (
        "2024-Q4", "2024-04-01", "2024-06-30", True)


WORDS = DateWords.from_lexicon(load_lexicon())


@pytest.mark.parametrize(("text", "hints", "expected"), [
    ("Filed 23/04/2022.", None, True),
    ("Filed 04/23/2022.", None, False),
    ("Filed 04/05/2022.", {"day_first": True}, True),
    ("Filed 04/05/2022.", {"fiscal": "AU"}, True),
    ("Filed 04/05/2022.", {"fiscal": "JP"}, None),
    # the source's country (CLDR's short date pattern) before the fiscal calendar
    ("Filed 04/05/2022.", {"country": "GB"}, True),
    ("Filed 04/05/2022.", {"country": "ZA", "fiscal": None}, True),
    ("Filed 04/05/2022.", {"country": "US", "fiscal": "AU"}, False),
    # the article's own unambiguous numeric dates beat its country
    ("Filed 04/05/2022.", {"country": "GB", "day_first": False}, False),
])
def test_numeric_order(text: str, hints: dict | None, expected: bool | None) -> None:
    assert day_first_order(text, hints, WORDS) is expected


@pytest.mark.parametrize(("separator", "hints", "expected"), [
    (".", None, True),
    (".", {"country": "US"}, True),
    (".", {"day_first": False}, False),
    ("/", None, None),
])
def test_dotted_dates_are_day_first(separator: str, hints: dict | None, expected: bool | None) -> None:
    assert day_first_order("Filed 04.05.2022.", hints, WORDS, separator=separator) is expected


@pytest.fixture(scope="module")
def blank_stage():
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_dates")
    return nlp


_NUMERIC = st.builds(lambda a, sep, b, y: f"{a}{sep}{b}{sep}{y}", st.integers(0, 40), st.sampled_from("/.-"),
                     st.integers(0, 40), st.sampled_from(["74", "2015", "99", "00", "1899", "2024"]))
_PHRASE = st.sampled_from(["on the 21st", "Friday the 7th", "last April", "this past quarter", "later that year",
                           "the following month", "two years later", "that same week", "the past three decades",
                           "the next year", "the following June", "the second half of the decade", "the quarter ended 30 June 2025",
                           "March third", "the first of May", "next qtr", "the 3rd qtr", "in 2019", "Q4",
                           "on 2/15", "Wed, Feb13", "14april 2015", "the week of October 6th", "this winter",
                           "late summer 2024", "within the year", "quarter's end", "Est. May 19, 1883"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_NUMERIC, _PHRASE), min_size=1, max_size=6), st.sampled_from([None, "2024-02-29", "2013-02-12"]))
def test_generated_phrases_never_raise_and_stay_ordered(blank_stage, parts: list[str], reference: str | None) -> None:
    doc = blank_stage.make_doc(" and ".join(parts) + ".")
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t"}
    spans = list(blank_stage(doc).spans[DATE_GROUP])
    for left, right in zip(spans, spans[1:], strict=False):
        assert left.end_char <= right.start_char
    for span in spans:
        info = span._.orewire_date
        if info["start_date"] is not None:
            assert info["start_date"] <= info["end_date"]


@pytest.mark.parametrize(("text", "expected"), [
    # a split year label beside a calendar that names its fiscal years by their end (India, Australia) is that year
    ("Indian refiners have bought 900 t of cobalt since 2019-20.", ("2020", "2019-04-01", "2020-03-31", True)),
    ("The ASX-listed miner lifted output in 2021-22.", ("2022", "2021-07-01", "2022-06-30", True)),
    # elsewhere it stays two years
    ("Nevada output dipped in 2019-20.", ("2019/2020", "2019-01-01", "2020-12-31", False)),
])
def test_split_year_label_follows_the_fiscal_calendar(nlp, text: str, expected: tuple) -> None:
    doc = make_block_doc(nlp, text, reference="2024-10-20")
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert (info["timex"], info["start_date"], info["end_date"], info["fiscal"]) == expected


def test_early_in_the_year_keeps_its_modifier(nlp) -> None:
    doc = make_block_doc(nlp, "Sales dipped early in the year.", reference="2024-10-20")
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert (info["timex"], info["modifier"], info["start_date"], info["end_date"]) == (
        "2024", "early", "2024-01-01", "2024-04-30")


# Issue 13, silver round (texts s077 and up): forms seen on unseen outlets, in sentences written for orewire.
SILVER_CASES: list[tuple[str, str | None, list[tuple[str, str | None]]]] = [
    # a year-less day within two weeks of the reference is that one, whatever the clause's tense
    ("The award on March 3 by the mines ministry will open the district.", "2019-03-12", [("March 3", "2019-03-03")]),
    ("Lima said it added tin to the list from 20 July.", "2019-07-16", [("20 July", "2019-07-20")]),
    # further off, the tense still rules out the wrong side
    ("The kiln was relit on August 30.", "2019-08-02", [("August 30", "2018-08-30")]),
    # a year range written with a minus sign
    ("Demand over 2021\u22122030 may triple.", "2019-08-02", [("2021\u22122030", "2021/2030")]),
    # a four-digit number after "some", "nearly" counts something
    ("The plant will hire some 1500 local staff and nearly 2000 more.", "2019-08-02", []),
    # a dateline with its month in capitals; a plain "2 MAY APPLY" stays out
    ("LUSAKA, 14 MAY (ZNA) - Copper output rose.", "2019-05-15", [("14 MAY", "2019-05-14")]),
    ("RULE 2 MAY APPLY - the board said.", "2019-05-15", []),
    # "end of year" without "the"; not before a number
    ("Stocks should ease by end of year.", "2019-05-15", [("end of year", "2019")]),
    ("The end of year 3 review is due.", "2019-05-15", []),
    # an ordinal day before "that" or "for"; "on the" stays outside the span, also with no reference
    ("The owner confirmed on the 4th that talks had ended.", "2019-05-15", [("4th", "2019-05-04")]),
    ("The owner confirmed on the 4th that talks had ended.", None, [("4th", None)]),
    ("Staff moved to the 4th floor.", "2019-05-15", []),
    # "in a decade" in a future clause is the year ten years on; a span of time is no date
    ("Use is forecast to double in a decade.", "2019-05-15", [("a decade", "2029")]),
    ("It was the first such award in a decade.", "2019-05-15", []),
    # a month range with the year named by a deictic word is one interval of that year
    ("Barges left between May and August last year.", "2019-05-15", [("May and August last year", "2018-05/2018-08")]),
    ("Barges leave from October to December this year.", "2019-05-15",
     [("October to December this year", "2019-10/2019-12")]),
]


@pytest.mark.parametrize(("text", "reference", "expected"), SILVER_CASES)
def test_date_forms_seen_on_unseen_outlets(nlp, text: str, reference: str | None, expected: list[tuple[str, str | None]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 28), st.integers(1, 12), st.integers(-30, 30), st.sampled_from([None, "past", "future"]))
def test_close_day_outweighs_the_tense(day: int, month: int, offset: int, tense) -> None:
    """A year-less day within ``CLOSE_DAYS`` of the reference is that occurrence under any tense."""
    reference = date(2020, month, day) + __import__("datetime").timedelta(days=offset)
    found = year_less_day(month, day, reference, tense, close=True)
    assert found is not None
    if abs(offset) <= CLOSE_DAYS:
        assert found == date(2020, month, day)
    elif tense == "past":
        assert found <= reference
    elif tense == "future":
        assert found >= reference
