"""Commodity mentions as ``{name, elements, form}``, and entity names cleaned of articles and possessives.

Pure functions over strings (no spaCy): the entity stage calls them on span text, the tests on tables
of real-world surfaces. The lexicon is ``models/entities/commodities.json``, loaded by
``pipeline.resources.entities``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline.schema.annotations import CommodityInfo

if TYPE_CHECKING:
    from pipeline.resources.entities import CommodityLexicon

_SYMBOL_SPLIT = re.compile(r"[-/–]")
_FORMULA_PART = re.compile(r"([A-Z][a-z]?)(\d*)")
_WORD_SPLIT = re.compile(r"[\s\-/–]+")
# Symbols that form the anion of a compound formula (not a traded element of it): "V2O5" lists only V.
ANION_SYMBOLS = frozenset({"O", "H", "C", "N", "S", "F", "Cl", "P"})
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# The possessive clitics as spaCy writes them, one token after the owner's name ("Norland" + "'s").
POSSESSIVE_CLITICS = frozenset({"'s", "’s"})
CLEAN_NAMES_KEPT = 16_384  # distinct names whose cleaned form is kept (a bounded cache)


@lru_cache(maxsize=CLEAN_NAMES_KEPT)
def clean_name(text: str) -> str:
    """Strip a leading "the" and a trailing possessive.

    A pure function of the string, asked again and again for the same span texts by the entity rules and the
    linking (~30,000 calls per 150 articles): the recent answers are kept.

    >>> clean_name("the United States's")
    'United States'
    """
    name = LEADING_ARTICLE.sub("", text.strip())
    # ``POSSESSIVE`` ends at the end of the name: only its last two characters can hold a match, so only they are
    # searched (a regex tries every position of the text it is given)
    return (name[:-2] + POSSESSIVE.sub("", name[-2:])).strip()


def commodity_surfaces(lexicon: CommodityLexicon) -> list[str]:
    """Every commodity head phrase the matcher looks for (forms are added by token patterns)."""
    heads = [*lexicon.elements, *lexicon.minerals, *lexicon.products, *lexicon.combos, *lexicon.groups]
    return list(dict.fromkeys(heads))


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
        # element symbols in order -> the combination's name, the first listed winning ("Nd", "Pr" -> "NdPr")
        self._combo_by_symbols: dict[tuple[str, ...], str] = {}
        for combo, elements in lexicon.combos.items():
            self._combo_by_symbols.setdefault(tuple(elements), combo)

    def __call__(self, text: str) -> CommodityInfo:
        """One canonical rule for ``name`` (= the entity's ``normalized``).

        The lexicon's ``canonical`` table names group terms ("rare earth" -> "rare earths", "ionic clays" ->
        "ionic clay", "REEs" and "rare earth elements" -> "rare earths"); a trailing form word is singular ("rare earth
        oxides" -> "rare earth oxide"); an element pair written out takes its symbol name ("neodymium-praseodymium
        oxide" -> "NdPr oxide").
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
        combination = self._spelled_combination(head)
        if combination is not None:
            name = combination if form is None else f"{combination} {form}"
        return CommodityInfo(name=name, elements=self._elements(head), form=form)

    def _spelled_combination(self, head: str) -> str | None:
        """The symbol name of an element pair written out ("neodymium-praseodymium" -> "NdPr"): the lexicon's
        combination of the same elements in the same order, so both spellings share one name."""
        parts = head.split("-")
        if len(parts) < 2 or any(part not in self.elements for part in parts):
            return None
        return self._combo_by_symbols.get(tuple(self.elements[part] for part in parts))

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
        for word in _WORD_SPLIT.split(head):
            symbol = self.elements.get(word)
            if word in self.combos:
                symbols.extend(s for s in self.combos[word] if s not in symbols)
            elif symbol and symbol not in symbols:
                symbols.append(symbol)
            elif word in self.minerals:
                symbols.extend(s for s in self.minerals[word] if s not in symbols)
        return symbols
