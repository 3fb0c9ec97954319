"""The ``orewire_events`` component: classify sentences into the SPEC event taxonomy.

Triggers come from ``models/events/triggers.jsonl`` (token patterns over lemmas, each with the
context it needs in its sentence); modality cues, anaphors and argument cues from ``cues.json``;
the grammar words the parse is read with from ``words.json``. Joining a headline to the paragraph
under it is the separate ``orewire_event_merger`` component (``pipeline.components.merging``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.base import OrewireComponent, block_text
from pipeline.components.events.agents import AgentFinder
from pipeline.components.events.arguments import ArgumentAttacher
from pipeline.components.events.buckets import BucketPolicy
from pipeline.components.events.dropped import BUCKET_STEP, note_dropped, note_same_clause
from pipeline.components.events.modality import ModalityReader
from pipeline.components.events.owner_lists import OwnerLists
from pipeline.components.events.party_figures import PartyFigures
from pipeline.components.events.selection import BACK_REFERENCE_SUFFIX, Candidate, confidence, held_back_references, select
from pipeline.components.events.sentences import DocIndex, IndexWords, Sentence, block_sentences, sentence_of
from pipeline.components.events.triggers import TriggerMatcher
from pipeline.components.events.vetting import TriggerVetter
from pipeline.components.events.vetting_figures import states_rate
from pipeline.resources.events import (
    CUES_FILE,
    TRIGGERS_FILE,
    WORDS_FILE,
    EventWords,
    TriggerRule,
    load_event_resources,
)
from pipeline.resources.files import ResourceReader
from pipeline.resources.trigger_buckets import load_trigger_buckets
from pipeline.schema import extensions  # noqa: F401  (registers the Doc and Span extensions)
from pipeline.schema.labels import EVENTS_FACTORY

SKIPPED_ZONES = frozenset({"boilerplate", "dateline"})


class EventsComponent(OrewireComponent):
    """Finds trigger matches, checks their context, attaches arguments and modality (``doc._.orewire_events``)."""

    words: EventWords

    def __init__(self, nlp: Language, name: str = EVENTS_FACTORY, *, triggers_file: str = TRIGGERS_FILE,
                 cues_file: str = CUES_FILE, words_file: str = WORDS_FILE) -> None:
        self.files = {"triggers_file": triggers_file, "cues_file": cues_file, "words_file": words_file}
        super().__init__(nlp, name)

    def setup(self, reader: ResourceReader) -> None:
        resources = load_event_resources(reader, **self.files)
        self.rules: dict[str, TriggerRule] = {rule.id: rule for rule in resources.rules}
        # a rule's twin that reads a definite trigger ("the deal"): its hit is held for the article (``back_references``);
        # the words that gave the trigger its type belong to the first telling, so the twin asks for none nearby
        self.definite_twins = {rule.id: rule.model_copy(update={
            "id": f"{rule.id}{BACK_REFERENCE_SUFFIX}", "skip_definite": False, "context_any": [], "purpose_any": [],
            "skip_pobj": [*rule.skip_pobj, *resources.cues.back_reference_skip_pobj]})
            for rule in resources.rules
            if rule.skip_definite and rule.event_type in resources.cues.document.lone_back_reference_types}
        self.words = resources.words
        self.matcher = TriggerMatcher(self.vocab, resources.rules, irregular=resources.words.irregular_forms)
        self.vetter = TriggerVetter([*resources.rules, *self.definite_twins.values()], resources.cues, resources.words)
        self.arguments = ArgumentAttacher(resources.cues, resources.words, AgentFinder(resources.cues, resources.words))
        self.modality = ModalityReader(resources.cues, resources.words)
        self.party_figures = PartyFigures(resources.cues.party_figures)
        self.owner_lists = OwnerLists(resources.cues.owner_lists)
        self.buckets = BucketPolicy(load_trigger_buckets(reader))
        self.index_words = IndexWords(self.vocab.strings)  # the strings of the Docs' words met so far

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.orewire_block or {}
        zone = context.get("zone")
        if zone in SKIPPED_ZONES:
            doc._.orewire_events = []
            return doc
        text = block_text(doc)
        if not text.strip():
            doc._.orewire_events = []
            return doc
        index = DocIndex(doc, text, self.index_words)
        sentences = block_sentences(doc, zone, context.get("section"), text, index)
        candidates: list[Candidate] = []
        back_references: list[Candidate] = []
        seen: set[tuple[str, int, int]] = set()
        for rule_id, start, end in self.matcher(doc, index):
            rule = self.rules[rule_id]
            sentence = sentence_of(sentences, start)
            if sentence is None or end > sentence.span.end:
                continue
            key = (rule.event_type, start, end)
            # a hit inside an accepted trigger of the same type is that trigger again ("export ban" / "ban")
            if key in seen or any(s[0] == rule.event_type and s[1] <= start < s[2] for s in seen):
                continue
            trigger = Span(doc, start, end)  # a match's bounds: no slice to normalise (``doc[a:b]`` costs ~3x)
            if (step := self.vetter.rejection(rule, trigger, sentence, index)) is not None:
                note_dropped(doc, rule.id, rule.event_type, trigger, step)  # measurement only (``dropped.py``)
                if step == "skip_definite" and rule.id in self.definite_twins and self.vetter.rejection(
                        twin := self.definite_twins[rule.id], trigger, sentence, index) is None:
                    back_references.append(self._candidate(twin, trigger, sentence))
                continue
            if rule.rate_type is not None and states_rate(trigger, sentence):
                rule = rule.model_copy(update={"event_type": rule.rate_type})
                key = (rule.event_type, start, end)
            candidate = self._candidate(rule, trigger, sentence)
            # a measured bucket the read dev half found mostly wrong: dropped, or kept only with an anchoring role
            if not self.buckets.keeps(rule.event_type, rule.id, trigger, candidate.arguments):
                note_dropped(doc, rule.id, rule.event_type, trigger, BUCKET_STEP)
                continue
            seen.add(key)
            candidates.append(candidate)
        chosen = select(candidates, say_verbs=self.words.say_verbs)
        for candidate in (candidate for candidate in candidates if all(candidate is not kept for kept in chosen)):
            note_same_clause(doc, candidate, chosen)  # measurement only, with both hits' agents and details
        events = [event for candidate in chosen for event in self.party_figures.split(candidate)]
        events += held_back_references(back_references, {candidate.rule.event_type for candidate in chosen})
        doc._.orewire_events = self.owner_lists.apply(sentences, events)
        return doc

    def _candidate(self, rule: TriggerRule, trigger: Span, sentence: Sentence) -> Candidate:
        arguments, agent_key, agent_path = self.arguments.attach(rule, trigger, sentence)
        modality = self.modality(trigger, sentence, act_words=frozenset(rule.act_words))
        score = confidence(rule, arguments, modality, has_agent=agent_key is not None)
        return Candidate(rule, trigger, sentence, arguments, modality, score, agent_key, agent_path)


@Language.factory(
    EVENTS_FACTORY,
    default_config={"triggers_file": TRIGGERS_FILE, "cues_file": CUES_FILE, "words_file": WORDS_FILE},
    assigns=["doc._.orewire_events"],
    requires=["token.lemma", "token.pos", "token.tag", "token.dep", "doc.sents", "doc.ents", "doc.spans",
              "span._.orewire_quantity", "span._.orewire_date"],
)
def make_events(nlp: Language, name: str, triggers_file: str, cues_file: str, words_file: str) -> EventsComponent:
    """The event stage; the file options name data files under ``models/`` (or a saved pipeline's copy)."""
    return EventsComponent(nlp, name, triggers_file=triggers_file, cues_file=cues_file, words_file=words_file)
