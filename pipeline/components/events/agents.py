"""Finding the acting party of a trigger: its subject, a passive "by" phrase, a possessive owner, the
speaker of a reported clause, or (in headlines, whose parses are poor) the first party of its clause."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.events import parties as party_finders
from pipeline.components.events.sentences import Sentence, in_dateline
from pipeline.components.events.syntax import (
    SUBJECT_DEPS,
    governing_verb,
    headline_clause,
    names_beside,
    place_describes,
    place_of_next_noun,
)
from pipeline.resources.events import EventCues, EventWords, TriggerRule


class AgentFinder:
    """The acting entity of a trigger, from the parse and the anaphors of ``cues.json``."""

    def __init__(self, cues: EventCues, words: EventWords) -> None:
        self.words = words
        self.national_act_types = frozenset(cues.national_act_types)
        self.giver_types = frozenset(cues.giver_types)
        self.types, self.labels = cues.party_types, cues.role_labels
        self.anaphors = dict(cues.anaphors)
        # pronouns ("it", "their") are the anaphors without a determiner
        self.pronouns = frozenset(phrase for phrase in self.anaphors if " " not in phrase)
        # head noun of a descriptive anaphor ("the miner" -> miner) -> labels; pronouns stay unresolved here
        self.descriptive = {phrase.split()[-1]: frozenset(labels) for phrase, labels in self.anaphors.items()
                            if phrase.startswith("the ")}

    def find(self, rule: TriggerRule, trigger: Span, sentence: Sentence,
             parties: list[Span]) -> tuple[Span | None, Span | None]:
        """The acting entity (dependency subject first), and for received financing the beneficiary.

        Body sentences take the agent from the parse only (an explicit subject, a passive "by" phrase, the
        speaker of a reported clause); headlines, whose parses are unreliable, take the first party of the clause.
        """
        if sentence.headline:
            if rule.event_type in self.types.no_fallback_agent_types or rule.event_type in self.types.holder_types:
                return None, None
            provider = party_finders.headline_provider(trigger, parties, self.words) if (
                rule.event_type in self.types.provider_types) else None
            if provider is None and rule.event_type in self.types.lending_noun_types:
                provider = party_finders.lender_party(trigger, parties, self._entity_in, self.words)
            if provider is not None:
                return provider, None
            return self._fallback_agent(trigger, parties, headline=True), None
        owner = self._possessor(trigger, parties)
        if owner is not None and trigger.root.lemma_.lower() not in self.words.held_nouns:
            return owner, None  # "Bolivia's proven lithium reserves rose": the owner holds them
        if (source := party_finders.source_party(trigger, rule.agent_preps, parties, self._entity_in)) is not None:
            return source, None
        if (by_party := party_finders.noun_by_party(trigger, parties, self._entity_in)) is not None:
            return by_party, None
        if rule.event_type in self.types.provider_types or (
                rule.event_type in self.types.received_provider_types and self._received(trigger)):
            provider = party_finders.provider_party(trigger, parties, self._entity_in, self.words)
            if provider is None and rule.event_type in self.types.lending_noun_types:
                provider = party_finders.lender_party(trigger, parties, self._entity_in, self.words)
            if provider is not None:
                recipient, _ = self._subject_entity(trigger, sentence, parties)
                keep = recipient is not None and recipient.label_ and recipient.start != provider.start
                return provider, recipient if keep else None
        if rule.event_type in self.national_act_types:
            nation = party_finders.nationality_on(trigger, parties)
            if nation is not None:
                return nation, None
        if trigger.root.pos_ == "NOUN" and trigger.root.dep_ == "pobj" and trigger.root.head.lower_ in self.words.topic_preps:
            return None, None  # "will retaliate over export controls": the subject does not control exports
        governing = governing_verb(trigger.root)
        holder_verb = governing is not None and governing.lemma_.lower() in self.words.holder_verbs
        if rule.event_type in self.types.holder_types and (
                place := party_finders.place_holding(trigger, governing, parties)) is not None:
            return place, None  # "reserves in Chile are put at 40 Mt": the country holds them
        by_only = rule.event_type in self.types.holder_types and not holder_verb
        agent, verb = self._subject_entity(trigger, sentence, parties, by_only=by_only)
        # a subject pronoun takes up the subject of a clause before it; any other pronoun is kept as a last resort
        pronoun = agent if agent is not None and agent.text.lower() in self.pronouns else None
        if pronoun is not None:
            agent = party_finders.subject_antecedent(pronoun, self.labels.antecedent_labels) if (
                pronoun.root.dep_ in SUBJECT_DEPS) else None
            pronoun = None if agent is not None else pronoun
        if agent is not None and rule.event_type in self.types.no_fallback_agent_types and governing is not None and (
                agent.root.head.i != governing.i):
            agent = None  # "Orewire expects Pr-Nd oxide to trade ...": a forecaster does not move a price
        if agent is not None and not agent.label_:
            agent = self._resolve_in_sentence(agent, parties) or agent
        if agent is not None and agent.label_ == "PERSON":
            agent = party_finders.office_of(agent, parties) or agent
        if agent is not None and agent.label_ in self.labels.place_labels and rule.event_type not in self.types.holder_types and (
                not self._acts_as_government(agent, rule)):
            agent = None
        if rule.event_type in self.giver_types and verb is not None and verb.lemma_.lower() in self.words.recipient_verbs \
                and not (trigger.root.dep_ == "pobj" and trigger.root.head.lower_ in self.words.means_preps):
            # "received a letter of interest from the bank for a loan": the giver may sit on the verb's object
            objects = [child for child in verb.children if child.dep_ == "dobj"]
            path = [trigger.root, *[a for a in trigger.root.ancestors if a.i != verb.i][:3], verb, *objects]
            lender = next((found for token in path
                           if (found := party_finders.pobj_party(token, ("from",), parties, self._entity_in))), None)
            if lender is not None:
                return lender, agent
        if rule.event_type in self.types.modifier_agent_types:
            modifier = self._modifier_entity(trigger, parties)
            if modifier is not None and modifier.label_ != "NORP":
                return modifier, None
        if agent is None and rule.event_type not in self.types.no_fallback_agent_types:
            agent = party_finders.passive_owner(trigger, parties, self._entity_in) or party_finders.adjacent_subject(
                trigger, parties, self.words.place_preps)
        return agent or pronoun, None

    def _received(self, trigger: Span) -> bool:
        verb = governing_verb(trigger.root)
        return verb is not None and verb.lemma_.lower() in self.words.recipient_verbs

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

    def _subject_entity(self, trigger: Span, sentence: Sentence, parties: list[Span], *,
                        by_only: bool = False) -> tuple[Span | None, Token | None]:
        """The entity that is the subject of the trigger's clause, climbing through reported and control verbs."""
        verb = governing_verb(trigger.root)
        first_verb = verb
        hops = 0
        pronoun: Span | None = None  # "It has sold 900 t": left to the article pass when nothing else is found
        while verb is not None and hops < 4:
            hops += 1
            # "described by the survey as one of the largest resources": a source describes, it does not act
            by_source = verb.lemma_.lower() in self.words.source_verbs
            for child in verb.children:
                if child.dep_ == "agent" and not by_source:
                    for by in child.children:
                        found = self._entity_in(by, parties)
                        if found is not None:
                            return found, first_verb
            if by_only:
                return None, first_verb
            subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS
                        and not (trigger.start <= child.i < trigger.end) and not in_dateline(child, sentence)]
            climb_to = None
            for subject in subjects:
                if subject.lower_ in self.words.relative_pronouns and verb.dep_ == "relcl":
                    subject = verb.head
                    if self._entity_in(subject, parties) is None:
                        climb_to = subject.head
                        continue
                found = self._entity_in(subject, parties)
                if found is not None:
                    return found, first_verb
                anaphor = self._anaphor_span(subject)
                if anaphor is not None and anaphor.text.lower() in self.pronouns:
                    speaker = self._speaker(verb, parties)
                    if speaker is not None:
                        return speaker, first_verb
                    pronoun = pronoun or anaphor
                elif anaphor is not None:
                    return anaphor, first_verb
                if anaphor is None and verb.dep_ not in {"ccomp", "xcomp", "conj"}:
                    return None, first_verb
            if climb_to is not None:
                verb = governing_verb(climb_to)
                continue
            if verb.dep_ in {"relcl", "acl"}:
                found = self._entity_in(verb.head, parties)
                if found is not None:
                    return found, first_verb
            if verb.dep_ not in {"xcomp", "conj", "advcl", "ccomp", "pcomp", "relcl", "acl"}:
                break
            head = governing_verb(verb.head)
            if subjects and verb.dep_ == "ccomp" and (head is None or head.lemma_.lower() not in self.words.say_verbs):
                break
            verb = head
        return pronoun, first_verb

    def _speaker(self, verb: Token, parties: list[Span]) -> Span | None:
        """For "X said (that) it ...": the entity subject of the nearest reporting verb above ``verb``."""
        for ancestor in verb.ancestors:
            if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in self.words.say_verbs:
                for child in ancestor.children:
                    if child.dep_ in SUBJECT_DEPS:
                        return self._entity_in(child, parties)
                return None
        return None

    def _entity_in(self, token: Token, parties: list[Span]) -> Span | None:
        """The party entity containing ``token``, else one modifying it ("Vietnam's assembly", "shares in Lynas")."""
        for ent in parties:
            if ent.start <= token.i < ent.end:
                return ent
        # "Chinese miners, including X, Y and Z, have bought": the members named act, not the nationality
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in self.words.member_preps:
                member = next((self._entity_in(pobj, parties) for pobj in child.children if pobj.dep_ == "pobj"), None)
                if member is not None and member.label_ in {"ORG", "GPE"}:
                    return member
        # a name beside the noun beats a nationality on it ("the Australian miner Kestrel": Kestrel), and a
        # nationality on a definite company noun only describes the company ("the Canadian firm" is an anaphor)
        nationality: Span | None = None
        descriptor = token.lemma_.lower() in self.words.descriptor_nouns
        describes = descriptor and any(
            child.dep_ == "det" and child.lower_ in self.words.definite_determiners for child in token.children)
        place: Span | None = None
        for child in token.children:
            if child.dep_ in {"poss", "compound", "nmod", "appos", "amod"}:
                for ent in parties:
                    if not ent.start <= child.i < ent.end:
                        continue
                    if ent.label_ in self.labels.place_labels:  # "Peru's miner Marlin", "Chile's Toquepala mine": it describes
                        place = place or ent
                        continue
                    if ent.label_ != "NORP":
                        return ent
                    if nationality is None and token.lemma_.lower() in self.words.actor_nouns and not describes:
                        nationality = ent
        if nationality is not None:
            return nationality
        if place is not None:
            return None if descriptor or names_beside(token, place, self.labels.named_labels) else place
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "of", "at"}:
                for pobj in child.children:
                    for ent in parties:
                        if pobj.dep_ == "pobj" and ent.start <= pobj.i < ent.end and (
                                child.lower_ == "of" or ent.label_ in {"ORG", "PERSON"}
                                or token.lemma_.lower() in self.words.party_nouns):
                            return ent
        return None

    def _anaphor_span(self, token: Token) -> Span | None:
        doc = token.doc
        if token.lower_ in self.anaphors:
            return doc[token.i: token.i + 1]
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ in self.anaphors:
                return doc[child.i: child.i + 1]
        left = token.left_edge.i
        phrase = doc[left: token.i + 1]
        if phrase.text.lower() in self.anaphors:
            return phrase
        # "the Australian explorer", "the Perth-based miner": a descriptive head under "the"
        det = next((child for child in token.children if child.dep_ == "det" and child.lower_ == "the"), None)
        if (det is not None and token.pos_ == "NOUN"
                and self.descriptive.get(token.lower_, frozenset()) & self.labels.antecedent_labels
                and not any(child.pos_ == "PROPN" for child in token.children)):
            return doc[det.i: token.i + 1]
        return None

    def _resolve_in_sentence(self, anaphor: Span, parties: list[Span]) -> Span | None:
        """The named antecedent of "the company" / "the miner" earlier in its own sentence ("X chief executive Y said
        the company will ..."): the last party of a label the anaphor can take, not the other side of a deal."""
        labels = self.descriptive.get(anaphor[-1].lower_)
        if not labels:
            return None
        for verb in anaphor.root.ancestors:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in self.words.say_verbs:
                speaker = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
                found = self._entity_in(speaker, parties) if speaker is not None else None
                if found is not None and found.label_ == "PERSON":
                    found = party_finders.office_of(found, parties)
                if found is not None and found.label_ in labels and found.end <= anaphor.start:
                    return found
                return None
        return None

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
                  and not place_describes(ent, parties, self.words.descriptor_nouns, place_labels=self.labels.place_labels,
                                          named_labels=self.labels.named_labels)]
        if before:
            return before[0]
        after = [ent for ent in parties if ent.start >= trigger.end and ent.end <= hi and not governed(ent)
                 and not place_of_next_noun(ent, self.labels.place_labels)]
        return after[0] if after else None
