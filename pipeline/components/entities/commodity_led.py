"""Company names that open with a commodity word (issue 13, entities round en9b).

"Tungsten West", "Lithium South Development": the commodity matcher reads the first word as the metal and the model
leaves the rest untagged, so the company is lost (and with it the agent of its events). A title-case commodity
span followed by one or two untagged title-case words is such a name when the words around it say it is a
company: a company cue of ``refine.name_cue`` ("developer X", "X Ltd", "X said its"), a possessive ("X's
financing"), or a finite verb right after it ("X requires", "X is"). The name must be the whole title-case run
(no title-case word before or after it), its other words no commodity, form, site or document word, and it is
not read on headline lines, where every word is capitalised.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.persons import FINITE_VERB_TAGS
from pipeline.components.entities.refine import name_cue
from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import POSSESSIVE_CLITICS

# At most this many title-case words after the commodity word ("Lithium South Development").
MAX_NAME_WORDS = 2


def commodity_led_companies(view: BlockView, spans: list[Span], tables: EntityTables) -> list[Span]:
    """``spans`` with each commodity span that opens a company name (see the module docstring) replaced by the
    name as ORG."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    out: list[Span] = []
    for span in spans:
        name = _company_name(view, span, tables, taken) if span.label_ == "COMMODITY" else None
        out.append(name if name is not None else span)
    return out


def _company_name(view: BlockView, span: Span, tables: EntityTables, taken: set[int]) -> Span | None:
    tokens = view.tokens
    size = len(tokens.texts)
    if any(i in view.headline or not tokens.title[i] for i in range(span.start, span.end)):
        return None
    if span.start > 0 and tokens.title[span.start - 1] and not tokens.sent_start[span.start]:
        return None  # inside a longer title-case run ("Chengze Lithium International")
    end = span.end
    while end < size and end - span.end < MAX_NAME_WORDS and _name_word(view, end, tables, taken):
        end += 1
    if end == span.end or end < size and tokens.title[end] and tokens.alpha[end]:
        return None
    name = Span(view.doc, span.start, end, label="ORG")
    if name.text in tables.gazetteer or name.text in tables.not_organisations:
        return None
    after = end < size and (tokens.texts[end] in POSSESSIVE_CLITICS or tokens.tags[end] in FINITE_VERB_TAGS)
    return name if after or name_cue(name, tables) == "ORG" else None


def _name_word(view: BlockView, i: int, tables: EntityTables, taken: set[int]) -> bool:
    tokens = view.tokens
    lower = tokens.lowers[i]
    cues = tables.cues
    return (
        i not in taken
        and i not in view.headline
        and tokens.title[i]
        and tokens.alpha[i]
        and not tokens.sent_start[i]
        and lower not in tables.commodity_words
        and lower not in cues.facility_keywords
        and lower not in cues.site_keywords
        and lower not in cues.document_heads
    )
