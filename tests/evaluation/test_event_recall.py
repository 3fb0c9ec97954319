"""benchmarks/event_recall.py: why a gold event has no record, by the scorer's own matching, and its decision rule
(a dropping step acted on only with evidence in four articles and as many right removals as wrong). Gold facts,
records and removals are made up for the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import event_json as record
from support import gold_event, unread_dev_ids

from benchmarks.event_recall import Removed, article, decisions, load_output, reason, save_output, step_counts
from pipeline.evaluation.facts import GoldEntity

ROOT = Path(__file__).resolve().parents[2]




def removed(event_type: str, step: str, *names: str, rule: str = "r.one", folded: bool = False,
            stage: bool = True) -> Removed:
    return Removed(event_type, step, rule, folded, frozenset(names), stage)


MARLIN = GoldEntity(kind="entity", label="ORG", name="Marlin Metals", aliases=["Marlin"])


def test_a_gold_event_left_unmatched_gets_the_first_reason_that_holds() -> None:
    gold = [MARLIN, gold_event("financing", "Marlin Metals"), gold_event("investment", "Marlin Metals"),
            gold_event("regulation", "Fenwick"), gold_event("exploration")]
    records = [record(1, "financing", "Kestrel"), record(2, "supply_agreement", "Marlin")]
    item = article("d", gold, records, [removed("regulation", "context_none", "fenwick")])
    reasons = [reason(event, acceptable, item) for event, acceptable in item.missed]
    assert reasons == [("a_same_type", "free: another agent"), ("b_other_type", "supply_agreement -> investment"),
                       ("c_removed", "stage:context_none"), ("e_no_rule", "")]


def test_a_second_happening_the_record_took_is_told_apart_from_other_agents() -> None:
    gold = [MARLIN, gold_event("financing", "Marlin"), gold_event("financing", "Marlin")]
    item = article("d", gold, [record(1, "financing", "Marlin Metals")],
                   [removed("financing", "happening_merge", "marlin metals", folded=True, stage=False)])
    ((event, acceptable),) = item.missed
    assert reason(event, acceptable, item) == ("a_same_type", "taken: by a record it would take; folded by "
                                                              "article:happening_merge")


def test_a_step_qualifies_with_four_articles_and_as_many_right_removals_as_wrong() -> None:
    gold = [MARLIN, gold_event("financing", "Marlin")]
    right = [article(f"d{n}", gold, [], [removed("financing", "conditional", "marlin"),
                                         removed("investment", "conditional", "marlin", rule="r.two")]) for n in range(4)]
    counts = step_counts(right, lambda item: item.step == "conditional")
    assert (counts.removed, counts.taken, counts.articles) == (8, 4, 4) and counts.wrong_as_often
    (decision,) = decisions(right)
    assert decision["action"] == "narrow" and decision["step"] == "conditional"
    assert [entry["feature"] for entry in decision["off_for"]] == ["r.one"]
    assert [entry["feature"] for entry in decision["stays_on_for"]] == ["r.two"]
    assert decisions(right[:3]) == []  # three articles are not evidence enough
    wrong_agent = [article(f"d{n}", gold, [], [removed("financing", "conditional", "kestrel")]) for n in range(4)]
    assert decisions(wrong_agent) == []


def test_a_run_is_saved_as_plain_data(tmp_path: Path) -> None:
    output = [("d", [record(1, "financing")], [removed("financing", "bucket", "marlin")])]
    save_output(tmp_path / "run.pkl", output)
    assert load_output(tmp_path / "run.pkl") == output


def test_ids_past_the_read_dev_half_are_refused() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "event_recall.py"), "--ids", unread_dev_ids()],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode != 0 and "read dev half" in result.stderr
