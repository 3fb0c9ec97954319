"""Entity rules on the full pipeline (model + stages): headlines, commodities, kept model groups,
capitals, ministries, towns, company names, datelines and formulas."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.schema.labels import ENTITY_CANDIDATE_GROUP, MODEL_DATE_GROUP, MODEL_NUMERIC_GROUP

SPEC_LABELS = {"ORG", "PERSON", "GPE", "LOC", "NORP", "COMMODITY", "FACILITY", "LAW"}


def entities(doc):
    return [(e.text, e.label_, e._.orewire_entity["normalized"], e._.orewire_entity["kb_id"]) for e in doc.ents]


def test_headline_case_does_not_make_an_org(nlp):
    doc = make_block_doc(nlp, "Vietnam Passes Rare Earth Export Ban", zone="title")
    assert [(e.text, e.label_) for e in doc.ents] == [("Vietnam", "GPE"), ("Rare Earth", "COMMODITY")]


def test_title_case_line_in_body_is_treated_as_headline(nlp):
    text = "Overseas Rare Earth Roundup for the Week: Vietnam Moved to Keep Raw Ore at Home"
    labels = {e.label_ for e in make_block_doc(nlp, text, zone="body").ents}
    assert labels <= {"GPE", "COMMODITY"}


def test_commodity_entity_carries_commodity_info(nlp):
    doc = make_block_doc(nlp, "Dysprosium oxide edged up while Pr-Nd alloy held.")
    assert [e._.orewire_entity["commodity"] for e in doc.ents] == [
        {"name": "dysprosium oxide", "elements": ["Dy"], "form": "oxide"},
        {"name": "Pr-Nd alloy", "elements": ["Pr", "Nd"], "form": "alloy"},
    ]


def test_model_numeric_and_date_entities_are_kept_for_later_stages(nlp):
    doc = make_block_doc(nlp, "On December 11, 2025, Vietnam said it holds 3.5 million mt, about 94% of supply.")
    assert [s.text for s in doc.spans[MODEL_DATE_GROUP]] == ["December 11, 2025"]
    assert len(doc.spans[MODEL_NUMERIC_GROUP]) >= 1
    assert {e.label_ for e in doc.ents} <= SPEC_LABELS


def test_rule_hits_go_to_the_candidate_group(nlp):
    doc = make_block_doc(nlp, "Lynas shipped rare earth oxide from Western Australia.")
    assert {(s.text, s.label_) for s in doc.spans[ENTITY_CANDIDATE_GROUP]} >= {
        ("Lynas", "ORG"),
        ("rare earth oxide", "COMMODITY"),
        ("Western Australia", "GPE"),
    }


def test_no_entity_crosses_a_line_break_and_section_numbers_stay_out(nlp):
    doc = make_block_doc(nlp, "II. Capital Markets\nUSA Rare Earth\nMinistry of Mines", zone="heading")
    assert all("\n" not in e.text for e in doc.ents)
    assert all(not e.text.startswith(("I.", "II")) for e in doc.ents)


def test_leading_the_and_possessive_are_stripped(nlp):
    doc = make_block_doc(nlp, "The United States's output grew, and the Philippines' too.")
    assert [e.text for e in doc.ents] == ["United States", "Philippines"]


def test_stage_without_block_context(nlp):
    doc = nlp("Albemarle sells lithium hydroxide in Chile.")
    assert entities(doc) == [
        ("Albemarle", "ORG", "Albemarle", None),
        ("lithium hydroxide", "COMMODITY", "lithium hydroxide", None),
        ("Chile", "GPE", "Chile", "CL"),
    ]


def test_extractor_emits_no_entities_from_boilerplate(extractor):
    text = (
        "Vietnam Bans Rare Earth Ore Exports\n\nPublished: Dec 12, 2025 16:05\n\nVietnam banned exports.\n\n"
        "Data Source Statement: figures were compiled by Orewire from Lynas disclosures.\n"
    )
    records = [r for r in extractor.extract(text, doc_id="x") if r.type == "entity"]
    assert records and all(r.zone != "boilerplate" for r in records)
    assert all(text[r.start : r.end] == r.text for r in records)


def test_series_tag_in_brackets_yields_no_entities(nlp):
    doc = make_block_doc(nlp, "Pr-Nd Oxide Extends Gains [Orewire China Rare Earth Prices]", zone="title")
    assert entities(doc) == [("Pr-Nd Oxide", "COMMODITY", "Pr-Nd oxide", None)]


def test_all_caps_dateline_places(nlp):
    doc = make_block_doc(nlp, "NEW DELHI/TOKYO - India and Japan moved.", zone="body")
    assert entities(doc)[:2] == [("NEW DELHI", "GPE", "New Delhi", "IN-DL"), ("TOKYO", "GPE", "Tokyo", "JP-13")]


def test_coordinated_facility_names(nlp):
    doc = make_block_doc(nlp, "CMOC produced cobalt from its Tenke Fungurume and Kisanfu mines in 2025.")
    facilities = [e.text for e in doc.ents if e.label_ == "FACILITY"]
    assert facilities == ["Tenke Fungurume", "Kisanfu"]


def test_minister_portfolio_is_not_an_org(nlp):
    doc = make_block_doc(nlp, "Deputy Minister of International Trade and Industry Liew Chin Tong spoke on Monday.")
    assert [e.label_ for e in doc.ents] == ["PERSON"]


def test_commodity_normalized_equals_commodity_name(nlp):
    doc = make_block_doc(nlp, "Exports of rare earth oxides and Heavy Rare Earth rose.")
    assert [(e.text, e._.orewire_entity["normalized"], e._.orewire_entity["commodity"]["name"]) for e in doc.ents] == [
        ("rare earth oxides", "rare earth oxide", "rare earth oxide"),
        ("Heavy Rare Earth", "heavy rare earths", "heavy rare earths"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing said the rules were imposed by Brussels.", [("Beijing", "China", "CN"), ("Brussels", "European Union", "EU")]),
        ("Washington has responded with subsidies.", [("Washington", "United States", "US")]),
        ("It is a sign of Washington's interest.", [("Washington", "United States", "US")]),
        ("It is part of Brussels’ effort to cut imports.", [("Brussels", "European Union", "EU")]),
        ("India moved, with New Delhi launching a plan.", [("India", "India", "IN"), ("New Delhi", "India", "IN")]),
        ("The company opened an office in Tokyo last year.", [("Tokyo", "Tokyo", "JP-13")]),
        ("The ministers met in Canberra on Monday.", [("Canberra", "Canberra", None)]),
        ("BRUSSELS - The bloc agreed.", [("BRUSSELS", "Brussels", "BE-BRU")]),
        ("Niamey revoked the licence of the uranium mine last week.", [("Niamey", "Niger", "NE")]),
        ("The miner opened an office in Maputo last year.", [("Maputo", "Maputo", "MZ-MPM")]),
    ],
)
def test_capital_metonymy_by_dependency(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [
        (e.text, e._.orewire_entity["normalized"], e._.orewire_entity["kb_id"]) for e in doc.ents if e.label_ == "GPE"
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brazil’s mines ministry has circulated a draft plan.",
            [("Brazil", "GPE", "Brazil"), ("mines ministry", "ORG", "Ministry of Mines and Energy")],
        ),
        ("The Indian mines ministry said so.", [("Indian", "NORP", "Indian"), ("mines ministry", "ORG", "Ministry of Mines")]),
        (
            "Chile's ministry of mining approved it.",
            [("Chile", "GPE", "Chile"), ("ministry of mining", "ORG", "Ministry of Mining")],
        ),
        ("It is in talks with the mines ministry over exports.", []),
        # sixteenth session: the "of" form names the body in lower case, as Indian copy writes it
        ("It is in talks with the ministry of mines over exports.", [("ministry of mines", "ORG", "Ministry of Mines")]),
        (
            "Grants come from the ministry of heavy industries this year.",
            [("ministry of heavy industries", "ORG", "Ministry of Heavy Industries")],
        ),
    ],
)
def test_functional_description_of_a_ministry_is_an_org(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [(e.text, e.label_, e._.orewire_entity["normalized"]) for e in doc.ents] == expected


def test_town_with_connector_after_a_locative_is_a_place(nlp):
    doc = make_block_doc(
        nlp, "A pilot plant at the company's test facility in Poços de Caldas, Minas Gerais, was commissioned last week."
    )
    assert [(e.text, e.label_, e._.orewire_entity["kb_id"]) for e in doc.ents] == [
        ("Poços de Caldas", "GPE", None),
        ("Minas Gerais", "GPE", "BR-MG"),
    ]


def test_name_after_a_bearing_and_of_before_a_state_is_a_place(nlp):
    doc = make_block_doc(nlp, "The company halted construction on its cobalt mine west of Salmon, Idaho.")
    assert ("Salmon", "GPE") in [(e.text, e.label_) for e in doc.ents]


def test_company_name_ending_in_a_country_keeps_the_country(nlp):
    doc = make_block_doc(nlp, "IREL is in talks with Toyotsu Rare Earths India, a unit of Japan's Toyota Tsusho.")
    assert ("Toyotsu Rare Earths India", "ORG") in [(e.text, e.label_) for e in doc.ents]
    assert "India" not in [e.text for e in doc.ents]


def test_column_title_is_not_a_commodity_mention(nlp):
    doc = make_block_doc(nlp, "Overseas Rare Earth Roundup for the Week: Vietnam Moved to Keep Raw Ore at Home.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Vietnam", "GPE")]
    doc = make_block_doc(nlp, "Rare Earth Prices Rise as Vietnam Bans Exports", zone="title")
    assert ("Rare Earth", "COMMODITY") in [(e.text, e.label_) for e in doc.ents]


def test_dateline_zone_yields_only_places(nlp):
    doc = make_block_doc(nlp, "Mar 3, 2026 | PERTH", zone="dateline")
    assert entities(doc) == [("PERTH", "GPE", "Perth", None)]


def test_capital_as_government_outside_literal_contexts(nlp):
    doc = make_block_doc(nlp, "Talks with Beijing stalled, and a London brokerage opened an office in Beijing.")
    assert [(e.text, e._.orewire_entity["normalized"], e._.orewire_entity["kb_id"]) for e in doc.ents] == [
        ("Beijing", "China", "CN"),
        ("London", "London", None),
        ("Beijing", "Beijing", "CN-BJ"),
    ]


def test_chemical_formulas_in_grade_context(nlp):
    doc = make_block_doc(nlp, "It grades 0.8% V2O5 and 450 ppm U3O8, with 1.1% Ni in FY2026.")
    assert [(e.text, e._.orewire_entity["commodity"]) for e in doc.ents if e.label_ == "COMMODITY"] == [
        ("V2O5", {"name": "V2O5", "elements": ["V"], "form": "oxide"}),
        ("U3O8", {"name": "U3O8", "elements": ["U"], "form": "oxide"}),
        ("Ni", {"name": "nickel", "elements": ["Ni"], "form": None}),
    ]


@pytest.mark.parametrize("name", [
    "Ministry of Land, Water and Forests",
    "Ministry of Economy, Trade and Industry",
    "Ministry of Fisheries, Ports, Transport and Tourism",
])
def test_ministry_named_by_a_comma_list_of_portfolios_is_one_body(blank_entities, name):
    doc = make_block_doc(blank_entities, f"Last week the {name} said it would review the licences.")
    assert [(e.text, e.label_) for e in doc.ents] == [(name, "ORG")]


def test_department_named_by_a_comma_list_of_portfolios_is_one_body(blank_entities):
    # the read dev half's comma lists after "Department of" all named one state department (nineteenth session)
    name = "Department of Mines, Water Regulation and Safety"
    doc = make_block_doc(blank_entities, f"Approval from the {name} (DMWRS) came in May.")
    assert (name, "ORG") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(("text", "document"), [
    ("On Monday the President signed an Executive Order (EO) on minerals.", "EO"),
    ('Gallium is on the "Strategic Metals List" the survey keeps.', "Strategic Metals List"),
    ("The cash comes from the Mineral Security Account and the Presidential Determinations.", "Presidential Determinations"),
])
def test_documents_and_their_acronyms_are_no_organisations(nlp, text, document):
    found = [(e.text, e.label_) for e in make_block_doc(nlp, text).ents]
    assert not any(label == "ORG" for _, label in found)
    assert (document, "ORG") not in found


@pytest.mark.parametrize(("text", "law"), [
    ("The agency began a review citing Section 232 of the 1962 Trade Expansion Act last spring.", "Section 232"),
    ("Section 301 tariffs on the metal stay in place.", "Section 301"),
])
def test_numbered_section_of_a_statute_is_a_law(blank_entities, text, law):
    assert (law, "LAW") in [(e.text, e.label_) for e in make_block_doc(blank_entities, text).ents]


def test_numbered_section_of_a_report_is_no_law(blank_entities):
    doc = make_block_doc(blank_entities, "Section 120 of the offtake deal sets the floor price.")
    assert not [e for e in doc.ents if e.label_ == "LAW"]


@pytest.mark.parametrize(("text", "region"), [
    ("Crews mapped the Kestrel Creek Mining District north of the town.", "Kestrel Creek Mining District"),
    ("The West Harlow Mineral District holds gold and antimony.", "West Harlow Mineral District"),
])
def test_mining_district_is_a_region(blank_entities, text, region):
    assert (region, "LOC") in [(e.text, e.label_) for e in make_block_doc(blank_entities, text).ents]
