"""Every label orewire writes or reads, defined once: record Literals, zones, span-group and
extension names, and the factory names of the pipeline's components."""

from __future__ import annotations

from typing import Literal, get_args

Zone = Literal["title", "dateline", "heading", "body", "related", "boilerplate"]
EntityLabel = Literal["ORG", "PERSON", "GPE", "LOC", "NORP", "COMMODITY", "FACILITY", "LAW"]
QuantityType = Literal["mass", "money", "price", "percent", "count", "duration", "other"]
Qualifier = Literal["approx", "lt", "le", "gt", "ge"]
Period = Literal["year", "month", "week", "day"]
Granularity = Literal["minute", "day", "week", "month", "quarter", "half", "year", "decade"]
DateModifier = Literal["early", "mid", "late", "start", "end"]
Resolution = Literal["absolute", "relative", "unresolved"]
Modality = Literal["actual", "planned", "possible", "negated"]
EventType = Literal[
    "export_restriction",
    "regulation",
    "policy_strategy",
    "exploration",
    "resource_estimate",
    "project_milestone",
    "supply_agreement",
    "financing",
    "investment",
    "feasibility_study",
    "price_movement",
    "stock_movement",
    "cooperation_agreement",
    "negotiation",
    "merger_acquisition",
    "production_output",
    "supply_disruption",
]
ArgumentRole = Literal[
    "agent",
    "counterparty",
    "beneficiary",
    "location",
    "commodity",
    "project",
    "amount",
    "quantity",
    "date",
    "effective_date",
    "duration",
    "price",
]
ZONES: tuple[Zone, ...] = get_args(Zone)
HEADLINE_ZONES: frozenset[str] = frozenset({"title", "heading"})
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

# spaCy span groups (doc.spans keys) the components write and read.
QUANTITY_GROUP = "orewire_quantities"
DATE_GROUP = "orewire_dates"
ENTITY_CANDIDATE_GROUP = "orewire_entity_rules"
# The model's own DATE and numeric entities, kept before the entity stage replaces doc.ents.
MODEL_DATE_GROUP = "orewire_model_dates"
MODEL_NUMERIC_GROUP = "orewire_model_numeric"
# ORG mentions only the model gives, with no role in a clause (components/entities/support.py).
UNSUPPORTED_MODEL_GROUP = "orewire_unsupported_model_orgs"
# GPE mentions only the model gives, that no table knows and nothing marks as a place (components/entities/place_cues.py).
UNCUED_MODEL_PLACE_GROUP = "orewire_uncued_model_places"

# Doc and Span extension names (``doc._.<name>``).
BLOCK_EXTENSION = "orewire_block"
EVENTS_EXTENSION = "orewire_events"
WARNINGS_EXTENSION = "orewire_warnings"
ENTITY_EXTENSION = "orewire_entity"
QUANTITY_EXTENSION = "orewire_quantity"
DATE_EXTENSION = "orewire_date"

# Factory names of the stages, in pipeline order (registered as spacy_factories entry points).
ENTITIES_FACTORY = "orewire_entities"
QUANTITIES_FACTORY = "orewire_quantities"
DATES_FACTORY = "orewire_dates"
EVENTS_FACTORY = "orewire_events"
STAGES = (ENTITIES_FACTORY, QUANTITIES_FACTORY, DATES_FACTORY, EVENTS_FACTORY)
