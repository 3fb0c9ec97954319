"""Which entity labels play which part when the event stage reads a trigger's sentence (``models/events/cues.json``,
key ``role_labels``).

A model of its own, read as a key of ``EventCues``; ``pipeline/components/events/`` passes its sets to the parse
readers (``syntax.py``, ``goals.py``, ``parties.py``) and uses them in ``agents.py`` (with its base
``agent_clauses.py``), ``arguments.py`` and ``vetting.py``.
"""

from __future__ import annotations

from pydantic import Field

from pipeline.resources.files import StrictData
from pipeline.schema.labels import EntityLabel


class RoleLabels(StrictData):
    """Entity labels by the part their entities play around a trigger."""

    place_labels: frozenset[EntityLabel] = Field(default=frozenset(), description="Places: one owning a company noun "
                                                 "or a named site describes it ('Peru's state miner'), one naming the "
                                                 "noun after it says where that is ('Closes Quebec Mine'), one as "
                                                 "agent acts only as a government; otherwise a location.")
    named_labels: frozenset[EntityLabel] = Field(default=frozenset(), description="What a place may own and describe: "
                                                 "a company, a site ('Chile's Toquepala mine': the site, not Chile).")
    state_labels: frozenset[EntityLabel] = Field(default=frozenset(), description="A subject of a word of fostering "
                                                 "with one of these labels is a public body ('Fenwick will promote "
                                                 "exploration').")
    actor_labels: frozenset[EntityLabel] = Field(default=frozenset(), description="A name compounded onto an activity "
                                                 "noun with one of these labels does the activity ('a Kestrel "
                                                 "acquisition').")
    antecedent_labels: frozenset[EntityLabel] = Field(default=frozenset(), description="What an anaphor takes up as "
                                                      "its actor, an organisation or a country: a subject pronoun from "
                                                      "the clause or sentence before it ('Norway has been buying "
                                                      "cobalt. It imported ...'); a descriptive anaphor ('the "
                                                      "Australian explorer') only when it can name one of these.")
    name_labels: frozenset[EntityLabel] = Field(default=frozenset(), description="Names a trigger word inside of "
                                                "which, outside headlines, is part of the name ('Export Development "
                                                "Canada').")
    masked_labels: frozenset[EntityLabel] = Field(default=frozenset(), description="Names whose words unwanted cues "
                                                  "are looked for without ('European Investment Bank' is no "
                                                  "investment).")
    object_name_labels: frozenset[EntityLabel] = Field(default=frozenset(), description="Entities whose words are "
                                                       "never read as a trigger's object word ('acquire Kestrel "
                                                       "Resources' buys a company, not resources).")
