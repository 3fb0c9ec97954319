"""The figures, dates and phrases around a trigger that vetting reads (split from ``vetting.py``): a figure the trigger
measures, a dated history, a stated rate, a deal noun's "for" phrase and a quantity right before the trigger."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.components.events.sentences import Sentence
from pipeline.components.events.syntax import since_date
from pipeline.resources.events import TriggerRule

# the preposition of a noun trigger's object ("initial output of 300,000 t/y")
OF_PREPOSITION = "of"


def measured(noun: Token) -> bool:
    """The "of" object of a number of units ("10,000 tonnes of cobalt output"): the sentence's figure, no background."""
    unit = noun.head.head
    return noun.head.lower_ == "of" and any(child.dep_ == "nummod" or child.like_num for child in unit.children)


def dated_before(sentence: Sentence, doc: Doc, *, years: int) -> bool:
    """Whether a date in the sentence lies ``years`` or more before the block's reference date (history)."""
    reference = (doc._.orewire_block or {}).get("reference")
    if not reference:
        return False
    for span in sentence.dates:
        if since_date(span):
            continue
        info = span._.orewire_date or {}
        end = info.get("end_date") or info.get("timex") or ""
        if end[:4].isdigit() and int(reference[:4]) - int(end[:4]) >= years:
            return True
    return False


def states_rate(trigger: Span, sentence: Sentence) -> bool:
    """Whether a noun of the trigger takes as its "of" object a rate, a quantity per year or per day ("initial output
    of 300,000 t/y", "reach output of 80,000 tonnes a year"): the words state how much, not a step reached. A dated
    sentence keeps the step ("first production of 5,000 t a year targeted for 2029")."""
    rates = [span for span in sentence.quantities if (span._.orewire_quantity or {}).get("per")]
    if not rates or sentence.dates:
        return False
    for token in trigger:
        if token.pos_ != "NOUN":
            continue
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != OF_PREPOSITION:
                continue
            inside = {t.i for pobj in prep.children if pobj.dep_ == "pobj" for t in pobj.subtree}
            if any(inside.intersection(range(span.start, span.end)) for span in rates):
                return True
    return False


def for_phrase_end(trigger: Span, window: int) -> int:
    """The end of ``window`` tokens into a noun trigger's "for" phrase (its content), else the trigger's end."""
    root = trigger.root
    if root.pos_ not in {"NOUN", "PROPN"}:
        return trigger.end
    # the parse often hangs the phrase on the verb whose object the deal is ("signed a deal ... for the supply")
    owners = [root, root.head] if root.dep_ == "dobj" else [root]
    prep = next((child for owner in owners for child in owner.children
                 if child.dep_ == "prep" and child.lower_ == "for" and child.i >= trigger.end), None)
    return prep.i + 1 + window if prep is not None else trigger.end


def quantity_before(rule: TriggerRule, trigger: Span, sentence: Sentence) -> bool:
    """Whether a wanted quantity ends right before the trigger: "a $512 million (RM2 billion) expansion"."""
    start = trigger.start - 1 if trigger.start > 0 and trigger.doc[trigger.start - 1].text == ")" else trigger.start
    return any(span.end == start and span._.orewire_quantity
               and span._.orewire_quantity["quantity_type"] in rule.quantity_before for span in sentence.quantities)
