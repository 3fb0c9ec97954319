"""Entity linking: abbreviations and short forms share one ``normalized``.

The decisions (``link_decisions``) read any sequence of mentions with the fields of an entity
record, so the article-level pass over records (``link_entities``, run by the extractor across
all blocks) and the Doc-level ``orewire_entity_linker`` component (one block's spans) make the
same ones. Only the records pass looks for body names again on headline lines
(``headline_mentions``): it needs the zones of several blocks, and one block has one zone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from pipeline.article import linking_forms as short_forms
from pipeline.article.byline_names import byline_names, source_lines
from pipeline.article.company_places import company_place_labels
from pipeline.article.cut_text import cut_names
from pipeline.article.defined_terms import defined_term_mentions
from pipeline.article.headline_mentions import headline_mentions
from pipeline.article.linking_brackets import bracket_short_form
from pipeline.article.linking_headlines import headline_short_names
from pipeline.article.linking_labels import defined_places, majority_label
from pipeline.article.linking_spelling import same_spelling
from pipeline.article.linking_symbols import listed_symbols
from pipeline.article.lone_persons import lone_person_labels
from pipeline.article.placed_titles import without_title_place
from pipeline.article.worked_sites import worked_site_labels
from pipeline.resources.entities import linking_words
from pipeline.schema.records import EntityRecord

# "(SRC)", and the press-release form in quotes: '("REEC")', "(“JEMSE”)", "('EDC')".
# A possessive may stand between the name and the bracket ("the Department of Energy's (DOE) Office of ...").
ABBREVIATION = re.compile(r"(?:['’]s)?\s*\(\s*([\"“'‘]?)([A-Z][A-Za-z0-9&.\-]{1,11})[\"”'’]?\s*\)")
LINKABLE = frozenset({"ORG", "FACILITY", "LAW", "GPE", "COMMODITY"})
# Labels a bare short name of a company may have been given by mistake ("Laurentian" as NORP).
SHORT_FORM_LABELS = frozenset({"ORG", "PERSON", "GPE", "FACILITY", "NORP"})
# Labels of a one-word mention that may be a company's first word ("Anglo" as NORP after "Anglo American"; an
# unlisted town's reading, "Denison" as GPE after "Denison Mines", unless a locative word places it; a person's
# reading, "Centrus" after "Centrus Energy Corp", unless a person of the article ends in the word).
OPENING_WORD_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON"})
# Labels the model may give a place the article names as a district or village elsewhere ("Ossaro" ORG).
PLACE_MISREADS = frozenset({"ORG", "NORP", "PERSON", "LOC"})
# Labels a bare surname may have been given ("Example said" after "Ann Example"); it takes the person's name.
SURNAME_LABELS = frozenset({"PERSON", "ORG", "GPE"})
# The words that open a body's complement after its head ("Board of Commissioners", "Fund for Development").
BODY_COMPLEMENT_WORDS = frozenset({"of", "for"})


class Mention(short_forms.Named, Protocol):
    """What linking reads of an entity: an ``EntityRecord``, or a span's values (``components.linking``): the
    text, offsets and label the short-form rules read (``linking_forms.Named``), and the linked values."""

    @property
    def normalized(self) -> str: ...
    @property
    def kb_id(self) -> str | None: ...
    @property
    def commodity(self) -> Any: ...


MentionT = TypeVar("MentionT", bound=Mention)


def find_abbreviations(mentions: Sequence[MentionT], text: str) -> dict[str, MentionT]:
    """Abbreviation -> the long-form mention defining it ("SRC" in "Saskatchewan Research Council (SRC)")."""
    found: dict[str, MentionT] = {}
    for mention in mentions:
        if mention.label not in LINKABLE or len(mention.text.split()) < 2:
            continue
        match = ABBREVIATION.match(text, mention.end)
        if match is None:  # "X, Inc. (XI)", '(“X Y”)', "(PT XY)", "(gloss, ACRONYM)"
            if (wider := bracket_short_form(mention, text)) is not None:
                found.setdefault(wider, mention)
            continue
        short = match.group(2)
        if short[0].upper() not in {word[0].upper() for word in mention.text.split() if word}:
            continue
        found.setdefault(short, mention)
    return found


def _short_form_of(short: str, long: str) -> bool:
    short_words, long_words = short.split(), long.split()
    if long_words and long_words[0] in linking_words().legal_prefixes and long_words[1:] == short_words:
        return True
    if not short_words or len(short_words) >= len(long_words) or long_words[: len(short_words)] != short_words:
        return False
    return all(word.lower() in linking_words().short_form_suffixes for word in long_words[len(short_words) :])


def _full_name(mention: Mention, long_forms: list[Mention]) -> Mention | None:
    """The longest earlier-or-later full name this short form abbreviates ("Karratha" -> "Karratha Lithium Ltd")."""
    candidates = [long for long in long_forms if long is not mention and _short_form_of(mention.text, long.text)]
    return max(candidates, key=lambda long: len(long.text.split()), default=None)


def _may_be_short_form(mention: Mention, text: str, sites: set[int]) -> bool:
    """Whether a mention may be a company's short name: a label the model gives one by mistake, and no site
    ("the Tarrow Project"); a region only without "the" ("Pilbara's strategy" after "Pilbara Minerals", while
    news writes the region "the Pilbara")."""
    if mention.label == "LOC":
        return not text[max(mention.start - 4, 0) : mention.start].lower().endswith("the ")
    return mention.label in SHORT_FORM_LABELS and id(mention) not in sites


def _opening_word(
    mention: Mention, long_forms: list[Mention], text: str, people: Sequence[Mention] = (),
) -> Mention | None:
    """The company an unknown one-word ORG (or misread NORP, GPE or PERSON) opens, named earlier ("Vale" after "Vale Indonesia",
    "Anglo" after "Anglo American", "Freeport" after "Freeport-McMoRan"): news copy shortens a company to its first
    word (part) once it has named it. Of several such names, the one named most often (then the first)."""
    if mention.label not in OPENING_WORD_LABELS or " " in mention.text or not mention.text[:1].isupper():
        return None
    if mention.label == "NORP" and short_forms.before_common_noun(mention, text):
        return None  # a nationality before a common noun ("other Asian countries") is an adjective, no short name
    if mention.label == "GPE" and (mention.kb_id is not None or short_forms.placed_in(mention, text)):
        return None  # a listed place, or a town after "in"/"near" ("a plant in Denison"), keeps its reading
    if mention.label == "PERSON" and short_forms.person_named(mention, people) is not None:
        return None  # a surname of the article's people ("Example" after "Ann Example") stays the person's
    earlier = [long for long in long_forms if long.end <= mention.start and short_forms.opens(long.text, mention.text)]
    if not earlier and mention.label != "PERSON":  # a person's reading only after the company is named
        earlier = short_forms.sole_later_name(mention, long_forms, text)
    if not earlier:
        return None
    counts: dict[str, int] = {}
    for long in earlier:
        counts[long.normalized] = counts.get(long.normalized, 0) + 1
    return max(earlier, key=lambda long: counts[long.normalized])


def _named_body(mention: Mention, long_forms: list[Mention]) -> Mention | None:
    """The nearest earlier multi-word ORG ending in this bare body word ("Commission" -> "European Commission"), or
    headed by it before its "of"/"for" complement ("the Board" -> "Keston County Board of Commissioners")."""
    if mention.label != "ORG" or mention.text not in linking_words().body_heads:
        return None
    earlier = [long for long in long_forms if long.end <= mention.start and _headed_by(long.text.split(), mention.text)]
    return earlier[-1] if earlier else None


def _headed_by(words: list[str], head: str) -> bool:
    """The name's words end in ``head`` or hold it right before a complement's "of"/"for"."""
    pairs = zip(words, words[1:], strict=False)
    return words[-1] == head or any(word == head and after in BODY_COMPLEMENT_WORDS for word, after in pairs)


def _body_variants(name: str) -> set[str]:
    """The ways one government body is also written: without its country prefix, head moved ("Department of
    Energy" <-> "Energy Department"), and its initials ("DOE", "DOD")."""
    words = linking_words()
    variants = {name}
    for prefix in words.country_forms:
        if name.startswith(prefix + " "):
            variants.add(name[len(prefix) + 1 :])
    heads = words.invertible_heads
    for variant in list(variants):
        parts = variant.split()
        if len(parts) == 3 and parts[0] in heads and parts[1] == "of" and parts[2][:1].isupper():
            variants.add(f"{parts[2]} {parts[0]}")
            variants.add(f"{parts[0][0]}O{parts[2][0]}")
        elif len(parts) == 2 and parts[1] in heads and parts[0][:1].isupper():
            variants.add(f"{parts[1]} of {parts[0]}")
            variants.add(f"{parts[1][0]}O{parts[0][0]}")
    variants.add(short_forms.bare_portfolio(name) or name)  # "Commerce" for "Commerce Department"
    return variants - {name}


def _same_body(mention: Mention, long_forms: list[Mention]) -> Mention | None:
    """The nearest multi-word ORG of which this ORG is a variant ("Energy Department", "DOE" -> "U.S. Department of
    Energy"); bodies written with their country come first."""
    if mention.label != "ORG":
        return None
    candidates = [long for long in long_forms if long is not mention and mention.text in _body_variants(long.text)]
    if not candidates:
        return None
    def order(long: Mention) -> tuple[bool, int]:
        with_country = any(long.text.startswith(prefix + " ") for prefix in linking_words().country_forms)
        return not with_country, abs(long.start - mention.start)

    return min(candidates, key=order)


def link_decisions(mentions: Sequence[Mention], text: str) -> list[dict[str, Any]]:
    """For each mention (in text order), the fields linking changes: empty, or some of ``normalized``,
    ``label``, ``kb_id``, ``commodity``.

    An abbreviation the text defines ("Saskatchewan Research Council (SRC)") takes its long form's values
    (a commodity's too: "total rare earth oxide (TREO)"); a short name takes the longest full name it
    abbreviates, legal suffix included ("Karratha" -> "Karratha Lithium Ltd"); a bare body word takes the
    nearest earlier body it ends ("Commission" -> "European Commission"); a bare surname takes the nearest
    earlier full name of a person ending in it ("Example" -> "Ann Example"); an unknown name that is also a
    facility's name takes the facility's label, unless a state follows it ("Vidalia, La."). A mention with a
    ``kb_id`` is never changed.
    """
    defined = {**listed_symbols(mentions, text), **find_abbreviations(mentions, text)}  # "(ASX: EXR)": a ticker too
    abbreviations = short_forms.with_short_names(defined, mentions, text)
    long_forms = [mention for mention in mentions if mention.label == "ORG" and len(mention.text.split()) > 1]
    openers = long_forms + [mention for mention in mentions if mention.label == "ORG" and short_forms.hyphenated(mention.text)]
    people = [mention for mention in mentions if mention.label == "PERSON" and len(mention.text.split()) > 1]
    facilities = [mention for mention in mentions if mention.label == "FACILITY"]
    places = defined_places(mentions, text)
    sites = short_forms.named_sites(mentions, text)
    order = {id(mention): index for index, mention in enumerate(mentions)}
    by_start = {mention.start: mention for mention in mentions}
    decisions: list[dict[str, Any]] = []
    for mention in mentions:
        update: dict[str, Any] = {}
        definition = abbreviations.get(mention.text)
        if definition is not None and mention is not definition and mention.kb_id is None:
            update = {"normalized": definition.normalized, "label": definition.label, "kb_id": definition.kb_id}
            if definition.label == "COMMODITY":
                update["commodity"] = definition.commodity
        elif mention.kb_id is None and _may_be_short_form(mention, text, sites):
            long = (_full_name(mention, long_forms) or _named_body(mention, long_forms) or _same_body(mention, long_forms)
                    or short_forms.cut_before_of(mention, long_forms)
                    or _opening_word(mention, openers, text, people) or short_forms.abbreviated_name(mention, long_forms, text))
            if long is not None:  # the full name's own linked name when linking already changed it
                decided = decisions[order[id(long)]] if order[id(long)] < len(decisions) else {}
                update = {"normalized": decided.get("normalized", long.normalized), "label": "ORG", "commodity": None}
        if not update and mention.kb_id is None and mention.label in PLACE_MISREADS and mention.text in places:
            place = places[mention.text]
            update = {"normalized": place.normalized, "label": "GPE", "kb_id": place.kb_id, "commodity": None}
        if not update and (mention.kb_id is None or _metonym(mention)) and mention.label in SURNAME_LABELS \
                and not short_forms.placed_in(mention, text):
            person = short_forms.person_named(mention, people)
            if person is not None:
                update = {"normalized": person.normalized, "label": "PERSON", "commodity": None}
                if mention.kb_id is not None:
                    update["kb_id"] = None  # "Berlin" no longer stands for Germany
        if not update and mention.kb_id is None and short_forms.cued_organisation(mention, mentions, text):
            update = {"label": "ORG"}  # "producer X" once: the bare "X" the model reads as a person is the company
        elif not update and mention.kb_id is None and mention.text not in places \
                and (majority := majority_label(mention, mentions)) is not None:
            update = {"label": majority}
        elif not update and mention.kb_id is None and short_forms.organisation_label(mention, mentions, text):
            update = {"label": "ORG"}
        if not update and (named := short_forms.named_site(mention, facilities, text)) and not _town_of(mention, by_start, text):
            update = {"normalized": named.normalized, "label": named.label, "kb_id": None}
        elif not update and mention.kb_id is None and short_forms.joined_sites(mention, facilities):
            update = {"label": "FACILITY"}
        decisions.append(update)
    # a headline's short name as the body links it ("Kestrel's mine" over "Kestrel Global Ltd")
    return _same_company(mentions, same_spelling(mentions, headline_short_names(mentions, decisions, text)), sites)


def _metonym(mention: Mention) -> bool:
    """A capital read as its government ("Berlin" -> "Germany"): its code is the country's, not its own name's."""
    return mention.label == "GPE" and mention.normalized != mention.text


def _town_of(mention: Mention, by_start: dict[int, Mention], text: str) -> bool:
    """A place followed by a comma and its state or province ("in Vidalia, La."): the town, not the site named
    after it elsewhere in the article."""
    comma = text.find(",", mention.end, mention.end + 2)
    state = by_start.get(comma + 2) if comma != -1 else None
    return mention.label == "GPE" and state is not None and state.label == "GPE" and "-" in (state.kb_id or "")


def _company_key(name: str) -> str:
    """A company name without closing group words, hyphens as spaces, legal form spelled out ("X-Y Ltd" = "X Y")."""
    forms = linking_words().legal_forms
    return " ".join(forms.get(word, word) for word in short_forms.company_core(name).replace("-", " ").split())


def _same_company(mentions: Sequence[Mention], decisions: list[dict[str, Any]], sites: set[int]) -> list[dict[str, Any]]:
    """Organisation names written two ways share one ``normalized`` (the longest spelling) and the ORG label."""
    groups: dict[str, list[int]] = {}
    for index, (mention, update) in enumerate(zip(mentions, decisions, strict=True)):
        label = update.get("label", mention.label)
        if mention.kb_id is None and (label == "ORG" or label == "FACILITY" and id(mention) not in sites):
            groups.setdefault(_company_key(update.get("normalized", mention.normalized)), []).append(index)
    for members in groups.values():
        names = {decisions[i].get("normalized", mentions[i].normalized) for i in members}
        if len(names) < 2 or not any(decisions[i].get("label", mentions[i].label) == "ORG" for i in members):
            continue
        longest = max(names, key=lambda name: (len(name), name))
        for i in members:
            decisions[i] = {**decisions[i], "normalized": longest, "label": "ORG", "commodity": None}
    return decisions


def link_entities(records: list[EntityRecord], text: str) -> list[EntityRecord]:
    """Link an article's entity records (``link_decisions``), after adding their headline mentions.

    Args:
        records: the article's entity records, in article order.
        text: the article text the record offsets index.

    Returns:
        The records, with ``normalized`` (and, for an unknown short form, ``label``) updated, plus the headline
        mentions, in article order.
    """
    extra = headline_mentions(records, text)
    if extra:
        records = sorted([*records, *extra], key=lambda record: record.start)
    if credits := source_lines(records, text):  # an agency on a line of its own over the date stamp: no entity
        records = [record for index, record in enumerate(records) if index not in credits]
    if bylines := byline_names(records, text):  # writers on a line of their own: no entities
        records = [record for index, record in enumerate(records) if index not in bylines]
    if cut := cut_names(records, text):  # "the think-tank Center for Str": the excerpt ends inside the name
        records = [record for index, record in enumerate(records) if index not in cut]
    if terms := defined_term_mentions(records, text):  # (the "Arrangement"): the release's own shorthand
        records = [record for index, record in enumerate(records) if index not in terms]
    records = without_title_place(records, text)  # "Officer Reasi A B": the district between title and name
    labels = lone_person_labels(records, text)  # one-word PERSON names with no sign of a person
    records = [record if label == record.label else record.model_copy(update={"label": label})
               for record, label in zip(records, labels, strict=True) if label is not None]
    for relabel in (company_place_labels, worked_site_labels):  # "Northvolt CEO", "exploration at Kamoa North"
        relabelled = relabel(records, text)
        records = [record if label == record.label else record.model_copy(update={"label": label})
                   for record, label in zip(records, relabelled, strict=True)]
    decisions = link_decisions(records, text)
    return [record.model_copy(update=update) if update else record for record, update in zip(records, decisions, strict=True)]
