"""Article-level hints: what a whole article says about a bare ``$``, ``¥`` and its fiscal calendar.

SPEC §3 decides ``$`` and ``¥`` from the *article* context, but the stages see one block at a
time. The extractor calls :func:`article_hints` once per article and puts the result in every
block's context (``BlockContext["hints"]``); the quantity and date stages use their block's own
evidence first and these hints only as the fallback.

The cue words are data: the currency cues of ``models/quantities/currencies.json``
(``dollar_variants``, ``us_dollar_markers``, ``china_cues``, ``japan_cues``) and the fiscal
calendars of ``models/dates/lexicon.json``, the same lists the block-level rules read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import pycountry

from pipeline.resources.dates import FiscalCalendar, load_lexicon
from pipeline.resources.quantities import load_currencies
from pipeline.schema.annotations import ArticleHints
from pipeline.text.conversions import bracketed_conversions
from pipeline.text.numbers import writes_decimal_commas

# Cue matches are whole markers: "A$" not inside "CA$", "USD" not inside "USDA".
_BEFORE = r"(?<![A-Za-z0-9])"
_AFTER_WORD = r"(?![A-Za-z])"


class _Scan:
    """A cue regex whose alternatives open with a zero-width test (``\\b``, a lookbehind), found fast.

    A test in front stops ``re`` from skipping ahead to the alternatives' first characters, so it
    tries every alternative at every position (the fiscal cues cost ~1 ms per article). ``loose``
    is the same regex without the leading tests, so it matches wherever ``exact`` does: searching
    with it and confirming each hit with ``exact.match`` there gives exactly ``exact.finditer``.
    """

    def __init__(self, exact: str, loose: str) -> None:
        self.exact = re.compile(exact)
        self.loose = re.compile(loose)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        position = 0
        while (hit := self.loose.search(text, position)) is not None:
            match = self.exact.match(text, hit.start())  # its lookbehind and \b still see the text before
            if match is None:
                position = hit.start() + 1
                continue
            yield match
            position = max(match.end(), match.start() + 1)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


@dataclass(frozen=True)
class _Cues:
    dollar_variant: _Scan
    dollar_codes: dict[str, str]
    us_dollar: _Scan
    china: _Scan
    japan: _Scan
    fiscal: _Scan
    fiscal_calendar: dict[str, FiscalCalendar]
    fiscal_part: re.Pattern[str]
    ordinals: dict[str, int]
    calendar_names: frozenset[str]
    country_domain_aliases: dict[str, str]
    vanity_country_domains: frozenset[str]


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(set(forms), key=lambda form: (-len(form), form)))


def _marker(forms: Iterable[str]) -> _Scan:
    alternation = _alternation(forms)
    return _Scan(rf"{_BEFORE}(?:{alternation}){_AFTER_WORD}", rf"(?:{alternation}){_AFTER_WORD}")


def _word_cues(forms: Iterable[str]) -> _Scan:
    alternation = _alternation(forms)
    return _Scan(rf"\b(?:{alternation})\b", rf"(?:{alternation})\b")


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    currencies = load_currencies()
    lexicon = load_lexicon()
    calendars = lexicon.fiscal_calendars
    fiscal_calendar = {cue.strip(): calendar for calendar in calendars for cue in calendar.cues}
    cues = sorted(fiscal_calendar, key=lambda cue: (-len(cue), cue))
    fiscal_ends = [re.escape(cue.strip()) + (r"\b" if cue.strip()[-1:].isalnum() else "") for cue in cues]
    fiscal_forms = [(r"\b" if cue[:1].isalnum() else _BEFORE) + end for cue, end in zip(cues, fiscal_ends, strict=True)]
    return _Cues(
        dollar_variant=_marker(currencies.dollar_variants),
        dollar_codes=dict(currencies.dollar_variants),
        us_dollar=_marker(currencies.us_dollar_markers),
        china=_word_cues(currencies.china_cues),
        japan=_word_cues(currencies.japan_cues),
        fiscal=_Scan("|".join(fiscal_forms), "|".join(fiscal_ends)),
        fiscal_calendar=fiscal_calendar,
        fiscal_part=_fiscal_part_pattern(lexicon.ordinals, lexicon.deictics),
        ordinals=dict(lexicon.ordinals),
        calendar_names=frozenset(calendar.name for calendar in calendars),
        country_domain_aliases=dict(lexicon.country_domain_aliases),
        vanity_country_domains=frozenset(lexicon.vanity_country_domains),
    )


# A fiscal label after a quarter or half: "FY24", "FY2025-26", "fiscal 2024", "financial year 2024/25".
_FISCAL_LABEL = (r"(?:FY|[Ff]iscal(?:\s+[Yy]ear)?|[Ff]inancial\s+[Yy]ear)\s?['’]?"
                 r"(?P<year>\d{4}|\d{2})(?:[/-](?P<year2>\d{4}|\d{2}))?(?![\w/-])")


def _fiscal_part_pattern(ordinals: Mapping[str, int], deictics: Mapping[str, int]) -> re.Pattern[str]:
    """"Q3 FY24", "3QFY2025", "H1 FY2025-26", "the third quarter of fiscal 2024": a part with its fiscal label."""
    words = "|".join(re.escape(word) for word in sorted(ordinals, key=len, reverse=True) if word not in deictics)
    return re.compile(
        r"(?<![\w])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H)\s?" + _FISCAL_LABEL
        + r"|(?<![\w])(?i:(?P<ord>" + words + r"))[\s-]+(?:fiscal\s+)?(?P<unit>quarter|qtr|half)"
        r"\s+(?:of|in)\s+(?:the\s+)?" + _FISCAL_LABEL.replace("<year>", "<oyear>").replace("<year2>", "<oyear2>"))


def fiscal_parts(text: str, ordinals: Mapping[str, int], pattern: re.Pattern[str]) -> dict[str, str]:
    """The quarters and halves ``text`` names with a fiscal label, each with its label's years ("2025-26").

    A part named with two different labels ("Q3 FY24" and "Q3 FY25") is left out: which one a bare "Q3"
    means is unknown.
    """
    labels: dict[str, set[str]] = {}
    for match in pattern.finditer(text):
        if match["ord"]:
            number = ordinals[match["ord"].lower()]
            unit = "half" if match["unit"].lower() == "half" else "quarter"
            if unit == "half" and number > 2:
                continue
            years = (match["oyear"], match["oyear2"])
        else:
            unit = "quarter" if match["q"] or match["q2"] else "half"
            number = int(match["q"] or match["q2"] or match["h"] or match["h2"])
            years = (match["year"], match["year2"])
        label = years[0] if years[1] is None else f"{years[0]}-{years[1]}"
        labels.setdefault(f"{unit} {number}", set()).add(label)
    return {part: next(iter(named)) for part, named in labels.items() if len(named) == 1}


def article_hints(texts: str | Iterable[str], *, url: str | None = None) -> ArticleHints:
    """Hints for one article from its text (or the texts of its blocks). Pure; cheap regex scans.

    - ``dollar``: the ISO code of the article's single explicit non-US dollar variant (A$, C$,
      NZ$, HK$, S$, R$, "Australian dollars", ...) when it uses exactly one and never ``US$``/USD
      nor in a bracketed conversion with a bare-dollar amount ("$60m (A$91.62m)", "C$15m ($11m)"); else None
      (a bare ``$`` is USD).
    - ``yen``: "CNY" when China cues (China, Chinese, yuan, RMB, Baotou, ...) outnumber Japan cues,
      else "JPY".
    - ``fiscal``: the fiscal calendar whose cues (A$/ASX/Australia, crore/India, Japan/Tokyo, ...)
      occur most often, when one strictly leads; with no cue at all, the calendar of the source's
      country-code domain when it has one (an Australian outlet's "FY24" is Australian); else None.
    - ``fiscal_parts``: the quarters and halves the article names with a fiscal label ("Q3 FY2025-26"
      gives ``{"quarter 3": "2025-26"}``), set only when there is one; a bare "Q3" or "the third
      quarter" elsewhere in the article is that fiscal part again.
    - ``day_first``: whether the article's unambiguous numeric dates ("14/03/2024") put the day
      first; None when none is unambiguous (the date stage then reads the fiscal calendar).
    - ``decimal_comma``: True when the article's unambiguous decimal commas ("237,4", "0,3") outnumber its
      decimal points (``text.numbers.writes_decimal_commas``); the quantity stage then reads those commas as points.
    - ``country``: the ISO code of the source's country-code domain (``url``: "...co.za/..." -> "ZA"),
      set only when there is one (the date stage reads it for numeric date order and the hemisphere).
    """
    text = texts if isinstance(texts, str) else "\n".join(texts)
    cues = _cues()
    # "$60m (A$91.62m)", "C$15m ($11m)": a variant converted to or from a bare-dollar amount says "$" is another
    conversions = bracketed_conversions(text)
    found = list(cues.dollar_variant.finditer(text))
    variants = {cues.dollar_codes[match.group()] for match in found if match.start() not in conversions}
    converted = any(match.start() in conversions for match in found)
    dollar = variants.pop() if len(variants) == 1 and cues.us_dollar.search(text) is None and not converted else None
    china = sum(1 for _ in cues.china.finditer(text))
    japan = sum(1 for _ in cues.japan.finditer(text))
    counts = Counter(
        calendar.name
        for match in cues.fiscal.finditer(text)
        if (calendar := cues.fiscal_calendar.get(match.group())) is not None
    )
    ranked = counts.most_common(2)
    fiscal = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    country = source_country(url)
    if not ranked and country in cues.calendar_names:  # no cue at all: the source's own calendar
        fiscal = country
    hints = ArticleHints(dollar=dollar, yen="CNY" if china > japan else "JPY", fiscal=fiscal)
    parts = fiscal_parts(text, cues.ordinals, cues.fiscal_part)
    if parts:
        hints["fiscal_parts"] = parts
    day_first = _day_first(text)
    if day_first is not None:  # only when the article has unambiguous numeric dates
        hints["day_first"] = day_first
    if country is not None:
        hints["country"] = country
    if writes_decimal_commas(text):
        hints["decimal_comma"] = True
    return hints


def source_country(url: str | None) -> str | None:
    """The ISO 3166 alpha-2 code of a web address's country-code domain, or None.

    >>> source_country("https://www.businesslive.co.za/bd/markets/"), source_country("https://example.com/a")
    ('ZA', None)
    """
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    suffix = host.rstrip(".").rsplit(".", 1)[-1].lower()
    cues = _cues()
    if len(suffix) != 2 or not suffix.isalpha() or suffix in cues.vanity_country_domains:
        return None
    code = cues.country_domain_aliases.get(suffix, suffix.upper())
    return code if pycountry.countries.get(alpha_2=code) is not None else None


# A numeric date with its first two parts ("14/03/2024", "3-31-25"); only unambiguous ones vote.
_NUMERIC_DATE = re.compile(r"(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\w/-]|[.,]\d)")
_MONTHS = 12


def _day_first(text: str) -> bool | None:
    """True when the article's unambiguous numeric dates are day first, False when month first, else None."""
    votes = 0
    for match in _NUMERIC_DATE.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        votes += (first > _MONTHS >= second) - (second > _MONTHS >= first)
    return None if votes == 0 else votes > 0
