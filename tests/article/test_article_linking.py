"""Entity linking over an article's records: abbreviations, short forms, body words, facility names,
and body names found again on headline lines (``pipeline.article.linking``)."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import find_abbreviations, link_decisions, link_entities
from pipeline.components.linking import SpanMention
from pipeline.resources.entities import load_commodities
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import EntityRecord
from pipeline.text.commodity import CommodityParser


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
