"""Event resources: the typed models of ``models/events/`` and their loaders.

Trigger rules are token patterns over lemmas. Each lemma also matches its
inflected forms in lower case, because title-case headline words get poor
lemmas ("Signs", "Outlaw" stay as written). Unknown keys are rejected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field, model_validator

from pipeline.resources.event_description import DescriptiveCues
from pipeline.resources.event_figures import OwnerListCues, PartyFigureCues
from pipeline.resources.event_party_types import PartyTypeCues
from pipeline.resources.event_role_labels import RoleLabels
from pipeline.resources.event_words import EventWords
from pipeline.resources.files import ResourceReader, StrictData
from pipeline.schema.labels import EntityLabel, EventType, QuantityType

Strength = Literal["strong", "weak"]
TRIGGERS_FILE = "events/triggers.jsonl"
CUES_FILE = "events/cues.json"
WORDS_FILE = "events/words.json"


class TokenSpec(StrictData):
    """One token of a trigger pattern: a lemma set, an exact lower-case set, or both."""

    lemma: list[str] | None = None
    lower: list[str] | None = None
    op: Literal["?", "*", "+"] | None = None

    @model_validator(mode="after")
    def _one_test(self) -> TokenSpec:
        if not self.lemma and not self.lower:
            raise ValueError("a token spec needs 'lemma' or 'lower'")
        return self


class TriggerRule(StrictData):
    """A trigger pattern for one event type, with the context it needs in its sentence."""

    id: str
    event_type: EventType
    pattern: list[TokenSpec] = Field(min_length=1)
    strength: Strength = "strong"
    context_any: list[str] = Field(default_factory=list, description="One of these must be near the trigger.")
    context_none: list[str] = Field(default_factory=list, description="None of these may be near the trigger.")
    window: int = Field(default=0, ge=0, description="Tokens either side searched for context; 0 = sentence.")
    quantity_any: list[QuantityType] = Field(default_factory=list, description="The sentence needs one of these.")
    quantity_none: list[QuantityType] = Field(default_factory=list, description="The sentence may have none of "
                                              "these: zinc rose 3% to 120,239 t is an output, not a price.")
    next_any: list[str] = Field(default_factory=list, description="One of these lower-case words follows the trigger.")
    quantity_before: list[QuantityType] = Field(default_factory=list, description="A quantity of these types ends "
                                                "right before the trigger: a $512 million expansion.")
    title_only: bool = Field(default=False, description="Fires only in titles, headings and teaser headlines.")
    none_window: int | None = Field(default=None, ge=0, description="Window for context_none; None = window.")
    entity_any: list[str] = Field(default_factory=list, description="The sentence needs an entity of these labels.")
    needs_date: bool = Field(default=False, description="The sentence needs a date mention.")
    skip_pobj: list[str] = Field(default_factory=list, description="Prepositions that make a noun trigger background.")
    skip_deps: list[str] = Field(default_factory=list, description="Trigger dependency labels that mark background.")
    not_verb: bool = Field(default=False, description="Outside headlines, a verb reading does not fire: plans to.")
    skip_definite: bool = Field(default=False, description="A noun trigger after the or that refers back; skip it.")
    verb_only: bool = Field(default=False, description="Outside headlines, only a verb reading fires: prices firmed.")
    skip_negated: bool = Field(default=False, description="A negated trigger ('has not contracted') does not fire.")
    object_any: list[str] = Field(default_factory=list, description="A verb trigger's object (or passive subject) "
                                  "must be one of these lemmas or entity labels: idled the smelter.")
    object_none: list[str] = Field(default_factory=list, description="Lemmas a verb trigger's object (or passive "
                                   "subject) may not have: closed a placement, cut the cost (no plant stopped).")
    modifier_none: list[str] = Field(default_factory=list, description="Lemmas a noun trigger's compound modifier "
                                     "may not have: contractor shortages (what is short is no commodity).")
    subject_none: list[str] = Field(default_factory=list, description="Lemmas the subject of the trigger's clause "
                                    "may not have: sales were higher (not a price).")
    subject_any: list[str] = Field(default_factory=list, description="Lemmas (or entity labels) one of which the "
                                   "subject of a verb trigger's clause must have, however far from it: prices for "
                                   "heavy rare earths have surged (the subject says what moved), dysprosium climbed "
                                   "26% (a COMMODITY subject); body sentences only, a headline's parse is too poor.")
    said_of_any: list[str] = Field(default_factory=list, description="Lemmas (or entity labels) one of which the "
                                   "noun a body trigger is said of must have (the noun it modifies or stands beside, "
                                   "else its clause's subject), unless the clause names a sum of money or a price: "
                                   "advanced talks, fundamentals stronger than ever (no price move).")
    agent_preps: list[str] = Field(default_factory=list, description="Prepositions on a verb trigger whose object "
                                   "is the agent, the subject being a share: 90% of the world's tungsten comes from "
                                   "Fenwick, about 80% is refined in Norland.")
    state: bool = Field(default=False, description="The rule reports a standing (a share of world output): a present-tense "
                        "description still reports it.")
    ranked: bool = Field(default=False, description="Fires only as a ranked standing said of another thing (a superlative or "
                         "``ranking_words`` noun as a copula's complement, inside 'one of'): X is the world's biggest producer.")
    present_none: bool = Field(default=False, description="A verb trigger in the simple present or the present progressive, in "
                               "a sentence with no date, tells an ongoing activity ('is collaborating with'), not an act.")
    goal_verbs: list[str] = Field(default_factory=list, description="Lemmas of a verb whose object the noun trigger "
                                  "is, making it a goal rather than an act: to attract investment; also of a noun "
                                  "whose 'for' object it is: a need for investment.")
    purpose_any: list[str] = Field(default_factory=list, description="Lemmas one of which a to-infinitive saying "
                                   "what the noun trigger is for must have: a deal to supply cathode (a supply "
                                   "deal, however many words apart), not a deal to cooperate.")
    act_words: list[str] = Field(default_factory=list, description="Negation cues naming the rule's act: cancelled.")
    rate_type: EventType | None = Field(default=None, description="A noun of the trigger whose 'of' object is a "
                                        "rate (a quantity per year, per day) states a figure of this type, not the "
                                        "rule's: initial output of 300,000 t/y (an output, not a milestone).")


class ModalityCues(StrictData):
    planned: list[str]
    possible: list[str]
    negated: list[str]
    conditional: list[str]


class DocumentPolicy(StrictData):
    """Article-level decisions on event records (``cues.json`` "document"): which record is anchored, which actor a
    record without a named subject inherits, and which records report one happening."""

    anchor_roles: list[str] = Field(default_factory=list, description="Any of these roles anchors a record.")
    detail_roles: list[str] = Field(default_factory=list, description="Numbers that anchor a record: with a subject "
                                    "role when ``subject_roles`` is given, alone otherwise.")
    subject_roles: list[str] = Field(default_factory=list, description="What a detail must be about (commodity).")
    subject_anchors: dict[EventType, list[str]] = Field(default_factory=dict, description="Types whose subject "
                                                        "alone anchors a record: a commodity's prices climbed.")
    lead_sentences: int = Field(default=3, ge=0, description="Body sentences after the first that form the lead.")
    inherit_agent: dict[EventType, list[str]] = Field(
        default_factory=dict, description="Event type -> labels of the salient actor a subjectless record takes.")
    state_funding_words: dict[EventType, list[str]] = Field(
        default_factory=dict, description="Event type -> trigger words that name state funding (a grant, a subsidy, "
        "an incentive scheme): such a record inherits a government (``state_funding_labels``), not the company.")
    state_funding_labels: list[str] = Field(default_factory=list, description="Labels a state-funding record "
                                            "inherits (the item's country).")
    item_lead_sentences: int = Field(default=0, ge=0, description="Body sentences after the first that form the lead "
                                     "of an item under a section heading (where its actor is named).")
    third_party_labels: list[str] = Field(default_factory=list, description="Labels of an entity that, named in a "
                                          "record's sentence outside its arguments, is that sentence's own actor: "
                                          "the record inherits no item actor (a country only among GPEs).")
    place_agent_roles: dict[str, str] = Field(default_factory=dict, description="Entity label -> the role a place "
                                              "named as agent takes instead (FACILITY -> project, LOC -> location); "
                                              "the LOC role also serves a province or city agent of a company type.")
    settlement_agent_role: str | None = Field(default=None, description="The role a city (a GPE with no country or "
                                              "subdivision code: a dateline, a plant's town) named as agent takes, for "
                                              "every type: a city is where, never who.")
    speaker_labels: list[str] = Field(default_factory=list, description="Labels of an agent who only speaks or signs "
                                      "for an organisation or government (a person): that agent is dropped and the "
                                      "item's actor inherited ('said the mines minister' -> the country).")
    country_labels: frozenset[EntityLabel] = Field(default=frozenset(), description="Labels of an entity a country "
                                                   "code names as a country (a country, a nationality): a public "
                                                   "body's country, and no agent of a court's decision.")
    inherit_in_sectioned: bool = Field(default=False, description="Whether records of an article with titled "
                                       "sections (a digest of items) inherit the article's salient actor.")
    company_types: list[EventType] = Field(default_factory=list, description="Types a company does (output, milestones, "
                                           "studies, shares): the salient actor they inherit is never a public body.")
    lender_types: list[EventType] = Field(default_factory=list, description="Types whose agent funds another party's "
                                          "work: that agent, with a beneficiary named, is never the inherited actor of a "
                                          "``company_types`` record (the funded company mines, studies and builds).")
    loan_nouns: list[str] = Field(default_factory=list, description="Trigger words of a loan: a ``lender_types`` record "
                                  "so named whose agent is a borrowing company takes the one lender its sentence names.")
    lender_words: list[str] = Field(default_factory=list, description="Words in an organisation's name that make it a "
                                    "lender (a bank), besides the public bodies of ``government_words``.")
    state_agent_types: list[EventType] = Field(default_factory=list, description="Types only a state does (an export "
                                               "ban): a company or person agent is dropped, the country is inherited.")
    market_wide_words: list[str] = Field(default_factory=list, description="Words that, among the few before a "
                                         "trigger, make it a market-wide statement that inherits no actor: global "
                                         "tungsten production rose, world reserves (docs/annotation.md).")
    group_counts: list[str] = Field(default_factory=list, description="Count words that, before a plural "
                                    "``group_nouns`` noun ahead of a trigger, name the sentence's own unnamed actors "
                                    "('five companies plan to invest'): the record inherits no item actor.")
    group_nouns: list[str] = Field(default_factory=list, description="Plural nouns of actors counted by "
                                   "``group_counts`` (companies, miners, producers).")
    market_words: list[str] = Field(default_factory=list, description="Last words of an organisation's name that make "
                                    "it a market, never an actor (exchange).")
    agentless_reach: int = Field(default=0, description="Sentences between a record left without agent and a "
                                 "record of its type with one that it folds into when nothing tells them apart "
                                 "(a retelling, not a second happening by nobody); 0 = never.")
    media_words: list[str] = Field(default_factory=list, description="Words of an organisation's name that make it a news "
                                   "outlet (a newspaper, a news agency: 'China Daily', 'X News Observer'): it reports, never acts.")
    no_agent_types: list[EventType] = Field(default_factory=list, description="Types that never inherit an agent.")
    agent_required_types: list[EventType] = Field(default_factory=list, description="Types whose record is dropped "
                                                  "when it still names no agent at the end (the dev gold names one).")
    lone_back_reference_types: list[EventType] = Field(
        default_factory=list, description="Types whose definite trigger ('the contract', read without the cue words "
        "of its first telling) is kept when the article has no other record of the type and the record names a role "
        "of lone_back_reference_roles.")
    lone_back_reference_roles: list[str] = Field(default_factory=list, description="Roles one of which a kept "
                                                 "back reference names (read dev: the counterparty, both sides of a deal).")
    counterparty_agent_types: list[EventType] = Field(default_factory=list, description="Two-party types whose lone "
                                                      "record of its type with no agent takes its counterparty as agent.")
    same_act: list[tuple[EventType, EventType]] = Field(
        default_factory=list, description="(kept, folded): in one sentence the second type reports the first's act.")
    same_act_agent_only: list[tuple[EventType, EventType]] = Field(default_factory=list, description="``same_act`` "
                                                                   "pairs that fold only when both records name one "
                                                                   "agent: the government approved the expansion (one "
                                                                   "act), not a milestone the company did beside it.")
    same_act_unless: dict[EventType, list[str]] = Field(default_factory=dict, description="Second types of a "
                                                        "``same_act`` pair that stay their own act when the record "
                                                        "names one of these roles: a price move of a named commodity "
                                                        "beside a share move is a quotation, one without is the share's.")
    same_act_by_amount: bool = Field(default=False, description="A ``same_act`` pair also folds across sentences "
                                     "when both records name the same sum of money (a headline and its body).")
    court_words: list[str] = Field(default_factory=list, description="Trigger words of a court's decision (a "
                                   "ruling): no country agent, its judge kept, no actor inherited.")
    same_act_words: dict[EventType, list[str]] = Field(default_factory=dict, description="Type -> first words of "
                                                       "a trigger that name the act of its ``same_act`` partner (a bid "
                                                       "for a company is its takeover): such a record folds into a "
                                                       "partner record anywhere whose agent is its own or none.")
    sum_retellings: list[EventType] = Field(default_factory=list, description="Types whose agentless record naming "
                                            "the sum of a same-type record with an agent retells it (one raise).")
    non_agents: list[str] = Field(default_factory=list, description="Names that report or list, never act: wire "
                                  "services, price agencies, data providers, stock exchanges (Reuters, SMM, ASX).")
    government_types: list[EventType] = Field(default_factory=list, description="Types only a government or public "
                                              "body does: a record whose agent is a company is no such event.")
    government_words: list[str] = Field(default_factory=list, description="Words that make an organisation's name "
                                        "a public body (ministry, department, commission).")
    government_nouns: list[str] = Field(default_factory=list, description="Nouns that, after a nationality and at "
                                        "most one ``government_words`` word, name its government (\"Fenwickian government\").")
    industry_body_words: list[str] = Field(default_factory=list, description="Words that make an organisation's "
                                           "name an industry body (a chamber of mines, a miners' association): it speaks "
                                           "for its members and acts for none, so it is never an item's inherited actor.")
    operator_types: list[EventType] = Field(default_factory=list, description="Types only an operator does (output, "
                                            "stoppages, milestones): an industry body named as their agent speaks "
                                            "for members it does not name, so the record keeps no agent.")
    confidence_by_roles: list[float] = Field(default_factory=list, description="Confidence of a record by its number "
                                             "of distinct argument roles (index; the last entry for more): the precision "
                                             "measured on the real-news dev half. Empty keeps the stage's scores.")
    modality_confidence: dict[str, float] = Field(default_factory=dict, description="Added to the confidence of a "
                                                  "record of that modality (planned, possible: measured lower).")
    confidence_by_modality: dict[str, list[float]] = Field(default_factory=dict, description="A modality's own "
                                                           "``confidence_by_roles`` (planned, possible, negated records "
                                                           "measured apart), used for its records in place of the first.")
    same_happening: list[EventType] = Field(default_factory=list, description="Types whose records about one actor in "
                                            "one section join when their numbers and dates agree (one happening).")
    article_happenings: list[EventType] = Field(default_factory=list, description="Types of which an article "
                                                "reports one happening per actor: all records of one with the same "
                                                "agent join, whatever their figures, dates and sections (a share "
                                                "move told with its day's gain, intraday high and year-to-date rise).")
    clause_happenings: list[EventType] = Field(default_factory=list, description="``same_happening`` types whose two "
                                               "records in one sentence stay two unless their arguments are the same "
                                               "(coordinated clauses: 'A exported 12 t, while B shipments fell').")
    category_happenings: dict[EventType, list[str]] = Field(default_factory=dict, description="Type -> trigger "
                                                            "words naming one category of a figure (a resource's "
                                                            "inferred part): folds into its actor's first record.")
    happening_keys: dict[EventType, list[str]] = Field(default_factory=dict, description="Type -> the roles ('year' = "
                                                       "the years of its dates) that tell two happenings of that type "
                                                       "apart when both records name one with no value shared: a "
                                                       "follow-up naming another sum, year or buyer reports another "
                                                       "deal ('a $60m stake' then 'also a $10m share investment').")
    background_sections: list[str] = Field(default_factory=list, description="Regexes (case-insensitive) on a "
                                           "record's section title that mark background: 'About <company>', disclaimers.")
    background_sentences: list[str] = Field(default_factory=list, description="Regexes (case-insensitive) on the "
                                            "evidence sentence that mark it as no report: captions, forward-looking "
                                            "statement disclaimers, 'Read more' teasers.")
    unreal_modalities: list[str] = Field(default_factory=list, description="Modalities of a record that reports an "
                                         "act which did not happen (negated): no event record.")
    unreal_kept_types: list[EventType] = Field(default_factory=list, description="Types kept with such a modality: "
                                               "talks that failed still took place.")
    stake_pair: tuple[EventType, EventType] | None = Field(default=None, description="The acquisition and the "
                                                           "investment type one stake purchase can be read as.")
    control_share: float | None = Field(default=None, ge=0, le=100, description="The stake percentage from which a "
                                        "purchase is an acquisition (control), below it an investment.")
    source_before: list[str] = Field(default_factory=list, description="Regexes (case-insensitive) on the text right "
                                     "before a name that make it a source of the report ('according to a report by'): "
                                     "a name the article only cites is never an actor.")
    source_after: list[str] = Field(default_factory=list, description="Regexes (case-insensitive) on the text right "
                                    "after a name that make it a source: a publisher's dateline '(Oct 24) --', "
                                    "'<bank> analysts'.")
    quoted_modalities: list[str] = Field(default_factory=list, description="Modalities of a record whose trigger is "
                                         "inside quoted speech that needs a ``quoted_anchor_roles`` argument.")
    quoted_anchor_roles: list[str] = Field(default_factory=list, description="What makes quoted talk about the future "
                                           "concrete: an amount, a quantity, a date.")
    company_nouns: list[str] = Field(default_factory=list, description="Nouns that name a company: an anaphor with "
                                     "one ('the company', 'the miner') never resolves to a public body, and a "
                                     "nationality before one describes the company named after it ('French miner X').")
    subject_continuations: dict[EventType, list[str]] = Field(default_factory=dict, description="Type -> the subject "
                                                              "roles (commodity) without which a record continues "
                                                              "the nearest earlier record of its type in its section, "
                                                              "up to two sentences back: 'Cobalt rose 7% and now "
                                                              "trades at $50,000 a ton' is one quotation.")
    subject_labels: dict[str, str] = Field(default_factory=dict, description="Subject role -> the entity label that "
                                           "names it: a record of a ``subject_continuations`` type whose sentence names "
                                           "an entity of that label the record before it lacks reports its own "
                                           "happening ('Zinc was up 0.8% after hitting a high' after an aluminium "
                                           "quotation), even when the record's own argument missed it.")
    sentence_antecedents: bool = Field(default=False, description="A descriptive anaphor ('the government') takes the "
                                       "one actor of its labels named before it in its own sentence first.")
    operated_types: list[EventType] = Field(default_factory=list, description="Types a site's operator does (output, "
                                            "milestones, stoppages): a record naming a facility as its project "
                                            "inherits no country (the site is in it, does not act for it), and with "
                                            "no organisation to inherit the facility names its operator as agent.")
    stoppage_types: list[EventType] = Field(default_factory=list, description="Types a country does not do as such "
                                            "(a stoppage or shortage in its industry): a country agent of one becomes "
                                            "its location, unless the words after it name its government ('Chinese "
                                            "government curbs cut output'), and none is inherited.")
    site_place_preps: list[str] = Field(default_factory=list, description="Prepositions that, among the two words "
                                        "before a facility, make it where another thing acts ('a smelter at the X "
                                        "park'): such a facility never stands for its operator (``operated_types``).")
    leading_site_types: list[EventType] = Field(default_factory=list, description="Types whose record, naming a "
                                                "facility as project that opens the sentence as its subject before "
                                                "the trigger ('The X mine produced 8,000 t'), takes the facility as "
                                                "agent instead of inheriting the item's actor (``site_leads``).")
    other_subject_words: list[str] = Field(default_factory=list, description="Pronouns that, before a trigger, make "
                                           "another the subject ('It will lift X's capacity', 'will double our "
                                           "production'), not a leading site (``leading_site_types``).")
    site_nouns: list[str] = Field(default_factory=list, description="Nouns of one site or of a company's "
                                  "operations: a nationality on one, at most two lower-case words before it ('an "
                                  "Indonesian nickel smelter', 'its South African manganese operations'), says where "
                                  "the site is, not who acts, so it does not keep a record from inheriting its item's "
                                  "actor (``third_party_labels``).")
    owner_phrases: list[str] = Field(default_factory=list, description="Phrases naming a site's owner right after "
                                     "them ('a plant owned by X', 'the mine is operated by Y'): when the article names "
                                     "one such owner, an ``operated_types`` record of an item without a company of its "
                                     "own inherits that owner.")
    owner_gap: int = Field(default=0, description="Words allowed between an owner phrase and the owner's name "
                           "('owned by Singapore-based X').")
    ministry_is_country: bool = Field(default=False, description="A public body's record (a ministry: an organisation "
                                      "with a ``government_words`` word) is its country's when folding one happening: "
                                      "'China will control exports' + 'the Ministry of Commerce announced controls'.")
    ministry_nationality: bool = Field(default=False, description="A public body named right after a country ('the "
                                       "Chinese Ministry of X') is that country's when folding, whatever else is named.")


class EventCues(StrictData):
    """Word lists the event stage uses besides triggers."""

    modality: ModalityCues
    anaphors: dict[str, list[str]] = Field(description="Anaphoric noun phrase -> entity labels it can refer to.")
    background: list[str]
    back_reference_skip_pobj: list[str] = Field(default_factory=list, description="Prepositions whose object a "
                                                "definite trigger held as a back reference may not be ('the terms of "
                                                "the deal': the deal is context, not the news).")
    effective_markers: list[str]
    counterparty_preps: list[str]
    beneficiary_preps: list[str]
    agent_labels: list[str]
    national_act_types: list[EventType] = Field(default_factory=list, description="Types whose noun trigger a "
                                                "nationality adjective gives its country as agent: 'Canadian funding', "
                                                "'Indonesian exports' (national trade statistics are the country's).")
    giver_types: list[EventType] = Field(default_factory=list, description="Types whose receiver is not the actor: "
                                         "'received a loan from X' names X as agent.")
    continued_types: frozenset[EventType] = Field(default=frozenset(), description="Types whose details spread over "
                                                  "sentences: a follow-up sentence (a study's NPV then its capex, a "
                                                  "loan then its terms) continues the record before it "
                                                  "(``pipeline/article/merging.py``).")
    party_types: PartyTypeCues = Field(default_factory=PartyTypeCues)
    role_labels: RoleLabels = Field(default_factory=RoleLabels)
    document: DocumentPolicy = Field(default_factory=DocumentPolicy)
    descriptive: DescriptiveCues = Field(default_factory=DescriptiveCues)
    party_figures: PartyFigureCues = Field(default_factory=PartyFigureCues)
    owner_lists: OwnerListCues = Field(default_factory=OwnerListCues)


@dataclass(frozen=True)
class EventResources:
    """Everything the event stage reads from ``models/events/``."""

    rules: list[TriggerRule]
    cues: EventCues
    words: EventWords


def load_trigger_rules(reader: ResourceReader, path: str = TRIGGERS_FILE) -> list[TriggerRule]:
    return reader.jsonl(path, TriggerRule)


def load_event_cues(reader: ResourceReader, path: str = CUES_FILE) -> EventCues:
    return reader.json(path, EventCues)


def load_event_words(reader: ResourceReader, path: str = WORDS_FILE) -> EventWords:
    return reader.json(path, EventWords)


def load_event_resources(
    reader: ResourceReader, *, triggers_file: str = TRIGGERS_FILE, cues_file: str = CUES_FILE,
    words_file: str = WORDS_FILE,
) -> EventResources:
    """The trigger rules, cues and grammar words, validated."""
    return EventResources(
        rules=load_trigger_rules(reader, triggers_file),
        cues=load_event_cues(reader, cues_file),
        words=load_event_words(reader, words_file),
    )
