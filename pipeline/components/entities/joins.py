"""Organisation names the merged spans cut in two (issue 13, entities round 7; applied by ``refine`` first).

News copy writes long organisation names that the model and the rules read as two spans, or cut short:

- two organisation spans side by side that one bracketed acronym closes are one name ("the Borvane Nickel" +
  "Industry Forum (BNIF)": the acronym defines the whole run);
- an organisation followed by a title-case unit word is that unit ("the Cathode Materials" + "Division":
  ``unit_heads``);
- a public body written head last takes a portfolio joined by "and" before it ("the Energy and" + "Mineral
  Resources Ministry");
- a title-case commodity name followed by a legal form is a company ("Platinum Group Metals Corp.");
- a company followed by a country is its national subsidiary ("POSCO Argentina", "PT Orvane Indonesia"), unless
  the country is possessive ("Glencore Chile's"); seventeenth session: so are untagged title-case nouns before a
  known country or region ("Natural Resources Canada", "Nikkei Asia").
- round 8: an organisation span closed by "and"/"&" and the organisation right after it are one name ("Study and"
  + "Project Financing Agency");
  an untagged all-capital word right before an organisation is the first word of its name ("consultancy
  RFC" + "Ambrian"), unless the tables know it (a place, a trade term); an organisation followed by a title-case
  commodity word in running text is one company ("REC" + "Silicon"), so is such a word after an untagged acronym.

- a Portuguese or Spanish organisation name that opens with its body word and a connector between two spans is one
  ORG ("Companhia X" + "do" + "Y": round 10); an untagged brand written lower-case first with a capital inside opens
  the ORG after it ("teCore" + "Energy", round 10).
- round en9: a PERSON of initials only (after an honorific) right before a PERSON opens that person's name ("Shri
  V.L." + "Kantha Rao").
- twelfth session: a body named "X and Y <head>" that "the" or a bracket opens is one ORG, whatever the model read
  before the "and" ("the Companies and" + "Intellectual Property Commission", "the London Platinum and" + "Palladium
  Market", "(Korea Mine Rehabilitation and" + "Mineral Resources Corporation)"): the parts before the "and" are
  title-case words (commas between them allowed: "the Japan Oil, Gas and Metals National Corporation"); an
  acronym or a legal form there is a company of its own ("the BHP and ... Corporation" stays two names).

Each join needs both parts on one line, outside headline lines, separated by one plain space.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.components.entities.persons import title_words
from pipeline.components.entities.view import WORD_HYPHENS, BlockView
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import POSSESSIVE_CLITICS, clean_name

# A brand written lower-case first with a capital inside ("teCore", "iMetal").
INTERCAPPED = re.compile(r"[a-z]{1,4}[A-Z][A-Za-z]*")
# Initials written before a family name ("V.L.", "V.", "J.R."): they open the person's name.
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# The longest portfolio taken before "and" ("Science and Technology Ministry": one word).
MAX_PORTFOLIO_WORDS = 2
# The most title-case words taken before the "and" of "the X and Y Commission".
MAX_JOINED_WORDS = 4
# The most title-case words the model leaves untagged between the "and" and the body's span.
MAX_UNTAGGED_WORDS = 2
# What opens such a name: "the", or a bracket after an acronym ("KOMIR (Korea ... Corporation)").
JOINED_OPENERS = frozenset({"the", "("})
# Labels the model gives the parts of a Romance-language organisation name ("Companhia X" + "do" + "Y").
ROMANCE_PART_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FACILITY"})


def join_split_names(view: BlockView, spans: list[Span], tables: EntityTables) -> list[Span]:
    """The merged spans (non-overlapping, in text order) with the cut organisation names of the module's docstring
    made whole."""
    ordered = sorted(spans, key=lambda span: span.start)
    taken = {i for span in ordered for i in range(span.start, span.end)}
    out: list[Span] = []
    i = 0
    while i < len(ordered):
        span = ordered[i]
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and _glued(span, nxt, view) and (joined := _joined_pair(span, nxt, view, tables)) is not None:
            out.append(joined)
            i += 2
            continue
        if nxt is not None and (joined := _romance_name(span, nxt, view, tables)) is not None:
            out.append(joined)
            i += 2
            continue
        if nxt is not None and span.label_ == "ORG" and nxt.start == span.end == nxt.end - 1 \
                and view.tokens.whitespace[span.end - 1] == " " and _legal_form_at(nxt.start, view, tables):
            out.append(Span(view.doc, span.start, nxt.end, label="ORG"))  # "Example Group" + "Co": its legal form
            i += 2
            continue
        out.append(_grown(span, view, tables, taken))
        i += 1
    return out


def join_and_bodies(view: BlockView, spans: list[Span], tables: EntityTables) -> list[Span]:
    """The refined spans (in text order) with each body name cut at its "and" made whole (module docstring, twelfth
    session); run last, after the rules that read a commodity word and what follows it as a company ("Palladium
    Market")."""
    cues = tables.cues
    heads = cues.of_heads | cues.public_body_heads | cues.joined_body_heads  # once per block, not per span
    out: list[Span] = []
    for span in spans:
        if (whole := _and_joined_body(span, view, tables, heads)) is not None:
            while out and out[-1].start >= whole.start:
                out.pop()  # the pieces before the "and" ("London" GPE, "Platinum" COMMODITY) are the name's
            span = whole
        out.append(span)
    return out


def _and_joined_body(span: Span, view: BlockView, tables: EntityTables, heads: frozenset[str]) -> Span | None:
    """"the Companies and" + "Intellectual Property Commission": an ORG ending in a body head right after "and"
    takes the title-case words before the "and" when "the" or "(" opens them (module docstring); None otherwise."""
    tokens = view.tokens
    cues = tables.cues
    if span.label_ != "ORG" or span[-1].text not in heads or span.start in view.headline:
        return None
    joiner = span.start - 1
    while joiner > 0 and span.start - joiner <= MAX_UNTAGGED_WORDS and tokens.title[joiner] and tokens.alpha[joiner]:
        joiner -= 1  # title-case words the model left out after the "and" ("and Mineral" + "Stockpile Corporation")
    if joiner < 2 or tokens.lowers[joiner] not in {"and", "&"} or tokens.whitespace[joiner - 1] != " ":
        return None
    i = joiner - 1
    words = 0
    while i >= 0 and words <= MAX_JOINED_WORDS and tokens.lowers[i] not in JOINED_OPENERS:
        if tokens.title[i] and tokens.alpha[i] and not tokens.newline[i]:
            if tokens.texts[i] in cues.legal_forms or tokens.texts[i] in tables.org_suffix_words:
                return None
            words += 1
        elif not (tokens.texts[i] == "," and words > 0 and i > 0 and tokens.title[i - 1]):
            break
        i -= 1
    if words == 0 or words > MAX_JOINED_WORDS or i < 0 or tokens.lowers[i] not in JOINED_OPENERS:
        return None
    return Span(view.doc, i + 1, span.end, label="ORG")


def _glued(first: Span, second: Span, view: BlockView) -> bool:
    return (first.end == second.start and view.tokens.whitespace[first.end - 1] == " "
            and first.start not in view.headline and second.start not in view.headline)


def _joined_pair(first: Span, second: Span, view: BlockView, tables: EntityTables) -> Span | None:
    doc = view.doc
    texts = view.tokens.texts
    end = second.end
    if first.label_ == "ORG" and second.label_ == "ORG":
        if end + 2 < len(texts) and texts[end] == "(" and texts[end + 2] == ")" and view.tokens.upper[end + 1]:
            return Span(doc, first.start, end, label="ORG")  # one name, one acronym
        if len(first) > 1 and first[-1].lower_ in {"and", "&"}:
            return Span(doc, first.start, end, label="ORG")  # "Study and" + "Project Financing Agency"
        return None
    if first.label_ == "ORG" and second.label_ == "GPE" and len(first) > 0 and first[-1].text not in {"of", "for"}:
        entry = tables.gazetteer.get(second.text)
        country = entry is not None and entry.label == "GPE" and len(entry.kb_id or "") == 2
        possessive = end < len(texts) and texts[end] in POSSESSIVE_CLITICS
        if country and not possessive and first[0].text not in tables.cues.public_body_heads:
            return Span(doc, first.start, end, label="ORG")
        return None
    honorific = first[0].lower_ in tables.cues.honorifics  # "Shri K.R." read as an ORG: the honorific makes a person
    if (first.label_ == "PERSON" or honorific) and second.label_ == "PERSON" and _initials(first, tables):
        return Span(doc, first.start, end, label="PERSON")  # "Shri V.L." + "Kantha Rao": the initials open the name
    if first.label_ == "COMMODITY" and second.label_ == "ORG" and all(t.text in tables.cues.legal_forms for t in second):
        return Span(doc, first.start, end, label="ORG")
    if first.label_ == "ORG" and second.label_ == "COMMODITY" and all(t.is_title for t in second) and not second[0].is_sent_start:
        return Span(doc, first.start, end, label="ORG")  # "REC Silicon"
    return None


def _initials(span: Span, tables: EntityTables) -> bool:
    """A PERSON span of initials only, after the titles it may open with ("V.L.", "Shri V. L.")."""
    words = [token.text for token in span if token.lower_ not in title_words(tables)]
    return bool(words) and all(INITIALS.fullmatch(word) for word in words)


def _romance_name(first: Span, second: Span, view: BlockView, tables: EntityTables) -> Span | None:
    """"Companhia Minas" + "do" + "Vale Verde": a Portuguese or Spanish organisation name opens with its body word
    (``org_name_words``) and joins its parts with "do"/"de"/"del"; the model reads the parts, given names and
    places for it, as two persons. One connector between the two spans makes them one ORG, on a headline line too
    (the body word and the connector are no headline words)."""
    texts = view.tokens.texts
    cues = tables.cues
    if second.start != first.end + 1 or view.tokens.lowers[first.end] not in cues.place_connectors:
        return None
    if first[0].lower_ not in cues.org_name_words or not first[0].is_title:
        return None
    if first.label_ not in ROMANCE_PART_LABELS or second.label_ not in ROMANCE_PART_LABELS:
        return None
    if " " != view.tokens.whitespace[first.end - 1] or " " != view.tokens.whitespace[first.end] or "\n" in texts[first.end]:
        return None
    return Span(view.doc, first.start, second.end, label="ORG")


def _grown(span: Span, view: BlockView, tables: EntityTables, taken: set[int]) -> Span:
    """The span with a unit word after it, a portfolio before it, or a legal form after a commodity name."""
    doc = view.doc
    tokens = view.tokens
    texts = tokens.texts
    if span.start in view.headline:
        return span
    end = span.end
    if span.label_ == "COMMODITY" and all(t.is_title or not t.is_alpha for t in span):
        if not span[0].is_sent_start and _acronym_before(span, view, tables, taken):
            return Span(doc, span.start - 1, end, label="ORG")  # "manufacturer TRX" + "Silicon"
        if end < len(texts) and end not in taken and texts[end] in tables.cues.legal_forms and tokens.whitespace[end - 1] == " ":
            return Span(doc, span.start, end + 1, label="ORG")  # "Platinum Group Metals Corp."
        return span
    if span.label_ in {"ORG", "NORP"} and _acronym_before(span, view, tables, taken):
        span = Span(doc, span.start - 1, span.end, label="ORG")  # "RFC" + "Ambrian" (an unknown NORP: a name)
    elif span.label_ == "ORG" and _intercapped_before(span, view, taken):
        span = Span(doc, span.start - 1, span.end, label="ORG")  # "teCore" + "Energy": the brand opens the name
    if span.label_ in {"GPE", "LOC"} and (named := _place_closed_name(span, view, tables, taken)) is not None:
        return named  # "Natural Resources" + "Canada", "Nikkei" + "Asia": an organisation's name closed by a place
    if span.label_ != "ORG":
        return span
    if end < len(texts) and end not in taken and texts[end] in tables.cues.unit_heads and tokens.whitespace[end - 1] == " ":
        span = Span(doc, span.start, end + 1, label="ORG")
    elif end < len(texts) and end not in taken and tokens.whitespace[end - 1] == " " and _legal_form_at(end, view, tables):
        return Span(doc, span.start, end + 1, label="ORG")  # "Example Holding Group Co," "Example Resources LTD.'s"
    if span[-1].text in tables.cues.public_body_heads and span.start >= 2 and tokens.lowers[span.start - 1] == "and":
        start = span.start - 1
        while (start > 0 and span.start - start <= MAX_PORTFOLIO_WORDS and start - 1 not in taken
               and tokens.title[start - 1] and tokens.alpha[start - 1] and not tokens.sent_start[start - 1]
               and tokens.lowers[start - 1] not in tables.cues.leading_words):
            start -= 1
        if start < span.start - 1:
            return Span(doc, start, span.end, label="ORG")
    return span


def _place_closed_name(span: Span, view: BlockView, tables: EntityTables, taken: set[int]) -> Span | None:
    """Seventeenth session: untagged title-case nouns one space before a country or region the tables know close an
    organisation's name with it ("Natural Resources Canada", "Nikkei Asia", "Oil India", "RMIT University Vietnam":
    a national arm, an outlet's edition, a state company); function words, adjectives, verbs and compass words
    ("South Texas": ``compass_words``) open no such name, and neither does a known whole name."""
    known = tables.gazetteer.get(clean_name(span.text))
    if known is None or known.label not in {"GPE", "LOC"}:
        return None
    doc, tokens = view.doc, view.tokens
    start = span.start
    while (start > 0 and start - 1 not in taken and tokens.whitespace[start - 1] == " " and tokens.alpha[start - 1]
           and (tokens.title[start - 1] or tokens.upper[start - 1]) and doc[start - 1].pos_ in {"PROPN", "NOUN"}
           and not doc[start - 1].is_stop and tokens.texts[start - 1] not in tables.cues.compass_words):
        start -= 1
        if tokens.sent_start[start]:
            break
    if start == span.start or (name := clean_name(doc[start:span.end].text)) in tables.gazetteer or name in tables.towns:
        return None
    return Span(doc, start, span.end, label="ORG")


def _legal_form_at(i: int, view: BlockView, tables: EntityTables) -> bool:
    """Token ``i`` is a legal form as listed or in capitals ("LTD."), not the first part of a hyphen compound
    ("Co-founder", "Co-Zn")."""
    tokens = view.tokens
    text = tokens.texts[i]
    forms = tables.cues.legal_forms
    if text not in forms and (tokens.lower[i] or text.casefold() not in {form.casefold() for form in forms}):
        return False
    return not (i + 1 < len(tokens.texts) and tokens.texts[i + 1] in WORD_HYPHENS and not tokens.whitespace[i])


def _intercapped_before(span: Span, view: BlockView, taken: set[int]) -> bool:
    """An untagged word written lower-case first with a capital inside, one space before the ORG ("teCore
    Energy"): a brand's spelling, which the model leaves out of the name because it looks like no name word."""
    i = span.start - 1
    return (i >= 0 and i not in taken and not view.tokens.sent_start[i] and view.tokens.whitespace[i] == " "
            and INTERCAPPED.fullmatch(view.tokens.texts[i]) is not None)


def _acronym_before(span: Span, view: BlockView, tables: EntityTables, taken: set[int]) -> bool:
    """An untagged, unknown all-capital word of two or more letters, one space before the ORG ("RFC Ambrian")."""
    i = span.start - 1
    tokens = view.tokens
    if span.label_ == "NORP" and span.text in tables.gazetteer:
        return False
    if i < 0 or i in taken or not (tokens.upper[i] and tokens.alpha[i]) or len(tokens.texts[i]) < 2:
        return False
    text = tokens.texts[i]
    known = text in tables.gazetteer or text.title() in tables.gazetteer or text.title() in tables.towns
    other_word = text in tables.not_organisations or text in tables.cues.legal_forms
    return tokens.whitespace[i] == " " and not known and not other_word
