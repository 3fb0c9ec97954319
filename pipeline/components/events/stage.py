"""Event stage: classify sentences into the SPEC taxonomy with triggers, arguments and modality.

Triggers come from ``models/events/triggers.jsonl`` (token patterns over lemmas,
each with the context it needs in its sentence); modality cues, anaphors and
argument cues from ``models/events/cues.json``. ``merge_events`` is the
document-level pass that joins a headline and the paragraph under it (it lives
with the other pure functions in ``pipeline.event_rules``).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from spacy.attrs import IDX, LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from pipeline.components.base import GuardedStage, block_text
from pipeline.components.events.rules import (
    HEADLINE_ZONES,
    CueSet,
    EventCues,
    TriggerRule,
    compile_pattern,
    first_token_forms,
    inflections,
    is_headline_text,
    merge_events,
)
from pipeline.resources.files import load_json, load_jsonl
from pipeline.schema.annotations import ArgumentInfo, EventInfo
from pipeline.schema.extensions import DATE_GROUP, QUANTITY_GROUP

__all__ = ["EventStage", "is_headline_text", "make_event_stage", "merge_events"]

TRIGGERS_FILE = "events/triggers.jsonl"
CUES_FILE = "events/cues.json"
SKIPPED_ZONES = frozenset({"boilerplate", "dateline"})
QUANTITY_ROLES = {"money": "amount", "price": "price", "duration": "duration"}
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
CLAUSE_MODIFIERS = frozenset({"aux", "auxpass", "neg", "advmod", "acomp", "mark"})
PRONOUNS = frozenset({"it", "they", "its", "their"})
HOLDER_VERBS = frozenset({"hold", "host", "have", "own", "boast", "contain", "announce", "report", "publish", "release",
                          "declare", "define", "unveil", "deliver", "upgrade", "increase", "expand", "boost", "grow",
                          "lift", "double"})
COUNTERPARTY_TYPES = frozenset({"cooperation_agreement", "negotiation", "supply_agreement", "merger_acquisition",
                                "financing", "investment", "export_restriction", "production_output"})
BASE_CONFIDENCE = {"strong": 0.78, "weak": 0.6}


class _DocIndex:
    """Per-token strings of a ``Doc`` as plain lists, and the trigger contexts built from them (per document)."""

    def __init__(self, doc: Doc, text: str) -> None:
        # One array read, and one string-store lookup per distinct hash: every ``Token`` access builds an object.
        orths, lowers, lemmas, starts = doc.to_array([ORTH, LOWER, LEMMA, IDX]).T.tolist() if len(doc) else ([],) * 4
        strings = doc.vocab.strings
        lower_of = {key: strings[key] for key in set(lowers)}
        lemma_of = {key: strings[key].lower() for key in set(lemmas)}
        length_of = {key: len(strings[key]) for key in set(orths)}
        self.lowers: list[str] = list(map(lower_of.__getitem__, lowers))
        self.lemmas: list[str] = list(map(lemma_of.__getitem__, lemmas))
        self.starts: list[int] = starts
        self.ends: list[int] = list(map(operator.add, starts, map(length_of.__getitem__, orths)))
        self.text = text.lower()
        self.contexts: dict[tuple[int, int, bool], tuple[set[str], str]] = {}
        self.found: dict[tuple[int, int, int, bool, tuple[int, int] | None], bool] = {}

    def words(self, start: int, end: int) -> set[str]:
        """``token_words`` of the tokens ``start:end``, from the lists instead of ``Token`` objects."""
        return {*self.lowers[start:end], *self.lemmas[start:end]}


class _Sentence:
    """A sentence (a whole headline) with the entity, quantity and date spans inside it."""

    def __init__(self, span: Span, headline: bool, text: str, index: _DocIndex) -> None:
        self.span = span
        self.start, self.end = span.start, span.end
        self.headline = headline
        self.text = text  # ``span.text``, sliced from the Doc's text
        self.index = index
        self.entities: list[Span] = []
        self.quantities: list[Span] = []
        self.dates: list[Span] = []
        self.background: bool | None = None  # whether the sentence has a background cue (set on first use)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def words(self) -> set[str]:
        return self.index.words(self.start, self.end)

    @cached_property
    def quantity_types(self) -> set[str]:
        return {span._.orewire_quantity["quantity_type"] for span in self.quantities if span._.orewire_quantity}

    @cached_property
    def quoted(self) -> bool:
        return self.lowered.lstrip()[:1] in QUOTE_MARKS


@dataclass
class _Candidate:
    rule: TriggerRule
    trigger: Span
    sentence: _Sentence
    arguments: list[ArgumentInfo]
    modality: str
    confidence: float
    agent_key: str | None


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
        self._openers: set[str] = set()
        self._longest = 1
        # per ``Matcher`` rule, the words each of its mandatory tokens can be (its lemmas, their forms, its lower
        # words): a window holding none of one set cannot match that rule
        self._required: list[list[frozenset[str]]] = []
        self._by_lemma: dict[str, list[str]] = {}
        self._by_form: dict[str, list[str]] = {}
        self._any: dict[str, CueSet] = {}
        self._none: dict[str, CueSet] = {}
        cue_sets: dict[tuple[str, ...], CueSet] = {}
        for rule in self.rules.values():
            if len(rule.pattern) == 1 and rule.pattern[0].op is None:
                self._index_single(rule)
            else:
                self.matcher.add(rule.id, compile_pattern(rule.pattern))
                self._openers |= first_token_forms(rule.pattern)
                self._longest = max(self._longest, len(rule.pattern))
                self._required.append([
                    frozenset({word.lower() for word in spec.lemma or []}
                              | {form for word in spec.lemma or [] for form in inflections(word)}
                              | {word.lower() for word in spec.lower or []})
                    for spec in rule.pattern if spec.op in {None, "+"}
                ])
            # rules with the same cue list share one ``CueSet``, so ``_cue_found`` answers them from one cache entry
            self._any[rule.id] = cue_sets.setdefault(tuple(rule.context_any), CueSet(rule.context_any))
            self._none[rule.id] = cue_sets.setdefault(tuple(rule.context_none), CueSet(rule.context_none))
        self._background = CueSet(self.cues.background)
        modality = self.cues.modality
        self._negated = {w for w in modality.negated if " " not in w}
        self._possible = {w for w in modality.possible if " " not in w}
        self._planned = {w for w in modality.planned if " " not in w}
        self._phrases = [(kind, w) for kind, words in (("negated", modality.negated), ("possible", modality.possible),
                         ("planned", modality.planned)) for w in words if " " in w]
        self._conditional = set(modality.conditional)
        self._anaphors = dict(self.cues.anaphors)
        # head noun of a descriptive anaphor ("the miner" -> miner) -> labels; pronouns stay unresolved here
        self._descriptive = {phrase.split()[-1]: frozenset(labels) for phrase, labels in self._anaphors.items()
                             if phrase.startswith("the ")}
        self._agent_labels = set(self.cues.agent_labels)
        self._weak = {rule_id: rule.strength != "strong" for rule_id, rule in self.rules.items()}

    def process(self, doc: Doc) -> Doc:
        context = doc._.orewire_block or {}
        zone = context.get("zone")
        if zone in SKIPPED_ZONES:
            doc._.orewire_events = []
            return doc
        text = block_text(doc)
        if not text.strip():
            doc._.orewire_events = []
            return doc
        scratch = _DocIndex(doc, text)
        sentences = self._sentences(doc, zone, context.get("section"), text, scratch)
        candidates: list[_Candidate] = []
        seen: set[tuple[str, int, int]] = set()
        for rule_id, start, end in self._matches(doc, scratch):
            rule = self.rules[rule_id]
            sentence = _sentence_of(sentences, start)
            if sentence is None or end > sentence.span.end:
                continue
            key = (rule.event_type, start, end)
            if key in seen or any(s[0] == rule.event_type and s[1] <= start < s[2] for s in seen):
                continue
            trigger = doc[start:end]
            if not self._accepts(rule, trigger, sentence, scratch):
                continue
            seen.add(key)
            candidates.append(self._candidate(rule, trigger, sentence))
        doc._.orewire_events = [self._event_info(c) for c in _select(candidates)]
        return doc

    def _index_single(self, rule: TriggerRule) -> None:
        """One-token patterns are looked up by word; the same test the ``Matcher`` patterns encode, minus its cost."""
        (spec,) = rule.pattern
        for lemma in spec.lemma or []:
            self._by_lemma.setdefault(lemma.lower(), []).append(rule.id)
        forms = {form for word in spec.lemma or [] for form in inflections(word)}
        forms |= {word.lower() for word in spec.lower or []}
        for form in forms:
            self._by_form.setdefault(form, []).append(rule.id)

    def _matches(self, doc: Doc, index: _DocIndex) -> list[tuple[str, int, int]]:
        """Trigger hits as (rule id, start, end): one-token rules by lookup, longer patterns by the ``Matcher``
        run only on short windows that open with one of their first words."""
        matches: set[tuple[str, int, int]] = set()
        windows: list[list[int]] = []
        for i, (lower, lemma) in enumerate(zip(index.lowers, index.lemmas, strict=True)):
            for rule_id in (*self._by_lemma.get(lemma, ()), *self._by_form.get(lower, ())):
                matches.add((rule_id, i, i + 1))
            if lower in self._openers or lemma in self._openers:
                end = min(i + self._longest, len(doc))
                if windows and i <= windows[-1][1]:
                    windows[-1][1] = max(windows[-1][1], end)
                else:
                    windows.append([i, end])
        strings = doc.vocab.strings
        for lo, hi in windows:
            words = {*index.lowers[lo:hi], *index.lemmas[lo:hi]}
            if not any(all(not needed.isdisjoint(words) for needed in rule) for rule in self._required):
                continue  # no rule's mandatory tokens are all in the window: the Matcher would find nothing
            found = self.matcher(doc[lo:hi])
            matches.update((strings[match_id], lo + start, lo + end) for match_id, start, end in found)
        strength = self._weak
        return sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]), strength[m[0]], m[0]))

    def _sentences(self, doc: Doc, zone: str | None, section: str | None, text: str,
                   index: _DocIndex) -> list[_Sentence]:
        whole_headline = zone in HEADLINE_ZONES or (zone == "related" and section and text.strip() == section)
        if whole_headline or (zone is None and is_headline_text(text)):
            spans = [doc[:]]
        else:
            spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        sentences = []
        for span in spans:
            # a span's text is the Doc's text between its character offsets (what ``span.text`` joins token by token)
            span_text = text[span.start_char : span.end_char]
            sentences.append(_Sentence(span, bool(whole_headline) or is_headline_text(span_text), span_text, index))
        groups = ((doc.ents, "entities"), (doc.spans.get(QUANTITY_GROUP, []), "quantities"),
                  (doc.spans.get(DATE_GROUP, []), "dates"))
        for spans_of_kind, attribute in groups:
            for span in spans_of_kind:
                sentence = _sentence_of(sentences, span.start)
                if sentence is not None:
                    getattr(sentence, attribute).append(span)
        return sentences

    def _accepts(self, rule: TriggerRule, trigger: Span, sentence: _Sentence, index: _DocIndex) -> bool:
        """Whether a pattern hit is an event trigger here; the cheap, selective tests run first."""
        if (rule.title_only and not sentence.headline) or sentence.quoted:
            return False
        if rule.quantity_any and not sentence.quantity_types.intersection(rule.quantity_any):
            return False
        if rule.entity_any and not any(ent.label_ in rule.entity_any for ent in sentence.entities):
            return False
        if rule.needs_date and not sentence.dates:
            return False
        wanted, unwanted = self._any[rule.id], self._none[rule.id]
        if wanted and wanted.pattern is None and wanted.words.isdisjoint(sentence.words):
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
            if rule.verb_only and root.pos_ not in {"VERB", "AUX"}:
                return False
            if rule.object_any and not self._object_matches(rule, root, sentence):
                return False
            if rule.skip_negated and _negated(root):
                return False
        if self._inside_entity(rule, trigger, sentence):
            return False
        if wanted and not self._cue_found(wanted, trigger, sentence, rule.window, mask=False, index=index):
            return False
        if unwanted:
            none_window = rule.window if rule.none_window is None else rule.none_window
            if self._cue_found(unwanted, trigger, sentence, none_window, mask=True, index=index):
                return False
        if self._conditional_clause(trigger):
            return False
        background = sentence.background
        if background is None:
            background = sentence.background = self._background.found(sentence.words, sentence.lowered)
        if background and (rule.strength == "weak" or root.dep_ == "pobj" or root.head.dep_ == "pobj"
                            or _dated_before(sentence, trigger.doc, years=2)):
            return False
        return True

    def _cue_found(self, cues: CueSet, trigger: Span, sentence: _Sentence, window: int, *, mask: bool,
                   index: _DocIndex) -> bool:
        """Whether ``cues`` occur in the trigger's context: without the trigger's own words when looking for
        wanted cues (``mask`` False), with names masked when looking for unwanted ones (``mask`` True).

        The answer depends only on the cached context and the cue set, so it is cached per document too.
        """
        lo, hi = self._bounds(trigger, sentence, window)
        key = (id(cues), lo, hi, mask, None if mask else (trigger.start, trigger.end))
        found = index.found.get(key)
        if found is None:
            words, lowered = self._context(trigger, sentence, window, mask=mask, index=index, bounds=(lo, hi))
            if not mask:
                words = words - index.words(trigger.start, trigger.end)
            found = index.found[key] = cues.found(words, lowered)
        return found

    @staticmethod
    def _bounds(trigger: Span, sentence: _Sentence, window: int) -> tuple[int, int]:
        """Token bounds of a trigger's context: ``window`` tokens either side in its sentence (or headline
        clause), the whole sentence when ``window`` is 0."""
        if window:
            lo = max(trigger.start - window, sentence.span.start)
            hi = min(trigger.end + window, sentence.span.end)
            if sentence.headline:
                clause_lo, clause_hi = _headline_clause(trigger, punctuation_only=True)
                lo, hi = max(lo, clause_lo), min(hi, clause_hi)
            return lo, hi
        return sentence.span.start, sentence.span.end

    def _context(self, trigger: Span, sentence: _Sentence, window: int, *, mask: bool,
                 index: _DocIndex, bounds: tuple[int, int] | None = None) -> tuple[set[str], str]:
        """Words and text around a trigger (the sentence when ``window`` is 0); ``mask`` leaves out names.

        Exclusions are checked without the words of names ("European Investment Bank" is no investment).
        """
        lo, hi = bounds or self._bounds(trigger, sentence, window)
        cache = index.contexts
        if (lo, hi, mask) in cache:
            return cache[(lo, hi, mask)]
        masked: set[int] = set()
        for ent in sentence.entities if mask else []:
            if ent.label_ in NAME_LABELS and not (ent.start <= trigger.start < ent.end):
                masked.update(range(max(ent.start, lo), min(ent.end, hi)))
        kept = [i for i in range(lo, hi) if i not in masked]
        words = {index.lowers[i] for i in kept} | {index.lemmas[i] for i in kept}
        if masked:
            lowered = " ".join(index.lowers[i] for i in kept)
        else:
            lowered = index.text[index.starts[lo]: index.ends[hi - 1]] if hi > lo else ""
        cache[(lo, hi, mask)] = (words, lowered)
        return words, lowered

    @staticmethod
    def _object_matches(rule: TriggerRule, root: Token, sentence: _Sentence) -> bool:
        """Whether a verb trigger's object (or passive subject) is one the rule wants: "idled the smelter"."""
        wanted = set(rule.object_any)
        objects = [child for child in root.children if child.dep_ in {"dobj", "nsubjpass", "attr", "obj"}]
        objects += [conj for obj in objects for conj in obj.conjuncts]
        for obj in objects:
            if obj.lemma_.lower() in wanted or obj.lower_ in wanted:
                return True
            for ent in sentence.entities:
                if ent.label_ in wanted and (ent.start <= obj.i < ent.end or any(
                        ent.start <= child.i < ent.end for child in obj.children if child.dep_ in MODIFIER_DEPS)):
                    return True
        return False

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
                   and not (ent.start <= trigger.start < ent.end) and not _is_dateline(ent, sentence)]
        agent, beneficiary = self._agent(rule, trigger, sentence, parties)
        in_scope = _ArgumentScope(trigger, sentence.headline)
        agent_key = None
        if agent is not None:
            add("agent", agent)
            agent_key = agent.text.lower()
        if beneficiary is not None:
            add("beneficiary", beneficiary)
        for ent in parties:
            if (ent.start_char, ent.end_char) in used or not in_scope(ent):
                continue
            role = self._party_role(ent, agent, rule)
            if role:
                add(role, ent)
        for ent in sentence.entities:
            if (ent.start_char, ent.end_char) in used or not in_scope(ent):
                continue
            if ent.label_ == "GPE" and agent is not None and _owner_of(ent, agent):
                add("location", ent)  # "Vietnam's National Assembly": the country the acting body belongs to
            elif ent.label_ == "COMMODITY":
                add("commodity", ent)
            elif ent.label_ == "FACILITY":
                add("project", ent)
            elif ent.label_ in {"GPE", "LOC"} and (sentence.headline or _is_place(ent)):
                add("location", ent)
        for span in sentence.quantities:
            info = span._.orewire_quantity
            if info and in_scope(span):
                add(self._quantity_role(info["quantity_type"], span, rule), span)
        for span in sentence.dates:
            if span._.orewire_date is None or not in_scope(span):
                continue
            effective = rule.event_type in {"export_restriction", "regulation"} and self._effective_marker(span)
            add("effective_date" if effective else "date", span)
        return arguments, agent_key

    @staticmethod
    def _quantity_role(quantity_type: str, span: Span, rule: TriggerRule) -> str:
        """SPEC role of a quantity; a share price ("to A$1.38" in a stock move, "at 4.2p a share") is a ``price``."""
        if quantity_type == "money":
            if rule.event_type == "stock_movement":
                return "price"
            after = span.doc[span.end: span.end + 2]
            if len(after) == 2 and after[0].lower_ in {"a", "per"} and after[1].lemma_.lower() == "share":
                return "price"
        return QUANTITY_ROLES.get(quantity_type, "quantity")

    def _party_role(self, ent: Span, agent: Span | None, rule: TriggerRule) -> str | None:
        """counterparty for the other side of a deal or talks; None leaves the entity to location or nothing."""
        root = ent.root
        if root.dep_ in MODIFIER_DEPS and root.head.pos_ == "NOUN" and not (ent.start <= root.head.i < ent.end):
            root = root.head  # "a French chemicals group", "Kazakhstan's industry minister"
        preps = {ancestor.lower_ for ancestor in root.ancestors if ancestor.dep_ == "prep"}
        head = root.head
        agent_tokens = range(agent.start, agent.end) if agent is not None else range(0)
        agent_noun = agent.root.head.i if agent is not None and agent.root.dep_ in MODIFIER_DEPS else -1
        if agent is not None and root.dep_ == "conj" and (head.i in agent_tokens or head.i == agent_noun):
            if rule.event_type in AGREEMENT_TYPES:
                return "counterparty"
            return "agent" if root.i == ent.root.i else None
        if root.dep_ == "pobj" and rule.event_type in {"financing", "investment"} and (
                head.lower_ in self.cues.beneficiary_preps):
            return "beneficiary"
        if root.dep_ == "pobj" and head.lower_ in self.cues.counterparty_preps and (
                rule.event_type in COUNTERPARTY_TYPES):
            if head.lower_ == "to" and rule.event_type not in {"supply_agreement", "export_restriction"}:
                return None
            return "counterparty"
        if rule.event_type in {"financing", "investment"} and root.dep_ in {"dobj", "dative"}:
            return "beneficiary"
        if "between" in preps and rule.event_type in COUNTERPARTY_TYPES:
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
        governing = _governing_verb(trigger.root)
        holder_verb = governing is not None and governing.lemma_.lower() in HOLDER_VERBS
        by_only = rule.event_type in HOLDER_TYPES and not holder_verb
        agent, verb = self._subject_entity(trigger, sentence, parties, by_only=by_only)
        if agent is not None and rule.event_type in NO_FALLBACK_AGENT and governing is not None and (
                agent.root.head.i != governing.i):
            agent = None  # "Orewire expects Pr-Nd oxide to trade ...": a forecaster does not move a price
        if agent is not None and not agent.label_:
            agent = self._resolve_in_sentence(agent, parties) or agent
        if agent is not None and agent.label_ == "PERSON":
            agent = self._office_of(agent, parties) or agent
        if agent is not None and agent.label_ in {"GPE", "LOC"} and rule.event_type not in HOLDER_TYPES and (
                not self._acts_as_government(agent, rule)):
            agent = None
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

    @staticmethod
    def _office_of(person: Span, parties: list[Span]) -> Span | None:
        """The government or organisation of an official acting in office: the GPE/ORG in his title ("EU trade
        commissioner Maros Sefcovic"), else the one country of the sentence ("Deputy Minister X called on
        Malaysia's authorities")."""
        title = [ent for ent in parties if ent.label_ in {"GPE", "ORG"} and person.start - 6 <= ent.start
                 and ent.end <= person.start]
        if title:
            return title[-1]
        # "Y, chief executive of X, said": the organisation in the person's apposition
        for appos in (child for child in person.root.children if child.dep_ == "appos"):
            inside = [ent for ent in parties if ent.label_ in {"GPE", "ORG"}
                      and appos.left_edge.i <= ent.start and ent.end - 1 <= appos.right_edge.i]
            if inside:
                return inside[0]
        countries = {ent.text.lower(): ent for ent in parties if ent.label_ == "GPE"}
        return next(iter(countries.values())) if len(countries) == 1 else None

    @staticmethod
    def _acts_as_government(place: Span, rule: TriggerRule) -> bool:
        """A country or place is an agent only as a government acting: the subject of its clause ("Peru raised the
        tax"), the "by" phrase of a passive, the owner of an acting body ("China's ministry"), or the owner of the
        noun trigger ("Japan's funding push"); never for a share move, and never as a place of the sentence."""
        if rule.event_type == "stock_movement":
            return False
        root = place.root
        while root.dep_ in {"compound", "conj"} and root.head.i != root.i and root.head.pos_ in {"PROPN", "NOUN"}:
            root = root.head
        if root.dep_ in SUBJECT_DEPS or root.dep_ in {"poss", "nmod", "appos", "ROOT", "amod", "compound"}:
            return True
        if root.dep_ == "pobj":
            return root.head.dep_ == "agent" or root.head.lower_ in {"of", "by"}
        return False

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
                        and not (trigger.start <= child.i < trigger.end) and not _in_dateline(child, sentence)]
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
                if anaphor is not None and anaphor.text.lower() in PRONOUNS:
                    speaker = self._speaker(verb, parties)
                    if speaker is not None:
                        return speaker, first_verb
                elif anaphor is not None:
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
        # "the Australian explorer", "the Perth-based miner": a descriptive head under "the"
        det = next((child for child in token.children if child.dep_ == "det" and child.lower_ == "the"), None)
        if (det is not None and token.pos_ == "NOUN" and self._descriptive.get(token.lower_, frozenset()) & {"ORG", "GPE"}
                and not any(child.pos_ == "PROPN" for child in token.children)):
            return doc[det.i: token.i + 1]
        return None

    def _resolve_in_sentence(self, anaphor: Span, parties: list[Span]) -> Span | None:
        """The named antecedent of "the company" / "the miner" earlier in its own sentence ("X chief executive Y said
        the company will ..."): the last party of a label the anaphor can take, not the other side of a deal."""
        labels = self._descriptive.get(anaphor[-1].lower_)
        if not labels:
            return None
        for verb in anaphor.root.ancestors:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in SAY_VERBS:
                speaker = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
                found = self._entity_in(speaker, parties) if speaker is not None else None
                if found is not None and found.label_ == "PERSON":
                    found = self._office_of(found, parties)
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


PLACE_PREPS = frozenset({"in", "at", "off", "offshore", "near", "across", "inside", "throughout", "outside", "on",
                         "from"})
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
CLAUSE_CLIMB_DEPS = frozenset({"xcomp", "aux", "auxpass", "prt"})


def _is_place(ent: Span) -> bool:
    """Whether a GPE/LOC is where something happens ("in Texas", "off Minamitorishima", "in Goiás and Minas
    Gerais"), not a nationality/owner modifier ("Brazil's ministry", "U.S. magnet maker") or a party."""
    root = ent.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":  # "in the Mauricie region"
        root = root.head
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


DATELINE_MARKS = frozenset({"—", "–", "--", "-", "("})


def _is_dateline(ent: Span, sentence: _Sentence) -> bool:
    """Whether a place opens the sentence as a dateline ("SYDNEY, March 3 —", "LIMA (Reuters) -"): never an agent."""
    if ent.label_ not in {"GPE", "LOC"} or ent.start != sentence.start or ent.end >= sentence.end:
        return False
    doc = ent.doc
    if doc[ent.end].text not in {",", *DATELINE_MARKS}:
        return False
    after = doc[ent.end: min(ent.end + 8, sentence.end)]
    return ent.text.isupper() or any(token.text in DATELINE_MARKS for token in after)


def _in_dateline(token: Token, sentence: _Sentence) -> bool:
    return any(ent.start <= token.i < ent.end and _is_dateline(ent, sentence) for ent in sentence.entities)


def _negated(token: Token) -> bool:
    """A verb with its own negation ("has not contracted", "never idled")."""
    return any(child.dep_ == "neg" or child.lower_ in {"not", "n't", "never"} for child in token.children)


def _owner_of(ent: Span, agent: Span) -> bool:
    """Whether ``ent`` is the possessive owner of the agent ("Brazil's mines ministry", "China's State Council")."""
    root = ent.root
    return root.dep_ == "poss" and agent.start <= root.head.i < agent.end + 3 and root.head.i >= agent.start - 0 \
        and not (ent.start <= agent.start and agent.end <= ent.end)


def _clause_key(token: Token) -> int:
    """Index of the verb whose clause holds ``token``: control verbs ("plans to build") are one clause with
    their complement; coordinated, subordinate and relative clauses are clauses of their own."""
    verb = _governing_verb(token)
    while verb is not None and verb.dep_ in CLAUSE_CLIMB_DEPS and verb.head.i != verb.i:
        verb = _governing_verb(verb.head)
    return verb.i if verb is not None else -1


class _ArgumentScope:
    """Which spans of the sentence can be the trigger's arguments: those in its clause (climbing to the reporting
    verb of "X said on Tuesday that ..."), or in the trigger's own subtree ("production ... targeted for 2029")."""

    def __init__(self, trigger: Span, headline: bool) -> None:
        self.headline = headline
        if headline:
            self.bounds = _headline_clause(trigger)
            return
        root = trigger.root
        # a modifier trigger takes its noun's phrase ("a feasibility study showing an NPV of ..."), also a
        # participle the parse hung on its noun ("The DRC suspended cobalt exports for four months ...")
        phrase = root.head if root.dep_ in {"amod", "compound"} else root
        self.subtree = (phrase.left_edge.i, phrase.right_edge.i)
        key = _clause_key(root)
        keys = {key}
        verb = trigger.doc[key] if key >= 0 else None
        while verb is not None and verb.dep_ in {"ccomp", "relcl"} and verb.head.i != verb.i:
            head = _governing_verb(verb.head)
            if head is None or (verb.dep_ == "ccomp" and head.lemma_.lower() not in SAY_VERBS):
                break
            head = trigger.doc[_clause_key(head)]
            keys.add(head.i)
            verb = head
        self.keys = keys

    def __call__(self, span: Span) -> bool:
        if self.headline:
            lo, hi = self.bounds
            return lo <= span.start and span.end <= hi
        if self.subtree[0] <= span.start and span.end - 1 <= self.subtree[1]:
            return True
        return _clause_key(span.root) in self.keys


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
        if sentence.start <= token_index < sentence.end:
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


def _predicate_head(token: Token) -> int:
    """``_clause_head``, but a coordinated predicate is its own ("suspended exports ..., extended the halt ... and
    replaced it with quotas" reports three acts; "agreed to lend ... a loan" one)."""
    verb = _governing_verb(token)
    head = _clause_head(token)
    while verb is not None and verb.i != head:
        if verb.dep_ in {"conj", "amod", "ccomp"} and verb.lemma_.lower() not in SAY_VERBS:
            return verb.i
        verb = _governing_verb(verb.head) if verb.head.i != verb.i else None
    return head


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """One event per (sentence, type, clause): triggers under one subject-bearing verb report one event."""
    best: dict[tuple[int, str, int], _Candidate] = {}
    for candidate in candidates:
        clause = -1 if candidate.sentence.headline else _predicate_head(candidate.trigger.root)
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
