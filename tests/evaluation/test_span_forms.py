"""pipeline/evaluation/span_forms.py: date and quantity records put in form buckets, each with the outcome the
offset-free scorer gives it, so that bucket counts add up to the scorer's tallies."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.span_precision import Bucket, bucket_counts, buckets, changed_buckets, f1_if_dropped, flagged
from pipeline.evaluation.facts import GoldDate, GoldQuantity, score_document
from pipeline.evaluation.span_forms import Outcome, count_head, date_form, document_outcomes, quantity_form


def test_each_written_date_shape_lands_in_its_own_bucket():
    shapes = {
        "2031": "bare year", "in 2031": "bare year", "March 2031": "month-year", "Sept. 2030": "month-year",
        "4 March": "day-month(-year)", "March 4, 2031": "day-month(-year)", "Tuesday": "weekday",
        "currently": "relative word", "now": "relative word", "last month": "relative unit",
        "three weeks ago": "relative unit", "the third quarter": "quarter/half", "H2 2029": "quarter/half",
        "FY2030": "fiscal", "the previous financial year": "fiscal", "winter": "season",
        "2030 to 2034": "year range", "2031-32": "year range", "June to August": "range",
        "10:15 a.m.": "clock time", "1130 GMT": "clock time", "yesterday": "day deixis",
        "end of the year": "edge of a period", "mid-2032": "edge of a period", "the 2040s": "decade",
        "next six years": "span of units", "2031-05-17": "numeric date", "May": "bare month",
        "Jun-03-2031": "numeric date", "2H31": "quarter/half", "first eight months of 2031": "first months of a period",
        "past two weeks": "span of units", "last October": "relative unit", "year-to-date": "relative unit",
        "the decade's end": "edge of a period", "the weekend": "day deixis",
    }
    assert {text: date_form(text) for text in shapes} == shapes


def test_a_date_text_no_shape_describes_is_other():
    assert date_form("the Lunar New Year") == "other"


def test_a_count_is_bucketed_by_how_its_number_is_written_and_by_the_noun_after_it():
    two = {"text": "two", "quantity_type": "count", "value": 2}
    digits = {"text": "480", "quantity_type": "count", "value": 480}
    assert quantity_form(two, " big open-pit mines were") == "count spelled single, sites"
    assert quantity_form(digits, " seasonal workers") == "count digits single, people"
    assert quantity_form(digits, " of them") == "count digits single, head unknown"
    assert quantity_form(digits) == "count digits single"  # a gold fact: no position, so no head


def test_other_quantities_are_bucketed_by_type_unit_and_whether_they_span_a_range():
    tonnes = {"text": "1,200 t", "quantity_type": "mass", "unit": "t", "value": 1200}
    span = {"text": "10-12 Mt", "quantity_type": "mass", "unit": "t", "value": None, "low": 1e7, "high": 1.2e7}
    assert quantity_form(tonnes) == "mass t single"
    assert quantity_form(span) == "mass t range"


def test_the_head_word_may_sit_behind_adjectives_but_not_further_than_four_words():
    assert count_head(" newly listed junior companies") == "organisations"
    assert count_head(" of the largest and oldest producing companies") == "head unknown"


def _date(text: str, timex: str) -> dict[str, Any]:
    return {"type": "date", "text": text, "timex": timex, "start": 0, "end": len(text)}


def test_a_date_record_is_matched_as_the_scorer_matches_it_and_a_missed_gold_date_keeps_its_form():
    gold = [GoldDate(kind="date", text="June 2031", timex="2031-06"), GoldDate(kind="date", text="Friday", timex="2031-06-06")]
    records = [_date("June 2031", "2031-06"), _date("Thursday", "2031-06-05")]
    outcomes = document_outcomes("d1", gold, records)
    assert [(o.form, o.matched, o.predicted) for o in outcomes] == [
        ("month-year", True, True), ("weekday", False, True), ("month-year", True, False), ("weekday", False, False)]


def test_a_count_record_reads_its_head_noun_from_the_article_text():
    text = "The group runs three smelters."
    record = {"type": "quantity", "text": "three", "quantity_type": "count", "unit": None, "value": 3,
              "low": None, "high": None, "start": 15, "end": 20}
    gold = [GoldQuantity(kind="quantity", text="three", quantity_type="count", unit=None, value=3)]
    outcomes = document_outcomes("d1", gold, [record], text)
    assert outcomes[0] == Outcome("d1", "quantity", "count spelled single, sites", True, True)
    assert outcomes[1].form == "count spelled single"


_TIMEXES = st.sampled_from(["2031", "2031-06", "2031-Q2", "2030/2032", "2031-06-06"])


@settings(max_examples=60, deadline=None)
@given(gold=st.lists(_TIMEXES, max_size=6), predicted=st.lists(_TIMEXES, max_size=6),
       units=st.lists(st.tuples(st.sampled_from(["t", None]), st.integers(1, 4)), max_size=6),
       predicted_units=st.lists(st.tuples(st.sampled_from(["t", None]), st.integers(1, 4)), max_size=6))
def test_bucket_outcomes_always_add_up_to_the_scorer_tallies(gold, predicted, units, predicted_units):
    facts: list[Any] = [GoldDate(kind="date", text=timex, timex=timex) for timex in gold]
    facts += [GoldQuantity(kind="quantity", text=str(value), quantity_type="mass" if unit else "count",
                           unit=unit, value=value) for unit, value in units]
    records = [_date(timex, timex) for timex in predicted]
    records += [{"type": "quantity", "text": str(value), "quantity_type": "mass" if unit else "count", "unit": unit,
                 "value": value, "low": None, "high": None, "start": 0, "end": 1} for unit, value in predicted_units]
    outcomes = document_outcomes("d", facts, records)
    tallies = score_document("d", facts, records)
    for kind in ("date", "quantity"):
        mine = [o for o in outcomes if o.kind == kind]
        assert sum(o.matched for o in mine if o.predicted) == tallies[kind].tp
        assert sum(not o.matched for o in mine if o.predicted) == tallies[kind].fp
        assert sum(not o.matched for o in mine if not o.predicted) == tallies[kind].fn


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_every_text_gets_exactly_one_bucket_name(text):
    assert date_form(text)
    assert quantity_form({"text": text, "quantity_type": "count"}, text).startswith("count ")


def test_a_bucket_is_flagged_only_when_precision_is_low_and_its_false_records_span_enough_articles():
    narrow = Bucket(total=4, matched=1, articles={"a", "b"}, unmatched_articles={"a", "b"})
    spread = Bucket(total=4, matched=1, articles={"a", "b", "c"}, unmatched_articles={"a", "b", "c"})
    sound = Bucket(total=10, matched=9, articles={"a", "b", "c"}, unmatched_articles={"a"})
    assert not flagged(narrow, 0.8, 3)
    assert flagged(spread, 0.8, 3)
    assert not flagged(sound, 0.8, 3)


def test_buckets_keep_records_and_gold_facts_apart():
    outcomes = [Outcome("a", "date", "weekday", True, True), Outcome("a", "date", "weekday", False, False),
                Outcome("b", "date", "weekday", False, True)]
    records = buckets(outcomes, "date", predicted=True)["weekday"]
    assert (records.total, records.matched, records.articles, records.unmatched_articles) == (2, 1, {"a", "b"}, {"b"})
    assert buckets(outcomes, "date", predicted=False)["weekday"].total == 1


def test_dropping_a_mostly_false_bucket_raises_f1_and_dropping_a_sound_one_lowers_it():
    mostly_false = Bucket(total=4, matched=1, articles={"a"}, unmatched_articles={"a"})
    sound = Bucket(total=10, matched=9, articles={"a"}, unmatched_articles={"a"})
    assert f1_if_dropped(90, 10, 10, mostly_false) > 0
    assert f1_if_dropped(90, 10, 10, sound) < 0


def test_a_false_record_whose_text_the_gold_also_writes_is_a_wrong_value_and_one_it_lacks_is_not():
    gold = [GoldDate(kind="date", text="end of 2031", timex="2031-12")]
    records = [_date("end of 2031", "2031"), _date("currently", "PRESENT_REF")]
    outcomes = document_outcomes("d1", gold, records)
    assert [(o.predicted, o.matched, o.wrong_value) for o in outcomes] == [
        (True, False, True), (True, False, False), (False, False, True)]


def test_saved_bucket_counts_show_only_the_buckets_a_change_moved():
    start = [Outcome("a", "date", "weekday", True, True), Outcome("a", "date", "year range", False, True),
             Outcome("a", "date", "bare year", False, False)]
    end = [Outcome("a", "date", "weekday", True, True), Outcome("a", "date", "bare year", True, True),
           Outcome("a", "date", "bare year", True, False)]
    moved = changed_buckets(bucket_counts(start), bucket_counts(end))
    assert moved == ["date gold bare year: 1/1 -> 1/0", "date records bare year: 0/0 -> 1/0",
                     "date records year range: 1/1 -> 0/0"]
