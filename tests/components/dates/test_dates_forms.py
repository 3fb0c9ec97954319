"""The form table: each regex form, run alone through its own normaliser, and the candidate
selection (windows round anchors, longest non-overlapping candidate first)."""

from __future__ import annotations

import re
from datetime import date

import pytest
import spacy

from pipeline.components.dates.block import Block
from pipeline.components.dates.finder import longest_first, windows
from pipeline.components.dates.forms import FORMS, compile_forms
from pipeline.components.dates.words import DateWords
from pipeline.resources.dates import load_holidays, load_lexicon
from pipeline.schema.annotations import DateInfo
from pipeline.text.regex import lowered_twin

WORDS = DateWords.from_lexicon(load_lexicon(), load_holidays())
PATTERNS = compile_forms(WORDS)
NLP = spacy.blank("en")

# form name -> (text, reference day, the mention the form finds, its value)
EXAMPLES: dict[str, tuple[str, str, str, str]] = {
    "iso_day": ("The auction is set for 2026-03-15.", "2025-12-12", "2026-03-15", "2026-03-15"),
    "numeric_day": ("The cargo left port on 14/03/2024.", "2024-04-01", "14/03/2024", "2024-03-14"),
    "spaced_dmy": ("6.10. 2025 / Desk", "2025-11-01", "6.10. 2025", "2025-10-06"),
    "spaced_ymd": ("2021. 9. 14. 08:05", "2021-10-01", "2021. 9. 14. 08:05", "2021-09-14T08:05"),
    "ordinal_day": ("The board meets Friday the 7th.", "2025-06-15", "Friday the 7th", "2025-03-07"),
    "month_ordinal": ("The smelter restarts March third.", "2026-02-10", "March third", "2026-03-03"),
    "month_the_day": ("Bids close February the 15th.", "2026-02-10", "February the 15th", "2026-02-15"),
    "ordinal_of_month": ("Quotas apply from the first of March.", "2026-02-10", "first of March", "2026-03-01"),
    "deictic_month": ("The tender opened last April.", "2026-02-10", "last April", "2025-04"),
    "month_deictic_year": ("The kiln was relined in August last year.", "2026-02-10", "August last year", "2025-08"),
    "deictic_fiscal": ("Costs fell in the previous fiscal year.", "2026-02-12", "previous fiscal year", "2025"),
    "mdy": ("The ban takes effect on January 1, 2026.", "2025-12-12", "January 1, 2026", "2026-01-01"),
    "dmy_hyphen": ("The licence lapsed on 7-Feb-2025.", "2025-03-01", "7-Feb-2025", "2025-02-07"),
    "clock_mdy": ("Updated 9:05 pm Tuesday, March 3, 2026 by staff", "2026-03-03", "9:05 pm Tuesday, March 3, 2026",
                  "2026-03-03T21:05"),
    "foreign_dmy": ("Posted 11:20, 7 октября 2025, the agency said.", "2025-12-12", "11:20, 7 октября 2025",
                    "2025-10-07T11:20"),
    "foreign_mdy": ("Filed / ноября 3, 2024 / by the desk", "2025-12-12", "ноября 3, 2024", "2024-11-03"),
    "dmy": ("It was signed on 5 January 2026 in Hanoi.", "2025-12-12", "5 January 2026", "2026-01-05"),
    "day_range": ("The fair ran December 10-12, 2025.", "2026-01-15", "December 10-12, 2025", "2025-12-10/2025-12-12"),
    "dmy_cross_range": ("Smelter notes, 29 January – 4 February", "2026-02-06", "29 January – 4 February",
                        "2026-01-29/2026-02-04"),
    "dmy_range": ("The fair runs 5-12 January 2026.", "2025-12-12", "5-12 January 2026", "2026-01-05/2026-01-12"),
    "cross_month_range": ("The survey covers the weeks between March 28 and April 9.", "2026-05-02", "March 28 and April 9",
                          "2026-03-28/2026-04-09"),
    "week_of": ("Drilling starts in the first week of March.", "2025-12-12", "first week of March", "2026-W10"),
    "week_to": ("Exports fell in the week ended January 9, 2026.", "2026-01-12", "week ended January 9, 2026",
                "2026-W02"),
    "decade_part": ("Demand should peak mid-decade.", "2025-12-12", "mid-decade", "2020/2029"),
    "year_to_date": ("Output is up 8% YTD.", "2025-12-12", "YTD", "2025"),
    "month_range": ("Prices fell from March to May 2025.", "2025-12-12", "March to May 2025", "2025-03/2025-05"),
    "month": ("Japan will begin drilling in January 2026.", "2025-12-12", "January 2026", "2026-01"),
    "quarter_abbr": ("Shipments peaked in Q3 2026.", "2025-12-12", "Q3 2026", "2026-Q3"),
    "quarter_words": ("Deliveries start in the third quarter of 2026.", "2026-01-19", "third quarter of 2026",
                      "2026-Q3"),
    "quarter_month": ("Shipments rose in the December quarter.", "2026-01-28", "December quarter", "2025-Q4"),
    "half_abbr": ("The 1H26 report is due.", "2026-01-10", "1H26", "2026-H1"),
    "half_words": ("A decision is due in the second half of 2027.", "2026-01-27", "second half of 2027", "2027-H2"),
    "fiscal_abbr": ("Karratha kept its FY2026 guidance.", "2026-01-28", "FY2026", "2026"),
    "fiscal_range": ("The plan runs from FY2026-27 to FY2030-31.", "2026-02-12", "FY2026-27 to FY2030-31",
                     "2027/2031"),
    "year_ending": ("IREL produced 2,950 t in the year to March 2025.", "2026-02-12", "year to March 2025", "2025"),
    "unit_part": ("Shipments were halted at the start of the month.", "2026-01-22", "start of the month", "2026-01"),
    "period_end": ("Stocks will be drawn down by year-end.", "2026-02-10", "year-end", "2026"),
    "quarter_range": ("Output in Q1-Q3 2025 rose.", "2026-02-10", "Q1-Q3 2025", "2025-Q1/2025-Q3"),
    "first_months": ("Smelter margins widened over the first eight months, the group said.", "2026-10-02",
                     "first eight months", "2026-01/2026-08"),
    "months_of": ("Sales rose in the first nine months of 2025.", "2026-02-10", "first nine months of 2025",
                  "2025-01/2025-09"),
    "fiscal_split_words": ("Indian steel use rose 9% in the 2024-25 fiscal.", "2025-06-01", "2024-25 fiscal", "2025"),
    "fiscal_words": ("Japan earmarked funds in its fiscal 2026 budget.", "2026-02-12", "fiscal 2026", "2026"),
    "year_range": ("The plan runs from 2026 to 2030.", "2025-12-12", "2026 to 2030", "2026/2030"),
    "decade": ("Demand will triple in the 2030s.", "2025-12-12", "2030s", "2030/2039"),
    "calendar_year": ("Shipments in CY2025 beat the plan.", "2026-02-10", "CY2025", "2025"),
    "short_decade": ("Smelters were built in the '70s.", "2026-02-10", "'70s", "1970/1979"),
    "year_fiscal_words": ("Its 2025 fiscal year ended in June.", "2026-02-10", "2025 fiscal year", "2025"),
    "year": ("The company expects output in 2028.", "2025-12-12", "2028", "2028"),
    "mdy_hyphen": ("Post time: May-12-2022", "2022-05-12", "May-12-2022", "2022-05-12"),
    "holiday": ("Port traffic slowed over Christmas 2025.", "2026-01-10", "Christmas 2025", "2025-12-25"),
    "nth_of_month": ("Bids close on the first Tuesday of October.", "2026-08-20", "first Tuesday of October",
                     "2026-10-06"),
    "after_next": ("The vote is set for Friday after next.", "2026-03-03", "Friday after next", "2026-03-13"),
    "day_after": ("Crews return the day after tomorrow.", "2026-03-03", "day after tomorrow", "2026-03-05"),
    "unit_after_next": ("The smelter restarts the month after next.", "2026-03-03", "month after next", "2026-05"),
    "nth_of_period": ("Royalties are paid on the first Monday of next month.", "2026-03-03",
                      "first Monday of next month", "2026-04-06"),
    "day_of_period": ("The audit closes on the 22nd of next month.", "2026-03-03", "22nd of next month", "2026-04-22"),
    "year_part_abbr": ("Margins in 2025 Q3 were thin.", "2026-03-03", "2025 Q3", "2025-Q3"),
    "weekday_of_week": ("The board meets Monday next week.", "2026-03-03", "Monday next week", "2026-03-09"),
    "in_units": ("In two weeks the kiln restarts.", "2026-03-03", "two weeks", "2026-03-17"),
    "units_from": ("Ten days from now the permit lapses.", "2026-03-03", "Ten days from now", "2026-03-13"),
    "numeric_month_year": ("Spot cargoes dated 11/2023 were repriced.", "2026-03-03", "11/2023", "2023-11"),
    "numeric_month_day": ("The quota review closes on 3/21.", "2026-03-03", "3/21", "2026-03-21"),
    "glued_dmy": ("Filings dated 9march 2026 were refused.", "2026-03-20", "9march 2026", "2026-03-09"),
    "glued_mdy": ("The barge sails Thu, Mar5.", "2026-03-03", "Thu, Mar5", "2026-03-05"),
    "week_of_day": ("Bids open the week of March 9th.", "2026-03-03", "week of March 9th", "2026-W11"),
    "season": ("Shipping resumes next spring.", "2026-03-03", "next spring", "2027-03/2027-05"),
    "course_of_period": ("Talks may resume during the course of the year.", "2026-03-03", "year", "2026"),
    "within_period": ("The stockpile will be filled within the year.", "2026-03-03", "year", "2026"),
    "year_half": ("Lithium review, 2025 H2", "2026-02-10", "2025 H2", "2025-H2"),
    "bare_half": ("Sales rose in H1, the miner said.", "2025-08-20", "H1", "2025-H1"),
    "months_label": ("Smelter output in 9M 2025 slipped.", "2025-11-01", "9M 2025", "2025-01/2025-09"),
    "part_of_fiscal_year": ("Exports resume in the first half of the 2027 fiscal year.", "2026-03-03",
                            "first half of the 2027 fiscal year", "2027-H1"),
    "clock_weekday": ("The stock was flat at 11:45 a.m. Tuesday.", "2026-03-05", "11:45 a.m. Tuesday",
                      "2026-03-03T11:45"),
    "clock_alone": ("Cobalt was bid at 4:10 p.m. in Rotterdam.", "2026-03-05", "4:10 p.m", "2026-03-05T16:10"),
    "decade_half": ("Cobalt demand firms in the second half of the decade.", "2026-03-05", "second half of the decade",
                    "2025/2029"),
}


def test_every_form_has_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(FORMS)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_form_normalises_its_example(name: str) -> None:
    text, reference, mention, value = EXAMPLES[name]
    block = Block(NLP.make_doc(text), text, WORDS, date.fromisoformat(reference), None)
    match = PATTERNS[name].search(text)
    assert match is not None and match.group().rstrip(".") == mention
    found = FORMS[name].normalise(match, block)
    assert found is not None
    info, start = found
    assert (text[start:match.end()].rstrip("."), info["timex"]) == (mention, value)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("month", "Theresa May said so."),  # a name, not a month
        ("dmy", "Level 1 May Apply To Older Mills."),  # a bare number before a capitalised "May" stays out
        ("year", "The company employs 2000 workers."),
        ("year", "Section 2026 of the code was amended."),
        ("year_range", "It set the 2030 and 2040 targets."),
        ("year_to_date", "Output rose ytd."),
        ("quarter_words", "Output rose in the last quarter."),
        ("fiscal_abbr", "Output rose in fy2026."),
        ("numeric_month_year", "Under Regulation No. 4/2021 the levy doubled."),  # the number of a text
        ("numeric_month_year", "Its score was 3/2020 points."),  # no time word before it
        ("dmy_cross_range", "Crews worked 9 June and 2 July."),  # two dates: "and" makes a range after "between"
        ("dmy_cross_range", "The log ran 14 March – 2 March."),  # backwards
    ],
)
def test_form_rejects(name: str, text: str) -> None:
    block = Block(NLP.make_doc(text), text, WORDS, date(2025, 12, 12), None)
    results = [FORMS[name].normalise(match, block) for match in PATTERNS[name].finditer(text)]
    assert results and all(result is None for result in results)


def _info(value: str) -> DateInfo:
    return DateInfo(timex=value, granularity="year", start_date=None, end_date=None, modifier=None, fiscal=False,
                    resolution="absolute", reference=None)


def test_longest_candidate_wins_and_ties_go_to_the_earliest() -> None:
    candidates = [(10, 14, _info("a")), (5, 20, _info("b")), (30, 34, _info("c")), (30, 34, _info("d")),
                  (33, 40, _info("e"))]
    chosen = longest_first(candidates)
    assert [(start, end, info["timex"]) for start, end, info in chosen] == [(5, 20, "b"), (33, 40, "e")]


def test_windows_merge_round_their_anchors() -> None:
    text = "x" * 50 + "2026" + "x" * 50 + "2027" + "x" * 300 + "2030"
    assert windows(re.compile(r"20\d\d"), text, before=10, after=10) == [(40, 64), (94, 118), (398, 412)]
    assert windows(re.compile(r"20\d\d"), text, before=10, after=60) == [(40, 168), (398, 412)]
    assert windows(re.compile(r"20\d\d"), text, keep={"2030"}) == [(368, 412)]


@pytest.mark.parametrize(("text", "mention", "value"), [
    # "of calendar year 2025", "of the calendar year 2024": the written year, inside the quarter's or half's span
    ("The deal should close in the third quarter of calendar year 2025.", "third quarter of calendar year 2025",
     "2025-Q3"),
    ("Sales slowed in the second half of the calendar year 2024.", "second half of the calendar year 2024", "2024-H2"),
])
def test_parts_of_a_calendar_year(text: str, mention: str, value: str) -> None:
    for form in ("quarter_words", "half_words"):
        match = PATTERNS[form].search(text)
        if match is None:
            continue
        found = FORMS[form].normalise(match, Block(NLP.make_doc(text), text, WORDS, date(2026, 1, 5), None))
        assert found is not None
        info, start = found
        assert (text[start:match.end()], info["timex"]) == (mention, value)
        return
    raise AssertionError(f"no form matched {text!r}")


@pytest.mark.parametrize(("text", "mention"), [
    ("The lender let it skip the first half-yearly coupon.", None),  # a frequency: twice a year
    ("Profit for the first half-year doubled.", "first half"),  # the half-year itself is a date
])
def test_half_yearly_is_no_half(text: str, mention: str | None) -> None:
    match = PATTERNS["half_words"].search(text)
    assert (match.group(0) if match else None) == mention


def test_case_insensitive_window_regexes_run_as_lowered_twins() -> None:
    # a window regex written with a capital ("YTD") would be scanned case-folded, character by character
    slow = [name for name, form in FORMS.items()
            if isinstance(form.near, re.Pattern) and form.near.flags & re.IGNORECASE and lowered_twin(form.near) is None]
    assert slow == []
