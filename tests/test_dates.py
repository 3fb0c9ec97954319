"""The date stage: a table of real-world mentions with reference dates, plus properties."""

from __future__ import annotations

import time

import pytest
import spacy
from conftest import make_block_doc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.components.dates.stage import DateLexicon, DateStage, MatcherRule
from pipeline.resources.files import load_json, load_jsonl
from pipeline.schema.extensions import DATE_GROUP
from pipeline.schema.records import DateRecord

# (sentence, reference day, [(mention text, value)]). An empty list means "no date here".
CASES: list[tuple[str, str | None, list[tuple[str, str | None]]]] = [
    # Absolute days and datetimes
    ("The ban takes effect on January 1, 2026.", "2025-12-12", [("January 1, 2026", "2026-01-01")]),
    ("It was signed on 5 January 2026 in Hanoi.", "2025-12-12", [("5 January 2026", "2026-01-05")]),
    ("Shares fell on Jan. 5, 2026, after the report.", "2026-02-01", [("Jan. 5, 2026", "2026-01-05")]),
    ("The deal closed on Sept 30, 2024.", "2025-12-12", [("Sept 30, 2024", "2024-09-30")]),
    ("The auction is set for 2026-03-15.", "2025-12-12", [("2026-03-15", "2026-03-15")]),
    ("Licences were required from August 1st, 2023.", "2025-12-12", [("August 1st, 2023", "2023-08-01")]),
    ("Lindenbush said on Monday, January 19, 2026 that it agreed.", None, [("Monday, January 19, 2026", "2026-01-19")]),
    ("The order applied from 28 Jan 2026 onwards.", "2025-12-12", [("28 Jan 2026", "2026-01-28")]),
    ("The notice was posted Dec 12, 2025 16:05 by the ministry.", None, [("Dec 12, 2025 16:05", "2025-12-12T16:05")]),
    ("The meeting is on 12th December 2025.", "2025-12-01", [("12th December 2025", "2025-12-12")]),
    ("Exports resumed on November 27, 2026, officials said.", "2026-02-05", [("November 27, 2026", "2026-11-27")]),
    ("The truce runs to 2026-11-10T09:30 local time.", None, [("2026-11-10T09:30", "2026-11-10T09:30")]),
    # Year-less days and months: the year nearest the reference
    ("On December 11, the assembly voted.", "2025-12-12", [("December 11", "2025-12-11")]),
    ("Drilling starts January 3.", "2025-12-30", [("January 3", "2026-01-03")]),
    ("The plant restarted on Jan. 5 after repairs.", "2026-01-20", [("Jan. 5", "2026-01-05")]),
    ("Output recovered on 5 January.", "2026-01-20", [("5 January", "2026-01-05")]),
    ("Sales surged in October.", "2025-12-12", [("October", "2025-10")]),
    ("Completion is expected in March.", "2026-01-28", [("March", "2026-03")]),
    ("Prices have risen since early January.", "2026-01-08", [("early January", "2026-01")]),
    ("Lines stay shut until the holiday in mid-February.", "2026-01-08", [("mid-February", "2026-02")]),
    ("Talks are scheduled for late February.", "2026-02-12", [("late February", "2026-02")]),
    ("The government extended the halt in June.", "2026-01-22", [("June", "2025-06")]),
    ("The offer is expected to close on or about February 26.", "2026-02-10", [("February 26", "2026-02-26")]),
    ("TORONTO, Feb 10 (Orewire) - Laurentian raised funds.", "2026-02-10", [("Feb 10", "2026-02-10")]),
    ("Output for the three months to December 31 rose.", "2026-01-28", [("December 31", "2025-12-31")]),
    ("On December 11, the assembly voted.", None, [("December 11", None)]),
    ("Tokyo Sets January Start for Deep-Sea Drilling", "2025-12-12", [("January", "2026-01")]),
    ("The stock hit a record in October.", "2025-12-19", [("October", "2025-10")]),
    ("Prices held until late December.", "2026-02-17", [("late December", "2025-12")]),
    # Month and year
    ("Japan will begin drilling in January 2026.", "2025-12-12", [("January 2026", "2026-01")]),
    ("Imports have been capped since December 2024.", "2025-12-12", [("December 2024", "2024-12")]),
    ("The Act entered into force in May 2024.", "2025-12-12", [("May 2024", "2024-05")]),
    ("In Dec 2025 exports fell.", "2026-01-08", [("Dec 2025", "2025-12")]),
    ("Cash stood at A$212 million at the end of December 2025.", "2026-01-28", [("end of December 2025", "2025-12")]),
    ("Trial recovery is planned from January 2027.", "2026-02-12", [("January 2027", "2027-01")]),
    # Parts of years and modifiers
    ("A reserve update is due in mid-2026.", "2026-01-28", [("mid-2026", "2026")]),
    ("The plant is due to start up in early 2026.", "2025-12-12", [("early 2026", "2026")]),
    ("Commissioning is planned for late 2028.", "2026-02-10", [("late 2028", "2028")]),
    ("Permits are due by the end of 2026.", "2026-03-05", [("end of 2026", "2026")]),
    ("Work began at the beginning of 2025.", "2025-12-12", [("beginning of 2025", "2025")]),
    ("Quotas will be tightened through the rest of 2026.", "2026-02-05", [("rest of 2026", "2026")]),
    # Years in context
    ("The company expects to commercialize the deposit in 2028.", "2025-12-12", [("2028", "2028")]),
    ("It aims to lift capacity to 6,000 t a year by 2030.", "2026-02-12", [("2030", "2030")]),
    ("Of the 594 blocks sold since 2015, few produce.", "2026-01-30", [("2015", "2015")]),
    ("Most projects will not produce before 2029.", "2026-02-24", [("2029", "2029")]),
    ("They implemented the two sides' 2022 memorandum.", "2026-02-24", [("2022", "2022")]),
    ("Exports fell more than 50% from 2023 levels.", "2026-02-05", [("2023", "2023")]),
    ("Sales for 2025 were strong.", "2026-01-15", [("2025", "2025")]),
    ("Round Top Schedule Brought Forward to 2028", "2025-12-12", [("2028", "2028")]),
    ("It produced 117,000 t of cobalt in 2025.", "2026-01-22", [("2025", "2025")]),
    # Quarters
    ("Shipments peaked in Q3 2026.", "2025-12-12", [("Q3 2026", "2026-Q3")]),
    ("Its 3Q25 results beat forecasts.", "2025-12-12", [("3Q25", "2025-Q3")]),
    ("Deliveries start in the third quarter of 2026.", "2026-01-19", [("third quarter of 2026", "2026-Q3")]),
    ("Shipments rose in the December quarter.", "2026-01-28", [("December quarter", "2025-Q4")]),
    ("Output was up 12% on the September quarter.", "2026-01-28", [("September quarter", "2025-Q3")]),
    ("Its fourth-quarter 2025 loss narrowed.", "2026-02-10", [("fourth-quarter 2025", "2025-Q4")]),
    ("Buyers finalised procurement plans for Q1.", "2026-01-08", [("Q1", "2026-Q1")]),
    ("Drilling will start in the first quarter.", "2026-01-22", [("first quarter", "2026-Q1")]),
    ("Revenue in Q4'25 fell.", "2026-02-01", [("Q4'25", "2025-Q4")]),
    (
        "Cash was C$28.7 million at the end of the fourth quarter of 2025.",
        "2026-02-10",
        [("end of the fourth quarter of 2025", "2025-Q4")],
    ),
    ("The Q3 results disappointed.", "2025-12-12", [("Q3", "2025-Q3")]),
    ("Prices firmed through the first quarter of 2026.", "2026-01-08", [("first quarter of 2026", "2026-Q1")]),
    # Halves
    ("Output should double in H1 2026.", "2025-12-12", [("H1 2026", "2026-H1")]),
    ("The pilot is scheduled for the first half of 2026.", "2026-01-28", [("first half of 2026", "2026-H1")]),
    ("A decision is targeted for the second half of 2027.", "2026-01-27", [("second half of 2027", "2027-H2")]),
    ("The 1H26 report is due.", "2026-01-10", [("1H26", "2026-H1")]),
    ("Cobalt could reach $28/lb by the end of the first half.", "2026-01-22", [("end of the first half", "2026-H1")]),
    ("Construction starts in the second half of next year.", "2025-12-12", [("second half of next year", "2026-H2")]),
    # Fiscal years
    ("Karratha kept its FY2026 guidance at A$690/t.", "2026-01-28", [("FY2026", "2026")]),
    ("It produced 171 kt in FY25.", "2026-01-28", [("FY25", "2025")]),
    ("Japan earmarked ¥12.5 billion in its fiscal 2026 budget.", "2026-02-12", [("fiscal 2026", "2026")]),
    ("India's plan would run from FY2026-27 to FY2030-31.", "2026-02-12", [("FY2026-27 to FY2030-31", "2027/2031")]),
    ("It expects Q3 FY2026 shipments of 45,000 dmt, costs at A$690/t.", "2026-01-28", [("Q3 FY2026", "2026-Q3")]),
    ("IREL produced 2,950 t in the year to March 2025.", "2026-02-12", [("year to March 2025", "2025")]),
    ("The FY2025/26 budget rose.", "2026-02-12", [("FY2025/26", "2026")]),
    # Decades
    ("Demand will triple in the 2030s.", "2025-12-12", [("2030s", "2030/2039")]),
    ("Output peaked in the early 2010s.", "2025-12-12", [("early 2010s", "2010/2019")]),
    # Intervals
    ("Construction would take place between 2027 and 2029.", "2026-03-05", [("2027 and 2029", "2027/2029")]),
    ("The plan runs from 2026 to 2030.", "2025-12-12", [("2026 to 2030", "2026/2030")]),
    ("The 2025-26 season was dry.", "2026-01-15", [("2025-26", "2025/2026")]),
    ("Prices fell from March to May 2025.", "2025-12-12", [("March to May 2025", "2025-03/2025-05")]),
    ("Exports fell in July-September.", "2025-12-12", [("July-September", "2025-07/2025-09")]),
    ("Quotas are capped at 96,600 t a year in 2026 and 2027.", "2026-01-22", [("2026 and 2027", "2026/2027")]),
    ("Sales rose between April and June.", "2025-12-12", [("April and June", "2025-04/2025-06")]),
    ("The fair ran December 10-12, 2025.", "2026-01-15", [("December 10-12, 2025", "2025-12-10/2025-12-12")]),
    ("The 2025-2030 plan was approved.", "2025-12-12", [("2025-2030", "2025/2030")]),
    (
        "Stocks were drawn down from October 2025 to January 2026.",
        "2026-02-01",
        [("October 2025 to January 2026", "2025-10/2026-01")],
    ),
    # Relative
    ("Prices were up from yesterday.", "2026-01-08", [("yesterday", "2026-01-07")]),
    ("Prices were flat today.", "2025-12-12", [("today", "2025-12-12")]),
    ("The vote is tomorrow.", "2025-12-12", [("tomorrow", "2025-12-13")]),
    ("Prices gained 2% this week.", "2026-01-08", [("this week", "2026-W02")]),
    ("Prices rose last week.", "2025-12-12", [("last week", "2025-W49")]),
    ("Quotes may reach a new high next week.", "2026-01-08", [("next week", "2026-W03")]),
    ("Volumes fell this month.", "2025-12-12", [("this month", "2025-12")]),
    ("Buyers delayed restocking last month.", "2026-01-08", [("last month", "2025-12")]),
    ("The consultation opens next month.", "2026-01-29", [("next month", "2026-02")]),
    ("The stock has swung sharply this year.", "2025-12-19", [("this year", "2025")]),
    ("The ban was suspended last year.", "2026-01-28", [("last year", "2025")]),
    ("Output will rise next year.", "2025-12-12", [("next year", "2026")]),
    ("A restart is planned for early next year.", "2025-12-12", [("early next year", "2026")]),
    ("Sales will recover by the end of this year.", "2025-06-12", [("end of this year", "2025")]),
    ("Costs rose last quarter.", "2026-01-28", [("last quarter", "2025-Q4")]),
    ("That compares with US$780/t in the previous quarter.", "2026-01-28", [("previous quarter", "2025-Q4")]),
    ("Output is steady this quarter.", "2026-02-12", [("this quarter", "2026-Q1")]),
    ("The MoU was signed on Tuesday.", "2025-12-12", [("Tuesday", "2025-12-09")]),
    ("The ministry will decide on Tuesday.", "2025-12-12", [("Tuesday", "2025-12-16")]),
    ("Shares closed higher on Friday.", "2025-12-12", [("Friday", "2025-12-12")]),
    ("The plant shut last Friday.", "2025-12-12", [("last Friday", "2025-12-05")]),
    ("Talks resume next Monday.", "2025-12-12", [("next Monday", "2025-12-15")]),
    ("The price was a 9% discount to Monday's closing price.", "2026-02-10", [("Monday", "2026-02-09")]),
    ("Shares rose 40% over the past five years.", "2026-02-12", [("past five years", "2021/2026")]),
    ("Orders for the next two months are booked.", "2026-01-08", [("next two months", "2026-01/2026-03")]),
    ("The mine closed three years ago.", "2025-12-12", [("three years ago", "2022")]),
    ("Shipments were halted at the start of the month.", "2026-01-22", [("start of the month", "2026-01")]),
    ("Prices rose earlier this year.", "2025-12-12", [("earlier this year", "2025")]),
    ("Demand will double this decade.", "2025-12-12", [("this decade", "2020/2029")]),
    ("Prices rose last week.", None, [("last week", None)]),
    ("The MoU was signed on Tuesday.", None, [("Tuesday", None)]),
    ("Workers walked out on Monday over bonuses.", "2026-01-22", [("Monday", "2026-01-19")]),
    # More written forms
    (
        "It closed on Nov. 3 and reopened on the 3rd of November.",
        "2026-02-10",
        [("Nov. 3", "2025-11-03"), ("3rd of November", "2025-11-03")],
    ),
    ("Output rose in 1H 2026 and 2H25.", "2026-02-10", [("1H 2026", "2026-H1"), ("2H25", "2025-H2")]),
    (
        "Results for the fiscal year ending June 30, 2025 were mixed.",
        "2026-02-10",
        [("fiscal year ending June 30, 2025", "2025")],
    ),
    ("Output in Q1-Q3 2025 rose.", "2026-02-10", [("Q1-Q3 2025", "2025-Q1/2025-Q3")]),
    ("Sales rose in the first nine months of 2025.", "2026-02-10", [("first nine months of 2025", "2025-01/2025-09")]),
    ("Stocks will be drawn down by year-end.", "2026-02-10", [("year-end", "2026")]),
    ("The target is end-2025.", "2026-02-10", [("end-2025", "2025")]),
    ("Exports peaked in the mid-1990s.", "2026-02-10", [("mid-1990s", "1990/1999")]),
    ("The index was published on 2025/12/11.", "2026-02-10", [("2025/12/11", "2025-12-11")]),
    ("They meet next Wednesday.", "2026-02-10", [("next Wednesday", "2026-02-11")]),
    ("Prices fell over the past 12 months.", "2026-02-10", [("past 12 months", "2025-02/2026-02")]),
    ("Its third-quarter earnings rose.", "2026-02-10", [("third-quarter", "2025-Q3")]),
    (
        "First output is due in the first half of calendar 2026.",
        "2025-12-15",
        [("first half of calendar 2026", "2026-H1")],
    ),
    ("A decision is due in the December half.", "2026-02-10", [("December half", "2025-H2")]),
    ("It said controls would take effect from Dec. 1.", "2025-12-15", [("Dec. 1", "2025-12-01")]),
    ("Output fell over the following two weeks.", "2025-12-15", []),
    ("It set the 2030 and 2040 targets.", "2025-12-15", [("2030", "2030"), ("2040", "2040")]),
    ("They will start 2026 production.", "2025-12-15", [("2026", "2026")]),
    ("Output in Q2 of 2026 rose.", "2025-12-15", [("Q2 of 2026", "2026-Q2")]),
    ("Prices rose over the past year.", "2026-02-10", [("past year", "2025/2026")]),
    # Mining-report forms (issue 5 generalisation)
    ("Shipments are due in Q4 CY2025.", "2026-01-15", [("Q4 CY2025", "2025-Q4")]),
    ("Sales rose in the March quarter.", "2026-04-20", [("March quarter", "2026-Q1")]),
    ("First production is due in 1H 2026.", "2026-01-15", [("1H 2026", "2026-H1")]),
    ("The plant will be built by end-2027.", "2026-01-15", [("end-2027", "2027")]),
    ("Demand will peak in the late 2020s.", "2026-01-15", [("late 2020s", "2020/2029")]),
    ("Exports in Jan-Mar 2026 rose 5%.", "2026-04-15", [("Jan-Mar 2026", "2026-01/2026-03")]),
    ("Revenue rose in the December quarter. Prices averaged US$800/t, against US$700/t in the previous quarter.",
     "2026-01-28", [("December quarter", "2025-Q4"), ("previous quarter", "2025-Q3")]),
    ("Output for the three months to December 31 beat the previous quarter.", "2026-01-28",
     [("December 31", "2025-12-31"), ("previous quarter", "2025-Q3")]),
    ("Sales were flat on the previous quarter.", "2026-01-28", [("previous quarter", "2025-Q4")]),
    # Day ranges, quarter and half names with modifiers, weeks, decade parts, year to date
    ("Talks will run between 5 and 12 January 2026.", "2025-12-12", [("5 and 12 January 2026", "2026-01-05/2026-01-12")]),
    ("The fair runs 5-12 January 2026 in Perth.", "2025-12-12", [("5-12 January 2026", "2026-01-05/2026-01-12")]),
    ("The fair runs January 5-12, 2026 in Perth.", "2025-12-12", [("January 5-12, 2026", "2026-01-05/2026-01-12")]),
    ("The plant halts from 5 to 12 January for repairs.", "2025-12-12", [("5 to 12 January", "2026-01-05/2026-01-12")]),
    ("Roadshows ran 2–6 March 2026.", "2026-03-10", [("2–6 March 2026", "2026-03-02/2026-03-06")]),
    ("Cash stood at A$20 million at the end of the March quarter.", "2026-04-28",
     [("end of the March quarter", "2026-Q1")]),
    ("Output rose in the June half.", "2025-08-20", [("June half", "2025-H1")]),
    ("Sales in the September quarter rose.", "2025-10-20", [("September quarter", "2025-Q3")]),
    ("Demand should peak mid-decade.", "2025-12-12", [("mid-decade", "2020/2029")]),
    ("Drilling starts in the first week of March.", "2025-12-12", [("first week of March", "2026-W10")]),
    ("Shipments slowed in the last week of February 2026.", "2025-12-12",
     [("last week of February 2026", "2026-W09")]),
    ("Prices rose 4% in the week to Friday.", "2025-12-12", [("week to Friday", "2025-W50")]),
    ("Exports fell in the week ended January 9, 2026.", "2026-01-12", [("week ended January 9, 2026", "2026-W02")]),
    ("Output is up 8% YTD.", "2025-12-12", [("YTD", "2025")]),
    ("Year-to-date shipments reached 40,000 t.", "2025-12-12", [("Year-to-date", "2025")]),
    ("The ministry cut the quota for 2026 to 6,800 mt.", "2025-12-12", [("2026", "2026")]),
    ("Output in 2025 to 12,000 tonnes was a record.", "2025-12-12", [("2025", "2025")]),
    ("Output in 1H26 rose.", "2025-12-12", [("1H26", "2026-H1")]),
    ("Output in Q1-Q3 2026 rose.", "2025-12-12", [("Q1-Q3 2026", "2026-Q1/2026-Q3")]),
    # Not dates
    ("Prices rose 12% year-on-year and 2% quarter-on-quarter.", "2025-12-12", []),
    ("The ministry set 5 and 12 tonne limits.", "2025-12-12", []),
    ("Output rose ytd.", "2025-12-12", []),
    ("The 2000-tonne plant opened.", "2025-12-12", []),
    ("Output of 2000 to 2500 t is planned.", "2025-12-12", []),
    ("REAlloys agreed a five-year contract.", "2025-12-12", []),
    ("The review took over two years.", "2025-12-12", []),
    ("The refinery has an annual capacity of 400 mt.", "2025-12-12", []),
    ("Yet 94% of the reserves sit in forests.", "2025-12-12", []),
    ("It paid $53 million for the stake.", "2025-12-12", []),
    ("The project costs US$2030 million.", "2025-12-12", []),
    ("It shipped 2030 tonnes of ore.", "2025-12-12", []),
    ("Regulation (EU) 2024/1252 applies to all members.", "2025-12-12", []),
    ("Prices rose recently.", "2025-12-12", []),
    ("Demand will grow in the coming years.", "2025-12-12", []),
    ("Call +61 8 2025 3344 for details.", "2025-12-12", []),
    ("Theresa May said so.", "2025-12-12", []),
    ("Output may rise.", "2025-12-12", []),
    ("Prices could march higher.", "2025-12-12", []),
    ("Traders stayed away before the Spring Festival holiday.", "2025-12-12", []),
    ("The board approved a budget of ₹2,100 crore.", "2025-12-12", []),
    ("It holds 1,950 t of oxide.", "2025-12-12", []),
    ("Prices were 80% higher than a year ago.", "2025-12-12", []),
    ("Output rose 3% month-on-month.", "2025-12-12", []),
    ("Section 2026 of the code was amended.", "2025-12-12", []),
    ("The 12-month period ended.", "2025-12-12", []),
    ("H2 production needs cheap power.", "2025-12-12", []),
    ("Serial 1234567890123 was logged.", "2025-12-12", []),
    ("Profit rose 2.5% on a year earlier.", "2025-12-12", []),
    ("The company employs 2000 workers.", "2025-12-12", []),
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES, ids=[case[0][:40] for case in CASES])
def test_date_table(nlp, text: str, reference: str | None, expected: list[tuple[str, str | None]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    found = [(span.text, span._.orewire_date["value"]) for span in doc.spans[DATE_GROUP]]
    assert found == expected


def _info(nlp, text: str, reference: str | None = "2025-12-12", *, zone: str = "body") -> tuple[str, dict]:
    doc = make_block_doc(nlp, text, reference=reference, zone=zone)
    spans = list(doc.spans[DATE_GROUP])
    assert len(spans) == 1, [span.text for span in spans]
    return spans[0].text, dict(spans[0]._.orewire_date)


# (sentence, reference, expected fields of the only mention)
DETAILS = [
    ("Output is guided for H2 FY26 by the ASX-listed miner.", "2026-01-15",
     {"value": "2026-H2", "start_date": "2026-01-01", "end_date": "2026-06-30", "fiscal": True}),
    ("The plant will be built by end-2027.", "2026-01-15",
     {"start_date": "2027-12-01", "end_date": "2027-12-31", "modifier": "end"}),

    (
        "Start-up is due in early 2026.",
        "2025-12-12",
        dict(
            value="2026",
            granularity="year",
            start_date="2026-01-01",
            end_date="2026-04-30",
            modifier="early",
            resolution="absolute",
            reference=None,
            fiscal=False,
        ),
    ),
    (
        "Approval is due by mid-2026.",
        "2025-12-12",
        dict(start_date="2026-05-01", end_date="2026-08-31", modifier="mid"),
    ),
    ("First output in late 2028.", "2025-12-12", dict(start_date="2028-09-01", end_date="2028-12-31", modifier="late")),
    (
        "The stock swung sharply this year.",
        "2025-12-12",
        dict(
            value="2025", start_date="2025-01-01", end_date="2025-12-31", resolution="relative", reference="2025-12-12"
        ),
    ),
    (
        "Prices rose last week.",
        "2025-12-12",
        dict(value="2025-W49", granularity="week", start_date="2025-12-01", end_date="2025-12-07"),
    ),
    (
        "Cash stood at A$212 million at the end of December 2025.",
        "2026-01-28",
        dict(value="2025-12", granularity="month", start_date="2025-12-21", end_date="2025-12-31", modifier="end"),
    ),
    (
        "Permits are due by the end of 2026.",
        "2026-03-05",
        dict(start_date="2026-12-01", end_date="2026-12-31", modifier="end"),
    ),
    (
        "Karratha kept its FY2026 guidance at A$690/t.",
        "2026-01-28",
        dict(value="2026", fiscal=True, start_date="2025-07-01", end_date="2026-06-30", resolution="absolute"),
    ),
    (
        "Japan earmarked ¥12.5 billion in its fiscal 2026 budget.",
        "2026-02-12",
        dict(value="2026", fiscal=True, start_date="2026-04-01", end_date="2027-03-31"),
    ),
    (
        "The FY2026 budget was approved.",
        "2026-02-12",
        dict(value="2026", fiscal=True, start_date="2026-01-01", end_date="2026-12-31"),
    ),
    (
        "IREL produced 2,950 t in the year to March 2025.",
        "2026-02-12",
        dict(value="2025", fiscal=True, start_date="2024-04-01", end_date="2025-03-31"),
    ),
    (
        "It expects Q3 FY2026 shipments of 45,000 dmt, costs at A$690/t.",
        "2026-01-28",
        dict(value="2026-Q3", granularity="quarter", fiscal=True, start_date="2026-01-01", end_date="2026-03-31"),
    ),
    (
        "Shares rose 40% over the past five years.",
        "2026-02-12",
        dict(
            value="2021/2026", granularity="year", start_date="2021-02-12", end_date="2026-02-12", resolution="relative"
        ),
    ),
    (
        "Quotas will be tightened through the rest of 2026.",
        "2026-02-05",
        dict(
            value="2026", start_date="2026-02-05", end_date="2026-12-31", resolution="relative", reference="2026-02-05"
        ),
    ),
    (
        "Shipments were halted at the start of the month.",
        "2026-01-22",
        dict(value="2026-01", start_date="2026-01-01", end_date="2026-01-10", modifier="start"),
    ),
    (
        "Cobalt could reach $28/lb by the end of the first half.",
        "2026-01-22",
        dict(value="2026-H1", granularity="half", start_date="2026-06-01", end_date="2026-06-30", modifier="end"),
    ),
    (
        "Construction would take place between 2027 and 2029.",
        "2026-03-05",
        dict(value="2027/2029", granularity="year", start_date="2027-01-01", end_date="2029-12-31", modifier=None),
    ),
    (
        "Prices fell from March to May 2025.",
        "2025-12-12",
        dict(granularity="month", start_date="2025-03-01", end_date="2025-05-31"),
    ),
    (
        "Prices rose last week.",
        None,
        dict(value=None, granularity="week", start_date=None, end_date=None, resolution="unresolved", reference=None),
    ),
    ("Cash stood at A$20 million at the end of the March quarter.", "2026-04-28",
     {"value": "2026-Q1", "granularity": "quarter", "modifier": "end", "start_date": "2026-03-01",
      "end_date": "2026-03-31"}),
    ("Demand should peak mid-decade.", "2025-12-12",
     {"granularity": "year", "modifier": "mid", "start_date": "2024-01-01", "end_date": "2026-12-31",
      "resolution": "relative"}),
    ("Drilling starts in the first week of March.", "2025-12-12",
     {"granularity": "week", "start_date": "2026-03-02", "end_date": "2026-03-08", "resolution": "relative"}),
    ("Prices rose 4% in the week to Friday.", "2025-12-12",
     {"granularity": "week", "start_date": "2025-12-06", "end_date": "2025-12-12", "resolution": "relative"}),
    ("Output is up 8% YTD.", "2025-12-12",
     {"granularity": "year", "start_date": "2025-01-01", "end_date": "2025-12-12", "resolution": "relative"}),
    ("Talks will run between 5 and 12 January 2026.", "2025-12-12",
     {"granularity": "day", "start_date": "2026-01-05", "end_date": "2026-01-12", "resolution": "absolute"}),
    ("Demand should peak mid-decade.", None, {"value": None, "modifier": "mid", "resolution": "unresolved"}),
    (
        "Output peaked in the early 2010s.",
        "2025-12-12",
        dict(start_date="2010-01-01", end_date="2013-12-31", modifier="early"),
    ),
    (
        "Prices have risen since early January.",
        "2026-01-08",
        dict(start_date="2026-01-01", end_date="2026-01-10", modifier="early", resolution="relative"),
    ),
]


@pytest.mark.parametrize(("text", "reference", "fields"), DETAILS, ids=[case[0][:40] for case in DETAILS])
def test_date_fields(nlp, text: str, reference: str | None, fields: dict) -> None:
    _, info = _info(nlp, text, reference)
    assert {key: info[key] for key in fields} == fields


@pytest.mark.parametrize(
    ("text", "zone", "value"),
    [
        ("Dec 12, 2025 16:05", "dateline", "2025-12-12T16:05"),
        ("Jan 29, 2026 11:40", "related", "2026-01-29T11:40"),
        ("28 Jan 2026 10:45", "dateline", "2026-01-28T10:45"),
        ("Feb 5, 2026", "dateline", "2026-02-05"),
    ],
)
def test_dateline_blocks(nlp, text: str, zone: str, value: str) -> None:
    span_text, info = _info(nlp, text, None, zone=zone)
    assert span_text == text
    assert info["value"] == value
    assert info["granularity"] == ("minute" if "T" in value else "day")
    assert info["resolution"] == "absolute" and info["reference"] is None


def test_teaser_text_resolves_against_its_own_date(nlp) -> None:
    _, info = _info(nlp, "A public consultation is due to open next month.", "2026-01-29", zone="related")
    assert (info["value"], info["reference"]) == ("2026-02", "2026-01-29")


def test_missing_block_context_means_unresolved(nlp) -> None:
    doc = nlp.make_doc("Prices rose last week, and in 2028 output doubles.")
    doc._.orewire_block = None
    doc = nlp(doc)
    values = [
        (span.text, span._.orewire_date["value"], span._.orewire_date["resolution"]) for span in doc.spans[DATE_GROUP]
    ]
    assert values == [("last week", None, "unresolved"), ("2028", "2028", "absolute")]


def test_records_validate(nlp) -> None:
    doc = make_block_doc(
        nlp, "On Tuesday, FY2026 guidance for early 2026 and the 2030s was cut.", reference="2025-12-12"
    )
    for span in doc.spans[DATE_GROUP]:
        DateRecord(
            id="t#date",
            doc_id="t",
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            sentence=0,
            section=None,
            zone="body",
            **span._.orewire_date,
        )


def test_resources_validate() -> None:
    lexicon = load_json("dates/lexicon.json", DateLexicon)
    rules = load_jsonl("dates/patterns.jsonl", MatcherRule)
    assert lexicon.months["sept"] == 9 and lexicon.weekdays["friday"] == 4
    assert {rule.label for rule in rules} == {"relative_day", "deictic", "rolling", "ago", "weekday"}


def test_unknown_resource_keys_are_rejected() -> None:
    with pytest.raises(ValueError):
        MatcherRule.model_validate({"label": "deictic", "pattern": [{"LOWER": "x"}], "extra": 1})


@pytest.fixture(scope="module")
def blank_stage():
    nlp = spacy.blank("en")
    return nlp, DateStage(nlp.vocab)


def _run(blank_stage, text: str, reference: str | None = "2025-12-12"):
    nlp, stage = blank_stage
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t"}
    return stage.process(doc)


SNIPPETS = [
    "January",
    "Jan.",
    "5",
    "31",
    "2026",
    "2025-26",
    "Q3",
    "3Q25",
    "H1",
    "FY25",
    "FY2026-27",
    "fiscal",
    "year",
    "to",
    "and",
    "between",
    "early",
    "mid-",
    "late",
    "end of",
    "the",
    "last",
    "next",
    "this",
    "week",
    "month",
    "past",
    "five",
    "years",
    "ago",
    "Tuesday",
    "today",
    "$",
    "%",
    ",",
    ".",
    "-",
    "/",
    "2030s",
    "quarter",
    "half",
    "first",
    "December",
    "May",
    "rest of",
    "since",
    "9999",
    "0000",
    "12:30",
    "\n",
    "week to",
    "week ended",
    "Friday",
    "first week of",
    "YTD",
    "mid-decade",
    "quarter",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(SNIPPETS), max_size=14), st.sampled_from([None, "2025-12-12", "2024-02-29", "1900-01-01"])
)
def test_property_never_raises_and_bounds_ordered(blank_stage, words: list[str], reference: str | None) -> None:
    doc = _run(blank_stage, " ".join(words), reference)
    for span in doc.spans[DATE_GROUP]:
        info = span._.orewire_date
        if info["start_date"] is not None:
            assert info["start_date"] <= info["end_date"]
        assert info["resolution"] in ("absolute", "relative", "unresolved")
        assert (info["value"] is None) == (info["resolution"] == "unresolved")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_property_arbitrary_text(blank_stage, text: str) -> None:
    doc = _run(blank_stage, text)
    spans = list(doc.spans[DATE_GROUP])
    assert all(a.end_char <= b.start_char for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.parametrize(
    "text",
    ["1" * 100_000, "2026 " * 20_000, "May " * 25_000, "the " * 100_000, "20" * 50_000, "Q3 2026-" * 10_000],
    ids=["digits", "years", "may", "the", "twenties", "quarters"],
)
def test_pathological_input_is_fast(blank_stage, text: str) -> None:
    began = time.perf_counter()
    _run(blank_stage, text)
    assert time.perf_counter() - began < 10


def test_dateparser_fallback_is_cached(blank_stage) -> None:
    _, stage = blank_stage
    assert stage.parse_absolute("12 March 2024") == ("2024-03-12", "day")
    assert stage.parse_absolute("March 2024") == ("2024-03", "month")
    assert stage.parse_absolute("next week") is None
    assert "12 march 2024" in stage._parsed


def test_stage_pickles(blank_stage) -> None:
    import pickle

    _, stage = blank_stage
    stage.parse_absolute("March 2024")
    clone = pickle.loads(pickle.dumps(stage))
    assert clone._date_parser is None and clone.parse_absolute("March 2024") == ("2024-03", "month")


def test_model_date_spans_fill_gaps(blank_stage) -> None:
    nlp, stage = blank_stage
    doc = nlp.make_doc("The filing of 12 March 2024 and 5 May 2025 matters.")
    doc.spans["orewire_model_dates"] = [doc.char_span(14, 27), doc.char_span(32, 42)]
    spans = stage._model_date_spans(doc, [(32, 42)])
    assert [(span.text, span._.orewire_date["value"]) for span in spans] == [("12 March 2024", "2024-03-12")]


def test_fiscal_hint_is_the_fallback_for_a_block_without_cues(nlp):
    def fiscal_bounds(text: str, hints: dict | None) -> tuple[str, str]:
        doc = nlp.make_doc(text)
        doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": "2025-12-12",
                               "doc_id": "t", "hints": hints}
        span = nlp(doc).spans["orewire_dates"][0]
        return span._.orewire_date["start_date"], span._.orewire_date["end_date"]

    text = "Output should double in fiscal 2026."
    assert fiscal_bounds(text, None) == ("2026-01-01", "2026-12-31")
    assert fiscal_bounds(text, {"dollar": None, "yen": "JPY", "fiscal": "AU"}) == ("2025-07-01", "2026-06-30")
    assert fiscal_bounds(text, {"dollar": None, "yen": "JPY", "fiscal": "JP"}) == ("2026-04-01", "2027-03-31")
    # A cue in the block beats the article's calendar.
    cued = "Indian output should double in fiscal 2026."
    assert fiscal_bounds(cued, {"dollar": None, "yen": "JPY", "fiscal": "AU"}) == ("2025-04-01", "2026-03-31")
