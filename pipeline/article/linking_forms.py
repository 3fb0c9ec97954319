"""Short forms entity linking reads without a bracketed definition (issue 13, entities round 7).

- Initials: an all-capital word is the organisation whose capitalised words it abbreviates, wherever the article
  writes the full name ("The EC ..." before "European Commission"), also the closing words of a longer name
  ("CMC" for "Orion Critical Mineral Consortium") or a word of it after the first ("CBC" in "Hong Kong CBC
  Investment"); not in brackets, where it defines the name before it.
- Company cores: "X Group", "X Holdings" and "X Corp." are one company (``group_words`` of ``linking.json``).
- A government department's bare portfolio ("Commerce" after "U.S. Commerce Department") is the department.
- A one-word company name in a headline before the only full name it opens is that company ("Freeport"), also on a
  short line without a closing stop that it opens (a sentence-case headline left in the body, round 8).
- A GPE after "in"/"near" stays the town beside a site of the same name ("its Butte plant" ... "jobs in Butte").
- An unknown name that is a facility's name takes the facility's label ("Lwambo output" after "the Lwambo mine");
  round 8: so does the closing part of a longer facility name ("Madero" after "Francisco I. Madero"), when the mention
  is a facility, an unknown name, or a place written before a site word ("the El Salvador mine" after "a mine called
  Division El Salvador").
- A one-word name the article gives an ORG elsewhere and no person's full name ends in is that ORG, also when it
  is read once as each ("a petition by Mosaic" ... "Mosaic claims").
- Round 8: a one-word name set after an organisation's name and a comma, closing its sentence or line, is that
  organisation's short name ("said the European Metals Association, Eurometaux."), wherever the article writes it;
  a defined acronym followed by its body's head word ("EXIM Bank" after "Export-Import Bank (EXIM)") is the body.
- Persons (moved from ``linking.py`` in round 10): a bare surname is the nearest earlier full name ending in it, a
  family name written first opens a three-word name, a bare PERSON word one two-word name alone; a name without
  middle names is the full one.
- Round 10: a body name of two or more words that opens one earlier name before its "of" phrase is that name ("the
  Army Corps" after "the Army Corps of Engineers").
- Round 11: a one-word name the article once sets after a company's trade word ("uranium producer X", the
  ``company_cues_before`` of ``cue_words.json``) is that company in every other mention too, where the model reads
  the bare word as a person ("X reported ..."), unless a person's title stands before it somewhere or a person's
  full name ends in it. Names of sites joined by a slash ("X River/Y Lake", one operation) are a site when one of
  them is a facility elsewhere in the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from pipeline.resources.entities import linking_words
from pipeline.schema.labels import HEADLINE_ZONES
from pipeline.text.dashes import HYPHEN_LIKE

# Words an acronym leaves out of the name it abbreviates.
# Romance connectors too: "EGC" for "Entreprise Generale du Cobalt".
SKIPPED_WORDS = frozenset({"of", "and", "for", "the", "&", "de", "on", "in", "du", "des", "do", "dos", "da", "das", "del", "la"})
# Acronyms shorter than this are too often something else ("EC" is two letters: the shortest kept).
MIN_ACRONYM = 2
MAX_ACRONYM = 8
PLACING_PREPOSITIONS = (" in ", " near ")
# Labels an unknown name may take from a facility of the same name ("Lwambo output" after "the Lwambo mine").
FACILITY_MISREADS = frozenset({"PERSON", "GPE", "ORG", "LOC"})
# What closes an appositive short name: the end of its sentence or line (a comma may go on with a list).
APPOSITION_CLOSERS = frozenset({".", ";", ")", "\n", ""})
# Labels the model gives an unknown one-word short name ("Eurometaux" as PERSON); a place after a comma is the
# body's seat ("the Mineral Resources Authority, Lusaka."), not its name.
APPOSITIVE_LABELS = frozenset({"ORG", "PERSON", "NORP"})
# The hyphens of a hyphenated company name ("Freeport-McMoRan"): where it parts into its words.
NAME_PART_HYPHEN = re.compile(f"[{re.escape(''.join(HYPHEN_LIKE))}]")
# Most commodity mentions between a site's name and its keyword ("the Bralto copper-gold mine").
MAX_SITE_COMMODITIES = 3


class Named(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


NamedT = TypeVar("NamedT", bound=Named)


def _acronym(text: str) -> bool:
    letters = text.replace("&", "")
    return MIN_ACRONYM <= len(letters) <= MAX_ACRONYM and letters.isalpha() and letters.isupper()


def _initials(words: list[str]) -> str:
    return "".join(word[0].upper() for word in words if word.lower() not in SKIPPED_WORDS and word[:1].isalpha())


def _modifier(mention: Named, text: str) -> bool:
    """"the Example administration": an article, the name, a lower-case word."""
    following = text[mention.end : mention.end + 30].split(maxsplit=1)
    preceding = text[max(mention.start - 5, 0) : mention.start].lower()
    return preceding.endswith("the ") and bool(following) and following[0].isalpha() and following[0].islower()


def abbreviated_name(mention: Named, long_forms: Sequence[NamedT], text: str) -> NamedT | None:
    """The multi-word ORG an undefined acronym stands for (see the module's docstring); None when there is none or
    several different names would fit, or the acronym is in brackets (it defines the name before it)."""
    if " " in mention.text or not _acronym(mention.text) or text[max(mention.start - 1, 0) : mention.start] == "(":
        return None
    found = []
    for long in long_forms:
        words = long.text.split()
        if long is mention or len(words) < 2:
            continue
        closing = _initials(words[-len(mention.text):]) if len(words) > len(mention.text) else ""
        if mention.text in words[1:] or _initials(words) == mention.text or closing == mention.text:
            found.append(long)
    if len({long.text for long in found}) != 1:
        return None
    return found[0]


def cut_before_of(mention: Named, long_forms: Sequence[NamedT]) -> NamedT | None:
    """The one earlier body name this ORG of two or more words opens before "of" ("the Army Corps" after "the Army
    Corps of Engineers"): a later mention drops the name's "of" phrase once the article has written it whole."""
    if mention.label != "ORG" or len(mention.text.split()) < 2:
        return None
    opened = [long for long in long_forms if long.end <= mention.start and long.text.startswith(mention.text + " of ")]
    return opened[-1] if len({long.text for long in opened}) == 1 else None


def _word_before(text: str, start: int) -> str:
    """The lower-case word right before ``start`` (punctuation around it left out)."""
    words = text[max(start - 40, 0) : start].split()
    return words[-1].strip(".,;:()\"“”'‘’").lower() if words else ""


def _company_context(mention: Named, text: str) -> bool:
    """A company cue right around the mention: a trade word before it ("producer X"), a company word after it ("X
    shares", "X Ltd") or a possession only companies have ("X's board")."""
    words = linking_words()
    after = text[mention.end : mention.end + 40].split()
    first = after[0].strip(".,;:()\"“”").lower() if after else ""
    if first in ("'s", "’s") and len(after) > 1:
        first = "'s " + after[1].strip(".,;:").lower()
    elif after and after[0][:2] in ("'s", "’s"):
        first = "'s " + (after[1].strip(".,;:").lower() if len(after) > 1 else "")
    return (_word_before(text, mention.start) in words.company_cues_before or first in words.company_cues_after
            or first.startswith("'s ") and first[3:] in words.company_possessions)


def cued_organisation(mention: Named, mentions: Sequence[Named], text: str) -> bool:
    """A one-word PERSON or ORG that a mention of the same word shows to be a company: an ORG right after a company
    cue ("the Canadian uranium producer X"); never when a person's title opens a mention of it ("Chairman X") or a
    person's full name ends in it. (An ORG mention is kept so: the majority of bare mentions does not outvote it.)"""
    if mention.label not in {"PERSON", "ORG"} or " " in mention.text:
        return False
    words = linking_words()
    same = [other for other in mentions if other.text == mention.text]
    if not any(other.label == "ORG" and _company_context(other, text) for other in same):
        return False
    if any(_word_before(text, other.start) in words.person_titles for other in same):
        return False
    return not any(other.label == "PERSON" and " " in other.text and other.text.split()[-1] == mention.text
                   for other in mentions)


def person_named(mention: Named, people: Sequence[NamedT]) -> NamedT | None:
    """The nearest earlier full name of a person this one word is the surname of ("Example" -> "Ann Example", "Tan"
    -> "Tan Wei Ming"; a middle word: "Ruiz" -> "Ana Ruiz Soto"), or that this name shortens by leaving out middle
    names ("Ann Example" -> "Ann Marie Example")."""
    words = mention.text.split()
    if len(words) == 1:
        earlier = [person for person in people if person.end <= mention.start and person.text.split()[-1] == mention.text]
        # a family name written first ("Chang" after "Chang Lih Kang"): a three-word name, where the first word
        # is no given name that English copy would drop
        earlier = earlier or [person for person in people if person.end <= mention.start
                              and len(person.text.split()) == 3 and person.text.split()[0] == mention.text]
        # of a two-word name only when the model reads the bare word as a person too and it opens one name alone:
        # family-name-first copy ("Shu" after "Shu Jueting") and one-name references ("Bahlil" after "Bahlil
        # Lahadalia") leave a second, unlinked person record otherwise
        if not earlier and mention.label == "PERSON":
            opened = [person for person in people if person.end <= mention.start
                      and len(person.text.split()) == 2 and person.text.split()[0] == mention.text]
            earlier = opened if len({person.text for person in opened}) == 1 else []
        # a paternal surname inside a longer name ("Ruiz" after "Ana Ruiz Soto", "Takis" after "Jean-Luc Takis
        # Mbala"): Spanish, Portuguese and Central African copy shortens a person to the middle name
        if not earlier and mention.label == "PERSON":
            inner = [person for person in people if person.end <= mention.start and mention.text in person.text.split()[1:-1]]
            earlier = inner if len({person.text for person in inner}) == 1 else []
    else:
        earlier = [person for person in people if person.end <= mention.start and shortens(words, person.text.split())]
    return earlier[-1] if earlier else None


def opens(name: str, word: str) -> bool:
    """``word`` is the name's first word, or the part before the hyphen of a hyphenated first word ("Freeport" opens
    "Freeport-McMoRan", "Sibanye" opens "Sibanye-Stillwater"): news shortens such a company to its first part."""
    first = name.split()[0] if name.split() else ""
    return first == word or NAME_PART_HYPHEN.split(first, maxsplit=1)[0] == word != first


def hyphenated(name: str) -> bool:
    """A one-word name of two capitalised parts joined by a hyphen ("Freeport-McMoRan")."""
    parts = NAME_PART_HYPHEN.split(name)
    return " " not in name and len(parts) == 2 and all(part[:1].isupper() and part.isalpha() for part in parts)


def shortens(short: list[str], full: list[str]) -> bool:
    """``short`` is ``full`` without some of its middle words (same first and last word)."""
    if len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    rest = iter(full[1:-1])
    return all(word in rest for word in short[1:-1])


def company_core(name: str) -> str:
    """A company name without the group words that close it ("POSCO Holdings", "POSCO Group" -> "POSCO"); the name
    itself when it is only such words or one word."""
    words = name.split()
    group = linking_words().group_words
    while len(words) > 1 and words[-1].lower() in group:
        words.pop()
    return " ".join(words)


def bare_portfolio(name: str) -> str | None:
    """"Commerce" of "Commerce Department" / "Department of Commerce" (a country prefix allowed before); None for
    other names."""
    words = linking_words()
    parts = name.split()
    if parts and parts[0] in words.country_forms:
        parts = parts[1:]
    heads = words.invertible_heads
    if len(parts) == 2 and parts[1] in heads and parts[0][:1].isupper():
        return parts[0]
    if len(parts) == 3 and parts[0] in heads and parts[1] == "of" and parts[2][:1].isupper():
        return parts[2]
    return None


def organisation_label(mention: Named, mentions: Sequence[Named], text: str) -> bool:
    """A one-word PERSON that is an ORG elsewhere in the article at least as often and ends no person's full name
    (a person's name read as an ORG once is left to the majority rule). The ORG must head
    its noun phrase: a name between "the" and a lower-case noun modifies it ("the Example administration") and may
    be a person's."""
    if mention.label != "PERSON" or " " in mention.text:
        return False
    same = [other for other in mentions if other.text == mention.text]
    organisations = [other for other in same if other.label == "ORG"]
    if len(organisations) < len(same) - len(organisations) or all(_modifier(other, text) for other in organisations):
        return False
    return not any(other.label == "PERSON" and " " in other.text and other.text.split()[-1] == mention.text
                   for other in mentions)


def placed_town(mention: Named, text: str) -> bool:
    """A GPE right after "in"/"near" ("the business in Butte") is the town, also when a site bears its name ("its
    Butte facility")."""
    before = text[max(mention.start - 6, 0) : mention.start].lower()
    return mention.label == "GPE" and before.endswith(PLACING_PREPOSITIONS)


# The most words a line without a closing stop may hold and still read as a headline in the body.
MAX_HEADLINE_WORDS = 12


def _headline_line(mention: Named, text: str) -> bool:
    """The mention opens a short line with no closing stop: a sentence-case headline the layout left in the body
    ("Example declares force majeure on concentrate", round 8)."""
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.start)
    line = text[start : len(text) if end == -1 else end].strip()
    return line.startswith(mention.text) and len(line.split()) <= MAX_HEADLINE_WORDS and line[-1:] not in {".", ":", ";"}


def on_headline(mention: Named, text: str) -> bool:
    """The mention is on a title or heading line, or opens a sentence-case headline left in the body."""
    return getattr(mention, "zone", None) in HEADLINE_ZONES or _headline_line(mention, text)


def sole_later_name(mention: Named, long_forms: Sequence[NamedT], text: str) -> list[NamedT]:
    """The later company names a one-word title or heading mention opens when they are all one name ("Freeport" in a
    headline before "Freeport McMoRan Inc." in the body); empty when there are none or several, the mention is in
    the body (a body mention before a longer name may be the parent: "Brenmoor" before "Brenmoor Pacific") or in
    brackets (it defines the name before it: "X Co. (NFC) and NFC Kazakhstan")."""
    if not on_headline(mention, text) or text[max(mention.start - 1, 0) : mention.start] == "(":
        return []
    later = [long for long in long_forms if long.start >= mention.end and opens(long.text, mention.text)]
    return later if len({long.text for long in later}) == 1 else []


class Linked(Named, Protocol):
    @property
    def kb_id(self) -> str | None: ...
    @property
    def normalized(self) -> str: ...


LinkedT = TypeVar("LinkedT", bound=Linked)


def appositive_names(mentions: Sequence[LinkedT], text: str) -> dict[str, LinkedT]:
    """One-word short name -> the multi-word ORG it is set after with a comma (see the module's docstring); a name
    with a ``kb_id`` (a known place: "at Albemarle, Chile") is none."""
    found: dict[str, LinkedT] = {}
    for before, mention in zip(mentions, mentions[1:], strict=False):
        if before.label != "ORG" or " " not in before.text or mention.label not in APPOSITIVE_LABELS:
            continue
        if mention.kb_id is not None or " " in mention.text or not mention.text[:1].isupper():
            continue
        between, closer = text[before.end : mention.start].strip(" "), text[mention.end : mention.end + 1]
        if between not in {",", ",\n"} or closer not in APPOSITION_CLOSERS:
            continue
        found.setdefault(mention.text, before)
    return found


def acronym_with_head(definitions: dict[str, LinkedT], mentions: Sequence[Named]) -> dict[str, LinkedT]:
    """"EXIM Bank" -> the body "EXIM" stands for: a defined acronym and one of ``body_heads`` after it."""
    heads = linking_words().body_heads
    found: dict[str, LinkedT] = {}
    for mention in mentions:
        words = mention.text.split()
        if len(words) == 2 and words[1] in heads and words[0] in definitions and mention.label == "ORG":
            found[mention.text] = definitions[words[0]]
    return found


def with_short_names(definitions: dict[str, LinkedT], mentions: Sequence[LinkedT], text: str) -> dict[str, LinkedT]:
    """The bracketed definitions plus the appositive short names and the acronyms with a head word (round 8); a
    bracketed definition wins."""
    found = {**appositive_names(mentions, text), **definitions}
    found.update(acronym_with_head(found, mentions))
    return found


def named_site(mention: LinkedT, facilities: Sequence[LinkedT], text: str) -> LinkedT | None:
    """The facility this mention names (see the module's docstring), None when there is none or nothing changes."""
    if mention.label not in FACILITY_MISREADS | {"FACILITY"}:
        return None
    unknown = mention.kb_id is None and mention.label in FACILITY_MISREADS and not placed_town(mention, text)
    following = text[mention.end : mention.end + 30].split(maxsplit=1)
    before_site = bool(following) and following[0].lower().strip(".,;:") in linking_words().site_keywords
    for facility in facilities:
        if facility.text == mention.text and unknown:
            return facility
        tail = facility.text.endswith(" " + mention.text) and (mention.label == "FACILITY" or unknown or before_site)
        if tail and (facility.normalized, facility.label) != (mention.normalized, mention.label):
            return facility
    return None


def joined_sites(mention: Named, facilities: Sequence[Named]) -> bool:
    """"McArthur River/Key Lake" read as an ORG or a place: slash-joined names one of which the article writes as a
    facility are one operation, a FACILITY."""
    if mention.label not in FACILITY_MISREADS or "/" not in mention.text:
        return False
    parts = {part.strip() for part in mention.text.split("/")}
    return any(facility.text in parts for facility in facilities)


def before_common_noun(mention: Named, text: str) -> bool:
    """A lower-case word follows the name, and no company cue ("X shares" reads X as the company): a nationality
    there is an adjective ("other Asian countries", round 9), no company's short name."""
    following = text[mention.end : mention.end + 30].split(maxsplit=1)
    word = following[0].rstrip(".,;:") if following else ""
    return word[:1].islower() and word not in linking_words().company_cues_after


def named_sites(mentions: Sequence[Named], text: str) -> set[int]:
    """The FACILITY mentions (by ``id``) written before a site keyword, commodities allowed between ("the
    Australian Vanadium Project", "the Bralto copper-gold mine"): they name the site, even when a company bears
    the same name ("Australian Vanadium Ltd", "Bralto LLC")."""
    commodity_ends = {mention.start: mention.end for mention in mentions if mention.label == "COMMODITY"}
    keywords = linking_words().site_keywords
    found: set[int] = set()
    for mention in mentions:
        if mention.label != "FACILITY":
            continue
        end = mention.end
        for _ in range(MAX_SITE_COMMODITIES):
            following = end + len(text[end : end + 2]) - len(text[end : end + 2].lstrip(" "))
            if following not in commodity_ends:
                break
            end = commodity_ends[following]
        words = text[end : end + 40].split(maxsplit=1)
        if words and words[0].lower().strip(".,;:") in keywords:
            found.add(id(mention))
    return found


def placed_in(mention: Named, text: str) -> bool:
    """A place after a locative word ("talks in Lima"): the place, though a person named earlier bears its name
    ("Ricardo Lima"); elsewhere a capital that is a person's family name is that person ("Berlin said")."""
    before = text[max(mention.start - 12, 0) : mention.start].split()
    return mention.label == "GPE" and bool(before) and before[-1].lower() in linking_words().locative_words
