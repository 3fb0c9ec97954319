"""How the statistical model's entity labels map onto the SPEC's."""

from __future__ import annotations

# OntoNotes labels the model predicts -> SPEC labels; the rest are not entities in the SPEC.
MODEL_TO_SPEC_LABEL = {
    "ORG": "ORG",
    "PERSON": "PERSON",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "FAC": "FACILITY",
    "LAW": "LAW",
}
# Model labels kept (in a span group) for the quantity stage before ``doc.ents`` is replaced.
NUMERIC_LABELS = frozenset({"TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
# SPEC labels of proper names, which a run of commodity words never is.
NAME_LABELS = frozenset({"ORG", "PERSON", "FACILITY", "LAW"})
