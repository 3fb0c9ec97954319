"""ORG names only the statistical model reads, with no role in a clause (issue 13, entities, eighteenth session).

On text the rules were not tuned on, most false entities are ORG names the model alone gives. Measured on the read
dev half (``benchmarks/entity_precision.py``), such a name is seldom wrong when it is a party in a clause (a
subject, an object, the object of a preposition, an apposition), but mostly wrong when every mention modifies
another noun or stands in a line with no verb: "SEC standards", "Lead Agency status", "Cabinet approval". The
block stage only marks such mentions (``doc.spans[UNSUPPORTED_MODEL_GROUP]``); the article decides, since another
mention of the same name elsewhere is support (``pipeline/article/unsupported_orgs.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Set

from spacy.tokens import Span

MARKED_LABEL = "ORG"


def unsupported_model_names(ents: Iterable[Span], model_keys: Set[tuple[int, int, str]],
                            ruled_keys: Set[tuple[int, int, str]], weak_roles: Set[str],
                            source_nouns: Set[str], exchanges: Set[str] = frozenset()) -> list[Span]:
    """The final ``ents`` that are ORG spans exactly as the model gave them (``model_keys``: start, end, label),
    given by no rule (``ruled_keys``), whose root's dependency role is one of ``weak_roles``; a name modifying what
    a source gives ("Customs data", ``source_nouns``) is a cited source, not marked, and so is a stock exchange
    (``exchanges``: "the junior AIM market of London" names the market)."""
    return [ent for ent in ents if ent.label_ == MARKED_LABEL and ent.text not in exchanges
            and (key := (ent.start, ent.end, ent.label_)) in model_keys and key not in ruled_keys
            and ent.root.dep_ in weak_roles and ent.root.head.lower_ not in source_nouns]
