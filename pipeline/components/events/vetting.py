"""Vetting a trigger hit: whether a pattern match is an event trigger in its sentence.

A rule names the context it needs (cues, a quantity, an entity, a date) and the readings that make a hit background.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.events.cues import CueSet
from pipeline.components.events.description import in_explaining_clause, is_description, present_activity
from pipeline.components.events.goals import fostered_by_state, wanted_by_goal_word
from pipeline.components.events.said_of import said_of_other
from pipeline.components.events.sentences import DocIndex, Sentence, site_word_after
from pipeline.components.events.syntax import (
    MODIFIER_DEPS,
    clause_subjects,
    governing_preposition,
    headline_clause,
    is_negated,
    purpose_lemmas,
    subject_start,
    talked_about,
)
from pipeline.components.events.vetting_figures import dated_before, for_phrase_end, measured, quantity_before
from pipeline.resources.events import EventCues, EventWords, TriggerRule

OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "obj"})
HISTORY_YEARS = 2
# a trigger word in these relations to a descriptor noun names a kind of actor, not an act ("mining giant")
DESCRIBING_DEPS = frozenset({"compound", "amod", "nmod"})
# the preposition of a noun trigger's object ("the acquisition of the mine")
OF_PREPOSITION = "of"
# where a list of a business's activities stands: the object of a verb or of a preposition
LIST_OBJECT_DEPS = frozenset({"dobj", "pobj"})
# a noun trigger so related, with a superlative, ranks what it is said of ("one of the biggest loans"): a description
RANKING_DEPS = frozenset({"attr", "appos"})
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})


class TriggerVetter:
    """Accepts or rejects trigger hits; the cheap, selective tests run first."""

    def __init__(self, rules: list[TriggerRule], cues: EventCues, words: EventWords) -> None:
        self.words = words
        self.wanted: dict[str, CueSet] = {}
        self.unwanted: dict[str, CueSet] = {}
        cue_sets: dict[tuple[str, ...], CueSet] = {}
        for rule in rules:
            # rules with the same cue list share one ``CueSet``, so ``_cue_found`` answers them from one cache entry
            self.wanted[rule.id] = cue_sets.setdefault(tuple(rule.context_any), CueSet(rule.context_any))
            self.unwanted[rule.id] = cue_sets.setdefault(tuple(rule.context_none), CueSet(rule.context_none))
        self.background = CueSet(cues.background)
        self.conditional = frozenset(cues.modality.conditional)
        self.descriptive, self.labels = cues.descriptive, cues.role_labels
        self.anchor_types = frozenset(cues.descriptive.anchor_quantity_types)

    def accepts(self, rule: TriggerRule, trigger: Span, sentence: Sentence, index: DocIndex) -> bool:
        """Whether a pattern hit is an event trigger here."""
        return self.rejection(rule, trigger, sentence, index) is None

    def rejection(self, rule: TriggerRule, trigger: Span, sentence: Sentence, index: DocIndex) -> str | None:
        """The name of the first check that rejects a pattern hit (the rule key it tests, "context_none", or a check
        of this class: "background", "description" ...), None when it is a trigger; ``dropped.py`` keeps the names."""
        if rule.title_only and not sentence.headline:
            return "title_only"
        if rule.quantity_any and not sentence.quantity_types.intersection(rule.quantity_any):
            return "quantity_any"
        if sentence.quantity_types.intersection(rule.quantity_none):
            return "quantity_none"
        if rule.quantity_before and not quantity_before(rule, trigger, sentence):
            return "quantity_before"
        if rule.next_any and (trigger.end >= sentence.span.end or trigger.doc[trigger.end].lower_ not in rule.next_any):
            return "next_any"
        if rule.entity_any and not any(ent.label_ in rule.entity_any for ent in sentence.entities):
            return "entity_any"
        if rule.needs_date and not sentence.dates:
            return "needs_date"
        wanted, unwanted = self.wanted[rule.id], self.unwanted[rule.id]
        if wanted and wanted.pattern is None and wanted.words.isdisjoint(sentence.words):
            return "context_any_words"
        root = trigger.root
        if not sentence.headline and (misread := self._misread(rule, root, sentence)) is not None:
            return misread
        if sentence.headline and rule.object_any and not _object_named(rule, sentence):
            return "headline_object"
        if sentence.headline and (rule.subject_any or rule.purpose_any):
            return "headline_parse"  # a headline's parse is too poor to find the subject; the title rules read headlines
        if not sentence.headline and self._explains_or_goes_on(rule, root, sentence):
            return "explaining_or_ongoing"
        if _inside_entity(rule, trigger, sentence, self.labels.name_labels):
            return "inside_entity"
        if wanted and not self._cue_found(wanted, trigger, sentence, rule.window, mask=False, index=index):
            return "context_any"
        if unwanted:
            none_window = rule.window if rule.none_window is None else rule.none_window
            if self._cue_found(unwanted, trigger, sentence, none_window, mask=True, index=index):
                return "context_none"
        if self._conditional_clause(trigger):
            return "conditional"
        background = sentence.background
        if background is None:
            background = sentence.background = self.background.found(sentence.words, sentence.lowered)
        if background and (rule.strength == "weak" or (root.dep_ == "pobj" and not measured(root))
                           or root.head.dep_ == "pobj" or dated_before(sentence, trigger.doc, years=HISTORY_YEARS)):
            return "background"
        exempt = sentence.headline or rule.state or rule.event_type in self.descriptive.exempt_types
        described = not exempt and is_description(
            root, cues=self.descriptive, anchored=bool(sentence.dates or sentence.quantity_types & self.anchor_types))
        return "description" if described else None

    def _explains_or_goes_on(self, rule: TriggerRule, root: Token, sentence: Sentence) -> bool:
        """A body trigger in a clause explaining another ("when copper prices fell"), or an activity going on
        ("is collaborating with") for a rule with ``present_none`` in a sentence without a date."""
        if rule.event_type in self.descriptive.explaining_types and in_explaining_clause(root, self.descriptive):
            return True
        return rule.present_none and not sentence.dates and present_activity(root, self.descriptive)

    def _misread(self, rule: TriggerRule, root: Token, sentence: Sentence) -> str | None:
        """The first parse test of a body sentence that fails, None when all pass (headline parses are too poor)."""
        if rule.not_verb and root.pos_ in {"VERB", "AUX"}:
            return "not_verb"
        if rule.skip_definite and any(child.dep_ == "det" and child.lower_ in self.words.definite_determiners
                                      for child in root.children):
            return "skip_definite"
        if rule.skip_pobj and governing_preposition(root) in rule.skip_pobj:
            return "skip_pobj"
        if rule.event_type not in self.words.talk_types and talked_about(root, self.words.talk_nouns):
            return "talked_about"
        if root.dep_ in rule.skip_deps:
            return "skip_deps"
        if root.dep_ in DESCRIBING_DEPS and root.head.pos_ in {"NOUN", "PROPN"} and (
                {root.head.lemma_.lower(), root.head.lower_} & (self.words.descriptor_nouns | self.words.classified_nouns)):
            return "descriptor_noun"
        if self.words.scope_list_size and _in_scope_list(root, self.words.scope_list_size):
            return "scope_list"
        if rule.ranked:  # a ranked standing ("the world's biggest producer") is what the rule reports
            if not _ranked(root, self.words.ranking_words):
                return "ranked"
        elif _ranked(root) and not (rule.state and rule.quantity_any):  # a standing with the share figure it needs
            return "ranked"
        if rule.verb_only and root.pos_ not in {"VERB", "AUX"}:
            return "verb_only"
        if rule.object_any and not _object_matches(rule, root, sentence):
            return "object_any"
        if rule.object_none and _object_lemmas(root, self.labels.object_name_labels) & set(rule.object_none):
            return "object_none"
        if rule.modifier_none and root.pos_ == "NOUN" and any(
                child.dep_ == "compound" and child.lemma_.lower() in rule.modifier_none for child in root.children):
            return "modifier_none"
        if rule.subject_none and {subject.lemma_.lower() for subject in clause_subjects(root)} & set(rule.subject_none):
            return "subject_none"
        if rule.said_of_any and said_of_other(root, frozenset(rule.said_of_any), sentence):
            return "said_of"  # "advanced talks", "fundamentals stronger": the words are said of something else
        if rule.subject_any and not _subject_matches(rule, root, sentence):
            return "subject_any"
        if rule.purpose_any and purpose_lemmas(root).isdisjoint(rule.purpose_any):
            return "purpose_any"
        # what a verb or noun of seeking or fostering wants ("attract investment", "a need for investment")
        if rule.goal_verbs and wanted_by_goal_word(root, frozenset(rule.goal_verbs)):
            return "goal_verbs"
        # a company's activity a public body fosters or oversees ("the ministry promotes exploration") is its policy
        if rule.event_type in self.words.fostered_types and fostered_by_state(
                root, self.words.fostering_words, self.words.state_nouns, state_labels=self.labels.state_labels,
                actor_labels=self.labels.actor_labels):
            return "fostered_by_state"
        return "skip_negated" if rule.skip_negated and is_negated(root, negators=self.words.negators) else None

    def _cue_found(self, cues: CueSet, trigger: Span, sentence: Sentence, window: int, *, mask: bool,
                   index: DocIndex) -> bool:
        """Whether ``cues`` occur in the trigger's context: without the trigger's own words when looking for
        wanted cues (``mask`` False), with names masked when looking for unwanted ones (``mask`` True).

        The answer depends only on the cached context and the cue set, so it is cached per document too.
        """
        lo, hi = self._bounds(trigger, sentence, window)
        if window and not mask and (subject := subject_start(trigger.root, sentence.span.start)) is not None:
            lo = min(lo, subject)  # a verb's whole subject is its context ("Shares of A, B and C rose")
        key = (id(cues), lo, hi, mask, None if mask else (trigger.start, trigger.end))
        found = index.found.get(key)
        if found is None:
            words, lowered = _context(trigger, sentence, mask=mask, index=index, bounds=(lo, hi),
                                      masked_labels=self.labels.masked_labels)
            if not mask:
                words = words - index.words(trigger.start, trigger.end)
            found = index.found[key] = cues.found(words, lowered)
        return found

    def _bounds(self, trigger: Span, sentence: Sentence, window: int) -> tuple[int, int]:
        """Token bounds of a trigger's context: ``window`` tokens either side in its sentence (or headline
        clause), the whole sentence when ``window`` is 0."""
        if window:
            lo = max(trigger.start - window, sentence.span.start)
            hi = min(trigger.end + window, sentence.span.end)
            # a deal noun's own "for" phrase says what it is about however long the names before it ("an agreement
            # with German group Thyssenkrupp AG for the supply of graphite"): it belongs to the context
            hi = max(hi, min(for_phrase_end(trigger, window), sentence.span.end))
            if sentence.headline:
                clause_lo, clause_hi = headline_clause(trigger, breaks=self.words.headline_breaks,
                                                       punctuation_only=True)
                lo, hi = max(lo, clause_lo), min(hi, clause_hi)
            return lo, hi
        return sentence.span.start, sentence.span.end

    def _conditional_clause(self, trigger: Span) -> bool:
        """Inside a condition ("if Marlin signs ...") or an embedded question ("examine whether it can restart")."""
        token = trigger.root
        for ancestor in [token, *token.ancestors]:
            if ancestor.dep_ in {"advcl", "ccomp"} and any(
                child.dep_ == "mark" and child.lower_ in self.conditional for child in ancestor.children
            ):
                return True
        return False


def _context(trigger: Span, sentence: Sentence, *, mask: bool, index: DocIndex, bounds: tuple[int, int],
             masked_labels: frozenset[str]) -> tuple[set[str], str]:
    """Words and text of the tokens within ``bounds``; ``mask`` leaves out names (``masked_labels``) other than the
    trigger's: unwanted cues are looked for without them ("European Investment Bank" is no investment)."""
    lo, hi = bounds
    cache = index.contexts
    if (lo, hi, mask) in cache:
        return cache[(lo, hi, mask)]
    masked: set[int] = set()
    for ent in sentence.entities if mask else []:
        if ent.label_ in masked_labels and not (ent.start <= trigger.start < ent.end):
            masked.update(range(max(ent.start, lo), min(ent.end, hi)))
    kept = [i for i in range(lo, hi) if i not in masked]
    kept_set = set(kept)
    words = {index.lowers[i] for i in kept} | {index.lemmas[i] for i in kept}
    if masked:
        # the text between two kept neighbours as written ("first-half" stays one cue), a space for a masked name
        lowered = "".join((index.text[index.ends[i - 1]: index.starts[i]] if i - 1 in kept_set else " ") + index.lowers[i]
                          for i in kept).lstrip()
    else:
        lowered = index.text[index.starts[lo]: index.ends[hi - 1]] if hi > lo else ""
    cache[(lo, hi, mask)] = (words, lowered)
    return words, lowered


def _object_matches(rule: TriggerRule, root: Token, sentence: Sentence) -> bool:
    """Whether a verb trigger's object (or passive subject) is one the rule wants: "idled the smelter"."""
    wanted = set(rule.object_any)
    objects = [child for child in root.children if child.dep_ in OBJECT_DEPS]
    objects += [conj for obj in objects for conj in obj.conjuncts]
    for obj in objects:
        if obj.lemma_.lower() in wanted or obj.lower_ in wanted:
            return True
        for ent in sentence.entities:
            if ent.label_ in wanted and (ent.start <= obj.i < ent.end or any(
                    ent.start <= child.i < ent.end for child in obj.children if child.dep_ in MODIFIER_DEPS)):
                return True
    return False


def _object_named(rule: TriggerRule, sentence: Sentence) -> bool:
    """A headline's parse is too poor to find the object, but the object a rule wants must still be named in it:
    "open-cut mine" has no quota to cut."""
    wanted = set(rule.object_any)
    return bool(wanted & sentence.words) or any(ent.label_ in wanted for ent in sentence.entities)


def _in_scope_list(root: Token, size: int) -> bool:
    """A bare noun among ``size`` or more coordinated bare nouns that a verb takes as object ("will carry out
    exploration, extraction, production and sales"): a list of what a business does, not one act reported."""
    if root.pos_ != "NOUN":
        return False
    first = root
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head
    members = [first, *first.conjuncts]
    if len(members) < size or first.dep_ not in LIST_OBJECT_DEPS:
        return False
    return all(not any(child.dep_ in {"det", "poss", "nummod"} for child in member.children) for member in members)


def _ranked(root: Token, ranking_words: frozenset[str] = frozenset()) -> bool:
    """A noun with a superlative ("the largest-ever loan"), or one of ``ranking_words`` ("a leading producer"), said of
    another thing: as the complement of a copula or an appositive, or inside "one of ..." in that place; also a
    participle describing such a noun ("the largest-ever loan awarded to a miner")."""
    if root.dep_ == "acl" and root.head.pos_ == "NOUN" and root.head.i != root.i:
        return _ranked(root.head, ranking_words)
    if root.pos_ != "NOUN" or not any(child.tag_ in SUPERLATIVE_TAGS or child.lower_ in ranking_words
                                      for child in root.children):
        return False
    holder = root
    if root.dep_ == "pobj" and root.head.lower_ == OF_PREPOSITION and root.head.head.lower_ == "one":
        holder = root.head.head
    return holder.dep_ in RANKING_DEPS


def _object_lemmas(root: Token, name_labels: frozenset[str]) -> set[str]:
    """Lemmas of a trigger's objects with their conjuncts: a verb's objects (and passive subjects), else the object
    it shares with a verb coordinated after it ("acquire and stockpile minerals"); a noun's "of" object ("the
    acquisition of these resources")."""
    objects = [child for child in root.children if child.dep_ in OBJECT_DEPS]
    if not objects and root.pos_ in {"VERB", "AUX"}:
        objects = [child for conj in root.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
                   for child in conj.children if child.dep_ in OBJECT_DEPS]
    if root.pos_ == "NOUN":
        objects += [child for prep in root.children if prep.dep_ == "prep" and prep.lower_ == OF_PREPOSITION
                    for child in prep.children if child.dep_ == "pobj"]
    # a word of a name (``name_labels``) is no object word ("acquire Kestrel Resources" buys a company, not resources)
    return {token.lemma_.lower() for obj in objects for token in (obj, *obj.conjuncts)
            if token.pos_ != "PROPN" and token.ent_type_ not in name_labels}


def _subject_matches(rule: TriggerRule, root: Token, sentence: Sentence) -> bool:
    """Whether the subject of the trigger's clause is one the rule wants: a lemma ("prices have surged"), or a word
    inside an entity of a wanted label ("dysprosium has climbed 26%": the commodity itself moved). A name in
    apposition to a common-noun subject is the subject too ("smaller explorers Kestrel and Ostra rose 14%")."""
    wanted = set(rule.subject_any)
    subjects = clause_subjects(root)
    if {subject.lemma_.lower() for subject in subjects} & wanted:
        return True
    named = [*subjects, *(child for subject in subjects if subject.pos_ == "NOUN"
                          for child in subject.children if child.dep_ == "appos")]
    return any(ent.label_ in wanted and ent.start <= subject.i < ent.end
               for subject in named for ent in sentence.entities)


def _inside_entity(rule: TriggerRule, trigger: Span, sentence: Sentence, name_labels: frozenset[str]) -> bool:
    """A trigger inside a longer name (one of ``name_labels`` outside headlines: "Export Development Canada") is part
    of it, as is a whole site name a site word follows outside headlines ("its Rose project": the site, not the verb;
    "Major Project Status" is none)."""
    for ent in sentence.entities:
        whole_name = len(ent) == len(trigger) and ent.label_ == "FACILITY" and not sentence.headline and site_word_after(ent)
        if ent.start <= trigger.start and trigger.end <= ent.end and (len(ent) > len(trigger) or whole_name):
            if ent.label_ == "LAW" and rule.event_type == "regulation":
                continue
            if ent.label_ in name_labels and not sentence.headline:
                return True
            if ent.label_ in {"PERSON", "FACILITY", "LAW"}:
                return True
    return False
