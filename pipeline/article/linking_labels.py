"""The label a one-word name takes from its other mentions in the article (entity linking, ``linking.py``)."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.article.linking_forms import Linked

# Labels one name may carry by mistake in a single mention ("Biden" ORG beside two PERSON "Biden").
MAJORITY_LABELS = frozenset({"PERSON", "ORG"})


def majority_label(mention: Linked, mentions: Sequence[Linked]) -> str | None:
    """PERSON or ORG when most other mentions of this one-word name carry it and this one carries the other; an
    unlisted place reading (GPE without a kb id) of a name written as an ORG more often than not is the ORG
    ("According to Orano," after four ORG mentions)."""
    if " " in mention.text:
        return None
    if mention.label == "GPE" and mention.kb_id is None:
        same = [other.label for other in mentions if other.text == mention.text]
        return "ORG" if same.count("ORG") > len(same) - same.count("ORG") else None
    if mention.label not in MAJORITY_LABELS:
        return None
    counts = {label: 0 for label in MAJORITY_LABELS}
    for other in mentions:
        if other.text == mention.text and other.label in counts:
            counts[other.label] += 1
    best = max(counts, key=counts.__getitem__)
    others = sum(counts.values()) - counts[best]
    return best if best != mention.label and counts[best] > others else None
