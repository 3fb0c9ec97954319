"""Entity resources: the gazetteers and the commodity lexicon under ``models/entities``.

Pure data and pure functions; ``pipeline.entities`` builds its matchers from them.
Every file is validated by a pydantic model on load and loaded once per stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from pipeline.resources.files import load_json, load_jsonl
from pipeline.schema.annotations import CommodityInfo

SpecLabel = Literal["ORG", "PERSON", "GPE", "LOC", "NORP", "COMMODITY", "FACILITY", "LAW"]
GAZETTEER_FILES = (
    "entities/places.jsonl",
    "entities/aliases.jsonl",
    "entities/nationalities.jsonl",
    "entities/organizations.jsonl",
)
CAPITALS_FILE = "entities/capitals.jsonl"
MINISTRIES_FILE = "entities/ministries.jsonl"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PhrasePattern(_Strict):
    """One ruler-format phrase: a surface form with its label, code and canonical name."""

    label: SpecLabel
    pattern: str
    id: str | None = None
    normalized: str | None = None
    canonical: bool = False


class TokenPattern(_Strict):
    """One ruler-format token pattern; ``id`` names the rule family."""

    label: SpecLabel
    pattern: list[dict[str, Any]]
    id: str


class CapitalRow(_Strict):
    """A capital city: ``id`` is its country's (or bloc's) code, ``subdivision`` the city's own ISO 3166-2."""

    city: str
    id: str
    subdivision: str | None = None


class MinistryRow(_Strict):
    """The official name a functional description ("Brazil's mines ministry") stands for."""

    country: str
    function: str
    normalized: str


class Product(_Strict):
    elements: list[str]
    form: str | None


class CommodityLexicon(_Strict):
    elements: dict[str, str]
    rare_earth_elements: list[str]
    minerals: dict[str, list[str]]
    products: dict[str, Product]
    combos: dict[str, list[str]]
    groups: list[str]
    forms: dict[str, str]
    not_before: list[str]
    ambiguous: list[str]
    canonical: dict[str, str] = {}


class WordList(_Strict):
    words: list[str]


@dataclass(frozen=True)
class GazetteerEntry:
    label: str
    kb_id: str | None
    normalized: str


def load_gazetteer() -> dict[str, GazetteerEntry]:
    """Surface form -> entry. Later files win; rows marked ``canonical`` rename every row with their id and label.

    Capitals (``capitals.jsonl``) are GPE entries for the literal city, with the city's own ISO 3166-2 code
    where there is one ("Tokyo" -> JP-13, "Brussels" -> BE-BRU); their metonymic use is ``load_capitals``.
    """
    rows = [row for path in GAZETTEER_FILES for row in load_jsonl(path, PhrasePattern)]
    canonical = {(row.label, row.id): row.normalized for row in rows if row.canonical and row.id}
    entries: dict[str, GazetteerEntry] = {}
    for row in rows:
        normalized = canonical.get((row.label, row.id)) or row.normalized or row.pattern
        entries[row.pattern] = GazetteerEntry(row.label, row.id, normalized)
    for capital in load_jsonl(CAPITALS_FILE, CapitalRow):
        entries[capital.city] = GazetteerEntry("GPE", capital.subdivision, capital.city)
    return entries


def load_capitals(gazetteer: dict[str, GazetteerEntry]) -> dict[str, GazetteerEntry]:
    """Capital city -> the GPE entry of the government it stands for ("Beijing" -> China/CN)."""
    countries: dict[str, GazetteerEntry] = {}
    for entry in gazetteer.values():
        if entry.label == "GPE" and entry.kb_id and "-" not in entry.kb_id:
            countries.setdefault(entry.kb_id, GazetteerEntry("GPE", entry.kb_id, entry.normalized))
    return {capital.city: countries[capital.id] for capital in load_jsonl(CAPITALS_FILE, CapitalRow) if capital.id in countries}


def load_ministries() -> dict[tuple[str, str], str]:
    """(country code, function word) -> official ministry name ("BR", "mines" -> "Ministry of Mines and Energy")."""
    return {(row.country, row.function): row.normalized for row in load_jsonl(MINISTRIES_FILE, MinistryRow)}


def functional_body_name(function: str, country: str | None, ministries: dict[tuple[str, str], str]) -> str:
    """'mines' (+ 'BR') -> 'Ministry of Mines and Energy'; without a table row 'Ministry of Mines'."""
    known = ministries.get((country or "", function.lower()))
    return known or f"Ministry of {function.lower().capitalize()}"


def load_token_patterns() -> list[TokenPattern]:
    return load_jsonl("entities/patterns.jsonl", TokenPattern)


def load_commodities() -> CommodityLexicon:
    return load_json("entities/commodities.json", CommodityLexicon)


def load_headline_words() -> frozenset[str]:
    return frozenset(load_json("entities/headline_words.json", WordList).words)


def commodity_surfaces(lexicon: CommodityLexicon) -> list[str]:
    """Every commodity head phrase the matcher looks for (forms are added by token patterns)."""
    heads = [*lexicon.elements, *lexicon.minerals, *lexicon.products, *lexicon.combos, *lexicon.groups]
    return list(dict.fromkeys(heads))


_SYMBOL_SPLIT = re.compile(r"[-/–]")
_FORMULA_PART = re.compile(r"([A-Z][a-z]?)(\d*)")
# Symbols that form the anion of a compound formula (not a traded element of it): "V2O5" lists only V.
ANION_SYMBOLS = frozenset({"O", "H", "C", "N", "S", "F", "Cl", "P"})


class CommodityParser:
    """Turns a commodity mention into ``{name, elements, form}``."""

    def __init__(self, lexicon: CommodityLexicon) -> None:
        self.lexicon = lexicon
        self.elements = {name.lower(): symbol for name, symbol in lexicon.elements.items()}
        self.symbols = set(lexicon.elements.values())
        self.minerals = {name.lower(): elements for name, elements in lexicon.minerals.items()}
        self.products = {name.lower(): product for name, product in lexicon.products.items()}
        self.combos = {name.lower(): elements for name, elements in lexicon.combos.items()}
        self.forms = {name.lower(): form for name, form in lexicon.forms.items()}
        self._forms_longest_first = sorted(self.forms, key=len, reverse=True)
        self.canonical = {surface.lower(): name for surface, name in lexicon.canonical.items()}

    def __call__(self, text: str) -> CommodityInfo:
        """One canonical rule for ``name`` (= the entity's ``normalized``).

        The lexicon's ``canonical`` table names group terms ("rare earth" -> "rare earths", "ionic clays" ->
        "ionic clay"); a trailing form word is singular ("rare earth oxides" -> "rare earth oxide").
        """
        name = " ".join(word if self._keeps_case(word) else word.lower() for word in text.split())
        lowered = name.lower()
        if lowered in self.canonical:
            name = lowered = self.canonical[lowered]
        if lowered in self.products:
            product = self.products[lowered]
            return CommodityInfo(name=name, elements=list(product.elements), form=product.form)
        form = None
        head = lowered
        for surface in self._forms_longest_first:
            if lowered.endswith(" " + surface):
                form = self.forms[surface]
                head = lowered[: -len(surface) - 1].strip()
                name = f"{name[: -len(surface) - 1].rstrip()} {form}"
                break
        return CommodityInfo(name=name, elements=self._elements(head), form=form)

    def formula(self, text: str) -> CommodityInfo | None:
        """A chemical formula or element symbol ("V2O5", "U3O8", "Ni") -> ``{name, elements, form}``; else None.

        Every symbol must be a known element; oxygen (and the anion formers of ``ANION_SYMBOLS``) is not listed
        among ``elements`` when a metal is present. An oxide formula (metal + oxygen only) has form "oxide". A
        formula keeps its text as name; a bare symbol is named by its element ("Ni" -> "nickel").
        """
        if text in self.products:
            product = self.products[text]
            return CommodityInfo(name=text, elements=list(product.elements), form=product.form)
        parts = _FORMULA_PART.findall(text)
        if "".join(symbol + count for symbol, count in parts) != text:
            return None
        symbols = [symbol for symbol, _ in parts]
        if any(symbol not in self.symbols and symbol not in ANION_SYMBOLS for symbol in symbols):
            return None
        metals = list(dict.fromkeys(symbol for symbol in symbols if symbol not in ANION_SYMBOLS))
        if not metals or symbols[0] in ANION_SYMBOLS or any(len(count) > 2 for _, count in parts):
            return None
        if any(count for _, count in parts) and not set(symbols) & ANION_SYMBOLS:
            return None  # "FY2026" is a fiscal year, not a formula
        if len(parts) == 1 and not parts[0][1]:
            name = next((name for name, symbol in self.lexicon.elements.items() if symbol == text), text)
            return CommodityInfo(name=name, elements=[text], form=None)
        form = "oxide" if set(symbols) - set(metals) == {"O"} else None
        return CommodityInfo(name=text, elements=metals, form=form)

    def _keeps_case(self, word: str) -> bool:
        if word in self.lexicon.combos or word in self.lexicon.products:
            return True
        parts = [part for part in _SYMBOL_SPLIT.split(word) if part]
        return (any(part in self.symbols for part in parts) and word.lower() not in self.elements) or (
            word.isupper() and len(word) > 1
        )

    def _elements(self, head: str) -> list[str]:
        for table in (self.combos, self.minerals):
            if head in table:
                return list(table[head])
        if head in self.products:
            return list(self.products[head].elements)
        symbols: list[str] = []
        for word in re.split(r"[\s\-/–]+", head):
            symbol = self.elements.get(word)
            if word in self.combos:
                symbols.extend(s for s in self.combos[word] if s not in symbols)
            elif symbol and symbol not in symbols:
                symbols.append(symbol)
            elif word in self.minerals:
                symbols.extend(s for s in self.minerals[word] if s not in symbols)
        return symbols


LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def clean_name(text: str) -> str:
    """'the United States's' -> 'United States'."""
    return POSSESSIVE.sub("", LEADING_ARTICLE.sub("", text.strip())).strip()
