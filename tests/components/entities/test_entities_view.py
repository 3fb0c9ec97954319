"""``TokenColumns`` read through the entity component's ``WordColumns``: the same columns as a full read."""

from __future__ import annotations

from support import make_block_doc

from pipeline.components.entities.view import TokenColumns, WordColumns

TEXTS = ["KESTREL Mining's 12 mines\n\nin Chile-Peru shut.", "Kestrel mining shut 3 mines in Chile."]


def test_word_columns_give_what_a_full_read_gives(nlp) -> None:
    words, small = WordColumns(), WordColumns(limit=8)  # ``small`` starts again on every Doc
    for text in TEXTS + TEXTS:  # the second pass reads every word from the table
        doc = make_block_doc(nlp, text)
        fresh = vars(TokenColumns(doc))
        assert vars(TokenColumns(doc, words)) == fresh
        assert vars(TokenColumns(doc, small)) == fresh
        assert fresh["texts"] == [token.text for token in doc]
        assert fresh["newline"] == [token.is_space and "\n" in token.text for token in doc]
    assert len(small.rows) <= len({token.orth for token in make_block_doc(nlp, TEXTS[1])})
    assert words.rows[nlp.vocab.strings["Kestrel"]][:3] == ("Kestrel", nlp.vocab.strings["kestrel"], "kestrel")
