"""The label a one-word name takes from its other mentions in the article, and the places the article itself calls a
division or settlement (entity linking, ``linking.py``; ``defined_places`` moved from there in the thirteenth session)."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.article.linking_forms import Linked, LinkedT
from pipeline.resources.entities import linking_words

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


def defined_places(mentions: Sequence[LinkedT], text: str) -> dict[str, LinkedT]:
    """GPE mentions the article itself calls a division or settlement ("the Ossaro district", "the village of
    Brevik"), by name: the strongest cue a bare place name gets, so its other mentions take it."""
    words = linking_words()
    found: dict[str, LinkedT] = {}
    for mention in mentions:
        if mention.label != "GPE" or mention.text in found:
            continue
        after = text[mention.end : mention.end + 30].split(maxsplit=1)
        before = text[max(mention.start - 30, 0) : mention.start].lower().split()
        if after and after[0].lower().strip(".,;:") in words.division_heads or (
            len(before) >= 2 and before[-1] == "of" and before[-2] in words.division_heads | words.settlement_heads
        ):
            found[mention.text] = mention
    return found

