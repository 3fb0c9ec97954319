"""What makes a trigger's clause a present-tense description (``models/events/cues.json``, key ``descriptive``).

A model of its own, read as a key of ``EventCues``; ``pipeline/components/events/description.py`` uses it.
"""

from __future__ import annotations

from pydantic import Field

from pipeline.resources.files import StrictData


class DescriptiveCues(StrictData):
    """What makes a trigger's clause a present-tense description (``components/events/description.py``)."""

    present_tags: list[str] = Field(default_factory=list, description="Penn tags of a simple present verb.")
    bare_tags: list[str] = Field(default_factory=list, description="Penn tags of a bare infinitive complement ('helps "
                                 "boost'): it describes with the verb that governs it.")
    participle_tags: list[str] = Field(default_factory=list, description="Penn tags of a present participle.")
    progressive_perfect: list[str] = Field(default_factory=list, description="Auxiliaries of a present perfect "
                                           "progressive ('has been lending'), all required.")
    anchor_quantity_types: list[str] = Field(default_factory=list, description="Quantity types that anchor a "
                                             "sentence in size (money, mass); percentages do not.")
    exempt_types: list[str] = Field(default_factory=list, description="Event types reported as states (reserves, "
                                    "prices): never descriptions.")
    intent_verbs: frozenset[str] = Field(default=frozenset(), description="Present-tense verbs that announce an "
                                         "intention or decision ('plans a stockpile'): never a description.")
    content_nouns: frozenset[str] = Field(default=frozenset(), description="Nouns whose relative clause states their "
                                          "content ('a law that bars exports'): never a description.")
    relative_clauses: bool = Field(default=False, description="A simple-present verb trigger in a relative clause of a "
                                   "noun that is no rule or deal describes that noun, numbers or not ('miners "
                                   "who each produce 5,000 t a month').")
    happening_preps: frozenset[str] = Field(default=frozenset(), description="Prepositions whose noun object is a "
                                            "happening the clause refers to ('after the ban'): never a description.")
    explaining_types: frozenset[str] = Field(default=frozenset(), description="Event types whose trigger in a clause "
                                             "that explains another ('when copper prices fell') is background.")
    explaining_marks: frozenset[str] = Field(default=frozenset(), description="Words opening an explaining clause "
                                             "(as, when, because), found a few words before the trigger.")
    explaining_fixed: frozenset[str] = Field(default=frozenset(), description="Words before a mark that make it part "
                                             "of a fixed phrase, no clause ('such as', 'as well as').")
    explaining_reach: int = Field(default=0, ge=0, description="Words before the trigger searched for the mark.")
    progressive_present: frozenset[str] = Field(default=frozenset(), description="Auxiliaries of a present "
                                                "progressive ('is collaborating'), for rules with ``present_none``.")
