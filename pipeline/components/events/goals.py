"""Triggers that name what is wanted or fostered rather than what happened.

Two readings: the object of a verb (or noun) of seeking or fostering a rule lists ("lure miners to invest", "a need for
investment"), and a company's activity that a public body fosters or oversees ("the ministry will promote mineral
exploration projects", "the state will control the exploration of its deposits"): the body's act is its policy or its
money, the activity belongs to the companies it helps, and no company is named as doing it.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Token

OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "obj"})
# a verb trigger in these relations to a verb of fostering names what that verb wants of its object ("lure miners to invest")
GOAL_COMPLEMENT_DEPS = frozenset({"xcomp", "advcl"})
# the prepositions after a goal noun whose object is what it is about ("a need for investment", "criticism of a policy")
GOAL_PREPOSITIONS = frozenset({"for", "of"})
# the prepositions whose object a word of fostering helps along ("support for exploration", "help firms in acquiring")
FOSTERED_PREPOSITIONS = frozenset({"for", "of", "in", "with"})
FOSTERED_OBJECT_DEPS = frozenset({"dobj", "obj"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# how far up the parse the subject of a word of fostering is looked for (a verb, its infinitive, a preposition)
SUBJECT_REACH = 6


def wanted_by_goal_word(root: Token, goal_words: Set[str]) -> bool:
    """Whether a trigger names what a goal word (a rule's ``goal_verbs``) wants rather than an act: a noun it takes
    as object ("attract investment"), a verb it wants of its object ("encourage companies to invest"), a noun its
    'for'/'of' object names ("a need for investment", "criticism of Fenwick's policies")."""
    if not goal_words:
        return False
    head = root.head
    if root.dep_ in OBJECT_DEPS and head.lemma_.lower() in goal_words:
        return True
    if root.dep_ in GOAL_COMPLEMENT_DEPS and head.lemma_.lower() in goal_words and any(
            child.dep_ == "dobj" for child in head.children):
        return True
    return root.dep_ == "pobj" and head.lower_ in GOAL_PREPOSITIONS and (
        head.head.pos_ == "NOUN" and head.head.lemma_.lower() in goal_words)


def fostered_by_state(root: Token, fostering_words: Set[str], state_nouns: Set[str], *, state_labels: Set[str],
                      actor_labels: Set[str]) -> bool:
    """Whether a trigger names an activity a public body fosters or oversees: the activity noun (or a noun it is
    compounded onto, or the first of a list it stands in) is the object of a word of ``fostering_words``, directly
    or through a preposition, and that word's nearest subject is a public body (a ``state_nouns`` head or a name of
    ``state_labels``: "Fenwick will promote exploration"); not when a name of ``actor_labels`` compounded onto the
    activity does it ("a Kestrel acquisition")."""
    if _names_own_actor(root, actor_labels):
        return False  # "the state backs Marlin's acquisition of Kestrel": Marlin acquires, the state only helps
    word = _fostering_word(_activity_noun(root), fostering_words)
    return word is not None and _state_subject(word, state_nouns, state_labels)


def _names_own_actor(root: Token, actor_labels: Set[str]) -> bool:
    """Whether the trigger names who does it: a possessive, a 'by' phrase, or an organisation compounded onto it."""
    return any(child.dep_ == "poss" or (child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"))
               or (child.dep_ == "compound" and child.ent_type_ in actor_labels) for child in root.children)


def _activity_noun(root: Token) -> Token:
    """Where the trigger stands in its clause: a later conjunct stands where the first does ("the exploration of
    fields and the acquisition of their assets"); a noun compounded onto another where that noun does ("mineral
    exploration projects")."""
    token = root
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    if token.dep_ == "compound" and token.head.pos_ in NOUN_POS:
        token = token.head
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _fostering_word(noun: Token, fostering_words: Set[str]) -> Token | None:
    head = noun.head
    if noun.dep_ in FOSTERED_OBJECT_DEPS and head.lemma_.lower() in fostering_words:
        return head
    if noun.dep_ not in {"pobj", "pcomp"} or head.lower_ not in FOSTERED_PREPOSITIONS:
        return None
    above = head.head
    if above.lemma_.lower() in fostering_words:
        return above
    # "help local miners in acquiring mines": the phrase says what the helped party is helped to do
    if above.dep_ in FOSTERED_OBJECT_DEPS and above.head.lemma_.lower() in fostering_words:
        return above.head
    # "offer support for the exploration": the phrase may hang on the verb that takes the noun of fostering
    return next((child for child in above.children
                 if child.dep_ in FOSTERED_OBJECT_DEPS and child.lemma_.lower() in fostering_words), None)


def _state_subject(word: Token, state_nouns: Set[str], state_labels: Set[str]) -> bool:
    """Whether the nearest subject above ``word`` (its own, else its verb's, up to ``SUBJECT_REACH`` steps) is a
    public body."""
    token = word
    for _ in range(SUBJECT_REACH):
        subjects = [child for child in token.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            return any(subject.lemma_.lower() in state_nouns or subject.ent_type_ in state_labels
                       for subject in subjects)
        if token.head is token:
            return False
        token = token.head
    return False
