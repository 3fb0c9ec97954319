"""One-word PERSON names the article gives no sign of a person (issue 13, entities round 14).

The model reads many a one-word capitalised name as a person: a company named after a family or a coined word
("Terrafame", "Vanitec"), a village, a mine, a word opening a sentence ("Primary"). News copy introduces a person
by a full name, or names a known one with a title ("President X"), as the speaker of a reporting verb ("X said")
or as a leader whose government acts ("the X administration", "X's government"). A one-word PERSON that no full
person's name of the article contains and that none of its mentions so cues is no person:
- an organisation when a mention shows a company or an employer: a trade word before it ("news outlet X"), a company
  word or possession after it ("X shares", "X's operations"), the possessive before a person's full name ("X's Ann
  Example"), "of" after a person or title ("Ann Example of X", "CEO of X"), a title and a name after it ("X chief
  executive Ann Example"), or "and"/a comma joining it to an organisation ("between X and Y Corp", not after a
  locative word: "at X and Y" are places);
- else no entity at all (a place or a site the model misread keeps no wrong label).
A name that another mention gives another label, or that is a word of a longer name, is left to linking.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.article.linking_forms import Named
from pipeline.resources.entities import linking_words

POSSESSIVE_MARKS = ("'s", "’s")
PUNCTUATION = ".,;:()\"“”'‘’"
# Characters read around a mention for its cue words.
CUE_WINDOW = 60
# Most characters between a title after the name and the full name it introduces ("X chief executive Ann B").
TITLE_TO_NAME = 30
# What joins two names of one list ("X and Y", "X, Y").
JOINED = re.compile(r"\s*(?:,|and|&)\s*")
OF_AFTER_NAME = re.compile(r",?\s+of\s+$")


def _bare(word: str) -> str:
    """A word in lower case without the punctuation or possessive around it ("administration’s" -> "administration")."""
    word = word.strip(PUNCTUATION).lower()
    return word[:-2].rstrip(PUNCTUATION) if word.endswith(POSSESSIVE_MARKS) else word


def _word_before(text: str, start: int) -> str:
    words = text[max(start - CUE_WINDOW, 0) : start].split()
    return words[-1].strip(PUNCTUATION).lower() if words else ""


def _words_after(text: str, end: int) -> list[str]:
    """The lower-case words after a mention; a possessive glued to it comes first as "'s"."""
    rest = text[end : end + CUE_WINDOW]
    possessive = rest.startswith(POSSESSIVE_MARKS)
    words = [_bare(word) for word in rest[2 if possessive else 0 :].split()[:3]]
    return ["'s", *words] if possessive else words


def _person_cue(mention: Named, text: str) -> bool:
    """A title or a reporting verb before the name, a reporting verb or a leader's body after it."""
    words = linking_words()
    before = _word_before(text, mention.start)
    after = _words_after(text, mention.end)
    if before in words.person_titles or before in words.reporting_verbs:
        return True
    if after and after[0] == "'s":
        return len(after) > 1 and after[1] in words.leader_bodies
    return bool(after) and (after[0] in words.reporting_verbs or after[0] in words.leader_bodies)


def _full_people(mentions: Sequence[Named]) -> list[Named]:
    return [mention for mention in mentions if mention.label == "PERSON" and " " in mention.text]


def _organisation_cue(mention: Named, mentions: Sequence[Named], text: str) -> bool:
    """A company word around the mention, or a person or organisation it stands beside as employer or partner."""
    words = linking_words()
    after = _words_after(text, mention.end)
    if _word_before(text, mention.start) in words.company_cues_before:
        return True
    if after and (after[0] in words.company_cues_after or after[0] == "'s" and len(after) > 1
                  and after[1] in words.company_possessions):
        return True
    people = _full_people(mentions)
    if after and after[0] == "'s" and any(0 < person.start - mention.end <= 3 for person in people):
        return True  # "X's Ann Example": the employer
    if (cut := OF_AFTER_NAME.search(text[max(mention.start - CUE_WINDOW, 0) : mention.start])) is not None:
        cut_at = max(mention.start - CUE_WINDOW, 0) + cut.start()
        if any(person.end == cut_at for person in people) or _word_before(text, cut_at) in words.person_titles:
            return True  # "Ann Example of X", "CEO of X"
    if after and after[0] in words.person_titles and any(
            0 < person.start - mention.end <= TITLE_TO_NAME for person in people):
        return True  # "X chief executive Ann Example"
    for other in mentions:
        if other.label != "ORG":
            continue
        between = text[other.end : mention.start] if other.end <= mention.start else text[mention.end : other.start]
        if JOINED.fullmatch(between) and _word_before(text, min(other.start, mention.start)) not in words.locative_words:
            return True  # "between X and Y Corp"; "at X and Y" names places
    return False


def lone_person_labels(mentions: Sequence[Named], text: str) -> list[str | None]:
    """Each mention's label after this rule: its own, "ORG" for a one-word PERSON shown to be an organisation, None
    for one shown to be no person (the record goes)."""
    labels: list[str | None] = []
    decided: dict[str, str | None] = {}
    for mention in mentions:
        name = mention.text
        if mention.label != "PERSON" or " " in name or not name[:1].isupper():
            labels.append(mention.label)
            continue
        if name not in decided:
            decided[name] = _reading(name, mentions, text)
        labels.append(decided[name])
    return labels


def _reading(name: str, mentions: Sequence[Named], text: str) -> str | None:
    same = [mention for mention in mentions if mention.text == name]
    if any(name in mention.text.split() for mention in mentions if mention.label != "PERSON" or " " in mention.text):
        return "PERSON"  # a person's full name, or another reading linking weighs ("Example" of "Example Mining")
    if any(_person_cue(mention, text) for mention in same):
        return "PERSON"
    return "ORG" if any(_organisation_cue(mention, mentions, text) for mention in same) else None
