"""Quantity resources: the unit, currency, scale, qualifier, number-word and word-list tables
under ``models/quantities``, each validated by a pydantic model that rejects unknown keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pipeline.resources.files import ResourceReader
from pipeline.schema.labels import Period, Qualifier

DEFAULT_FOLDER = "quantities"
QUALIFIERS = ("approx", "lt", "le", "gt", "ge")
BARE_DOLLAR = "$"  # in a table: whatever a bare "$" stands for in the block (SPEC §3)


def _is_iso_currency(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


def _require_iso(codes: Iterable[str]) -> None:
    """Raise (pydantic turns it into a validation error) unless every code is an ISO 4217 currency."""
    unknown = sorted({code for code in codes if not _is_iso_currency(code)})
    if unknown:
        raise ValueError(f"not ISO 4217 currency codes: {unknown}")


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    comment: str = Field("", alias="_comment")


class UnitRow(BaseModel):
    """One unit: its written forms, canonical unit and conversion factor."""

    model_config = ConfigDict(extra="forbid")
    forms: list[str] = Field(min_length=1)
    case_sensitive: bool = False
    glued: bool = False  # only written right after the number ("1.5x", not "3 x 4")
    quantity_type: str = Field(pattern="^(mass|percent|other|duration)$")
    unit: str | None
    factor: float = Field(gt=0)
    per: Period | None = None
    # chemical symbols a case-sensitive form may be glued to, naming the contained metal ("2,600 mtV", "40 ktCu"
    # is written "kt Cu" too): each form + symbol is one more form of the row
    glued_elements: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _glued_needs_case(self) -> UnitRow:
        if self.glued_elements and not self.case_sensitive:
            raise ValueError("glued_elements needs a case-sensitive row: 'mtV' is not 'MTV'")
        return self


class SharedSymbol(BaseModel):
    """A letter symbol that several currencies' presses write ("P": Philippine peso or Botswana pula)."""

    model_config = ConfigDict(extra="forbid")
    default: str | None  # the currency read when nothing in the block or the source decides; None: not read
    cues: dict[str, list[str]]  # currency → words naming its country ("Philippines", "Gaborone", "kwacha")
    countries: dict[str, str] = Field(default_factory=dict)  # source's country code (hints) → currency

    @model_validator(mode="after")
    def _iso(self) -> SharedSymbol:
        _require_iso({*self.cues, *self.countries.values(), *([self.default] if self.default else [])})
        return self


class CurrencyTable(_Table):
    """Currency symbols and words, mapped to ISO 4217 codes, and the cues that decide ``$``, ``¥`` and pounds."""

    prefixes: dict[str, str]
    suffixes: dict[str, str]
    case_sensitive_suffixes: list[str]
    dollar_variants: dict[str, str]
    us_dollar_markers: list[str]
    us_cues: list[str]
    china_cues: list[str]
    japan_cues: list[str]
    british_cues: list[str] = Field(min_length=1)
    # ISO codes that are also English words or common acronyms ("TOP 10", "COP28"): from iso4217.json read only
    # before a scaled number ("KES 2 billion"), never after one
    codes_not_alone: list[str] = Field(default_factory=list)
    # words that set two amounts against each other ("A$20m, while its rival spent $15m"): in such a
    # sentence with a dollar symbol variant, a bare "$" is USD (issue 13)
    contrast_cues: list[str] = Field(default_factory=list)
    # a currency's hundredth written after the number ("45 cents", "20 pence") → ISO code, or BARE_DOLLAR for
    # the dollar the block speaks of; "2 dollars 50 cents" combines with the main unit before it
    subunits: dict[str, str] = Field(default_factory=dict)
    # "45c a share", "85c/lb": a glued lower-case "c" is cents before one of these words (or punctuation, a slash)
    glued_cents_followers: list[str] = Field(default_factory=list)
    # words of a sentence quoting a share price or market value: its dollar variant ("shares rose to C$1.79")
    # is the listing's currency and no evidence for what a bare "$" elsewhere in the block stands for
    listing_cues: list[str] = Field(default_factory=list)
    # prefixes read only before a scaled number ("R5bn" is rand, "Q3" a quarter): filled from iso4217.json
    scaled_prefixes: list[str] = Field(default_factory=list)
    # letter symbols several currencies share, decided per block by country cues ("P2bn" in Manila or Gaborone)
    shared_letter_symbols: dict[str, SharedSymbol] = Field(default_factory=dict)
    # currency names written after the number that stand for one of those shared symbols ("CFA francs" is CFAF:
    # West or Central African by the block's cues); their suffix entry is only a default
    symbol_names: dict[str, str] = Field(default_factory=dict)
    # bare currency names several currencies share ("pesos", "dirhams"), decided like the letter symbols; filled
    # from iso4217.json (a hand-written suffix wins: "rupees" is INR)
    shared_names: dict[str, SharedSymbol] = Field(default_factory=dict)

    @field_validator("subunits")
    @classmethod
    def _subunit_codes(cls, table: dict[str, str]) -> dict[str, str]:
        _require_iso(code for code in table.values() if code != BARE_DOLLAR)
        return table

    @field_validator("prefixes", "suffixes", "dollar_variants")
    @classmethod
    def _iso_codes(cls, table: dict[str, str]) -> dict[str, str]:
        _require_iso(table.values())
        return table


class Iso4217Table(_Table):
    """Every circulating ISO 4217 currency (generated from pycountry by ``build_iso4217.py``)."""

    codes: list[str]
    names: dict[str, str]  # lower-case English name or plural → code
    symbols: dict[str, str] = Field(default_factory=dict)  # CLDR signs ("₵", "zł"): before or after the number
    letter_symbols: dict[str, str] = Field(default_factory=dict)  # CLDR letters ("R", "Rp"): before a scaled number
    # bare names several currencies share ("pesos", "francs"): read as the one a country cue names
    shared_names: dict[str, SharedSymbol] = Field(default_factory=dict)

    @field_validator("names", "symbols", "letter_symbols")
    @classmethod
    def _iso_values(cls, table: dict[str, str]) -> dict[str, str]:
        _require_iso(table.values())
        return table

    @field_validator("codes")
    @classmethod
    def _iso(cls, codes: list[str]) -> list[str]:
        _require_iso(codes)
        return codes


def with_iso4217(table: CurrencyTable, iso: Iso4217Table) -> CurrencyTable:
    """The hand-written table completed with every ISO code (before or after the number) and name (after it).

    Hand-written forms win; codes listed in ``codes_not_alone`` are read only before a scaled number, as letter
    symbols are ("KES 2 billion", "TRY 5bn"; "TOP 10", "COP28" stay words and labels).
    """
    skip = set(table.codes_not_alone)
    codes = [code for code in iso.codes if code not in skip]
    letters = {symbol: code for symbol, code in iso.letter_symbols.items() if symbol not in table.prefixes}
    letters.update({symbol: shared.default or next(iter(shared.cues))
                    for symbol, shared in table.shared_letter_symbols.items() if symbol not in table.prefixes})
    letters.update({code: code for code in iso.codes if code in skip and code not in table.prefixes})
    prefixes = {**{code: code for code in codes}, **iso.symbols, **letters, **table.prefixes}
    suffixes = {**{code: code for code in codes}, **{name: code for name, code in iso.names.items()}, **iso.symbols,
                **table.suffixes}
    exact = sorted(set(table.case_sensitive_suffixes) | {code for code in codes if code not in table.suffixes}
                   | {symbol for symbol in iso.symbols if symbol not in table.suffixes})
    scaled = sorted(set(table.scaled_prefixes) | set(letters))
    written = {suffix.lower() for suffix in table.suffixes}
    shared_names = {word: shared for word, shared in iso.shared_names.items() if word not in written}
    # the suffix pattern reads them; which currency they are is decided per block (CurrencyRules.suffix_at)
    suffixes.update({word: next(iter(shared.cues)) for word, shared in shared_names.items()})
    return table.model_copy(update={"prefixes": prefixes, "suffixes": suffixes, "case_sensitive_suffixes": exact,
                                    "scaled_prefixes": scaled, "shared_names": shared_names})


class ScaleTable(_Table):
    words: dict[str, float]
    case_sensitive: list[str]
    abbreviations: list[str]


class QualifierTable(_Table):
    """Words before a number and the SPEC qualifier they give, with the words that change that reading."""

    phrases: dict[str, Qualifier]
    # "up to", "over": after a movement verb ("rose to", "edged up to") they name the move's target.
    directions: list[str]
    # "up to a further C$5 million": words allowed between a qualifier and its number, tried in order.
    fillers: list[list[str]]

    @field_validator("phrases")
    @classmethod
    def _known(cls, phrases: dict[str, str]) -> dict[str, str]:
        bad = sorted({q for q in phrases.values() if q not in QUALIFIERS})
        if bad:
            raise ValueError(f"unknown qualifiers: {bad}")
        return phrases

    @model_validator(mode="after")
    def _directions_are_phrases(self) -> QualifierTable:
        unknown = sorted(set(self.directions) - set(self.phrases))
        if unknown:
            raise ValueError(f"directions that are not qualifier phrases: {unknown}")
        return self


class NumberWordTable(_Table):
    units: dict[str, float]
    tens: dict[str, float]
    multiples: dict[str, float]
    # "quarter of a million": multiples read only before a scale word (lower case)
    scale_only: list[str] = Field(default_factory=list)


class WordTable(_Table):
    """Word lists the quantity rules consult (all lower case)."""

    period_words: dict[str, Period]  # rate words ("tpa" aside): "annum", "p.a.", "weekly" → period
    rate_nouns: list[str]  # "52,000 tonnes per year of graphite"
    rate_adverbs: list[str]  # "5,000 t annually of ..."
    prepositions: list[str]  # words that end a subject's modifiers ("of wrought gallium" but not "of ore in")
    year_prepositions: list[str]  # "for 2026 to 6,800 mt": a year, not the low end of a range
    movement_words: list[str]  # "rose to", "fell from": "to" is a target, not a range
    range_openers: list[str] = Field(default_factory=list)  # "ranging from 15 to 25": a range, not a move
    # "rose from 15 to 25", "an increase from 5% to 8%": with movement_words, a change between two amounts
    change_words: list[str] = Field(default_factory=list)
    # "lift output from the current level of roughly 600,000 t to 2 Mt": words between "from" and the start
    # of a change (besides qualifier words); with them "from" may stand further back than right before it
    change_start_fillers: list[str] = Field(default_factory=list)
    money_verbs: list[str] = Field(default_factory=list)  # "spent 20 million pounds": sterling, not a mass
    label_words: list[str]  # "Phase 2", "Section 3": a label number, not a count
    rank_words: list[str] = Field(default_factory=list)  # "the top five producers": a rank, not a count
    minus_words: list[str] = Field(default_factory=list)  # "minus 3%": the amount is negative
    # "published 5 years ago": a page's age on the reader's clock, no duration of the article's facts
    reader_clock_words: list[str] = Field(default_factory=list)
    # "revenue was ($99.99)": after a copula, a money amount alone in brackets is an accountant's negative
    accounting_copulas: list[str] = Field(default_factory=list)
    not_counted: list[str]  # "two times", "3 percent": plural nouns that are no counted things
    not_domain_counts: list[str]  # "two sources said": people are no facts for this domain
    # "exports to more than 100 countries", "blocks across five states": where things are, no domain objects
    # (docs/realnews.md, thirteenth batch; the read dev gold leaves them out); countries, nations, then
    # plurals of ISO 3166-2 subdivision types (pycountry), checked in the tests
    place_nouns: list[str] = Field(default_factory=list)
    # "employs 900 people" is a count, "two people familiar with the matter" a source: these nouns count
    # unless a source phrase follows them or a source opener precedes the number
    people_nouns: list[str] = Field(default_factory=list)
    # "killed 13 staff", "40 personnel": singular-looking nouns that name many, counted as plurals are
    collective_count_nouns: list[str] = Field(default_factory=list)
    # "10m shares", "2m people": after a one-letter "m"/"k"/"b" with no currency or unit, these nouns (up to two
    # words later) make it a scale; any other word leaves it a unit ("12m at 2.4 g/t", "1m samples": metres)
    scaled_count_nouns: list[str] = Field(default_factory=list)
    source_phrases: list[str] = Field(default_factory=list)
    source_openers: list[str] = Field(default_factory=list)
    # "two producers said", "84 economists surveyed by ...": any counted noun these verbs follow is who the story
    # quotes, a source (not only people nouns; "said to hold" is no speech)
    speech_verbs: list[str] = Field(default_factory=list)
    # "on strike for a week", "more than a year": "a" + time unit after one of these words is one unit of time
    duration_openers: list[str] = Field(default_factory=list)
    # "a year ago", "a week later", "a month or two": after these words "a <unit>" is no duration of its own
    single_unit_blockers: list[str] = Field(default_factory=list)
    # "for a week or more", "a year or longer": after "or" these words leave "a <unit>" a duration
    open_end_words: list[str] = Field(default_factory=list)
    # "less than a week after", "almost a year ago": after a qualifier these blockers measure a distance in time,
    # itself a duration (docs/realnews.md: "almost one year ago" is one); "a year earlier" alone is none
    distance_words: list[str] = Field(default_factory=list)
    # "A day after halting trading, ...": a sentence opening on one unit and one of these words measures a distance
    event_links: list[str] = Field(default_factory=list)
    # "The ban comes a month after the vote": after one of these verbs, one unit then an event link measures the
    # time between two happenings, as a sentence opening on it does
    event_link_verbs: list[str] = Field(default_factory=list)
    # "one of the two furnaces", "among the eight products": before "the", these words make the spelled number after it
    # the size of a set (a count), where "the two furnaces" alone re-counts things named before
    set_size_openers: list[list[str]] = Field(default_factory=list)
    # "valid for 30 years, renewable for another 20": a bare number after one of these adds to an amount before it
    continuation_words: list[str] = Field(default_factory=list)
    # "45,000 tonnes, up from 38,000 a year earlier": a bare number after one of these, right after an amount, is the
    # base of a comparison written in that amount's unit (pipeline/components/quantities/changes.py)
    comparison_bases: list[str] = Field(default_factory=list)
    # "mined 2.1 million tonnes of ore and processed 1.8 million": after "and" and one of these verbs of a flow of
    # material or money, a bare number at the end of its clause is an amount in the unit written before it
    gapped_verbs: list[str] = Field(default_factory=list)
    # the qualifiers that measure such a distance; not a comparison ("80% higher than a year ago")
    distance_qualifiers: list[str] = Field(default_factory=list)
    # "three consecutive months", "two more years": one of these between a number and a unit of time
    duration_adjectives: list[str] = Field(default_factory=list)
    # "a three-member consortium", "a 12-hole programme": a number hyphenated to one of these nouns counts it
    compound_count_nouns: list[str] = Field(default_factory=list)
    # "killed 28 people and injured ten more": the elided noun of an earlier count
    elided_followers: list[str] = Field(default_factory=list)
    # "nickel on the LME traded at $15,600": exchanges that quote metals per tonne, so a bare amount of a
    # sentence naming one is a price per tonne (written as on the page; matched case-sensitively)
    per_tonne_exchanges: list[str] = Field(default_factory=list)
    # "copper closed at $9,300": verbs quoting a level, read with movement_words by pipeline/article/price_memory.py
    quote_verbs: list[str] = Field(default_factory=list)
    # "a quarter-century", "a year and a half": fractions of one unit of time (pipeline/components/quantities/single.py)
    unit_fractions: dict[str, float] = Field(default_factory=dict)
    # "a couple of years": phrases naming a small number of units of time (single.py)
    couple_phrases: dict[str, float] = Field(default_factory=dict)
    # "circa-27 million tonnes": qualifier words a hyphen may join to the number after them (the qualifier stays
    # outside the span); any other word hyphenated to a number ("COVID-19", "Li2O-6") keeps it out
    hyphened_qualifiers: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class QuantityTables:
    """Every quantity lexicon, validated."""

    units: list[UnitRow]
    currencies: CurrencyTable
    scales: ScaleTable
    qualifiers: QualifierTable
    numbers: NumberWordTable
    words: WordTable

    @property
    def number_words(self) -> dict[str, float]:
        """Every spelled-out number: ones, tens and multiples ("a dozen")."""
        return {**self.numbers.units, **self.numbers.tens, **self.numbers.multiples}


def load_currencies(reader: ResourceReader | None = None, *, folder: str = DEFAULT_FOLDER) -> CurrencyTable:
    """The currency table alone (the article-level hints read its cues), completed from ``iso4217.json``."""
    reader = reader or ResourceReader()
    table = reader.json(f"{folder}/currencies.json", CurrencyTable)
    return with_iso4217(table, reader.json(f"{folder}/iso4217.json", Iso4217Table))


def load_tables(reader: ResourceReader | None = None, *, folder: str = DEFAULT_FOLDER) -> QuantityTables:
    """Load and validate the quantity lexicons of ``models/<folder>`` (or a saved copy, via ``reader``)."""
    reader = reader or ResourceReader()
    return QuantityTables(
        units=reader.jsonl(f"{folder}/units.jsonl", UnitRow),
        currencies=load_currencies(reader, folder=folder),
        scales=reader.json(f"{folder}/scales.json", ScaleTable),
        qualifiers=reader.json(f"{folder}/qualifiers.json", QualifierTable),
        numbers=reader.json(f"{folder}/numbers.json", NumberWordTable),
        words=reader.json(f"{folder}/words.json", WordTable),
    )
