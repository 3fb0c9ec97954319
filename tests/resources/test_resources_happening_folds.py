"""The measured happening folds (``models/events/happening_folds.json``): they load, say where they came from, meet
the rule they were picked by, and a pattern names a known place and sorted, known details."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.resources.files import ResourceReader
from pipeline.resources.happening_folds import HappeningFold, load_happening_folds


def test_every_fold_carries_evidence_that_meets_its_rule() -> None:
    folds = load_happening_folds(ResourceReader())
    assert folds.source and folds.rule and folds.folds
    for fold in folds.folds:
        assert fold.evidence.surplus_articles >= 3
        assert fold.evidence.surplus >= 2 * fold.evidence.both_matched
        assert fold.evidence.surplus_articles <= fold.evidence.surplus
    assert folds.patterns() == {(fold.event_type, *fold.pattern) for fold in folds.folds}


def test_a_pattern_starts_with_a_place_and_lists_known_details_sorted() -> None:
    good = {"event_type": "production_output", "pattern": ["sentence", "trigger"],
            "evidence": {"surplus": 3, "surplus_articles": 3, "both_matched": 0, "both_articles": 0}}
    HappeningFold.model_validate(good)  # so each rejection below is for the one thing changed
    with pytest.raises(ValidationError, match="starts with"):
        HappeningFold.model_validate({**good, "pattern": ["trigger"]})
    with pytest.raises(ValidationError, match="sorted"):
        HappeningFold.model_validate({**good, "pattern": ["far", "trigger", "figure"]})
    with pytest.raises(ValidationError, match="sorted"):
        HappeningFold.model_validate({**good, "pattern": ["far", "colour"]})
    with pytest.raises(ValidationError, match="event_type"):
        HappeningFold.model_validate({**good, "event_type": "weather"})
