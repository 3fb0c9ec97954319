"""Event stage: which sentences become which events (trigger matching, vetting and selection)."""

from __future__ import annotations

import pytest
from events_helpers import events_of, parties_of, types_of
from spacy.matcher import Matcher
from support import make_block_doc

from pipeline.components.events.patterns import compile_pattern
from pipeline.components.events.sentences import DocIndex
from pipeline.schema.labels import EVENT_TYPES

POSITIVES = [
    ("Indonesia banned exports of nickel ore from January 2020.", "export_restriction", "banned"),
    ("Parliament amended the mining code to raise royalties on lithium producers.", "regulation", "amended"),
    ("The government unveiled a national critical minerals strategy on Monday.", "policy_strategy", "strategy"),
    ("Ivanhoe Mines reported a new copper discovery at its Kamoa project.", "exploration", "discovery"),
    ("Malaysia holds rare earth reserves of about 16 million mt, the sixth-largest in the world.",
     "resource_estimate", "reserves"),
    ("Lynas commissioned its Kalgoorlie processing plant in November.", "project_milestone", "commissioned"),
    ("Glencore signed an offtake agreement with Tesla for cobalt hydroxide.", "supply_agreement", "offtake"),
    ("The World Bank approved a US$200 million loan to Zambia for mine rehabilitation.", "financing", "loan"),
    ("Rio Tinto will invest US$2.5 billion in the Rincon lithium project.", "investment", "invest"),
    ("The company released a feasibility study showing an after-tax NPV of US$1.1 billion.",
     "feasibility_study", "feasibility"),
    ("Lithium carbonate prices fell 5% to 75,000 yuan/mt this week.", "price_movement", "fell"),
    ("Shares of Albemarle rose 8% on Tuesday.", "stock_movement", "rose"),
    ("Australia and India signed a memorandum of understanding on critical minerals.",
     "cooperation_agreement", "memorandum"),
    ("Chile and Argentina are in talks over a joint lithium strategy.", "negotiation", "in talks"),
    ("Anglo American agreed to acquire Teck Resources for US$53 billion.", "merger_acquisition", "acquire"),
    ("Codelco produced 1.3 million tonnes of copper in 2024.", "production_output", "produced"),
    ("Workers went on strike at the Escondida copper mine on Monday, halting output.", "supply_disruption", "strike"),
]


def test_positive_table_covers_every_type():
    assert {event_type for _, event_type, _ in POSITIVES} == set(EVENT_TYPES)


@pytest.mark.parametrize(("text", "event_type", "trigger"), POSITIVES)
def test_positive_sentence(nlp, text, event_type, trigger):
    assert (event_type, trigger) in {(t, trig) for t, trig, _ in events_of(nlp, text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Indonesia exports most of its nickel to China.", "export_restriction"),
        ("The company sells its lithium to battery makers in Asia.", "export_restriction"),
        ("Under the supply agreement, the price of spodumene is US$900/t.", "price_movement"),
        ("The study assumes a long-term lithium price of US$20,000/t.", "price_movement"),
        ("Pricing will be linked to a basket of published indices with a floor price.", "price_movement"),
        ("Chief executive Jane Smith joined the company in 2019.", "cooperation_agreement"),
        ("The exploration licence covers 200 square kilometres.", "exploration"),
        ("The plant was commissioned in 2012 and has long supplied the region.", "project_milestone"),
        ("Officials plan to visit the mine next week.", "policy_strategy"),
        ("The fund's investment advice is for reference only.", "investment"),
        ("Khazanah, Malaysia's sovereign wealth fund, could team up with a Chinese group.", "financing"),
        ("The mine ran close to nameplate capacity in December.", "supply_disruption"),
        ("Shares in the miner rose 4% after the stock-building season ended.", "price_movement"),
        ("The company agreed to acquire a 70% controlling stake in the project.", "investment"),
        ("The US agency will take a 19.9% minority stake in the developer.", "merger_acquisition"),
        ("A correction of up to 5% is possible once the holiday stock-building ends.", "stock_movement"),
        ("Production could stop if talks with management fail.", "negotiation"),
        ('"We want the value to stay at home," the adviser said of the deal.', "cooperation_agreement"),
    ],
)
def test_negative_sentence(nlp, text, absent):
    assert absent not in types_of(nlp, text)


def test_export_alone_is_trade_volume_not_restriction(nlp):
    assert types_of(nlp, "China exported about 12.8 mt of gallium in 2025.") == {"production_output"}


def test_price_and_stock_are_told_apart(nlp):
    assert types_of(nlp, "Shares in Karratha fell 7.4% to A$1.38 on Wednesday.") == {"stock_movement"}
    assert types_of(nlp, "Pr-Nd oxide rose 2% to 437,000 yuan/mt on Thursday.") == {"price_movement"}


def test_two_clauses_give_two_price_movements(nlp):
    text = "Terbium oxide held at 1.7 million yuan/mt, and dysprosium oxide edged up to 1,410 yuan/kg."
    assert [(t, trig) for t, trig, _ in events_of(nlp, text)] == [("price_movement", "held"),
                                                                   ("price_movement", "edged")]


def test_several_types_in_one_sentence(nlp):
    text = ("Vietnam's National Assembly voted through a revised Law on Geology and Minerals that bars "
            "companies from selling unprocessed rare earth ore abroad.")
    assert types_of(nlp, text) == {"regulation", "export_restriction"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indonesia Bans Nickel Ore Exports", {("export_restriction", "Bans")}),
        ("Glencore Signs Cobalt Offtake With Tesla", {("supply_agreement", "Offtake")}),
        ("Cobalt Prices Climb as Congo Extends Quotas", {("price_movement", "Climb"),
                                                        ("export_restriction", "Quotas")}),
    ],
)
def test_title_case_headlines(nlp, text, expected):
    assert {(t, trig) for t, trig, _ in events_of(nlp, text, zone="heading")} == expected


def test_coordinated_restriction_acts_are_separate_events(nlp):
    events = events_of(nlp, "The DRC suspended cobalt exports in February, extended the halt in June, and then "
                            "replaced it in October with quotas.")
    assert len([e for e in events if e[0] == "export_restriction"]) >= 2
    single = events_of(nlp, "Karratha kept its production guidance of 190 kt and expects shipments of 45,000 dmt.")
    assert len([e for e in single if e[0] == "production_output"]) == 1


def test_extended_requirement_is_export_restriction(nlp):
    assert "export_restriction" in types_of(nlp, "MOFCOM extended the export licensing requirement to antimony "
                                                 "products in September.")
    assert "export_restriction" not in types_of(nlp, "The company extended the drilling program to the north.")


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("Tungsten prices held steady at US$340 per mtu in Rotterdam.", "price_movement", "actual"),
        ("Cobalt was unchanged at US$15.50 per lb this week.", "price_movement", "actual"),
        ("Lithium carbonate prices were flat at 75,000 yuan/t.", "price_movement", "actual"),
        ("Zinvo Resources restarted the Ferrow plant on Monday.", "project_milestone", "actual"),
        ("Zinvo Resources will restart the Ferrow mine in May.", "project_milestone", "planned"),
        ("Harlan Metals could lose up to 20% of its output because of the drought.", "supply_disruption", "possible"),
        ("Harlan Metals may cut output at the Yarrow smelter.", "supply_disruption", "possible"),
        ("The Bellgard project hosts a resource of 212Mt at 0.58% V2O5.", "resource_estimate", "actual"),
        ("Pendra Minerals announced a maiden resource for its Corsa graphite project.", "resource_estimate", "actual"),
        ("Pendra Minerals reported an ore reserve of 12Mt at 1.2% Li2O.", "resource_estimate", "actual"),
        ("Zambia launched a tender for mining rights over three cobalt blocks.", "regulation", "actual"),
        ("Peru raised the tax on mining profits to 30%.", "regulation", "actual"),
        ("China cut its rare earth mining quotas for 2026 by 5%.", "regulation", "actual"),
        ("Orvane Metals idled the Braxton smelter in March.", "supply_disruption", "actual"),
        ("Prices firmed to US$340 per mtu on Tuesday.", "price_movement", "actual"),
    ],
)
def test_blind_set_missed_types(nlp, text, event_type, modality):
    assert (event_type, modality) in {(t, m) for t, _, m in events_of(nlp, text)}


def test_mining_quota_is_no_export_restriction(nlp):
    assert "export_restriction" not in types_of(nlp, "China cut its rare earth mining quotas for 2026 by 5%.")
    assert "export_restriction" in types_of(nlp, "China cut its rare earth export quotas for 2026 by 5%.")


@pytest.mark.parametrize(("text", "export"), [
    # a quota on what is mined caps extraction (a regulation), whatever its place in the sentence
    ("Under the plan, the nickel ore mining quota for 2027 is about 200 million tonnes.", False),
    ("Mining quotas in the world's largest coal exporter are set to fall by a fifth.", False),
    ("Under the plan, the tin export quota for 2027 is about 20,000 tonnes.", True),
])
def test_a_quota_restricts_exports_only_beside_an_export_word(nlp, text, export):
    assert ("export_restriction" in types_of(nlp, text)) is export


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Perth-based firm sells concentrate at US$900/t to traders.", "price_movement"),
        ("Analysts said the firm had a strong balance sheet.", "price_movement"),
        ("The company idled 40 workers during the wet season.", "supply_disruption"),
        ("About 200 workers were idled by the dispute over pay.", "supply_disruption"),
        ("Orvane Metals has not contracted any of its future output.", "supply_agreement"),
        ("Under the ASX listing rules, the company must disclose material information.", "regulation"),
        ("The rules of the index are reviewed every quarter.", "regulation"),
        ("Output from the region has historically been small.", "production_output"),
        ("The company will resume talks with its lenders next week.", "project_milestone"),
        ("Harlan Metals could lose its market share to cheaper rivals.", "supply_disruption"),
        ("The miner sold a 2% royalty to Quarry Capital for US$10 million.", "regulation"),
    ],
)
def test_blind_set_weak_word_negatives(nlp, text, absent):
    assert absent not in types_of(nlp, text)


def test_contracted_output_is_a_supply_agreement(nlp):
    assert "supply_agreement" in types_of(nlp, "Orvane Metals has contracted 80% of its output to a battery maker.")


# --- broader analyst vocabulary (invented sentences) ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "event_type"), [
    ("Trafigura will provide a US$50 million prepayment for concentrate from the mine.", "supply_agreement"),
    ("Kestrel Minerals closed a A$30 million entitlement offer.", "financing"),
    ("The company launched a A$45 million rights issue to fund construction.", "financing"),
    ("Osprey Resources issued US$100 million of convertible notes.", "financing"),
    ("The miner sold a 2% royalty to Franco-Nevada for US$60 million.", "financing"),
    ("Shareholders approved the scheme of arrangement with Pilbara Minerals.", "merger_acquisition"),
    ("Glencore agreed to buy out its partner in the copper mine.", "merger_acquisition"),
    ("Sumitomo agreed to subscribe for shares worth US$25 million in Ioneer.", "investment"),
    ("Lynas reached FID on the heavy rare earths plant.", "project_milestone"),
    # a permit granted is regulation (docs/annotation.md: permitting), whoever the sentence makes its subject
    ("The company received the environmental permit for the mine in May.", "regulation"),
    ("Assays returned 12 metres at 2.1% lithium oxide.", "exploration"),
    ("A BFS for the project is due in the first half of 2026.", "feasibility_study"),
    ("Glencore declared force majeure on cobalt deliveries.", "supply_disruption"),
    ("Canada unveiled a critical minerals roadmap.", "policy_strategy"),
    ("The US plans a strategic stockpile of cobalt.", "policy_strategy"),
    ("Australia added five minerals to its critical minerals list.", "policy_strategy"),
    ("Rio Tinto made a bid for the lithium developer.", "negotiation"),
    ("The plant has a nameplate capacity of 40,000 tonnes a year.", "production_output"),
])
def test_broader_vocabulary_fires(nlp, text, event_type):
    assert event_type in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    ("The offtake market remains opaque, analysts said.", "supply_agreement"),
    ("Rights issues are common in the sector.", "financing"),
    ("The miner added ore to the run-of-mine stockpile.", "policy_strategy"),
    ("The government sold gallium to the national defense stockpile.", "policy_strategy"),
    ("The ministry invited bids for the lithium blocks at auction.", "negotiation"),
    ("The assay laboratory in Perth was busy.", "exploration"),
    ("The refinery lifted force majeure on Monday.", "supply_disruption"),
    ("The company has not received the mining permit.", "regulation"),
])
def test_broader_vocabulary_guards(nlp, text, event_type):
    assert event_type not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a comparative about sales, output or costs is no price move
    ("Cobalt sales of 3,000 tonnes for the year were 12% higher than a year earlier.", "price_movement"),
    # "up to" qualifies an amount; it is no share move
    ("Marlin Metals may issue up to 20% of its shares to the fund.", "stock_movement"),
    # an ordinal on a deal is about the deal, not a project milestone
    ("Marlin Metals signed its first binding offtake agreement with a Korean buyer.", "project_milestone"),
    # accounting language: equity-accounted holdings are no new investment
    ("Marlin Metals received $40 million from its equity accounted investments in the year.", "investment"),
    # a financing word that classifies another noun, or a condition, reports no financing
    ("The ministry said it does not comment on loan applications.", "financing"),
    ("Marlin Metals plans a final investment decision in May, subject to financing commitments.", "financing"),
    # a purpose phrase is not a government strategy
    ("The agency is in talks to lend $1 billion to Marlin Metals in a push to build domestic supply.",
     "policy_strategy"),
])
def test_generic_trigger_words_need_their_context(nlp, text, absent):
    assert absent not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    ("Cobalt prices were 12% higher than a year earlier.", "price_movement"),
    ("Cobalt was higher at $30,000 a tonne on Friday.", "price_movement"),
    ("Shares in Marlin Metals were up 6% on Tuesday.", "stock_movement"),
])
def test_the_same_words_still_fire_in_their_own_context(nlp, text, event_type):
    assert event_type in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Marlin Metals said on Monday it had signed an off-take agreement with Kestrel Steel for its nickel.",
    "Kestrel Steel will off-take 8,000 tonnes a year from the Marlin plant.",
])
def test_a_hyphenated_off_take_is_a_supply_agreement(nlp, text):
    types = types_of(nlp, text)
    assert "supply_agreement" in types
    assert "cooperation_agreement" not in types


# --- word senses that report nothing (round four, our own sentences) ---
@pytest.mark.parametrize(("text", "absent"), [
    # "in a push to" states a purpose, and a press conference is no call for a policy
    ("The Fenwick ministry is lending US$2 billion to a nickel refiner in a push to secure critical minerals.",
     "policy_strategy"),
    ("At a press conference on Friday, the trade ministry answered questions on critical minerals supply.",
     "policy_strategy"),
    # tax credits lower a cost in a study; nobody lends or grants them
    ("The post-tax value of US$1.2 billion is before tax credits under the new clean energy law.", "financing"),
    # "first" as a time ("the first month"), an adverb ("first began") or an ordinal on a deal is no milestone
    ("The digital subscription costs US$5 for the first month and US$12 thereafter.", "project_milestone"),
    ("The rules came three months after Fenwick first began restricting sales of gallium.", "project_milestone"),
    ("The two firms struck their first large-scale supply deal, worth US$900 million, in 2021.", "project_milestone"),
    # "first" counting months, a half-year or a rank among countries is no first production either
    ("Marlin Metals lifted cobalt output by 20% in the first three months of the year.", "project_milestone"),
    ("The chief executive praised a strong first-half result despite lower prices.", "project_milestone"),
    ("Fenwick was one of the first countries to sign the nuclear pact with Kestrelia.", "project_milestone"),
    # a word that only describes demand is no price move; "through first production" is a span of time
    ("Marlin Metals booked record sales of nickel amid rising cobalt demand from battery makers.", "price_movement"),
    ("The lender will cover about 60% of capital costs through first production at the Halden plant.",
     "project_milestone"),
    # a participle that only describes a noun ("amended letters", "a designated zone") enacts nothing
    ("Marlin Metals said it had received amended, non-binding letters of support from the "
     "Export-Import Bank of Fenwick.", "regulation"),
])
def test_body_word_senses_that_report_nothing(nlp, text, absent):
    assert absent not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    ("The ministry urged miners to build a domestic critical minerals supply chain.", "policy_strategy"),
    ("Marlin Metals poured its first lithium concentrate at the Halden plant in May.", "project_milestone"),
    ("Nordbank will provide tax-free credit of US$40 million to the refinery.", "financing"),
    ("Cobalt prices kept rising this week, reaching US$30,000/t on Thursday.", "price_movement"),
    ("Marlin Metals expects first production at the Halden plant in March.", "project_milestone"),
])
def test_the_senses_that_do_report_still_fire(nlp, text, event_type):
    assert event_type in types_of(nlp, text)


# issue 12, round three: trade remedies, trade values, phrasal verbs and words that only name a kind of thing
@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    ("Fenwick's trade ministry imposed anti-dumping duties of 42 per cent on cobalt salts from Kestrelia.",
     "export_restriction", "anti-dumping duties"),
    ("In June, the agency set countervailing duties of 8 per cent on anode sheets from two Kestrelian makers.",
     "export_restriction", "countervailing duties"),
    # a plain tariff or duty is a trade control when imports or exports are named beside it
    ("Fenwick slashed duties on potash imported from Kestrelia, from 18% to 3%, the ministry said.",
     "export_restriction", "duties"),
    ("Kestrelia put a 10% tariff on imported graphite anodes last week.", "export_restriction", "tariff"),
    ("Imports of cobalt salts from Fenwick totalled $120 million in 2024.", "production_output", "Imports"),
    ("The all-share offer from Marlin Metals values each Kestrel share at 3.10 pounds, or $4 billion.",
     "merger_acquisition", "all-share offer"),
])
def test_trade_remedies_trade_values_and_split_hyphens_fire(nlp, text, event_type, trigger):
    assert (event_type, trigger) in {(t, trig) for t, trig, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "zone", "absent"), [
    # "push back" resists: no policy push, nobody backs a project
    ("Carmakers, cell makers push back", "heading", "policy_strategy"),
    ("Carmakers, cell makers push back", "heading", "financing"),
    # a verb "rose" next to "metal" is an output rise; the price-noun rule reads nouns only
    ("Sales of refined metal also rose 6%, with zinc at 120,000 tonnes and lead at 30,000 tonnes.", "body",
     "price_movement"),
    # an investment arm, a funding milestone: the trigger word only names a kind of body or step
    ("The province's mining investment arm, Kestrel Holdings, had been in talks with the owner since May.", "body",
     "investment"),
    ("Following this funding milestone, Marlin Metals signed a supply deal worth $5 million.", "body", "financing"),
    # restarting a blockade is a disruption, not a project's restart
    ("Fenwick villagers to restart blockade of Marlin mine road", "title", "project_milestone"),
    # a tariff on imported goods reports the tariff, not a trade flow; "according to" is no accord
    ("The duties cover anode sheets imported from Fenwick with 95 per cent purity, worth $80 million a year.", "body",
     "production_output"),
    ("The scheme backs 5,000 tonnes of magnet capacity, months after Fenwick began restricting exports of gallium.",
     "body", "production_output"),
    ("Imports of anode sheets reached 2,000 tonnes, according to Kestrel Analytics, a data firm.", "body",
     "cooperation_agreement"),
])
def test_phrasal_verbs_and_kinds_report_nothing(nlp, text, zone, absent):
    assert absent not in types_of(nlp, text, zone=zone)


@pytest.mark.parametrize(("text", "expected"), [
    # a ban taking effect is the ban (the export restriction), a rule taking effect is the rule
    ("The ministry said the ban took effect at once and stays until further notice.", {"export_restriction"}),
    ("The new licensing rules take effect on March 1, the ministry said.", {"regulation"}),
])
def test_what_takes_effect_decides_the_type(nlp, text, expected):
    assert types_of(nlp, text) == expected


@pytest.mark.parametrize(("text", "exploring"), [
    # "explore" in the sense of weighing something is no exploration programme
    ("Carmakers are exploring the use of solid-state cells in their next models, the company said.", False),
    ("Utilities are exploring ways to store more power from wind farms.", False),
    ("Marlin Metals explored the northern claims for lithium in March.", True),
    # so is exploring a deal: a partnership, an acquisition, a sale of a stake
    ("Its trading arm is also exploring partnerships to make magnets in Fenwick.", False),
    ("Its unit is actively exploring the acquisition of the neighbouring claims.", False),
    ("Marlin Metals is exploring a sale of its Kestrel stake.", False),
    ("Its unit is actively exploring the neighbouring claims for tin.", True),
])
def test_exploring_a_use_or_ways_is_not_exploration(nlp, text, exploring):
    assert ("exploration" in types_of(nlp, text)) is exploring


@pytest.mark.parametrize(("text", "moves"), [
    # a price figure (money per tonne) next to a move verb is a quotation even without the word "price"
    ("On the Shanghai exchange the most-traded tin contract hit 298,400 yuan a tonne on Tuesday.", True),
    ("Meanwhile, battery-grade cobalt sulphate settled at 41,500 yuan per tonne.", True),
    # unit costs and study assumptions are money per tonne too, but no market moved
    ("Cash costs fell 9% to US$4,100/tonne in the quarter.", False),
])
def test_a_price_figure_makes_a_move_verb_a_quotation(nlp, text, moves):
    assert ("price_movement" in types_of(nlp, text)) is moves


def test_duties_without_trade_are_no_trade_control(nlp):
    assert "export_restriction" not in types_of(nlp, "Marlin Metals paid stamp duty of $2 million on the land purchase.")
    assert "export_restriction" not in types_of(nlp, "Fenwick keeps battery imports free of duty until 2027.")


def test_a_headline_names_the_object_its_rule_needs(nlp):
    # "open-cut" is a kind of mine, not a quota cut; the quota headline still reports one
    assert "regulation" not in types_of(nlp, "Worker hurt at open-cut manganese mine in Kestrelia", zone="title")
    assert "regulation" in types_of(nlp, "Fenwick cuts rare earth mining quotas for 2026", zone="title")


@pytest.mark.parametrize(("text", "expected"), [
    # approving a work plan or an assessment, granting a lease: permitting, which the taxonomy files as regulation
    ("Chile has approved the work plan for the Kestrel project.", True),
    ("The regulator rejected the environmental assessment for the Kestrel mine in May.", True),
    ("Chile's ministry granted a mining lease over the Kestrel deposit on Monday.", True),
    ("Marlin Metals has drafted a mine plan for the Kestrel deposit.", False),
])
def test_permitting_decisions_are_regulation(nlp, text, expected):
    assert ("regulation" in types_of(nlp, text)) is expected


def test_earning_up_to_a_share_of_a_project_is_no_share_move(nlp):
    text = "Marlin Metals may take up to 49% of the Kestrel venture by buying 5 million shares."
    assert "stock_movement" not in types_of(nlp, text)
    assert "stock_movement" in types_of(nlp, "Marlin Metals shares were up 12% at the close on Friday.")


# --- issue 12, round eight: word senses that report no event -------------------------------------------------------

@pytest.mark.parametrize(("text", "zone", "absent"), [
    # "firm up" a supply deal is settling it, not a firming price
    ("Fenwick, Norland Firm up Cobalt Supply for the Next Three Years", "title", "price_movement"),
    # terms that "have been the subject of negotiations" are settled: no talks under way
    ("Marlin officials said the terms of the offtake have been the subject of lengthy negotiations.", "body",
     "negotiation"),
    # metal held in inventory is stock on hand, not a mineral inventory
    ("As of March 31, the company held 410,000 ounces of silver in inventory.", "body", "resource_estimate"),
    # striking a deal is no strike
    ("Unlike earlier deals the miner struck with the state, this plant will be paid for by the army.", "body",
     "supply_disruption"),
    # a hyphenated "first-half" stays a period of time when a name sits next to it in the sentence
    ("Marlin president Tom Reed said the strong first-half performance shows the miner can deliver value.", "body",
     "project_milestone"),
    # a disruption avoided, or managed without, did not happen
    ("So far, the carmakers have avoided major shutdowns.", "body", "supply_disruption"),
    ("The miner said it kept output steady without major disruptions.", "body", "supply_disruption"),
    # a person's inauguration opens no plant
    ("Shortly before the inauguration of President-elect Tom Reed, the ministry issued a decree.", "body",
     "project_milestone"),
    # an embedded question ("whether it can restart") reports nothing
    ("Over time, Norway ought to study whether it could revive its own magnesium output.", "body",
     "project_milestone"),
])
def test_word_senses_that_report_no_event(nlp, text, zone, absent):
    assert absent not in types_of(nlp, text, zone=zone)


def test_the_senses_beside_them_still_report(nlp):
    assert "price_movement" in types_of(nlp, "Cobalt Prices Firm on Supply Worries", zone="title")
    assert "negotiation" in types_of(nlp, "Marlin is in talks with Kestrel over a cobalt offtake.")
    assert "supply_disruption" in types_of(nlp, "Workers at the Kestrel mine began a strike on Monday.")
    assert "project_milestone" in types_of(nlp, "Marlin will restart magnesium production at its Kestrel plant in May.")


@pytest.mark.parametrize(("text", "holder"), [
    ("Zambia holds the world's biggest cobalt reserves, according to the survey.", "Zambia"),
    ("Norway, which has the world's third largest nickel reserves, is a major supplier to Japan.", "Norway"),
    ("Peru has 15% of the world's tin resources and has led regional output since 2012.", "Peru"),
])
def test_a_country_holding_the_largest_or_a_world_share_of_reserves_is_an_estimate(nlp, text, holder):
    assert parties_of(nlp, text, "resource_estimate") == [("agent", holder)]


@pytest.mark.parametrize("text", [
    "Marlin is developing a lithium deposit in Nevada, among the biggest in the country.",
    "Chile has vast mineral reserves and cheap power, the minister said.",
])
def test_a_deposit_described_or_reserves_without_rank_are_no_estimate(nlp, text):
    assert "resource_estimate" not in types_of(nlp, text)


def test_metal_delivered_or_supplied_is_output_but_supply_terms_are_not(nlp):
    text = "According to customs data, Chile delivered 6,200 kilograms of lithium carbonate in May, up 20% on April."
    assert parties_of(nlp, text, "production_output") == [("agent", "Chile")]
    assert "production_output" in types_of(nlp, "It has supplied about 1,300 tonnes of uranium to Japan since 2012.")
    terms = "Under the deal, Marlin will supply up to 90,000 tonnes a year of concentrate to the Korean buyer."
    assert "production_output" not in types_of(nlp, terms)


# issue 12, round five: general background readings (our own sentences)
@pytest.mark.parametrize("text", [
    "The two governments are putting $8 million into the country's first nickel sulphate plant near Halden.",
    "The stoppage began at the morning's first work shift on Tuesday.",
])
def test_an_ordinal_that_only_describes_a_thing_is_no_milestone(nlp, text):
    assert "project_milestone" not in types_of(nlp, text)


def test_a_price_that_collapsed_is_no_supply_disruption(nlp):
    text = "The price of cobalt, used in battery cathodes, has collapsed after doubling over the past three years."
    assert "supply_disruption" not in types_of(nlp, text)


def test_output_curtailed_after_prices_fell_is_a_disruption(nlp):
    text = "The nickel refiner curtailed output once prices slid in May."
    assert "supply_disruption" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Fenwick has barred cobalt ore exports since 2021 to attract foreign investment in local refineries.",
    "Kestrelia set up a A$3bn lending fund last year to spur investment in its battery metals sector.",
])
def test_investment_a_clause_hopes_for_is_no_investment(nlp, text):
    assert "investment" not in types_of(nlp, text)


def test_investment_that_is_made_still_fires(nlp):
    assert "investment" in types_of(nlp, "Nordbank made a US$40 million investment in Marlin Metals on Monday.")


def test_an_agreement_the_parties_failed_to_reach_is_a_negotiation(nlp):
    types = types_of(nlp, "The walkout began on Monday after negotiators for Marlin Metals failed on Sunday to reach "
                          "an agreement with the union.")
    assert "negotiation" in types
    assert "cooperation_agreement" not in types


@pytest.mark.parametrize("text", [
    "Marlin Metals on Monday lowered its 2026 nickel production guidance to 40,000 tonnes from 44,000 tonnes.",
    "Kestrel Resources reported lower cobalt production in the first half of the year.",
])
def test_a_lower_forecast_or_figure_is_no_disruption(nlp, text):
    assert "supply_disruption" not in types_of(nlp, text)


def test_lowering_output_at_a_plant_still_is(nlp):
    text = "Marlin Metals lowered output at its Halden smelter by 30% after a power outage."
    assert "supply_disruption" in types_of(nlp, text)


@pytest.mark.parametrize(("text", "nation"), [
    ("Peruvian shipments of tin concentrate slipped 9% to 21,000 tonnes in 2025.", "Peruvian"),
    ("Korean imports of cobalt hydroxide reached 8,000 tonnes in March.", "Korean"),
])
def test_national_trade_figures_name_the_country(nlp, text, nation):
    # the stage gives the nationality span; the article pass turns it into its country
    assert parties_of(nlp, text, "production_output") == [("agent", nation)]


def test_a_facility_is_a_credit_line_only_beside_a_lending_word(nlp):
    assert "financing" not in types_of(nlp, "Marlin Metals will spend $40 million to fix emissions at 6 facilities "
                                            "under the settlement.")
    assert "financing" in types_of(nlp, "Nordbank agreed a $40 million revolving credit facility with Marlin Metals.")


# --- project milestones told in other words (round five, our own sentences) ---
@pytest.mark.parametrize("text", [
    # the work as subject of a start verb
    "Marlin Metals said production has commenced at its Harlan nickel mine.",
    "Construction commenced on the first stage of the Harlan plant in March.",
    # the start as a noun phrase, and the tokenizer's split of "start-up"
    "Marlin Metals announced the start of operations at its Harlan nickel mine on Tuesday.",
    "Deliveries will begin with the mine's start-up in the third quarter of 2026, Marlin Metals said.",
    # a plant being built
    "Two more refineries are under construction at Harlan in partnership with Marlin Metals.",
])
def test_milestone_phrasings_fire(nlp, text):
    assert "project_milestone" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    # output that starts to fall is an output trend, not a start
    "Production started to decline at the Harlan mine in 2024.",
    # a start since which something happened is background
    "Since the start of production in 2015, the Harlan mine has shipped 2 million tonnes.",
    # a start-up capacity describes the plant
    "The offtake covers a third of the mine's start-up capacity of 300,000 t/y.",
])
def test_milestone_phrasings_need_their_sense(nlp, text):
    assert "project_milestone" not in types_of(nlp, text)


# --- a deal's "for" phrase says what the deal is, however long the names before it (round five) ---
def test_a_deal_for_the_supply_of_goods_is_a_supply_agreement(nlp):
    types = types_of(nlp, "On Thursday Marlin Metals said it has signed an agreement with Dutch trading group "
                          "Vosberg Handel BV for the supply of nickel sulphate to its plants.")
    assert "supply_agreement" in types
    assert "cooperation_agreement" not in types


def test_a_deal_for_debt_is_financing_not_cooperation(nlp):
    types = types_of(nlp, "Marlin Metals signed an exclusive agreement with a Canadian lender "
                          "for US$45 million of debt financing.")
    assert "financing" in types
    assert "cooperation_agreement" not in types


def test_a_deal_for_research_stays_cooperation(nlp):
    assert "cooperation_agreement" in types_of(nlp, "Marlin Metals signed a cooperation agreement with the Fenwick "
                                                    "government for research on battery recycling.")


# a country's dated share of world mining is an output record (the real-news annotators' convention)
def test_a_dated_share_of_globally_mined_metal_is_output(nlp):
    assert "production_output" in types_of(nlp, "Fenwick accounted for nearly 70% of globally mined cobalt in 2024, "
                                                "the survey showed.")


def test_classing_a_commodity_as_strategic_is_a_designation(nlp):
    assert "regulation" in types_of(nlp, "The ministry listed tungsten as a strategic material last year.")


def test_a_company_listed_on_an_exchange_is_no_designation(nlp):
    assert "regulation" not in types_of(nlp, "Marlin Metals is listed on the ASX and describes itself as a critical "
                                             "minerals developer.")


@pytest.mark.parametrize(("text", "fires"), [
    # "pre-cyclone levels" is a benchmark of output, not a storm that stops it
    ("Marlin Metals aims to bring output back to pre-cyclone levels in its 2026 financial year.", False),
    ("A cyclone forced Marlin Metals to halt operations at its Harlan mine in March.", True),
])
def test_a_prefixed_hazard_word_is_no_disruption(nlp, text, fires):
    assert ("supply_disruption" in types_of(nlp, text)) is fires


# issue 12, event-type round (silver texts s077-s139): word senses and kinds that report nothing (our own sentences)
@pytest.mark.parametrize(("text", "zone", "absent"), [
    # striking a partnership is no strike
    ("Marlin Metals strikes partnerships to develop cobalt cathodes", "title", "supply_disruption"),
    # "deal with" a problem is no deal
    ("Marlin said it had activated a backup plan to deal with the strike at Kestrel.", "body",
     "cooperation_agreement"),
    # a partner named, not a partnership made
    ("Marlin Metals presents itself to Norland as a trusted partner for cobalt supply.", "body",
     "cooperation_agreement"),
    ("Norland will help its partner nations develop supply chains for cobalt, Marlin said.", "body",
     "cooperation_agreement"),
    ("Marlin is still weighing potential offtake partners for its Kestrel lithium.", "body", "supply_agreement"),
    # a place falling within a region, stocks running out by the end of a month: no share move
    ("The Kestrel basin falls within the copper belt, which is shared between Fenwick and Norland.", "body",
     "stock_movement"),
    ("Fenwick is expected to run out of nickel stocks by the end of March.", "body", "stock_movement"),
    # a kind of thing, not an act: investment-grade bars, an investment climate, loan repayments, production costs
    ("Marlin plans to shift sales to investment-grade bars.", "body", "investment"),
    ("Fenwick offered a stable investment climate for processing, the group said.", "body", "investment"),
    ("Shareholder loan repayments from the Kestrel mine will commence in 2027, Marlin said.", "body", "financing"),
    ("Marlin recorded a loss of 13 million rupiah on a 6 percent increase in production costs.", "body",
     "production_output"),
    # discussions at a forum are no talks between parties
    ("Marlin also named four themes from the forum discussions held in Perth.", "body", "negotiation"),
    # exploring new uses is no exploration; a deposit described by its discovery is no new find
    ("Marlin is exploring new applications for niobium in batteries.", "body", "exploration"),
    ("Marlin Metals won a mining licence over graphite deposits discovered near Kestrel in 2019.", "body",
     "exploration"),
    # a lowered forecast or target is an output figure, not a disruption
    ("Fenwick's government lowered its 2025 copper production expectations to 2.5 million tons.", "body",
     "supply_disruption"),
    ("Marlin Metals cut its 2025 nickel production targets sharply, citing weak demand.", "body",
     "supply_disruption"),
    # operations suspended after an export halt: the suspension is no export control
    ("Operations at the Kestrel mine were suspended last year after Fenwick halted exports.", "body", None),
    # an export licensing system is an export control, not a second (regulation) record
    ("Fenwick curbs graphite exports through a 20 per cent tax and an export licensing system.", "body",
     "regulation"),
    # an output figure that rebounded is no price
    ("Zinc output rebounded 3% to 120,000 mt from 116,000 mt on gains at Kestrel, the ministry said.", "body",
     "price_movement"),
    # an agreement due to start is no project milestone, nor is a rule set to come into force
    ("The ten-year agreement with Kestrel is due to start in 2027, Marlin said.", "body", "project_milestone"),
    ("Fenwick's stricter steel standards are set to come into force next spring.", "body", "project_milestone"),
    # a partner who speaks made no partnership
    ("A project partner said on Thursday that the auction would go ahead.", "body", "cooperation_agreement"),
    # reducing a risk stops no plant
    ("Marlin said the demonstration line helps in reducing technical risk before the full build.", "body",
     "supply_disruption"),
    # what a verb of fostering wants another party to do has not happened
    ("Analysts said lower power tariffs could encourage some Norland companies to invest.", "body", "investment"),
    ("The reform aims to lure foreign miners to invest in smelters.", "body", "investment"),
    # production started or reached is the milestone, not a second (output) record
    ("Marlin said today that the third concentrator at Kestrel has reached commercial production.", "body",
     "production_output"),
    ("Its 200,000 t/yr first phase achieved commercial production on 1 July, Marlin said.", "body",
     "production_output"),
    # a joint venture that acts is an actor, not a new venture
    ("A joint venture of the two miners announced record copper output of 40,000 tonnes.", "body",
     "cooperation_agreement"),
    # a firm named in a headline is a company, not a firming price
    ("5 lithium mining firms get licences", "title", "price_movement"),
    # guarding what one has invested is no new investment
    ("Marlin filed the claim to protect its investments at Kestrel, a lawyer said.", "body", "investment"),
])
def test_word_senses_by_zone_report_nothing(nlp, text, zone, absent):
    if absent is None:
        assert [trigger for event_type, trigger, _ in events_of(nlp, text, zone=zone)
                if event_type == "export_restriction"] == ["halted"]
    else:
        assert absent not in types_of(nlp, text, zone=zone)


@pytest.mark.parametrize(("text", "zone", "event_type"), [
    ("Workers at the Kestrel nickel mine went on strike on Tuesday.", "body", "supply_disruption"),
    ("Marlin partnered with Kestrel Power to build a cobalt refinery.", "body", "cooperation_agreement"),
    ("Japan's JOGMEC is a partner, seeking long-term cobalt supply for Japanese users.", "body",
     "cooperation_agreement"),
    ("Marlin shares fell 4% to A$1.20 at the close on Monday.", "body", "stock_movement"),
    ("Marlin discovered a new lithium zone at Kestrel in May.", "body", "exploration"),
    ("Marlin aims to drill-test the gold target this summer.", "body", "exploration"),
    ("Marlin is exploring for lithium at its Kestrel claims in Nevada.", "body", "exploration"),
    ("Marlin Metals halted production at its Kestrel smelter after a fire.", "body", "supply_disruption"),
    ("Fenwick banned exports of bauxite from January.", "body", "export_restriction"),
    ("Fenwick introduced an export licensing system for graphite in August.", "body", "export_restriction"),
    ("Cobalt prices rebounded 3% to $24,000 a tonne on Friday.", "body", "price_movement"),
    ("Production at Kestrel is due to start in 2027.", "body", "project_milestone"),
    ("Fenwick signed a trade deal with Norland on Monday.", "body", "cooperation_agreement"),
    ("Marlin seeks to invest $5 million in the Kestrel plant.", "body", "investment"),
    ("Marlin will invest $40 million to expand the Kestrel smelter.", "body", "investment"),
    ("Marlin Metals reduced output at its Kestrel smelter after a fire.", "body", "supply_disruption"),
    ("Copper output reached 41,000 tonnes in the March quarter.", "body", "production_output"),
    ("Marlin said today that the third concentrator at Kestrel has reached commercial production.", "body",
     "project_milestone"),
    # a two-word "joint venture" is a cooperation noun like "partnership"
    ("Marlin Metals and Kestrel Power formed a joint venture to build a nickel refinery in Nevada.", "body",
     "cooperation_agreement"),
    # a share price or a metal price that tripled moved
    ("Marlin Metals watched its share price triple over two years.", "body", "stock_movement"),
    ("Tungsten prices have tripled since January to $600 per tonne unit.", "body", "price_movement"),
    ("Tungsten firms as Fenwick curbs supply", "title", "price_movement"),
    # a stake held is still reported as an investment (the real-news convention)
    ("Marlin runs the Kestrel venture, with Marlin holding a 60% stake in it.", "body", "investment"),
])
def test_senses_beside_them_still_fire(nlp, text, zone, event_type):
    assert event_type in types_of(nlp, text, zone=zone)


# --- event recall, seventh session (issue 12): kinds of wording the dev half's missed events share ---

@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    # a court ruling, and a judge upholding an approval, are regulation
    ("The takeover awaits a favourable court ruling in Norland, with a hearing due on May 3.",
     "regulation", "ruling"),
    ("A district judge on Friday upheld the state's approval of the Kestrel copper mine.", "regulation", "approval"),
    ("The appeals court overturned the permit on Tuesday, the company said.", "regulation", "overturned"),
    ("Fenwick's environment agency gave the Kestrel project its approval on Friday.", "regulation", "approval"),
    # a plant beginning to operate, becoming fully operational, ramping up, reaching steady state or nameplate
    ("A new cobalt refinery will begin operating in Ohio within three years, Marlin said.", "project_milestone",
     "begin operating"),
    ("Marlin expects the Kestrel plant to be fully operational by 2027.", "project_milestone", "operational"),
    ("Marlin is ramping up output at the Kestrel mine with two new crushers.", "project_milestone", "ramping up"),
    ("Marlin wants the Kestrel plant to reach steady-state production by December.", "project_milestone",
     "steady-state"),
    ("The Kestrel smelter reached nameplate capacity in May, Marlin said.", "project_milestone",
     "nameplate capacity"),
    # a deposit holding a tonnage of ore, and reserves totalling pounds or ounces, are resource statements
    ("The Kestrel deposit hosts 120 million tonnes of ore with an average grade of 1.2% nickel.",
     "resource_estimate", "tonnes of ore"),
    ("Together their reserves would total 40bn pounds of copper and 9m ounces of gold.", "resource_estimate",
     "reserves"),
    # a law passed that restricts exports is the regulation as well as the restriction (docs/annotation.md)
    ("Norland's assembly on Tuesday passed an amended law that limits exports of graphite concentrate.",
     "regulation", "law"),
    ("Norland's assembly on Tuesday passed an amended law that limits exports of graphite concentrate.",
     "export_restriction", "limits"),
    # a public or indigenous consultation on a rule or contract is a step of regulation
    ("The new royalty rates follow proposals floated in a public consultation last month.", "regulation",
     "consultation"),
    # a government's push to grow the nation's output is a policy
    ("The deal follows the Fenwick administration's attempt to boost domestic production of critical minerals.",
     "policy_strategy", "to boost"),
    ("Norland's president wants to increase the country's copper output to 3 million tons a year by 2032.",
     "policy_strategy", "to increase"),
    # weather that stops work or shipments, and trade or output that came to a standstill, are disruptions
    ("Monsoon rains slowed ore shipments from the Kestrel port in July.", "supply_disruption", "Monsoon"),
    ("Gallium exports came to a brief standstill soon after the curbs took effect in August.", "supply_disruption",
     "came to a brief standstill"),
    # a country's share of world output is an output record even in the present tense (rule key "state")
    ("Fenwick produces 98% of global germanium, according to the survey.", "production_output", "produces"),
    ("Fenwick is the top graphite miner, providing 60 per cent of global supplies of flake.",
     "production_output", "providing"),
    # a stake held is an investment by its holder, even told in the present (docs/annotation.md)
    ("Marlin Metals holds a 30% interest in the Halden project.", "investment", "interest"),
    ("Kestrel Resources has a 45 per cent shareholding in the smelter.", "investment", "shareholding"),
    ("Marlin Metals owns 70% of Kestrel Mining, and Fenwick Holdings holds the rest.", "investment", "owns"),
    # a share of world output told from the producer's side: where it comes from, where it is made
    ("Close to 85 per cent of the world's tungsten comes from Fenwick, the survey shows.", "production_output", "comes"),
    ("Roughly 70% of the indium is refined in Norland.", "production_output", "refined"),
    # a rally in share prices is a share move, not a metal price
    ("Coal miners such as Kestrel Coal saw a rally in share prices after the royalty news.", "stock_movement",
     "rally"),
    # a sentence that opens with a quotation mark still reports what it says
    ("“The known reserves at Kestrel are put at 80 million tonnes,” Marlin's chief executive said.",
     "resource_estimate", "reserves"),
])
def test_recall_wordings_fire(nlp, text, event_type, trigger):
    assert (event_type, trigger) in {(found, words) for found, words, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "absent"), [
    # a ruling class or a judgment call is no court decision
    ("The ruling party won a majority in the vote on Sunday.", "regulation"),
    # operational costs, and output figures "once fully operational", describe; no milestone
    ("Operational costs at the Kestrel mine rose 5% in the quarter.", "project_milestone"),
    ("The plant will make 30,000 t of cobalt a year once fully operational.", "project_milestone"),
    # ramping up pressure or purchases is no plant milestone
    ("Fenwick will ramp up pressure on miners to build smelters at home.", "project_milestone"),
    # a ramp-up told in an adverbial clause explains the output figure of the main clause
    ("Zinc output rose 4% to 9,000 t as Marlin and Kestrel ramped up production at new mines.", "project_milestone"),
    # a company's plan to grow output is no national policy, even when a minister speaks of it
    ("Marlin plans to boost production at Kestrel, the minister said.", "policy_strategy"),
    ("Supply fears have led to growing calls by lawmakers for new mines.", "policy_strategy"),
    # weather named as a time ("the year before the storm") or a season stops no supply
    ("Marlin mined 5.9 million tonnes at Kestrel in its last full year before the storm.", "supply_disruption"),
    ("The rainy season begins in May near the Kestrel mine.", "supply_disruption"),
    # a share of the world's reserves is no output
    ("Fenwick accounts for over 60% of world reserves.", "production_output"),
    # controlling a share of a supply chain is dominance, not output
    ("Fenwick and Norland together hold 90% of the world's antimony supply chain.", "production_output"),
    # a share in a plain present description still needs a world or market share to be output
    ("Fenwick supplies 90% of the cobalt its neighbour uses.", "production_output"),
    # a share that comes from a source with no world or global supply named is money or a remark, not output; a
    # share processed at a plant names no producer's share of the world; controlling a share of world capacity or
    # production is dominance, which the dev gold annotates in 2 articles and leaves out in 4
    # holding a share of reserves or of the world is no stake; an interest rate is no interest held
    ("Marlin Metals holds 5% of the world's cobalt reserves.", "investment"),
    ("Interest rates rose 0.5% while Kestrel Resources has an interest in lower costs.", "investment"),
    # a step taken in the national (or public, or shareholders' best) interest is a reason, not a stake
    ("Norland halted exports of raw cobalt ore last month. \"The state expects the backing of the industry on this "
     "step that was taken in the national interest,\" the ministry said.", "investment"),
    ("Most of the funding came from Norland's pension fund.", "production_output"),
    ("Half of the ore is processed at the Kestrel plant.", "production_output"),
    ("Norland controls about 90% of global graphite anode output.", "production_output"),
    # consulting with someone is how a plan was made, not a rule-making step; nor is a consultation that names
    # no rule, change or contract (it is a step of the plan told before it)
    ("A public consultation will open in the spring.", "regulation"),
    ("The plan was drawn up in consultation with local communities in 2024.", "regulation"),
    ("Coal miners such as Kestrel Coal saw a rally in share prices after the royalty news.", "price_movement"),
    # ore that was mined or processed is output, not a resource
    ("The plant processed 1.2 million tonnes of feed ore at an average grade of 1.1% copper in 2024.",
     "resource_estimate"),
])
def test_recall_wordings_guards(nlp, text, absent):
    assert absent not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "zone", "absent"), [
    # a higher royalty or tax rate is a levy changed, not a metal price moving
    ("Fenwick announced an increase in the royalty rates paid by cobalt and tin miners.", "body", "price_movement"),
    # "enough to produce" measures an amount; nothing was produced
    ("The contracted volume is enough to produce 12,000 tonnes of nickel sulphate a year.", "body",
     "production_output"),
    # talks that ended in a signed agreement, or a contract that was negotiated, report the agreement
    ("After talks held in Oslo between the two premiers, four agreements were signed.", "body", "negotiation"),
    ("Marlin said it had concluded negotiations with Kestrel on a second offtake.", "body", "negotiation"),
    ("The supply contract, which was negotiated over many months, was signed on Friday.", "body", "negotiation"),
    # talking to a news agency is speaking to the press
    ("Talking to the news agency, the district officer said cobalt was also found.", "body", "negotiation"),
    # a startup is a young company, not a plant starting up
    ("A venture-backed mining startup, Marlin Metals plans to spend $90 million in Peru.", "body",
     "project_milestone"),
    # buying into a fund is no loan
    ("Three investors are investing in a battery metals fund, lifting its capital to $900 million.", "body",
     "financing"),
    # a fund named in a headline is an investor, not funding
    ("Norland's Sovereign Wealth Fund Buys Stake in Cobalt Mine", "title", "financing"),
    # a judge backing an approval lends nothing
    ("Judge backs federal approval of huge Fenwick lithium mine", "title", "financing"),
    # a headline firm is a company; an export slump or a stockpile is no price
    ("Fenwick blocks purchase of nickel mine by Norland-linked firm", "title", "price_movement"),
    ("Norland's export slump ripples across tin markets", "title", "price_movement"),
    ("Budget raised to increase cobalt stockpile to 60 days", "title", "price_movement"),
    ("Export ban means Norland firms will have to build cobalt plants in Fenwick", "title", "price_movement"),
    ("Fenwick revokes nine lithium permits from Kestrel, a Norland firm", "title", "price_movement"),
    # "extends" a suspension or a ban moves no price
    ("Fenwick extends suspension of cobalt exports by two months", "title", "price_movement"),
    # divesting an investment undoes it
    ("The order requires Kestrel Holdings to divest its investment in Marlin Lithium.", "body", "investment"),
    # an institution named by what it does: an investment fund, board or minister is no investment
    ("The levy will pay for the president's plans, which include a new state investment fund.", "body", "investment"),
    ("Marlin was blocked after advice from the foreign investment board.", "body", "investment"),
    ("Two days later, the Coordinating Energy and Investment Minister Tom Reed declared a ban on ore exports.",
     "body", "investment"),
    # a decision or a ban brought forward or delayed is no project schedule
    ("The abrupt step has brought forward a decision made earlier to halt its cobalt shipments in May.", "body",
     "project_milestone"),
    ("Fenwick delayed the vote on the nickel royalty until June.", "body", "project_milestone"),
    # what financing costs is no financing
    ("The total estimated cost excludes financing charges.", "body", "financing"),
    # a plant's or a project's plans are no public strategy
    ("Smelter plans herald nickel jobs boom for Fenwick", "title", "policy_strategy"),
    ("Marlin lodged plans with the state's environmental regulator last week, seeking leave to clear land for a plant.",
     "body", "policy_strategy"),
    ("The head of the state-run miner said the consortium's two extraction plans will produce 20,000 tonnes of "
     "lithium a year.", "body", "policy_strategy"),
    # a proposal for a rule is no deal offered
    ("Kestrel Mining Ltd, the biggest cobalt producer in Fenwick, has backed a proposal to implement quotas.", "body",
     "negotiation"),
    # commercial discussions are talks, not a start of commercial output
    ("The pact may also see Kestrel and Marlin commence commercial discussions on a stake in the Fenwick project.",
     "body", "project_milestone"),
    # momentum toward commercial production is not yet production
    ("If all goes well, Marlin expects to build momentum toward commercial production at the Kestrel mine.", "body",
     "project_milestone"),
    # an earlier deal is history told for contrast
    ("Unlike previous deals the miner signed with the state, the new smelter will be paid for by the army.", "body",
     "cooperation_agreement"),
])
def test_other_senses_of_planning_proposal_and_history_words_report_nothing(nlp, text, zone, absent):
    assert absent not in types_of(nlp, text, zone=zone)


@pytest.mark.parametrize(("text", "zone", "event_type"), [
    ("Fenwick's cobalt prices rose after the royalty was raised, to $30,000 a tonne.", "body", "price_movement"),
    ("Marlin produced 12,000 tonnes of nickel sulphate in 2024.", "body", "production_output"),
    ("Marlin is in talks with Kestrel on a second offtake.", "body", "negotiation"),
    ("Marlin said the start-up of the Kestrel plant is due in May.", "body", "project_milestone"),
    ("Cobalt extends gains as Fenwick curbs supply", "title", "price_movement"),
    ("Lithium prices firm", "title", "price_movement"),
    ("Tungsten firms as Fenwick curbs supply", "title", "price_movement"),
    ("Tin prices slump as Norland exports fall", "title", "price_movement"),
    ("Marlin will invest $40 million in the Kestrel lithium project.", "body", "investment"),
    ("Marlin moved forward first production at Kestrel to May.", "body", "project_milestone"),
    ("Fenwick plans to postpone new royalty charges on nickel until prices recover.", "body", "regulation"),
    ("Nickel prices fell 4% to $15,200 a tonne on Monday.", "body", "price_movement"),
    ("The federal government unveiled plans to stockpile cobalt on Monday.", "body", "policy_strategy"),
    ("Kestrel Mining Ltd has made a proposal to buy Marlin Metals for $90 million.", "body", "negotiation"),
    ("Marlin began commercial production at the Kestrel mine in May.", "body", "project_milestone"),
    ("Marlin signed an agreement with Kestrel on Monday to develop the Fenwick mine.", "body", "cooperation_agreement"),
])
def test_reporting_senses_beside_those_words_still_fire(nlp, text, zone, event_type):
    assert event_type in types_of(nlp, text, zone=zone)


def test_a_decline_in_shipment_volume_is_no_price_move(nlp):
    events = events_of(nlp, "Higher nickel prices more than offset a steep decline in shipment volume last quarter.")
    assert ("price_movement", "decline") not in {(event_type, trigger) for event_type, trigger, _ in events}


@pytest.mark.parametrize(("text", "trigger"), [
    ("For cobalt ore, the royalty rate will rise from the current 8% to a tiered rate of 11% to 15%.", "royalty"),
    ("The flat 5% extraction tax (ET) rate in force in 2022 rose to 8% in 2024.", "tax"),
    ("The mineral extraction tax was raised from 5% to 8% for 2024.", "tax"),
])
def test_a_royalty_or_tax_rate_change_is_regulation_not_a_price(nlp, text, trigger):
    events = {(event_type, found) for event_type, found, _ in events_of(nlp, text)}
    assert ("regulation", trigger) in events
    assert "price_movement" not in {event_type for event_type, _ in events}


@pytest.mark.parametrize("text", [
    "Marlin Metals' effective tax rate rose to 31% in 2024 from 28%.",
    "The project has a post-tax IRR of 24% and a royalty of 3% on net smelter returns.",
])
def test_a_company_tax_rate_or_study_figure_is_no_regulation(nlp, text):
    assert "regulation" not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Fenwick and Kestrel signed an agreement to build a refinery with a capacity of 200,000 tonnes of nickel per year.",
     "capacity of"),
    ("The sale equals one-quarter of the mine's start-up production capacity of about 400,000 t/y.", "capacity of"),
    ("Marlin Metals said the new plant would process 9,000 tonnes of cobalt sulphate annually.", "process"),
    ("Marlin plans to process up to 250 metric tons per year of terbium into metal.", "process"),
])
def test_a_plant_capacity_or_yearly_throughput_is_output(nlp, text, trigger):
    assert ("production_output", trigger) in {(event_type, found) for event_type, found, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Marlin will process the permit application for 9,000 tonnes of ore within a year.",
    "The study assumes a plant capacity of 30,000 tonnes a year and an NPV of $400 million.",
])
def test_throughput_words_without_a_plant_rate_report_no_output(nlp, text):
    assert "production_output" not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Kestrel Cobalt will sell its hydroxide output under a five-year deal with the trader Marlin Group.",
     "under a five-year deal"),
    ("Marlin will ship ore under a long-term contract with Kestrel.", "under a long-term contract"),
])
def test_selling_under_a_deal_is_a_supply_agreement_in_any_tense(nlp, text, trigger):
    assert ("supply_agreement", trigger) in {(event_type, found) for event_type, found, _ in events_of(nlp, text)}


def test_buying_shares_under_a_deal_is_no_supply_agreement(nlp):
    assert "supply_agreement" not in types_of(nlp, "Kestrel will buy Marlin's shares under a deal agreed in May.")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Fenwick's smelter lobby has formally requested that ministers postpone the new cobalt royalty "
     "until prices recover.", "requested"),
    ("Marlin confirmed the smaller ore quota and said it would seek a revision.", "seek"),
    ("The miners' group asked the government to rethink the royalty increase.", "asked"),
])
def test_asking_a_government_to_change_a_rule_is_negotiation(nlp, text, trigger):
    assert ("negotiation", trigger) in {(event_type, found) for event_type, found, _ in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "When asked whether the company would delay the project, the chief executive declined to comment.",
    "Fenwick urged miners to postpone new projects.",
    "Marlin will seek a judicial review of the permit decision in court.",
])
def test_questions_calls_and_court_reviews_are_no_negotiation(nlp, text):
    assert "negotiation" not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Marlin cannot afford a pay rise because cobalt prices are at their lowest level in eight years.", "lowest"),
    ("Workers knew cobalt prices have been the lowest they have been in history.", "lowest"),
    ("Cobalt prices hit a six-year low on Monday.", "year low"),
    ("Nickel prices touched record highs in March.", "record highs"),
])
def test_prices_at_a_record_or_many_year_extreme_are_a_price_movement(nlp, text, trigger):
    assert ("price_movement", trigger) in {(event_type, found) for event_type, found, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Marlin shares fell to a six-year low after the nickel price slide.", "year low"),
    ("Cobalt output reached its highest level in a decade as prices rose.", "highest"),
    ("The highest grade intercept came from hole 12, where prices of drilling rose.", "highest"),
])
def test_record_levels_of_shares_output_or_grades_are_no_price_movement(nlp, text, trigger):
    assert ("price_movement", trigger) not in {(event_type, found) for event_type, found, _ in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "trigger"), [
    ("The new Marlin plant will be funded entirely by Norland's energy ministry.", "funded entirely by"),
    ("The deal's cash part is to be financed by Kestrel Bank and Norland Capital.", "financed by"),
    ("Last year, Marlin reached an agreement with the Department of Energy to split the cost of expanding a cobalt "
     "refinery in Reno.", "split the cost"),
])
def test_paid_for_by_a_named_party_is_financing(nlp, text, trigger):
    assert ("financing", trigger) in {(event_type, found) for event_type, found, _ in events_of(nlp, text)}


def test_funded_from_own_cash_flow_is_no_financing(nlp):
    assert "financing" not in types_of(nlp, "The project will be funded by cash flow from the Kestrel mine, Marlin said.")


def test_operations_expected_to_resume_are_a_milestone(nlp):
    text = "Port operations and export sales were expected to resume in the third quarter of fiscal 2025."
    assert ("project_milestone", "resume") in {(event_type, found) for event_type, found, _ in events_of(nlp, text)}


def test_trading_or_talks_that_resume_are_no_milestone(nlp):
    assert "project_milestone" not in types_of(nlp, "Trading in Marlin shares will resume on Monday.")
    assert "project_milestone" not in types_of(nlp, "Talks between Marlin and the union over mining pay will resume.")


@pytest.mark.parametrize("text", [
    "Kestrel shelved the smelter in 2019 when copper prices dropped.",
    "The review expects heavier royalties on cobalt miners as market prices for the metal increase.",
    "Marlin cut its hiring plans because nickel prices fell.",
    "Marlin said its decision was driven by a steep drop in nickel prices and a glut in the market.",
    "Earnings fell mainly due to the fall in world tantalum prices.",
    "Kestrel is well placed to benefit from firmer cobalt prices, the chief executive said.",
])
def test_a_price_move_explaining_another_clause_is_no_price_event(nlp, text):
    assert "price_movement" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Marlin cut output at Kestrel as nickel prices fell 12% to $15,000 a tonne.",
    "Cobalt prices rose 4% on Monday.",
    "Metals such as cobalt rose 3% to $30,000 a tonne on Monday.",
    "Kestrel's earnings rose due to a 12% jump in tantalum prices to $150 a kilogram.",
])
def test_a_price_move_with_its_own_figure_still_fires(nlp, text):
    assert "price_movement" in types_of(nlp, text)


def test_an_advance_payment_is_no_price_move(nlp):
    text = "Marlin may ask for an advance payment before each shipment at the agreed price of $20,000 a tonne."
    assert "price_movement" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Marlin is collaborating with several lenders to secure funds for the plant.",
    "Fenwick also cooperates with Norland on nuclear power.",
    "Working with Norland aligns with the goals of the Fenwick government.",
])
def test_a_cooperation_going_on_is_no_agreement(nlp, text):
    assert "cooperation_agreement" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Marlin partnered with Kestrel to build a cobalt refinery.",
    "Marlin is partnering with Kestrel from March 2026 to build a cobalt refinery.",
])
def test_a_cooperation_entered_or_dated_still_fires(nlp, text):
    assert "cooperation_agreement" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Earlier defaults tied to loans from the Fenwick Export Bank need waivers from the bank.",
    "Marlin held $20M in collateral related to loans to the Kestrel project, due for release in May 2026.",
    "Marlin urgently needs the cash to repay loans that fell due in November.",
])
def test_a_loan_referred_to_or_repaid_is_no_financing(nlp, text):
    assert "financing" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Marlin obtained a $40 million loan from Kestrel Bank to build the plant.",
    "Kestrel Bank agreed to lend Marlin $40 million for the plant.",
])
def test_a_loan_made_still_is_financing(nlp, text):
    assert "financing" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Fenwick remains an attractive destination for foreign direct investment, the minister said on Thursday.",
    "The state remained a key investment destination for Marlin in 2024, the company said.",
])
def test_a_place_called_a_destination_for_investment_is_no_investment(nlp, text):
    assert "investment" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Marlin says its Kestrel refinery will be the first cobalt sulphate production plant in Fenwick.",
    "Marlin started output in May, making it the first plant to produce gallium in Norland.",
])
def test_a_ranking_claim_is_no_first_production(nlp, text):
    assert ("project_milestone", "first") not in {(t, w) for t, w, _ in events_of(nlp, text)}


def test_a_first_production_still_is_a_milestone(nlp):
    text = "Marlin poured its first gold at Kestrel in May."
    assert ("project_milestone", "first") in {(t, w) for t, w, _ in events_of(nlp, text)}



@pytest.mark.parametrize(("text", "absent"), [
    ("The loan, which could top $1 billion, would be the largest-ever loan given to a miner by the agency.", "financing"),
    ("The outlay, which could top $1 billion, would be the largest-ever loan awarded by the agency to any miner.",
     "financing"),
    ("The Kestrel mine, one of Fenwick's biggest single investments in Africa, will produce 15 million pounds a year.",
     "investment"),
])
def test_a_superlative_said_of_another_thing_is_no_new_event(nlp, text, absent):
    assert absent not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    ("Marlin made its biggest investment yet, $40 million in the Kestrel mine, in May.", "investment"),
    ("Kestrel Bank granted Marlin a $40 million loan, the largest in its history.", "financing"),
])
def test_a_superlative_on_the_reported_act_still_fires(nlp, text, event_type):
    assert event_type in types_of(nlp, text)


def test_per_rule_matchers_find_what_one_matcher_over_the_block_finds(nlp):
    """Trigger patterns run per rule id on short windows: the same pattern hits as one Matcher of every pattern."""
    component = nlp.get_pipe("orewire_events")
    irregular = component.words.irregular_forms
    combined = Matcher(nlp.vocab)
    for rule in component.rules.values():
        if not (len(rule.pattern) == 1 and rule.pattern[0].op is None):
            combined.add(rule.id, compile_pattern(rule.pattern, irregular=irregular))
    texts = [text for text, _, _ in POSITIVES] + [
        "The miner signed a binding offtake deal and later agreed to acquire a stake in the refinery.",
        "Output was halted after a strike, and the ministry put a ban on exports of bauxite.",
    ]
    multi_token = 0
    for text in texts:
        doc = make_block_doc(nlp, text)
        index = DocIndex(doc, doc.text)
        hits = {hit for hit in component.matcher(doc, index) if hit[0] in combined}
        strings = nlp.vocab.strings
        assert hits == {(strings[key], start, end) for key, start, end in combined(doc)}
        multi_token += sum(end - start > 1 for _, start, end in hits)
    assert multi_token > 0


@pytest.mark.parametrize("text", [
    "Two weeks after the new licence rules, overseas prices for medium and heavy rare earths have surged rapidly.",
    "Cobalt prices in Fenwick doubled within twelve months.",
    "The price of tantalum, which Kestrel sells to capacitor makers, has tripled since March.",
    "The spot price of cobalt maintained at a fairly firm level over the summer.",
])
def test_a_move_verb_whose_subject_is_prices_is_a_price_move_however_far_apart(nlp, text):
    assert "price_movement" in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    ("Marlin's share price doubled after the drill results.", "price_movement"),
    ("Output at the Halden plant doubled in the second quarter.", "price_movement"),
])
def test_a_move_verb_whose_subject_is_no_commodity_price_is_no_price_move(nlp, text, event_type):
    assert event_type not in types_of(nlp, text)


def test_a_price_high_since_a_past_year_does_not_date_the_move_into_the_past(nlp):
    text = "In the last year cobalt prices doubled to $30,000 a tonne, a level not seen since 2010."
    assert "price_movement" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Marlin said the output cuts will be enacted over two years.",
    "The net present value is $2 billion before tax credits enacted by the Fenwick Clean Energy Act.",
])
def test_enacting_cuts_or_a_credit_described_by_its_law_is_no_regulation(nlp, text):
    assert "regulation" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The Fenwick parliament enacted a new mining law on Monday.",
    "In 2024 Chile enacted a broad nationalisation of its copper sector.",
])
def test_enacting_a_law_or_measure_is_a_regulation(nlp, text):
    assert "regulation" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Marlin said miners are trimming overheads and lowering capex spending to survive the downturn.",
    "Engineers are checking the storm damage at the port to set a timetable and the capital costs of repairs.",
])
def test_a_cost_word_without_a_figure_is_no_study_result(nlp, text):
    assert "feasibility_study" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Capex for the Halden plant is estimated at US$250 million.",
    "The study puts capital costs at A$410 million and the payback at four years.",
])
def test_a_cost_word_with_a_figure_is_a_study_result(nlp, text):
    assert "feasibility_study" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The head of the Fenwick Nickel Forum said that while miners support the government's royalty initiative, "
    "the timing is wrong.",
    "Fenwick's cabinet will set aside 20 billion crowns to support the industry's efforts to find new cobalt "
    "suppliers.",
    "Norland's president sharpened his criticism of Fenwick's mineral policies on Friday.",
])
def test_a_policy_supported_or_criticised_by_another_party_is_no_new_policy(nlp, text):
    assert "policy_strategy" not in types_of(nlp, text)


def test_a_policy_launched_still_is_a_policy(nlp):
    text = "The European Commission launched a policy initiative to support recycling on Monday."
    assert "policy_strategy" in types_of(nlp, text)


def test_every_pattern_rule_is_a_window_candidate_by_its_rarest_mandatory_word(nlp):
    """The window index lists each pattern under every word its rarest mandatory token can be, so no window that
    can match a pattern skips its rule's Matcher."""
    matcher = nlp.get_pipe("orewire_events").matcher
    assert matcher.required
    for rule_id, patterns in matcher.required.items():
        for number, pattern in enumerate(patterns):
            rarest = min(pattern, key=len, default=None)
            key = (rule_id, number)
            assert rarest is None and key in matcher.always or all(key in matcher.by_word[word] for word in rarest)


@pytest.mark.parametrize("text", [
    "Further sales contracts would cover the rest of the Halden plant's planned initial output of 250 000 t/y of "
    "lithium concentrate.",
    "The Kestrel plant would grow in 20,000-tonne stages to reach output of 80,000 tonnes a year of cathode material.",
])
def test_a_milestone_word_taking_a_rate_is_one_output_record(nlp, text):
    found = [event_type for event_type, _, _ in events_of(nlp, text)]
    assert found.count("production_output") == 1
    assert "project_milestone" not in found


@pytest.mark.parametrize("text", [
    "Marlin Metals expects first production at the Halden plant in the third quarter.",
    "Marlin Metals made its first shipment of 10,000 t of spodumene in May.",
    "Building runs from 2027 to 2028, with first production of about 4,000 t of nickel salts a year targeted for 2029.",
])
def test_a_milestone_without_a_rate_or_with_a_date_stays_a_milestone(nlp, text):
    assert any(event_type == "project_milestone" and ("first" in trigger or "production" in trigger)
               for event_type, trigger, _ in events_of(nlp, text))


@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    ("Terbium has climbed 19% since January, traders said.", "price_movement", "climbed"),
    ("Cobalt slipped 3% to $24,500 a tonne on Friday.", "price_movement", "slipped"),
    ("Kestrel Copper reported lower copper production for the first half of 2025.", "production_output", "reported"),
    ("Bolivia's junta announced the nationalisation of the Huanuni tin mine in May.", "merger_acquisition",
     "nationalisation"),
    ("Marlin Vanadium said it was slowing down production at its Halden plant to save cash.", "supply_disruption",
     "slowing down"),
    ("The president is expected to sign the minerals bill into law next month.", "regulation", "into law"),
    ("Japan will raise its stockpiles of rare earths to 180 days of use.", "policy_strategy", "stockpiles"),
    ("Marlin Group, owner of the Halden tungsten mine, is weighing a sale of the asset.", "merger_acquisition", "sale"),
    ("Kestrel agreed to sell its stake in the Halden nickel smelter to a local partner.", "merger_acquisition", "sell"),
])
def test_wordings_seen_on_unseen_outlets_are_events(nlp, text, event_type, trigger):
    assert any(found == event_type and trigger in found_trigger for found, found_trigger, _ in events_of(nlp, text))


@pytest.mark.parametrize(("text", "event_type"), [
    ("Lithium demand rose 20% last year as battery makers expanded.", "price_movement"),
    ("Cobalt output climbed 12% to 30,000 tonnes in the quarter.", "price_movement"),
    ("Kestrel reported lower costs for the first half of 2025.", "production_output"),
    ("Kestrel sold 12,000 tonnes of concentrate to buyers in China.", "merger_acquisition"),
    ("The sale of concentrate to Chinese smelters rose 10% in May.", "merger_acquisition"),
    ("China's economy is slowing down as demand for steel weakens.", "supply_disruption"),
    ("The mine's ore stockpiles in Chile grew to 2 million tonnes.", "policy_strategy"),
])
def test_near_misses_of_those_wordings_are_not_those_events(nlp, text, event_type):
    assert event_type not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Kestrel's Halden project was granted Major Project Status by Canberra in May.", "Status"),
    ("Marlin said the Fenwick government approved Major Project Status for the refinery.", "Status"),
    ("Kestrel obtained a 25-year mining licence from the Fenwick government in 2021.", "obtained"),
    ("Officials in Washington said on Monday they would fast-track permits for a dozen copper mines.", "fast-track"),
    ("The ministry will expedite approvals for new lithium refineries from March.", "expedite"),
    ("The Mexican government allowed Marlin Silver to restart mining on May 23.", "allowed"),
    ("The move follows the imposition of higher royalties by Zimbabwe in 2024.", "royalties"),
])
def test_a_state_granting_or_speeding_approvals_is_regulation(nlp, text, trigger):
    assert any(found == "regulation" and trigger in found_trigger for found, found_trigger, _ in events_of(nlp, text))


@pytest.mark.parametrize("text", [
    "The status of the Halden project is unchanged since May.",
    "Shareholders approved the change to Marlin's listing status.",
    # a licence a company still expects to obtain is its own milestone (the seeds' gold), not yet the state's act
    "Kestrel expects to obtain its mining licence from the Fenwick agency by the end of 2027.",
    "The new leaching process allows Kestrel to recover more copper.",
    "Canberra allowed exports of the ore to resume in May.",
    "Brasilia circulated a draft plan to fast-track licences for clay projects.",
])
def test_status_and_allowing_without_a_state_grant_are_not_regulation(nlp, text):
    assert "regulation" not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Kestrel said talks with two Japanese buyers over an offtake were at an advanced stage.", "supply_agreement"),
    ("Chile and Peru began negotiations on a joint venture for lithium.", "cooperation_agreement"),
])
def test_a_deal_that_talks_are_about_is_only_the_talks(nlp, text, absent):
    found = types_of(nlp, text)
    assert "negotiation" in found and absent not in found


@pytest.mark.parametrize(("text", "trigger"), [
    ("The Halden mine went into administration in March 2019, its lenders said.", "administration"),
    ("Marlin Vanadium has placed its main operating unit into business rescue, it said on Friday.", "business rescue"),
    ("Kestrel Tungsten appointed administrators on Tuesday after its lenders refused more money.", "administrators"),
    ("Marlin Nickel filed for Chapter 11 protection in Delaware in May.", "Chapter 11"),
    ("The smelter's owner went into receivership last week.", "receivership"),
])
def test_an_insolvency_is_a_supply_disruption(nlp, text, trigger):
    assert any(found == "supply_disruption" and trigger in found_trigger
               for found, found_trigger, _ in events_of(nlp, text))


@pytest.mark.parametrize("text", [
    "The Trump administration said on Monday it would review the Halden mine.",
    "The new owner helped the miner avoid bankruptcy in 2019.",
])
def test_an_administration_or_an_avoided_bankruptcy_is_no_disruption(nlp, text):
    assert "supply_disruption" not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    ("The rebel group took control of two towns near the Halden mine last week.", "merger_acquisition"),
    ("Work on merging the two plants will start after closure of the transaction in May.", "supply_disruption"),
])
def test_control_of_towns_and_the_closure_of_a_deal_are_not_those_events(nlp, text, event_type):
    assert event_type not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "event_type"), [
    ("Beijing has imposed export restraints on tungsten and molybdenum since May.", "export_restriction"),
    ("Kestrel's nickel output plunged 40% to 12,000 tonnes in the March quarter.", "production_output"),
])
def test_more_words_for_restraints_and_output_moves(nlp, text, event_type):
    assert event_type in types_of(nlp, text)


def test_a_verbless_headline_move_of_prices_is_a_price_movement(nlp):
    assert "price_movement" in types_of(nlp, "Cobalt prices up over 50% since February as supply tightens",
                                        zone="title")


def test_a_percent_move_to_a_tonnage_is_no_price_movement(nlp):
    assert "price_movement" not in types_of(nlp, "Zinc climbed 4% to 98,150 mt from 94,375 mt in May.")


def test_churning_out_a_tonnage_is_an_output_figure(nlp):
    assert "production_output" in types_of(nlp, "Chile's copper mines churned out 5.3 million tonnes in 2024.")


@pytest.mark.parametrize("text", [
    "Kestrel Metals Corp has signed a ten-year agreement with Norland Power to provide it with enriched uranium.",
    "Marlin Cathodes Ltd said it has inked a deal worth 2.5 billion dollars ($1.9 billion) to supply nickel cathode "
    "to Vexa Batteries for the next five years.",
])
def test_a_deal_to_supply_is_a_supply_agreement_however_far_the_verb(nlp, text):
    assert "supply_agreement" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The two firms signed an agreement to cooperate on graphite recycling.",
    "Kestrel signed an agreement to provide a loan of $20 million to Vexa.",
    "Kestrel signed a deal worth $50 million with Vexa Holdings to sell its 40% stake in the Marlin mine.",
])
def test_a_deal_for_another_purpose_is_no_supply_agreement(nlp, text):
    assert "supply_agreement" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Kestrel has agreed a 30-year lease agreement with the port authority, with an option to buy the land.",
    "Kestrel signed an exclusivity agreement with Norland Bank while the lender studies the refinery.",
    "The mines ministry expects to sign non-disclosure agreements with two Andean states next month.",
])
def test_a_lease_exclusivity_or_secrecy_agreement_is_no_cooperation_agreement(nlp, text):
    assert "cooperation_agreement" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Tungsten prices have shot up since March of this year, mainly because of Chinese quotas.",
    "Platinum prices have shot up 12% in 2021 on supply worries.",
])
def test_prices_that_shot_up_moved(nlp, text):
    assert ("price_movement", "shot up") in {(t, trigger) for t, trigger, _ in events_of(nlp, text)}


def test_a_share_price_that_shot_up_is_a_stock_move(nlp):
    text = "Kestrel Minerals share price shot up to 52 cents on Tuesday morning."
    found = {(t, trigger) for t, trigger, _ in events_of(nlp, text)}
    assert ("stock_movement", "shot up") in found
    assert "price_movement" not in {t for t, _ in found}
    assert types_of(nlp, "Its output shot up to 4,100 tons last year.") == {"production_output"}


@pytest.mark.parametrize(("text", "expected"), [
    # a deal between a union and a mine's managers ends a stoppage: no cooperation between parties of the industry
    ("The 20-day strike ends in agreement at Kestrel's Fenwick smelter.", set()),
    ("The walkout at the Fenwick smelter stopped after the union reached an agreement with Kestrel Metals.", set()),
    ("Kestrel Metals signed a two-year wage agreement with its miners on Friday.", set()),
    # talks that could not produce a deal took place: a negotiation, as for talks that failed
    ("Union leaders and Kestrel managers were unable to reach an agreement on Monday night to end the walkout.",
     {"negotiation"}),
])
def test_a_labour_deal_or_one_out_of_reach_is_no_cooperation_agreement(nlp, text, expected):
    found = set(types_of(nlp, text))
    assert "cooperation_agreement" not in found
    assert expected <= found


def test_a_deal_struck_between_companies_is_still_a_cooperation_agreement(nlp):
    assert "cooperation_agreement" in types_of(nlp, "Kestrel Metals struck an agreement with Norland Mining to "
                                                     "develop the Fenwick deposit together.")


@pytest.mark.parametrize(("text", "disrupted"), [
    # a state halting what it buys is a trade measure, as a halt of exports is: no stoppage of supply
    ("Fishers struggle with Norland's suspension of imports of Fenwick seafood.", False),
    ("Norland announced a suspension on imports of Kestrel steel, citing dumping.", False),
    ("Kestrel Metals declared a suspension of operations at its Fenwick smelter after a fire.", True),
])
def test_a_halt_of_imports_is_no_supply_disruption(nlp, text, disrupted):
    assert ("supply_disruption" in types_of(nlp, text)) is disrupted


@pytest.mark.parametrize(("text", "disrupted"), [
    # what is short is people or manufactured goods, no commodity: no supply disruption
    ("Construction costs rose because of contractor shortages and delays at the Kestrel camp.", False),
    ("The Fenwick plant faced a shortage of skilled workers last year.", False),
    ("Car makers warned of semiconductor shortages in March.", False),
    # a shortage of a commodity is one
    ("Fenwick's smelters have faced a shortage of nickel ore for months, cutting output.", True),
    ("A gallium shortage hit Fenwick's chip makers in May.", True),
])
def test_a_shortage_of_people_or_goods_is_no_supply_disruption(nlp, text, disrupted):
    assert ("supply_disruption" in types_of(nlp, text)) is disrupted


@pytest.mark.parametrize(("text", "ruled"), [
    # a ruling a party seeks has not been given
    ("In the arbitration, Fenwick Rare Earths has requested a separate ruling from the panel on whether the act applies.",
     False),
    ("The arbitration tribunal issued a ruling on Monday in favour of Fenwick Rare Earths.", True),
])
def test_a_court_ruling_sought_is_no_regulation(nlp, text, ruled):
    assert ("regulation" in types_of(nlp, text)) is ruled
@pytest.mark.parametrize("text", [
    "Marlin Metals is also developing a nickel mine in Fenwick.",
    "Further north a larger lithium plant is being built by Kestrel Resources at a cost of A$500 million.",
    "Kestrel Resources is constructing a second-phase refinery that will add 20,000 tonnes of capacity.",
])
def test_site_being_built_is_a_milestone(nlp, text):
    assert "project_milestone" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Marlin, which is developing the Oban project, also owns two tin licences.",
    "Marlin is developing a new strategy for its marketing team.",
])
def test_development_in_a_description_or_of_no_site_is_no_milestone(nlp, text):
    assert "project_milestone" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "US-based Kestrel Corporation also produces germanium at its smelter in Utah.",
    "Today Kestrel Metals extracts nickel, cobalt and zinc at the Oban mine.",
    "Peru also produces tin.",
])
def test_standing_production_of_a_commodity_is_output(nlp, text):
    assert "production_output" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The Oban mine will no longer produce nickel from October.",
    "Kestrel Metals, which produces germanium in Utah, hired a new chief executive.",
    "Following repairs to the furnace, first antimony has been produced at the Oban plant.",
    "Kestrel Metals is able to produce battery-grade lithium at its pilot plant.",
])
def test_production_negated_described_or_first_is_no_standing_output(nlp, text):
    assert ("production_output", "produce") not in {(t, w[:7]) for t, w, _ in events_of(nlp, text)}


def test_supplies_from_a_country_that_fell_are_its_output(nlp):
    text = "Tungsten supplies from Vietnam to Japan fell by about 30% in the first half, customs data showed."
    assert ("production_output", "supplies from") in {(t, w) for t, w, _ in events_of(nlp, text)}
    assert ("agent", "Vietnam") in parties_of(nlp, text, "production_output")


def test_supplies_from_a_country_beside_a_price_move_are_no_output(nlp):
    text = "Cobalt prices fell about 4 per cent to US$33,000/t this week as shipments from Zambia resumed after a strike."
    assert "production_output" not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "moved"), [
    # a company named as the subject of a move by a percentage is its share price (market-report style)
    ("Marlin Resources, a cobalt producer, fell 3.1% in Sydney.", True),
    ("Smaller explorers Kestrel Metals and Ostra Mining rose 14.2% and 6.5% on Tuesday.", True),
    # what moved is the company's output, an index, or a price: no share move
    ("Marlin Resources said its cobalt output rose 12% in the quarter.", False),
    ("The Nasdaq Composite index rose 1.2% on Tuesday.", False),
    ("Marlin Resources rose to second place among cobalt producers.", False),
])
def test_a_company_moving_by_a_percentage_is_a_share_move(nlp, text, moved):
    assert ("stock_movement" in types_of(nlp, text)) is moved


@pytest.mark.parametrize(("text", "output"), [
    # a country's reliance on imports says who it buys from, not what it produced
    ("Norland is 100% import reliant on gallium and has produced none since 1990.", False),
    ("Norland remains dependent on imports for 80% of its cobalt.", False),
    ("Norland's cobalt imports rose 12% to 9,000 tonnes in 2024.", True),
])
def test_import_reliance_is_no_output(nlp, text, output):
    assert ("production_output" in types_of(nlp, text)) is output


@pytest.mark.parametrize(("text", "policy"), [
    # a state's aim to grow something concrete is a strategy; to strengthen "its position" is a generic aim
    ("The government wants to strengthen its standing while new projects advance.", False),
    ("The government plans to boost rare earth stockpiles, the ministry said on Monday.", True),
])
def test_a_national_growth_aim_needs_a_concrete_object(nlp, text, policy):
    assert ("policy_strategy" in types_of(nlp, text)) is policy


def test_extending_a_rally_is_no_export_curb(nlp):
    text = ("Marlin stock and shares of other cobalt miners jumped again on Monday, extending last week's rally after "
            "Zambia tightened export controls on the metal.")
    triggers = [trigger for event_type, trigger, _ in events_of(nlp, text) if event_type == "export_restriction"]
    assert "extending" not in triggers and "tightened" in triggers


def test_a_tonnage_of_output_is_the_sentence_figure_even_with_last_year(nlp):
    # "last year" marks background phrases, but the output noun measured by the tonnage is what the sentence reports
    text = ("Zambia, currently the third largest cobalt producer after Congo and Indonesia, exceeded 10,000 metric "
            "tonnes of cobalt output last year for the first time.")
    assert "production_output" in types_of(nlp, text)


def test_an_act_dated_last_year_is_still_an_act(nlp):
    # "last year" dates the loan offer; it does not make the sentence background
    text = ("Marlin Metals had received a non-binding letter of interest from Nordbank for a loan of up to "
            "US$800 million, the company said in April last year.")
    assert "financing" in types_of(nlp, text)
