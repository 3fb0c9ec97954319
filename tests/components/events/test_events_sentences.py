"""``DocIndex``: the word lists of a block Doc, read through the event component's shared word strings."""

from __future__ import annotations

from support import make_block_doc

from pipeline.components.events.sentences import DocIndex, IndexWords


def test_shared_word_strings_give_the_lists_a_fresh_index_gives(nlp) -> None:
    words = IndexWords(nlp.vocab.strings)
    texts = ["Kestrel Mining Corp. BANNED cobalt exports on Monday.", "The ministry bans cobalt exports again."]
    for text in texts + texts:  # the second pass reads every word from the table
        doc = make_block_doc(nlp, text)
        shared, fresh = DocIndex(doc, doc.text, words), DocIndex(doc, doc.text)
        assert (shared.lowers, shared.lemmas, shared.starts, shared.ends) == (
            fresh.lowers, fresh.lemmas, fresh.starts, fresh.ends)
        assert shared.lowers == [token.lower_ for token in doc]
        assert shared.lemmas == [token.lemma_.lower() for token in doc]
        assert shared.ends == [token.idx + len(token.text) for token in doc]
    assert words.lowers.values[nlp.vocab.strings["banned"]] == "banned"
