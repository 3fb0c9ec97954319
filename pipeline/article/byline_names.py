"""Bylines set as a line of names (issue 13, entities round 14).

Pages print the writers of a story on a line of their own, with no "By": under the story's date ("December 11,
2025" / "Ann Example and Bo Example") or over it (twelfth session), under a label line ("Author"), or over the
writer's role ("Ann Example" / "Senior Markets Correspondent ann@example.com"). docs/annotation.md: bylines are
not annotated. A line that holds only person names (joined by "and", "&" or commas) in one of those places is
such a byline; its names are no entities. The same names in the story's text stay.

Twelfth session: a source line set the same way, an agency or publisher alone on its line over the story's date
stamp ("The Agency" / "Published Monday, June 11, 2018 9:26AM") or over its own credit with a place ("Agency" /
"Agency, Washington,", itself over the stamp), credits the story: the guide leaves publishers and credited
agencies out. An agency the story quotes ("told the Agency") stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.article.linking_forms import Named
from pipeline.resources.person_cues import person_cues
from pipeline.text.calendar_names import MONTHS, WEEKDAYS

# What may stand between the names of a byline line.
NAME_JOINERS = re.compile(r"[\s,&]*(?:and[\s,&]+)?")
# A year on a line: the line is a date or a "Published ..." stamp when it is short.
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MAX_DATE_LINE_WORDS = 8
# A date stamp under a source line: a year and a month, weekday, clock time or stamp word ("Published"), in at most
# MAX_STAMP_WORDS words ("Wed, Mar 4, 2026, 9:15 AM 3 min read").
CLOCK = re.compile(r"\d:\d\d")
MAX_STAMP_WORDS = 12
# The most words of an agency's credit with its place ("Agency, Washington,").
MAX_PLACED_CREDIT_WORDS = 4


def _line(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def _neighbour(text: str, start: int, end: int, *, before: bool) -> str:
    """The nearest non-empty line above (``before``) or below the line ``start``-``end``, stripped."""
    lines = text[:start].splitlines() if before else text[end:].splitlines()
    found = [line.strip() for line in (reversed(lines) if before else lines) if line.strip()]
    return found[0] if found else ""


def _byline_place(line: str, above: str, below: str) -> bool:
    words = person_cues()
    dated = bool(YEAR.search(above)) and len(above.split()) <= MAX_DATE_LINE_WORDS
    labelled = above.lower().rstrip(" :") in words.byline_labels
    role = below.split()[:4]
    return (dated or labelled or below == line or any(word.lower().strip(",") in words.byline_roles for word in role)
            or _date_stamp(below))  # twelfth session: over the story's date stamp, as a source line


def _date_stamp(line: str) -> bool:
    """A short line with a year and a calendar word, clock time or stamp word ("December 15, 2025")."""
    return bool(YEAR.search(line)) and len(line.split()) <= MAX_STAMP_WORDS and _stamp_words(line)


def byline_names(mentions: Sequence[Named], text: str) -> set[int]:
    """Indexes of the PERSON mentions that stand on a byline line (see the module's docstring)."""
    found: set[int] = set()
    lines: dict[tuple[int, int], list[int]] = {}
    for index, mention in enumerate(mentions):
        lines.setdefault(_line(text, mention.start), []).append(index)
    for (start, end), members in lines.items():
        if any(mentions[i].label != "PERSON" for i in members):
            continue
        rest, cursor = [], start
        for i in sorted(members, key=lambda i: mentions[i].start):
            rest.append(text[cursor : mentions[i].start])
            cursor = mentions[i].end
        rest.append(text[cursor:end])
        if not all(NAME_JOINERS.fullmatch(part) for part in rest):
            continue
        line = text[start:end].strip()
        if _byline_place(line, _neighbour(text, start, end, before=True), _neighbour(text, start, end, before=False)):
            found.update(members)
    return found


def source_lines(mentions: Sequence[Named], text: str) -> set[int]:
    """Indexes of the ORG mentions alone on a source line (see the module's docstring, twelfth session)."""
    found: set[int] = set()
    for index, mention in enumerate(mentions):
        if mention.label != "ORG":
            continue
        start, end = _line(text, mention.start)
        line = text[start:end].strip().removeprefix("The ")
        placed = line.startswith(mention.text + ",") and len(line.split()) <= MAX_PLACED_CREDIT_WORDS  # "Agency, City,"
        if line != mention.text and not placed:
            continue
        below = _neighbour(text, start, end, before=False)
        if _date_stamp(below) or not placed and below.startswith(mention.text + ","):
            found.add(index)
    return found


def _stamp_words(line: str) -> bool:
    """A calendar word, a clock time or a stamp word (``stamp_words``) on the line."""
    words = {word.strip(".,:;•|()").lower() for word in line.split()}
    return bool(words & _calendar_words()) or CLOCK.search(line) is not None


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Month and weekday names and the stamp words, joined once."""
    return frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(person_cues().stamp_words)
