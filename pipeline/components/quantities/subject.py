"""What a quantity measures (SPEC ``subject``): the COMMODITY entity it is "of" or next to
("119 mt of dysprosium", "dysprosium oxide (30 mt)"), or the country whose reserves it states."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pipeline.components.base import block_text
from pipeline.resources.quantities import WordTable

# Entity labels a subject can have; only the entities of these labels are passed to the rules.
SUBJECT_LABELS = frozenset({"COMMODITY", "GPE", "ORG"})
# Parts of speech that end the modifiers between "of" and the commodity ("of wrought gallium").
NOT_MODIFIERS = frozenset({"ADP", "AUX", "PRON", "NUM", "PROPN", "SCONJ", "PART"})
RATE_ARTICLES = ("per", "a", "an", "each", "every")
# How far (tokens) a commodity may stand left of its amount ("Pr-Nd oxide was assessed at ...").
LEFT_REACH = 12
_LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s+")


def _offsets(ent: Span) -> list[int]:
    return [ent.start_char, ent.end_char]


class SubjectRules:
    """Finds the subject of one quantity span among the sentence's entities."""

    def __init__(self, words: WordTable) -> None:
        self.prepositions = frozenset(words.prepositions)
        self.rate_nouns = frozenset(words.rate_nouns)
        self.rate_adverbs = frozenset(words.rate_adverbs)

    def subject(self, doc: Doc, span: Span, kind: str, ents: list[Span]) -> list[int] | None:
        """[start, end] of the entity ``span`` (a quantity of ``kind``) measures, or None."""
        if kind not in ("mass", "price", "count", "percent", "other") or not ents:
            return None
        sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
        commodities = [ent for ent in ents if ent.label_ == "COMMODITY" and sentence.start <= ent.start < sentence.end]
        for ent in commodities:
            if ent.start == span.end and kind in ("mass", "percent", "other"):
                return _offsets(ent)
        if kind == "other":
            return None
        of_subject = self._of_or_for(doc, span, kind, sentence, commodities)
        if of_subject is not None:
            return of_subject
        if span.start >= 2 and doc[span.start - 1].text == "(":
            for ent in commodities:
                if ent.end == span.start - 1:
                    return _offsets(ent)
        if kind in ("percent", "count"):
            return None
        bracketed = {ent.start for ent in commodities if ent.end < len(doc) and doc[ent.end].text == ")"}
        left = [
            ent for ent in commodities
            if ent.end <= span.start and span.start - ent.end <= LEFT_REACH and ent.start not in bracketed
        ]
        if left:
            return _offsets(left[-1])
        if kind == "mass":
            return _reserves_holder(doc, span, sentence, ents)
        return None

    def _of_or_for(self, doc: Doc, span: Span, kind: str, sentence: Span, commodities: list[Span]) -> list[int] | None:
        """"119 mt of dysprosium", "52,000 tonnes per year of graphite", "US$1,150/t for flake concentrate"."""
        tail = span.end
        # "52,000 tonnes per year of graphite": the rate words sit between the amount and its "of"
        if tail + 1 < sentence.end and doc[tail].lower_ in RATE_ARTICLES and doc[tail + 1].lower_ in self.rate_nouns:
            tail += 2
        elif tail < sentence.end and doc[tail].lower_ in self.rate_adverbs:
            tail += 1
        after = doc[tail : min(tail + 4, sentence.end)]
        if len(after) and after[0].lower_ == "of":
            for ent in commodities:
                # "of dysprosium", "of wrought and unwrought gallium": only modifiers in between
                if tail < ent.start <= tail + 6 and all(
                        (token.is_alpha or token.text in (",", "-")) and token.pos_ not in NOT_MODIFIERS
                        and token.lower_ not in self.prepositions for token in doc[tail + 1 : ent.start]):
                    return _offsets(ent)
        if kind == "price" and len(after) > 1 and after[0].lower_ == "for":
            for ent in commodities:
                if ent.start == tail + 1 or (ent.start == tail + 2 and doc[tail + 1].pos_ in ("DET", "ADJ")):
                    return _offsets(ent)
        return None


def _reserves_holder(doc: Doc, span: Span, sentence: Span, ents: list[Span]) -> list[int] | None:
    """"Vietnam's reserves ... 3.5 million mt": the country or company whose reserves the mass states."""
    for ent in ents:
        if ent.label_ in ("GPE", "ORG") and sentence.start <= ent.start and ent.end < span.start:
            following = doc[ent.end : span.start]
            if len(following) and following[0].text in ("'s", "’s") and any(
                token.lower_.startswith(("reserve", "resource")) for token in following[:4]
            ):
                return _offsets(ent)
    return None


def pair_respectively(doc: Doc, spans: list[Span], ents: list[Span]) -> None:
    """"copper, lithium and rhenium, where Chile supplies 23%, 20.4% and 46.8% ... respectively": pair in order."""
    text = block_text(doc)
    if "respectively" not in text.lower():  # no token can be "respectively" then
        return
    for token in doc:
        if token.lower_ != "respectively":
            continue
        sentence = token.sent if doc.has_annotation("SENT_START") else doc[:]
        group: list[Span] = []
        for span in spans:
            if not (sentence.start <= span.start and span.end <= token.i):
                continue
            if group and _LIST_GAP.fullmatch(text, group[-1].end_char, span.start_char) is None:
                group = []
            group.append(span)
        if len(group) < 2:
            continue
        items = [ent for ent in ents if ent.label_ == "COMMODITY" and sentence.start <= ent.start
                 and ent.end <= group[0].start]
        listed: list[Span] = []
        for ent in items:
            if listed and _LIST_GAP.fullmatch(text, listed[-1].end_char, ent.start_char) is None:
                listed = []
            listed.append(ent)
        if len(listed) != len(group):
            continue
        for span, ent in zip(group, listed, strict=True):
            span._.orewire_quantity["subject"] = [ent.start_char, ent.end_char]
