"""Firms named in their role on a deal (``components/entities/advisers.py``): a name the model reads as a person
is a firm when a deal role (counsel, adviser, bookrunner ...) places it. Sentences invented for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("The miner said its legal counsel for the placement was Pellow Garrick.", "Pellow Garrick"),
        ("Legal adviser to the buyer was Pellow Garrick.", "Pellow Garrick"),
        ("Harcourt Lowe acted as legal counsel to the company on the placement.", "Harcourt Lowe"),
        ("The seller was advised by Grant Samuel on the sale of its stake.", "Grant Samuel"),
    ],
)
def test_name_in_a_deal_role_is_a_firm(nlp, text, firm):
    found = ents(make_block_doc(nlp, text))
    assert (firm, "ORG") in found and (firm, "PERSON") not in found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Mark Ellison said the placement was done on Friday.", "Mark Ellison"),
        ("The board appointed Mark Ellison as chief executive last week.", "Mark Ellison"),
        ("Mark Ellison, who was adviser to the minister, said the deal was fair.", "Mark Ellison"),
        ("The ministry's senior adviser Mark Ellison said the deal was fair.", "Mark Ellison"),
    ],
)
def test_person_outside_a_deal_role_stays_a_person(nlp, text, person):
    assert (person, "PERSON") in ents(make_block_doc(nlp, text))
