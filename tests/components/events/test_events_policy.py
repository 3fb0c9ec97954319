"""Article-level event decisions (``pipeline.article.event_policy``): anchoring, nationality governments, the
salient actor, one record per act. Pure-function tables on hand-built records, then whole articles in our own words."""

from __future__ import annotations

import pytest
from support import event_record as event
from support import policy_entity as entity

from pipeline.article.event_actors import salient_actor
from pipeline.article.event_happenings import fold_categories, fold_same_act, merge_happenings
from pipeline.article.event_inheritance import inherit_agent
from pipeline.article.event_pass import apply_policy
from pipeline.article.event_policy import (
    calibrate,
    company_acting_as_state,
    country_name,
    drop_non_agents,
    government_agent,
    in_quotes,
    is_anchored,
    is_background,
    public_body_countries,
)
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import Argument, Trigger


@pytest.fixture(scope="module")
def policy():
    return load_event_cues(ResourceReader()).document


@pytest.mark.parametrize(("arguments", "anchored"), [
    ([], False),                                                       # "counter-terrorism financing regulations"
    ([("commodity", "cobalt", None)], False),                          # "the supply of cobalt"
    ([("agent", "Marlin Metals", None)], True),
    ([("date", "March 3", None)], True),
    ([("quantity", "40,000 t", None), ("commodity", "lithium", None)], True),
    ([("counterparty", "Nordbank", None)], True),
    ([("duration", "35 days", None)], True),                          # "operations were shut for 35 days"
])
def test_anchoring(policy, arguments, anchored):
    assert is_anchored(event(10, "financing", *arguments), policy) is anchored


def test_a_commodity_whose_prices_moved_anchors_a_quotation(policy):
    # "Tin concentrate prices have also firmed." reports a market move; "the supply of cobalt" reports nothing
    assert is_anchored(event(10, "price_movement", ("commodity", "tin concentrate", None)), policy)
    assert not is_anchored(event(10, "supply_agreement", ("commodity", "cobalt", None)), policy)
    assert not is_anchored(event(10, "price_movement"), policy)


def test_a_nationality_agent_is_its_government():
    canadian = entity(0, "Canadian", "NORP", kb_id="CA")
    record = event(10, "financing", ("agent", "Canadian", canadian.id))
    (agent,) = [a for a in government_agent(record, {canadian.id: canadian}, [canadian]).arguments]
    assert (agent.text, agent.ref) == ("Canada", None)
    canada = entity(40, "Canada", "GPE", kb_id="CA")
    (agent,) = government_agent(record, {e.id: e for e in (canadian, canada)}, [canadian, canada]).arguments
    assert (agent.text, agent.ref) == ("Canada", canada.id)


@pytest.mark.parametrize(("sentence", "text"), [
    ("Officials said the Fenwickian government will lend 40 million to the smelter.", "Fenwickian government"),
    ("The Fenwickian federal government will lend 40 million.", "Fenwickian federal government"),
    ("Fenwickian lenders will put up 40 million for the smelter.", "Fenland"),  # no government named: the country
])
def test_a_government_named_by_its_nationality_keeps_the_phrase(policy, sentence, text):
    fenwickian = entity(0, "Fenwickian", "NORP", kb_id="FW")
    fenland = entity(300, "Fenland", "GPE", kb_id="FW")
    record = event(10, "financing", ("agent", "Fenwickian", fenwickian.id)).model_copy(update={"evidence": sentence})
    (agent,) = government_agent(record, {e.id: e for e in (fenwickian, fenland)}, [fenwickian, fenland], policy).arguments
    assert (agent.text, agent.ref) == (text, fenland.id)


def test_a_government_phrase_is_kept_only_with_the_country_named():
    # without the country among the article's entities the agent stays the country's name, as before
    fenwickian = entity(0, "Chilean", "NORP", kb_id="CL")
    record = event(10, "financing", ("agent", "Chilean", fenwickian.id)).model_copy(
        update={"evidence": "The Chilean government will lend 40 million."})
    (agent,) = government_agent(record, {fenwickian.id: fenwickian}, [fenwickian], load_event_cues(
        ResourceReader()).document).arguments
    assert (agent.text, agent.ref) == ("Chile", None)


@pytest.mark.parametrize(("code", "name"), [("CL", "Chile"), ("US", "United States"), ("EU", None)])
def test_country_name(code, name):
    assert country_name(code) == name


def test_salient_actor_is_the_most_named_lead_organisation():
    entities = [entity(0, "Kestrel Ore", sentence=0), entity(20, "Marlin Metals", sentence=0),
                entity(200, "Marlin Metals", sentence=3), entity(400, "Nordbank", sentence=9)]
    assert salient_actor(entities, "ORG", 3).text == "Marlin Metals"
    assert salient_actor(entities, "GPE", 3) is None


def test_a_subjectless_record_inherits_the_salient_actor(policy):
    marlin = entity(0, "Marlin Metals", sentence=0)
    inherited = inherit_agent(event(50, "production_output", ("quantity", "625,000 t", None)),
                              {"ORG": marlin, "GPE": None}, policy)
    assert [(a.role, a.text) for a in inherited.arguments][0] == ("agent", "Marlin Metals")
    # prices name no agent; a subjectless raise is the item's company's (docs/annotation.md, "The actor of an item")
    record = event(50, "price_movement", ("amount", "US$5", None))
    assert inherit_agent(record, {"ORG": marlin, "GPE": None}, policy) == record
    raised = inherit_agent(event(50, "financing", ("amount", "US$5", None)), {"ORG": marlin, "GPE": None}, policy)
    assert [(a.role, a.text) for a in raised.arguments][0] == ("agent", "Marlin Metals")


def test_two_triggers_for_one_act_give_one_record(policy):
    talks = event(10, "negotiation", ("agent", "Fenwick Energy Department", None))
    loan = event(30, "financing", ("amount", "US$1 billion", None))
    (merged,) = fold_same_act([talks, loan], policy, {})
    assert merged.event_type == "negotiation"
    assert [(m.start, m.end) for m in merged.mentions] == [(10, 14), (30, 34)]
    assert ("amount", "US$1 billion") in [(a.role, a.text) for a in merged.arguments]
    # in different sentences they stay two records
    assert len(fold_same_act([talks, event(30, "financing", sentence=2)], policy, {})) == 2


def test_a_price_move_beside_a_share_move_is_the_share_price(policy):
    # "Marlin shares climbed to C$2.54 before settling at C$2.09": the settle is the share's, one record
    shares = event(10, "stock_movement", ("agent", "Marlin", None), ("price", "C$2.54", None))
    settled = event(40, "price_movement", ("amount", "C$2.09", None))
    (merged,) = fold_same_act([shares, settled], policy, {})
    assert merged.event_type == "stock_movement"
    # "Marlin shares rose 4% as cobalt prices climbed 3%": a named commodity's price is its own quotation
    cobalt = event(40, "price_movement", ("commodity", "cobalt", None), ("quantity", "3%", None))
    assert len(fold_same_act([shares, cobalt], policy, {})) == 2


def test_apply_policy_keeps_headline_records_without_arguments(policy):
    bare = event(0, "supply_agreement", zone="title", sentence=0)
    assert [r.id for r in apply_policy([bare], [], policy, headline_ids=[bare.id])] == [bare.id]
    assert apply_policy([bare], [], policy) == []


def test_a_heading_that_is_only_the_trigger_word_is_a_topic_not_a_happening(policy):
    # a results table's "IRR" row label, a report's "Production:" heading: the lines under it report
    label = event(0, "feasibility_study", zone="heading", sentence=0).model_copy(update={
        "evidence": "IRR", "trigger": Trigger(text="IRR", start=0, end=3)})
    assert apply_policy([label], [], policy, headline_ids=[label.id]) == []
    titled = label.model_copy(update={"evidence": "Marlin Metals Releases Scoping Study IRR"})
    assert len(apply_policy([titled], [], policy, headline_ids=[titled.id])) == 1


ARTICLES = [
    # the body refers back to the headline's deal; the headline carries the actor
    ("Marlin Metals Extends Offtake With Korean Buyer\n\nThe contract, first signed in 2023, now runs to 2031.",
     ("supply_agreement", "Marlin Metals")),
    ("Ottawa backs graphite plant\n\nCanadian funding of C$101 million will support the Halden graphite plant, "
     "officials said on Monday.", ("financing", "Canada")),
    ("Marlin Metals secures loan\n\nMarlin Metals said it received a US$600 million loan from Nordbank Export Credit "
     "on March 3.", ("financing", "Nordbank Export Credit")),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLES)
def test_articles_in_our_own_words(extractor, text, expected):
    records = extractor.extract(text, doc_id="t", published="2026-01-10")
    found = {(r.event_type, next((a.text for a in r.arguments if a.role == "agent"), None))
             for r in records if r.type == "event"}
    assert expected in found


def test_talks_to_lend_are_one_negotiation(extractor):
    text = ("Marlin Metals in talks on loan\n\nThe Fenwick Energy Department is in talks to lend US$1 billion "
            "to Marlin Metals.")
    events = [r for r in extractor.extract(text, doc_id="t", published="2026-01-10") if r.type == "event"]
    assert [(r.event_type, next(a.text for a in r.arguments if a.role == "agent")) for r in events] == [
        ("negotiation", "Fenwick Energy Department")]


def test_background_statements_are_not_events(extractor):
    text = "Exploration is costly and supply is tight. Policy matters for the mining sector."
    assert [r for r in extractor.extract(text, doc_id="t", published="2026-01-10") if r.type == "event"] == []


@pytest.mark.parametrize(("verb", "listed"), [("defines", False), ("names", True)])
def test_a_definition_is_no_event(extractor, verb, listed):
    # "names the term ... as" is read as a released list (a policy record); "defines the term" is a definition
    text = (f"Trade review ordered\n\nThe order {verb} the term \u201cbattery metals\u201d as every metal on the "
            "critical minerals list released by the Norland Geological Survey in 2024, with graphite among them.")
    events = [r for r in extractor.extract(text, doc_id="t", published="2026-01-10") if r.type == "event"]
    assert bool([r for r in events if "the term" in r.evidence]) is listed


def test_an_executive_order_is_a_state_plan(extractor):
    text = ("Chile orders review of graphite imports\n\nOn May 2, 2025, Chilean President Jane Moss issued an "
            "executive order directing the trade department to investigate imports of processed graphite.")
    events = [r for r in extractor.extract(text, doc_id="t", published="2026-01-10") if r.type == "event"]
    assert "policy_strategy" in {r.event_type for r in events if "executive order" in r.evidence}


def test_a_trigger_word_describing_an_actor_is_no_event(extractor):
    text = "Shares in Marlin Metals, a mining giant, rose 4% on Monday."
    events = [r.event_type for r in extractor.extract(text, doc_id="t", published="2026-01-10") if r.type == "event"]
    assert "production_output" not in events


# --- reporters, public bodies, one record per happening, calibration (all in our own words) ---

def test_wire_services_and_price_agencies_never_act(policy):
    smm = entity(0, "Shanghai Metals Market", normalized="Shanghai Metals Market")
    reuters = entity(40, "Reuters")
    record = event(60, "export_restriction", ("agent", "SMM", smm.id), ("commodity", "gallium", None))
    cleaned = drop_non_agents(record, {smm.id: smm}, {"shanghai metals market"})
    assert [(a.role, a.text) for a in cleaned.arguments] == [("commodity", "gallium")]
    # the salient actor of an article is never its wire service
    entities = [reuters, entity(80, "Marlin Metals", sentence=1)]
    kept = apply_policy([event(100, "production_output", ("quantity", "9,000 t", None), sentence=2)],
                        [reuters, *entities[1:]], policy)
    assert [a.text for a in kept[0].arguments if a.role == "agent"] == ["Marlin Metals"]


def test_a_release_distribution_service_never_acts(policy):
    # a London release headed "RNS Number : 1234A" names its distributor, not the company that reports
    rns = entity(0, "RNS")
    kept = apply_policy([event(100, "feasibility_study", ("agent", "RNS", rns.id), ("quantity", "40Mt", None),
                               sentence=2)], [rns, entity(20, "Marlin Metals", sentence=1)], policy)
    assert [a.text for a in kept[0].arguments if a.role == "agent"] == ["Marlin Metals"]


@pytest.mark.parametrize(("name", "dropped"), [
    ("Marlin Metals", True),                   # "Marlin Metals makes plans for ...": a company has no policy
    ("Fenwick Ministry of Mines", False),
    ("Department of Energy", False),
    ("Northern Territory Government", False),
])
def test_government_types_need_a_public_body(policy, name, dropped):
    actor = entity(0, name)
    record = event(40, "policy_strategy", ("agent", name, actor.id))
    assert company_acting_as_state(record, {actor.id: actor}, policy) is dropped
    assert not company_acting_as_state(event(40, "financing", ("agent", name, actor.id)), {actor.id: actor}, policy)


def test_one_happening_across_sentences_gives_one_record(policy):
    marlin = entity(0, "Marlin Metals")
    by_id = {marlin.id: marlin}
    first = event(10, "merger_acquisition", ("agent", "Marlin Metals", marlin.id), ("amount", "$40 million", None))
    again = event(90, "merger_acquisition", ("agent", "Marlin Metals", marlin.id), sentence=3)
    (merged,) = merge_happenings([first, again], policy, by_id)
    assert [(m.start, m.end) for m in merged.mentions] == [(10, 14), (90, 94)]


@pytest.mark.parametrize("other", [
    ("amount", "$75 million"),           # a second, different deal
    ("duration", "four months"),         # "extends the halt by three months" vs "the original four-month halt"
    ("counterparty", "Kestrel Ore"),     # an offtake with A and another with B
    ("date", "in 2019"),
])
def test_records_that_differ_stay_apart(policy, other):
    marlin = entity(0, "Marlin Metals")
    first = event(10, "supply_agreement", ("agent", "Marlin Metals", marlin.id), ("amount", "$40 million", None),
                  ("duration", "three months", None), ("counterparty", "Nordbank", None), ("date", "in 2025", None))
    second = event(90, "supply_agreement", ("agent", "Marlin Metals", marlin.id), (*other, None), sentence=3)
    assert len(merge_happenings([first, second], policy, {marlin.id: marlin})) == 2
    # another actor never joins; output figures join only when their figures agree (issue 12, round three)
    third = event(90, "supply_agreement", ("agent", "Kestrel Ore", None), sentence=3)
    assert len(merge_happenings([first, third], policy, {marlin.id: marlin})) == 2
    output = [event(10, "production_output", ("agent", "Marlin Metals", marlin.id), ("quantity", "12,000 t", None)),
              event(90, "production_output", ("agent", "Marlin Metals", marlin.id), ("quantity", "9,500 t", None),
                    sentence=3)]
    assert len(merge_happenings(output, policy, {marlin.id: marlin})) == 2


def test_confidence_follows_the_number_of_argument_roles(policy):
    bare = calibrate(event(10, "financing", ("agent", "Nordbank", None)), policy)
    rich = calibrate(event(10, "financing", ("agent", "Nordbank", None), ("amount", "$5", None),
                           ("beneficiary", "Marlin Metals", None), ("date", "May 3", None)), policy)
    assert bare.confidence == policy.confidence_by_roles[1]
    assert rich.confidence == policy.confidence_by_roles[4]
    planned = calibrate(event(10, "financing", ("agent", "Nordbank", None)).model_copy(update={"modality": "planned"}),
                        policy)
    table = policy.confidence_by_modality.get("planned") or policy.confidence_by_roles
    assert planned.confidence == round(table[1] + policy.modality_confidence.get("planned", 0.0), 4)
    # the fitted tables never rate a planned record above an actual one with as many roles
    for roles, value in enumerate(policy.confidence_by_roles):
        assert table[roles] + policy.modality_confidence.get("planned", 0.0) <= value


def test_an_extension_and_the_original_ban_stay_two_records(extractor):
    text = ("Kestrel extends cobalt export halt\n\nKestrel's government extended its halt on cobalt exports by three "
            "months on Monday. The extension follows a four-month export halt ordered in February.")
    events = [r for r in extractor.extract(text, doc_id="t", published="2026-06-22") if r.type == "event"
              and r.event_type == "export_restriction"]
    assert len(events) == 2


# --- text that reports no happening: boilerplate sections, captions, disclaimers, quoted plans (our own words) ---

def described(evidence, *, section=None, modality="actual", trigger="xxxx", arguments=()):
    record = event(10, "financing", ("agent", "Marlin Metals", None), *arguments)
    return record.model_copy(update={"evidence": evidence, "section": section, "modality": modality,
                                     "trigger": Trigger(text=trigger, start=10, end=10 + len(trigger))})


@pytest.mark.parametrize(("record", "background"), [
    (described("Marlin Metals is a nickel developer funded by regional banks.", section="About Marlin Metals"), True),
    (described("Statements about future financing involve risk.", section="Forward-Looking Statements"), True),
    (described("Marlin Metals received the loan in March.", section="Nickel news"), False),
    (described("This release contains forward-looking statements about the financing of the plant."), True),
    (described("FILE - A loader at the Marlin nickel mine, which secured funding in 2024."), True),
    (described("Nickel ore is stacked at a port in this undated photo."), True),
    (described("Marlin Metals secured the funding on Monday."), False),
    # a line of linked teaser headlines (page furniture) reports nothing; one bullet item does
    (described("Fenwick bank funds smelter \u2022 Cobalt index reaches record \u2022 Marlin wins permit \u2022 More news"),
     True),
    (described("\u2022 Marlin Metals secured the funding on Monday."), False),
    # a web page's navigation and legal links, and a listed company's disclosure header, report nothing
    (described("Back to top", trigger="Back"), True),
    (described("Back to the press releases", trigger="press"), True),
    (described("Contact us | Cookie Policy | Fenwick Metal News", trigger="Policy"), True),
    (described("Terms of Use and Privacy Notice", trigger="Notice"), True),
    (described("Inside information under the Market Abuse Regulation (MAR)", trigger="Regulation"), True),
    (described("Marlin Metals held its output back to protect prices."), False),
    (described("Fenwick adopted a new cobalt export policy on Monday.", trigger="policy"), False),
    # quoted talk of the future with nothing concrete is no event; with an amount or outside quotes it is
    (described("\u201cWe will look for funding next year,\u201d the chief executive said.", modality="planned",
               trigger="funding"), True),
    (described("\u201cWe will raise US$40 million of funding,\u201d the chief executive said.", modality="planned",
               trigger="funding", arguments=[("amount", "US$40 million", None)]), False),
    (described("Marlin Metals will look for funding, the chief executive said.", modality="planned",
               trigger="funding"), False),
])
def test_background_text_reports_no_event(policy, record, background):
    assert is_background(record, policy) is background


@pytest.mark.parametrize(("text", "quoted"), [
    ("\u201cWe plan an expansion,\u201d she said.", True),
    ('"We plan an expansion," she said.', True),
    ("She said the plan for an expansion was \u201cbold\u201d.", False),
    ("\u201cIt is early days,\u201d she said of the plan for an expansion.", False),
])
def test_in_quotes(text, quoted):
    assert in_quotes(text, "expansion") is quoted


def test_a_country_and_its_ministry_are_one_actor_for_one_happening(policy):
    fenwick = entity(0, "Fenwick", "GPE", kb_id="FW")
    ministry = entity(60, "Ministry of Trade", sentence=2)
    adjective = entity(50, "Fenwickian", "NORP", sentence=2, kb_id="FW")
    entities = [fenwick, adjective, ministry]
    by_id = {e.id: e for e in entities}
    first = event(10, "export_restriction", ("agent", "Fenwick", fenwick.id), ("commodity", "gallium", None))
    second = event(70, "export_restriction", ("agent", "Ministry of Trade", ministry.id),
                   ("commodity", "gallium", None), sentence=2)
    countries = public_body_countries(entities, policy)
    assert countries[ministry.id] == "FW"
    (merged,) = merge_happenings([first, second], policy, by_id, countries=countries)
    assert [a.text for a in merged.arguments if a.role == "agent"] == ["Fenwick"]
    # a company is never its country's ministry
    marlin = entity(60, "Marlin Metals", sentence=2)
    third = event(70, "export_restriction", ("agent", "Marlin Metals", marlin.id), sentence=2)
    countries = public_body_countries([fenwick, adjective, marlin], policy)
    assert marlin.id not in countries
    assert len(merge_happenings([first, third], policy, {**by_id, marlin.id: marlin}, countries=countries)) == 2


@pytest.mark.parametrize(("event_type", "kept"), [
    ("investment", False),          # the dev gold names an investor for every investment
    ("stock_movement", False),
    ("supply_agreement", False),
    ("production_output", True),    # our fixtures' gold has output and milestones told without an actor
    ("price_movement", True),       # a price moves with no actor
    ("supply_disruption", True),    # the dev gold leaves a fifth of disruptions without one
])
def test_a_record_of_an_actor_type_left_without_agent_is_dropped(policy, event_type, kept):
    record = event(40, event_type, ("date", "in March", None), ("commodity", "cobalt", None))
    assert bool(apply_policy([record], [], policy)) is kept
    marlin = entity(0, "Marlin Metals")
    acted = event(40, event_type, ("agent", "Marlin Metals", marlin.id), ("date", "in March", None))
    assert apply_policy([acted], [marlin], policy)  # with its actor named, every type is kept


def test_a_ministry_right_after_its_nationality_is_that_country_when_its_sentence_names_two(policy):
    # "... the Fenwickian Ministry of Trade announced controls on shipments to Norland": two countries in the sentence
    fenwick = entity(0, "Fenwick", "GPE", kb_id="FW")
    adjective = entity(50, "Fenwickian", "NORP", sentence=2, kb_id="FW")
    ministry = entity(61, "Ministry of Trade", sentence=2)
    norland = entity(120, "Norland", "GPE", sentence=2, kb_id="NL")
    countries = public_body_countries([fenwick, adjective, ministry, norland], policy)
    assert countries[ministry.id] == "FW"
    # a nationality farther off settles nothing: the sentence's two countries leave the ministry without one
    distant = entity(75, "Ministry of Trade", sentence=2)
    assert distant.id not in public_body_countries([fenwick, adjective, distant, norland], policy)
    assert ministry.id not in public_body_countries([fenwick, adjective, ministry, norland],
                                                    policy.model_copy(update={"ministry_nationality": False}))


def _named(record, trigger):
    return record.model_copy(update={"trigger": Trigger(text=trigger, start=record.trigger.start,
                                                        end=record.trigger.start + len(trigger))})


def test_one_resource_estimate_told_category_by_category_is_one_record(policy, extractor):
    text = ("Kestrel Minerals updates Fenwick estimate\n\nKestrel Minerals said Measured and Indicated Resources at its "
            "Fenwick manganese project now stand at 48 million tonnes grading 9.6% manganese. Inferred Resources add a "
            "further 11 million tonnes at 9.1% manganese.")
    estimates = [r for r in extractor.extract(text, doc_id="t", published="2026-01-10")
                 if r.type == "event" and r.event_type == "resource_estimate"]
    assert len(estimates) == 1
    assert {"48 million tonnes", "11 million tonnes"} <= {a.text for a in estimates[0].arguments}
    kestrel = entity(0, "Kestrel Minerals")
    first = _named(event(40, "resource_estimate", ("agent", "Kestrel Minerals", kestrel.id),
                         ("quantity", "48 million tonnes", None)), "Indicated Resources")
    second = _named(event(140, "resource_estimate", ("agent", "Kestrel Minerals", kestrel.id),
                          ("quantity", "11 million tonnes", None), sentence=2), "Inferred Resources")
    by_id = {kestrel.id: kestrel}
    assert len(fold_categories([first, second], policy, by_id)) == 1
    # two projects are two estimates; a trigger naming no category keeps its figure apart; the key off, two records
    other = second.model_copy(update={"arguments": [*second.arguments, Argument(role="project", text="Norland", ref=None)]})
    here = first.model_copy(update={"arguments": [*first.arguments, Argument(role="project", text="Fenwick", ref=None)]})
    assert len(fold_categories([here, other], policy, by_id)) == 2
    assert len(fold_categories([first, _named(second, "resources")], policy, by_id)) == 2
    assert len(fold_categories([first, second], policy.model_copy(update={"category_happenings": {}}), by_id)) == 2


def test_a_bid_for_a_company_in_an_article_reporting_its_takeover_is_that_takeover(policy, extractor):
    text = ("Norland Metals bids for Kestrel Nickel\n\nNorland Metals launched an A$760 million takeover bid for "
            "Kestrel Nickel on Monday. Analysts said the bid for Kestrel shares was generous.")
    types = [r.event_type for r in extractor.extract(text, doc_id="t", published="2026-01-10") if r.type == "event"]
    assert "merger_acquisition" in types and "negotiation" not in types
    norland = entity(0, "Norland Metals")
    takeover = event(40, "merger_acquisition", ("agent", "Norland Metals", norland.id), ("amount", "A$760 million", None))
    bid = _named(event(140, "negotiation", ("agent", "Norland Metals", norland.id), sentence=2), "bid for")
    by_id = {norland.id: norland}
    assert [r.event_type for r in fold_same_act([takeover, bid], policy, by_id)] == ["merger_acquisition"]
    # talks in another sentence stay talks; with the key off a bid does too; alone a bid is still a negotiation
    talks = _named(bid, "talks")
    assert len(fold_same_act([takeover, talks], policy, by_id)) == 2
    assert len(fold_same_act([takeover, bid], policy.model_copy(update={"same_act_words": {}}), by_id)) == 2
    assert [r.event_type for r in fold_same_act([bid], policy, by_id)] == ["negotiation"]


def test_a_court_decision_is_no_act_of_its_country(policy, extractor):
    text = ("Marlin Metals agrees sale to Kestrel\n\nThe deal now needs a favourable Canadian court ruling; a hearing "
            "is set for June 8.")
    rulings = [r for r in extractor.extract(text, doc_id="t", published="2026-01-10")
               if r.type == "event" and r.trigger.text == "ruling"]
    assert rulings and all(not any(a.role == "agent" for a in r.arguments) for r in rulings)
    canadian = entity(50, "Canadian", "NORP", kb_id="CA")
    judge = entity(10, "Anna Berg", "PERSON")
    ruling = _named(event(70, "regulation", ("agent", "Canadian", canadian.id), ("date", "Monday", None)), "ruling")
    assert [a.role for r in apply_policy([ruling], [canadian], policy) for a in r.arguments] == ["date"]
    by_judge = _named(event(70, "regulation", ("agent", "Anna Berg", judge.id), ("date", "Monday", None)), "ruling")
    assert [a.text for r in apply_policy([by_judge], [judge], policy) for a in r.arguments if a.role == "agent"] == [
        "Anna Berg"]
    # a rule is no court's: its nationality still names the government
    rule = _named(event(70, "regulation", ("agent", "Canadian", canadian.id), ("date", "Monday", None)), "rules")
    assert [a.text for r in apply_policy([rule], [canadian], policy) for a in r.arguments if a.role == "agent"] == [
        "Canada"]


def test_an_industry_body_does_not_shut_its_members_mines(policy):
    # "The Fenwick Coal Miners Association said the cuts may force some mines to shut." (item about Marlin Metals)
    body = entity(40, "Fenwick Coal Miners Association", sentence=2)
    marlin = entity(0, "Marlin Metals", sentence=1)
    shut = event(100, "supply_disruption", ("agent", body.text, body.id), sentence=2)
    (kept,) = apply_policy([shut], [marlin, body], policy)
    assert [a for a in kept.arguments if a.role == "agent"] == []  # nor the item's company: the members are unnamed
    # an industry body may still ask for something (talks, policy): its agent stays
    ask = event(100, "negotiation", ("agent", body.text, body.id), ("counterparty", "the ministry", None), sentence=2)
    (asked,) = apply_policy([ask], [marlin, body], policy)
    assert [a.text for a in asked.arguments if a.role == "agent"] == [body.text]


def test_an_approval_folds_only_what_its_own_agent_did(policy):
    # same_act_agent_only: "the government approved the expansion" gives one regulation; a milestone of another actor
    # (or of none) in the approval's sentence is its own act
    approval = event(10, "regulation", ("agent", "Fenwick", None))
    (merged,) = fold_same_act([approval, event(30, "investment", ("agent", "Fenwick", None))], policy, {})
    assert merged.event_type == "regulation"
    assert len(fold_same_act([approval, event(30, "project_milestone", ("agent", "Marlin", None))], policy, {})) == 2
    assert len(fold_same_act([event(10, "regulation"), event(30, "project_milestone", ("agent", "Marlin", None))],
                             policy, {})) == 2


def test_a_modality_with_its_own_table_reads_it_in_place_of_the_shifted_one(policy):
    own = policy.model_copy(update={"confidence_by_roles": [0.5, 0.6, 0.7], "modality_confidence": {},
                                    "confidence_by_modality": {"planned": [0.2, 0.3, 0.4]}})
    record = event(10, "financing", ("agent", "Nordbank", None), ("amount", "$5", None))
    assert calibrate(record, own).confidence == 0.7
    assert calibrate(record.model_copy(update={"modality": "planned"}), own).confidence == 0.4
    assert calibrate(record.model_copy(update={"modality": "possible"}), own).confidence == 0.7
