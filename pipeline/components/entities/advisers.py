"""Firms named in their role on a deal (issue 13, entities, fourteenth session).

Deal news names the law firms, banks and brokers that worked on it by their role: "its counsel on the placement was
X", "X acted as financial adviser", "advised by X", "X is acting as sole bookrunner". Many such firms are named
after their founders ("Mayer Brown", "Grant Samuel"), so the model reads them as people. A name in that place is
a firm: the role word (``adviser_roles`` of ``cue_words.json``) stands a few plain words before it and a copula
or colon joins them ("counsel on the placement was X", "Legal counsel: X"), "advised by" opens it, or the name acts in
the role ("X acted as ... adviser", "X as legal counsel"). A role word right before the name is a person's title
("adviser X said").
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.resources.entities import EntityTables

# Words joining a role to the firm after it: "counsel was X", "adviser is X", "Legal counsel: X". A role word right
# before a name, or with a comma between, is a person's title ("adviser X said", "the adviser, X, said").
ROLE_JOINERS = frozenset({"was", "is", "were", "are", ":"})
# Plain words between the role and its joiner ("counsel on the placement was X"): prepositions, articles, nouns.
BETWEEN_TAGS = frozenset({"IN", "DT", "NN", "NNS", "JJ", "PRP$", "POS"})
# Most tokens between the role word and its joiner.
MAX_BETWEEN = 4
# Verbs (and "as" alone) by which a firm acts in its role after its name: "X acted as legal adviser".
ACTING_WORDS = frozenset({"acted", "acts", "acting", "served", "serves", "serving", "as"})
# Most tokens between such a verb and the role word ("acted as sole financial adviser").
MAX_ROLE_DISTANCE = 4


def adviser_firm(span: Span, tables: EntityTables) -> bool:
    """The name stands in a deal role (module docstring)."""
    return _role_before(span, tables.cues.adviser_roles) or _role_after(span, tables.cues.adviser_roles)


def _role_before(span: Span, roles: frozenset[str]) -> bool:
    doc = span.doc
    i = span.start - 1
    if i >= 1 and doc[i].lower_ == "by" and doc[i - 1].lower_ in {"advised", "represented"}:
        return True
    if i < 0 or doc[i].lower_ not in ROLE_JOINERS:
        return False
    for j in range(i - 1, max(i - 2 - MAX_BETWEEN, -1), -1):
        if doc[j].lower_ in roles:
            return True
        if doc[j].tag_ not in BETWEEN_TAGS or doc[j].is_sent_start:
            return False
    return False


def _role_after(span: Span, roles: frozenset[str]) -> bool:
    doc = span.doc
    j = span.end
    if j < len(doc) and doc[j].lower_ in {"is", "was", "has"}:
        j += 1  # "X is acting as", "X has acted as"
    if j >= len(doc) or doc[j].lower_ not in ACTING_WORDS:
        return False
    return any(token.lower_ in roles for token in doc[j + 1 : j + 1 + MAX_ROLE_DISTANCE])
