"""Entity linking over an article's records: abbreviations, short forms, body words, facility names,
and body names found again on headline lines (``pipeline.article.linking``)."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import find_abbreviations, link_decisions, link_entities
from pipeline.components.linking import SpanMention
from pipeline.resources.entities import linking_words, load_commodities
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import EntityRecord
from pipeline.text.commodity import CommodityParser


def _placed(text: str, start: int, label: str, zone: str, section: str | None, sentence: int) -> EntityRecord:
    return entity_record(text, start, label).model_copy(update={"zone": zone, "section": section, "sentence": sentence})


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


def _linked(text: str, names: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    records = [entity_record(name, text.index(at), label=label) for name, label, at in names]
    return [(record.label, record.normalized) for record in link_entities(records, text)]


def test_abbreviation_defined_in_article_resolves_later_mentions():
    text = "REAlloys buys from the Saskatchewan Research Council (SRC). SRC expects output."
    long = entity_record("Saskatchewan Research Council", text.index("Saskatchewan"))
    short = entity_record("SRC", text.rindex("SRC"))
    assert find_abbreviations([long, short], text) == {"SRC": long}
    linked = link_entities([long, short], text)
    assert linked[1].normalized == "Saskatchewan Research Council"
    assert linked[0] == long


def test_short_form_after_long_form_shares_normalized():
    text = "Lynas Corporation grew. Lynas said so. Karratha Lithium Ltd agreed; Karratha will pay."
    records = [
        entity_record("Lynas Corporation", 0),
        entity_record("Lynas", text.index("Lynas said")),
        entity_record("Karratha Lithium Ltd", text.index("Karratha Lithium")),
        entity_record("Karratha", text.rindex("Karratha"), label="GPE"),
    ]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [
        ("ORG", "Lynas Corporation"),
        ("ORG", "Lynas Corporation"),
        ("ORG", "Karratha Lithium Ltd"),
        ("ORG", "Karratha Lithium Ltd"),
    ]


def test_short_form_never_relabels_a_known_place():
    text = "Namibia Critical Metals said Namibia agreed."
    records = [entity_record("Namibia Critical Metals", 0), entity_record("Namibia", text.rindex("Namibia"), "GPE", kb_id="NA")]
    assert link_entities(records, text)[1].label == "GPE"


def test_mention_of_a_facility_name_takes_the_facility_label():
    text = "Workers at the Lwambo mine struck. Lwambo output fell."
    records = [entity_record("Lwambo", text.index("Lwambo"), "FACILITY"), entity_record("Lwambo", text.rindex("Lwambo"), "PERSON")]
    assert link_entities(records, text)[1].label == "FACILITY"


def test_commodity_abbreviation_takes_the_long_form_and_commodity():
    text = "It makes total rare earth oxide (TREO) concentrate. Grades of TREO rose."
    parse = CommodityParser(load_commodities(ResourceReader()))
    long = entity_record("total rare earth oxide", text.index("total"), "COMMODITY").model_copy(
        update={"normalized": "total rare earth oxide", "commodity": parse("total rare earth oxide")}
    )
    short = entity_record("TREO", text.rindex("TREO"), "COMMODITY").model_copy(update={"commodity": parse("TREO")})
    linked = link_entities([long, short], text)
    assert (linked[1].normalized, linked[1].commodity["name"], linked[1].commodity["form"]) == (
        "total rare earth oxide",
        "total rare earth oxide",
        "oxide",
    )


def test_short_name_takes_the_longest_full_name_and_nationality_misfire_is_relabelled():
    text = "Laurentian Graphite Inc. said so. Laurentian Graphite agreed. Laurentian plans more."
    records = [
        entity_record("Laurentian Graphite Inc.", 0),
        entity_record("Laurentian Graphite", text.index("Laurentian Graphite agreed")),
        entity_record("Laurentian", text.rindex("Laurentian"), "NORP"),
    ]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [("ORG", "Laurentian Graphite Inc.")] * 3


def test_bare_body_word_takes_the_earlier_body():
    text = "The European Commission approved it. The Commission said so."
    records = [entity_record("European Commission", text.index("European")), entity_record("Commission", text.rindex("Commission"))]
    assert link_entities(records, text)[1].normalized == "European Commission"
    assert link_entities([records[1]], text)[0].normalized == "Commission"


def test_bare_body_word_takes_the_earlier_body_it_heads_before_of():
    text = "The Marlow County Board of Supervisors met on Friday. The Board backed the mine."
    records = [entity_record("Marlow County Board of Supervisors", text.index("Marlow")),
               entity_record("Board", text.rindex("Board"))]
    assert link_entities(records, text)[1].normalized == "Marlow County Board of Supervisors"
    other = "The Marlow County Housing Board of Supervisors met. The Fund paid."
    records = [entity_record("Marlow County Housing Board of Supervisors", 4), entity_record("Fund", other.rindex("Fund"))]
    assert link_entities(records, other)[1].normalized == "Fund"


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


def test_heading_with_ambiguous_sentence_gets_no_guessedentity_record():
    records = _headline_article_records()
    # two sentences between the records around the heading: its own sentence index is not known
    shifted = [r.model_copy(update={"sentence": r.sentence + 1}) if r.zone == "body" else r for r in records]
    linked = link_entities(shifted, HEADLINE_ARTICLE)
    assert HEADLINE_ARTICLE.index("Round Top Schedule") not in {record.start for record in linked}


def test_decisions_read_any_mention_and_never_change_a_known_code():
    text = "Export Development Canada (EDC) lends. EDC said so. Canada (CA) agreed."
    mentions = [
        SpanMention("Export Development Canada", 0, 25, "ORG", "Export Development Canada", None, None),
        SpanMention("EDC", 27, 30, "ORG", "EDC", None, None),
        SpanMention("EDC", 39, 42, "ORG", "EDC", None, None),
        SpanMention("Canada", 52, 58, "GPE", "Canada", "CA", None),
    ]
    assert link_decisions(mentions, text) == [
        {},
        {"normalized": "Export Development Canada", "label": "ORG", "kb_id": None},
        {"normalized": "Export Development Canada", "label": "ORG", "kb_id": None},
        {},
    ]


def test_bare_surname_takes_the_full_name_of_the_person_named_before():
    text = "Trader Orrin Vasquell sees tight supply. Vasquell said buyers wait."
    full = entity_record("Orrin Vasquell", text.index("Orrin"), label="PERSON")
    surname = entity_record("Vasquell", text.index("Vasquell said"), label="ORG")
    assert link_decisions([full, surname], text) == [
        {}, {"normalized": "Orrin Vasquell", "label": "PERSON", "commodity": None},
    ]
    # a surname before any full name stays as it is
    assert link_decisions([surname, entity_record("Orrin Vasquell", 90, label="PERSON")], text)[0] == {}


def test_bare_first_word_of_a_two_word_person_is_that_person() -> None:
    text = "Spokeswoman Lin Qiaoyu told reporters on Monday. Lin added that talks go on."
    records = [entity_record("Lin Qiaoyu", text.index("Lin Qiaoyu"), label="PERSON"),
               entity_record("Lin", text.index("Lin added"), label="PERSON")]
    assert [record.normalized for record in link_entities(records, text)] == ["Lin Qiaoyu"] * 2


def test_bare_first_word_opening_two_people_stays_unlinked() -> None:
    text = "Ana Lopez and Ana Ruiz met the board. Ana said the talks were good."
    records = [entity_record(name, text.index(name), label="PERSON") for name in ("Ana Lopez", "Ana Ruiz")]
    records.append(entity_record("Ana", text.index("Ana said"), label="PERSON"))
    assert link_entities(records, text)[-1].normalized == "Ana"


def test_bare_middle_word_of_a_longer_name_is_that_person() -> None:
    text = "Director Marcelo Duarte Pinheiro spoke on Friday. Duarte said the quota stands."
    records = [entity_record("Marcelo Duarte Pinheiro", text.index("Marcelo"), label="PERSON"),
               entity_record("Duarte", text.index("Duarte said"), label="PERSON")]
    assert [record.normalized for record in link_entities(records, text)] == ["Marcelo Duarte Pinheiro"] * 2


def test_bare_middle_word_of_two_people_stays_unlinked() -> None:
    text = "Rosa Duarte Lima and Paulo Duarte Neves met the board. Duarte said the talks were good."
    records = [entity_record(name, text.index(name), label="PERSON") for name in ("Rosa Duarte Lima", "Paulo Duarte Neves")]
    records.append(entity_record("Duarte", text.index("Duarte said"), label="PERSON"))
    assert link_entities(records, text)[-1].normalized == "Duarte"


def test_body_name_cut_before_of_is_the_whole_name() -> None:
    text = "Approval came from the Northland Board of Mines. Later the Northland Board said more."
    records = [entity_record("Northland Board of Mines", text.index("Northland Board of"), label="ORG"),
               entity_record("Northland Board", text.index("Northland Board said"), label="ORG")]
    assert [record.normalized for record in link_entities(records, text)] == ["Northland Board of Mines"] * 2


def test_cut_name_opening_two_bodies_stays_unlinked() -> None:
    text = "The Northland Board of Mines and the Northland Board of Trade met. The Northland Board said more."
    records = [entity_record(name, text.index(name), label="ORG")
               for name in ("Northland Board of Mines", "Northland Board of Trade")]
    records.append(entity_record("Northland Board", text.index("Northland Board said"), label="ORG"))
    assert link_entities(records, text)[-1].normalized == "Northland Board"


def test_site_before_its_keyword_keeps_the_owner_name():
    text = "Tarrow Vanadium Ltd owns the Tarrow Vanadium Project. Tarrow Vanadium said costs fell."
    records = [
        entity_record("Tarrow Vanadium Ltd", 0),
        entity_record("Tarrow Vanadium", text.index("Tarrow Vanadium Project"), label="FACILITY"),
        entity_record("Tarrow Vanadium", text.rindex("Tarrow Vanadium"), label="PERSON"),
    ]
    linked = link_entities(records, text)
    assert (linked[1].label, linked[1].normalized) == ("FACILITY", "Tarrow Vanadium")
    assert (linked[2].label, linked[2].normalized) == ("ORG", "Tarrow Vanadium Ltd")


def test_short_name_of_a_company_named_after_copper():
    text = "Brindle Copper shares rose. Brindle's strategy is to grow."
    records = [entity_record("Brindle Copper", 0), entity_record("Brindle", text.index("Brindle's"), label="PERSON")]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [
        ("ORG", "Brindle Copper"),
        ("ORG", "Brindle Copper"),
    ]


def test_name_without_its_middle_names_is_the_same_person():
    text = "President Ann Marie Okonkwo Bello spoke. Later, Ann Bello said more. Ann Okonkwo Bello left."
    records = [
        entity_record("Ann Marie Okonkwo Bello", text.index("Ann Marie"), label="PERSON"),
        entity_record("Ann Bello", text.index("Ann Bello"), label="PERSON"),
        entity_record("Ann Okonkwo Bello", text.index("Ann Okonkwo"), label="PERSON"),
    ]
    assert {r.normalized for r in link_entities(records, text)} == {"Ann Marie Okonkwo Bello"}


def test_different_people_sharing_first_and_last_word_order_are_kept_apart():
    text = "Ann Marie Bello spoke. Bello Ann Marie did not."
    records = [
        entity_record("Ann Marie Bello", 0, label="PERSON"),
        entity_record("Bello Ann Marie", text.index("Bello Ann"), label="PERSON"),
    ]
    assert link_entities(records, text)[1].normalized == "Bello Ann Marie"


def test_linking_word_lists_are_data_and_share_the_legal_prefixes():
    words = linking_words()
    assert {"pt", "jsc"} <= {prefix.lower() for prefix in words.legal_prefixes}
    assert "copper" in words.short_form_suffixes
    assert "project" in words.site_keywords


def test_region_without_the_after_a_company_named_for_it_is_the_company():
    text = "Pilgara Minerals signed a deal. Pilgara's strategy is clear. Mines in the Pilgara grow."
    records = [
        entity_record("Pilgara Minerals", 0),
        entity_record("Pilgara", text.index("Pilgara's"), label="LOC"),
        entity_record("Pilgara", text.rindex("Pilgara"), label="LOC"),
    ]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [
        ("ORG", "Pilgara Minerals"),
        ("ORG", "Pilgara Minerals"),
        ("LOC", "Pilgara"),
    ]


def test_company_written_two_ways_is_one_company():
    text = "Tarrow Rare Earths Ltd agreed. Tarrow Rare Earths Limited said so. Ola-Brandt Mining and Ola Brandt Mining."
    records = [
        entity_record("Tarrow Rare Earths Ltd", 0),
        entity_record("Tarrow Rare Earths Limited", text.index("Tarrow Rare Earths Limited")),
        entity_record("Ola-Brandt Mining", text.index("Ola-Brandt"), label="FACILITY"),
        entity_record("Ola Brandt Mining", text.index("Ola Brandt")),
    ]
    assert [(r.label, r.normalized) for r in link_entities(records, text)] == [
        ("ORG", "Tarrow Rare Earths Limited"),
        ("ORG", "Tarrow Rare Earths Limited"),
        ("ORG", "Ola-Brandt Mining"),
        ("ORG", "Ola-Brandt Mining"),
    ]


def test_name_called_a_district_is_a_place_in_every_mention():
    text = "Leaders of the Ossaro district met. Trucks will not pass through Ossaro. Ossaro wants a new school."
    records = [
        entity_record("Ossaro", text.index("Ossaro"), label="GPE"),
        entity_record("Ossaro", text.index("Ossaro."), label="ORG"),
        entity_record("Ossaro", text.rindex("Ossaro"), label="NORP"),
    ]
    assert [record.label for record in link_entities(records, text)] == ["GPE", "GPE", "GPE"]


def test_name_without_a_division_word_keeps_its_label():
    text = "Ossaro Holdings met. Trucks will not pass Ossaro. Ossaro is in talks."
    records = [entity_record("Ossaro", text.index("Ossaro."), label="GPE"), entity_record("Ossaro", text.rindex("Ossaro"))]
    assert [record.label for record in link_entities(records, text)] == ["GPE", "ORG"]


def test_bare_front_is_the_movement_named_before():
    text = "The Ossaro Defence Front said it would march. Ana Ruiz, a member of the Front, spoke to reporters."
    records = [entity_record("Ossaro Defence Front", 4), entity_record("Front", text.rindex("Front"))]
    assert link_entities(records, text)[1].normalized == "Ossaro Defence Front"


def test_first_word_of_an_earlier_company_is_that_company():
    text = "Brenmoor Nickel agreed a sale. Brenmoor Pacific Trading was not part of it. Each Brenmoor share rose."
    records = [
        entity_record("Brenmoor Nickel", 0),
        entity_record("Brenmoor Pacific Trading", text.index("Brenmoor Pacific")),
        entity_record("Brenmoor", text.rindex("Brenmoor"), label="NORP"),
    ]
    linked = link_entities(records, text)[2]
    assert (linked.label, linked.normalized) == ("ORG", "Brenmoor Nickel")


def test_town_reading_of_an_earlier_company_first_word_is_that_company():
    text = "Tarlow Kessing bought a stake. Analysts said Tarlow paid too much; its plant in Tarlow stays open."
    records = [
        entity_record("Tarlow Kessing", 0),
        entity_record("Tarlow", text.index("Tarlow paid"), label="GPE"),
        entity_record("Tarlow", text.rindex("Tarlow"), label="GPE"),
    ]
    linked = link_entities(records, text)
    assert (linked[1].label, linked[1].normalized) == ("ORG", "Tarlow Kessing")
    assert (linked[2].label, linked[2].normalized) == ("GPE", "Tarlow")  # "in Tarlow": the town


def test_person_reading_of_an_earlier_company_first_word_is_that_company():
    text = "Rivals bid for Whitlock Dodge Corp. Talks between Whitlock and Ann Ruiz went on. Whitlock Dodge agreed."
    records = [
        entity_record("Whitlock Dodge Corp", text.index("Whitlock")),
        entity_record("Whitlock", text.index("Whitlock and"), label="PERSON"),
        entity_record("Ann Ruiz", text.index("Ann"), label="PERSON"),
    ]
    linked = link_entities(records, text)
    assert (linked[1].label, linked[1].normalized) == ("ORG", "Whitlock Dodge Corp")


def test_person_reading_of_a_surname_the_article_names_stays_a_person():
    text = "Whitlock Dodge Corp was sold. Its founder, Tom Whitlock, agreed; talks between Whitlock and Ann Ruiz ended."
    records = [
        entity_record("Whitlock Dodge Corp", 0),
        entity_record("Tom Whitlock", text.index("Tom"), label="PERSON"),
        entity_record("Whitlock", text.index("Whitlock and"), label="PERSON"),
    ]
    linked = link_entities(records, text)
    assert (linked[2].label, linked[2].normalized) == ("PERSON", "Tom Whitlock")
    text = "Talks between Whitlock and Ann Ruiz began. Whitlock Dodge Corp was sold later."
    records = [
        entity_record("Whitlock", 0 + text.index("Whitlock"), label="PERSON"),
        entity_record("Whitlock Dodge Corp", text.index("Whitlock Dodge")),
    ]
    assert link_entities(records, text)[0].label == "PERSON"  # a person's reading only after the company is named


def test_first_word_before_the_company_or_of_a_place_stays():
    text = "Brenmoor said so. Brenmoor Pacific agreed a sale in Chile. Chile Copper Board said so."
    records = [
        entity_record("Brenmoor", 0),
        entity_record("Brenmoor Pacific", text.index("Brenmoor Pacific")),
        entity_record("Chile", text.index("Chile."), label="GPE", kb_id="CL"),
        entity_record("Chile Copper Board", text.rindex("Chile")),
    ]
    linked = link_entities(records, text)
    assert linked[0].normalized == "Brenmoor"
    assert (linked[2].label, linked[2].normalized) == ("GPE", "Chile")


def test_short_form_takes_the_linked_name_of_its_full_name():
    text = "PT Corvane Pacific raised output. Corvane Pacific plans more. Analysts like Corvane shares."
    records = [
        entity_record("PT Corvane Pacific", 0),
        entity_record("Corvane Pacific", text.index("Corvane Pacific plans")),
        entity_record("Corvane", text.rindex("Corvane"), label="NORP"),
    ]
    assert [record.normalized for record in link_entities(records, text)] == ["PT Corvane Pacific"] * 3


def test_quoted_abbreviation_of_a_press_release_is_defined():
    text = 'Corvane imports REE mineral concentrate ("REEC") from Tarrow. The REEC arrives by sea; so does the (“ORE”) line.'
    long = entity_record("REE mineral concentrate", text.index("REE mineral"), label="COMMODITY")
    short = entity_record("REEC", text.rindex("REEC"))
    assert find_abbreviations([long, short], text) == {"REEC": long}
    assert (link_entities([long, short], text)[1].label, link_entities([long, short], text)[1].normalized) == (
        "COMMODITY", "REE mineral concentrate")


def test_abbreviation_after_a_possessive_is_defined():
    text = "The Ministry of Harbour’s (MOH) port office said so. The MOH project starts in May."
    long = entity_record("Ministry of Harbour", text.index("Ministry"), label="ORG")
    short = entity_record("MOH", text.rindex("MOH"), label="FACILITY")
    assert find_abbreviations([long, short], text) == {"MOH": long}
    assert link_entities([long, short], text)[1].label == "ORG"


def test_nationality_before_a_common_noun_is_no_short_name():
    text = "Nordic Wire Service reported the ban. Other Nordic countries may follow."
    names = [("Nordic Wire Service", "ORG", "Nordic Wire"), ("Nordic", "NORP", "Nordic countries")]
    assert _linked(text, names)[1] == ("NORP", "Nordic")


def test_family_name_written_first_is_the_person():
    text = "Minister Tan Wei Ming spoke. Later, Tan did not say when."
    names = [("Tan Wei Ming", "PERSON", "Tan Wei"), ("Tan", "PERSON", "Tan did")]
    assert _linked(text, names) == [("PERSON", "Tan Wei Ming")] * 2


def test_site_named_before_its_commodity_words_stays_a_site_beside_the_company():
    text = "Crews at the Bralto Tarn copper-gold mine worked on. Bralto Tarn LLC owns it."
    site = entity_record("Bralto Tarn", text.index("Bralto"), "FACILITY")
    commodity = entity_record("copper-gold", text.index("copper"), "COMMODITY")
    company = entity_record("Bralto Tarn LLC", text.rindex("Bralto"))
    linked = link_entities([site, commodity, company], text)
    assert (linked[0].label, linked[0].normalized) == ("FACILITY", "Bralto Tarn")


def test_site_before_a_verb_is_still_the_company_short_name():
    text = "Bralto Tarn LLC said so. Bralto Tarn said the mine would reopen."
    company = entity_record("Bralto Tarn LLC", 0)
    short = entity_record("Bralto Tarn", text.rindex("Bralto"), "FACILITY")
    assert link_entities([company, short], text)[1].label == "ORG"


def test_capital_that_is_a_family_name_named_earlier_is_the_person():
    text = "Prices were set, said Oskar Berlin, an analyst. Berlin said demand was weak."
    person = entity_record("Oskar Berlin", text.index("Oskar"), "PERSON")
    bare = entity_record("Berlin", text.rindex("Berlin"), "GPE", kb_id="DE").model_copy(update={"normalized": "Germany"})
    linked = link_entities([person, bare], text)
    assert (linked[1].label, linked[1].normalized, linked[1].kb_id) == ("PERSON", "Oskar Berlin", None)


def test_place_after_a_locative_word_stays_a_place_though_a_person_bears_its_name():
    text = "Talks were led by Dario Lima. Officials met in Lima on Monday."
    person = entity_record("Dario Lima", text.index("Dario"), "PERSON")
    town = entity_record("Lima", text.rindex("Lima"), "GPE")
    assert link_entities([person, town], text)[1].label == "GPE"


def test_country_keeps_its_label_though_a_person_bears_its_name():
    text = "Adam Jordan met officials. Jordan signed the deal."
    person = entity_record("Adam Jordan", 0, "PERSON")
    country = entity_record("Jordan", text.rindex("Jordan"), "GPE", kb_id="JO")
    assert link_entities([person, country], text)[1].label == "GPE"
