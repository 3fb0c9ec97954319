"""Company names that open with a commodity word (``commodity_led.commodity_led_companies``). Sentences invented
for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


@pytest.mark.parametrize(("text", "name"), [
    ("Analysts expect Cobalt North requires new funding before the plant can restart.", "Cobalt North"),
    ("Cobalt North's financing plan is due in the spring, the broker said.", "Cobalt North"),
    ("The money went to Canadian resources developer Lithium Ridge in May.", "Lithium Ridge"),
])
def test_commodity_word_opening_a_company_name_with_a_company_cue_is_an_organisation(nlp, text, name):
    assert (name, "ORG") in ents(make_block_doc(nlp, text))


@pytest.mark.parametrize("text", [
    "Cobalt North of the town lies a small lake, locals said.",
    "Prices of Lithium Carbonate fell in May, traders said.",
    "The Tungsten Project requires new funding, the miner said.",
])
def test_commodity_word_without_company_cue_or_before_a_site_word_is_no_company(nlp, text):
    found = ents(make_block_doc(nlp, text))
    assert not [name for name, label in found if label == "ORG" and name.split()[0] in {"Cobalt", "Lithium", "Tungsten"}]
