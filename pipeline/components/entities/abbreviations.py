"""Places written as abbreviations (rule spans of the entity component).

- In an address, a state or province code after a town ("VANCOUVER, BC", "Vidalia, La.") names that
  subdivision: a GPE with its ISO 3166-2 code, among the countries that write postal addresses this way
  (``address_countries`` of ``cue_words.json``: US, CA, AU). A code several of them share ("WA": Washington
  or Western Australia) is read by the source's country (``hints["country"]``, from the web address); one that
  stays ambiguous is no entity (``names.state_after_city`` drops it).
- Standing alone, a regional abbreviation names the region its source's country uses it for
  (``regional_abbreviations``: "SA" is South Africa in a South African outlet, South Australia in an
  Australian one); without a hint, or written after a name ("Traxys Europe SA", a legal form), it is none.
- News style writes a state or province after its town with its own abbreviation, not the postal code ("TUCSON,
  Ariz. (Agency) -", "in Humboldt County, Nev.", "Mountain Pass, Calif.,": ``state_abbreviations``, AP and Canadian
  Press style); after a capitalised word and a comma it is that subdivision, a GPE with its ISO 3166-2 code. An
  all-caps place opening a dateline before one is a town ("HOUGHTON, Mich. (Station) -"), "Co." after it a county
  (``dateline_place_abbreviations``: "COOSA Co., Ala." is Coosa County).
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.names import state_after_city
from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo

MAX_ABBREVIATION_LETTERS = 4
# What may follow a dateline's state: the credit's bracket or the story's dash.
DATELINE_CLOSERS = frozenset({"(", "-", "--", "–", "—", "_"})


def abbreviated_places(view: BlockView, tables: EntityTables) -> list[Span]:
    """GPE spans for the address codes and regional abbreviations of the block (see the module docstring)."""
    doc = view.doc
    tokens = view.tokens
    hint = ((doc._.orewire_block or {}).get("hints") or {}).get("country")
    regional = tables.cues.regional_abbreviations
    states = tables.cues.state_abbreviations
    spans: list[Span] = []
    for i, text in enumerate(tokens.texts):
        if text in states:
            styled = _styled_state(i, view, tables)
            if styled is not None:
                spans.append(styled)
                continue
        if not text[:1].isupper():  # first: most tokens fail it, before the stop is stripped
            continue
        letters = text.rstrip(".")
        if not 2 <= len(letters) <= MAX_ABBREVIATION_LETTERS or not letters.isalpha():
            continue
        after_comma = i >= 2 and tokens.texts[i - 1] == ","  # an address code follows its town and a comma
        if not after_comma and text not in regional:
            continue
        span = Span(doc, i, i + 1, label="GPE")
        entry: tuple[str, str] | None = None
        if after_comma and (state_after_city(span, tables) or _address_code(i, view)):
            entry = _address_subdivision(letters.upper(), hint, tables)
        elif text in regional and hint in regional[text] and not _after_name(i, view, tables):
            name = regional[text][hint]
            known = tables.gazetteer.get(name)
            entry = (name, known.kb_id) if known is not None and known.kb_id else None
        if entry is not None:
            view.note(span, EntityInfo(normalized=entry[0], kb_id=entry[1], commodity=None))
            spans.append(span)
    return spans


def _address_subdivision(code: str, hint: str | None, tables: EntityTables) -> tuple[str, str] | None:
    """(name, ISO 3166-2 code) of the subdivision ``code`` names in an address, or None when unknown or ambiguous."""
    found = tables.address_subdivisions.get(code, frozenset())
    if len(found) > 1 and hint is not None:
        found = frozenset(item for item in found if item[1].startswith(hint + "-"))
    return next(iter(found)) if len(found) == 1 else None


def _address_code(i: int, view: BlockView) -> bool:
    """Token ``i`` closes an address "Town, ST" of a town no table knows ("Vidalia, La. The plant"): a two- or
    three-letter code, upper case or abbreviated, after a capitalised word and a comma, before punctuation, a
    capitalised word or the line end ("Corvane, SA said" is no address)."""
    tokens = view.tokens
    text = tokens.texts[i]
    if i < 2 or tokens.texts[i - 1] != "," or not (tokens.upper[i] or text.endswith(".")) or len(text.rstrip(".")) > 3:
        return False
    if not (tokens.alpha[i - 2] and (tokens.title[i - 2] or tokens.upper[i - 2])):
        return False
    after = i + 1
    return after >= len(tokens.texts) or tokens.newline[after] or tokens.punct[after] or tokens.title[after]


def _after_name(i: int, view: BlockView, tables: EntityTables) -> bool:
    """Token ``i`` follows a capitalised word ("Traxys Europe SA"): a legal form, not a place ("The SA government"
    is one: a determiner names nothing)."""
    tokens = view.tokens
    return (i > 0 and tokens.alpha[i - 1] and (tokens.title[i - 1] or tokens.upper[i - 1])
            and tokens.lowers[i - 1] not in tables.cues.leading_words)


def _styled_state(i: int, view: BlockView, tables: EntityTables) -> Span | None:
    """The GPE of a news-style state abbreviation at token ``i`` after "<Place>," (see the module docstring)."""
    tokens = view.tokens
    if i < 2 or tokens.texts[i - 1] != ",":
        return None
    before = tokens.texts[i - 2]
    if not before[:1].isupper() or not before.replace(".", "").isalpha():
        return None
    code = tables.cues.state_abbreviations[tokens.texts[i]]
    found = [item for item in tables.address_subdivisions.get(code.split("-", 1)[1], frozenset()) if item[1] == code]
    if len(found) != 1:
        return None
    span = Span(view.doc, i, i + 1, label="GPE")
    view.note(span, EntityInfo(normalized=found[0][0], kb_id=code, commodity=None))
    return span


def dateline_towns(view: BlockView, tables: EntityTables) -> list[Span]:
    """"HOUGHTON, Mich. (Station) -", "COOSA Co., Ala. (Station) -": the all-caps words before a comma and a
    news-style state abbreviation are the dateline's town (kb_id null), a ``dateline_place_abbreviations`` word
    after them naming its kind ("Co." -> "Coosa County"). Only a bracket, a dash or the line end may follow."""
    tokens = view.tokens
    texts, size = tokens.texts, len(tokens.texts)
    kinds = tables.cues.dateline_place_abbreviations
    spans: list[Span] = []
    for i, text in enumerate(texts):
        if text not in tables.cues.state_abbreviations or i < 2 or texts[i - 1] != ",":
            continue
        after = i + 1
        if not (after >= size or tokens.newline[after] or texts[after] in DATELINE_CLOSERS):
            continue
        end = i - 1
        kind = kinds.get(texts[end - 1])
        last = end - 1 if kind else end
        start = last
        while start > 0 and tokens.upper[start - 1] and tokens.alpha[start - 1] and len(texts[start - 1]) > 1:
            start -= 1
        if start == last or not _opens_dateline(start, view):
            continue
        name = tokens.span_text(start, last).title()
        span = Span(view.doc, start, end, label="GPE")
        view.note(span, EntityInfo(normalized=f"{name} {kind}" if kind else name, kb_id=None, commodity=None))
        spans.append(span)
    return spans


def _opens_dateline(start: int, view: BlockView) -> bool:
    """Token ``start`` opens its line, or follows the date a crawler set before the story on the same line."""
    tokens = view.tokens
    return start == 0 or tokens.newline[start - 1] or tokens.like_num[start - 1] and tokens.whitespace[start - 1] == " "
