"""The ORG/LOC precision buckets (benchmarks/entity_precision.py): outcomes under the scorer's matching and record
features, on records and sentences of our own."""

from __future__ import annotations

from typing import Any

from support import load_script

from pipeline.evaluation.facts import GoldEntity

buckets = load_script("entity_precision")

TEXT = "Halden Metals Ltd said Kessa fees rose. Regulators in Kessa set the fees. Operations Review"


def entity(label: str, text: str, start: int | None = None, zone: str = "body") -> dict[str, Any]:
    start = TEXT.index(text) if start is None else start
    return {"type": "entity", "id": f"d#{start}:{label}", "label": label, "normalized": text, "text": text,
            "start": start, "end": start + len(text), "sentence": 0, "zone": zone, "kb_id": None}


def test_outcomes_tell_a_name_under_another_label_from_one_the_gold_lacks() -> None:
    gold = [GoldEntity(kind="entity", label="ORG", name="Halden Metals Ltd", aliases=["Halden Metals"]),
            GoldEntity(kind="entity", label="GPE", name="Kessa")]
    records = [entity("ORG", "Halden Metals Ltd"), entity("ORG", "Kessa"), entity("ORG", "Operations Review")]
    assert buckets.outcomes(gold, records) == {("ORG", "Halden Metals Ltd"): "right", ("ORG", "Kessa"): "other_label",
                                               ("ORG", "Operations Review"): "absent"}


def test_record_features_read_shape_words_role_and_lower_case_forms() -> None:
    tables = buckets.Tables.load()
    company = buckets.record_features(entity("ORG", "Halden Metals Ltd"), TEXT, 1,
                                      {"origin": "pattern:legal_name", "role": "subject"}, tables)
    assert company["org_word"] == "suffix" and company["tokens"] == "3" and company["role"] == "subject"
    assert company["lower_case_too"] == "False" and company["origin"] == "pattern:legal_name"
    heading = buckets.record_features(entity("ORG", "Operations Review", zone="heading"), TEXT.replace("fees.", "review."),
                                      3, None, tables)
    assert heading["origin"] == "article" and heading["mentions"] == "3+" and heading["zone"] == "heading"
    assert heading["lower_case_too"] == "False", "'operations' is not written in lower case"
    described = buckets.record_features(entity("ORG", "Operations Review"), TEXT + " Its operations review ends.", 1,
                                        None, tables)
    assert described["lower_case_too"] == "True"
    fees = buckets.record_features(entity("ORG", "Kessa"), TEXT, 2, {"origin": "model", "role": "compound"}, tables)
    assert fees["shape"] == "title" and fees["org_word"] == "none" and fees["lower_case_too"] == "False"


def test_dropping_a_bucket_rescores_without_its_records(monkeypatch) -> None:
    gold = [GoldEntity(kind="entity", label="ORG", name="Halden Metals Ltd")]
    monkeypatch.setattr(buckets, "read_gold", lambda doc_id: gold)
    records = [entity("ORG", "Halden Metals Ltd"), entity("ORG", "Kessa")]
    output = [("d", TEXT, records, {})]
    before, after = buckets.dropping(output, set()), buckets.dropping(output, {("d", records[1]["id"])})
    assert (before.tp, before.fp) == (1, 1) and (after.tp, after.fp) == (1, 0)


def test_a_mention_is_unsupported_only_as_the_models_name_in_a_weak_role() -> None:
    tables = buckets.Tables.load()
    assert tables.unsupported({"origin": "model", "dep": "compound", "head": "standards"})
    assert not tables.unsupported({"origin": "model", "dep": "compound", "head": "data"}), "a cited source"
    assert not tables.unsupported({"origin": "model", "dep": "nsubj", "head": "said"})
    assert not tables.unsupported({"origin": "rule:gazetteer_spans", "dep": "compound", "head": "standards"})
    assert not tables.unsupported({"origin": "model+linked", "dep": "compound", "head": "standards"})
    assert not tables.unsupported(None)


def test_detailed_outcomes_name_the_label_the_gold_gives_instead() -> None:
    gold = [GoldEntity(kind="entity", label="GPE", name="Kessa"), GoldEntity(kind="entity", label="FACILITY",
                                                                               name="Operations Review")]
    records = [entity("ORG", "Kessa"), entity("ORG", "Operations Review"), entity("ORG", "Halden Metals Ltd")]
    assert buckets.detailed_outcomes(gold, records) == {
        ("ORG", "Kessa"): "other_label>GPE", ("ORG", "Operations Review"): "other_label>FACILITY",
        ("ORG", "Halden Metals Ltd"): "absent"}
    assert buckets.outcomes(gold, records)[("ORG", "Kessa")] == "other_label"


def flagged_bucket(outcomes: list[str], articles: int) -> Any:
    bucket = buckets.Bucket()
    for index, outcome in enumerate(outcomes):
        bucket.groups[f"d{index % articles}", "GPE", f"name{index}"] = outcome
    return bucket


def test_decisions_apply_the_fixed_bars_on_groups_and_articles() -> None:
    weak = flagged_bucket(["right"] * 4 + ["absent"] * 6, articles=4)
    assert [action for action, _, _ in buckets.decisions({("GPE", "origin=model"): weak})] == ["support"]
    too_few_articles = flagged_bucket(["right"] * 4 + ["absent"] * 6, articles=3)
    too_few_groups = flagged_bucket(["right"] * 3 + ["absent"] * 6, articles=4)
    at_half = flagged_bucket(["right"] * 5 + ["absent"] * 5, articles=4)
    assert buckets.decisions({("GPE", "a"): too_few_articles, ("GPE", "b"): too_few_groups,
                              ("GPE", "c"): at_half}) == []


def test_decisions_relabel_only_where_one_other_label_holds_two_thirds_of_the_groups() -> None:
    sites = flagged_bucket(["other_label>FACILITY"] * 4 + ["right"] * 2, articles=4)
    assert [action for action, _, _ in buckets.decisions({("GPE", "zone=body"): sites})] == ["relabel>FACILITY"]
    mixed = flagged_bucket(["other_label>FACILITY"] * 3 + ["other_label>ORG"] + ["right"] * 2, articles=4)
    three_articles = flagged_bucket(["other_label>FACILITY"] * 4 + ["right"] * 2, articles=3)
    assert buckets.decisions({("GPE", "a"): mixed, ("GPE", "b"): three_articles}) == []
