"""Event stage: classify sentences into the SPEC taxonomy with triggers, arguments and modality.

Triggers come from ``models/events/triggers.jsonl`` (token patterns over lemmas,
each with the context it needs in its sentence); modality cues, anaphors and
argument cues from ``models/events/cues.json``. ``merge_events`` is the
document-level pass that joins a headline and the paragraph under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .annotations import ArgumentInfo, EventInfo
from .event_rules import EventCues, TriggerRule, agents_compatible, compile_pattern, phrase_in
from .extensions import DATE_GROUP, QUANTITY_GROUP
from .records import Argument, EntityRecord, EventRecord, Mention
from .resources import load_json, load_jsonl
from .stage import GuardedStage

TRIGGERS_FILE = "events/triggers.jsonl"
CUES_FILE = "events/cues.json"
HEADLINE_ZONES = frozenset({"title", "heading"})
SKIPPED_ZONES = frozenset({"boilerplate", "dateline"})
QUANTITY_ROLES = {"money": "amount", "price": "price", "duration": "duration"}
PARTY_ROLES = ("agent", "counterparty", "beneficiary")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
RECIPIENT_VERBS = frozenset({"secure", "receive", "obtain", "win", "land", "get", "line", "draw", "attract", "close"})
NO_FALLBACK_AGENT = frozenset({"price_movement"})
LOCATIVE_OR_PARTY_PREPS = frozenset({"with", "from", "to", "between", "for", "of", "in", "at", "near", "across", "off",
                                     "outside", "inside", "into", "on"})
QUOTE_MARKS = frozenset({'"', "“", "'", "‘"})
DEFINITE = frozenset({"the", "that", "this", "these", "those"})
NAME_LABELS = frozenset({"ORG", "PERSON", "FACILITY", "LAW"})
MODIFIER_AGENT_TYPES = frozenset({"stock_movement", "negotiation"})
HOLDER_TYPES = frozenset({"resource_estimate"})
AGREEMENT_TYPES = frozenset({"cooperation_agreement", "negotiation", "supply_agreement", "merger_acquisition"})
SAY_VERBS = frozenset({"say", "expect", "tell", "announce", "report", "note", "state", "add", "confirm", "estimate",
                       "believe", "think", "forecast", "predict"})
HEADLINE_BREAKS = frozenset({"as", "while", "after", "amid", "despite", "before", "but", "and"})
ACTOR_NOUNS = frozenset({"government", "investor", "ministry", "authority", "official", "state", "agency", "regulator",
                         "parliament", "lawmaker", "cabinet", "administration", "company", "group", "firm", "bank",
                         "fund", "lender", "miner", "producer", "buyer", "consortium", "court", "president"})
STUDY_WORDS = re.compile(r"(?i)feasibility|study|assessment|scoping|\bpea\b|\bpfs\b|\bdfs\b")
CLAUSE_MODIFIERS = frozenset({"aux", "auxpass", "neg", "advmod", "acomp", "mark"})
CONTINUED_TYPES = frozenset({"feasibility_study", "financing", "supply_agreement", "merger_acquisition", "investment",
                             "cooperation_agreement", "negotiation"})
BASE_CONFIDENCE = {"strong": 0.78, "weak": 0.6}


@dataclass
class _Sentence:
    span: Span
    headline: bool
    words: set[str]
    lowered: str
    entities: list[Span] = field(default_factory=list)
    quantities: list[Span] = field(default_factory=list)
    dates: list[Span] = field(default_factory=list)


@dataclass
class _Candidate:
    rule: TriggerRule
    trigger: Span
    sentence: _Sentence
    arguments: list[ArgumentInfo]
    modality: str
    confidence: float
    agent_key: str | None


def is_headline_text(text: str, *, max_words: int = 25) -> bool:
    """A short line in title case without closing punctuation reads as a headline."""
    stripped = text.strip()
    words = [word for word in stripped.split() if word[:1].isalpha()]
    if not words or len(words) > max_words or stripped[-1:] in ".!?;:":
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised / len(words) >= 0.6 and len(words) >= 3


def token_words(tokens: Iterable[Token]) -> set[str]:
    words: set[str] = set()
    for token in tokens:
        words.add(token.lower_)
        words.add(token.lemma_.lower())
    return words


class EventStage(GuardedStage):
    """Finds trigger matches, checks their context, attaches arguments and modality."""

    name = "orewire_events"

    def __init__(self, nlp: Language, *, triggers_file: str = TRIGGERS_FILE, cues_file: str = CUES_FILE) -> None:
        self.rules = {rule.id: rule for rule in load_jsonl(triggers_file, TriggerRule)}
        self.cues = load_json(cues_file, EventCues)
        self.matcher = Matcher(nlp.vocab)
        for rule in self.rules.values():
            self.matcher.add(rule.id, compile_pattern(rule.pattern))
        modality = self.cues.modality
        self._negated = {w for w in modality.negated if " " not in w}
        self._possible = {w for w in modality.possible if " " not in w}
        self._planned = {w for w in modality.planned if " " not in w}
        self._phrases = [(kind, w) for kind, words in (("negated", modality.negated), ("possible", modality.possible),
                         ("planned", modality.planned)) for w in words if " " in w]
        self._conditional = set(modality.conditional)
        self._anaphors = dict(self.cues.anaphors)
        self._agent_labels = set(self.cues.agent_labels)

    def process(self, doc: Doc) -> Doc:
        context = doc._.orewire_block or {}
        zone = context.get("zone")
        if zone in SKIPPED_ZONES or not doc.text.strip():
            doc._.orewire_events = []
            return doc
        sentences = self._sentences(doc, zone, context.get("section"))
        candidates: list[_Candidate] = []
        seen: set[tuple[str, int, int]] = set()
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        for match_id, start, end in matches:
            rule = self.rules[doc.vocab.strings[match_id]]
            sentence = _sentence_of(sentences, start)
            if sentence is None or end > sentence.span.end:
                continue
            key = (rule.event_type, start, end)
            if key in seen or any(s[0] == rule.event_type and s[1] <= start < s[2] for s in seen):
                continue
            trigger = doc[start:end]
            if not self._accepts(rule, trigger, sentence):
                continue
            seen.add(key)
            candidates.append(self._candidate(rule, trigger, sentence))
        doc._.orewire_events = [self._event_info(c) for c in _select(candidates)]
        return doc

    def _sentences(self, doc: Doc, zone: str | None, section: str | None) -> list[_Sentence]:
        whole_headline = zone in HEADLINE_ZONES or (zone == "related" and section and doc.text.strip() == section)
        if whole_headline or (zone is None and is_headline_text(doc.text)):
            spans = [doc[:]]
        else:
            spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        sentences = [
            _Sentence(span, bool(whole_headline) or is_headline_text(span.text), token_words(span), span.text.lower())
            for span in spans
        ]
        groups = ((doc.ents, "entities"), (doc.spans.get(QUANTITY_GROUP, []), "quantities"),
                  (doc.spans.get(DATE_GROUP, []), "dates"))
        for spans_of_kind, attribute in groups:
            for span in spans_of_kind:
                sentence = _sentence_of(sentences, span.start)
                if sentence is not None:
                    getattr(sentence, attribute).append(span)
        return sentences

    def _accepts(self, rule: TriggerRule, trigger: Span, sentence: _Sentence) -> bool:
        if rule.title_only and not sentence.headline:
            return False
        if sentence.span.text.lstrip()[:1] in QUOTE_MARKS:
            return False
        if self._inside_entity(rule, trigger, sentence):
            return False
        root = trigger.root
        if not sentence.headline:
            if rule.not_verb and root.pos_ in {"VERB", "AUX"}:
                return False
            if rule.skip_definite and any(child.dep_ == "det" and child.lower_ in DEFINITE for child in root.children):
                return False
            if rule.skip_pobj and _governing_preposition(root) in rule.skip_pobj:
                return False
            if root.dep_ in rule.skip_deps:
                return False
        own = token_words(trigger)
        words, lowered = self._context(trigger, sentence, rule.window, mask=False)
        if rule.context_any and not any(
            phrase_in(words - own, lowered, cue) or (" " in cue and phrase_in(words, lowered, cue))
            for cue in rule.context_any
        ):
            return False
        none_window = rule.window if rule.none_window is None else rule.none_window
        words, lowered = self._context(trigger, sentence, none_window, mask=True)
        if any(phrase_in(words, lowered, cue) for cue in rule.context_none):
            return False
        if rule.quantity_any:
            types = {span._.orewire_quantity["quantity_type"] for span in sentence.quantities
                     if span._.orewire_quantity}
            if not types.intersection(rule.quantity_any):
                return False
        if rule.entity_any and not any(ent.label_ in rule.entity_any for ent in sentence.entities):
            return False
        if rule.needs_date and not sentence.dates:
            return False
        if self._conditional_clause(trigger):
            return False
        background = any(phrase_in(sentence.words, sentence.lowered, cue) for cue in self.cues.background)
        if background and (rule.strength == "weak" or root.dep_ == "pobj" or root.head.dep_ == "pobj"
                            or _dated_before(sentence, trigger.doc, years=2)):
            return False
        return True

    def _context(self, trigger: Span, sentence: _Sentence, window: int, *, mask: bool) -> tuple[set[str], str]:
        """Words and text around a trigger (the sentence when ``window`` is 0); ``mask`` leaves out names.

        Exclusions are checked without the words of names ("European Investment Bank" is no investment).
        """
        if window:
            lo = max(trigger.start - window, sentence.span.start)
            hi = min(trigger.end + window, sentence.span.end)
            if sentence.headline:
                clause_lo, clause_hi = _headline_clause(trigger, punctuation_only=True)
                lo, hi = max(lo, clause_lo), min(hi, clause_hi)
        else:
            lo, hi = sentence.span.start, sentence.span.end
        doc = trigger.doc
        masked = set()
        for ent in sentence.entities if mask else []:
            if ent.label_ in NAME_LABELS and not (ent.start <= trigger.start < ent.end):
                masked.update(range(ent.start, ent.end))
        tokens = [doc[i] for i in range(lo, hi) if i not in masked]
        lowered = " ".join(token.text for token in tokens).lower()
        lowered = doc[lo:hi].text.lower() if not masked.intersection(range(lo, hi)) else lowered
        return token_words(tokens), lowered

    def _inside_entity(self, rule: TriggerRule, trigger: Span, sentence: _Sentence) -> bool:
        for ent in sentence.entities:
            if ent.start <= trigger.start and trigger.end <= ent.end and len(ent) > len(trigger):
                if ent.label_ == "LAW" and rule.event_type == "regulation":
                    continue
                if ent.label_ in {"ORG", "PERSON", "GPE", "LOC", "FACILITY", "LAW", "NORP"} and not sentence.headline:
                    return True
                if ent.label_ in {"PERSON", "FACILITY", "LAW"}:
                    return True
        return False

    def _conditional_clause(self, trigger: Span) -> bool:
        token = trigger.root
        for ancestor in [token, *token.ancestors]:
            if ancestor.dep_ == "advcl" and any(
                child.dep_ == "mark" and child.lower_ in self._conditional for child in ancestor.children
            ):
                return True
        return False

    def _candidate(self, rule: TriggerRule, trigger: Span, sentence: _Sentence) -> _Candidate:
        arguments, agent_key = self._arguments(rule, trigger, sentence)
        modality = self._modality(trigger, sentence)
        confidence = BASE_CONFIDENCE[rule.strength]
        roles = {argument["role"] for argument in arguments}
        if agent_key is not None:
            confidence += 0.1
        if roles & {"amount", "quantity", "price", "date", "effective_date", "commodity"}:
            confidence += 0.06
        if rule.title_only:
            confidence -= 0.08
        if modality == "possible":
            confidence -= 0.05
        return _Candidate(rule, trigger, sentence, arguments, modality, round(min(max(confidence, 0.05), 0.97), 4),
                          agent_key)

    # --- arguments -----------------------------------------------------------------------------------------------

    def _arguments(self, rule: TriggerRule, trigger: Span,
                   sentence: _Sentence) -> tuple[list[ArgumentInfo], str | None]:
        arguments: list[ArgumentInfo] = []
        used: set[tuple[int, int]] = set()

        def add(role: str, span: Span) -> None:
            offsets = (span.start_char, span.end_char)
            if offsets in used:
                return
            used.add(offsets)
            arguments.append(ArgumentInfo(role=role, start=offsets[0], end=offsets[1]))

        parties = [ent for ent in sentence.entities if ent.label_ in self._agent_labels
                   and not (ent.start <= trigger.start < ent.end)]
        agent, beneficiary = self._agent(rule, trigger, sentence, parties)
        agent_key = None
        if agent is not None:
            add("agent", agent)
            agent_key = agent.text.lower()
        if beneficiary is not None:
            add("beneficiary", beneficiary)
        for ent in parties:
            if (ent.start_char, ent.end_char) in used:
                continue
            role = self._party_role(ent, agent, rule)
            if role:
                add(role, ent)
        for ent in sentence.entities:
            if (ent.start_char, ent.end_char) in used:
                continue
            if ent.label_ == "COMMODITY":
                add("commodity", ent)
            elif ent.label_ == "FACILITY":
                add("project", ent)
            elif ent.label_ in {"GPE", "LOC"}:
                add("location", ent)
        for span in sentence.quantities:
            info = span._.orewire_quantity
            if info:
                add(QUANTITY_ROLES.get(info["quantity_type"], "quantity"), span)
        for span in sentence.dates:
            if span._.orewire_date is None:
                continue
            effective = rule.event_type in {"export_restriction", "regulation"} and self._effective_marker(span)
            add("effective_date" if effective else "date", span)
        return arguments, agent_key

    def _party_role(self, ent: Span, agent: Span | None, rule: TriggerRule) -> str | None:
        """counterparty for the other side of a deal or talks; None leaves the entity to location or nothing."""
        preps = {ancestor.lower_ for ancestor in ent.root.ancestors if ancestor.dep_ == "prep"}
        head = ent.root.head
        if agent is not None and ent.root.dep_ == "conj" and head.i in range(agent.start, agent.end):
            return "counterparty" if rule.event_type in AGREEMENT_TYPES else "agent"
        if ent.root.dep_ == "pobj" and rule.event_type in {"financing", "investment"} and (
                head.lower_ in self.cues.beneficiary_preps):
            return "beneficiary"
        if ent.root.dep_ == "pobj" and head.lower_ in self.cues.counterparty_preps:
            if head.lower_ == "to" and rule.event_type not in {"supply_agreement", "export_restriction"}:
                return None
            return "counterparty"
        if rule.event_type in {"financing", "investment"} and ent.root.dep_ in {"dobj", "dative"}:
            return "beneficiary"
        if "between" in preps:
            return "counterparty"
        return None

    def _agent(self, rule: TriggerRule, trigger: Span, sentence: _Sentence,
               parties: list[Span]) -> tuple[Span | None, Span | None]:
        """The acting entity (dependency subject first), and for received financing the beneficiary.

        Body sentences take the agent from the parse only (an explicit subject, a passive "by" phrase, the
        speaker of a reported clause); headlines, whose parses are unreliable, take the first party of the clause.
        """
        if sentence.headline:
            if rule.event_type in NO_FALLBACK_AGENT or rule.event_type in HOLDER_TYPES:
                return None, None
            return self._fallback_agent(trigger, parties, headline=True), None
        owner = self._possessor(trigger, parties)
        if owner is not None and rule.event_type not in HOLDER_TYPES:
            return owner, None
        agent, verb = self._subject_entity(trigger, sentence, parties, by_only=rule.event_type in HOLDER_TYPES)
        if rule.event_type == "financing" and verb is not None and verb.lemma_.lower() in RECIPIENT_VERBS:
            path = [trigger.root, *[a for a in trigger.root.ancestors if a.i != verb.i][:3], verb]
            lender = next((found for token in path if (found := self._pobj_entity(token, "from", parties))), None)
            if lender is not None:
                return lender, agent
        if rule.event_type in MODIFIER_AGENT_TYPES:
            modifier = self._modifier_entity(trigger, parties)
            if modifier is not None and modifier.label_ != "NORP":
                return modifier, None
        if agent is None and rule.event_type not in NO_FALLBACK_AGENT:
            agent = self._passive_owner(trigger, parties) or self._adjacent_subject(trigger, parties)
        return agent, None

    def _passive_owner(self, trigger: Span, parties: list[Span]) -> Span | None:
        """The "by" agent of a participle on a noun trigger: "quotas administered by the regulator X"."""
        for child in trigger.root.children:
            if child.dep_ == "acl":
                for by in (c for c in child.children if c.dep_ == "agent"):
                    for pobj in by.children:
                        found = self._entity_in(pobj, parties)
                        if found is not None:
                            return found
        return None

    def _adjacent_subject(self, trigger: Span, parties: list[Span]) -> Span | None:
        """A party right before a verb trigger when the parse found no subject ("The DRC suspended ...")."""
        if trigger.root.tag_ not in {"VBD", "VBZ", "VBP", "VBN"}:
            return None
        for ent in parties:
            gap = trigger.doc[ent.end: trigger.start]
            if 0 <= len(gap) <= 2 and all(t.pos_ in {"ADV", "AUX", "PART"} for t in gap) and (
                    ent.start == trigger.sent.start or ent.doc[ent.start - 1].lower_ in {"the", ",", "and"}
                    or ent.doc[ent.start - 1].is_sent_start):
                return ent
        return None

    def _subject_entity(self, trigger: Span, sentence: _Sentence, parties: list[Span], *,
                        by_only: bool = False) -> tuple[Span | None, Token | None]:
        """The entity that is the subject of the trigger's clause, climbing through reported and control verbs."""
        verb = _governing_verb(trigger.root)
        first_verb = verb
        hops = 0
        while verb is not None and hops < 4:
            hops += 1
            for child in verb.children:
                if child.dep_ == "agent":
                    for by in child.children:
                        found = self._entity_in(by, parties)
                        if found is not None:
                            return found, first_verb
            if by_only:
                return None, first_verb
            subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS
                        and not (trigger.start <= child.i < trigger.end)]
            climb_to = None
            for subject in subjects:
                if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    subject = verb.head
                    if self._entity_in(subject, parties) is None:
                        climb_to = subject.head
                        continue
                found = self._entity_in(subject, parties)
                if found is not None:
                    return found, first_verb
                anaphor = self._anaphor_span(subject)
                if anaphor is not None and anaphor.text.lower() not in {"it", "they", "its", "their"}:
                    return anaphor, first_verb
                if anaphor is None and verb.dep_ not in {"ccomp", "xcomp", "conj"}:
                    return None, first_verb
            if climb_to is not None:
                verb = _governing_verb(climb_to)
                continue
            if verb.dep_ in {"relcl", "acl"}:
                found = self._entity_in(verb.head, parties)
                if found is not None:
                    return found, first_verb
            if verb.dep_ not in {"xcomp", "conj", "advcl", "ccomp", "pcomp", "relcl", "acl"}:
                break
            head = _governing_verb(verb.head)
            if subjects and verb.dep_ == "ccomp" and (head is None or head.lemma_.lower() not in SAY_VERBS):
                break
            verb = head
        return None, first_verb

    def _speaker(self, verb: Token, parties: list[Span]) -> Span | None:
        """For "X said (that) it ...": the entity subject of the nearest reporting verb above ``verb``."""
        for ancestor in verb.ancestors:
            if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in SAY_VERBS:
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
        for child in token.children:
            if child.dep_ in {"poss", "compound", "nmod", "appos", "amod"}:
                for ent in parties:
                    if ent.start <= child.i < ent.end and (ent.label_ != "NORP" or token.lemma_.lower() in ACTOR_NOUNS):
                        return ent
            if child.dep_ == "prep" and child.lower_ in {"in", "of", "at"}:
                for pobj in child.children:
                    for ent in parties:
                        if pobj.dep_ == "pobj" and ent.start <= pobj.i < ent.end and (
                                child.lower_ == "of" or ent.label_ in {"ORG", "PERSON"}
                                or token.lemma_.lower() in {"share", "stock", "talk", "negotiation"}):
                            return ent
        return None

    def _anaphor_span(self, token: Token) -> Span | None:
        doc = token.doc
        if token.lower_ in self._anaphors:
            return doc[token.i: token.i + 1]
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ in self._anaphors:
                return doc[child.i: child.i + 1]
        left = token.left_edge.i
        phrase = doc[left: token.i + 1]
        if phrase.text.lower() in self._anaphors:
            return phrase
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
        """The possessive owner of a noun trigger: "Brussels' effort", "Japan's funding push"."""
        root = trigger.root
        if root.pos_ not in {"NOUN", "PROPN"}:
            return None
        for child in root.children:
            if child.dep_ == "poss":
                for ent in parties:
                    if ent.start <= child.i < ent.end and ent.label_ != "NORP":
                        return ent
        return None

    def _pobj_entity(self, head: Token, preposition: str, parties: list[Span]) -> Span | None:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == preposition:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self._entity_in(pobj, parties)
        return None

    def _fallback_agent(self, trigger: Span, parties: list[Span], *, headline: bool) -> Span | None:
        """The first party of the trigger's clause not governed by a preposition, else the first after it."""
        def governed(ent: Span) -> bool:
            return ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE_OR_PARTY_PREPS

        lo, hi = (_headline_clause(trigger) if headline else (trigger.sent.start, trigger.sent.end))
        before = [ent for ent in parties if lo <= ent.start and ent.end <= trigger.start and not governed(ent)]
        if before:
            return before[0]
        after = [ent for ent in parties if ent.start >= trigger.end and ent.end <= hi and not governed(ent)]
        return after[0] if after else None

    def _effective_marker(self, date_span: Span) -> bool:
        doc = date_span.doc
        before = doc[max(date_span.start - 4, 0): date_span.start].text.lower()
        return any(before.endswith(marker) or f"{marker} " in before for marker in self.cues.effective_markers)

    # --- modality ------------------------------------------------------------------------------------------------

    def _modality(self, trigger: Span, sentence: _Sentence) -> str:
        """actual / planned / possible / negated from the trigger's clause: its auxiliaries, negation and the
        control verbs above it ("plans to", "expects to", "could", "did not")."""
        root = trigger.root
        scope: list[Token] = []
        for token in trigger:
            scope.extend(child for child in token.children if child.dep_ in {"neg", "det", "amod", "aux", "auxpass"})
        head = root
        while head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"compound", "amod", "nmod"} and head.head.i != head.i:
            head = head.head
            scope.append(head)
            scope.extend(child for child in head.children if child.dep_ in {"neg", "det", "amod"})
        participle = next((child for child in head.children if child.dep_ == "acl" and child.pos_ == "VERB"), None)
        clause = participle or _governing_verb(root)
        hops = 0
        while clause is not None and hops < 4:
            hops += 1
            if clause.i not in range(trigger.start, trigger.end):
                scope.append(clause)
            scope.extend(child for child in clause.children
                         if child.dep_ in CLAUSE_MODIFIERS and child.i < clause.i + 3)
            own_subject = any(child.dep_ in SUBJECT_DEPS for child in clause.children)
            climbs = clause.dep_ == "xcomp" or (clause.dep_ == "conj" and not own_subject) or (
                clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self._planned)
            if not climbs or clause.head.i == clause.i:
                break
            clause = clause.head
        words = {t.lower_ for t in scope if t.dep_ != "det" or t.lower_ == "no"} | {
            t.lemma_.lower() for t in scope if t.pos_ == "VERB"}
        if any(t.dep_ == "neg" for t in scope) or words & (self._negated - {"not", "n't", "without"}):
            return "negated"
        if words & self._possible:
            return "possible"
        if words & self._planned:
            return "planned"
        verb = _governing_verb(root)
        start = max((verb.i if verb is not None else root.i) - 4, sentence.span.start, 0)
        start = min(start, max(trigger.start - 4, sentence.span.start))
        before = trigger.doc[start: trigger.start].text.lower()
        with_trigger = trigger.doc[start: trigger.end].text.lower()
        for kind, phrase in self._phrases:
            if phrase in (with_trigger if kind == "planned" else before):
                return kind
        after_tokens = []
        for token in trigger.doc[trigger.end: min(trigger.end + 8, sentence.span.end)]:
            if token.is_punct:
                break
            after_tokens.append(token)
        after = token_words(after_tokens)
        if after & {"scheduled", "due", "expected", "targeted", "slated", "planned"}:
            return "planned"
        if sentence.headline:
            before_words = token_words(trigger.doc[max(trigger.start - 3, sentence.span.start): trigger.start])
            if before_words & self._possible:
                return "possible"
            if before_words & self._planned:
                return "planned"
        return "actual"

    def _event_info(self, candidate: _Candidate) -> EventInfo:
        return EventInfo(
            event_type=candidate.rule.event_type,
            trigger=[candidate.trigger.start_char, candidate.trigger.end_char],
            modality=candidate.modality,
            confidence=candidate.confidence,
            arguments=candidate.arguments,
        )


def _dated_before(sentence: _Sentence, doc: Doc, *, years: int) -> bool:
    """Whether a date in the sentence lies ``years`` or more before the block's reference date (history)."""
    reference = (doc._.orewire_block or {}).get("reference")
    if not reference:
        return False
    for span in sentence.dates:
        info = span._.orewire_date or {}
        end = info.get("end_date") or info.get("value") or ""
        if end[:4].isdigit() and int(reference[:4]) - int(end[:4]) >= years:
            return True
    return False


def _governing_preposition(token: Token) -> str | None:
    """The preposition a noun (or the noun it modifies) hangs from: "in line with a national plan" gives "with"."""
    current = token
    for _ in range(3):
        if current.dep_ == "pobj":
            return current.head.lower_
        if current.dep_ not in {"compound", "amod", "nmod", "conj"} or current.head.i == current.i:
            return None
        current = current.head
    return None


def _headline_clause(trigger: Span, *, punctuation_only: bool = False) -> tuple[int, int]:
    """Token bounds of the headline clause holding the trigger ("X Bans Y as Z Deals Gather Pace")."""
    doc = trigger.doc
    lo, hi = 0, len(doc)
    for token in doc:
        if (token.lower_ in HEADLINE_BREAKS and not punctuation_only) or token.text in {",", ";", ":", "|"}:
            if token.i < trigger.start:
                lo = token.i + 1
            elif token.i >= trigger.end and hi == len(doc):
                hi = token.i
    return lo, hi


def _governing_verb(token: Token) -> Token | None:
    """The verb whose clause holds ``token`` (itself when it is one)."""
    current = token
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _sentence_of(sentences: list[_Sentence], token_index: int) -> _Sentence | None:
    for sentence in sentences:
        if sentence.span.start <= token_index < sentence.span.end:
            return sentence
    return None


def _clause_head(token: Token) -> int:
    """Index of the nearest verb at or above ``token`` that has its own subject (or the root)."""
    verb = _governing_verb(token)
    if (verb is not None and verb.dep_ == "acl" and verb.i == verb.head.i + 1 and verb.tag_ in {"VBD", "VBN"}
            and not any(child.dep_ == "agent" for child in verb.children)):
        return verb.i
    while verb is not None:
        if verb.dep_ == "ROOT" or any(child.dep_ in SUBJECT_DEPS | {"expl"} for child in verb.children):
            return verb.i
        verb = _governing_verb(verb.head) if verb.head.i != verb.i else None
    return -1


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """One event per (sentence, type, clause): triggers under one subject-bearing verb report one event."""
    best: dict[tuple[int, str, int], _Candidate] = {}
    for candidate in candidates:
        clause = -1 if candidate.sentence.headline else _clause_head(candidate.trigger.root)
        key = (candidate.sentence.span.start, candidate.rule.event_type, clause)
        current = best.get(key)
        if current is None or _rank(candidate) > _rank(current):
            best[key] = candidate
    return sorted(best.values(), key=lambda c: (c.trigger.start_char, c.rule.event_type))


def _rank(candidate: _Candidate) -> tuple[int, int, float, int]:
    return (candidate.rule.strength == "strong", not candidate.rule.title_only, candidate.confidence,
            -candidate.trigger.start)


@Language.factory(
    "orewire_events",
    assigns=["doc._.orewire_events"],
    requires=["token.lemma", "token.dep", "doc.ents"],
)
def make_event_stage(nlp: Language, name: str) -> EventStage:
    return EventStage(nlp)


# --- document level ---------------------------------------------------------------------------------------------


def merge_events(records: list[EventRecord], entities: list[EntityRecord]) -> list[EventRecord]:
    """Resolve anaphoric agents and fold headline events into the body events they announce.

    A heading (or teaser headline) event merges into the first body event of the same type in its section;
    a title or standfirst event into the body event of the same type with a compatible agent anywhere. The
    body trigger stays primary, mentions and arguments are unioned. A headline event with no body event to
    join is kept only when its section has no body events at all (a teaser without text).

    Args:
        records: the document's event records in text order.
        entities: the document's entity records (to resolve "the company", "the country", "it").

    Returns:
        The event records, one per event, in text order; ids follow the kept (body) trigger.
    """
    names = {entity.id: entity.normalized for entity in entities}
    resolved = [_resolve_anaphor(record, records, entities) for record in records]
    headlines = [r for r in resolved if _is_headline_record(r)]
    bodies = _merge_continuations([r for r in resolved if not _is_headline_record(r)], names)
    merged: dict[str, EventRecord] = {r.id: r for r in bodies}
    body_sections = {r.section for r in bodies}
    kept: list[EventRecord] = []
    for headline in headlines:
        target = _merge_target(headline, bodies, names)
        if target is not None:
            merged[target.id] = _merge(merged[target.id], headline)
            continue
        if headline.zone != "title" and not _is_standfirst(headline) and headline.section not in body_sections:
            twin = next((r for r in kept if (r.event_type, r.section) == (headline.event_type, headline.section)), None)
            if twin is None:
                kept.append(headline)
            else:
                kept[kept.index(twin)] = _merge(twin, headline)
    output = [_finish(record) for record in [*merged.values(), *kept]]
    return sorted(output, key=lambda r: (r.trigger.start, r.event_type))


def _merge_continuations(bodies: list[EventRecord], names: dict[str, str]) -> list[EventRecord]:
    """Fold a follow-up sentence about the same deal, study or talks into the event it continues.

    Only for types whose details spread over sentences (a study's NPV then its capex; a loan then its
    terms), within two sentences in one section, when the follow-up names no other actor.
    """
    kept: list[EventRecord] = []
    for record in bodies:
        previous = next((r for r in reversed(kept) if r.event_type == record.event_type), None)
        if (previous is not None and record.event_type in CONTINUED_TYPES and previous.section == record.section
                and previous.zone == record.zone and 0 < record.sentence - previous.sentence <= 2
                and _continues(previous, record, names)):
            kept[kept.index(previous)] = _merge(previous, record)
            continue
        kept.append(record)
    return kept


def _continues(previous: EventRecord, record: EventRecord, names: dict[str, str]) -> bool:
    roles = {argument.role for argument in record.arguments}
    if record.event_type == "financing" and "amount" in roles:
        return False
    before = record.evidence[: max(record.trigger.start - _evidence_start(record), 0)].lower().split()[-3:]
    if STUDY_WORDS.search(record.trigger.text) and {"a", "an"} & set(before):
        return False
    agent = _agent_name(record, names)
    if agent is None:
        return True
    return agents_compatible(agent, _agent_name(previous, names) or "")


def _evidence_start(record: EventRecord) -> int:
    """Article offset of the evidence sentence (the trigger's offset minus its place in the sentence)."""
    position = record.evidence.find(record.trigger.text)
    return record.trigger.start - max(position, 0)


def _finish(record: EventRecord) -> EventRecord:
    """Drop an agent that stayed an unresolved pronoun or "the company"."""
    arguments = [a for a in record.arguments if not (a.role == "agent" and a.ref is None and _anaphor_head(a.text))]
    if len(arguments) == len(record.arguments):
        return record
    return record.model_copy(update={"arguments": arguments})


def _is_standfirst(record: EventRecord) -> bool:
    """A title-case summary paragraph before the first heading ("Roundup for the Week: X Moved to ..."),
    or a verbless label line the layout left in the body ("Export curbs")."""
    if record.zone != "body" or record.section is not None:
        return False
    evidence = record.evidence.strip()
    short_label = len(evidence.split()) <= 4 and evidence[-1:] not in ".!?"
    return short_label or is_headline_text(evidence.rstrip(".!?"), max_words=80)


def _is_headline_record(record: EventRecord) -> bool:
    if record.zone in HEADLINE_ZONES or _is_standfirst(record):
        return True
    return record.zone == "related" and record.section is not None and record.evidence.strip() == record.section.strip()


def _merge_target(headline: EventRecord, bodies: list[EventRecord], names: dict[str, str]) -> EventRecord | None:
    same_type = [b for b in bodies if b.event_type == headline.event_type]
    if headline.zone == "title" or _is_standfirst(headline):
        compatible = [b for b in same_type if _parties_compatible(headline, b, names)]
        named = [b for b in compatible if _agent_name(headline, names) and _agent_name(b, names)]
        if named or compatible:
            return (named or compatible)[0]
        return same_type[0] if len(same_type) == 1 else None
    same_section = [b for b in same_type if b.section == headline.section and b.trigger.start > headline.trigger.start]
    return same_section[0] if same_section else None


def _agent_name(record: EventRecord, names: dict[str, str]) -> str | None:
    for argument in record.arguments:
        if argument.role == "agent":
            return names.get(argument.ref or "", argument.text)
    return None


def _parties_compatible(headline: EventRecord, body: EventRecord, names: dict[str, str]) -> bool:
    agent = _agent_name(headline, names)
    if agent is None:
        return True
    body_parties = [names.get(a.ref or "", a.text) for a in body.arguments if a.role in PARTY_ROLES]
    if not body_parties:
        return True
    return any(agents_compatible(agent, party) for party in body_parties)


def _merge(primary: EventRecord, other: EventRecord) -> EventRecord:
    arguments = list(primary.arguments)
    have = {(a.role, a.ref or a.text) for a in arguments}
    has_agent = any(a.role == "agent" for a in arguments)
    loose = other.zone == "title" or _is_standfirst(other) or other.section != primary.section
    for argument in other.arguments:
        key = (argument.role, argument.ref or argument.text)
        if key in have or (argument.role == "agent" and (has_agent or loose)):
            continue
        have.add(key)
        arguments.append(argument)
    mentions = sorted({(m.start, m.end) for m in [*primary.mentions, *other.mentions]})
    confidence = min(max(primary.confidence, other.confidence) + 0.05, 0.99)
    return primary.model_copy(update={
        "arguments": arguments,
        "mentions": [Mention(start=start, end=end) for start, end in mentions],
        "confidence": round(confidence, 4),
    })


ANAPHOR_LABELS = {
    "company": {"ORG"}, "group": {"ORG"}, "miner": {"ORG"}, "firm": {"ORG"}, "developer": {"ORG"},
    "producer": {"ORG"}, "explorer": {"ORG"}, "operator": {"ORG"}, "agency": {"ORG"}, "bank": {"ORG"},
    "lender": {"ORG"}, "ministry": {"ORG"}, "commission": {"ORG"}, "government": {"ORG", "GPE"},
    "companies": {"ORG"}, "country": {"GPE"}, "nation": {"GPE"}, "state": {"GPE"}, "province": {"GPE"},
    "bloc": {"ORG", "GPE"}, "project": {"FACILITY"}, "mine": {"FACILITY"}, "deposit": {"FACILITY"},
    "plant": {"FACILITY"}, "refinery": {"FACILITY"}, "it": {"ORG", "GPE"}, "its": {"ORG", "GPE"},
    "they": {"ORG", "GPE"}, "their": {"ORG", "GPE"},
}


def _anaphor_head(text: str) -> str | None:
    """"the company" -> "company", "it" -> "it"; None for a name."""
    words = text.lower().split()
    if len(words) == 1 and words[0] in ANAPHOR_LABELS:
        return words[0]
    if len(words) >= 2 and words[0] in {"the", "its", "their"} and words[-1] in ANAPHOR_LABELS:
        return words[-1]
    return None


def _resolve_anaphor(record: EventRecord, records: list[EventRecord], entities: list[EntityRecord]) -> EventRecord:
    """Replace an agent written as "the company"/"it" by the heading's entity, when the heading names one."""
    index = next((i for i, a in enumerate(record.arguments)
                  if a.role == "agent" and a.ref is None and _anaphor_head(a.text)), None)
    if index is None:
        return record
    labels = ANAPHOR_LABELS[_anaphor_head(record.arguments[index].text) or ""]
    antecedent = _heading_agent(record, records, labels, entities)
    arguments = list(record.arguments)
    if antecedent is None:
        return record
    if any(a.ref == antecedent.id for a in arguments):
        del arguments[index]
        return record.model_copy(update={"arguments": arguments})
    arguments[index] = Argument(role="agent", text=antecedent.text, ref=antecedent.id)
    return record.model_copy(update={"arguments": arguments})


def _heading_agent(record: EventRecord, records: list[EventRecord], labels: set[str],
                   entities: list[EntityRecord]) -> EntityRecord | None:
    by_id = {entity.id: entity for entity in entities}
    for other in records:
        if (other.section != record.section or not _is_headline_record(other)
                or other.trigger.start > record.trigger.start):
            continue
        for argument in other.arguments:
            entity = by_id.get(argument.ref or "")
            if argument.role == "agent" and entity is not None and entity.label in labels:
                return entity
    if record.section is None:
        return None
    heading = [e for e in entities if e.label in labels and e.section == record.section
               and e.zone in {"heading", "related"} and e.start < record.trigger.start]
    return heading[0] if heading else None
