"""Finding the acting party of a trigger: its subject, a passive "by" phrase, a possessive owner, the
speaker of a reported clause, or (in headlines, whose parses are poor) the first party of its clause.

Each choice names its path (``AgentChoice.path``): which finder chose the agent, so ``benchmarks/agent_precision.py``
can measure how often each path's agents are right. The path never reaches the written records."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from pipeline.components.events import parties as party_finders
from pipeline.components.events.agent_clauses import ClauseParties
from pipeline.components.events.sentences import Sentence
from pipeline.components.events.syntax import (
    SUBJECT_DEPS,
    governing_verb,
    headline_clause,
    place_describes,
    place_of_next_noun,
)
from pipeline.resources.events import EventCues, EventWords, TriggerRule

NO_AGENT = "none"


class AgentChoice(NamedTuple):
    """The acting entity of a trigger (None: none found), the beneficiary of received financing, and the path that
    chose the agent (``NO_AGENT`` when none)."""

    agent: Span | None
    beneficiary: Span | None
    path: str


def _chosen(agent: Span | None, path: str, beneficiary: Span | None = None) -> AgentChoice:
    return AgentChoice(agent, beneficiary, path if agent is not None else NO_AGENT)


def clause_path(agent: Span) -> str:
    """How the clause finder reached ``agent``: a passive's "by" phrase, an unresolved anaphor ("the miner"), or a
    subject (of the trigger's verb, a verb above it, a reporting verb, or the noun a relative clause hangs on)."""
    if agent.root.dep_ == "pobj" and agent.root.head.dep_ == "agent":
        return "passive_by"
    return "subject" if agent.label_ else "anaphor"


class AgentFinder(ClauseParties):
    """The acting entity of a trigger, from the parse and the anaphors of ``cues.json``."""

    def __init__(self, cues: EventCues, words: EventWords) -> None:
        super().__init__(cues, words)
        self.national_act_types = frozenset(cues.national_act_types)
        self.giver_types = frozenset(cues.giver_types)
        self.types = cues.party_types

    def find(self, rule: TriggerRule, trigger: Span, sentence: Sentence,
             parties: list[Span]) -> AgentChoice:
        """The acting entity (dependency subject first), and for received financing the beneficiary.

        Body sentences take the agent from the parse only (an explicit subject, a passive "by" phrase, the
        speaker of a reported clause); headlines, whose parses are unreliable, take the first party of the clause.
        """
        if sentence.headline:
            if rule.event_type in self.types.no_fallback_agent_types or rule.event_type in self.types.holder_types:
                return _chosen(None, NO_AGENT)
            provider = self._headline_provider(trigger, parties) if rule.event_type in self.types.provider_types else None
            path = "headline_provider"
            if provider is None and rule.event_type in self.types.lending_noun_types:
                provider, path = party_finders.lender_party(trigger, parties, self._entity_in, self.words), "headline_lender"
            if provider is not None:
                return _chosen(provider, path)
            return _chosen(self._fallback_agent(trigger, parties, headline=True), "headline_first_party")
        owner = self._possessor(trigger, parties)
        if owner is not None and trigger.root.lemma_.lower() not in self.words.held_nouns:
            # "Bolivia's proven lithium reserves rose": the owner holds them
            return _chosen(owner, "possessor" if owner.label_ else "possessor_anaphor")
        if (source := party_finders.source_party(trigger, rule.agent_preps, parties, self._entity_in)) is not None:
            return _chosen(source, "source_prep")
        if (by_party := party_finders.noun_by_party(trigger, parties, self._entity_in)) is not None:
            return _chosen(by_party, "noun_by")
        if rule.event_type in self.types.provider_types or (
                rule.event_type in self.types.received_provider_types and self._received(trigger)):
            provider, path = self._provider(trigger, parties), "provider_prep"
            if provider is None and rule.event_type in self.types.lending_noun_types:
                provider, path = party_finders.lender_party(trigger, parties, self._entity_in, self.words), "lender"
            if provider is not None:
                recipient, _ = self._subject_entity(trigger, sentence, parties)
                keep = recipient is not None and recipient.label_ and recipient.start != provider.start
                return _chosen(provider, path, recipient if keep else None)
        if rule.event_type in self.national_act_types:
            nation = party_finders.nationality_on(trigger, parties)
            if nation is not None:
                return _chosen(nation, "nationality")
        if trigger.root.pos_ == "NOUN" and trigger.root.dep_ == "pobj" and trigger.root.head.lower_ in self.words.topic_preps:
            return _chosen(None, NO_AGENT)  # "will retaliate over export controls": the subject does not control exports
        governing = governing_verb(trigger.root)
        holder_verb = governing is not None and governing.lemma_.lower() in self.words.holder_verbs
        if rule.event_type in self.types.holder_types and (
                place := party_finders.place_holding(trigger, governing, parties)) is not None:
            return _chosen(place, "place_holding")  # "reserves in Chile are put at 40 Mt": the country holds them
        by_only = rule.event_type in self.types.holder_types and not holder_verb
        agent, verb = self._subject_entity(trigger, sentence, parties, by_only=by_only)
        path = clause_path(agent) if agent is not None else NO_AGENT
        # a subject pronoun takes up the subject of a clause before it; any other pronoun is kept as a last resort
        pronoun = agent if agent is not None and agent.text.lower() in self.pronouns else None
        if pronoun is not None:
            agent = party_finders.subject_antecedent(pronoun) if pronoun.root.dep_ in SUBJECT_DEPS else None
            pronoun, path = (None, "pronoun_antecedent") if agent is not None else (pronoun, "pronoun")
        if agent is not None and rule.event_type in self.types.no_fallback_agent_types and governing is not None and (
                agent.root.head.i != governing.i):
            agent = None  # "Orewire expects Pr-Nd oxide to trade ...": a forecaster does not move a price
        if agent is not None and not agent.label_:
            resolved = self._resolve_in_sentence(agent, parties)
            agent, path = (resolved, "sentence_antecedent") if resolved is not None else (agent, path)
        if agent is not None and agent.label_ == "PERSON":
            office = party_finders.office_of(agent, parties)
            agent, path = (office, "person_office") if office is not None else (agent, path)
        if agent is not None and agent.label_ in {"GPE", "LOC"} and rule.event_type not in self.types.holder_types and (
                not self._acts_as_government(agent, rule)):
            agent = None
        if rule.event_type in self.giver_types and verb is not None and verb.lemma_.lower() in self.words.recipient_verbs \
                and not (trigger.root.dep_ == "pobj" and trigger.root.head.lower_ in self.words.means_preps):
            # "received a letter of interest from the bank for a loan": the giver may sit on the verb's object
            objects = [child for child in verb.children if child.dep_ == "dobj"]
            tokens = [trigger.root, *[a for a in trigger.root.ancestors if a.i != verb.i][:3], verb, *objects]
            lender = next((found for token in tokens
                           if (found := party_finders.pobj_party(token, ("from",), parties, self._entity_in))), None)
            if lender is not None:
                return _chosen(lender, "giver_from", agent)
        if rule.event_type in self.types.modifier_agent_types:
            modifier = self._modifier_entity(trigger, parties)
            if modifier is not None and modifier.label_ != "NORP":
                return _chosen(modifier, "noun_modifier")
        if agent is None and rule.event_type not in self.types.no_fallback_agent_types:
            agent, path = party_finders.passive_owner(trigger, parties, self._entity_in), "passive_owner"
            if agent is None:
                agent, path = party_finders.adjacent_subject(trigger, parties, self.words.place_preps), "adjacent_subject"
        if agent is None and pronoun is not None:
            return _chosen(pronoun, "pronoun")
        return _chosen(agent, path)

    def _headline_provider(self, trigger: Span, parties: list[Span]) -> Span | None:
        """In a headline (poor parse), the party right after "from" following the trigger in its clause: "Kestrel
        Wins US$40 Million Loan From Nordbank"."""
        _, hi = headline_clause(trigger, breaks=self.words.headline_breaks)
        doc = trigger.doc
        for token in doc[trigger.end: hi]:
            if token.lower_ in self.words.provider_preps:
                return next((ent for ent in parties if ent.start == token.i + 1 or (
                    ent.start == token.i + 2 and doc[token.i + 1].lower_ == "the")), None)
        return None

    def _received(self, trigger: Span) -> bool:
        verb = governing_verb(trigger.root)
        return verb is not None and verb.lemma_.lower() in self.words.recipient_verbs

    def _provider(self, trigger: Span, parties: list[Span]) -> Span | None:
        """The party after "from" on a financing or investment noun, or on the noun phrase it completes: "an equity
        investment from the fund", "a letter of interest from the bank for financing"."""
        token = trigger.root
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        for _ in range(3):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in self.words.provider_preps:
                    for pobj in child.children:
                        found = self._entity_in(pobj, parties) if pobj.dep_ == "pobj" else None
                        if found is not None:
                            return found
            if token.dep_ in {"compound", "amod"} and token.head.pos_ in {"NOUN", "PROPN"}:
                token = token.head
            elif token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in {"NOUN", "PROPN"}:
                token = token.head.head
            else:
                return None
        return None

    def _acts_as_government(self, place: Span, rule: TriggerRule) -> bool:
        """A country or place is an agent only as a government acting: the subject of its clause ("Peru raised the
        tax"), the "by" phrase of a passive, the owner of an acting body ("China's ministry"), or the owner of the
        noun trigger ("Japan's funding push"); never for a share move, and never as a place of the sentence."""
        if rule.event_type == "stock_movement":
            return False
        root = place.root
        while root.dep_ in {"compound", "conj"} and root.head.i != root.i and root.head.pos_ in {"PROPN", "NOUN"}:
            root = root.head
            if root.lemma_.lower() in self.words.descriptor_nouns:
                return False  # "the Quebec graphite explorer": the place describes a company
        if root.dep_ in SUBJECT_DEPS or root.dep_ in {"poss", "nmod", "appos", "ROOT", "amod", "compound"}:
            return True
        if party_finders.is_country_span(place) and any(clause.dep_ == "relcl" and any(
                child.dep_ in SUBJECT_DEPS and child.lower_ in self.words.relative_pronouns for child in clause.children)
                for clause in root.children):
            return True  # "reliance on China, which accounts for 60% of mining": a country, subject of its relative clause
        if root.dep_ == "pobj":
            return root.head.dep_ == "agent" or root.head.lower_ in {"of", "by"}
        return False

    def _modifier_entity(self, trigger: Span, parties: list[Span]) -> Span | None:
        """An entity modifying a noun trigger: "Lynas shares", "shares in Karratha", "talks between A and B"."""
        root = trigger.root
        if root.pos_ not in {"NOUN", "PROPN"}:
            return None
        for child in root.children:
            if child.dep_ in {"poss", "compound", "nmod"}:
                found = self._entity_in(child, parties)
                if found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ in {"in", "of", "between", "by"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self._entity_in(pobj, parties)
                        if found is not None:
                            return found
        return None

    def _possessor(self, trigger: Span, parties: list[Span]) -> Span | None:
        """The possessive owner of a noun trigger: "Brussels' effort", "Japan's funding push"; a descriptive anaphor
        ("the country's output", "the miner's sales") is returned unresolved, for the article pass to resolve to
        an entity of the labels it can take (a pronoun owner, "its output", is left to the clause's subject)."""
        root = trigger.root
        if root.pos_ not in {"NOUN", "PROPN"}:
            return self._act_owner(root, parties) if root.pos_ == "VERB" else None
        for child in root.children:
            if child.dep_ == "poss":
                for ent in parties:
                    if ent.start <= child.i < ent.end and ent.label_ != "NORP":
                        return ent
                # "Chinese authorities' approval", "the Fenwick government's ban": the body named by its modifier
                # (before the anaphor: "the Chinese government's curbs" are China's, not the item actor's)
                if child.lemma_.lower() in self.words.actor_nouns:
                    owner = self._entity_in(child, parties)
                    if owner is not None:
                        return owner
                anaphor = self._anaphor_span(child)
                if anaphor is not None and anaphor.text.lower() not in self.pronouns:
                    return anaphor
        return self._act_owner(root, parties)

    def _act_owner(self, trigger: Token, parties: list[Span]) -> Span | None:
        """The owner of the decision or announcement a trigger completes (``act_nouns``): "Gabon's announcement of an
        export ban", "the Chilean government's decision to halt exports"."""
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
            act = trigger.head.head
        elif trigger.dep_ in {"acl", "xcomp"} and trigger.tag_ == "VB":
            act = trigger.head
        else:
            return None
        if act.pos_ != "NOUN" or act.lemma_.lower() not in self.words.act_nouns:
            return None
        owner = next((child for child in act.children if child.dep_ == "poss"), None)
        return self._entity_in(owner, parties) if owner is not None else None

    def _fallback_agent(self, trigger: Span, parties: list[Span], *, headline: bool) -> Span | None:
        """The first party of the trigger's clause not governed by a preposition, else the first after it."""
        def governed(ent: Span) -> bool:
            return ent.root.dep_ == "pobj" and ent.root.head.lower_ in self.words.party_preps

        if headline:
            lo, hi = headline_clause(trigger, breaks=self.words.headline_breaks)
        else:
            lo, hi = trigger.sent.start, trigger.sent.end
        before = [ent for ent in parties if lo <= ent.start and ent.end <= trigger.start and not governed(ent)
                  and not place_describes(ent, parties, self.words.descriptor_nouns)]
        if before:
            return before[0]
        after = [ent for ent in parties if ent.start >= trigger.end and ent.end <= hi and not governed(ent)
                 and not place_of_next_noun(ent)]
        return after[0] if after else None
