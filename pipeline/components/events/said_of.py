"""What a trigger word is said of: the noun it modifies or stands beside, else its clause's subject.

A price move is said of a price, a quotation or a commodity; the same words said of anything else ("advanced
talks", "the fundamentals are stronger", "supply surged", "a 20% increase" beside an output figure) report no price
move, unless the clause names a sum of money or a price, whose move the words then give ("the complex was higher,
with aluminium at $2,891").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.components.events.sentences import Sentence
from pipeline.components.events.syntax import clause_subjects

# a trigger in these relations to a noun is said of that noun ("advanced talks", "a price increase": the head)
NOUN_DEPS = frozenset({"amod", "compound", "appos"})
# a relative pronoun subject stands for the noun its clause describes ("fundamentals, which are stronger")
RELATIVE_TAGS = frozenset({"WDT", "WP"})
# quantities that make a clause about a price whatever its subject
PRICE_QUANTITIES = frozenset({"money", "price"})


def said_of(root: Token) -> tuple[list[Token], Token | None]:
    """The nouns ``root`` is said of, and the head of the clause that says it (None when nothing is found)."""
    if root.dep_ in NOUN_DEPS and root.head.pos_ in {"NOUN", "PROPN"} and root.head.i != root.i:
        return [root.head], root.head
    subjects = clause_subjects(root)
    if not subjects:
        return [], None
    nouns = [subject.head.head if subject.tag_ in RELATIVE_TAGS and subject.head.dep_ == "relcl" else subject
             for subject in subjects]
    return nouns, subjects[0].head


def said_of_other(root: Token, wanted: frozenset[str], sentence: Sentence) -> bool:
    """Whether ``root`` is said of nouns none of which is ``wanted`` (a lemma, or the label of an entity holding the
    noun), in a clause naming no sum of money or price."""
    nouns, head = said_of(root)
    if head is None:
        return False
    for noun in nouns:
        if noun.pos_ != "NOUN":  # a name or a pronoun may stand for a price or a metal: not judged
            return False
        if noun.lemma_.lower() in wanted or noun.lower_ in wanted:
            return False
        if any(ent.label_ in wanted and ent.start <= noun.i < ent.end for ent in sentence.entities):
            return False
    clause = {token.i for token in head.subtree}
    return not any(span.start in clause for span in sentence.quantities
                   if (span._.orewire_quantity or {}).get("quantity_type") in PRICE_QUANTITIES)
