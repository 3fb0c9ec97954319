"""The tense of the clause a date mention sits in: it picks the year of a year-less date.

"The government extended the halt in June" (published in January) is last June; "drilling
will start in June" is the coming one. Read from the words before the mention and, on a tagged
and parsed ``Doc``, from the verb governing it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.components.base import block_text
from pipeline.components.dates.words import DateWords
from pipeline.text.temporal import Tense

# How far up the dependency tree to look for the governing verb (a past verb reached through a chain of
# prepositions, "blamed on a fault at two of its pits in Q1", sits many steps above "Q1").
MAX_HEAD_STEPS = 10
# How far before a mention the earlier side of a comparison may start ("up from 55pc in the").
COMPARISON_REACH = 60
# A gapped clause ("... in April and praseodymium (Pr) in July."): the words it may hold, the marks that may end it.
GAP_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "PUNCT", "NUM"})
GAP_ENDS = frozenset({".", ";", ",", ")"})


def tense_at(doc: Doc, start: int, end: int, words: DateWords) -> Tense | None:
    """Past or future from the verb governing the mention at ``start:end`` (None when unclear or untagged)."""
    cue = words.comparison_cue
    if cue is not None and cue.search(block_text(doc), max(0, start - COMPARISON_REACH), start):
        return "past"  # "... in the third quarter, up from 55% in the second quarter"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    previous = doc[span.start - 1].lower_ if span.start else ""
    if previous in ("since", "ago", "ended"):
        return "past"  # "the quarter ended Sept. 30": a reporting period that has ended lies before the report
    if previous in ("until", "till"):
        # "had been given time until May 2": a deadline seen from a past moment is past too
        return "past" if _is_parsed(doc) and _past_perfect(_governing_verb(span)) else "future"
    if not _is_parsed(doc):
        return None
    gapped = _gapped_from(span)
    if gapped is not None:
        return tense_at(doc, gapped.idx, gapped.idx + len(gapped.text), words)
    before = span.start - 1
    if before > 0 and doc[before].lower_ in ("on", "in", "last"):
        before -= 1
    if before >= 0 and doc[before].tag_ == "VBD":
        return "past"
    head = _governing_verb(span)
    if _future_word_on_path(span, words) and (head is None or _verb_tense(head, words) != "past"):
        return "future"  # "the report is due in October" (not "was due"): a future adjective before the verb
    if head is None:
        return None
    tense = _verb_tense(head, words)
    if tense is None and head.dep_ == "xcomp" and head.head.i != head.i:
        tense = _verb_tense(head.head, words)
    return tense


def _gapped_from(span: Span) -> Token | None:
    """The last word of the date a gapped clause shares its verb with ("shipments due in April and praseodymium
    (Pr) in July."): the mention ends its clause, and only a preposition, a noun phrase (brackets allowed) and "and"
    stand between it and a word right before that "and"; None otherwise."""
    doc = span.doc
    if span.end < len(doc) and not (doc[span.end].is_punct and doc[span.end].text in GAP_ENDS):
        return None
    index = span.start - 1
    if index < 0 or doc[index].pos_ != "ADP":
        return None
    index -= 1
    while index > 0 and doc[index].lower_ != "and":
        if doc[index].pos_ not in GAP_WORDS:
            return None
        index -= 1
    if index <= 0 or index == span.start - 2:
        return None  # "in May and in June" has no noun of its own: the parse already shares the verb
    previous = doc[index - 1]
    return previous if previous.ent_type_ == "DATE" or previous.like_num or previous.is_title else None


def _governing_verb(span: Span) -> Token | None:
    """The verb the mention hangs from, up to ``MAX_HEAD_STEPS`` up the tree, or None."""
    head = span.root
    for _ in range(MAX_HEAD_STEPS):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        if _absolute_with(head):
            return None  # "opened a tender, with bids due by May": the absolute clause keeps its own time
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _absolute_with(token: Token) -> bool:
    """The "with" of an absolute clause ("with bids due by May", "with traders braced for a drop in September"):
    a preposition whose object is described by a word of its own (an adjective or a participle after it)."""
    if token.lower_ != "with" or token.pos_ != "ADP":
        return False
    return any(child.dep_ == "pobj" and any(grand.i > child.i and grand.dep_ in ("amod", "acl")
                                             for grand in child.children) for child in token.children)


def _absolute_participle(verb: Token) -> bool:
    """The participle of an absolute clause: "with traders braced" (parsed as a clause under "with") or "with output
    expected" (a participle after the object of "with")."""
    if verb.dep_ == "pcomp":
        return verb.head.lower_ == "with"
    return verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "with"


def _future_word_on_path(span: Span, words: DateWords) -> bool:
    """Whether a word of ``future_words`` that is no verb ("due") stands between the mention and the verb it hangs
    from ("is due in October", "recommendations due in 180 days")."""
    head = span.root.head
    for _ in range(MAX_HEAD_STEPS):
        if head.pos_ in ("VERB", "AUX"):
            return False
        if head.pos_ == "ADJ" and head.lower_ in words.future_words:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _past_perfect(verb: Token | None) -> bool:
    """A past perfect ("had been given") or a past "had" of its own ("the miner had until May 2 to reply")."""
    if verb is None:
        return False
    if verb.dep_ == "xcomp" and verb.head.i != verb.i and _past_perfect(verb.head):
        return True  # "had been allowed to operate until June 4"
    return (verb.lower_ == "had" and verb.tag_ == "VBD") or any(
        child.dep_ in ("aux", "auxpass") and child.lower_ == "had" for child in verb.children)


def _verb_tense(verb: Token, words: DateWords) -> Tense | None:
    children = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass", "neg")}
    if children & words.weak_future_words:
        return "later"
    if children & words.future_words or verb.lower_ in words.future_words:
        return "future"
    if "to" in children and (verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in children)):
        return _infinitive_tense(verb, words)  # "to file from August 1", "to be announced on Wednesday"
    if verb.tag_ in ("VBD", "VBN") and not children and _absolute_participle(verb):
        return None  # "with traders braced for a drop in September": a state, no past of its own
    perfect = any(child.tag_ == "VBD" or child.lower_ in ("has", "have") for child in verb.children)
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and perfect):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not children:
        return "past"  # "the drilling completed late in the year": a participle after its noun tells what was done
    return None


def _infinitive_tense(verb: Token, words: DateWords) -> Tense:
    """'to file from August 1' takes its time from the verb it depends on.

    After a past verb of ability or obligation ("were only able to file from August 1", "a decree
    required mines to halt in April"), or a present perfect ("has forced the smelter to close in May"), it is
    past; after an intention ("agreed to supply from June"),
    a present or a future verb, after a noun ("with a view to finalise by 28 February", "plans to"), or with
    no finite verb in reach, it is future.
    """
    if verb.dep_ == "acl":
        return "future"
    head = verb
    for _ in range(MAX_HEAD_STEPS):
        if head.head.i == head.i:
            break
        head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            continue
        if head.lemma_.lower() in words.intention_verbs or head.lower_ in words.future_words:
            return "future"
        auxiliaries = [child for child in head.children if child.dep_ in ("aux", "auxpass")]
        if head.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
            return "past"
        if head.tag_ == "VBN" and any(child.lower_ in ("has", "have") for child in auxiliaries):
            return "past"  # "has imposed controls, causing exports to fall in July": a present perfect is done
        if head.tag_ in ("VBZ", "VBP", "MD") or auxiliaries:
            return "future"
    return "future"


def _is_parsed(doc: Doc) -> bool:
    """Tagged and parsed (checked on the first token: ``has_annotation`` scans the whole doc)."""
    return len(doc) > 0 and doc[0].tag != 0 and doc[0].dep != 0
