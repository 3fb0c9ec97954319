"""``span._.orewire_entity`` for a final entity: gazetteer name and code, commodity parse, capital
metonymy ("Beijing said" -> China/CN), a place without its administrative word ("Yongzhou City" -> Yongzhou), functional
ministries and expanded country prefixes."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pipeline.components.entities.division_words import without_division_word
from pipeline.components.entities.gazetteer_match import country_before
from pipeline.components.entities.national_laws import without_law_adjective
from pipeline.components.entities.view import BlockView, line_break
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import clean_name

# Dependency relations under which a capital city acts as its government ("Beijing said", "Washington's
# response", "imposed by Brussels"); ``conj`` inherits the relation of its head ("Washington and Canberra agreed").
GOVERNMENT_RELATIONS = frozenset({"nsubj", "poss", "agent"})
APOSTROPHES = frozenset({"'s", "’s", "'", "’"})
# " of 2022" closing a law's name: the year it was enacted.
ENACTMENT_YEAR = re.compile(r" of (?:1[89]|20)\d\d$")
PLACE_NOUNS_AFTER = frozenset({"city", "office", "offices", "headquarters", "airport", "port"})
# What closes a dateline place that opens a story ("New Delhi: ...", "Lima – ...").
DATELINE_CLOSERS = frozenset({":", "-", "–", "—"})
# The longest agency credit read in brackets after a dateline place ("Jakarta (Vietnam News Agency) -").
MAX_CREDIT_TOKENS = 5
# Letters of the shortest word that shows an all-capital name is shouted, not a run of acronyms.
SHOUTED_WORD_LETTERS = 4
# The ``country`` of a ``ministries.jsonl`` row that names the portfolio in every country ("foreign" -> "Foreign Affairs").
ANY_COUNTRY = "*"
# Quote marks the tokenizer leaves glued to a name's first word when no space precedes them ('said.“X').
OPENING_QUOTES = "\"“‘«"
# A nickname in straight or curly quotes between two words of a person's name.
QUOTED_NICKNAME = re.compile(r"(?<=\w)\s+[\"\u201c\u2018'][^\"\u201c\u201d\u2018\u2019']{1,30}[\"\u201d\u2019']\s+(?=\w)")


def entity_info(ent: Span, view: BlockView, tables: EntityTables) -> EntityInfo:
    """The normalisation a rule noted for ``ent``, else the gazetteer's or the cleaned text, then the
    document-context rules for capitals, functional ministries and country prefixes."""
    info = view.infos.get((ent.start, ent.end, ent.label_)) or base_info(ent, tables)
    if ent.label_ == "GPE":
        government = tables.capitals.get(info["normalized"]) or tables.capitals.get(clean_name(ent.text))
        if government is not None and acts_as_government(ent, view, tables):
            return EntityInfo(normalized=government.normalized, kb_id=government.kb_id, commodity=None)
        return without_division_word(info, tables)
    if ent.label_ == "ORG" and ent.text.islower() and "ministry" in ent.text.split():
        return EntityInfo(normalized=functional_body_name(ent, tables), kb_id=None, commodity=None)
    if ent.label_ == "ORG":
        prefixed = expand_country_prefix(info["normalized"], tables)
        return EntityInfo(normalized=prefixed, kb_id=info["kb_id"], commodity=None)
    if ent.label_ == "PERSON" and (plain := without_nickname(info["normalized"])) != info["normalized"]:
        return EntityInfo(normalized=plain, kb_id=info["kb_id"], commodity=None)
    if ent.label_ == "LAW":
        name = info["normalized"].title() if ent.text.islower() else info["normalized"]  # "mining code" (national_laws)
        return EntityInfo(normalized=short_title(name, tables), kb_id=info["kb_id"], commodity=None)
    return info


def without_nickname(name: str) -> str:
    """A person's name without the nickname quoted inside it ("Ana \u201cNena\u201d Ruiz" -> "Ana Ruiz"): news writes a
    well-known nickname once, between given and family name, and the person is the same with or without it."""
    return QUOTED_NICKNAME.sub(" ", name).strip()


def short_title(name: str, tables: EntityTables) -> str:
    """A law by its short title: "U.S. Inflation Reduction Act of 2022" -> "Inflation Reduction Act".

    News writes a law with or without its country and enactment year; the short title names it either way.
    """
    prefix, _, rest = name.partition(" ")
    if prefix in tables.cues.country_prefixes and len(rest.split()) >= 2:
        name = rest
    return ENACTMENT_YEAR.sub("", without_law_adjective(name, tables))  # "New Mining Code" -> "Mining Code"


def base_info(ent: Span, tables: EntityTables) -> EntityInfo:
    """The gazetteer entry of the cleaned name (same label), a commodity parse, or the cleaned name."""
    name = clean_name(ent.text).lstrip(OPENING_QUOTES)  # '“Posco Group' after a glued 'said.“': the quote opens speech
    if name.isupper() and len(name) > 4 and any(sum(map(str.isalpha, word)) >= SHOUTED_WORD_LETTERS for word in name.split()):
        name = name.title()  # "NEW DELHI" -> "New Delhi"; acronyms stay as written ("U.S. EPA")
    entry = tables.gazetteer.get(name)
    if entry is not None and entry.label == ent.label_:
        return EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None)
    if ent.label_ == "COMMODITY":
        parsed = tables.parse_commodity(name)
        return EntityInfo(normalized=parsed["name"], kb_id=None, commodity=parsed)
    return EntityInfo(normalized=name, kb_id=None, commodity=None)


def functional_body_name(ent: Span, tables: EntityTables) -> str:
    """'mines ministry' / 'ministry of mines' -> the official name ("Ministry of Mines and Energy" in Brazil);
    without a ``ministries.jsonl`` row "Ministry of Mines" ("ministry of heavy industries" -> "Ministry of Heavy
    Industries": the adjective before the function word stays)."""
    words = ent.text.split()
    function = (words[-1] if words[0] == "ministry" else words[0]).lower()
    known = tables.ministries.get((country_before(ent, tables) or "", function))
    portfolio = " ".join(word.capitalize() for word in words[2:]) if words[0] == "ministry" else function.capitalize()
    return known or tables.ministries.get((ANY_COUNTRY, function)) or f"Ministry of {portfolio}"


def expand_country_prefix(name: str, tables: EntityTables) -> str:
    """'U.S. Department of War' -> 'United States Department of War' (federal bodies only)."""
    cues = tables.cues
    prefix, _, rest = name.partition(" ")
    if prefix in cues.country_prefix_names and rest.split(" ", 1)[0] in cues.country_prefix_bodies:
        return f"{cues.country_prefix_names[prefix]} {rest}"
    return name


def acts_as_government(ent: Span, view: BlockView, tables: EntityTables) -> bool:
    """A capital used as a metonym: subject, possessor or agent of a verb ("Beijing said", "Washington's ...").

    All-caps datelines ("BRUSSELS -") are literal. On a title-case headline line the parser often misreads the
    verb, so a capital followed by a headline verb in -s ("Tokyo Sets ...", "Washington and Canberra Commit")
    also acts.
    """
    if any(token.is_upper for token in ent if token.is_alpha) or body_dateline(ent):
        return False
    token = ent.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in GOVERNMENT_RELATIONS or token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    if ent.end < len(ent.doc) and ent.doc[ent.end].text in APOSTROPHES:
        return True
    if ent.start not in view.headline:
        return not literal_place(ent, view, tables)
    doc = ent.doc
    i = ent.end
    while i + 1 < len(doc) and doc[i].lower_ in {"and", "&", ","}:
        width = next((w for w in (2, 1) if doc[i + 1 : i + 1 + w].text in tables.capitals), 0)
        if not width:
            break
        i += 1 + width
    return (
        i < len(doc)
        and doc[i].is_title
        and (doc[i].pos_ in {"VERB", "AUX"} or doc[i].lower_ in tables.headline_words and doc[i].lower_.endswith("s"))
    )


def body_dateline(ent: Span) -> bool:
    """"New Delhi: Union ministers met ...", "2026-01-12 Lima – ...": a place opening its line (after at most a date)
    and closed by a colon or dash is the story's dateline, a literal city whatever the parser makes of it."""
    doc = ent.doc
    close = _after_credit(doc, ent.end)
    if close >= len(doc) or doc[close].text not in DATELINE_CLOSERS:
        return False
    i = ent.start - 1
    while i >= 0 and not line_break(doc[i]):
        token = doc[i]
        if not (token.like_num or token.is_punct or token.is_space or token.lower_ == "date" or _date_digits(token.text)):
            return False  # "date" is a crawler's label before the publication day
        i -= 1
    return True


def _after_credit(doc: Doc, i: int) -> int:
    """The token after a wire credit in brackets at ``i`` ("Jakarta (VNA) -"), else ``i``."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    for j in range(i + 1, min(i + MAX_CREDIT_TOKENS + 2, len(doc))):
        if doc[j].text == ")":
            return j + 1
        if line_break(doc[j]):
            break
    return i


def _date_digits(text: str) -> bool:
    """"2026-01-12", "12/01/2026": digits and date separators only."""
    return any(char.isdigit() for char in text) and all(char.isdigit() or char in "-/." for char in text)


def literal_place(ent: Span, view: BlockView, tables: EntityTables) -> bool:
    """A capital named as a place ("in Canberra", "Beijing-based", "Tokyo, Japan", "north of Lima", a dateline), not a
    government."""
    doc = ent.doc
    if view.zone == "dateline":
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and (
        before.lower_ in tables.cues.literal_place_before
        or before.lower_ == "of"
        and ent.start > 1
        and doc[ent.start - 2].lower_ in tables.cues.literal_of_heads
    ):
        return True
    if before is not None and before.lower_ in {"a", "an"} and ent.root.dep_ in {"compound", "amod", "nmod"}:
        return True  # "a London brokerage"
    after = doc[ent.end : ent.end + 2]
    if len(after) == 2 and after[0].text in {"-", "‑"} and after[1].lower_ in {"based", "headquartered", "listed"}:
        return True
    region = tables.gazetteer.get(after[1].text) if len(after) == 2 and after[0].text == "," else None
    if region is not None and region.label == "GPE":
        return True
    return bool(len(after) and after[0].lower_ in PLACE_NOUNS_AFTER)

