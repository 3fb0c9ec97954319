"""Event stage: a sentence listing a project's several owners gives one investment per owner (``owner_lists``).

Sentences of our own for the wordings news uses to say who holds a jointly owned mine (issue 12, seventeenth
session; read dev articles rn509, rn547 and rn562 from three outlets; the annotation convention "co-owners of a mine
give one investment each", docs/realnews.md).
"""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline import Article


def owners_of(nlp, text: str) -> set[tuple[str | None, str | None]]:
    """(agent, quantity) of each investment record of the sentence."""
    doc = make_block_doc(nlp, text)
    found = set()
    for event in doc._.orewire_events:
        if event["event_type"] != "investment":
            continue
        roles = {a["role"]: doc.text[a["start"]:a["end"]] for a in event["arguments"]}
        found.add((roles.get("agent"), roles.get("quantity")))
    return found


def test_bracketed_shares_give_each_holder_a_record_and_the_operator_none(nlp):
    text = ("The open-pit mine, run by Marlin Minera with interests held by Norland Metals (40%), Rowan Resources "
            "(35%) and Fenwick Corporation (25%), sits high in the Andes.")
    assert owners_of(nlp, text) == {("Norland Metals", "40%"), ("Rowan Resources", "35%"),
                                    ("Fenwick Corporation", "25%")}


@pytest.mark.parametrize(("text", "expected"), [
    ("The copper mine is owned 60% by Norland Metals and 40% by Rowan Resources.",
     {("Norland Metals", "60%"), ("Rowan Resources", "40%")}),
    ("Norland Metals holds 55% of the lithium project, Rowan Resources 45%.",
     {("Norland Metals", "55%"), ("Rowan Resources", "45%")}),
    ("Norland Metals has a 70% interest in the Kestrel project and Rowan Resources has 30%.",
     {("Norland Metals", "70%"), ("Rowan Resources", "30%")}),
])
def test_each_wording_of_shares_names_every_holder(nlp, text, expected):
    assert owners_of(nlp, text) == expected


def test_owners_listed_after_owned_by_are_one_record_each_without_shares(nlp):
    text = "The mine on the island is owned by Kestrel Holding Group Co, Norland SA and PT Fenwick Tambang."
    assert owners_of(nlp, text) == {("Kestrel Holding Group Co", None), ("Norland SA", None),
                                    ("PT Fenwick Tambang", None)}


@pytest.mark.parametrize("text", [
    # shares of world output, not of a project
    "Chile (24%) and Peru (10%) held the largest shares of world copper output.",
    # one owner is no list
    "The smelter is owned by Norland Metals.",
])
def test_market_shares_and_a_single_owner_give_no_owner_records(nlp, text):
    assert owners_of(nlp, text) == set()


def test_the_article_keeps_a_holder_whose_bracket_runs_into_a_dash(extractor):
    # "Fenwick Corporation (25%) –" looks like a dated wire credit ("X (Oct 24) --") but names a share
    text = ("Andes copper mine output rises\n\n"
            "The open-pit mine – run by Marlin Minera with interests held by Norland Metals (40%), Rowan Resources "
            "(35%) and Fenwick Corporation (25%) – sits high in the Andes.")
    (extraction,) = extractor.extract_many([Article(doc_id="ol1", text=text, published="2025-06-01")])
    agents = {a.text for r in extraction.records if r.type == "event" and r.event_type == "investment"
              for a in r.arguments if a.role == "agent"}
    assert agents == {"Norland Metals", "Rowan Resources", "Fenwick Corporation"}
