"""Modality of an event (actual, planned, possible, negated) from the trigger's clause."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.events.sentences import Sentence, token_words
from pipeline.components.events.syntax import SUBJECT_DEPS, governing_verb
from pipeline.resources.events import EventCues, EventWords

# the dependents of a clause's verb that carry its modality ("will", "not", "never", "if")
CLAUSE_MODIFIERS = frozenset({"aux", "auxpass", "neg", "advmod", "acomp", "mark"})


class ModalityReader:
    """Reads the modality cues of ``cues.json`` around a trigger."""

    def __init__(self, cues: EventCues, words: EventWords) -> None:
        self.words = words
        modality = cues.modality
        self.negated = {w for w in modality.negated if " " not in w}
        self.possible = {w for w in modality.possible if " " not in w}
        self.planned = {w for w in modality.planned if " " not in w}
        self.phrases = [(kind, w) for kind, words in (("negated", modality.negated), ("possible", modality.possible),
                        ("planned", modality.planned)) for w in words if " " in w]

    def __call__(self, trigger: Span, sentence: Sentence, act_words: frozenset[str] = frozenset()) -> str:
        """actual / planned / possible / negated from the trigger's clause: its auxiliaries, negation and the
        control verbs above it ("plans to", "expects to", "could", "did not"); ``act_words`` are negation cues that
        name the trigger rule's own act ("cancelled" for a concession cancelled), not a negation of it."""
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
        clause = participle or governing_verb(root)
        hops = 0
        while clause is not None and hops < 4:
            hops += 1
            if clause.i not in range(trigger.start, trigger.end):
                scope.append(clause)
            scope.extend(child for child in clause.children
                         if child.dep_ in CLAUSE_MODIFIERS and child.i < clause.i + 3)
            own_subject = any(child.dep_ in SUBJECT_DEPS for child in clause.children)
            climbs = clause.dep_ == "xcomp" or (clause.dep_ == "conj" and not own_subject) or (
                clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.planned)
            if not climbs or clause.head.i == clause.i:
                break
            clause = clause.head
        words = {t.lower_ for t in scope if (t.dep_ != "det" or t.lower_ == "no") and not _numero(t)} | {
            t.lemma_.lower() for t in scope if t.pos_ == "VERB"}
        if any(t.dep_ == "neg" for t in scope) or words & (self.negated - self.words.dependency_negators - act_words):
            return "negated"
        if words & self.possible:
            return "possible"
        if words & self.planned:
            return "planned"
        verb = governing_verb(root)
        start = max((verb.i if verb is not None else root.i) - 4, sentence.span.start, 0)
        start = min(start, max(trigger.start - 4, sentence.span.start))
        doc = trigger.doc  # the spans below are built directly: start <= trigger.start <= trigger.end <= sentence end
        before = Span(doc, start, trigger.start).text.lower()
        with_trigger = Span(doc, start, trigger.end).text.lower()
        for kind, phrase in self.phrases:
            if phrase in (with_trigger if kind == "planned" else before):
                return kind
        after_tokens = []
        for token in Span(doc, trigger.end, min(trigger.end + 8, sentence.span.end)):
            if token.is_punct:
                break
            after_tokens.append(token)
        after = token_words(after_tokens)
        if after & self.words.planned_after:
            return "planned"
        if sentence.headline:
            before_words = token_words(trigger.doc[max(trigger.start - 3, sentence.span.start): trigger.start])
            if before_words & self.possible:
                return "possible"
            if before_words & self.planned:
                return "planned"
        return "actual"


def _numero(token: Token) -> bool:
    """Whether a "No." (or a mid-sentence "No") before a figure abbreviates "number" ("Regulation No. 11/2019",
    "the world's No. 2 producer"), so it negates nothing."""
    doc = token.doc
    following = token.i + 1
    if following < len(doc) and doc[following].text == ".":
        following += 1
    elif not (token.text[:1].isupper() and not token.is_sent_start):
        return False
    return following < len(doc) and doc[following].text[:1].isdigit()
