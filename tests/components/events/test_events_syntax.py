"""Reading the parse around a trigger (``pipeline.components.events.syntax``): the subjects of a trigger's clause."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.components.events.syntax import clause_subjects


def _subject_words(nlp, text: str, trigger: str) -> list[str]:
    doc = make_block_doc(nlp, text)
    (token,) = [t for t in doc if t.text == trigger]
    return [subject.text for subject in clause_subjects(token)]


@pytest.mark.parametrize(("text", "trigger", "subject"), [
    ("The regulators approved the plan.", "approved", "regulators"),
    ("Norland is one of the leading cobalt suppliers in Africa.", "suppliers", "Norland"),
    ("The ministry changed the rules last week, allowing miners to export ore.", "allowing", "ministry"),
    ("The ministry acted on Monday to allow the sale of the mine.", "allow", "ministry"),
])
def test_the_subject_of_a_clause_a_ranking_or_an_adverbial_participle(nlp, text, trigger, subject):
    assert subject in _subject_words(nlp, text, trigger)


def test_a_verb_completing_a_noun_has_the_noun_as_subject(nlp):
    assert _subject_words(nlp, "The agency published a decision to authorize sampling near the mine.",
                          "authorize") == ["decision"]
