"""The grammar words the event stage reads the parse with (``models/events/words.json``).

A model of its own, loaded by ``pipeline/resources/events.py`` (which re-exports it beside the other event
resource models) and used by the agent, argument, modality and vetting modules of ``pipeline/components/events/``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class EventWords(BaseModel):
    """The grammar words the event stage reads the parse with (``words.json``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    irregular_forms: dict[str, tuple[str, ...]] = Field(description="Lemma -> irregular inflected forms.")
    say_verbs: frozenset[str] = Field(description="Reporting verbs: their subject is the speaker of the clause.")
    holder_verbs: frozenset[str] = Field(description="Verbs whose subject holds or reports a resource.")
    recipient_verbs: frozenset[str] = Field(description="Verbs whose subject receives financing (secured a loan).")
    actor_nouns: frozenset[str] = Field(description="Nouns a nationality modifier makes an actor (Chinese group).")
    party_nouns: frozenset[str] = Field(description="Nouns whose 'in X' names their party (shares in Lynas).")
    headline_breaks: frozenset[str] = Field(description="Words that end a headline clause (X Bans Y as Z ...).")
    relative_pronouns: frozenset[str]
    definite_determiners: frozenset[str]
    indefinite_determiners: frozenset[str] = Field(default=frozenset(), description="Determiners of a description "
                                                   "that names no one (an Australian mining company): its nationality "
                                                   "only describes the company, as after a definite determiner.")
    negators: frozenset[str] = Field(description="Words that negate the verb they modify.")
    dependency_negators: frozenset[str] = Field(description="Negation cues counted only as the parse's 'neg' "
                                                "dependent, never as bare words of the clause.")
    planned_after: frozenset[str] = Field(description="Words after a trigger that make it planned (due, slated).")
    party_preps: frozenset[str] = Field(description="Prepositions whose object is a place or another party.")
    place_preps: frozenset[str] = Field(description="Prepositions whose object is where something happens.")
    descriptor_nouns: frozenset[str] = Field(default=frozenset(), description="Nouns a trigger word only describes "
                                             "when it modifies them: a mining giant, an exploration company.")
    provider_preps: frozenset[str] = Field(default=frozenset(), description="Prepositions whose object on a financing "
                                           "or investment noun is the lender or investor: a loan from X.")
    lender_preps: frozenset[str] = Field(default=frozenset(), description="Prepositions whose object on a financing "
                                         "noun's phrase is the lender when the clause's verb gives nothing: entered "
                                         "a loan agreement with X.")
    lent_nouns: frozenset[str] = Field(default=frozenset(), description="Financing nouns whose compounded organisation "
                                       "(an EXIM loan) or 'with' party (a loan agreement with X) is the lender; an issue "
                                       "noun (a placement with investors, a Kestrel bond) names the issuer's side instead.")
    giving_verbs: frozenset[str] = Field(default=frozenset(), description="Verbs whose subject gives the financing "
                                         "it names (provided a loan to Y): the 'with' party is then the borrower.")
    classified_nouns: frozenset[str] = Field(default=frozenset(), description="Nouns a trigger word modifying them "
                                             "only classifies: loan applications, a funding strategy.")
    act_nouns: frozenset[str] = Field(default=frozenset(), description="Nouns of a decision or announcement whose "
                                      "owner does the act they name: Peru's decision to ban, X's announcement of a ban.")
    scope_list_size: int = Field(default=0, ge=0, description="Coordinated bare nouns that, as an object, list what "
                                 "a business does rather than report an act (0 = off): carry out exploration, extraction.")
    talk_nouns: frozenset[str] = Field(default=frozenset(), description="Nouns of talks: a deal they are about "
                                       "(talks over an offtake) is sought, not made, and is no record of its own.")
    talk_types: frozenset[str] = Field(default=frozenset(), description="Event types a trigger may still give when "
                                       "talks are about it (the talks themselves: negotiation).")
    held_nouns: frozenset[str] = Field(default=frozenset(), description="Nouns of a right its possessive owner holds "
                                       "but someone else grants or takes away (the owner is the holder, not the actor).")
    ranking_words: frozenset[str] = Field(default=frozenset(), description="Adjectives that rank a noun as a superlative "
                                          "does (a top, leading or major producer), for ``ranked`` rules.")
    source_verbs: frozenset[str] = Field(default=frozenset(), description="Verbs whose passive 'by' phrase names a "
                                         "describing source, not an actor: described by the survey as ...")
    member_preps: frozenset[str] = Field(default=frozenset(), description="Prepositions whose object names the members "
                                         "of a plural noun: Chinese miners, including X and Y, have bought ...")
    means_preps: frozenset[str] = Field(default=frozenset(), description="Prepositions whose object is the means of the "
                                        "verb's act: to secure supplies from X through financing (X lends nothing).")
    fostered_types: frozenset[str] = Field(default=frozenset(), description="Event types of a company's activity: "
                                           "a public body that fosters or oversees it (``fostering_words``) does not "
                                           "do it (the ministry promotes exploration projects).")
    fostering_words: frozenset[str] = Field(default=frozenset(), description="Lemmas of a verb or noun by which a "
                                            "body helps along or oversees what others do: promote, support, control.")
    state_nouns: frozenset[str] = Field(default=frozenset(), description="Head nouns of a subject that is a public "
                                        "body: the government, the ministry, the state.")
    topic_preps: frozenset[str] = Field(default=frozenset(), description="Prepositions whose noun object is what the "
                                        "verb's act is about, done by someone else: Norland will retaliate over "
                                        "Fenwick's export controls (Norland controls nothing).")
