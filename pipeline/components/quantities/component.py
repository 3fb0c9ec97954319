"""The quantity stage as a spaCy component: numbers with units, currencies, scale words and
ranges, normalised to SPEC units and written to ``doc.spans["orewire_quantities"]``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.base import OrewireComponent
from pipeline.components.quantities.finder import QuantityFinder
from pipeline.components.quantities.subject import SUBJECT_LABELS, SubjectRules, pair_respectively
from pipeline.resources.files import ResourceReader
from pipeline.resources.quantities import DEFAULT_FOLDER, load_tables
from pipeline.schema.extensions import register_extensions
from pipeline.schema.labels import QUANTITIES_FACTORY, QUANTITY_EXTENSION, QUANTITY_GROUP


class QuantityStage(OrewireComponent):
    """Finds quantities and writes them, with their ``span._.orewire_quantity`` payload, to a span group.

    Args:
        lexicon: the folder under ``models/`` (or under a saved pipeline's copy) holding the
            quantity tables: units, currencies, scales, qualifiers, number words and word lists.
    """

    def __init__(self, nlp: Language, name: str = QUANTITIES_FACTORY, *, lexicon: str = DEFAULT_FOLDER) -> None:
        self.lexicon = lexicon
        register_extensions()
        super().__init__(nlp, name)

    def setup(self, reader: ResourceReader) -> None:
        tables = load_tables(reader, folder=self.lexicon)
        self.finder = QuantityFinder(tables)
        self.subjects = SubjectRules(tables.words)

    def __call__(self, doc: Doc) -> Doc:
        found_all = self.finder.find(doc)
        split_trailing_stops(doc, [found.end for found in found_all])
        ents = [ent for ent in doc.ents if ent.label_ in SUBJECT_LABELS] if found_all else []
        spans: list[Span] = []
        last_end = -1
        for found in found_all:
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None or span.start < last_end:
                continue
            info = found.info
            info["subject"] = self.subjects.subject(doc, span, info["quantity_type"], ents)
            span._.set(QUANTITY_EXTENSION, info)
            spans.append(span)
            last_end = span.end
        if spans and ents:
            pair_respectively(doc, spans, ents)
        doc.spans[QUANTITY_GROUP] = spans
        return doc


def split_trailing_stops(doc: Doc, ends: list[int]) -> None:
    """Split tokens like "t." (unit + sentence full stop) where a quantity ends before the stop."""
    targets = [token for token in (_token_ending_after(doc, end) for end in ends) if token is not None]
    if not targets:
        return
    with doc.retokenize() as retokenizer:
        for token in targets:
            head = token.head if token.head.i != token.i else (token, 0)
            retokenizer.split(token, [token.text[:-1], "."], heads=[head, (token, 0)])


def _token_ending_after(doc: Doc, end: int) -> Token | None:
    span = doc.char_span(end, end + 1, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    token = span[0]
    if token.idx < end and token.idx + len(token.text) == end + 1 and token.text.endswith(".") and len(token.text) > 1:
        return token
    return None


@Language.factory(
    QUANTITIES_FACTORY,
    default_config={"lexicon": DEFAULT_FOLDER},
    assigns=["doc.spans", f"span._.{QUANTITY_EXTENSION}"],  # the span group named QUANTITY_GROUP
    requires=["doc.ents", "token.ent_type"],
)
def make_quantities(nlp: Language, name: str, lexicon: str) -> QuantityStage:
    """The ``orewire_quantities`` factory: ``nlp.add_pipe("orewire_quantities")``."""
    return QuantityStage(nlp, name, lexicon=lexicon)
