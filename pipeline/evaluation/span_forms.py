"""Date and quantity records sorted by the written form of their text, each with its scored outcome.

A form bucket ("a bare year", "a weekday", "a count of people") gathers records that one rule of the
date or quantity stage writes, so its precision says whether that rule carries over to text nobody
read. The outcome of each record is the one ``pipeline.evaluation.facts.score_document`` gives it:
the same greedy one-to-one matching, the same equality, so the bucket counts add up to the scorer's.
Gold facts have no offsets but keep their text, so a missed gold fact is bucketed by the same form
classifier (its quantity head word is unknown: a missed count falls in the "count, head unknown" bucket).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.evaluation.facts import GoldDate, GoldFact, GoldQuantity, date_value, match_pairs, quantity_matches
from pipeline.text.calendar_names import MONTHS, WEEKDAYS


@dataclass(frozen=True)
class Outcome:
    """One record (predicted or gold) with its form bucket and whether the scorer matched it."""

    doc_id: str
    kind: str  # "date" or "quantity"
    form: str
    matched: bool
    predicted: bool  # False: a gold fact
    # Unmatched, and the other side of the same document writes the same text unmatched too: the span was found
    # and its value (or unit) is what differs, rather than a date or quantity the gold does not have at all.
    wrong_value: bool = False


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# (bucket, pattern) in order: the first pattern that finds a match in the lower-cased text names the bucket.
_DATE_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern)) for name, pattern in (
    ("clock time", r"\d:\d\d|\b\d{4}\s*(?:gmt|utc)\b|\b[ap]\.?m\.?(?!\w)"),
    ("numeric date", rf"\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}\b|\b(?:{_MONTH})-\d{{1,2}}-\d{{2,4}}\b"),
    ("fiscal", r"\bfy|fiscal|financial year"),
    ("quarter/half", r"\bq[1-4]\b|quarter|\bh[12]\b|\b[12]h\d\d\b|\bhalf\b|semester"),
    ("season", r"spring|summer|autumn|\bfall\b|winter"),
    ("day deixis", r"\b(?:today|yesterday|tomorrow|tonight|weekend)\b"),
    ("first months of a period", r"\bfirst\s+(?:\w+\s+)?(?:months|weeks|days)\b"),
    ("edge of a period", r"\b(?:end|start|beginning|middle|rest|turn|latter part|close)\s+of\b|\b(?:early|mid|late)\b"
                         r"|['’]s\s+end\b"),
    ("year range", rf"{_YEAR}\s*(?:-|–|to|and|/|or|through)\s*(?:{_YEAR}|\d\d)\b"),
    ("relative unit", r"\b(?:year|month|quarter)[- ]to[- ]date\b|\bytd\b"),
    ("range", r"\bbetween\b|\bfrom\b|\bthrough\b|\buntil\b|\bto\b|\band\b|–|-"),
    ("weekday", rf"\b(?:{_WEEKDAY})\b"),
    ("day-month(-year)", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b|\b(?:{_MONTH})\.?\s+\d{{1,2}}(?!\d)"),
    ("month-year", rf"\b(?:{_MONTH})\.?,?\s+(?:of\s+)?['’]?(?:{_YEAR}|\d\d)\b"),
    ("relative unit", rf"\b(?:last|next|this|past|coming|previous)\s+(?:{_MONTH})\b"),
    ("bare month", rf"^(?:(?:in|on|of|the)\s+)*(?:{_MONTH})\.?$"),
    ("decade", r"\b(?:1[89]|20)\d0['’]?s\b|decade"),
    ("span of units", r"\b(?:next|past|last|coming|previous|over)\s+(?:\w+\s+)?(?:\w+\s+)?(?:years|months|weeks|days)\b"),
    ("relative unit", r"\b(?:this|last|next|previous|past|coming|current|same)\s+(?:year|month|week|quarter)\b"
                      r"|\b(?:a|one|\w+)\s+(?:year|month|week|day)s?\s+(?:ago|earlier|later|before)\b"),
    ("relative word", r"\b(?:now|currently|current|recent|recently|soon|earlier|later|lately|present|presently)\b"),
    ("bare year", rf"^(?:(?:in|of|the|by|year|calendar)\s+)*{_YEAR}$"),
))


def date_form(text: str) -> str:
    """The form bucket of a date's written text ("other" when none fits)."""
    lowered = " ".join(text.lower().split())
    return next((name for name, pattern in _DATE_FORMS if pattern.search(lowered)), "other")


_SPELLED_NUMBER = re.compile(r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|"
                             r"a dozen|several|hundreds|thousands)$", re.IGNORECASE)
_RANGE = re.compile(r"\d\s*(?:-|–|to|and)\s*\S*\d|between|from", re.IGNORECASE)
# The head noun classes of a count, read from the word after the number (an adjective or two may stand between).
# Kept apart from the quantity stage's word table (models/quantities/words.json) on purpose: the buckets measure that
# stage's rules, so they must not move when its lists do.
COUNT_HEADS: Mapping[str, frozenset[str]] = {
    "people": frozenset({"people", "workers", "jobs", "employees", "staff", "miners", "residents", "protesters",
                         "contractors", "fighters", "families", "children", "persons", "members", "households"}),
    "sites": frozenset({"mines", "projects", "plants", "smelters", "refineries", "facilities", "deposits", "sites",
                        "blocks", "operations", "licences", "licenses", "permits", "concessions", "wells", "bodies",
                        "prospects", "tenements", "locations", "phases", "stages", "units", "samples", "holes"}),
    "organisations": frozenset({"companies", "firms", "funds", "groups", "subsidiaries", "producers", "banks",
                                "investors", "partners", "suppliers", "buyers", "startups", "miners'", "programs",
                                "programmes", "agencies", "entities"}),
    "places": frozenset({"countries", "states", "provinces", "districts", "regions", "nations", "cities",
                         "villages", "territories", "continents", "areas"}),
    "shares": frozenset({"shares", "options", "warrants", "securities", "stocks"}),
    "things named": frozenset({"elements", "minerals", "metals", "categories", "products", "items", "types",
                               "materials", "commodities", "pages", "times", "days", "rounds"}),
}


def count_head(following: str) -> str:
    """The head noun class of a count from the words after its number ("head unknown" when none is known)."""
    words = re.findall(r"[a-z']+", following.lower())[:4]
    for word in words:
        for name, heads in COUNT_HEADS.items():
            if word in heads:
                return name
    return "head unknown"


def quantity_form(record: Mapping[str, Any], following: str | None = None) -> str:
    """The bucket of a quantity: its type and unit, and for a count its number's form and, given the words
    ``following`` it, its head noun class (a gold fact has no position, so none)."""
    text = str(record.get("text") or "")
    quantity_type = str(record.get("quantity_type"))
    ranged = record.get("low") is not None or record.get("high") is not None or bool(_RANGE.search(text))
    shape = "range" if ranged else "single"
    if quantity_type == "count":
        number = "spelled" if _SPELLED_NUMBER.match(text.strip()) else "digits"
        head = "" if following is None else f", {count_head(following)}"
        return f"count {number} {shape}{head}"
    unit = record.get("unit")
    return f"{quantity_type} {unit or '-'} {shape}"


def _following(text: str | None, record: Mapping[str, Any]) -> str | None:
    end = record.get("end")
    return text[end:end + 60] if text is not None and isinstance(end, int) else None


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


def _kind_outcomes(doc_id: str, kind: str, gold: Sequence[GoldDate | GoldQuantity],
                   records: Sequence[Mapping[str, Any]], same: Callable[[Any, Any], bool],
                   record_form: Callable[[Mapping[str, Any]], str], gold_form: Callable[[Any], str]) -> list[Outcome]:
    hits = match_pairs(gold, records, same)
    used = {hit for hit in hits if hit is not None}
    missed_texts = {_folded(fact.text) for fact, hit in zip(gold, hits, strict=True) if hit is None}
    false_texts = {_folded(str(record.get("text") or "")) for index, record in enumerate(records) if index not in used}
    outcomes = [Outcome(doc_id, kind, record_form(record), index in used, True,
                        index not in used and _folded(str(record.get("text") or "")) in missed_texts)
                for index, record in enumerate(records)]
    outcomes.extend(Outcome(doc_id, kind, gold_form(fact), hit is not None, False,
                            hit is None and _folded(fact.text) in false_texts)
                    for fact, hit in zip(gold, hits, strict=True))
    return outcomes


def document_outcomes(doc_id: str, gold: Sequence[GoldFact], records: Sequence[Mapping[str, Any]],
                      text: str | None = None) -> list[Outcome]:
    """Every date and quantity record of one document, and every gold date and quantity, with form and outcome.

    ``text`` (the article) lets a count be bucketed by the noun after it; without it the head is unknown.
    """
    dates = [record for record in records if record["type"] == "date"]
    quantities = [record for record in records if record["type"] == "quantity"]
    return [
        *_kind_outcomes(doc_id, "date", [fact for fact in gold if isinstance(fact, GoldDate)], dates,
                        lambda g, p: g.timex == date_value(p), lambda record: date_form(str(record.get("text") or "")),
                        lambda fact: date_form(fact.text)),
        *_kind_outcomes(doc_id, "quantity", [fact for fact in gold if isinstance(fact, GoldQuantity)], quantities,
                        quantity_matches, lambda record: quantity_form(record, _following(text, record)),
                        lambda fact: quantity_form(fact.model_dump(), None)),
    ]
