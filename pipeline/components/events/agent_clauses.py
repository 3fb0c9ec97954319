"""The parties a trigger's clause names: the subject of its verb (climbing through reported and control verbs), a
passive "by" phrase, the speaker of a reported clause, the entity in or on a token, and descriptive anaphors ("the
miner") with their antecedent in the sentence. The base of ``agents.AgentFinder``."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.events import parties as party_finders
from pipeline.components.events.sentences import Sentence, in_dateline
from pipeline.components.events.syntax import SUBJECT_DEPS, governing_verb, names_beside
from pipeline.resources.events import EventCues, EventWords


class ClauseParties:
    """The clause-level party finders, from the parse and the anaphors of ``cues.json``."""

    def __init__(self, cues: EventCues, words: EventWords) -> None:
        self.words, self.labels = words, cues.role_labels
        self.anaphors = dict(cues.anaphors)
        # pronouns ("it", "their") are the anaphors without a determiner
        self.pronouns = frozenset(phrase for phrase in self.anaphors if " " not in phrase)
        # head noun of a descriptive anaphor ("the miner" -> miner) -> labels; pronouns stay unresolved here
        self.descriptive = {phrase.split()[-1]: frozenset(labels) for phrase, labels in self.anaphors.items()
                            if phrase.startswith("the ")}

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
        # nationality on a determined company noun only describes the company ("the Canadian firm" is an anaphor,
        # "an Australian mining company has halted ..." names none: neither is the country's act)
        nationality: Span | None = None
        descriptor = token.lemma_.lower() in self.words.descriptor_nouns
        determiners = self.words.definite_determiners | self.words.indefinite_determiners
        describes = descriptor and any(child.dep_ == "det" and child.lower_ in determiners for child in token.children)
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
