"""Which event types read a trigger's parties in which way (``models/events/cues.json``, key ``party_types``).

A model of its own, read as a key of ``EventCues``; ``pipeline/components/events/agents.py`` (the agent) and
``pipeline/components/events/arguments.py`` (counterparties, beneficiaries, effective dates) use it.
"""

from __future__ import annotations

from pydantic import Field

from pipeline.resources.files import StrictData
from pipeline.schema.labels import EventType


class PartyTypeCues(StrictData):
    """Event types whose agent, counterparty, beneficiary or effective date the parse gives in a way of their own."""

    no_fallback_agent_types: frozenset[EventType] = Field(default=frozenset(), description="Types whose agent is "
                                                          "never the first party of the clause, nor a subject "
                                                          "outside the trigger's own clause: a forecaster does "
                                                          "not move a price.")
    modifier_agent_types: frozenset[EventType] = Field(default=frozenset(), description="Types whose agent may be "
                                                       "an entity modifying the noun trigger: 'Lynas shares', "
                                                       "'talks between A and B'.")
    holder_types: frozenset[EventType] = Field(default=frozenset(), description="Types whose agent holds what is "
                                               "reported (reserves): a place holding it, or a 'by' phrase unless a "
                                               "holding verb governs the trigger.")
    provider_types: frozenset[EventType] = Field(default=frozenset(), description="Types whose 'from X' on the "
                                                 "trigger noun names the provider: 'an equity investment from the "
                                                 "fund', 'a loan from X'.")
    received_provider_types: frozenset[EventType] = Field(default=frozenset(), description="Types whose 'from X' "
                                                          "names the provider only after a receiving verb ('received "
                                                          "a takeover approach from X'): 'bought A from B' names a "
                                                          "seller.")
    lending_noun_types: frozenset[EventType] = Field(default=frozenset(), description="Types whose lending noun names its "
                                               "lender: 'an EXIM loan', 'a loan agreement with X' "
                                               "(``parties.lender_party``).")
    agreement_types: frozenset[EventType] = Field(default=frozenset(), description="Types of a deal or talks between "
                                                  "sides: the side of a hyphened pair ('a Japan-India framework') "
                                                  "or a conjunct of the agent that is not the agent is the "
                                                  "counterparty.")
    counterparty_types: frozenset[EventType] = Field(default=frozenset(), description="Types with a counterparty "
                                                     "after a ``counterparty_preps`` preposition or 'between'.")
    to_counterparty_types: frozenset[EventType] = Field(default=frozenset(), description="``counterparty_types`` "
                                                        "whose counterparty may also follow 'to' (supplies to X, "
                                                        "exports to X).")
    beneficiary_types: frozenset[EventType] = Field(default=frozenset(), description="Types whose party after a "
                                                    "``beneficiary_preps`` preposition, or as the verb's object, is "
                                                    "the beneficiary: funds for X, lent X.")
    effective_date_types: frozenset[EventType] = Field(default=frozenset(), description="Types whose date after an "
                                                       "``effective_markers`` word is the day they take effect.")
