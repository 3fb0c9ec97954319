"""``find_bounded`` finds what the word-bounded, longest-first alternation regex finds; the other rewrites keep
their patterns' matches."""

from __future__ import annotations

import random
import re

from pipeline.text.cues import CueText
from pipeline.text.regex import alternation, bounded_alternation, find_bounded, first_character_gate, lowered_twin


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


def test_bounded_alternation_finds_what_the_leading_word_boundary_finds():
    forms = ["Kestrel", "Kestrel Bay", "UK", "_x", "9th"]
    plain = re.compile(r"\b(?:" + alternation(forms) + r")\b")
    fast = re.compile(bounded_alternation(forms) + r"\b")
    text = "Kestrel Bay, Kestrels, UKestrel, (UK) _x a_x 9th x9th Kestrel-UK éKestrel Kestrel"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group() for m in fast.finditer(text)] == ["Kestrel Bay", "UK", "_x", "9th", "Kestrel", "UK", "Kestrel"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice("ab_é1 .-") for _ in range(rng.randint(0, 30)))
        words = ["".join(rng.choice("abé1") for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4))]
        for flags in (0, re.IGNORECASE):
            expected = [m.span() for m in re.compile(r"\b(?:" + alternation(words) + r")", flags).finditer(text)]
            assert [m.span() for m in re.compile(bounded_alternation(words), flags).finditer(text)] == expected


def test_bounded_alternation_keeps_the_plain_boundary_for_forms_opening_on_a_sign():
    assert bounded_alternation(["£m", "pound"]) == r"\b(?:pound|£m)"
    assert re.compile(bounded_alternation(["£m", "pound"])).search("a £m") is None  # no boundary before "£"


def test_lowered_twin_finds_the_case_insensitive_matches_on_the_lowered_text():
    patterns = [re.compile(r"\b(?:new\.?\s+year(?:['’]s)?\s+day|easter)\b", re.IGNORECASE),
                re.compile(r"(?P<Day>\d\d?)(?:st|th)?\s+(?P<month>jan|sept?)(?P=Day)?", re.IGNORECASE),
                re.compile(r"(?i)\d(?:st|nd|rd|th)\b|\b(?:first|[a-z]+th)\b"), re.compile(r"\d(?:jan|sept?)", re.I)]
    rng = random.Random(11)
    alphabet = "NnEeWwYyAaRrSsTtDdJjPp'’ .1-_ÉéΣσς"
    texts = ["New Year's Day, EASTER and the 21ST; 3Jan, 4SEPT", "Die Straße"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for pattern in patterns:
        twin = lowered_twin(pattern)
        assert twin is not None and not twin.flags & re.IGNORECASE
        for text in texts:
            cues = CueText(text)
            assert cues.exact
            assert [m.span() for m in twin.finditer(cues.lowered)] == [m.span() for m in pattern.finditer(text)], text


def test_no_lowered_twin_for_cased_sources_or_case_sensitive_patterns():
    assert lowered_twin(re.compile(r"(?i)\bfiscal\b|\bFY\b")) is None  # an upper-case letter in the source
    assert lowered_twin(re.compile(r"\S+day", re.I)) is None  # ``\S`` lower-cased would mean another class
    assert lowered_twin(re.compile("café", re.I)) is None  # a non-ASCII cased letter
    assert lowered_twin(re.compile("day")) is None  # case-sensitive already
    assert not CueText("İstanbul").exact  # where lowering changes a length, the twin is not used


def test_first_character_gate_of_folded_names_keeps_their_case_insensitive_matches() -> None:
    """The date stage's use (``dates.foreign.month_pattern``): folded names only, behind their first letters."""
    names = ["октября", "mars", "Mai"]
    gate = first_character_gate([], names)
    assert gate == "(?=(?i:[Mmо]))"
    plain, gated = (re.compile(prefix + alternation(names), re.IGNORECASE) for prefix in ("", gate))
    text = "11 октября 2017, 3 MARS 2020, 4 mai 2021, Oktober"
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)] != []
