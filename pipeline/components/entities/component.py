"""The ``orewire_entities`` component: statistical NER plus gazetteer and pattern rules, in SPEC labels.

Rule hits go to ``doc.spans["orewire_entity_rules"]`` first; ``merge_entities`` then combines them with
the model's entities under one policy (``merge.py``), the generalisation rules refine the result
(``refine.py``) and every final span gets ``span._.orewire_entity`` (``normalise.py``). On headline lines
model names survive only without common headline words (``headlines.py``), so "Vietnam Passes Rare Earth
Export Ban" gives GPE + COMMODITY. FACILITY spans are the bare name before "project"/"mine"/"deposit"
("Round Top", not "Round Top deposit"), as in the SPEC examples.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from pipeline.components.base import OrewireComponent, block_text
from pipeline.components.entities.abbreviations import abbreviated_places, dateline_towns
from pipeline.components.entities.commodities import CommodityMatcher, symbol_chains
from pipeline.components.entities.commodity_led import commodity_led_companies
from pipeline.components.entities.compass_parts import compass_parts
from pipeline.components.entities.cued_acronyms import cued_acronyms
from pipeline.components.entities.divisions import division_names
from pipeline.components.entities.furniture import furniture_span
from pipeline.components.entities.gazetteer_match import gazetteer_spans, shouted_places
from pipeline.components.entities.headlines import headline_token_indices
from pipeline.components.entities.joins import join_and_bodies
from pipeline.components.entities.known_sites import known_site_spans
from pipeline.components.entities.labels_map import NUMERIC_LABELS
from pipeline.components.entities.listed_exchanges import (
    LISTING_LABELS,
    listed_companies,
    listed_exchanges,
    without_listing_labels,
)
from pipeline.components.entities.merge import merge_entities
from pipeline.components.entities.model_spans import model_spans
from pipeline.components.entities.normalise import entity_info
from pipeline.components.entities.patterns import PatternMatcher
from pipeline.components.entities.place_cues import uncued_model_places
from pipeline.components.entities.place_pairs import place_pairs
from pipeline.components.entities.refine import in_brackets, refine
from pipeline.components.entities.shapes import listing_part, lowercase_inside, site_not_law, without_unheaded_model_laws
from pipeline.components.entities.sources import cited_sources
from pipeline.components.entities.support import unsupported_model_names
from pipeline.components.entities.untagged import untagged_names
from pipeline.components.entities.vetting import VETTERS
from pipeline.components.entities.view import BlockView, TokenColumns, WordColumns
from pipeline.resources.entities import DEFAULT_FOLDER, EntityTables, load_entity_tables
from pipeline.resources.files import ResourceReader
from pipeline.resources.model_support import MODEL_SUPPORT_FILE, ModelSupport
from pipeline.schema import extensions  # noqa: F401  (registers the Doc and Span extensions)
from pipeline.schema.labels import (
    ENTITIES_FACTORY,
    ENTITY_CANDIDATE_GROUP,
    MODEL_DATE_GROUP,
    MODEL_NUMERIC_GROUP,
    UNCUED_MODEL_PLACE_GROUP,
    UNSUPPORTED_MODEL_GROUP,
)


class EntityComponent(OrewireComponent):
    """Sets ``doc.ents`` to SPEC labels, each span with ``span._.orewire_entity``.

    Also keeps the model's DATE and numeric entities in ``doc.spans`` (``orewire_model_dates``,
    ``orewire_model_numeric``) for the date and quantity stages, before ``doc.ents`` is replaced.
    """

    tables: EntityTables

    def __init__(self, nlp: Language, name: str = ENTITIES_FACTORY, *, folder: str = DEFAULT_FOLDER) -> None:
        self.folder = folder
        # the pipeline's own tokenizer: the gazetteer and lexicon are tokenised as the text will be
        self.tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
        super().__init__(nlp, name)

    def setup(self, reader: ResourceReader) -> None:
        self.tables = tables = load_entity_tables(reader, self.folder)
        self.support = reader.json(f"{self.folder}/{MODEL_SUPPORT_FILE}", ModelSupport)
        self.phrases = PhraseMatcher(self.vocab, attr="ORTH")
        self.phrases.add("GAZETTEER", list(self.tokenizer.pipe(list(tables.gazetteer))))
        self.site_phrases = PhraseMatcher(self.vocab, attr="ORTH")
        self.site_phrases.add("KNOWN_SITE", list(self.tokenizer.pipe(sorted(tables.known_sites))))
        self.commodities = CommodityMatcher(self.vocab, self.tokenizer, tables)
        self.patterns = PatternMatcher(self.vocab, tables.token_patterns)
        self.words = WordColumns()  # the word-level token columns of the Docs met so far
        cues = tables.cues  # words that close no organisation name the rules read short of the model's (merge.py)
        self.not_name_tails = frozenset(word.lower() for word in cues.person_titles | cues.job_title_words
                                        | cues.facility_keywords | cues.outlet_heads | cues.series_words
                                        | LISTING_LABELS)  # "JSE Share" of "JSE Share code: EXM": the exchange

    def __call__(self, doc: Doc) -> Doc:
        model_ents = doc.ents  # built from the token annotations on every access
        doc.spans[MODEL_DATE_GROUP] = [ent for ent in model_ents if ent.label_ == "DATE"]
        doc.spans[MODEL_NUMERIC_GROUP] = [ent for ent in model_ents if ent.label_ in NUMERIC_LABELS]
        tokens = TokenColumns(doc, self.words)
        zone = (doc._.orewire_block or {}).get("zone") or "body"
        view = BlockView(doc=doc, text=block_text(doc), zone=zone, tokens=tokens,
                         headline=headline_token_indices(zone, tokens))
        rules = self.rule_spans(view)
        doc.spans[ENTITY_CANDIDATE_GROUP] = rules
        models = model_spans(view, self.tables, ents=model_ents)
        merged = merge_entities(rules, models, activities=self.tables.cues.activity_words,
                                not_name_tails=self.not_name_tails, headline=view.headline)
        if "[" in view.text:
            merged = [span for span in merged if not in_brackets(span, view.text)]
        ruled = {(span.start, span.end, span.label_) for span in rules}
        merged = [site_not_law(span, self.tables) for span in merged if not furniture_span(span, view, self.tables)
                  and ((span.start, span.end, span.label_) in ruled or not lowercase_inside(span, self.tables))]
        if ":" in view.text:
            merged = [part for span in merged if (part := listing_part(span, self.tables)) is not None]
        refined = join_and_bodies(view, commodity_led_companies(view, refine(view, merged, self.tables), self.tables),
                                  self.tables)
        found = known_site_spans(view, untagged_names(view, refined, self.tables), self.site_phrases, self.tables)
        modelled = {(span.start, span.end, span.label_) for span in models}
        doc.ents = without_unheaded_model_laws(place_pairs(view, compass_parts(view, found, self.tables), self.tables),
                                               modelled, ruled, self.tables)
        for ent in doc.ents:
            ent._.orewire_entity = entity_info(ent, view, self.tables)
        doc.spans[UNSUPPORTED_MODEL_GROUP] = unsupported_model_names(
            doc.ents, modelled, ruled, self.support.weak_roles,
            self.tables.cues.source_nouns, self.tables.cues.stock_exchanges)
        doc.spans[UNCUED_MODEL_PLACE_GROUP] = uncued_model_places(doc.ents, view, modelled, ruled, self.tables)
        return doc

    def rule_spans(self, view: BlockView) -> list[Span]:
        """Gazetteer, commodity, vetted token-pattern and dateline-place hits, none across a line break."""
        doc = view.doc
        spans = gazetteer_spans(view, self.phrases, self.tables.gazetteer)
        spans.extend(dateline_towns(view, self.tables))  # before the patterns: "COOSA Co., Ala." is no company
        spans.extend(self.commodities.spans(view))
        spans.extend(symbol_chains(view, self.tables))
        for match_id, start, end in self.patterns.matches(doc, view.tokens):
            label, check = self.patterns.check_of(doc, match_id)
            vetted = VETTERS[check](doc[start:end], label, view, self.tables)
            if isinstance(vetted, list):
                spans.extend(vetted)
            elif vetted is not None:
                spans.append(vetted)
        spans.extend(shouted_places(view, self.tables.gazetteer, self.tables.towns))
        spans.extend(abbreviated_places(view, self.tables))
        spans.extend(division_names(view, self.tables))
        spans.extend(cited_sources(view, self.tables))
        spans.extend(cued_acronyms(view, self.tables, {i for span in spans for i in range(span.start, span.end)}))
        exchanges = listed_exchanges(view, self.tables)  # "(NASDAQ: EXL)": the exchange is an ORG, "ASX Code" no law
        spans = [*without_listing_labels(spans, exchanges), *exchanges, *listed_companies(view, exchanges, self.tables)]
        return [span for span in spans if _one_line(span, view.text)]


def _one_line(span: Span, text: str) -> bool:
    """A non-blank span within one line (its text sliced from the block's, not joined token by token)."""
    span_text = text[span.start_char : span.end_char] if span.end > span.start else span.text
    return "\n" not in span_text and bool(span_text.strip())


@Language.factory(
    ENTITIES_FACTORY,
    default_config={"folder": DEFAULT_FOLDER},
    assigns=["doc.ents", "doc.spans", "span._.orewire_entity"],
    requires=["doc.ents", "token.pos", "token.tag", "token.dep"],
)
def make_entities(nlp: Language, name: str, folder: str) -> EntityComponent:
    """The entity stage; ``folder`` names its data folder under ``models/`` (or a saved pipeline's copy).

    Without a statistical model (``spacy.blank``) only the rules run: gazetteer, commodity and pattern hits.
    """
    return EntityComponent(nlp, name, folder=folder)
