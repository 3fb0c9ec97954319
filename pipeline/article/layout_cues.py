"""The segmentation stage's cues and line patterns: the data model of ``models/layout/layout.json`` and the
regular expressions that recognise datelines, phone and contact lines, headings and sentence ends.

Kept apart from ``segment.py`` (which decides each line's zone) so that module stays one job.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from pipeline.article.layout import Line


class LayoutCues(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str
    dateline_prefixes: list[str]
    related_headers: list[str]
    navigation_lines: list[str]
    boilerplate_starts: list[str]
    byline_starts: list[str]
    max_heading_chars: int
    max_heading_words: int
    max_plain_heading_words: int
    max_title_chars: int
    min_title_words: int = 1
    max_standfirst_lines: int = 0  # short lines between a sentence-case headline and the first long paragraph
    max_contact_chars: int
    min_title_case_ratio: float
    min_repeated_title_share: float  # a body line this long a prefix of the title is the title repeated
    min_repeated_line_chars: int  # a line at least this long seen earlier in the article is a repeat
    headline_lower_words: list[str]  # short function words that stay lower-case in title-case headlines
    # Page furniture that is never a heading: words of a line that only gives a date or time, and the
    # "Label :" line of a page's metadata table (its value on the next line is no heading either).
    time_words: list[str] = []
    metadata_label: str = "(?!)"
    # A page's relative timestamp on a line of its own ("5 hours ago"): furniture, no fact of the story.
    elapsed_time_line: str = "(?!)"
    # A line in another language (an aggregator's paywall or membership line): ISO 639-1 codes whose
    # spaCy stop words mark it, and how many such words it needs (pipeline/text/language.py).
    foreign_languages: list[str] = []
    min_foreign_stop_words: int = 3
    # A crawler's date stamp glued before the page's first line ("date 2024-03-16 Advertisement"): it is a
    # dateline, and what follows it on the line is the page's own first line.
    stamp_prefix: str = "(?!)"
    # A page's reading time ("3 min read"): a furniture line, and the end of a dateline that shares its line
    # ("Wed, Mar 4, 2026, 5:42 PM 3 min read").
    reading_time: str = "(?!)"
    # Page furniture (pipeline/article/furniture.py): patterns of a short furniture line (photo credits and
    # captions, reading time, comment form, a breadcrumb ending in a bar), headers over a list of other
    # stories inside the page, and the shape of such a list: at least min_teaser_run title-case headlines
    # of at least min_teaser_words words. A text whose lines run on in lower case at least min_wrapped_share
    # of the time is hard-wrapped (its capitalised lines are no headline list).
    furniture_patterns: list[str] = []
    inline_related_headers: list[str] = []
    min_teaser_run: int = 2
    min_teaser_words: int = 4
    min_wrapped_share: float = 0.15
    min_teaser_title_case: float = 0.85
    # A header over a list of the site's other stories ("Latest News", "More news from Business"; whole line, or its
    # start for a section's name after it): the list is a Related strip whose first headline alone is annotated.
    story_list_headers: list[str] = []
    story_list_header_starts: list[str] = []
    # A line pointing to another story ("ALSO READ: <headline>"): a teaser of it (zone related).
    link_starts: list[str] = []
    # A credit line naming the story's source ("Source: <outlet> | <date>"): boilerplate, but a date ending it is
    # the story's own date (pipeline/article/furniture.py ``credit_date``).
    credit_starts: list[str] = []


# A dateline may share its line with other page metadata: "Dec 12, 2025 | Source: ...".
# The lookbehind starts a match only where a whitespace run starts: linear, not quadratic, on long runs.
DATELINE_SEPARATOR = re.compile(r"(?<!\s)\s+[|·•]\s+")
# A comma in a byline, after which the page's date may follow the names ("By A. Writer, Feb 02, 2018").
BYLINE_COMMA = re.compile(r",[ \t]+")
# A weekday or a number right before such a comma: the comma is inside the date ("on Tue, 18 Jun 2019").
INSIDE_DATE = re.compile(r"(?:\b(?:mon|tues?|wed|thu|thurs?|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\.?|\d)$",
                         re.IGNORECASE)
# No dateline line is longer; longer lines are not parsed as one (bounds the regex work per line).
MAX_DATELINE_CHARS = 300
DEADLINE_CHECK_LINES = 256
NUMBERED_HEADING = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}|[A-H])[.)、]\s+\S")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# One phone number, or several separated by commas or slashes ("99588 16305, 98103 35381").
PHONE_LINE = re.compile(r"^[\s(+]*\d[\d\s().+-]{6,}\d(?:\s*[,;/]\s*[(+]*\d[\d\s().+-]{6,}\d)*\s*$")
# A line that is one numeric date ("2015-3-3", "10-31-74", "25.12.1999"): a date line, though PHONE_LINE matches it.
_DAY_OR_MONTH = r"(?:0?[1-9]|[12]\d|3[01])"
NUMERIC_DATE_LINE = re.compile(
    r"^\s*(?:(?:19|20)\d\d([-.])" + _DAY_OR_MONTH + r"\1" + _DAY_OR_MONTH
    + r"|" + _DAY_OR_MONTH + r"([-.])" + _DAY_OR_MONTH + r"\2(?:(?:19|20)\d\d|\d\d))\s*$"
)
DATE_TIME_SLASH = re.compile(r"(?<=\d)\s+/\s+(?=\d{1,2}:\d{2})")
SECTION_LABEL = re.compile(r"[^\W\d][\w&' ]{0,40}?\s[-–—|]\s+")
# Page furniture lines skipped above the headline at most (help desk, phone numbers, a site name).
MAX_LEADING_FURNITURE = 3
# International (+86 21 5155 0306) or bracketed-area ((02) 9876 5432) phone numbers.
PHONE = re.compile(
    r"\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,5}){1,4}"
    r"|\(\d{2,5}\)\s?\d{3,4}[\s.-]\d{3,4}"
)
SENTENCE_END = re.compile(r"[.!;:。]['\"’”)]?\s*$")
CONTINUES = re.compile(r"[,;:(\[\-–—/&]\s*$")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
DATE_TOKEN = re.compile(r"[A-Za-z]+|\d+")


def repeats_title(line: Line, title_key: str | None, min_share: float) -> bool:
    """A body line that is the headline again, whole or cut short: a scraped page repeats its title
    (page header, "Full story" copy, social card) and each copy would repeat the title's facts."""
    if not title_key:
        return False
    key = line.key
    return key == title_key or len(key) >= min_share * len(title_key) and title_key.startswith(key)


def ends_paragraph(previous: Line, line: Line) -> bool:
    """A line ending a sentence, followed by one starting a new one, closes a paragraph."""
    first = line.stripped[:1]
    starts_sentence = first.isupper() or first.isdigit() or first in "\"'“‘("
    return starts_sentence and bool(SENTENCE_END.search(previous.stripped))
