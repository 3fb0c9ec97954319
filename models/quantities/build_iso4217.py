"""Generate ``iso4217.json``: every circulating ISO 4217 currency by code, English name and symbol.

Run from the repository root after upgrading pycountry or Babel::

    .venv/bin/python models/quantities/build_iso4217.py

The output is committed, so the pipeline never generates data at run time. Codes come from
pycountry; names are pycountry's ISO 4217 names with a regular English plural plus Babel's CLDR
English display names (singular and plural: "UAE dirhams", "Swedish kronor"). A bare last word
("ringgit", "rand") is kept only when exactly one currency ends in it, so "peso" or "franc" alone
stays unmapped. Symbols are the CLDR symbols of every locale of a territory whose tender the
currency is, kept when they name exactly one currency: ``symbols`` hold a sign or non-Latin
letters ("₵", "₮", "zł") and are read before or after the number; ``letter_symbols`` are Latin
letters only ("R", "Rp", "Ksh") and are read only before a scaled number ("R5bn", "Ksh 2 billion"),
since letters before a bare number are more often a label ("Q3", "G7"). Hand-written forms in
``currencies.json`` always win over these generated ones. ``shared_names`` are the bare last words several
currencies share ("pesos", "dirhams", "francs"), each with its currencies' country words (the adjective of the CLDR
name, the CLDR English names of the territories whose tender it is) and territory codes: the quantity stage reads
such a word as the one currency a block's country cue (or the source's country) names, and not at all otherwise.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pycountry
from babel import Locale, localedata
from babel import __version__ as babel_version
from babel.core import get_global
from babel.numbers import get_currency_name

OUTPUT = Path(__file__).with_name("iso4217.json")
# Funds, precious metals, units of account and test codes: not money written in the news.
NOT_MONEY = {"BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW", "XAD", "XAG", "XAU", "XBA", "XBB",
             "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX", "ZWG", "VED"}
# Last words too common in English prose to read as a currency on their own.
NOT_BARE = {"mark", "sol", "real", "won", "dong", "som", "sum", "pound", "dollar", "kina", "tala", "leone",
            "rial", "lek", "gourde", "denar", "unidad", "lari", "loti", "pula", "lempira", "taka", "vatu",
            "omani", "uruguayo", "soberano", "bceao", "beac", "sterling", "renminbi"}


def plural(word: str) -> str:
    return word if word.endswith(("s", "yen", "yuan", "baht", "rand", "kip", "won", "dong")) else f"{word}s"


def names() -> tuple[list[str], dict[str, str]]:
    codes: list[str] = []
    written: dict[str, str] = {}
    by_last: dict[str, set[str]] = defaultdict(set)
    for currency in sorted(pycountry.currencies, key=lambda c: c.alpha_3):
        code = currency.alpha_3
        if code in NOT_MONEY:
            continue
        codes.append(code)
        name = currency.name.split(" (")[0].lower()
        if name not in NOT_BARE:
            written[name] = code
            written[plural(name)] = code
        by_last[name.split()[-1]].add(code)
    for last, owners in sorted(by_last.items()):
        if len(owners) == 1 and last not in NOT_BARE and len(last) > 3:
            code = next(iter(owners))
            written.setdefault(last, code)
            written.setdefault(plural(last), code)
    return codes, dict(sorted(written.items()))


def cldr_names(codes: list[str], written: dict[str, str]) -> dict[str, str]:
    """``written`` completed with CLDR's English display names (singular and plural) of ``codes``."""
    out = dict(written)
    for code in codes:
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if " " in name or name not in NOT_BARE:  # "swedish kronor"; a bare "real" or "won" stays out
                out.setdefault(name, code)
    return dict(sorted(out.items()))


def cldr_symbols(codes: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(symbols, letter symbols): each CLDR symbol used by exactly one of ``codes`` in its territories' locales."""
    in_use: dict[str, set[str]] = defaultdict(set)
    for territory, entries in get_global("territory_currencies").items():
        for code, _start, end, tender in entries:
            if end is None and tender and code in codes:
                in_use[territory].add(code)
    owners: dict[str, set[str]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        territory = identifier.rsplit("_", 1)[-1]
        if "_" not in identifier or territory not in in_use:
            continue
        symbols = Locale.parse(identifier).currency_symbols
        for code in in_use[territory]:
            symbol = (symbols.get(code) or "").strip("\u200b\u200f ")
            if symbol and symbol != code:
                owners[symbol].add(code)
    single = {symbol: next(iter(found)) for symbol, found in owners.items() if len(found) == 1}
    letters = {symbol: code for symbol, code in single.items() if symbol.isascii() and symbol.rstrip(".").isalpha()}
    signs = {symbol: code for symbol, code in single.items() if symbol not in letters}
    return dict(sorted(signs.items())), dict(sorted(letters.items()))


def tender_territories(codes: list[str]) -> dict[str, list[str]]:
    """Currency -> the territories (ISO 3166 alpha-2) whose legal tender it is today."""
    out: dict[str, set[str]] = defaultdict(set)
    for territory, entries in get_global("territory_currencies").items():
        for code, _start, end, tender in entries:
            if end is None and tender and code in codes and territory.isalpha():
                out[code].add(territory)
    return {code: sorted(found) for code, found in out.items()}


def shared_names(codes: list[str], written: dict[str, str]) -> dict[str, dict[str, object]]:
    """Bare last words several currencies share ("peso", "dirhams", "francs"): per currency, the words that name
    its country in English (the adjective of its CLDR name, "Mexican"; the CLDR names of its territories,
    "Mexico") and its territories' codes, so a block's country cue (or the source's country) decides."""
    owners: dict[str, set[str]] = defaultdict(set)
    adjectives: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        for count in (1, 2):
            words = get_currency_name(code, count=count, locale="en").split()
            if len(words) < 2:
                continue
            last = words[-1].lower()
            if last in NOT_BARE or last.removesuffix("s") in NOT_BARE or len(last) <= 3 or last in written:
                continue  # a word of one currency only is already a name
            owners[last].add(code)
            adjectives[code].add(" ".join(words[:-1]))
    english = Locale.parse("en")
    territories = tender_territories(codes)
    out: dict[str, dict[str, object]] = {}
    for last, found in sorted(owners.items()):
        if len(found) < 2:
            continue
        cues = {code: sorted(adjectives[code] | {english.territories[t] for t in territories.get(code, [])
                                                 if t in english.territories})
                for code in sorted(found)}
        countries = {t: code for code in sorted(found) for t in territories.get(code, [])}
        out[last] = {"default": None, "cues": cues, "countries": dict(sorted(countries.items()))}
    return out


def main() -> None:
    codes, written = names()
    symbols, letter_symbols = cldr_symbols(codes)
    table = {
        "_comment": f"Generated by build_iso4217.py from pycountry {pycountry.__version__} (ISO 4217) and Babel "
                    f"{babel_version} (CLDR names and symbols); do not edit.",
        "codes": codes,
        "names": cldr_names(codes, written),
        "symbols": symbols,
        "letter_symbols": letter_symbols,
        "shared_names": shared_names(codes, cldr_names(codes, written)),
    }
    OUTPUT.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(codes)} codes, {len(table['names'])} names, {len(symbols)} symbols, "
          f"{len(letter_symbols)} letter symbols)")


if __name__ == "__main__":
    main()
