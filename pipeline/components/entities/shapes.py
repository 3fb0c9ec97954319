"""Word shapes no name has (issue 13, entities round 8): capitalised text the model reads as a name.

- A name holds no lower-case content word: only the joiners of ``name_lowercase_words`` ("of", "de", "y") stand
  in lower case inside it, so "Post-tax internal rate of return" at a bullet's start is no organisation (the
  second part of a hyphenated word excepted: "Kim Jun-hyung").
- A name closed by a geographic feature word written in title case ("Texas Gulf Coast", "North Atlantic Ocean":
  ``feature_name_heads``) is a LOC whole, head and compass word included (as "East Coast"), unless the gazetteer
  knows the name as something else ("Ivory Coast").
- A name the model reads as a law but written before a site word is the site ("its Fab 3 facility").
- A listing that puts the symbol first ("(AG: NYSE; FMV: Frankfurt)", a ``stock_exchanges`` name after a colon):
  the symbols before the colons are no names, the exchanges after them are ORGs ("Frankfurt" is its exchange).
- Round 11: an organisation reading right before a title-case document head ("the X Mining Agreement", "the
  National Lithium Strategy", "the New Mining Law": ``document_heads``) is the document's modifier, no organisation;
  a name opened by a negating prefix and a hyphen ("Non-EU") is an adjective; a one-letter PERSON is an initial
  the model cut off its name. Round en9: an organisation reading that holds a ``document_name_heads`` word after
  its first word ("the Special Lithium Operation Contract", "the Bilateral Investment Treaty") is the document;
  ``document_heads`` gained the contract, treaty, licence and permit words ("Special Mining" + "Licence"). Twelfth
  session: a person reading holding such a word is no name either ("the Mining Licence", "Key MoU terms").
- Round 14: a title-case compass word before a known state or country ("South Texas", "South-East Queensland")
  names a region, a LOC whole, unless the gazetteer knows the whole name.
- Twelfth session: an owner's possessive inside an organisation or person reading ("Kestrel-Marlow's Phase 3", "Orvane's
  Chemistry Business Unit", "DOE's Advanced Vehicles Office") parts the owner from what it owns: a one-word owner is a
  name of its own, a designation after it ("Phase 3") none, a unit of it (``unit_heads``) an ORG, and what an
  acronym owns keeps the reading ("F3's Patterson Lake North"). Other possessives stay inside ("Moody's Investors
  Service", "People's Daily").
- Seventeenth session: a name closed by a report or approval word ("Financial Results", "Works Approval", "Key Data
  Points": ``report_heads``) is a title, no name.
- Nineteenth session: a LAW only the statistical model reads needs a ``law_heads`` word (Act, Law, Code ...): on the
  read dev half (rn01-rn688) every such LAW group without one was wrong, 7 of 7 in 6 articles (an action plan, a
  partnership, an initiative, a supply agreement, currency amounts, a section number of a regulation), while every
  right LAW came from a rule.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.components.entities.headlines import CALENDAR_WORDS
from pipeline.components.entities.view import WORD_HYPHENS, BlockView, glued_hyphen
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import POSSESSIVE_CLITICS, clean_name

# Labels of proper names (commodities, sites and laws hold common words: "lithium", "Act on ...").
PROPER_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP"})
# Labels of a name the model may cut at a hyphen ("Anglo" of "Anglo-Australian").
HYPHEN_PART_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP"})
# Words joining designations in one span ("Kamoa 1 and Kamoa 2").
DESIGNATION_JOINERS = frozenset({"and", ",", "&"})
# The possessive tokens that part an owner from what it owns inside a name.
# Labels the model gives a feature's name ("Texas Gulf Coast" as ORG, "Atlantic" as LOC).
FEATURE_MISREADS = frozenset({"ORG", "GPE", "LOC", "PERSON", "NORP"})


def lowercase_inside(span: Span, tables: EntityTables) -> bool:
    """A proper-name span with a lower-case word that no name holds ("Post-tax internal rate"). For the model's
    spans: a rule hit may describe a body in lower case ("Brazil's mines ministry")."""
    if span.label_ not in PROPER_NAME_LABELS:
        return False
    joiners = tables.cues.name_lowercase_words
    doc = span.doc
    return any(
        token.is_alpha and token.is_lower and token.lower_ not in joiners and not _hyphen_part(doc, token.i)
        for token in span
    )


def _hyphen_part(doc: Doc, i: int) -> bool:
    """The token closes a hyphenated word ("Jun-hyung"): a given name's second part may be lower case."""
    return i > 0 and doc[i - 1].text in WORD_HYPHENS and not doc[i - 1].whitespace_


def feature_name(span: Span, view: BlockView, tables: EntityTables) -> Span | None:
    """The LOC a name closed by a feature word makes (see the module's docstring), or None."""
    if span.label_ not in FEATURE_MISREADS or not span[0].is_title:
        return None
    doc = span.doc
    cues = tables.cues
    start, end = span.start, span.end
    if span[-1].text not in cues.feature_name_heads and (region := _lower_feature_name(span, view, tables)) is not None:
        return region
    if span[-1].text not in cues.feature_name_heads:
        if end >= len(doc) or doc[end].text not in cues.feature_name_heads or not doc[end - 1].whitespace_:
            return None
        end += 1
    if start > 0 and doc[start - 1].text in cues.compass_words and doc[start - 1].whitespace_:
        start -= 1
    name = clean_name(doc[start:end].text)
    known = tables.gazetteer.get(name)
    if known is not None and known.label != "LOC" or end - start < 2:
        return None
    feature = Span(doc, start, end, label="LOC")
    view.note(feature, EntityInfo(normalized=name, kb_id=None if known is None else known.kb_id, commodity=None))
    return feature


def _lower_feature_name(span: Span, view: BlockView, tables: EntityTables) -> Span | None:
    """"the Abitibi greenstone belt", "the Gobi desert": a name before a lower-case feature word
    (``feature_lower_heads``, one or two words) is a LOC without it, as the guide leaves out "region" and "province";
    None for a nationality reading and for a name the gazetteer or the town list knows (a state's or a town's
    belt stays the state or town)."""
    doc = span.doc
    if span.label_ == "NORP" or not all(token.is_title or token.text in WORD_HYPHENS for token in span):
        return None
    heads = tables.cues.feature_lower_heads
    after = [doc[i] for i in range(span.end, min(span.end + 2, len(doc)))]
    if not any(all(t.is_lower for t in after[:width]) and " ".join(t.text for t in after[:width]) in heads
               for width in (1, 2) if len(after) >= width):
        return None
    name = clean_name(span.text)
    known = tables.gazetteer.get(name)
    if known is not None and known.label != "LOC" or name in tables.towns:
        return None
    region = Span(doc, span.start, span.end, label="LOC")
    view.note(region, EntityInfo(normalized=name, kb_id=None if known is None else known.kb_id, commodity=None))
    return region


def compass_region(span: Span, view: BlockView, tables: EntityTables, free_from: int = 0) -> Span | None:
    """"South Texas", "South-East Queensland": a title-case compass word (two joined by a hyphen) right before a
    known state or country names a region of it, a LOC whole (round 14; the dev gold, two texts), unless the
    gazetteer or the town list knows the whole name ("Western Australia", "Southeast Sulawesi"), or the compass word
    is in a name before it (tokens before ``free_from``); a title-case word after it makes a longer name ("South China
    Morning Post") and a region or division word an administrative unit ("the East X region")."""
    if span.label_ != "GPE" or span.start == 0 or tables.gazetteer.get(clean_name(span.text)) is None:
        return None
    doc = span.doc
    compass = tables.cues.compass_words
    start = span.start - 1
    if doc[start].text not in compass or not doc[start].whitespace_:
        return None
    if start >= 2 and doc[start - 1].text in WORD_HYPHENS and glued_hyphen(doc, start - 1) and doc[start - 2].text in compass:
        start -= 2  # "South-East"
    name = clean_name(doc[start : span.end].text)
    if start < free_from or name in tables.gazetteer or name in tables.towns:
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.is_title or after.lower_ in tables.cues.region_heads | tables.cues.division_heads):
        return None  # a longer name ("South China Morning Post"), an administrative region ("the East X region")
    region = Span(doc, start, span.end, label="LOC")
    view.note(region, EntityInfo(normalized=name, kb_id=None, commodity=None))
    return region


def site_not_law(span: Span, tables: EntityTables) -> Span:
    """A LAW span followed by a ``site_name_keywords`` word as the FACILITY it names; any other span as it is."""
    doc = span.doc
    if span.label_ != "LAW" or span.end >= len(doc) or doc[span.end].lower_ not in tables.cues.site_name_keywords:
        return span
    return Span(doc, span.start, span.end, label="FACILITY")


def without_unheaded_model_laws(spans: list[Span], modelled: set[tuple[int, int, str]],
                                ruled: set[tuple[int, int, str]], tables: EntityTables) -> list[Span]:
    """``spans`` less each LAW only the statistical model reads (in ``modelled``, not in ``ruled``) with no
    ``law_heads`` word (a plan, an agreement or an amount the model takes for a law: "the X Action Plan", "Yuan
    130,880"), and less the model's bracketed short form right after such a name ("the X Initiative (XI)")."""
    doc = spans[0].doc if spans else None
    dropped = {span.end for span in spans if unheaded_model_law(span, modelled, ruled, tables)}
    if doc is None or not dropped:
        return spans
    return [span for span in spans if not unheaded_model_law(span, modelled, ruled, tables)
            and not (span.start - 1 in dropped and doc[span.start - 1].text == "(" and span.end < len(doc)
                     and doc[span.end].text == ")" and (span.start, span.end, span.label_) in modelled - ruled)]


def unheaded_model_law(span: Span, modelled: set[tuple[int, int, str]], ruled: set[tuple[int, int, str]],
                       tables: EntityTables) -> bool:
    """A LAW only the statistical model reads with no ``law_heads`` word in it."""
    key = (span.start, span.end, span.label_)
    return (span.label_ == "LAW" and key in modelled and key not in ruled
            and not any(token.text in tables.cues.law_heads for token in span))


# The longest bracket of a listing read back from a name ("(AG: NYSE; FR: TSX; FMV: Frankfurt)").
MAX_LISTING_TOKENS = 16


def listing_part(span: Span, tables: EntityTables) -> Span | None:
    """In a symbol-first listing (see the module's docstring): None for a symbol, the exchange as an ORG; any other
    span as it is."""
    doc = span.doc
    exchanges = tables.cues.stock_exchanges
    opened = next((i for i in range(span.start - 1, max(span.start - MAX_LISTING_TOKENS, -1), -1)
                   if doc[i].text in {"(", ")"} or "\n" in doc[i].text), None)
    if opened is None or doc[opened].text != "(":
        return span
    after_colon = span.start > 0 and doc[span.start - 1].text == ":"
    before_colon = span.end < len(doc) and doc[span.end].text == ":"
    if before_colon and span.end + 1 < len(doc) and doc[span.end + 1].text in exchanges and span.text.isupper():
        return None
    if after_colon and span.start >= 2 and doc[span.start - 2].is_upper and span.text in exchanges:
        return span if span.label_ == "ORG" else Span(doc, span.start, span.end, label="ORG")
    return span


def descriptor_before_cue(span: Span, tables: EntityTables) -> bool:
    """"Fertiliser maker Mosaic Co": a one-word ORG right before a lower-case company cue word and a title-case name
    describes the trade of the company named after the cue; it names nothing itself."""
    doc = span.doc
    end = span.end
    if span.label_ != "ORG" or len(span) != 1 or end + 1 >= len(doc):
        return False
    cue = doc[end]
    return cue.is_lower and cue.text in tables.cues.company_cues_before and doc[end + 1].is_title


def designation(span: Span, tables: EntityTables) -> bool:
    """"Phase 3", "Grade 2", "Stage II", "Phase 1 and Phase 2" (issue 13): a designation word (``designation_words``)
    before a number or section numeral names a stage, grade or part of something, no organisation, person, place or
    law; what it belongs to is named apart ("Kamoa-Kakula's Phase 3")."""
    tokens = [token for token in span if token.text not in DESIGNATION_JOINERS]
    if len(tokens) < 2 or len(tokens) % 2:
        return False
    pairs = list(zip(tokens[::2], tokens[1::2], strict=True))
    return all(word.text in tables.cues.designation_words and _numeral(number, tables) for word, number in pairs)


def _numeral(token: Token, tables: EntityTables) -> bool:
    """A number ("3") or an upper-case section numeral ("III")."""
    return token.is_digit or token.is_upper and token.lower_ in tables.cues.section_numbers


def hyphen_part(span: Span | None, spans: list[Span], tables: EntityTables) -> Span | None:
    """A name the tables do not know, cut before a hyphen compound's second word (issue 13): "Anglo" of
    "Anglo-Australian" (the second word another entity) and a one-word PERSON such as "Dodd" of "Dodd-Frank" are no
    names (None); an ORG or unknown nationality before an untagged title-case word is the whole compound ("Samruk"
    -> "Samruk-Kazyna"). Any other span as it is ("Chinese-Kazakh": two nationalities)."""
    if span is None or span.label_ not in HYPHEN_PART_LABELS or clean_name(span.text) in tables.gazetteer:
        return span
    doc = span.doc
    end = span.end
    if end + 1 >= len(doc) or not glued_hyphen(doc, end) or not (doc[end + 1].is_title and doc[end + 1].is_alpha):
        return span
    if any(other.start <= end + 1 < other.end for other in spans):
        return None
    if span.label_ in {"ORG", "NORP"}:
        return Span(doc, span.start, end + 2, label=span.label_)
    return None if span.label_ == "PERSON" and len(span) == 1 else span


def not_a_name(span: Span, tables: EntityTables) -> bool:
    """A document's modifier read as an ORG, a negated adjective ("Non-EU") or a one-letter PERSON (see above)."""
    doc = span.doc
    cues = tables.cues
    if span.label_ == "PERSON" and len(span.text) == 1:
        return True
    if len(span) > 2 and span[0].text in cues.negating_prefixes and span[1].text in WORD_HYPHENS:
        return True
    if designation(span, tables):
        return True
    if span.label_ not in {"ORG", "PERSON"} or tables.gazetteer.get(clean_name(span.text)) is not None:
        return False
    if any(token.text in cues.document_name_heads for token in span[1:]):
        return True  # "Special Lithium Operation Contract", "Subsoil Use Contracts of Company", "the Mining Licence"
    return span.label_ == "ORG" and span.end < len(doc) and doc[span.end].text in cues.document_heads


def report_title(span: Span, tables: EntityTables) -> bool:
    """"Financial Results", "Works Approval", "Key Data Points", "Major Project Status" (seventeenth session): a
    title-case name closed by a ``report_heads`` word is a report's, approval's or heading's title, no organisation,
    place or site, unless a body's head word sits inside it ("Office of Results" would be a body)."""
    if span.label_ in {"COMMODITY", "LAW"} or span[-1].text not in tables.cues.report_heads:
        return False
    cues = tables.cues
    bodies = cues.of_heads | cues.extendable_heads | cues.public_body_heads
    return not any(token.text in bodies for token in span) and tables.gazetteer.get(clean_name(span.text)) is None


def possessor_split(span: Span, tables: EntityTables) -> list[Span] | None:
    """The owner and what it owns of an ORG or PERSON reading with an owner's possessive inside (module docstring,
    twelfth session): [owner] before a designation, [owner, unit] before a unit of it, [owner, the rest] after an
    acronym; None when the span stays whole."""
    if span.label_ not in {"ORG", "PERSON"}:
        return None
    marks = [token.i for token in span[1:-1] if token.text in POSSESSIVE_CLITICS]
    if len(marks) != 1 or tables.gazetteer.get(clean_name(span.text)) is not None:
        return None
    doc = span.doc
    mark = marks[0]
    owner, owned = Span(doc, span.start, mark, label="ORG"), Span(doc, mark + 1, span.end, label=span.label_)
    if len(owned) == 1 and owned[0].text in tables.cues.designation_words:
        return [Span(doc, owner.start, owner.end, label=_owner_label(owner, tables))]  # "X's Phase" + "3" untagged
    if " " in owner.text or len(owned) < 2 or not owned[0].is_title:
        return None  # a several-word owner belongs to the name ("China Nonferrous Metal Industry's ... Co., Ltd.")
    owner = Span(doc, owner.start, owner.end, label=_owner_label(owner, tables))
    if designation(owned, tables):
        return [owner]
    if owned[-1].text in tables.cues.unit_heads:
        return [owner, Span(doc, owned.start, owned.end, label="ORG")]
    if owner[0].is_upper or any(token.is_digit for token in owner):
        return [owner, owned]
    return None


def _owner_label(owner: Span, tables: EntityTables) -> str:
    known = tables.gazetteer.get(clean_name(owner.text))
    return known.label if known is not None else "ORG"


def date_shaped(span: Span) -> bool:
    """'Mar 3, 2026', 'March 2026', 'Monday': only month/day words, numbers and punctuation."""
    has_month = False
    for token in span:
        lower = token.lower_.rstrip(".")
        if lower in CALENDAR_WORDS:
            has_month = True
        elif not (token.like_num or token.is_punct or token.is_space):
            return False
    return has_month
