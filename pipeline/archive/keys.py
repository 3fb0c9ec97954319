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

from pipeline.resources.files import load_jsonl
from pipeline.schema.labels import EntityLabel

ALIAS_FILE = "archive/aliases.jsonl"
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# Legal-form words, stripped from the end of an organisation name (repeatedly: "Holdings Ltd").
LEGAL_SUFFIXES = frozenset(
    "ltd limited inc incorporated corp corporation plc sa ag nv co company group holdings holding llc lp pty "
    "bhd spa gmbh asa ab oyj se kk jsc pjsc tbk".split()
)
# Business descriptors stripped after a single distinctive word ("Iluka Resources" -> iluka).
DESCRIPTORS = ("rare earths", "rare earth", "minerals", "mining", "resources", "metals")
# Single words too generic (or too geographic) to stand for a company on their own.
GENERIC_HEADS = frozenset(
    "american australian british canadian chinese global international national northern southern eastern western "
    "united first new general energy critical strategic royal china japan india africa african europe european us uk "
    "asia asian pacific atlantic world the".split()
)
_PUNCT = re.compile(r"[^\w\s]")
_INITIALS = re.compile(r"\b(?:\w\.){2,}")
_SPACES = re.compile(r"\s+")
_GOVERNMENT = re.compile(r"\b(ministry|minister|government|department|commission|council|cabinet|customs|agency|"
                         r"administration|bureau|parliament|senate|congress)\b", re.IGNORECASE)


class AliasRow(BaseModel):
    """One alias: a name that stands for ``key``; ``canonical`` names the key's record."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    label: EntityLabel
    name: str = Field(min_length=1)
    key: str = Field(pattern=r"^[A-Z]+:[A-Za-z0-9-]+$")
    canonical: str | None = None


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
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return words


def strip_descriptor(words: list[str]) -> list[str]:
    """Drop one business descriptor after a single distinctive word ("pilbara minerals" -> pilbara)."""
    joined = " ".join(words)
    for descriptor in DESCRIPTORS:
        if joined.endswith(" " + descriptor):
            head = joined[: -len(descriptor) - 1].split()
            if len(head) == 1 and len(head[0]) >= 3 and head[0] not in GENERIC_HEADS and not head[0].isdigit():
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
    return bool(_GOVERNMENT.search(name))
