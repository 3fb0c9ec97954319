"""Entity resources: gazetteers, commodity lexicon, token patterns and cue words under ``models/entities``.

The only code that reads those files. Every file is validated by a pydantic model on load
(``extra="forbid"``); ``load_entity_tables`` reads them once per component through a
``ResourceReader``, so a saved pipeline carries exactly the files it was built from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipeline.resources.files import ResourceError, ResourceReader
from pipeline.schema.labels import EntityLabel
from pipeline.text.commodity import CommodityParser, commodity_surfaces

DEFAULT_FOLDER = "entities"
GAZETTEER_FILES = ("places.jsonl", "aliases.jsonl", "nationalities.jsonl", "organizations.jsonl")
CAPITALS_FILE = "capitals.jsonl"
MINISTRIES_FILE = "ministries.jsonl"
PATTERNS_FILE = "patterns.jsonl"
COMMODITIES_FILE = "commodities.json"
HEADLINE_WORDS_FILE = "headline_words.json"
CUE_WORDS_FILE = "cue_words.json"
NOT_ORGANISATIONS_FILE = "not_organisations.json"
# The vetting a token-pattern hit needs (``pipeline.components.entities.vetting.VETTERS`` has one function each).
PatternCheck = Literal["legal_name", "company_name", "public_body", "law_name", "facility_name", "functional_body"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PhrasePattern(_Strict):
    """One ruler-format phrase: a surface form with its label, code and canonical name."""

    label: EntityLabel
    pattern: str
    id: str | None = None
    normalized: str | None = None
    canonical: bool = False


class TokenPattern(_Strict):
    """One ruler-format token pattern; ``id`` names the rule family, ``check`` the vetting of its hits."""

    label: EntityLabel
    pattern: list[dict[str, Any]]
    id: str
    check: PatternCheck


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


class NotOrganisations(_Strict):
    """``not_organisations.json``: industry, finance and trade acronyms that never name an organisation."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    comment: str = Field("", alias="_comment")
    acronyms: list[str]


class WordList(_Strict):
    words: list[str]


class CueWords(_Strict):
    """The word lists of ``cue_words.json`` (what each one is for: ``models/entities/README.md``)."""

    leading_words: frozenset[str]
    section_numbers: frozenset[str]
    unit_words: frozenset[str]
    facility_keywords: frozenset[str]
    facility_descriptors: frozenset[str]
    site_work: frozenset[str]
    law_name_words: frozenset[str]
    public_body_heads: frozenset[str]
    country_prefixes: frozenset[str]
    country_prefix_bodies: frozenset[str]
    country_prefix_names: dict[str, str]
    extendable_heads: frozenset[str]
    org_name_words: frozenset[str]
    company_cues_before: frozenset[str]
    company_cues_after: frozenset[str]
    company_possessions: frozenset[str]
    series_words: frozenset[str]
    place_connectors: frozenset[str]
    locative_words: frozenset[str]
    literal_place_before: frozenset[str]

    @model_validator(mode="after")
    def _prefix_names_are_prefixes(self) -> CueWords:
        if not set(self.country_prefix_names) <= self.country_prefixes:
            raise ValueError("every country_prefix_names key must be one of country_prefixes")
        return self


@dataclass(frozen=True)
class GazetteerEntry:
    label: str
    kb_id: str | None
    normalized: str


@dataclass(frozen=True)
class EntityTables:
    """Everything the entity component reads from ``models/entities``, loaded once."""

    gazetteer: dict[str, GazetteerEntry]
    capitals: dict[str, GazetteerEntry]
    ministries: dict[tuple[str, str], str]
    lexicon: CommodityLexicon
    parse_commodity: CommodityParser
    commodity_words: frozenset[str]  # lower-case commodity heads and form words ("cobalt", "oxide")
    case_sensitive: frozenset[str]  # commodity heads matched only in their lexicon case ("APT", "NdPr")
    headline_words: frozenset[str]
    token_patterns: list[TokenPattern]
    org_suffix_words: frozenset[str]
    cues: CueWords
    not_organisations: frozenset[str] = frozenset()  # "NPV", "FOB", "EV": terms the model tags as ORG


def load_entity_tables(reader: ResourceReader, folder: str = DEFAULT_FOLDER) -> EntityTables:
    """Read and validate every entity resource through ``reader``, from ``models/<folder>``."""
    gazetteer = load_gazetteer(reader, folder)
    lexicon = load_commodities(reader, folder)
    patterns = load_token_patterns(reader, folder)
    return EntityTables(
        gazetteer=gazetteer,
        capitals=load_capitals(reader, gazetteer, folder),
        ministries=load_ministries(reader, folder),
        lexicon=lexicon,
        parse_commodity=CommodityParser(lexicon),
        commodity_words=frozenset(word.lower() for word in commodity_surfaces(lexicon)) | frozenset(lexicon.forms),
        case_sensitive=frozenset(
            {word.lower() for word in lexicon.combos}
            | {word.lower() for word in lexicon.products if word.isupper()}
            | {word.lower() for word in lexicon.groups if word.isupper()}
        ),
        headline_words=load_headline_words(reader, folder),
        token_patterns=patterns,
        org_suffix_words=org_suffix_words(patterns),
        cues=reader.json(f"{folder}/{CUE_WORDS_FILE}", CueWords),
        not_organisations=frozenset(reader.json(f"{folder}/{NOT_ORGANISATIONS_FILE}", NotOrganisations).acronyms),
    )


def load_gazetteer(reader: ResourceReader, folder: str = DEFAULT_FOLDER) -> dict[str, GazetteerEntry]:
    """Surface form -> entry. Later files win; rows marked ``canonical`` rename every row with their id and label.

    Capitals (``capitals.jsonl``) are GPE entries for the literal city, with the city's own ISO 3166-2 code
    where there is one ("Tokyo" -> JP-13, "Brussels" -> BE-BRU); their metonymic use is ``load_capitals``.
    """
    rows = [row for name in GAZETTEER_FILES for row in reader.jsonl(f"{folder}/{name}", PhrasePattern)]
    canonical: dict[tuple[str, str | None], str | None] = {
        (row.label, row.id): row.normalized for row in rows if row.canonical and row.id
    }
    entries: dict[str, GazetteerEntry] = {}
    for row in rows:
        normalized = canonical.get((row.label, row.id)) or row.normalized or row.pattern
        entries[row.pattern] = GazetteerEntry(row.label, row.id, normalized)
    for capital in reader.jsonl(f"{folder}/{CAPITALS_FILE}", CapitalRow):
        entries[capital.city] = GazetteerEntry("GPE", capital.subdivision, capital.city)
    return entries


def load_capitals(
    reader: ResourceReader, gazetteer: dict[str, GazetteerEntry], folder: str = DEFAULT_FOLDER
) -> dict[str, GazetteerEntry]:
    """Capital city -> the GPE entry of the government it stands for ("Beijing" -> China/CN)."""
    countries: dict[str, GazetteerEntry] = {}
    for entry in gazetteer.values():
        if entry.label == "GPE" and entry.kb_id and "-" not in entry.kb_id:
            countries.setdefault(entry.kb_id, GazetteerEntry("GPE", entry.kb_id, entry.normalized))
    rows = reader.jsonl(f"{folder}/{CAPITALS_FILE}", CapitalRow)
    return {capital.city: countries[capital.id] for capital in rows if capital.id in countries}


def load_ministries(reader: ResourceReader, folder: str = DEFAULT_FOLDER) -> dict[tuple[str, str], str]:
    """(country code, function word) -> official ministry name ("BR", "mines" -> "Ministry of Mines and Energy")."""
    return {(row.country, row.function): row.normalized for row in reader.jsonl(f"{folder}/{MINISTRIES_FILE}", MinistryRow)}


def load_token_patterns(reader: ResourceReader, folder: str = DEFAULT_FOLDER) -> list[TokenPattern]:
    """The token patterns; every row of a family must name the same check."""
    rows = reader.jsonl(f"{folder}/{PATTERNS_FILE}", TokenPattern)
    checks: dict[str, str] = {}
    for row in rows:
        if checks.setdefault(row.id, row.check) != row.check:
            raise ResourceError(f"models/{folder}/{PATTERNS_FILE}: family {row.id!r} names two checks")
    return rows


def load_commodities(reader: ResourceReader, folder: str = DEFAULT_FOLDER) -> CommodityLexicon:
    return reader.json(f"{folder}/{COMMODITIES_FILE}", CommodityLexicon)


def load_headline_words(reader: ResourceReader, folder: str = DEFAULT_FOLDER) -> frozenset[str]:
    return frozenset(reader.json(f"{folder}/{HEADLINE_WORDS_FILE}", WordList).words)


def org_suffix_words(patterns: list[TokenPattern]) -> frozenset[str]:
    """The words an organisation name may end in ("Ltd", "Minerals", "Agency"): every exact ORTH word after the
    first name token (a ``TEXT`` regex) of an ORG pattern, so ``patterns.jsonl`` is the one list."""
    words: set[str] = set()
    for row in patterns:
        if row.label != "ORG":
            continue
        named = False
        for token in row.pattern:
            if "TEXT" in token:
                named = True
                continue
            value = token.get("ORTH")
            if named and isinstance(value, str):
                words.add(value)
            elif named and isinstance(value, dict):
                words.update(value.get("IN", ()))
    return frozenset(words)

