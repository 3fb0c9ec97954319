"""The cues of ranked lists in the event stage (``models/events/cues.json``, key ``party_figures``).

A model of its own, read as one key of ``EventCues``; ``pipeline/components/events/party_figures.py`` uses it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pipeline.schema.labels import EventType, QuantityType


class PartyFigureCues(BaseModel):
    """When another party named with a figure of its own is a record of its own ("behind Kestria's 90,000 t")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    types: list[EventType] = Field(default_factory=list, description="Event types a ranked list splits (empty: off).")
    labels: list[str] = Field(default_factory=list, description="Entity labels of a party (a GPE only as a country).")
    quantity_types: list[QuantityType] = Field(default_factory=list, description="Quantity types of a party's figure.")
    links: list[str] = Field(default_factory=list, description="Lower-case words that may stand between a party and "
                             "its figure: the possessive, 'at', 'with', a comma, a bracket.")
    max_gap: int = Field(default=0, ge=0, description="Most tokens between a party and its figure.")
    not_after: list[str] = Field(default_factory=list, description="Phrases (lower-case words) right before a party "
                                 "that make it no producer or holder: exports 'to' a buyer.")
    rank_after: list[str] = Field(default_factory=list, description="Phrases ending with a ``not_after`` phrase that "
                                  "rank the party after all: 'second only to'.")
    coordinated_types: list[EventType] = Field(default_factory=list, description="Event types whose agent's "
                                               "conjuncts act too: 'shares of A and B rose' moves both stocks.")
