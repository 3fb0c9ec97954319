"""Organisation names cut in two (``components/entities/joins.py``): a Portuguese or Spanish name that opens with
its body word and joins its parts with a connector is one ORG. Names invented for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The miner lost the deal to Brazil's Companhia Vale do Rio Doce last year.", "Companhia Vale do Rio Doce"),
        ("Shares of Companhia Minera do Vale Verde rose 5% on Monday.", "Companhia Minera do Vale Verde"),
    ],
)
def test_romance_organisation_name_is_one_org(nlp, text, name):
    assert (name, "ORG") in ents(make_block_doc(nlp, text))


def test_person_with_a_connector_stays_a_person(nlp):
    found = ents(make_block_doc(nlp, "Lula da Silva visited Poços de Caldas on Monday."))
    assert ("Lula da Silva", "PERSON") in found
