"""Descriptions, not events: a trigger in a present-tense clause that says what an actor habitually does or is
("the authority oversees the regulation of ...", "the bank has been lending to ...", "the country is the largest
producer, supplying 80% of ...") reports no happening unless something anchors it in time or size (a date, a sum
of money, a tonnage); a simple present in a relative clause ("miners who each produce 5,000 t a month") describes
its noun whatever numbers it names. The tags and anchors are data (``cues.json`` "descriptive", model ``DescriptiveCues``).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.components.events.syntax import governing_preposition, governing_verb
from pipeline.resources.event_description import DescriptiveCues

# a participle hanging off the main verb describes with it ("is the largest producer, supplying ...")
PARTICIPLE_DEPS = frozenset({"acl", "advcl", "xcomp", "conj"})


def is_description(root: Token, *, cues: DescriptiveCues, anchored: bool) -> bool:
    """Whether the clause of ``root`` (a trigger's head word) is a present-tense description.

    Args:
        root: the trigger's root token (a body sentence's parse).
        cues: the present tags, progressive auxiliaries and participle tags.
        anchored: whether the sentence holds a date or an anchoring quantity (then it may report a fact).
    """
    if any(child.dep_ == "poss" for child in root.children):
        return False  # "India's push", "its ban": a named actor's own act, whatever the verb around it
    if cues.relative_clauses and _describes_its_noun(root, cues):
        return True  # "miners who each produce 5,000 t a month": a size that says what the noun is, not a report
    if anchored:
        return False
    if root.pos_ in {"NOUN", "PROPN"} and governing_preposition(root) in cues.happening_preps:
        return False  # "after the export ban": the clause refers to a happening
    verb = governing_verb(root)
    if verb is not None and verb.dep_ == "xcomp" and verb.tag_ in cues.bare_tags and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head  # "helps boost capacity": the bare infinitive describes with the verb that governs it
    if verb is None or {verb.lemma_.lower(), verb.lower_} & cues.intent_verbs:
        return False  # "plans a stockpile", "aims to ...": the present announces an intention (a planned event)
    if verb.dep_ in {"relcl", "acl"} and verb.head.lemma_.lower() in cues.content_nouns:
        return False  # "a law that bars exports": what a rule or deal provides is its content, the event itself
    if verb.tag_ in cues.participle_tags and verb.dep_ in PARTICIPLE_DEPS and verb.head.i != verb.i:
        if _present(verb.head, cues):
            return True
    return _present(verb, cues)


def _describes_its_noun(root: Token, cues: DescriptiveCues) -> bool:
    """A simple-present verb trigger in a relative clause of a noun that is no rule or deal ("a mine that produces
    ...", "Marlin, which ships ..."): what the noun habitually does, whatever numbers it names."""
    if root.dep_ != "relcl" or root.pos_ not in {"VERB", "AUX"} or root.head.lemma_.lower() in cues.content_nouns:
        return False
    return root.lemma_.lower() not in cues.intent_verbs and _present(root, cues)


def _present(verb: Token, cues: DescriptiveCues) -> bool:
    """A simple present ("oversees") or a present perfect progressive ("has been lending"), with no modal."""
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    if any(aux.tag_ == "MD" for aux in auxiliaries):
        return False
    if not auxiliaries:
        return verb.tag_ in cues.present_tags
    words = {aux.lower_ for aux in auxiliaries}
    return verb.tag_ in cues.participle_tags and words >= set(cues.progressive_perfect)


def in_explaining_clause(root: Token, cues: DescriptiveCues) -> bool:
    """A trigger in a clause or phrase that explains another ("Kestrel shut the mine when copper prices fell", "as
    prices for the metals increase", "driven by a drop in nickel prices"): a mark (``explaining_marks``, one or more
    words) a few words before it, no other verb between, and no figure up to the next punctuation, so the words give
    a reason or a time, not a report of their own."""
    if cues.explaining_reach == 0:
        return False
    doc, sentence = root.doc, root.sent
    marks = [mark.split() for mark in cues.explaining_marks]
    found = None
    for i in range(root.i - 1, max(sentence.start, root.i - cues.explaining_reach) - 1, -1):
        token = doc[i]
        lower = token.lower_  # a mark's last word must be this one: the slice is read only for those marks
        mark = next((words for words in marks if (not words or words[-1] == lower) and i - len(words) + 1 >= sentence.start
                     and [t.lower_ for t in doc[i - len(words) + 1: i + 1]] == words), None)
        if mark is not None:
            first = i - len(mark) + 1
            if first > sentence.start and doc[first - 1].lower_ in cues.explaining_fixed:
                return False  # "such as copper prices", "as well as": a list, not a clause
            found = first
            break
        if token.is_punct or token.pos_ == "VERB":
            return False
    if found is None:
        return False
    end = root.i + 1
    while end < sentence.end and not doc[end].is_punct:
        end += 1
    return not any(token.like_num for token in doc[found:end])


def present_activity(root: Token, cues: DescriptiveCues) -> bool:
    """A verb in the simple present ("cooperates with") or the present progressive ("is collaborating with"), no
    modal: an activity going on, not an act done."""
    if root.pos_ not in {"VERB", "AUX"}:
        return False
    auxiliaries = [child for child in root.children if child.dep_ in {"aux", "auxpass"}]
    if not auxiliaries:
        return root.tag_ in cues.present_tags
    if any(aux.tag_ == "MD" for aux in auxiliaries):
        return False
    return root.tag_ in cues.participle_tags and {aux.lower_ for aux in auxiliaries} <= cues.progressive_present
