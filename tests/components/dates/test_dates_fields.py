"""The date component's fields on single real-world mentions (bounds, modifier, fiscal,
resolution). Runs the whole pipeline, like the mention table."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.schema.labels import DATE_GROUP


def _info(nlp, text: str, reference: str | None = "2025-12-12", *, zone: str = "body") -> tuple[str, dict]:
    doc = make_block_doc(nlp, text, reference=reference, zone=zone)
    spans = list(doc.spans[DATE_GROUP])
    assert len(spans) == 1, [span.text for span in spans]
    return spans[0].text, dict(spans[0]._.orewire_date)


# (sentence, reference, expected fields of the only mention)
DETAILS = [
    ("Output is guided for H2 FY26 by the ASX-listed miner.", "2026-01-15",
     {"timex": "2026-H2", "start_date": "2026-01-01", "end_date": "2026-06-30", "fiscal": True}),
    ("The plant will be built by end-2027.", "2026-01-15",
     {"start_date": "2027-12-01", "end_date": "2027-12-31", "modifier": "end"}),

    (
        "Start-up is due in early 2026.",
        "2025-12-12",
        dict(
            timex="2026",
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
            timex="2025", start_date="2025-01-01", end_date="2025-12-31", resolution="relative", reference="2025-12-12"
        ),
    ),
    (
        "Prices rose last week.",
        "2025-12-12",
        dict(timex="2025-W49", granularity="week", start_date="2025-12-01", end_date="2025-12-07"),
    ),
    (
        "Cash stood at A$212 million at the end of December 2025.",
        "2026-01-28",
        dict(timex="2025-12", granularity="month", start_date="2025-12-21", end_date="2025-12-31", modifier="end"),
    ),
    (
        "Permits are due by the end of 2026.",
        "2026-03-05",
        dict(start_date="2026-12-01", end_date="2026-12-31", modifier="end"),
    ),
    (
        "Karratha kept its FY2026 guidance at A$690/t.",
        "2026-01-28",
        dict(timex="2026", fiscal=True, start_date="2025-07-01", end_date="2026-06-30", resolution="absolute"),
    ),
    (
        "Japan earmarked ¥12.5 billion in its fiscal 2026 budget.",
        "2026-02-12",
        dict(timex="2026", fiscal=True, start_date="2026-04-01", end_date="2027-03-31"),
    ),
    (
        "The FY2026 budget was approved.",
        "2026-02-12",
        dict(timex="2026", fiscal=True, start_date="2026-01-01", end_date="2026-12-31"),
    ),
    (
        "IREL produced 2,950 t in the year to March 2025.",
        "2026-02-12",
        dict(timex="2025", fiscal=True, start_date="2024-04-01", end_date="2025-03-31"),
    ),
    (
        "It expects Q3 FY2026 shipments of 45,000 dmt, costs at A$690/t.",
        "2026-01-28",
        dict(timex="2026-Q3", granularity="quarter", fiscal=True, start_date="2026-01-01", end_date="2026-03-31"),
    ),
    (
        "Shares rose 40% over the past five years.",
        "2026-02-12",
        dict(
            timex="2021/2026", granularity="year", start_date="2021-02-12", end_date="2026-02-12", resolution="relative"
        ),
    ),
    (
        "Quotas will be tightened through the rest of 2026.",
        "2026-02-05",
        dict(
            timex="2026", start_date="2026-02-05", end_date="2026-12-31", resolution="relative", reference="2026-02-05"
        ),
    ),
    (
        "Shipments were halted at the start of the month.",
        "2026-01-22",
        dict(timex="2026-01", start_date="2026-01-01", end_date="2026-01-10", modifier="start"),
    ),
    (
        "Cobalt could reach $28/lb by the end of the first half.",
        "2026-01-22",
        dict(timex="2026-H1", granularity="half", start_date="2026-06-01", end_date="2026-06-30", modifier="end"),
    ),
    (
        "Construction would take place between 2027 and 2029.",
        "2026-03-05",
        dict(timex="2027/2029", granularity="year", start_date="2027-01-01", end_date="2029-12-31", modifier=None),
    ),
    (
        "Prices fell from March to May 2025.",
        "2025-12-12",
        dict(granularity="month", start_date="2025-03-01", end_date="2025-05-31"),
    ),
    (
        "Prices rose last week.",
        None,
        dict(timex=None, granularity="week", start_date=None, end_date=None, resolution="unresolved", reference=None),
    ),
    ("Cash stood at A$20 million at the end of the March quarter.", "2026-04-28",
     {"timex": "2026-Q1", "granularity": "quarter", "modifier": "end", "start_date": "2026-03-01",
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
    ("Demand should peak mid-decade.", None, {"timex": None, "modifier": "mid", "resolution": "unresolved"}),
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
