"""The date finder's gates (``pipeline/components/dates/finder.py``): a relative-date window that holds none of a
pattern's mandatory words skips the ``Matcher``, with the same candidates as running it. Sentences our own."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.dates.block import Block
from pipeline.components.dates.finder import DateFinder, windows
from pipeline.components.dates.forms import NEAR_UNIT
from pipeline.components.pattern_words import required_words
from pipeline.schema.labels import DATE_GROUP
from pipeline.text.calendar_names import MONTHS
from pipeline.text.cues import CueText
from pipeline.text.regex import alternation


def test_required_words_reads_the_mandatory_lower_word_tokens():
    pattern = [{"LOWER": {"IN": ["last", "next"]}, "OP": "?"}, {"LOWER": "couple"}, {"LIKE_NUM": True},
               {"LOWER": {"IN": ["weeks", "months"]}, "OP": "+"}, {"LOWER": {"REGEX": "^ago$"}}]
    assert required_words(pattern, ("LOWER",)) == [("LOWER", frozenset({"couple"})),
                                                   ("LOWER", frozenset({"weeks", "months"}))]


def _finder(nlp) -> DateFinder:
    component = nlp.get_pipe("orewire_dates")
    return next(value for value in vars(component).values() if isinstance(value, DateFinder))


@pytest.mark.parametrize("text", [
    "Marlin Metals shipped its first cargo last week, two years after the plant opened.",
    "The year began slowly; output rose later this quarter and a couple of weeks ago it hit a record.",
    "Kestrel said the day was quiet, with a month of talks still ahead, and the deal closed yesterday.",
    "Prices were flat on Tuesday and over the weekend, the exchange said this morning.",
])
def test_windows_skipped_by_the_word_gate_hold_no_match(nlp, text):
    finder = _finder(nlp)
    assert finder.required is not None
    ungated = copy.copy(finder)
    ungated.required = None
    doc = make_block_doc(nlp, text, reference="2025-03-12")
    block = Block(doc, text, finder.words, date(2025, 3, 12), None)
    lowered = text.lower()
    found = finder._matcher_candidates(block, lowered)
    assert found == ungated._matcher_candidates(block, lowered)
    assert found  # each sentence holds a relative date besides the cue words that open windows in vain


@pytest.mark.parametrize("text", [
    "Output fell for three quarters; the QUARTER before, two Weeks of strikes, 10-day halts and 6yrs of decades-long talks.",
    "Kestrel's midyear review, the fortnightly report and a weekday shift, all within one week.",
    "A trap letter (\u0130) keeps the case-insensitive scan: 2 Days, 3 MONTHS, yr-end, a fortnight.",
])
def test_unit_anchor_cuts_the_windows_of_a_leading_word_boundary(nlp, text):
    finder = _finder(nlp)
    plain = re.compile(r"\b(?:" + alternation(finder.words.unit_words()) + r")\b", re.IGNORECASE)
    anchor = finder.anchors[NEAR_UNIT]
    cues = CueText(text)
    assert anchor.windows(text, cues) == windows(plain, text)
    assert windows(plain, text)  # each text holds a unit the windows are cut round


# A full month name and its full stop end a sentence: the next sentence's first word is never the day or year.
@pytest.mark.parametrize(("text", "expected"), [
    ("Kestrel Metals shipped its first cargo in March. First Cobalt said its refinery would restart.",
     [("March", "2025-03")]),
    ("The smelter was idle through June. Second thoughts followed at the board.", [("June", "2025-06")]),
    ("Talks stalled in october. Third parties were then invited to bid.", [("october", "2025-10")]),
    ("The licence lapsed in December. 2026 brings a new tender round.", [("December", "2025-12"), ("2026", "2026")]),
    ("The plant reopened on March first, 2025, weeks after the flood.", [("March first, 2025", "2025-03-01")]),
    ("The vote was held on Sept. 3, 2025 in the capital.", [("Sept. 3, 2025", "2025-09-03")]),
])
def test_a_date_never_spans_the_full_stop_after_a_full_month_name(nlp, text, expected):
    doc = make_block_doc(nlp, text, reference="2025-12-12")
    found = [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]]
    assert found == expected


_NEXT_WORDS = ("First", "Second", "Third", "Fifth", "Twenty", "Last", "Next", "Early", "Mid", "The", "2026", "15",
               "12th", "Q3", "Half", "Quarter")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july"))),
       st.sampled_from(("title", "upper", "lower")), st.sampled_from(_NEXT_WORDS),
       st.sampled_from(("in", "on", "by", "late", "since")))
def test_property_no_date_crosses_a_month_names_full_stop(nlp, month, case, next_word, preposition):
    name = getattr(month, case)()
    text = f"Kestrel said output would rise {preposition} {name}. {next_word} Quantum agreed to the terms."
    stop = text.index(f"{name}.") + len(name)
    doc = make_block_doc(nlp, text, reference="2025-12-12")
    assert not any(span.start_char <= stop < span.end_char for span in doc.spans[DATE_GROUP])


def test_a_dot_inside_a_date_after_a_full_month_name_is_no_sentence_end(nlp):
    doc = make_block_doc(nlp, "Stock was counted on 1.May.00 by the auditors.", reference="2025-07-01")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == [("1.May.00", "2000-05-01")]
