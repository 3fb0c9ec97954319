"""The cues of ranked lists and owner lists in the event stage (``models/events/cues.json``, keys ``party_figures``
and ``owner_lists``).

Models of their own, read as keys of ``EventCues``; ``pipeline/components/events/party_figures.py`` and
``pipeline/components/events/owner_lists.py`` use them.
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


class OwnerListCues(BaseModel):
    """When a sentence lists a project's several owners, one record per owner ("held by A (60%) and B (40%)")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event_type: EventType | None = Field(default=None, description="The type of each owner's record (none: off).")
    labels: list[str] = Field(default_factory=list, description="Entity labels of an owner (a GPE only as a country).")
    quantity_types: list[QuantityType] = Field(default_factory=list, description="Quantity types of an owner's share.")
    share_links: list[str] = Field(default_factory=list, description="Lower-case words that may stand between an "
                                   "owner and its share: a bracket, 'holds', 'owns', 'has', 'a'.")
    share_owner_links: list[str] = Field(default_factory=list, description="Lower-case words between a share and "
                                         "the owner after it ('owned 60% by A'): 'by'.")
    max_gap: int = Field(default=0, ge=0, description="Most tokens between an owner and its share.")
    owning_words: list[str] = Field(default_factory=list, description="Lower-case words or lemmas of ownership; a "
                                    "list of shares is an owner list only in a sentence with one ('interest', 'JV').")
    not_owning_words: list[str] = Field(default_factory=list, description="Lower-case words or lemmas of a share of "
                                        "a market or of output, not of a project ('market', 'world'): no owner list.")
    passive_verbs: list[str] = Field(default_factory=list, description="Lower-case past participles whose 'by' "
                                     "names the owners without shares ('owned by A, B and C').")
    list_glue: list[str] = Field(default_factory=list, description="Lower-case words that may stand between two "
                                 "listed owners: a comma, 'and', 'the', a possessive after a country.")
    min_owners: int = Field(default=2, ge=2, description="Fewest owners a list names.")
