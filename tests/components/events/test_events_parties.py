"""Parties named around a trigger: the body an official acts for, and the nationality on a noun trigger."""

from __future__ import annotations

import pytest
import spacy
from events_helpers import events_of, parties_of
from spacy.tokens import Doc, Span
from support import make_block_doc

from pipeline.components.events.parties import (
    body_after_place,
    clause_antecedent,
    nationality_on,
    office_of,
    source_party,
)
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader

ANTECEDENTS = load_event_cues(ResourceReader()).role_labels.antecedent_labels


def _doc(words: list[str], ents: list[tuple[int, int, str]]):
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_an_official_acts_for_the_body_in_his_title():
    doc = _doc(["Fenwick", "trade", "commissioner", "Ana", "Ruiz", "signed", "the", "pact"],
               [(0, 1, "GPE"), (3, 5, "PERSON")])
    person = doc.ents[1]
    assert office_of(person, list(doc.ents)).text == "Fenwick"


def test_else_the_one_country_of_the_sentence():
    doc = _doc(["Minister", "Ana", "Ruiz", "called", "on", "Fenwick", "and", "its", "miners"],
               [(1, 3, "PERSON"), (5, 6, "GPE")])
    assert office_of(doc.ents[0], list(doc.ents)).text == "Fenwick"


def test_a_nationality_on_a_noun_trigger_names_the_government(nlp):
    doc = nlp("Canadian funding for the refinery arrived in May.")
    trigger = doc[1:2]
    parties = [ent for ent in doc.ents if ent.label_ == "NORP"]
    assert nationality_on(trigger, parties).text == "Canadian"
    assert nationality_on(doc[4:5], parties) is None  # "refinery" has no nationality on it


def _entity_in(token, parties):
    return next((ent for ent in parties if ent.start <= token.i < ent.end), None)


def test_the_party_after_a_source_preposition_of_a_share_verb_acts():
    doc = _doc(["Most", "of", "the", "tin", "comes", "from", "Norland", "."], [(6, 7, "GPE")])
    for token, (pos, dep, head) in zip(doc, [("ADJ", "nsubj", 4), ("ADP", "prep", 0), ("DET", "det", 3),
                                               ("NOUN", "pobj", 1), ("VERB", "ROOT", 4), ("ADP", "prep", 4),
                                               ("PROPN", "pobj", 5), ("PUNCT", "punct", 4)], strict=True):
        token.pos_, token.dep_, token.head = pos, dep, doc[head]
    trigger = doc[4:5]
    assert source_party(trigger, ["from"], list(doc.ents), _entity_in).text == "Norland"
    assert source_party(trigger, ["in"], list(doc.ents), _entity_in) is None  # the rule names its prepositions
    assert source_party(trigger, [], list(doc.ents), _entity_in) is None


def test_a_main_clause_pronoun_takes_up_a_named_subject_of_the_clause_before_it(nlp):
    doc = nlp("Although China mines most graphite, it now taxes exports of the ore heavily.")
    pronoun = next(doc[t.i: t.i + 1] for t in doc if t.lower_ == "it")
    assert clause_antecedent(pronoun, ANTECEDENTS).text == "China"
    assert clause_antecedent(pronoun, {"ORG"}) is None  # a country is taken up only as a label the cues allow
    other = nlp("Prices were weak last year, and it cut exports of the ore.")
    assert clause_antecedent(next(other[t.i: t.i + 1] for t in other if t.lower_ == "it"), ANTECEDENTS) is None


@pytest.mark.parametrize(("text", "event_type", "agent"), [
    ("Kestrel Lithium was granted a mining licence by the Ministry of Mines in Zimbabwe last week.", "regulation",
     "Ministry of Mines"),
    ("The acquisition of Kestrel Lithium by Norland Capital was completed on Monday.", "merger_acquisition",
     "Norland Capital"),
])
def test_a_noun_triggers_own_by_phrase_names_its_actor(nlp, text, event_type, agent):
    # issue 12, fifteenth session, second round (parties.noun_by_party): a nominal act's "by" phrase, also the giver's
    # "by" the parse hangs on the noun a passive verb gives
    assert ("agent", agent) in parties_of(nlp, text, event_type)


def test_a_raise_from_investors_or_in_debt_is_financing(nlp):
    # finance.raise: the wording of a raise names its source ("from investors", "in debt") rather than a loan or grant
    for text in ("Kestrel Lithium raised $50 million from a group of investors led by Norland Capital on Tuesday.",
                 "Marlin Metals secured $120 million in debt from a syndicate of banks for its lithium refinery."):
        assert "financing" in {t for t, _, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "agents"), [
    # what a dispute is about was done by someone else: the subject is not its actor
    ("Norland said on Friday it would take Zambia to court over the cobalt export quota.", []),
    # the owner of the act still acts
    ("Norland said on Friday it would take Zambia to court over Zambia's cobalt export quota.", [("agent", "Zambia")]),
    # without the topic preposition the subject acts
    ("Zambia imposed export controls on cobalt on Friday.", [("agent", "Zambia")]),
])
def test_the_subject_does_not_do_what_its_act_is_about(nlp, text, agents):
    assert parties_of(nlp, text, "export_restriction") == agents


def test_a_threat_of_retaliation_over_export_controls_is_a_plan_not_a_curb(nlp):
    text = "Norland said on Friday that it would retaliate against Zambia over export controls."
    assert [(event_type, trigger) for event_type, trigger, _ in events_of(nlp, text)] == [
        ("policy_strategy", "retaliate")]


def test_a_name_the_parser_hung_on_an_opening_phrase_is_the_subject(nlp):
    # no comma after the opening phrase: the parser attaches the company to the date and leaves "reported" without
    # a subject; the name with only its appositive before the verb is that subject
    text = ("In a results note issued on 3 March 2025 Kestrel Metals, the Canadian producer of cobalt concentrate, "
            "reported output of 1,200 t for the quarter.")
    assert parties_of(nlp, text, "production_output") == [("agent", "Kestrel Metals")]


@pytest.mark.parametrize(("text", "lender", "borrower"), [
    # an organisation compounded onto a lending noun lends (lent_nouns)
    ("Kestrel Minerals said its Pelham copper mine will benefit from a $40 million NAIF loan.", "NAIF",
     "Kestrel Minerals"),
    # the party after "with" on the financing phrase, or on the verb taking it as object, lends (lender_preps)
    ("Norvik Uranium has signed a US$2 million loan facility agreement with its largest shareholder Haldane Capital.",
     "Haldane Capital", "Norvik Uranium"),
    ("Norvik Uranium closed a $30 million credit facility with Haldane Capital on Tuesday.", "Haldane Capital",
     "Norvik Uranium"),
])
def test_a_financing_names_its_lender_as_agent(nlp, text, lender, borrower):
    # issue 12, seventeenth session: news tells a loan from the borrower's side; the guide's agent is the lender
    parties = parties_of(nlp, text, "financing")
    assert ("agent", lender) in parties
    assert ("agent", borrower) not in parties


@pytest.mark.parametrize("text", [
    # a giving verb makes its subject the lender (giving_verbs): the "with" party borrows
    "Haldane Bank provided a $20 million loan facility to Norvik Uranium with a five-year term.",
    # an issue noun is no lending noun: a placement "with" a manager or investors stays the issuer's raise
    "Norvik Uranium raised $5 million in a placement with Haldane Capital as lead manager on Monday.",
])
def test_a_giving_verb_or_an_issue_noun_keeps_its_own_agent(nlp, text):
    agents = [name for role, name in parties_of(nlp, text, "financing") if role == "agent"]
    assert agents and agents[0] in {"Haldane Bank", "Norvik Uranium"}


def test_a_country_right_before_an_agency_is_not_the_agent(nlp):
    # issue 12, seventeenth session: "US EXIM" is two names, the country only says whose bank it is
    doc = make_block_doc(nlp, "Kestrel to lodge loan application to US EXIM in third quarter", zone="title")
    (event,) = [e for e in doc._.orewire_events if e["event_type"] == "financing"]
    agents = [doc.text[a["start"]:a["end"]] for a in event["arguments"] if a["role"] == "agent"]
    assert agents == ["EXIM"]


def test_a_country_before_no_body_stays_the_agent():
    doc = _doc(["Fenwick", "banned", "exports", "of", "cobalt"], [(0, 1, "GPE")])
    assert body_after_place(doc.ents[0], list(doc.ents)).text == "Fenwick"
    doc = _doc(["Fenwick", "Halden", "Bank", "lent"], [(0, 1, "GPE"), (1, 3, "ORG")])
    assert body_after_place(doc.ents[0], list(doc.ents)).text == "Halden Bank"
