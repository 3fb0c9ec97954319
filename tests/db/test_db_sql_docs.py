"""docs/sql.md cannot rot: every ```sql block runs on both backends against a loaded seed extraction."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pipeline.db import load_files, open_backend
from pipeline.db.layout import mapping_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "sql.md"
BLOCK = re.compile(r"```sql\n-- name: (\w+)\n(.*?)```", re.S)


def doc_queries() -> dict[str, str]:
    return {name: sql.strip().rstrip(";") for name, sql in BLOCK.findall(DOC.read_text(encoding="utf-8"))}


@pytest.fixture
def loaded(db_target: str, seed_facts: Path) -> str:
    assert load_files([str(seed_facts)], target=db_target).ok
    return db_target


def run_all(target: str) -> dict[str, list[tuple[Any, ...]]]:
    """name -> rows, for every query in the doc."""
    with open_backend(target) as backend:
        return {name: backend.execute(sql) for name, sql in doc_queries().items()}


def test_the_doc_has_the_promised_queries() -> None:
    assert set(doc_queries()) == {"usd_per_tonne_prices", "events_by_type_and_country", "company_facts", "documents_and_errors",
                                  "month_distinct_events"}


def test_doc_queries_answer_on_the_seeds(loaded: str) -> None:
    results = run_all(loaded)

    prices = results["usd_per_tonne_prices"]
    by_commodity = {(row[0], row[5]) for row in prices}
    assert ("germanium metal", 3400000.0) in by_commodity  # "$3,400/kg" in 006_policy_export_controls
    assert ("graphite flake concentrate", 1150.0) in by_commodity
    assert ("spodumene", 1075.0) in by_commodity  # the midpoint of "US$1,050-1,100/t"
    assert all(isinstance(row[1], date) or row[1] is None for row in prices)
    assert [row[0] for row in prices] == sorted(row[0] for row in prices)

    events = results["events_by_type_and_country"]
    assert all(len(row[1]) == 2 and row[2] >= 1 for row in events)
    assert ("price_movement", "CN") in {(row[0], row[1]) for row in events}
    assert [row[2] for row in events] == sorted((row[2] for row in events), reverse=True)

    company = results["company_facts"]
    assert len({row[0] for row in company}) == 1 and company[0][0].endswith("005_canada_graphite_financing.txt")
    assert {"financing", "supply_agreement"} <= {row[1] for row in company}
    assert any(row[4] == "amount" and row[10] == "CAD" and row[7] for row in company)

    loaded_rows = results["documents_and_errors"]
    assert sum(1 for row in loaded_rows if row[0] == "document") == 14


def test_mapping_table_matches_the_table_definitions() -> None:
    text = DOC.read_text(encoding="utf-8")
    embedded = text.split("<!-- mapping:start -->\n", 1)[1].split("<!-- mapping:end -->", 1)[0]
    assert embedded == mapping_markdown(), "regenerate the table with pipeline.db.layout.mapping_markdown()"
