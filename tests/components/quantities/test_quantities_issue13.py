"""Issue 13: a bare "$" decided per sentence when the sentence sets a dollar variant against it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.quantities.currency import CurrencyContext, CurrencyRules
from pipeline.resources.quantities import load_currencies
from pipeline.schema.labels import QUANTITY_GROUP


@pytest.fixture(scope="module")
def rules() -> CurrencyRules:
    return CurrencyRules(load_currencies())


@pytest.mark.parametrize(("text", "currencies"), [
    # contrast in one sentence: the bare "$" is USD; the next sentence keeps the block's AUD
    ("The Perth group banked A$30m, while a Nevada peer lost $9m. It then spent $2m.", ["AUD", "USD", "AUD"]),
    ("Costs were A$80/t compared with $55/t at the rival mill.", ["AUD/t", "USD/t"]),
    # no contrast word: the block's variant still decides
    ("The Perth group banked A$30m and later spent $9m.", ["AUD", "AUD"]),
    ("All sums are in Canadian dollars, while the plant cost $50m.", ["CAD"]),
])
def test_bare_dollar_per_sentence(nlp, text: str, currencies: list[str]) -> None:
    doc = make_block_doc(nlp, text)
    found = [span._.orewire_quantity["unit"] for span in doc.spans[QUANTITY_GROUP]
             if span._.orewire_quantity["quantity_type"] in ("money", "price")]
    assert found == currencies


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["A$3m", "$4m", "while", "compared with", ".", "C$", "US$1", "( $2 )", "x"]),
                max_size=12))
def test_sentence_contexts_cover_the_text_in_order(rules: CurrencyRules, words: list[str]) -> None:
    text = " ".join(words)
    contexts = rules.sentence_contexts(text, CurrencyContext(dollar="AUD"))
    ends = [end for end, _ in contexts]
    assert ends == sorted(ends)
    assert not contexts or ends[-1] == len(text)
    assert all(context.dollar in ("AUD", "USD") for _, context in contexts)
