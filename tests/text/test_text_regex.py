"""``find_bounded`` finds what the word-bounded, longest-first alternation regex finds."""

from __future__ import annotations

import random
import re

from pipeline.text.regex import alternation, find_bounded


def regex_spans(forms: list[str], text: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w\-])(?:" + alternation(forms) + r")(?![\w\-])")
    return [match.span() for match in pattern.finditer(text)]


def test_longest_bounded_name_wins_and_matches_do_not_overlap():
    text = "Round Top Schedule: Round Top-based Round Topaz and Round Top, by RoundTop"
    forms = ["Round Top", "Round", "Top Schedule"]  # "Round Top-based": only "Round" is bounded
    assert find_bounded(forms, text) == regex_spans(forms, text) == [(0, 9), (20, 25), (36, 41), (52, 61)]


def test_same_spans_as_the_regex_on_random_texts():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice("ab- _é1.") for _ in range(rng.randint(0, 30)))
        forms = ["".join(rng.choice("ab-é1 ") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 4))]
        assert find_bounded(forms, text) == regex_spans(forms, text), (text, forms)
