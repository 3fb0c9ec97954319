"""One record per happening (``pipeline.article.event_happenings``): what tells two happenings of one type and actor
apart, and the years of resolved dates. Records and sentences are our own."""

from __future__ import annotations

import pytest
from support import event_record as event
from support import policy_entity as entity

from pipeline.article.event_happenings import (
    date_years,
    distinguished,
    fold_agentless,
    fold_article_happenings,
    merge_happenings,
    years,
)
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import DateRecord


@pytest.fixture(scope="module")
def policy():
    return load_event_cues(ResourceReader()).document


def _date(start: int, text: str, first: str, last: str) -> DateRecord:
    return DateRecord(id=f"d#date:{start}-{start + len(text)}", doc_id="d", text=text, start=start,
                      end=start + len(text), sentence=0, section=None, zone="body", timex=first[:7],
                      granularity="month", start_date=first, end_date=last, modifier=None, fiscal=False,
                      resolution="relative", reference=None)


@pytest.mark.parametrize(("role", "first", "second", "apart"), [
    ("amount", "$60m", "$10m", True),                       # a stake, then a separate share purchase
    ("amount", "US$31 million", "US$31 Million", False),    # one sum written twice
    ("counterparty", "Norden Cells", "Ostra Batteries", True),  # two buyers, two supply deals
    ("counterparty", "Ostra Batteries", "Ostra Batteries GmbH", False),
    ("commodity", "Tungsten", "rare earths", True),          # two quotations
    ("commodity", "rare earths", "rare-earth", False),       # plural and hyphen: one commodity
    ("commodity", "NdPr", "NdPr oxide", False),
])
def test_a_role_named_on_both_with_no_value_shared_tells_two_happenings_apart(role, first, second, apart):
    one = event(10, "supply_agreement", (role, first, None))
    other = event(90, "supply_agreement", (role, second, None), sentence=3)
    assert distinguished(one, other, [role]) is apart
    assert not distinguished(one, event(90, "supply_agreement", sentence=3), [role])  # named on one side only


def test_years_tell_a_2017_cut_from_a_2018_cut():
    cut = event(10, "supply_disruption", ("date", "in 2017", None))
    later = event(90, "supply_disruption", ("date", "from January 2018", None), sentence=4)
    assert distinguished(cut, later, ["year"])
    assert not distinguished(cut, event(90, "supply_disruption", ("date", "2017", None)), ["year"])


def test_a_resolved_date_gives_its_year():
    # "China halted the shipments in December" (a January 2025 article) and "it had curbed them in 2023"
    december = _date(40, "December", "2024-12-01", "2024-12-31")
    decades = _date(90, "the past two decades", "2005-01-01", "2024-12-31")
    covered = date_years([december, decades])
    assert covered == {december.id: frozenset({"2024"})}  # a span of ten years or more tells no year apart
    halted = event(20, "export_restriction", ("date", "December", december.id))
    assert years(halted) == set() and years(halted, covered) == {"2024"}


def test_a_december_ban_and_a_2023_curb_stay_two_records(policy):
    china = entity(0, "Fenwick", "GPE", kb_id="FW")
    december = _date(40, "December", "2024-12-01", "2024-12-31")
    banned = event(20, "export_restriction", ("agent", "Fenwick", china.id), ("date", "December", december.id))
    curbed = event(120, "export_restriction", ("agent", "Fenwick", china.id), ("date", "2023", None), sentence=4)
    by_id = {china.id: china}
    assert len(merge_happenings([banned, curbed], policy, by_id)) == 1  # "December" alone names no year
    assert len(merge_happenings([banned, curbed], policy, by_id, date_years=date_years([december]))) == 2


def test_a_record_left_without_agent_beside_one_with_an_agent_retells_it():
    # "Kestrel signed a supply deal with Norland on Monday." + "The agreement covers graphite anode material."
    deal = event(10, "supply_agreement", ("agent", "Kestrel", None), ("counterparty", "Norland", None), sentence=2)
    retold = event(90, "supply_agreement", ("commodity", "graphite", None), sentence=3)
    (merged,) = fold_agentless([deal, retold], reach=1)
    assert [(m.start, m.end) for m in merged.mentions] == [(10, 14), (90, 94)]
    assert len(fold_agentless([deal, retold], reach=0)) == 2                           # the rule off
    far = retold.model_copy(update={"sentence": 5})
    assert len(fold_agentless([deal, far], reach=1)) == 2                              # two sentences away
    # "Prices of ore above 44% Mn rose 8%." + "Prices of other grades stand at $12/t.": other figures, two quotations
    rose = event(10, "price_movement", ("agent", "Kestrel", None), ("quantity", "8%", None), sentence=2)
    stand = event(90, "price_movement", ("price", "$12/t", None), ("quantity", "3%", None), sentence=3)
    assert len(fold_agentless([rose, stand], reach=1)) == 2


def test_one_share_move_per_company_in_an_article(policy):
    # "Kestrel shares jumped 14% on Monday." / "The stock touched A$2.10, a 52-week high." (another section)
    # / "Kestrel has risen 90% this year."; "Shares of Ostra gained 3%." is another company's move
    jumped = event(10, "stock_movement", ("agent", "Kestrel", None), ("quantity", "14%", None), sentence=1)
    touched = event(60, "stock_movement", ("agent", "Kestrel", None), ("price", "A$2.10", None), sentence=2,
                    section="Trading")
    risen = event(120, "stock_movement", ("agent", "Kestrel Metals", None), ("quantity", "90%", None), sentence=5)
    other = event(200, "stock_movement", ("agent", "Ostra", None), ("quantity", "3%", None), sentence=6)
    nobody = event(260, "stock_movement", ("quantity", "2%", None), sentence=7)
    folded = fold_article_happenings([jumped, touched, risen, other, nobody], policy, {})
    assert [r.trigger.start for r in folded] == [10, 200, 260]
    assert [(m.start, m.end) for m in folded[0].mentions] == [(10, 14), (60, 64), (120, 124)]
    # a type the article may report several times with one actor is not folded this way
    output = [record.model_copy(update={"event_type": "production_output"}) for record in (jumped, risen)]
    assert len(fold_article_happenings(output, policy, {})) == 2
