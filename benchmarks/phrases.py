"""Score orewire on other tools' own test corpora: phrasing nobody here wrote or tuned on.

Two corpora, both read at run time and never copied into the repository:

* quantities: quantulum3's English test sets as installed (``quantities.json`` and
  ``quantities.ambiguity.json`` under ``quantulum3/_lang/en_US/tests``, found with importlib).
  Every expected value whose unit is money, mass, a price per mass or a percentage is converted
  to orewire's canonical unit (ISO 4217 currency, ``t``, ``CUR/t``, ``%``) and counted right when a
  quantity record of that unit has the value (a range counts by its midpoint, as quantulum3
  reports ranges). quantulum3 itself is scored the same way on the same items.
* dates: duckling's English time corpus (``Duckling/Time/EN/Corpus.hs``), cached outside the
  repository under ``$OREWIRE_PHRASES_CACHE`` (default ``~/.cache/orewire/phrases``) as recorded in
  ``benchmarks/phrases_sources.json`` (url, commit, sha256). Examples at day, week, month, quarter
  or year grain are fed one phrase per article, published on duckling's reference day
  (2013-02-12); a date record is right when its calendar bounds (or TIMEX value) equal the
  expectation. Duckling resolves bare weekdays, year-less dates, quarters and holidays forward (an
  assistant's convention) where SPEC §3 takes the nearest date, and reads "last 2 weeks" as whole
  calendar weeks where orewire counts the span up to the reference; so dates are scored twice: with
  orewire's defaults (SPEC) and as a user whose text follows duckling's conventions would configure
  them (``Extractor(date_direction="forward", date_windows="calendar")``). Without the cache the date
  part is skipped with a message.

    python benchmarks/phrases.py            # both parts, summary
    python benchmarks/phrases.py --split dev --misses   # the dev half (even items) and its misses
    python benchmarks/phrases.py --split test           # the test half (odd items): score only
    python benchmarks/phrases.py --json
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import os
import re
import sys
import warnings
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import Article, Extractor  # noqa: E402

SOURCES = Path(__file__).resolve().parent / "phrases_sources.json"
QUANTULUM_TESTS = ("quantities.json", "quantities.ambiguity.json")
TOLERANCE = 1e-3

# quantulum3 unit name -> (orewire canonical unit, factor to it). Only money, mass, money per
# mass and percent are in scope; a cent or dime counts as USD (SPEC: a bare dollar is USD).
CANONICAL: dict[str, tuple[str, float]] = {
    "dollar": ("USD", 1.0),
    "euro": ("EUR", 1.0),
    "pound sterling": ("GBP", 1.0),
    "penny": ("GBP", 0.01),
    "cent": ("USD", 0.01),
    "dime": ("USD", 0.1),
    "yen": ("JPY", 1.0),
    "yuan": ("CNY", 1.0),
    "milligram": ("t", 1e-9),
    "gram": ("t", 1e-6),
    "kilogram": ("t", 1e-3),
    "tonne": ("t", 1.0),
    "ton per day": ("t", 1.0),
    "pound-mass": ("t", 0.45359237e-3),
    "ounce": ("t", 28.349523125e-6),
    "dollar per kilogram": ("USD/t", 1000.0),
    "percentage": ("%", 1.0),
}

DATE_GRAINS = ("Day", "Week", "Month", "Quarter", "Year")
DUCKLING_REFERENCE = "2013-02-12"
_EXAMPLE = re.compile(
    r"examples\s*\(\s*(?P<kind>datetimeInterval|datetimeOpenInterval|datetime)\s*"
    r"(?P<args>\(.*?\))\s*(?P<grain>[A-Z][a-z]+)\)\s*(?:--[^\n]*\n\s*)?\[(?P<phrases>.*?)\n\s*\]",
    re.S)
_TUPLE = re.compile(r"\((\d+),\s*(\d+),\s*(\d+),\s*\d+,\s*\d+,\s*\d+\)")
_PHRASE = re.compile(r'"((?:[^"\\]|\\.)*)"')


@dataclass
class Share:
    """Right answers out of expected values, with the misses kept for reading."""

    right: int = 0
    total: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)

    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def found_rate(self) -> float | None:
        return self.found / self.total if self.total else None


# --- quantities ---------------------------------------------------------------------------


def quantulum_tests() -> Traversable | None:
    """The folder of quantulum3's English tests as installed, or None."""
    try:
        folder = files("quantulum3").joinpath("_lang", "en_US", "tests")
    except ModuleNotFoundError:
        return None
    return folder if folder.joinpath(QUANTULUM_TESTS[0]).is_file() else None


def expected_values(item: dict[str, Any]) -> list[tuple[str, float]]:
    """The in-scope expectations of one quantulum3 test item, in orewire's units."""
    out = []
    for result in item["res"]:
        unit = CANONICAL.get(result["unit"])
        if unit is not None:
            out.append((unit[0], float(result["value"]) * unit[1]))
    return out


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-12)


def score_values(expected: list[tuple[str, float]], predicted: list[tuple[str, float]]) -> list[bool]:
    """One-to-one: for each expectation, whether an unused prediction has its unit and value."""
    unused = list(predicted)
    hits = []
    for unit, value in expected:
        match = next((p for p in unused if p[0] == unit and _close(p[1], value)), None)
        if match is not None:
            unused.remove(match)
        hits.append(match is not None)
    return hits


def orewire_values(records: list[Any]) -> list[tuple[str, float]]:
    out = []
    for record in records:
        if getattr(record, "type", None) != "quantity" or record.unit is None:
            continue
        if record.value is not None:
            out.append((record.unit, float(record.value)))
        elif record.low is not None and record.high is not None:
            out.append((record.unit, (float(record.low) + float(record.high)) / 2))
    return out


def quantulum_values(text: str) -> list[tuple[str, float]]:
    from quantulum3 import parser

    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantities = parser.parse(text)
    for quantity in quantities:
        unit = CANONICAL.get(quantity.unit.name)
        if unit is not None:
            out.append((unit[0], float(quantity.value) * unit[1]))
    return out


def in_split(number: int, split: str) -> bool:
    """Items alternate: even numbers are the dev half (read its misses), odd ones the test half (score only)."""
    return split == "all" or (number % 2 == 0) == (split == "dev")


def score_quantities(extractor: Extractor, split: str = "all") -> dict[str, dict[str, Share]]:
    """Per quantulum3 test file: orewire's and quantulum3's shares of in-scope values right."""
    folder = quantulum_tests()
    if folder is None:
        return {}
    results: dict[str, dict[str, Share]] = {}
    for name in QUANTULUM_TESTS:
        items = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        shares = {"orewire": Share(), "quantulum3": Share()}
        for number, item in enumerate(items):
            expected = expected_values(item)
            if not expected or not in_split(number, split):
                continue
            extraction = next(extractor.extract_many([Article(doc_id=f"q{number}", text=item["req"])]))
            predictions = {"orewire": orewire_values(extraction.records) if extraction.ok else [],
                           "quantulum3": quantulum_values(item["req"])}
            for tool, predicted in predictions.items():
                share = shares[tool]
                for (unit, value), hit in zip(expected, score_values(expected, predicted), strict=True):
                    share.total += 1
                    share.right += hit
                    share.found += bool(predicted)
                    if not hit:
                        share.misses.append(f"{item['req']!r}: want {value:g} {unit}, got {predicted}")
        results[name] = shares
    return results


# --- dates --------------------------------------------------------------------------------


def phrases_cache() -> Path:
    return Path(os.environ.get("OREWIRE_PHRASES_CACHE") or Path.home() / ".cache" / "orewire" / "phrases")


def cached_source(key: str) -> str | None:
    """The cached text of source ``key`` if present and matching its recorded sha256, else None."""
    source = json.loads(SOURCES.read_text(encoding="utf-8"))[key]
    path = phrases_cache() / source["cache_file"]
    if not path.is_file():
        print(f"{key}: cache absent at {path}: dates skipped (see benchmarks/phrases_sources.json)")
        return None
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != source["sha256"]:
        print(f"{key}: cached text differs from the recorded sha256: dates skipped")
        return None
    return data.decode("utf-8")


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def grain_bounds(day: date, grain: str) -> tuple[date, date]:
    """Inclusive calendar bounds of the ``grain`` period starting on ``day``."""
    if grain == "Day":
        return day, day
    if grain == "Week":
        return day, day + timedelta(days=6)
    if grain == "Month":
        return day, _last_day(day.year, day.month)
    if grain == "Quarter":
        return day, _last_day(day.year, day.month + 2)
    return day, date(day.year, 12, 31)


def duckling_examples(text: str, split: str = "all") -> list[tuple[str, str, date, date]]:
    """(phrase, grain, first day, last day) for every in-scope example of a duckling corpus in ``split``.

    The split is by example (a value with its paraphrases), so no paraphrase of a dev example is in test.
    """
    out = []
    for number, match in enumerate(_EXAMPLE.finditer(text)):
        if not in_split(number, split):
            continue
        grain = match["grain"]
        if grain not in DATE_GRAINS or match["kind"] == "datetimeOpenInterval":
            continue
        days = [date(int(y), int(m), int(d)) for y, m, d in _TUPLE.findall(match["args"])]
        if match["kind"] == "datetime":
            start, end = grain_bounds(days[0], grain)
        else:
            start, end = days[0], days[1] - timedelta(days=1)
        for phrase in _PHRASE.findall(match["phrases"]):
            out.append((phrase.replace('\\"', '"'), grain, start, end))
    return out


def score_dates(extractor: Extractor, split: str = "all") -> Share | None:
    text = cached_source("duckling_time_en")
    if text is None:
        return None
    share = Share()
    examples = duckling_examples(text, split)
    articles = [Article(doc_id=f"d{number}", text=phrase, published=DUCKLING_REFERENCE)
                for number, (phrase, *_rest) in enumerate(examples)]
    for (phrase, grain, start, end), extraction in zip(examples, extractor.extract_many(articles), strict=True):
        dates = [r for r in extraction.records if getattr(r, "type", None) == "date"] if extraction.ok else []
        share.total += 1
        share.found += bool(dates)
        want = (start.isoformat(), end.isoformat())
        if any((r.start_date, r.end_date) == want for r in dates):
            share.right += 1
        else:
            got = [(r.text, getattr(r, "timex", None) or getattr(r, "value", None), r.start_date, r.end_date)
                   for r in dates] or (extraction.error or "nothing")
            share.misses.append(f"{phrase!r} ({grain}): want {want[0]}..{want[1]}, got {got}")
    return share


# --- report -------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def main() -> int:
    parser = argparse.ArgumentParser(description="Score orewire on other tools' own test corpora.")
    parser.add_argument("--misses", action="store_true", help="list every miss (dev half only)")
    parser.add_argument("--split", choices=("all", "dev", "test"), default="all",
                        help="dev: even items (tune on them, read their misses); test: odd items (score only)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.misses and args.split != "dev":
        parser.error("--misses reads errors: only with --split dev (the test half is scored, never read)")
    extractor = Extractor()
    quantities = score_quantities(extractor, args.split)
    dates = score_dates(extractor, args.split)
    del extractor
    forward = (score_dates(Extractor(date_direction="forward", date_windows="calendar"), args.split)
               if dates is not None else None)
    if args.json:
        print(json.dumps({
            "quantities": {name: {tool: {"right": s.right, "total": s.total, "share": s.value()}
                                  for tool, s in shares.items()} for name, shares in quantities.items()},
            "dates": _date_json(dates),
            "dates_forward": _date_json(forward),
        }, indent=2))
        return 0
    if not quantities:
        print("quantulum3 not installed: quantities skipped")
    else:
        print(f"money, mass and percent values right (quantulum3's own English tests; split: {args.split})")
        print(f"{'corpus':<28}{'values':>8}{'orewire':>10}{'quantulum3':>12}")
        for name, shares in quantities.items():
            print(f"{name:<28}{shares['orewire'].total:>8}{_pct(shares['orewire'].value()):>10}"
                  f"{_pct(shares['quantulum3'].value()):>12}")
    if dates is not None and forward is not None:
        print(f"dates (duckling EN corpus, {dates.total} phrases at day..year grain; split: {args.split})")
        print(f"  orewire's defaults (SPEC §3: nearest date, rolling windows):     right {_pct(dates.value())}, "
              f"found {_pct(dates.found_rate())}")
        print(f"  configured as duckling's convention (forward, calendar windows): right {_pct(forward.value())}, "
              f"found {_pct(forward.found_rate())}")
    if args.misses:
        for name, shares in quantities.items():
            for line in shares["orewire"].misses:
                print(f"quantity\t{name}\t{line}")
        for line in (dates.misses if dates is not None else []):
            print(f"date\t{line}")
        for line in (forward.misses if forward is not None else []):
            print(f"date-forward\t{line}")
    return 0


def _date_json(share: Share | None) -> dict[str, Any] | None:
    if share is None:
        return None
    return {"right": share.right, "found": share.found, "total": share.total,
            "share": share.value(), "found_rate": share.found_rate()}


if __name__ == "__main__":
    raise SystemExit(main())
