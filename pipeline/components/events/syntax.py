"""Reading the dependency parse around a trigger: governing verbs, clauses, and headline clauses.

Pure functions over spaCy tokens; the word sets they need are passed in (from ``models/events/words.json``).
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# the preposition of a date that opens a period running to the time of writing ("the highest since 2008")
SINCE_PREPOSITION = "since"
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# control verbs ("plans to build") are one clause with their complement
CLAUSE_CLIMB_DEPS = frozenset({"xcomp", "aux", "auxpass", "prt"})
HEADLINE_PUNCTUATION = frozenset({",", ";", ":", "|"})
# where a to-infinitive saying what a noun is for hangs: on the noun, or on the verb taking it as object
INFINITIVE_DEPS = frozenset({"acl", "advcl", "xcomp"})
# a verb in these forms heading an adverbial clause has no subject of its own: a participle or an infinitive
ADVERBIAL_VERB_TAGS = frozenset({"VBG", "VBN", "VB"})


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause holds ``token`` (itself when it is one)."""
    current = token
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        head = current.head  # each ``Token.head`` access builds a Token: read it once per step
        if head.i == current.i:
            return None
        current = head
    return None


def clause_key(token: Token) -> int:
    """Index of the verb whose clause holds ``token``: control verbs ("plans to build") are one clause with
    their complement; coordinated, subordinate and relative clauses are clauses of their own."""
    verb = governing_verb(token)
    while verb is not None and verb.dep_ in CLAUSE_CLIMB_DEPS and verb.head.i != verb.i:
        verb = governing_verb(verb.head)
    return verb.i if verb is not None else -1


def clause_head(token: Token) -> int:
    """Index of the nearest verb at or above ``token`` that has its own subject (or the root)."""
    verb = governing_verb(token)
    if (verb is not None and verb.dep_ == "acl" and verb.i == verb.head.i + 1 and verb.tag_ in {"VBD", "VBN"}
            and not any(child.dep_ == "agent" for child in verb.children)):
        return verb.i
    while verb is not None:
        if verb.dep_ == "ROOT" or any(child.dep_ in SUBJECT_DEPS | {"expl"} for child in verb.children):
            return verb.i
        verb = governing_verb(verb.head) if verb.head.i != verb.i else None
    return -1


def predicate_head(token: Token, *, say_verbs: Set[str]) -> int:
    """``clause_head``, but a coordinated predicate is its own ("suspended exports ..., extended the halt ... and
    replaced it with quotas" reports three acts; "agreed to lend ... a loan" one)."""
    verb = governing_verb(token)
    head = clause_head(token)
    while verb is not None and verb.i != head:
        if verb.dep_ in {"conj", "amod", "ccomp"} and verb.lemma_.lower() not in say_verbs:
            return verb.i
        verb = governing_verb(verb.head) if verb.head.i != verb.i else None
    return head


def headline_clause(trigger: Span, *, breaks: Set[str], punctuation_only: bool = False) -> tuple[int, int]:
    """Token bounds of the headline clause holding the trigger ("X Bans Y as Z Deals Gather Pace")."""
    doc = trigger.doc
    lo, hi = 0, len(doc)
    for token in doc:
        if (token.lower_ in breaks and not punctuation_only) or token.text in HEADLINE_PUNCTUATION:
            if token.i < trigger.start:
                lo = token.i + 1
            elif token.i >= trigger.end and hi == len(doc):
                hi = token.i
    return lo, hi


def _governing_pobj(token: Token) -> Token | None:
    """The preposition's object that a noun is, or the noun it modifies is (up to three steps up)."""
    current = token
    for _ in range(3):
        if current.dep_ == "pobj":
            return current
        if current.dep_ not in {"compound", "amod", "nmod", "conj"} or current.head.i == current.i:
            return None
        current = current.head
    return None


def governing_preposition(token: Token) -> str | None:
    """The preposition a noun (or the noun it modifies) hangs from: "in line with a national plan" gives "with"."""
    pobj = _governing_pobj(token)
    return None if pobj is None else str(pobj.head.lower_)


def talked_about(token: Token, talk_nouns: Set[str]) -> bool:
    """A noun (or the noun it modifies) that talks are about: "talks over an offtake", "negotiations on a joint
    venture" -- the deal is sought, not made."""
    pobj = _governing_pobj(token)
    if pobj is None:
        return False
    preposition = pobj.head
    return preposition.head.i != preposition.i and preposition.head.lemma_.lower() in talk_nouns


def is_negated(token: Token, *, negators: Set[str]) -> bool:
    """A verb with its own negation ("has not contracted", "never idled")."""
    return any(child.dep_ == "neg" or child.lower_ in negators for child in token.children)


def place_of_next_noun(ent: Span, place_labels: Set[str]) -> bool:
    """A place (``place_labels``) naming the noun right after it ("to Shut Ohio Smelter", "Closes Quebec Mine") says
    where that thing is, not who acts."""
    if ent.label_ not in place_labels or ent.end >= len(ent.doc):
        return False
    following = ent.doc[ent.end]
    return following.pos_ in {"NOUN", "PROPN"} and following.ent_type_ not in {"ORG", "PERSON", "GPE", "NORP"}


def names_beside(token: Token, place: Span, named_labels: Set[str]) -> bool:
    """Whether a name (of ``named_labels``) other than ``place`` modifies ``token`` ("Chile's Toquepala mine":
    Toquepala; not the unnamed words of one name, "Ghana's Sovereign Wealth Fund")."""
    return any(child.dep_ in {"compound", "appos"} and child.ent_type_ in named_labels
               and not place.start <= child.i < place.end for child in token.children)


def place_describes(ent: Span, parties: Sequence[Span], company_nouns: Set[str], *, place_labels: Set[str],
                    named_labels: Set[str]) -> bool:
    """A place owning a company noun or a named thing ("Chile's Toquepala mine", "Peru's state miner"): it says
    where, the company or the site's operator acts."""
    root, head = ent.root, ent.root.head
    return ent.label_ in place_labels and root.dep_ in {"poss", "compound"} and head.i != root.i and (
        head.lemma_.lower() in company_nouns or names_beside(head, ent, named_labels)
        or any(other.start <= head.i < other.end for other in parties if other is not ent))


def purpose_lemmas(noun: Token) -> set[str]:
    """Lemmas of the to-infinitives saying what a noun is for: its own ("an agreement to provide uranium"), or, when
    the noun is a verb's object, the verb's ("inked a deal worth $2 billion to supply cathode", where the parse hangs
    the infinitive on the verb)."""
    holders = [noun]
    if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.i != noun.i:
        holders.append(noun.head)
    return {child.lemma_.lower() for holder in holders for child in holder.children
            if child.dep_ in INFINITIVE_DEPS and child.tag_ == "VB" and child.i > noun.i
            and any(aux.dep_ == "aux" and aux.lower_ == "to" for aux in child.children)}


def subject_start(token: Token, floor: int) -> int | None:
    """Where the subject of ``token``'s clause begins, however long ("Shares of A, B and C rose"); None without a
    subject at or after ``floor`` (a sentence's first token)."""
    starts = [child.left_edge.i for child in token.children if child.dep_ in SUBJECT_DEPS and child.left_edge.i >= floor]
    return min(starts) if starts else None


def since_date(span: Span) -> bool:
    """A date after "since" opens a period that runs to the time of writing ("the highest since 2008", "banned since
    2021"): it does not date the fact into the past."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == SINCE_PREPOSITION:
        return True
    return span.start > span.sent.start and span.doc[span.start - 1].lower_ == SINCE_PREPOSITION


def clause_subjects(root: Token) -> list[Token]:
    """The trigger clause's subjects: its own, its copula's or completed verb's ("sales were/continue to be higher");
    a noun inside "one of ..." is said of the subject "one" is said of ("X is one of the top producers")."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "one":
        root = root.head.head
    heads = [root, root.head] if root.dep_ in {"acomp", "attr", "oprd", "advmod", "xcomp"} else [root]
    subjects = [child for head in heads for child in head.children if child.dep_ in SUBJECT_DEPS]
    if subjects or root.pos_ != "VERB":
        return subjects
    if root.dep_ == "acl" and root.head.pos_ in {"NOUN", "PROPN"}:
        return [root.head]  # a verb completing a noun says what the noun does ("a decision to authorize drilling")
    if root.dep_ == "advcl" and root.tag_ in ADVERBIAL_VERB_TAGS and root.head.pos_ in {"VERB", "AUX"}:
        # an adverbial participle or infinitive shares its clause's subject ("X issued orders authorizing ...")
        return clause_subjects(root.head)
    return subjects
