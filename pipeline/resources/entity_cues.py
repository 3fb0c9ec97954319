"""The word lists of ``cue_words.json``, the entity stage's rule words (split out of ``entities.py``, which loads them)."""

from __future__ import annotations

from pydantic import model_validator

from pipeline.resources.files import StrictData


class CueWords(StrictData):
    """The word lists of ``cue_words.json`` (what each one is for: ``models/entities/README.md``)."""

    leading_words: frozenset[str]
    section_numbers: frozenset[str]
    unit_words: frozenset[str]
    facility_keywords: frozenset[str]
    facility_descriptors: frozenset[str]
    site_work: frozenset[str]
    law_heads: frozenset[str]
    law_name_words: frozenset[str]
    law_adjectives: frozenset[str] = frozenset()  # "the new Mining Code": no word of the law's name (national_laws.py)
    source_nouns: frozenset[str] = frozenset()  # "according to X data": what a cited data provider gives (sources.py)
    citing_phrases: frozenset[str] = frozenset()  # "according to", "told": right before a cited source's name
    outlet_verbs: frozenset[str] = frozenset()  # "Kitco.com reported": an outlet's own reporting verbs
    section_uses: frozenset[str] = frozenset()  # "Section 232 tariffs": what a law's numbered section names (vetting)
    country_nouns: frozenset[str] = frozenset()  # "the country's mining code": the country the law is of
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
    literal_of_heads: frozenset[str] = frozenset({"city", "centre", "center"})  # "<head> of <capital>": the city
    person_titles: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    credit_words: frozenset[str] = frozenset()
    credit_roles: frozenset[str] = frozenset()  # "(Reporting by Name; Editing by Name)": staff credits, no actors
    credit_helps: frozenset[str] = frozenset()  # "--With assistance from Name in Place": a staff credit's "from" form
    contribution_phrases: tuple[str, ...] = ()  # "The Agency contributed to this report.": a credit, no actor
    legal_prefixes: frozenset[str] = frozenset()
    partnership_suffixes: frozenset[str] = frozenset()
    legal_forms: frozenset[str] = frozenset()  # a company's legal form, never a name alone ("LLC", "Ltd.")
    portfolio_titles: frozenset[str] = frozenset()
    placing_words: frozenset[str] = frozenset()
    proximity_words: frozenset[str]
    job_title_words: frozenset[str] = frozenset()
    government_heads: frozenset[str] = frozenset()
    nationality_state_heads: frozenset[str] = frozenset()  # "the Malian State": a government head after a nationality
    of_heads: frozenset[str] = frozenset()
    joined_body_heads: frozenset[str] = frozenset()  # "the X and Y Market": heads beside ``of_heads`` an "and" name may end in
    region_heads: frozenset[str] = frozenset()
    unit_heads: frozenset[str] = frozenset()  # a title-case unit word after an ORG is part of it ("... Division")
    feature_heads: frozenset[str] = frozenset()  # "the Uyuni salt flat": the name before them is a LOC
    mass_words: frozenset[str] = frozenset()  # "<n> tonnes of" + a word that is a commodity only in context ("lead")
    commodity_trade_heads: frozenset[str] = frozenset()  # "lead smelter", "lead producer": "lead" is the metal
    site_plurals: frozenset[str] = frozenset()
    site_keywords: frozenset[str] = frozenset()  # after a name, make it a site ("the Lennox deposit")
    site_name_keywords: frozenset[str] = frozenset()  # end a facility's name inside a model span ("Donald Project")
    site_of_keywords: frozenset[str] = frozenset()  # before "of" + name ("the mine of Kamilombe")
    trailing_connectors: frozenset[str] = frozenset()  # join a name's parts, never end it ("Ministry of Commerce and")
    caption_labels: frozenset[str] = frozenset()
    division_heads: frozenset[str] = frozenset()
    settlement_heads: frozenset[str] = frozenset()
    leading_prepositions: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    address_countries: frozenset[str] = frozenset()  # write "Town, ST" with the ISO 3166-2 subdivision part
    regional_abbreviations: dict[str, dict[str, str]] = {}  # "SA" -> source country -> gazetteer name
    state_abbreviations: dict[str, str] = {}  # "Ariz." -> "US-AZ": news style's state and province abbreviations
    dateline_place_abbreviations: dict[str, str] = {}  # "COOSA Co., Ala.": "Co." -> "County" in a dateline
    furniture_labels: frozenset[str] = frozenset()  # "Keywords:", "Posted by:": the names after them are furniture
    furniture_lines: tuple[str, ...] = ()  # "Email a friend": widget lines that name nothing
    name_lowercase_words: frozenset[str] = frozenset()  # the only lower-case words a name holds ("of", "de")
    feature_name_heads: frozenset[str] = frozenset()  # close a place name ("Texas Gulf Coast", "Atlantic Ocean")
    feature_lower_heads: frozenset[str] = frozenset()  # after a name, make it a LOC without them ("the X greenstone belt")
    compass_words: frozenset[str] = frozenset()  # open a place name before such a head ("North Atlantic Ocean")
    adviser_roles: frozenset[str] = frozenset()  # "legal counsel was X", "X acted as adviser": X is a firm
    bearing_words: frozenset[str] = frozenset()  # before "of" and a place ("west of X, Idaho"): X is a town
    stock_exchanges: frozenset[str] = frozenset()  # after a colon in a symbol-first listing ("(AG: NYSE; FMV: Frankfurt)")
    index_providers: frozenset[str] = frozenset()  # "FTSE 100", "S&P/TSX Composite": a stock index's name, no ORG
    index_words: frozenset[str] = frozenset()  # "Composite", "Index": what closes a stock index's name
    activity_words: frozenset[str] = frozenset()  # "Engineering and Construction Co.": one company, "and" inside
    site_apposition_heads: frozenset[str] = frozenset()  # "its zinc mining unit, X,": the name after the comma is the site
    appositive_company_nouns: frozenset[str] = frozenset()  # "X, the state-owned utility,": X is a company
    weather_heads: frozenset[str] = frozenset()  # open a storm's name ("Cyclone X"): no class of the guide
    estate_heads: frozenset[str] = frozenset()  # "X Industrial Park": head and descriptor stay in the site's name
    estate_descriptors: frozenset[str] = frozenset()  # the descriptor of such an estate ("Industrial")
    vessel_nouns: frozenset[str] = frozenset()  # before a ship's name ("the vessel, the X"): no class of the guide
    generic_site_words: frozenset[str] = frozenset()  # a name before "site(s)" is the site ("the Okouma site"), a town stays
    mount_words: frozenset[str] = frozenset()  # "Mt Keith": a mountain's name (a mine's in mining copy), no person
    document_heads: frozenset[str] = frozenset()  # "the X Mining Agreement": the name before one is a document's, no ORG
    document_name_heads: frozenset[str] = frozenset()  # "the Bilateral Investment Treaty": a name holding one is a document
    report_heads: frozenset[str] = frozenset()  # "Financial Results", "Works Approval": a report's or approval's title
    site_change_words: frozenset[str] = frozenset()  # "Expansion": work on a site, never a site's whole name
    negating_prefixes: frozenset[str] = frozenset()  # "Non-EU": an adjective, no name
    portfolio_names: frozenset[str] = frozenset()  # "Ministry of Energy and Natural Resources": one body's portfolios
    designation_words: frozenset[str] = frozenset()  # "Phase 3", "Grade 2": a stage or grade, no name
    outlet_heads: frozenset[str] = frozenset()  # "said X News": after a reporting or source word, in the outlet's name
    source_words: frozenset[str] = frozenset()  # "reported by X News", "according to X News"
    armed_group_nouns: frozenset[str] = frozenset()  # "M23 rebels", "the M23 rebel group": the acronym before is an ORG
    occasion_heads: frozenset[str] = frozenset()  # close an occasion's title ("the X Mining Summit"): no class of the guide
    edition_heads: frozenset[str] = frozenset()  # "Forum": an occasion only with an edition (year, "inaugural")
    edition_words: frozenset[str] = frozenset()  # "the inaugural X Forum", "the annual X Forum": one edition of it
    port_heads: frozenset[str] = frozenset()  # "the X port": a port or terminal, a facility like a plant
    state_heads: frozenset[str] = frozenset()  # "Nasarawa State": dropped after a coded subdivision (division_words.py)
    kept_division_heads: frozenset[str] = frozenset()  # "Humboldt County": a division word the read gold keeps
    web_domains: frozenset[str] = frozenset()  # "Mining.com", "Mining.co.uk": top-level domains no ISO 3166-1 code gives

    @model_validator(mode="after")
    def _prefix_names_are_prefixes(self) -> CueWords:
        if not set(self.country_prefix_names) <= self.country_prefixes:
            raise ValueError("every country_prefix_names key must be one of country_prefixes")
        return self
