"""Parties named around a trigger without its parse's help: the body an official acts for, the nationality on a
noun trigger, the subject a pronoun takes up from the sentence before, the "by" agent of a participle on a noun
trigger, and the provider or lender of funding (all used by ``agents.AgentFinder``)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Set

from spacy.tokens import Span, Token

from pipeline.components.events.syntax import SUBJECT_DEPS, governing_verb, headline_clause
from pipeline.resources.event_words import EventWords

HOLDER_PLACE_LABEL = "GPE"  # a country or state holds the reserves found in it; a region (LOC) only describes where
HOLDER_PLACE_PREPS = frozenset({"in"})  # "reserves in Chile": the country holding them
# nouns of a compound a lending noun heads searched for its "with" party: "loan", "facility", "agreement"
LENDING_COMPOUND_NOUNS = 3


def body_after_place(agent: Span, parties: list[Span]) -> Span:
    """The body a country name stands right before, else the agent itself: in "a loan application to US EXIM" or
    "U.S. Commerce said" the country only says whose agency acts, the agency is the party."""
    if agent.label_ != HOLDER_PLACE_LABEL:
        return agent
    return next((ent for ent in parties if ent.start == agent.end and ent.label_ == "ORG"), agent)


def office_of(person: Span, parties: list[Span]) -> Span | None:
    """The government or organisation of an official acting in office: the GPE/ORG in his title ("EU trade
    commissioner Maros Sefcovic"), else the one country of the sentence ("Deputy Minister X called on
    Malaysia's authorities")."""
    title = [ent for ent in parties if ent.label_ in {"GPE", "ORG"} and person.start - 6 <= ent.start
             and ent.end <= person.start]
    if title:
        return title[-1]
    # "Fenwickian President Ana Lind": a nationality before a capitalised title is the government (the article pass
    # turns the nationality into its country); "a Fenwickian chief executive" names no office of a state
    for ent in parties:
        between = person.doc[ent.end: person.start]
        if ent.label_ == "NORP" and person.start - 6 <= ent.start and ent.end <= person.start and len(between) > 0 and (
                all(token.is_title for token in between)):
            return ent
    # "Y, chief executive of X, said": the organisation in the person's apposition
    for appos in (child for child in person.root.children if child.dep_ == "appos"):
        inside = [ent for ent in parties if ent.label_ in {"GPE", "ORG"}
                  and appos.left_edge.i <= ent.start and ent.end - 1 <= appos.right_edge.i]
        if inside:
            return inside[0]
    countries = {ent.text.lower(): ent for ent in parties if ent.label_ == "GPE"}
    return next(iter(countries.values())) if len(countries) == 1 else None


def nationality_on(trigger: Span, parties: list[Span]) -> Span | None:
    """A nationality adjective on a noun trigger ("Canadian funding"): the government acting, as a NORP span
    (the article pass turns it into its country)."""
    root = trigger.root
    if root.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in root.children:
        if child.dep_ in {"amod", "compound"}:
            for ent in parties:
                if ent.label_ == "NORP" and ent.start <= child.i < ent.end:
                    return ent
    return None


def previous_subject(pronoun: Span, labels: Set[str]) -> Span | None:
    """The actor a subject pronoun takes up: the organisation or country (``labels``) that is the subject of the main clause of
    the sentence right before it in its paragraph ("Norway has been buying cobalt. It imported 900 t in 2024." ->
    Norway); None when that subject is no such entity."""
    doc, start = pronoun.doc, pronoun.sent.start
    if start == 0:
        return None
    root = doc[start - 1].sent.root
    for subject in (child for child in root.children if child.dep_ in SUBJECT_DEPS):
        found = next((ent for ent in doc.ents if ent.start <= subject.i < ent.end), None)
        if found is not None:
            return found if found.label_ in labels else None
    return None


def clause_antecedent(pronoun: Span, labels: Set[str]) -> Span | None:
    """The actor (``labels``) a subject pronoun of a main clause takes up from a subordinate clause before it in its sentence:
    "Although Fenwick mines most graphite worldwide, it now discourages exports" -> Fenwick; "After the rebels'
    army took the belt, they raised taxes" -> the army. None when that clause's subject is no organisation or country."""
    verb = pronoun.root.head
    for clause in (child for child in verb.children if child.dep_ == "advcl" and child.i < pronoun.start):
        for subject in (child for child in clause.children if child.dep_ in SUBJECT_DEPS):
            found = next((ent for ent in pronoun.doc.ents if ent.start <= subject.i < ent.end), None)
            if found is not None:
                return found if found.label_ in labels else None
    return None


def subject_antecedent(pronoun: Span, labels: Set[str]) -> Span | None:
    """The actor a subject pronoun takes up: the subject of a subordinate clause before it in its sentence, else the
    subject of the sentence before."""
    return clause_antecedent(pronoun, labels) or previous_subject(pronoun, labels)


def passive_owner(trigger: Span, parties: list[Span], entity_in: Callable[[Token, list[Span]], Span | None]) -> Span | None:
    """The "by" agent of a participle on a noun trigger: "quotas administered by the regulator X" (``entity_in``: the
    party a token names)."""
    for child in trigger.root.children:
        if child.dep_ == "acl":
            for by in (c for c in child.children if c.dep_ == "agent"):
                for pobj in by.children:
                    found = entity_in(pobj, parties)
                    if found is not None:
                        return found
    return None


def pobj_party(head: Token, prepositions: Collection[str], parties: list[Span],
               entity_in: Callable[[Token, list[Span]], Span | None]) -> Span | None:
    """The party the object of the first of ``prepositions`` on ``head`` names: "a loan from Nordbank" (``entity_in``:
    the party a token names)."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            pobj = next((grandchild for grandchild in child.children if grandchild.dep_ == "pobj"), None)
            if pobj is not None:
                return entity_in(pobj, parties)
    return None


def headline_provider(trigger: Span, parties: list[Span], words: EventWords) -> Span | None:
    """In a headline (poor parse), the party right after "from" (``provider_preps``) following the trigger in its
    clause: "Kestrel Wins US$40 Million Loan From Nordbank"."""
    _, hi = headline_clause(trigger, breaks=words.headline_breaks)
    doc = trigger.doc
    for token in doc[trigger.end: hi]:
        if token.lower_ in words.provider_preps:
            return next((ent for ent in parties if ent.start == token.i + 1 or (
                ent.start == token.i + 2 and doc[token.i + 1].lower_ == "the")), None)
    return None


def provider_party(trigger: Span, parties: list[Span], entity_in: Callable[[Token, list[Span]], Span | None],
                   words: EventWords) -> Span | None:
    """The party after "from" (``provider_preps``) on a financing or investment noun, or on the noun phrase it
    completes: "an equity investment from the fund", "a letter of interest from the bank for financing"
    (``entity_in``: the party a token names)."""
    token = trigger.root
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    for _ in range(3):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in words.provider_preps:
                for pobj in child.children:
                    found = entity_in(pobj, parties) if pobj.dep_ == "pobj" else None
                    if found is not None:
                        return found
        if token.dep_ in {"compound", "amod"} and token.head.pos_ in {"NOUN", "PROPN"}:
            token = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in {"NOUN", "PROPN"}:
            token = token.head.head
        else:
            return None
    return None


def lender_party(trigger: Span, parties: list[Span], entity_in: Callable[[Token, list[Span]], Span | None],
                 words: EventWords) -> Span | None:
    """The lender a lending noun (``lent_nouns``) names without "from": an organisation compounded onto it ("a $40
    million Norbank loan"), or, when the clause's verb gives nothing (``giving_verbs``: "provided a
    loan with"), the party after "with" on the noun's phrase ("entered a loan facility agreement with its largest
    shareholder X", ``lender_preps``); news reports a financing from the borrower's side, and the guide's agent is
    the lender."""
    root = trigger.root
    if root.pos_ not in {"NOUN", "PROPN"} or root.lemma_.lower() not in words.lent_nouns:
        return None
    for child in root.children:
        found = next((ent for ent in parties if ent.start <= child.i < ent.end), None) if child.dep_ == "compound" else None
        if found is not None and found.label_ == "ORG" and found.end <= trigger.start:
            return found
    verb = governing_verb(root)
    if verb is not None and verb.lemma_.lower() in words.giving_verbs:
        return None
    token = root
    for _ in range(LENDING_COMPOUND_NOUNS):
        found = _with_party(token, words.lender_preps, parties, entity_in)
        if found is not None:
            return found
        if token.dep_ != "compound" or token.head.pos_ not in {"NOUN", "PROPN"}:
            break
        token = token.head
    # "signed a loan agreement with X": the parse hangs "with" on the verb whose object the phrase is
    if verb is not None and token.dep_ == "dobj" and token.head.i == verb.i:
        return _with_party(verb, words.lender_preps, parties, entity_in)
    return None


def _with_party(head: Token, prepositions: Collection[str], parties: list[Span],
                entity_in: Callable[[Token, list[Span]], Span | None]) -> Span | None:
    """The party a preposition on ``head`` names, in its object or a conjunct of it: "with its largest shareholder
    and partner X" (the description comes first, the name after "and")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for pobj in (grandchild for grandchild in child.children if grandchild.dep_ == "pobj"):
                found = next((found for token in (pobj, *pobj.conjuncts) if (found := entity_in(token, parties))), None)
                if found is not None:
                    return found
    return None


def source_party(trigger: Span, preps: list[str], parties: list[Span],
                 entity_in: Callable[[Token, list[Span]], Span | None]) -> Span | None:
    """The party after one of ``preps`` on a verb trigger whose subject is a share: "the bulk of mined cobalt worldwide
    comes from Fenwick", or on a noun trigger naming a flow: "supplies from Fenwick fell 40%" (``entity_in``: the party
    a token names)."""
    if not preps or trigger.root.pos_ not in {"VERB", "AUX", "NOUN", "PROPN"}:
        return None
    return pobj_party(trigger.root, preps, parties, entity_in)


def place_holding(trigger: Span, verb: Token | None, parties: list[Span],
                  place_preps: Set[str] = HOLDER_PLACE_PREPS) -> Span | None:
    """The country whose reserves a passive clause or a verbless noun states: "reserves in Fenwick are put at 40 Mt",
    "2 Mt of reserves have been identified in Norland, the survey says" (the holder is the place, not the survey that
    reports it); None when the clause has an active subject or a "by" agent, who holds or finds them."""
    if verb is not None and (not any(child.dep_ == "auxpass" for child in verb.children)
                             or any(child.dep_ == "agent" for child in verb.children)
                             or not _subject_of(trigger.root, verb)):
        return None
    heads = [trigger.root] if verb is None else [trigger.root, verb]
    for head in heads:
        for prep in (child for child in head.children if child.dep_ == "prep" and child.lower_ in place_preps):
            for pobj in (child for child in prep.children if child.dep_ == "pobj"):
                found = next((ent for ent in parties if ent.start <= pobj.i < ent.end), None)
                if found is not None and found.label_ == HOLDER_PLACE_LABEL:
                    return found
    return None


def _subject_of(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is what ``verb``'s clause is about: its subject ("reserves ... are put at"), or the "of"
    object of its subject ("2 Mt of reserves have been identified"); not a noun deeper in it."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    return noun.dep_ in SUBJECT_DEPS and noun.head.i == verb.i


def is_country_span(ent: Span) -> bool:
    """A GPE the entity stage linked to a country's code ("CL"), not a province's or city's ("US-LA", none)."""
    kb_id = (ent._.orewire_entity or {}).get("kb_id") or ""
    return ent.label_ == "GPE" and bool(kb_id) and "-" not in kb_id


def noun_by_party(trigger: Span, parties: list[Span],
                  entity_in: Callable[[Token, list[Span]], Span | None]) -> Span | None:
    """The party named by a noun trigger's own "by" phrase, the actor of a nominal act ("the acquisition of A by B",
    "approval of the mine by the regulator", "was granted a licence by the ministry": the parse hangs the giver's
    "by" on the noun a passive verb gives)."""
    root = trigger.root
    if root.pos_ not in {"NOUN", "PROPN"}:
        return None
    return pobj_party(root, ("by",), parties, entity_in)


def adjacent_subject(trigger: Span, parties: list[Span], place_preps: Collection[str]) -> Span | None:
    """A party the parse left out as the subject: right before a verb trigger ("The DRC suspended ..."), or, for a
    noun trigger whose verb has no subject at all, right before that verb with only its own appositive between
    ("In a note on 3 March Marlin Metals, the Canadian producer, reported output ...": the parser hung the name on
    the opening phrase)."""
    if trigger.root.tag_ in {"VBD", "VBZ", "VBP", "VBN"}:
        for ent in parties:
            if ent.end > trigger.start and ent.root.dep_ == "pobj" and ent.root.head.lower_ not in place_preps:
                continue  # the other party after the verb is no unparsed subject ("invested ... with the institute")
            gap = trigger.doc[ent.end: trigger.start]
            if 0 <= len(gap) <= 2 and all(t.pos_ in {"ADV", "AUX", "PART"} for t in gap) and (
                    ent.start == trigger.sent.start or ent.doc[ent.start - 1].lower_ in {"the", ",", "and"}
                    or ent.doc[ent.start - 1].is_sent_start):
                return ent
        return None
    verb = trigger.root.head if trigger.root.dep_ in {"dobj", "attr"} else None
    if verb is None or verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for ent in parties:
        gap = trigger.doc[ent.end: verb.i]
        if len(gap) >= 3 and gap[0].lower_ == gap[-1].lower_ == "," and all(
                token.is_punct or _in_appositive(token, ent) for token in gap):
            return ent
    return None


def _in_appositive(token: Token, name: Span) -> bool:
    """Whether ``token`` belongs to an appositive of ``name`` ("Marlin Metals, the Canadian producer, ...")."""
    return any(node.dep_ == "appos" and name.start <= node.head.i < name.end for node in (token, *token.ancestors))
