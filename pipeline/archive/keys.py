"""Entity keys: one deterministic key per organisation, facility, commodity or place.

The key depends only on the entity's label, name (``normalized``), ``kb_id``/``commodity``
and the alias table ``models/archive/aliases.jsonl``, so separate runs agree. Places with an
ISO code keep it (``GPE:US``); commodities are keyed by their elements and form
(``COMMODITY:nd-pr-oxide``) so "NdPr oxide" and "Pr-Nd oxide" agree; other names are folded
(case, accents, punctuation, "&", a leading "the", legal suffixes) into ``ORG:lynas``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pipeline.resources.files import load_json, load_jsonl
from pipeline.schema.labels import EntityLabel
from pipeline.text.regex import alternation

ALIAS_FILE = "archive/aliases.jsonl"
KEY_WORDS_FILE = "archive/key_words.json"
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
_PUNCT = re.compile(r"[^\w\s]")
_INITIALS = re.compile(r"\b(?:\w\.){2,}")
_SPACES = re.compile(r"\s+")
class AliasRow(BaseModel):
    """One alias: a name that stands for ``key``; ``canonical`` names the key's record."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    label: EntityLabel
    name: str = Field(min_length=1)
    key: str = Field(pattern=r"^[A-Z]+:[A-Za-z0-9-]+$")
    canonical: str | None = None


class KeyWords(BaseModel):
    """``models/archive/key_words.json``: the words the folding rules read."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    legal_suffixes: frozenset[str]  # stripped from the end of an organisation name (repeatedly: "Holdings Ltd")
    descriptors: tuple[str, ...]  # stripped after a single distinctive word ("Iluka Resources" -> iluka)
    generic_heads: frozenset[str]  # too generic (or geographic) to stand for a company on their own
    government_words: tuple[str, ...]  # a name holding one is a public body, acting for its country


@lru_cache(maxsize=1)
def key_words() -> KeyWords:
    """The packaged key word lists, loaded once."""
    return load_json(KEY_WORDS_FILE, KeyWords)


@lru_cache(maxsize=1)
def _government_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(key_words().government_words)})\b", re.IGNORECASE)


def fold_name(name: str) -> str:
    """Case-, accent- and punctuation-folded words of a name, joined by single spaces.

    >>> fold_name("  Lynas Rare-Earths,  S.A. ")
    'lynas rare earths sa'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _INITIALS.sub(lambda match: match.group(0).replace(".", ""), text)  # "S.A." -> "SA"
    # The Turkish dotless i upper-cases to I, so it folds to i.
    text = text.casefold().replace("ı", "i").replace("&", " and ").replace("'s ", " ").replace("’s ", " ")
    text = _PUNCT.sub(" ", text.replace("'", "").replace("’", ""))
    return _SPACES.sub(" ", text).strip()


def strip_legal_suffixes(words: list[str]) -> list[str]:
    """Drop legal-form words from the end, and a leading "the", never emptying the name."""
    legal = key_words().legal_suffixes
    while len(words) > 1 and words[-1] in legal:
        words = words[:-1]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return words


def strip_descriptor(words: list[str]) -> list[str]:
    """Drop one business descriptor after a single distinctive word ("pilbara minerals" -> pilbara)."""
    joined = " ".join(words)
    generic = key_words().generic_heads
    for descriptor in key_words().descriptors:
        if joined.endswith(" " + descriptor):
            head = joined[: -len(descriptor) - 1].split()
            if len(head) == 1 and len(head[0]) >= 3 and head[0] not in generic and not head[0].isdigit():
                return head
    return words


def slug(words: list[str]) -> str:
    return "-".join(words) or "unnamed"


@lru_cache(maxsize=1)
def alias_table() -> dict[tuple[str, str], AliasRow]:
    """The packaged alias table, by (label, folded name with legal suffixes stripped); loaded once."""
    table: dict[tuple[str, str], AliasRow] = {}
    for row in load_jsonl(ALIAS_FILE, AliasRow):
        table.setdefault((row.label, " ".join(strip_legal_suffixes(fold_name(row.name).split()))), row)
    return table


@lru_cache(maxsize=1)
def _canonical_names() -> dict[str, str]:
    rows = load_jsonl(ALIAS_FILE, AliasRow)
    return {row.key: row.canonical for row in rows if row.canonical}


def canonical_alias(key: str) -> str | None:
    """The alias table's canonical name for a key, if it gives one."""
    return _canonical_names().get(key)


@lru_cache(maxsize=65536)
def name_key(label: str, name: str) -> str:
    """The key of a name with no ISO code or commodity structure.

    >>> name_key("ORG", "Lynas Rare Earths Ltd") == name_key("ORG", "LYNAS RARE EARTHS LIMITED")
    True
    """
    words = strip_legal_suffixes(fold_name(name).split())
    row = alias_table().get((label, " ".join(words)))
    if row is not None:
        return row.key
    if label == "ORG":
        words = strip_descriptor(words)
        row = alias_table().get((label, " ".join(words)))
        if row is not None:
            return row.key
    return f"{label}:{slug(words)}"


def commodity_key(commodity: dict[str, Any] | None, name: str) -> str:
    """``COMMODITY:<elements>-<form>`` for element-defined commodities, else the folded name."""
    elements = sorted({str(element).lower() for element in (commodity or {}).get("elements") or []})
    if elements:
        form = (commodity or {}).get("form")
        return "COMMODITY:" + slug(elements + fold_name(str(form)).split() if form else elements)
    return name_key("COMMODITY", str((commodity or {}).get("name") or name))


def entity_key(record: dict[str, Any]) -> str:
    """The key of one entity record (a dict as read from a fact file)."""
    label = str(record.get("label") or "ORG")
    kb_id = record.get("kb_id")
    if label in PLACE_LABELS and kb_id:
        return f"GPE:{kb_id}"
    name = str(record.get("normalized") or record.get("text") or "")
    if label == "COMMODITY":
        return commodity_key(record.get("commodity"), name)
    return name_key(label, name)


def is_government(name: str) -> bool:
    """True for public bodies ("Ministry of Commerce", "the government"), which act for their country."""
    return bool(_government_pattern().search(name))
