"""Generalisation rules applied after the merge (see ``models/entities/README.md``): drops date- and unit-shaped
spans and everything but places in a dateline; re-labels unknown names by their company/project cues; checks NORP
against the nationalities table; extends association/bank/institute names left over capitalised words and hyphen
compounds; trims headline verbs off the start of an ORG; adds formula commodities in a grade context and "at X,
where" sites."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from pipeline.components.entities.advisers import adviser_firm
from pipeline.components.entities.commodities import join_element_chains, with_formulas
from pipeline.components.entities.commodity_sites import chained_sites, with_site_metals
from pipeline.components.entities.conventions import (
    administrative_place,
    caption_credit,
    coordinated_bodies,
    extend_of_complement,
    government_place,
    job_title,
    natural_feature,
    plural_nationality,
    shouted_acronym,
    titled_person,
    titled_person_inside,
    ungoverned_region,
    without_caption_label,
    without_title,
)
from pipeline.components.entities.credits import outlet_name, staff_credit, wire_credit
from pipeline.components.entities.currency_codes import amount_part
from pipeline.components.entities.definitions import defined_term
from pipeline.components.entities.divisions import headed_place
from pipeline.components.entities.headlines import is_name_token
from pipeline.components.entities.joins import join_split_names
from pipeline.components.entities.merge import resolve_overlaps
from pipeline.components.entities.names import (
    employer_acronym,
    extend_to_definition,
    headline_fragment,
    join_titled_commodities,
    legal_prefix_name,
    partnership_name,
    place_of_fragment,
    placed_organisation,
    placed_person,
    positional_capital,
    slash_credit,
    state_after_city,
    ticker,
    trailing_person,
)
from pipeline.components.entities.persons import (
    acts_for_itself,
    company_apposition,
    person_cue,
    person_reading,
    portfolio_word,
    possessed_role,
)
from pipeline.components.entities.shapes import (
    compass_region,
    date_shaped,
    descriptor_before_cue,
    hyphen_part,
    not_a_name,
    possessor_split,
    report_title,
)
from pipeline.components.entities.sites import (
    called_site,
    coordinated_site,
    described_site,
    facility_name,
    listed_site,
    plural_designation,
    site_after_descriptors,
    where_facilities,
    worked_site,
)
from pipeline.components.entities.unclassed import occasion_name, unclassed_name
from pipeline.components.entities.view import WORD_HYPHENS, BlockView, TokenColumns, line_break
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import POSSESSIVE_CLITICS, clean_name

ABSORBED_BY_DEFINED_NAMES = frozenset({"GPE", "LOC", "NORP", "PERSON"})
SAID_ITS = (["said", "its"], ["says", "its"], ["said", "it"], ["says", "it"])
STAKE_IN = (["shares", "in"], ["shares", "of"], ["stake", "in"])
# What closes a name in apposition after a company noun ("the national atomic company, X, and ...").
APPOSITION_CLOSERS = frozenset({",", ")", ";", "and"})


def refine(view: BlockView, spans: list[Span], tables: EntityTables) -> list[Span]:
    """The merged spans after the generalisation rules, none overlapping, in text order."""
    doc = view.doc
    out: list[Span] = []
    for span in join_split_names(view, spans, tables):
        label = span.label_
        text = view.tokens.span_text(span.start, span.end)
        if label != "COMMODITY" and (date_shaped(span) or text.lower() in tables.cues.unit_words):
            continue
        if view.zone == "dateline" and label != "GPE":
            continue
        if label != "COMMODITY" and (text in tables.not_organisations or amount_part(span, view.tokens, tables.cues)) \
                or descriptor_before_cue(span, tables):
            continue  # "NPV", "FOB": a term; "CAD $12", "ASX 200": an amount's currency, an index; "maker X": a trade
        if defined_term(span, tables):
            continue  # "feasibility study (FS)", "billion (USD)": the bracket defines a term or a unit
        if label == "ORG" and all(token.text in tables.cues.legal_forms or token.is_punct for token in span):
            continue  # "Korvane Technologies, LLC": the legal form after a comma, no name
        if label != "COMMODITY" and (is_credit(span, tables, tokens=view.tokens) or is_term(span, tables, tokens=view.tokens)):
            continue
        if positional_capital(span, tables) or portfolio_word(span, tables) or job_title(span, tables) \
                or plural_designation(span, tables) or not_a_name(span, tables) or report_title(span, tables) \
                or occasion_name(span, span.start in view.headline, tables):
            continue
        if label != "COMMODITY":
            uncaptioned = None if caption_credit(span, tables) else hyphen_part(without_caption_label(span, tables), spans, tables)
            if uncaptioned is None:
                continue  # a picture credit ("Photo: Name/Agency"), the first part of "Anglo-Australian"
            span = without_title(titled_person(uncaptioned, spans, tables) or uncaptioned, tables)
            span = person_reading(span, spans, tables)
            span = outlet_name(span, tables.cues.reporting_verbs, tables.cues.outlet_heads, tables.cues.source_words)
            label = span.label_
        place = (headed_place(span, view, tables) or government_place(span, view, tables)
                 or compass_region(span, view, tables, out[-1].end if out else 0) or administrative_place(span, view, tables)
                 or ungoverned_region(span, view, tables) or natural_feature(span, view, tables))
        if place is not None:
            out.append(place)
            continue
        noted = (span.start, span.end, label) in view.infos
        if label != "COMMODITY" and (
            state_after_city(span, tables) and not noted or ticker(span, tables) or wire_credit(span, view.tokens)
            or headline_fragment(span, view, tables) or place_of_fragment(span, tables) or staff_credit(span, view.tokens,
            tables.cues) or slash_credit(span, tables, tokens=view.tokens) or unclassed_name(span, tables)
        ):
            continue  # address parts, trading symbols, picture credits and split name fragments (issue 13, round 4)
        if (split := possessor_split(span, tables) or (trailing_person(span, tables) or titled_person_inside(span, tables)
                                                       if label == "ORG" else None)) is not None:
            out.extend(split)  # "X's Phase 3": the owner (and what it owns); "Chairman of <ORG> <Name>": the person
            continue
        if (bodies := coordinated_bodies(span, tables)) is not None:
            out.extend(bodies)  # "the Department of Energy and Syrah": a body and a company
            continue
        if label in {"GPE", "LOC", "NORP"} and (grown := extend_to_definition(span, view, _name_tokens(span, spans))) is not span:
            span, label = grown, grown.label_  # a place opening a name its acronym closes
        if label in {"ORG", "PERSON"}:
            # a place or person inside a name its acronym closes is part of it ("Export Development Canada (EDC)")
            others = _name_tokens(span, spans)
            span = extend_to_definition(legal_prefix_name(partnership_name(span, tables), view, tables), view, others)
            span = extend_of_complement(span, view, [other for other in spans if other is not span], tables)
            label = span.label_
        if label in {"ORG", "PERSON", "GPE", "LOC", "NORP"}:
            facility = (facility_name(span, tables) or listed_site(span, tables) or called_site(span, tables)
                        or coordinated_site(span, tables))
            if facility is not None:
                out.append(facility)
                continue
            trimmed = trim_connectors(span, tables)
            if trimmed is None:
                continue
            span, label = trimmed, trimmed.label_
        known = tables.gazetteer.get(clean_name(view.tokens.span_text(span.start, span.end))) or plural_nationality(
            span, view, tables
        )
        if known is None and not noted and shouted_acronym(span, view, tables):
            span, label = Span(doc, span.start, span.end, label="ORG"), "ORG"
        if label == "NORP" and (known is None or known.label != "NORP"):
            if known is not None:
                span = Span(doc, span.start, span.end, label=known.label)
            elif place_context(span, tables):
                span = Span(doc, span.start, span.end, label="GPE")
            elif (cue := name_cue(span, tables)) is not None:
                span = Span(doc, span.start, span.end, label=cue)
            elif not span[0].is_title:
                continue
            else:  # no nationality the table knows: a short name ("Mopani said"), which entity linking may resolve
                span = Span(doc, span.start, span.end, label="ORG")
        if known is None and not noted and (worked := worked_site(span, tables)) is not None and name_cue(span, tables) != "ORG":
            span = Span(doc, span.start, span.end, label=worked)  # "production at X", "a new plant in X"
        elif label in {"ORG", "GPE", "LOC"} and known is None and (person_cue(span, view, tables) or possessed_role(span, tables)):
            span = Span(doc, span.start, span.end, label="PERSON")
        elif label in {"PERSON", "GPE", "LOC", "LAW"} and known is None and (span.start, span.end, label) not in view.infos:
            relabel = name_cue(span, tables)
            if relabel is not None:
                span = Span(doc, span.start, span.end, label=relabel)
            elif label == "PERSON" and (town := town_span(span, view, spans, tables)) is not None:
                span = town
            elif placed_person(span, spans, tables):
                span = Span(doc, span.start, span.end, label="GPE")
        elif label in {"ORG", "FACILITY"} and known is None and (town := town_span(span, view, spans, tables)) is not None:
            span = town
        elif label == "ORG" and known is None and placed_organisation(span, tables):
            span = Span(doc, span.start, span.end, label="GPE")
        elif label == "FACILITY" and known is None and not noted and name_cue(span, tables) == "ORG":
            span = Span(doc, span.start, span.end, label="ORG")  # "shares in X": the model's site is a company
        elif label == "ORG" and span.start in view.headline and (known is None or known.label != "ORG"):  # no known name cut
            start = span.start
            tokens = view.tokens
            while (
                start < span.end
                and tokens.title[start]
                and (tokens.lowers[start] in tables.headline_words or doc[start].pos_ in {"VERB", "AUX"})
                and tokens.texts[start] not in tables.org_suffix_words
            ):
                start += 1
            if start >= span.end or all(
                tokens.lowers[i] in tables.headline_words or tokens.punct[i] for i in range(start, span.end)
            ):
                continue
            cut, span = start > span.start, Span(doc, start, span.end, label="ORG")
            if cut and headline_fragment(span, view, tables):
                continue  # "Energy Fuels'" cut to "Fuels": a fragment of a name (linking finds the body's name)
        if span.label_ == "ORG" and view.tokens.texts[span.end - 1] in tables.cues.extendable_heads:
            span = extend_left(span, view, tables)
        out.append(span)
    out = [span for span in with_formulas(with_site_metals(out, view, tables), view, tables) if not described_site(span, tables)]
    out.extend(where_facilities(view, out, tables) + chained_sites(view, out, tables))
    return join_titled_commodities(join_element_chains(resolve_overlaps(out), view, tables), view)


def _name_tokens(span: Span, spans: list[Span]) -> set[int]:
    """Tokens of the other names (places and persons excepted: they may be part of a defined name)."""
    return {i for other in spans if other is not span and other.label_ not in ABSORBED_BY_DEFINED_NAMES
            for i in range(other.start, other.end)}


def trim_connectors(span: Span, tables: EntityTables) -> Span | None:
    """The span without connector words dangling at its end; None when nothing is left."""
    end = span.end
    connectors = tables.cues.trailing_connectors
    while end > span.start and span.doc[end - 1].lower_ in connectors:
        end -= 1
    if end == span.end:
        return span
    return Span(span.doc, span.start, end, label=span.label_) if end > span.start else None


def in_brackets(span: Span, text: str) -> bool:
    """Series tags like "[Orewire Weekly Rare Earth Digest]" name no fact."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    opened = text.rfind("[", line_start, span.start_char)
    return opened != -1 and text.find("]", opened, span.start_char) == -1 and "]" in text[span.end_char :].split("\n")[0]


def place_context(span: Span, tables: EntityTables) -> bool:
    """"in X", "across X", "X-based": a place reading."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in tables.cues.locative_words | {"across", "to"}:
        return True
    after = doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].text in WORD_HYPHENS and after[1].lower_ in {"based", "headquartered"}


def is_credit(span: Span, tables: EntityTables, *, tokens: TokenColumns | None = None) -> bool:
    """Bylines and picture credits ("Beijing Newsroom", "A. Name/Pixabay") name no actor of the story.

    ``tokens``: the block's columns when the caller has them (read from ``span.doc`` otherwise).
    """
    tokens = tokens or TokenColumns(span.doc)
    texts = tokens.texts
    credit_words = tables.cues.credit_words
    after = texts[span.end] if span.end < len(texts) else None
    if any(texts[i] in credit_words for i in range(span.start, span.end)) or (
        after is not None and after in credit_words
    ):
        return True
    text = tokens.span_text(span.start, span.end)
    return "/" in text and any(part.strip() in credit_words for part in text.split("/"))


def is_term(span: Span, tables: EntityTables, *, tokens: TokenColumns | None = None) -> bool:
    """"Letter of Interest", "the Company", "ATVM Loan Conditional Commitment": a document or defined term.

    ``tokens``: the block's columns when the caller has them.
    """
    trimmed = trim_connectors(span, tables) or span  # "Scoping Study for": the model ran into the next word
    text = trimmed.text if tokens is None else tokens.span_text(trimmed.start, trimmed.end)
    if " (" in text and ")" not in text:
        text = text[: text.index(" (")]  # "Memorandum of Understanding (MoU": the model ran into the bracket
    return text in tables.not_names or text.endswith(_term_endings(tables.not_names))


@lru_cache(maxsize=4)
def _term_endings(terms: frozenset[str]) -> tuple[str, ...]:
    """" Loan Conditional Commitment": the multi-word terms as endings of a longer name, for one ``str.endswith``."""
    return tuple(" " + term for term in terms if " " in term)


def town_span(span: Span, view: BlockView, spans: list[Span], tables: EntityTables) -> Span | None:
    """A model PERSON/ORG name, or a site after "near"/"outside", that is a town or region of ``towns.json`` ("in
    Natchez"), as a GPE; else None.

    Not when a cue makes it a company or site (``name_cue``), it holds an organisation word, a title or a
    reporting verb makes it a person ("Mr Austin", "Austin said"), or the block names a person ending in it.
    A multi-word PERSON needs a place context ("near Alice Springs", "Alice Springs, Northern Territory").
    """
    doc = span.doc
    name = clean_name(span.text)
    if name not in tables.towns or name_cue(span, tables) is not None:
        return None
    cues = tables.cues
    if any(t.text in tables.org_suffix_words or t.lower_ in cues.org_name_words for t in span):
        return None
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    sited = span.label_ == "FACILITY" and before not in cues.proximity_words  # a site is a town only "near X"
    if before in cues.person_titles or after in cues.reporting_verbs or sited:
        return None
    if span.label_ == "PERSON":
        if any(other.label_ == "PERSON" and len(other) > len(span) and other[-1].text == span[-1].text for other in spans):
            return None
        if len(span) > 1 and not (place_context(span, tables) or after == ","):
            return None
    town = Span(doc, span.start, span.end, label="GPE")
    view.note(town, EntityInfo(normalized=name, kb_id=tables.towns[name], commodity=None))
    return town


def name_cue(span: Span, tables: EntityTables) -> str | None:
    """ORG or FACILITY when the words around an unknown name say so ("X said its", "the X project")."""
    doc = span.doc
    cues = tables.cues
    before = [t.lower_ for t in doc[max(span.start - 2, 0) : span.start]]
    after = [t.lower_ for t in doc[span.end : span.end + 3]]
    prev = before[-1] if before else ""
    nxt = after[0] if after else ""
    if nxt in cues.facility_keywords and prev not in POSSESSIVE_CLITICS:
        return "FACILITY"
    if prev not in POSSESSIVE_CLITICS and site_after_descriptors(span, tables):
        return "FACILITY"
    if prev == "at" and nxt == "," and len(after) > 2 and after[1] == "where":
        return "FACILITY"
    if prev == "of" and len(before) == 2 and before[0] in cues.site_of_keywords:
        return "FACILITY"  # "the artisanal copper-cobalt mine of Kamilombe"
    if span.label_ == "PERSON" and prev in cues.person_titles:
        return None  # "Premier Ann Example says it will take": the title before a name outweighs a company cue after it
    if (
        prev in cues.company_cues_before
        or prev == "," and before[0] in cues.company_cues_before and nxt in APPOSITION_CLOSERS  # "the miner, X, and"
        or prev == "listed" and len(before) == 2
        or prev == "based"  # "Toronto-based X": a place-based name right before it is a company, a person takes a noun
        and before[:1] == ["-"]
        or before[-2:] in STAKE_IN
        or nxt in cues.company_cues_after
        or nxt in POSSESSIVE_CLITICS and len(after) > 1 and after[1] in cues.company_possessions
        or after[:2] in SAID_ITS
        or company_apposition(span, tables)
        or acts_for_itself(span)
        or employer_acronym(span, after, tables)
        or adviser_firm(span, tables)  # "legal counsel was X", "X acted as financial adviser"
    ):
        return "ORG"
    return None


def extend_left(span: Span, view: BlockView, tables: EntityTables) -> Span:
    """'Industry Association' -> 'China Nonferrous Metals Industry Association'; 'Inter-American ...'; 'X & Y ...'."""
    doc = span.doc
    start = span.start
    in_headline = span.start in view.headline
    while start > 0:
        prev = doc[start - 1]
        if start > 1 and (prev.text in WORD_HYPHENS and not doc[start - 2].whitespace_ or prev.text == "&") and (
                doc[start - 2].is_title):
            start -= 2  # "Inter-American ...", "Fertilizer & Chemical Association"
            continue
        if (
            (prev.is_title or prev.is_upper and len(prev) > 1)
            and prev.is_alpha
            and not prev.is_sent_start
            and (is_name_token(prev, in_headline, tables) or prev.text in tables.org_suffix_words and not in_headline)
            and prev.lower_ not in {"the", "and", "of"}
            and prev.pos_ not in {"VERB", "AUX"}
            and not line_break(prev)
        ):
            start -= 1
            continue
        if prev.is_title and prev.is_sent_start and prev.pos_ in {"PROPN"} and is_name_token(prev, in_headline, tables):
            start -= 1
        break
    return span if start == span.start else Span(doc, start, span.end, label="ORG")
