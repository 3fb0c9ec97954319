"""Event stage: "shares of A and B rose" moves both stocks, one record per company (``party_figures``
``coordinated_types``).

Sentences of our own for the market paragraphs that name several listed companies as one subject (issue 12,
fourteenth session, second round; dev article rn123 names two rare-earth stocks that way).
"""

from __future__ import annotations

from support import make_block_doc


def agents_of(nlp, text: str, event_type: str) -> list[list[str]]:
    """Per record of ``event_type``: the texts of its agent arguments."""
    doc = make_block_doc(nlp, text)
    return [[doc.text[a["start"]:a["end"]] for a in event["arguments"] if a["role"] == "agent"]
            for event in doc._.orewire_events if event["event_type"] == event_type]


def test_two_companies_sharing_one_share_move_are_two_records(nlp):
    agents = agents_of(nlp, "Shares of Kestrel Metals and Norland Lithium jumped 12% on Tuesday.", "stock_movement")
    assert sorted(agents) == [["Kestrel Metals"], ["Norland Lithium"]]


def test_companies_given_as_examples_of_a_sector_each_move(nlp):
    text = "Shares of battery metals companies such as Kestrel Metals and Norland Lithium rose after the report."
    assert sorted(agents_of(nlp, text, "stock_movement")) == [["Kestrel Metals"], ["Norland Lithium"]]


def test_each_record_keeps_the_shared_figure_and_date(nlp):
    doc = make_block_doc(nlp, "Shares of Kestrel Metals and Norland Lithium jumped 12% on Tuesday.")
    records = [e for e in doc._.orewire_events if e["event_type"] == "stock_movement"]
    assert len(records) == 2
    for record in records:
        roles = {a["role"]: doc.text[a["start"]:a["end"]] for a in record["arguments"] if a["role"] != "agent"}
        assert roles == {"quantity": "12%", "date": "Tuesday"}


def test_a_partner_named_after_the_move_is_no_mover(nlp):
    text = "Shares of Kestrel Metals rose 4% after it agreed a deal with Norland Lithium and Boreal Mining."
    assert agents_of(nlp, text, "stock_movement") == [["Kestrel Metals"]]


def test_other_types_keep_coordinated_agents_in_one_record(nlp):
    text = "Kestrel Metals and Norland Lithium signed a binding offtake agreement for spodumene on Monday."
    assert len(agents_of(nlp, text, "supply_agreement")) == 1


def test_a_list_of_three_companies_each_move(nlp):
    # the parser reads "A, B and C" as A with the appositive B and C joined to B: all three are listed
    text = "Shares of Marlin Holdings, Japan's Tobari Corp and Ostra Mining rose 4% on Tuesday."
    assert sorted(agents_of(nlp, text, "stock_movement")) == [["Marlin Holdings"], ["Ostra Mining"], ["Tobari Corp"]]


def test_a_describing_appositive_is_no_second_mover(nlp):
    text = "Shares of Marlin Holdings, the cobalt producer, rose 4% on Tuesday."
    assert agents_of(nlp, text, "stock_movement") == [["Marlin Holdings"]]
