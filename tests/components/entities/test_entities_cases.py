"""Tables of real headline and body sentences with every entity expected (text, label, normalized,
kb_id), and invented-name generalisation cases, on the full pipeline."""

from __future__ import annotations

import pytest
from support import make_block_doc


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
    # issue 13: study and trade acronyms are no organisations; project names are facilities
    ("The study gives an NPV of A$2 billion, an IRR of 30% and FOB prices near targets.", []),
    ("Work on Project Ardwen resumed in spring.", [("Ardwen", "FACILITY")]),
    ("Permits for the Tolwick Project were granted.", [("Tolwick", "FACILITY")]),
    ("The Ministry of Trade and the customs agency met.", [("Ministry of Trade", "ORG")]),
    # material forms with their elements
    ("Wafers of indium gallium arsenide and tin telluride are made there.",
     [("indium gallium arsenide", "COMMODITY"), ("tin telluride", "COMMODITY")]),
    ("Buyers want coking coal and cobalt sulfate.", [("coking coal", "COMMODITY"), ("cobalt sulfate", "COMMODITY")]),
]


@pytest.mark.parametrize(("text", "expected"), GENERALISATION_CASES, ids=[c[0][:40] for c in GENERALISATION_CASES])
def test_generalisation_cases(nlp, text, expected):
    doc = make_block_doc(nlp, text)
    assert [(e.text, e.label_) for e in doc.ents] == expected
