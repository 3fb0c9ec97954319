"""Tests for the entity stage, its resources and the document-level linking pass."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.article.linking import find_abbreviations, link_entities
from pipeline.components.entities.stage import MODEL_DATE_GROUP, MODEL_NUMERIC_GROUP, EntityStage, merge_entities
from pipeline.resources.entities import CommodityParser, clean_name, load_commodities, load_gazetteer
from pipeline.schema.extensions import ENTITY_CANDIDATE_GROUP
from pipeline.schema.records import EntityRecord
from tests.conftest import make_block_doc

SPEC_LABELS = {"ORG", "PERSON", "GPE", "LOC", "NORP", "COMMODITY", "FACILITY", "LAW"}


def entities(doc):
    return [(e.text, e.label_, e._.orewire_entity["normalized"], e._.orewire_entity["kb_id"]) for e in doc.ents]


# (zone, text, every entity expected, in order)
TRICKY_CASES = [
    (
        "title",
        "Vietnam Passes Rare Earth Export Ban",
        [("Vietnam", "GPE", "Vietnam", "VN"), ("Rare Earth", "COMMODITY", "rare earths", None)],
    ),
    (
        "heading",
        "Malaysia Seeks Tighter Federal-State Alignment on Rare Earths",
        [("Malaysia", "GPE", "Malaysia", "MY"), ("Rare Earths", "COMMODITY", "rare earths", None)],
    ),
    (
        "heading",
        "Tokyo Sets January Start for Deep-Sea Rare Earth Drilling",
        [("Tokyo", "GPE", "Japan", "JP"), ("Rare Earth", "COMMODITY", "rare earths", None)],
    ),
    ("heading", "Round Top Schedule Brought Forward to 2028", []),
    (
        "heading",
        "Tronox Lines Up Export Credit Support for Western Australia Refinery",
        [("Tronox", "ORG", "Tronox", None), ("Western Australia", "GPE", "Western Australia", "AU-WA")],
    ),
    ("heading", "Lynas Shares Give Back October Gains", [("Lynas", "ORG", "Lynas", None)]),
    (
        "heading",
        "Boliden Chief Urges Europe to Close Its Critical Minerals Gap",
        [("Boliden", "ORG", "Boliden", None), ("Europe", "LOC", "Europe", None)],
    ),
    ("heading", "India Weighs Stricter Auction Rules to Lift Mine Output", [("India", "GPE", "India", "IN")]),
    (
        "heading",
        "Washington and Canberra Commit $3 Billion to Joint Minerals Push",
        [("Washington", "GPE", "United States", "US"), ("Canberra", "GPE", "Australia", "AU")],
    ),
    ("heading", "I. Asia Region Dynamics", [("Asia", "LOC", "Asia", None)]),
    (
        "title",
        "Cobalt Hydroxide Climbs as Congo Quotas Bite and Strike Halts Lualaba Mine",
        [
            ("Cobalt Hydroxide", "COMMODITY", "cobalt hydroxide", None),
            ("Congo", "GPE", "Democratic Republic of the Congo", "CD"),
            ("Lualaba", "GPE", "Lualaba", "CD-LU"),
        ],
    ),
    (
        "title",
        "US Agency DFC Takes 19.9% Stake in Goiás Ionic Clay Rare Earth Developer",
        [
            ("US", "GPE", "United States", "US"),
            ("DFC", "ORG", "U.S. International Development Finance Corporation", None),
            ("Goiás", "GPE", "Goiás", "BR-GO"),
            ("Ionic Clay", "COMMODITY", "ionic clay", None),
            ("Rare Earth", "COMMODITY", "rare earths", None),
        ],
    ),
    (
        "title",
        "EU Adds 19 Strategic Projects Under Critical Raw Materials Act, Signs Kazakhstan Roadmap",
        [
            ("EU", "GPE", "European Union", "EU"),
            ("Critical Raw Materials Act", "LAW", "Critical Raw Materials Act", None),
            ("Kazakhstan", "GPE", "Kazakhstan", "KZ"),
        ],
    ),
    (
        "title",
        "Karratha Lithium Lifts December Quarter Shipments",
        [("Karratha Lithium", "ORG", "Karratha Lithium", None)],
    ),
    (
        "title",
        "Pr-Nd Oxide Extends Gains as Southern Separation Plants Trim Output",
        [("Pr-Nd Oxide", "COMMODITY", "Pr-Nd oxide", None)],
    ),
    (
        "title",
        "China Tightens Grip on Gallium and Germanium Mining as US Export Ban Stays Suspended",
        [
            ("China", "GPE", "China", "CN"),
            ("Gallium", "COMMODITY", "gallium", None),
            ("Germanium", "COMMODITY", "germanium", None),
            ("US", "GPE", "United States", "US"),
        ],
    ),
    (
        "heading",
        "Malaysia, France Advance Rare Earth Processing Pact",
        [
            ("Malaysia", "GPE", "Malaysia", "MY"),
            ("France", "GPE", "France", "FR"),
            ("Rare Earth", "COMMODITY", "rare earths", None),
        ],
    ),
    (
        "heading",
        "Brazil Drafts Rare Earth Plan for Ionic Clays",
        [
            ("Brazil", "GPE", "Brazil", "BR"),
            ("Rare Earth", "COMMODITY", "rare earths", None),
            ("Ionic Clays", "COMMODITY", "ionic clay", None),
        ],
    ),
    (
        "body",
        "On December 11, Vietnam's National Assembly voted through a revised Law on Geology and Minerals.",
        [
            ("Vietnam", "GPE", "Vietnam", "VN"),
            ("National Assembly", "ORG", "National Assembly", None),
            ("Law on Geology and Minerals", "LAW", "Law on Geology and Minerals", None),
        ],
    ),
    (
        "body",
        "REAlloys, a U.S. magnet maker, agreed to buy from the Saskatchewan Research Council (SRC).",
        [
            ("REAlloys", "ORG", "REAlloys", None),
            ("U.S.", "GPE", "United States", "US"),
            ("Saskatchewan Research Council", "ORG", "Saskatchewan Research Council", None),
            ("SRC", "ORG", "SRC", None),
        ],
    ),
    (
        "body",
        "Yearly targets cover Pr-Nd alloy (400 mt), dysprosium oxide (30 mt) and terbium oxide (15 mt).",
        [
            ("Pr-Nd alloy", "COMMODITY", "Pr-Nd alloy", None),
            ("dysprosium oxide", "COMMODITY", "dysprosium oxide", None),
            ("terbium oxide", "COMMODITY", "terbium oxide", None),
        ],
    ),
    (
        "body",
        "Tronox secured financing from the US Export-Import Bank and Export Finance Australia.",
        [
            ("Tronox", "ORG", "Tronox", None),
            ("US Export-Import Bank", "ORG", "Export-Import Bank of the United States", None),
            ("Export Finance Australia", "ORG", "Export Finance Australia", None),
        ],
    ),
    (
        "body",
        "USA Rare Earth expects to commercialize its Round Top heavy rare earth deposit in Texas in 2028.",
        [
            ("USA Rare Earth", "ORG", "USA Rare Earth", None),
            ("Round Top", "FACILITY", "Round Top", None),
            ("heavy rare earth", "COMMODITY", "heavy rare earths", None),
            ("Texas", "GPE", "Texas", "US-TX"),
        ],
    ),
    (
        "body",
        "Namibia Critical Metals published a study for its Lofdal heavy rare earth project.",
        [
            ("Namibia Critical Metals", "ORG", "Namibia Critical Metals", None),
            ("Lofdal", "FACILITY", "Lofdal", None),
            ("heavy rare earth", "COMMODITY", "heavy rare earths", None),
        ],
    ),
    (
        "body",
        "The plant is designed to turn out mixed rare earth carbonate.",
        [("mixed rare earth carbonate", "COMMODITY", "mixed rare earth carbonate", None)],
    ),
    (
        "body",
        "The United States and Australia plan to invest jointly, the U.S. Department of War said.",
        [
            ("United States", "GPE", "United States", "US"),
            ("Australia", "GPE", "Australia", "AU"),
            ("U.S. Department of War", "ORG", "United States Department of War", None),
        ],
    ),
    (
        "body",
        "Khazanah, Malaysia's sovereign wealth fund, could team up with a Chinese group.",
        [
            ("Khazanah", "ORG", "Khazanah", None),
            ("Malaysia", "GPE", "Malaysia", "MY"),
            ("Chinese", "NORP", "Chinese", "CN"),
        ],
    ),
    (
        "body",
        "Karratha Lithium Ltd shipped 48,200 dmt of spodumene concentrate from its Pilbara operation.",
        [
            ("Karratha Lithium Ltd", "ORG", "Karratha Lithium Ltd", None),
            ("spodumene concentrate", "COMMODITY", "spodumene concentrate", None),
            ("Pilbara", "LOC", "Pilbara", None),
        ],
    ),
    (
        "body",
        "Laurentian Graphite Inc. said Export Development Canada (EDC) will lend it money for its Lac Rouge graphite project in Quebec.",  # noqa: E501
        [
            ("Laurentian Graphite Inc.", "ORG", "Laurentian Graphite Inc.", None),
            ("Export Development Canada", "ORG", "Export Development Canada", None),
            ("EDC", "ORG", "Export Development Canada", None),
            ("Lac Rouge", "FACILITY", "Lac Rouge", None),
            ("graphite", "COMMODITY", "graphite", None),
            ("Quebec", "GPE", "Quebec", "CA-QC"),
        ],
    ),
    (
        "body",
        "China's State Council designated gallium, germanium and antimony as strategic mineral resources.",
        [
            ("China", "GPE", "China", "CN"),
            ("State Council", "ORG", "State Council", None),
            ("gallium", "COMMODITY", "gallium", None),
            ("germanium", "COMMODITY", "germanium", None),
            ("antimony", "COMMODITY", "antimony", None),
        ],
    ),
    (
        "body",
        "The Ministry of Commerce (MOFCOM) required exporters to obtain licences.",
        [
            ("Ministry of Commerce", "ORG", "Ministry of Commerce", None),
            ("MOFCOM", "ORG", "Ministry of Commerce", None),
        ],
    ),
    (
        "body",
        "The Critical Raw Materials Act, formally Regulation (EU) 2024/1252, entered into force.",
        [
            ("Critical Raw Materials Act", "LAW", "Critical Raw Materials Act", None),
            ("Regulation (EU) 2024/1252", "LAW", "Regulation (EU) 2024/1252", None),
        ],
    ),
    (
        "body",
        "Sweden's Mining Inspectorate granted a concession for the Norra Kärr rare earth deposit in Jönköping County.",
        [
            ("Sweden", "GPE", "Sweden", "SE"),
            ("Mining Inspectorate", "ORG", "Mining Inspectorate", None),
            ("Norra Kärr", "FACILITY", "Norra Kärr", None),
            ("rare earth", "COMMODITY", "rare earths", None),
            ("Jönköping County", "GPE", "Jönköping County", "SE-F"),
        ],
    ),
    (
        "body",
        "A strike shut a copper-cobalt mine in the Democratic Republic of the Congo.",
        [
            ("copper-cobalt", "COMMODITY", "copper-cobalt", None),
            ("Democratic Republic of the Congo", "GPE", "Democratic Republic of the Congo", "CD"),
        ],
    ),
    (
        "body",
        "Workers at the Lwambo mine in Lualaba province walked out on Monday.",
        [("Lwambo", "FACILITY", "Lwambo", None), ("Lualaba", "GPE", "Lualaba", "CD-LU")],
    ),
    (
        "body",
        "London-listed Kafue Metals plc reported a discovery at its Mwambashi project on the Copperbelt.",
        [
            ("London", "GPE", "London", None),
            ("Kafue Metals plc", "ORG", "Kafue Metals plc", None),
            ("Mwambashi", "FACILITY", "Mwambashi", None),
            ("Copperbelt", "LOC", "Copperbelt", None),
        ],
    ),
    (
        "body",
        "The DFC will invest in Cerrado, the developer of the Morro Alto ionic clay rare earth project in Goiás, Brazil.",  # noqa: E501
        [
            ("DFC", "ORG", "U.S. International Development Finance Corporation", None),
            ("Cerrado", "ORG", "Cerrado", None),
            ("Morro Alto", "FACILITY", "Morro Alto", None),
            ("ionic clay", "COMMODITY", "ionic clay", None),
            ("rare earth", "COMMODITY", "rare earths", None),
            ("Goiás", "GPE", "Goiás", "BR-GO"),
            ("Brazil", "GPE", "Brazil", "BR"),
        ],
    ),
    (
        "body",
        "Chinese wolframite concentrate prices rose, and ammonium paratungstate (APT) climbed.",
        [
            ("Chinese", "NORP", "Chinese", "CN"),
            ("wolframite concentrate", "COMMODITY", "wolframite concentrate", None),
            ("ammonium paratungstate", "COMMODITY", "ammonium paratungstate", None),
            ("APT", "COMMODITY", "APT", None),
        ],
    ),
    (
        "body",
        "An Indonesian nickel smelter at the Morowali industrial park in Central Sulawesi produced nickel pig iron.",
        [
            ("Indonesian", "NORP", "Indonesian", "ID"),
            ("nickel", "COMMODITY", "nickel", None),
            ("Morowali", "FACILITY", "Morowali", None),
            ("Central Sulawesi", "GPE", "Central Sulawesi", "ID-ST"),
            ("nickel pig iron", "COMMODITY", "nickel pig iron", None),
        ],
    ),
    (
        "body",
        "Kuruman Manganese Ltd said drilling at its Tsineng project in South Africa's Northern Cape went well.",
        [
            ("Kuruman Manganese Ltd", "ORG", "Kuruman Manganese Ltd", None),
            ("Tsineng", "FACILITY", "Tsineng", None),
            ("South Africa", "GPE", "South Africa", "ZA"),
            ("Northern Cape", "GPE", "Northern Cape", "ZA-NC"),
        ],
    ),
    (
        "body",
        "Greenbush Chemicals will supply battery-grade lithium hydroxide from its Kwinana refinery in Western Australia.",  # noqa: E501
        [
            ("Greenbush Chemicals", "ORG", "Greenbush Chemicals", None),
            ("lithium hydroxide", "COMMODITY", "lithium hydroxide", None),
            ("Kwinana", "FACILITY", "Kwinana", None),
            ("Western Australia", "GPE", "Western Australia", "AU-WA"),
        ],
    ),
    (
        "body",
        "Traders cited lithium-ion battery demand in the USA and the UK.",
        [("USA", "GPE", "United States", "US"), ("UK", "GPE", "United Kingdom", "GB")],
    ),
    (
        "body",
        "Feedstock from Myanmar's Kachin State remained tight, as did supply from the DRC.",
        [
            ("Myanmar", "GPE", "Myanmar", "MM"),
            ("Kachin State", "GPE", "Kachin", "MM-11"),
            ("DRC", "GPE", "Democratic Republic of the Congo", "CD"),
        ],
    ),
    (
        "body",
        "Lynas Corporation raised output. Lynas said demand was strong.",
        [("Lynas Corporation", "ORG", "Lynas Corporation", None), ("Lynas", "ORG", "Lynas", None)],
    ),
    (
        "body",
        "Sojitz and JOGMEC will invest in Japan Australia Rare Earths.",
        [
            ("Sojitz", "ORG", "Sojitz", None),
            ("JOGMEC", "ORG", "Japan Organization for Metals and Energy Security", None),
            ("Japan Australia Rare Earths", "ORG", "Japan Australia Rare Earths", None),
        ],
    ),
]


@pytest.mark.parametrize(("zone", "text", "expected"), TRICKY_CASES, ids=[c[1][:40] for c in TRICKY_CASES])
def test_tricky_headline_and_body_cases(nlp, zone, text, expected):
    assert entities(make_block_doc(nlp, text, zone=zone)) == expected


def test_headline_case_does_not_make_an_org(nlp):
    doc = make_block_doc(nlp, "Vietnam Passes Rare Earth Export Ban", zone="title")
    assert [(e.text, e.label_) for e in doc.ents] == [("Vietnam", "GPE"), ("Rare Earth", "COMMODITY")]


def test_title_case_line_in_body_is_treated_as_headline(nlp):
    text = "Overseas Rare Earth Roundup for the Week: Vietnam Moved to Keep Raw Ore at Home"
    labels = {e.label_ for e in make_block_doc(nlp, text, zone="body").ents}
    assert labels <= {"GPE", "COMMODITY"}


@pytest.mark.parametrize(
    ("surface", "normalized", "kb_id"),
    [
        ("US", "United States", "US"),
        ("U.S.", "United States", "US"),
        ("USA", "United States", "US"),
        ("United States", "United States", "US"),
        ("Texas", "Texas", "US-TX"),
        ("Western Australia", "Western Australia", "AU-WA"),
        ("Saskatchewan", "Saskatchewan", "CA-SK"),
        ("EU", "European Union", "EU"),
        ("Russian Federation", "Russia", "RU"),
        ("Viet Nam", "Vietnam", "VN"),
        ("DRC", "Democratic Republic of the Congo", "CD"),
        ("Central Sulawesi", "Central Sulawesi", "ID-ST"),
        ("Goias", "Goiás", "BR-GO"),
        ("Inner Mongolia", "Inner Mongolia", "CN-NM"),
    ],
)
def test_gazetteer_normalises_places(surface, normalized, kb_id):
    entry = load_gazetteer()[surface]
    assert (entry.normalized, entry.kb_id) == (normalized, kb_id)


@pytest.mark.parametrize(
    ("text", "name", "elements", "form"),
    [
        ("dysprosium oxide", "dysprosium oxide", ["Dy"], "oxide"),
        ("Pr-Nd alloy", "Pr-Nd alloy", ["Pr", "Nd"], "alloy"),
        ("rare earths", "rare earths", [], None),
        ("NdPr oxide", "NdPr oxide", ["Nd", "Pr"], "oxide"),
        ("Lithium Carbonate", "lithium carbonate", ["Li"], "carbonate"),
        ("spodumene concentrate", "spodumene concentrate", ["Li"], "concentrate"),
        ("copper-cobalt", "copper-cobalt", ["Cu", "Co"], None),
        ("mixed rare earth carbonate", "mixed rare earth carbonate", [], "carbonate"),
        ("cobalt hydroxide", "cobalt hydroxide", ["Co"], "hydroxide"),
        ("ammonium paratungstate", "ammonium paratungstate", ["W"], "paratungstate"),
        ("terbium oxide", "terbium oxide", ["Tb"], "oxide"),
    ],
)
def test_commodity_parser(text, name, elements, form):
    assert CommodityParser(load_commodities())(text) == {"name": name, "elements": elements, "form": form}


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


def test_clean_name():
    assert clean_name("the United States's") == "United States"
    assert clean_name("Brussels’") == "Brussels"


def test_stage_without_block_context(nlp):
    doc = nlp("Albemarle sells lithium hydroxide in Chile.")
    assert entities(doc) == [
        ("Albemarle", "ORG", "Albemarle", None),
        ("lithium hydroxide", "COMMODITY", "lithium hydroxide", None),
        ("Chile", "GPE", "Chile", "CL"),
    ]


def test_merge_keeps_model_name_that_contains_a_place(nlp):
    doc = nlp.make_doc("Export Finance Australia lends")
    rules = [Span(doc, 2, 3, label="GPE")]
    assert [(s.text, s.label_) for s in merge_entities(rules, [Span(doc, 0, 3, label="ORG")])] == [
        ("Export Finance Australia", "ORG")
    ]
    rule_org = [Span(doc, 0, 3, label="ORG")]
    assert [(s.text, s.label_) for s in merge_entities(rule_org, [Span(doc, 2, 4, label="GPE")])] == [
        ("Export Finance Australia", "ORG")
    ]


def _record(text, start, label="ORG", kb_id=None):
    return EntityRecord(
        id=f"d#entity:{start}-{start + len(text)}",
        doc_id="d",
        text=text,
        start=start,
        end=start + len(text),
        sentence=0,
        section=None,
        zone="body",
        label=label,
        normalized=text,
        kb_id=kb_id,
    )


def test_abbreviation_defined_in_article_resolves_later_mentions():
    text = "REAlloys buys from the Saskatchewan Research Council (SRC). SRC expects output."
    long = _record("Saskatchewan Research Council", text.index("Saskatchewan"))
    short = _record("SRC", text.rindex("SRC"))
    assert find_abbreviations([long, short], text) == {"SRC": long}
    linked = link_entities([long, short], text)
    assert linked[1].normalized == "Saskatchewan Research Council"
    assert linked[0] == long


def test_short_form_after_long_form_shares_normalized():
    text = "Lynas Corporation grew. Lynas said so. Karratha Lithium Ltd agreed; Karratha will pay."
    records = [
        _record("Lynas Corporation", 0),
        _record("Lynas", text.index("Lynas said")),
        _record("Karratha Lithium Ltd", text.index("Karratha Lithium")),
        _record("Karratha", text.rindex("Karratha"), label="GPE"),
    ]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [
        ("ORG", "Lynas Corporation"),
        ("ORG", "Lynas Corporation"),
        ("ORG", "Karratha Lithium Ltd"),
        ("ORG", "Karratha Lithium Ltd"),
    ]


def test_short_form_never_relabels_a_known_place():
    text = "Namibia Critical Metals said Namibia agreed."
    records = [_record("Namibia Critical Metals", 0), _record("Namibia", text.rindex("Namibia"), "GPE", kb_id="NA")]
    assert link_entities(records, text)[1].label == "GPE"


def test_mention_of_a_facility_name_takes_the_facility_label():
    text = "Workers at the Lwambo mine struck. Lwambo output fell."
    records = [_record("Lwambo", text.index("Lwambo"), "FACILITY"), _record("Lwambo", text.rindex("Lwambo"), "PERSON")]
    assert link_entities(records, text)[1].label == "FACILITY"


def test_extractor_emits_no_entities_from_boilerplate(extractor):
    text = (
        "Vietnam Bans Rare Earth Ore Exports\n\nPublished: Dec 12, 2025 16:05\n\nVietnam banned exports.\n\n"
        "Data Source Statement: figures were compiled by Orewire from Lynas disclosures.\n"
    )
    records = [r for r in extractor.extract(text, doc_id="x") if r.type == "entity"]
    assert records and all(r.zone != "boilerplate" for r in records)
    assert all(text[r.start : r.end] == r.text for r in records)


def test_stage_is_a_guarded_stage(nlp):
    assert isinstance(nlp.get_pipe("orewire_entities"), EntityStage)


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


# -- normalisation rules (adjudicated guide: docs/annotation.md) -------------------------------------------
@pytest.mark.parametrize(
    ("surface", "name", "form"),
    [
        ("rare earth", "rare earths", None),
        ("Rare Earth", "rare earths", None),
        ("Heavy Rare Earth", "heavy rare earths", None),
        ("light rare earth", "light rare earths", None),
        ("mixed rare earth", "mixed rare earths", None),
        ("rare earth oxides", "rare earth oxide", "oxide"),
        ("Rare Earth Ores", "rare earth ore", "ore"),
        ("rare earth compounds", "rare earth compound", "compound"),
        ("total rare earth oxides", "total rare earth oxide", "oxide"),
        ("Ionic Clays", "ionic clay", None),
        ("mixed carbonate", "mixed rare earth carbonate", "carbonate"),
        ("coated spherical purified graphite", "coated spherical purified graphite", None),
        ("Pr-Nd oxides", "Pr-Nd oxide", "oxide"),
    ],
)
def test_commodity_name_follows_one_canonical_rule(surface, name, form):
    info = CommodityParser(load_commodities())(surface)
    assert (info["name"], info["form"]) == (name, form)


def test_commodity_normalized_equals_commodity_name(nlp):
    doc = make_block_doc(nlp, "Exports of rare earth oxides and Heavy Rare Earth rose.")
    assert [(e.text, e._.orewire_entity["normalized"], e._.orewire_entity["commodity"]["name"]) for e in doc.ents] == [
        ("rare earth oxides", "rare earth oxide", "rare earth oxide"),
        ("Heavy Rare Earth", "heavy rare earths", "heavy rare earths"),
    ]


@pytest.mark.parametrize(
    ("surface", "kb_id"),
    [("Chinese", "CN"), ("European", "EU"), ("South Korean", "KR"), ("Congolese", "CD"), ("North American", None)],
)
def test_nationality_kb_id_is_the_country_code(surface, kb_id):
    entry = load_gazetteer()[surface]
    assert (entry.label, entry.normalized, entry.kb_id) == ("NORP", surface, kb_id)


def test_canonical_country_rows_do_not_rename_nationalities():
    gazetteer = load_gazetteer()
    assert (gazetteer["American"].normalized, gazetteer["US"].normalized) == ("American", "United States")


def test_capitals_table_codes_exist_in_pycountry():
    import pycountry

    from pipeline.resources.entities import CAPITALS_FILE, CapitalRow, load_capitals
    from pipeline.resources.files import load_jsonl

    rows = load_jsonl(CAPITALS_FILE, CapitalRow)
    capitals = load_capitals(load_gazetteer())
    for row in rows:
        assert row.id == "EU" or pycountry.countries.get(alpha_2=row.id) is not None
        if row.subdivision:
            assert pycountry.subdivisions.get(code=row.subdivision) is not None
        assert capitals[row.city].kb_id == row.id
    assert capitals["Brussels"].normalized == "European Union"


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
    ],
)
def test_capital_metonymy_by_dependency(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [
        (e.text, e._.orewire_entity["normalized"], e._.orewire_entity["kb_id"]) for e in doc.ents if e.label_ == "GPE"
    ] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("U.S. Department of War", "United States Department of War"),
        ("US Geological Survey", "United States Geological Survey"),
        ("U.S. International Development Finance Corporation", "U.S. International Development Finance Corporation"),
        ("USA Rare Earth", "USA Rare Earth"),
    ],
)
def test_country_prefix_of_federal_bodies_is_expanded(name, expected):
    from pipeline.components.entities.stage import expand_country_prefix

    assert expand_country_prefix(name) == expected


def test_gazetteer_never_expands_a_bare_short_company_name():
    gazetteer = load_gazetteer()
    assert (gazetteer["Lynas"].normalized, gazetteer["Khazanah"].normalized) == ("Lynas", "Khazanah")
    for surface, entry in gazetteer.items():
        if entry.label == "ORG":
            assert not entry.normalized.startswith(surface + " "), surface


def test_commodity_abbreviation_takes_the_long_form_and_commodity():
    text = "It makes total rare earth oxide (TREO) concentrate. Grades of TREO rose."
    parse = CommodityParser(load_commodities())
    long = _record("total rare earth oxide", text.index("total"), "COMMODITY").model_copy(
        update={"normalized": "total rare earth oxide", "commodity": parse("total rare earth oxide")}
    )
    short = _record("TREO", text.rindex("TREO"), "COMMODITY").model_copy(update={"commodity": parse("TREO")})
    linked = link_entities([long, short], text)
    assert (linked[1].normalized, linked[1].commodity["name"], linked[1].commodity["form"]) == (
        "total rare earth oxide",
        "total rare earth oxide",
        "oxide",
    )


def test_short_name_takes_the_longest_full_name_and_nationality_misfire_is_relabelled():
    text = "Laurentian Graphite Inc. said so. Laurentian Graphite agreed. Laurentian plans more."
    records = [
        _record("Laurentian Graphite Inc.", 0),
        _record("Laurentian Graphite", text.index("Laurentian Graphite agreed")),
        _record("Laurentian", text.rindex("Laurentian"), "NORP"),
    ]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [("ORG", "Laurentian Graphite Inc.")] * 3


def test_bare_body_word_takes_the_earlier_body():
    text = "The European Commission approved it. The Commission said so."
    records = [_record("European Commission", text.index("European")), _record("Commission", text.rindex("Commission"))]
    assert link_entities(records, text)[1].normalized == "European Commission"
    assert link_entities([records[1]], text)[0].normalized == "Commission"


def test_pattern_family_precheck_gives_the_matcher_output(nlp):
    from spacy.matcher import Matcher

    from pipeline.components.entities.stage import required_keywords
    from pipeline.resources.entities import load_token_patterns

    stage = nlp.get_pipe("orewire_entities")
    single = Matcher(nlp.vocab)
    for number, row in enumerate(load_token_patterns()):
        single.add(f"{row.label}|{row.id}|{number}", [row.pattern], greedy="LONGEST")
    for text in (
        "Karratha Lithium Ltd and Namibia Critical Metals signed under the Critical Raw Materials Act.",
        "The Ministry of Mines said the Lofdal project and the Round Top deposit advanced.",
        "Prices were flat on Monday.",
    ):
        doc = make_block_doc(nlp, text)
        assert sorted(stage._pattern_matches(doc)) == sorted(single(doc))
    assert required_keywords([{"ORTH": "Law"}, {"LOWER": "on"}]) == ("ORTH", frozenset({"Law"}))
    assert required_keywords([{"ORTH": {"IN": ["U.S."]}, "OP": "?"}, {"TEXT": {"REGEX": "x"}}]) is None


def _placed(text: str, start: int, label: str, zone: str, section: str | None, sentence: int) -> EntityRecord:
    return _record(text, start, label).model_copy(update={"zone": zone, "section": section, "sentence": sentence})


HEADLINE_ARTICLE = (
    "Round Top Update\n\n"
    "II. Deals in North America\n\n"
    "Round Top Schedule Brought Forward to 2028\n\n"
    "USA Rare Earth expects its Round Top deposit in Texas to start in 2028.\n\n"
    "Texas Explorer Eyes Round Top Expansion\n"
)


def _headline_article_records() -> list[EntityRecord]:
    text = HEADLINE_ARTICLE
    heading = "Round Top Schedule Brought Forward to 2028"
    return [
        _placed("North America", text.index("North America"), "LOC", "heading", "II. Deals in North America", 1),
        _placed("USA Rare Earth", text.index("USA Rare"), "ORG", "body", heading, 3),
        _placed("Round Top", text.index("Round Top deposit"), "FACILITY", "body", heading, 3),
        _placed("Texas", text.index("Texas to"), "GPE", "body", heading, 3),
        _placed("Texas", text.index("Texas Explorer"), "GPE", "heading", "Texas Explorer Eyes Round Top Expansion", 4),
    ]


def test_body_facility_name_is_found_on_heading_lines():
    text = HEADLINE_ARTICLE
    linked = link_entities(_headline_article_records(), text)
    added = [record for record in linked if record.text == "Round Top" and record.zone == "heading"]
    heading_start = text.index("Round Top Schedule")
    later_start = text.index("Round Top Expansion")
    assert [(r.id, r.start, r.end, r.label, r.normalized, r.section, r.sentence) for r in added] == [
        (
            f"d#entity:{heading_start}-{heading_start + 9}",
            heading_start,
            heading_start + 9,
            "FACILITY",
            "Round Top",
            "Round Top Schedule Brought Forward to 2028",
            2,
        ),
        (
            f"d#entity:{later_start}-{later_start + 9}",
            later_start,
            later_start + 9,
            "FACILITY",
            "Round Top",
            "Texas Explorer Eyes Round Top Expansion",
            4,
        ),
    ]
    # the first line has no record around it to give its zone/sentence: nothing is guessed there
    assert all(record.start != 0 for record in linked)
    assert [record.start for record in linked] == sorted(record.start for record in linked)
    spans = sorted((record.start, record.end) for record in linked)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


def test_headline_pass_never_overlaps_nor_matches_inside_words():
    text = "Lofdal Holdings Lofdals Rise\n\nNamibia Critical Metals owns Lofdal.\n"
    records = [
        _placed("Lofdal Holdings", 0, "ORG", "title", None, 0),
        _placed("Namibia Critical Metals", text.index("Namibia"), "ORG", "body", None, 1),
        _placed("Lofdal", text.rindex("Lofdal"), "FACILITY", "body", None, 1),
    ]
    assert [(r.text, r.start) for r in link_entities(records, text)] == [
        ("Lofdal Holdings", 0),
        ("Namibia Critical Metals", text.index("Namibia")),
        ("Lofdal", text.rindex("Lofdal")),
    ]


def test_heading_with_ambiguous_sentence_gets_no_guessed_record():
    records = _headline_article_records()
    # two sentences between the records around the heading: its own sentence index is not known
    shifted = [r.model_copy(update={"sentence": r.sentence + 1}) if r.zone == "body" else r for r in records]
    linked = link_entities(shifted, HEADLINE_ARTICLE)
    assert HEADLINE_ARTICLE.index("Round Top Schedule") not in {record.start for record in linked}


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


def test_company_name_ending_in_a_country_keeps_the_country(nlp):
    doc = make_block_doc(nlp, "IREL is in talks with Toyotsu Rare Earths India, a unit of Japan's Toyota Tsusho.")
    assert ("Toyotsu Rare Earths India", "ORG") in [(e.text, e.label_) for e in doc.ents]
    assert "India" not in [e.text for e in doc.ents]
    stage = nlp.get_pipe("orewire_entities")
    # the rule: the country closes the name, not a possessive or a further capitalised word
    for text, end in [
        ("Lynas Rare Earths Malaysia, a unit", 4),
        ("Lynas Rare Earths Malaysia's plant", 3),
        ("Lynas Rare Earths Malaysia Plant", 3),
        ("Iluka Resources South Africa.", 4),
    ]:
        assert stage._country_suffix_end(nlp.make_doc(text), 3 if "Rare" in text else 2) == end, text


def test_column_title_is_not_a_commodity_mention(nlp):
    doc = make_block_doc(nlp, "Overseas Rare Earth Roundup for the Week: Vietnam Moved to Keep Raw Ore at Home.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Vietnam", "GPE")]
    doc = make_block_doc(nlp, "Rare Earth Prices Rise as Vietnam Bans Exports", zone="title")
    assert ("Rare Earth", "COMMODITY") in [(e.text, e.label_) for e in doc.ents]


# Generalisation cases (invented names): company/project cues, datelines, units, formulas, capitals, long names.
GENERALISATION_CASES = [
    ("Shares in Korvana rose after Korvana shares hit a record.", [("Korvana", "ORG"), ("Korvana", "ORG")]),
    (
        "ASX-listed Brellic added two rigs, and explorer Tamsyn Gold followed.",
        [("ASX", "ORG"), ("Brellic", "ORG"), ("Tamsyn Gold", "ORG")],
    ),
    (
        "Work at the Quillon project resumed, and the Merrow deposit was expanded.",
        [("Quillon", "FACILITY"), ("Merrow", "FACILITY")],
    ),
    ("At Sollet, where drilling began in May, grades improved.", [("Sollet", "FACILITY")]),
    ("Mar 3, 2026", []),
    ("The plant will produce 2 Mtpa of ore and 30 ktpa of concentrate at 5,000 tpa.", []),
    ("The Inter-American Development Bank approved a loan.", [("Inter-American Development Bank", "ORG")]),
    (
        "The China Nonferrous Metals Industry Association said prices fell.",
        [("China Nonferrous Metals Industry Association", "ORG")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GENERALISATION_CASES, ids=[c[0][:40] for c in GENERALISATION_CASES])
def test_generalisation_cases(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [(e.text, e.label_) for e in doc.ents] == expected


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


def test_philippine_provinces_have_codes():
    gazetteer = load_gazetteer()
    assert (gazetteer["Surigao del Norte"].kb_id, gazetteer["Palawan"].kb_id) == ("PH-SUN", "PH-PLW")
