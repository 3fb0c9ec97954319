"""Cue-word gates: a gate never closes where its case-insensitive regex could match."""

from __future__ import annotations

import random
import re
import sys

import pytest

from pipeline.text.cues import CASE_TRAPS, FOLDED_LETTERS, CueGroups, CueText, ascii_cues, folded_cues, literal_cues


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["Days", "day", "week"], ("day", "week")), (["qtr", "qtrs", "quarter"], ("qtr", "quarter")),
     (["año"], None), ([""], None), ([], None)],
)
def test_ascii_cues(words: list[str], expected: tuple[str, ...] | None) -> None:
    assert ascii_cues(words) == expected


@pytest.mark.parametrize(
    ("text", "cues", "expected"),
    [("Second QUARTER results", ("quarter",), True), ("Second half results", ("quarter",), False),
     ("no cue given", (), True), ("no cue given", None, True),
     # "ſ" matches "s" case-insensitively and "İ" lowers to two characters: the gate stays open
     ("Fiſcal year", ("fiscal",), True), ("İNDIA", ("india",), True)],
)
def test_has_any(text: str, cues: tuple[str, ...] | None, expected: bool) -> None:
    assert CueText(text).has_any(cues) is expected


def test_has_any_in_reads_only_the_window() -> None:
    cues = CueText("the week of March 3 and the fiscal year")
    assert cues.has_any_in(("week",), 0, 10) is True
    assert cues.has_any_in(("fiscal",), 0, 10) is False


def test_gate_agrees_with_the_regex_it_stands_for() -> None:
    pattern = re.compile(r"\b(?:fiscal|quarter)\b", re.IGNORECASE)
    for text in ["FISCAL 2026", "a quarter", "Fiſcal", "KQuarter", "nothing here", "İquarter"]:
        if pattern.search(text):
            assert CueText(text).has_any(("fiscal", "quarter"))


def test_groups_need_every_word_of_one_group() -> None:
    groups = CueGroups.of([["earth", "day"], ["christmas"]])
    assert CueText("Rare earth prices rose on the day").has_any_group(groups) is True
    assert CueText("Rare earth prices rose").has_any_group(groups) is False
    assert CueText("Rare earth prices rose").has_any_group(None) is True
    assert CueGroups.of([["año"]]) is None


def test_group_test_gives_the_superset_answer_on_random_texts() -> None:
    # the early-exit scan answers as "every word of some group is in the text" does
    rng = random.Random(3)
    words = ["day", "earth", "new", "year", "eve", "boxing", "st", "patrick"]
    for _ in range(2000):
        groups = CueGroups.of([rng.sample(words, rng.randint(1, 3)) for _ in range(rng.randint(1, 4))])
        text = " ".join(rng.choice(words + ["x", "Day", "EARTH"]) for _ in range(rng.randint(0, 6)))
        assert groups is not None
        lowered = text.lower()
        expected = any(all(word in lowered for word in group) for group in groups.groups)
        assert CueText(text).has_any_group(groups) is expected, (text, groups)


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["Colón", "pesos", "peso"], ("colón", "peso")), (["Days", "day"], ("day",)), (["µg"], None), (["ſ"], None),
     ([""], None), ([], None)],
)
def test_folded_cues(words: list[str], expected: tuple[str, ...] | None) -> None:
    assert folded_cues(words) == expected


def test_folded_letters_match_only_their_own_upper_and_lower_case() -> None:
    # a case-insensitive regex matches a folded letter only in a character that lowers to it, so a word holding
    # one that the regex finds is in the lower-cased text, as an ASCII word is
    for letter in sorted(FOLDED_LETTERS):
        regex = re.compile(re.escape(letter), re.IGNORECASE)
        matched = [chr(code) for code in range(sys.maxunicode + 1) if regex.fullmatch(chr(code))]
        assert all(char.lower() == letter for char in matched), (letter, matched)
    assert re.fullmatch("µ", "\u03bc", re.IGNORECASE)  # why "µ" is not one: the Greek mu matches it


def test_folded_gate_agrees_with_the_regex_it_stands_for() -> None:
    words = ["colón", "peso", "franc"]
    pattern = re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)
    cues = folded_cues(words)
    rng = random.Random(5)
    pieces = ["COLÓN", "Colón", "colon", "PESOS", "Franc", "frank", " ", "x", "ſ", "İ", "ó", "Ó"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        if pattern.search(text):
            assert CueText(text).has_any(cues), text
            assert CASE_TRAPS.search(text) or any(cue in text.lower() for cue in cues or ()), text


@pytest.mark.parametrize(
    ("source", "expected"),
    [(r"\bundue reliance\b", ("undue reliance",)),
     (r"\bforward[- ]looking (?:statements?|information)\b", ("information", "statement")),
     (r"(?:•[^•\n]*){3}", ("•",)),  # a group repeated at least once: its words occur
     (r"(?:abc)?d", ("d",)),  # an optional group: none of its words is certain
     (r"(?:a|)b", ("b",)),  # an empty branch: the alternation promises nothing
     (r"^(?:see|read) also\b", (" also",)),
     (r"(?i:AB)c", ("ab",)), (r"\d+%", ("%",)), (r"\d+\s", None), (r"año", ("a",)), (r"[", None)],
)
def test_literal_cues(source: str, expected: tuple[str, ...] | None) -> None:
    assert literal_cues(source) == expected


# regexes of the kinds the data files hold (word runs, alternations, optional letters, repeats, anchors, brackets)
GATED_SOURCES = [
    r"\bforward[- ]looking (?:statements?|information)\b", r"\bundue reliance\b", r"^\s*file\s*[-–—]\s",
    r"\b(?:undated|file|handout) (?:photo|image|picture)\b", r"(?:•[^•\n]*){3}", r"\bphoto(?:graph)?\s*(?:credit|courtesy)\b",
    r"\(\s*[A-Z][\w.' -]{1,40}/(?:Bloomberg|Reuters|AFP|AP)\s*\)", r"\b(?:defines?|defined|defining)\s+the\s+terms?\b",
    r"safe harbou?r", r"^(?:notes? to editors?|editor'?s note)\b", r"ki(?:lo)+s", r"(?:ab|cd){2,}x", r"\bcut(?:tings)?\b",
]


def test_literal_gate_never_closes_where_the_regex_matches() -> None:
    # random texts from the regexes' own words in random case, with the case traps ("ſ", "K", "ı", "İ") mixed in
    rng = random.Random(17)
    pieces = ["forward", "looking", "statements", "undue", "reliance", "file", "photo", "graph", "credit", "handout",
              "image", "\u2022", "(", ")", "/", "Reuters", "AP", "J. Doe", "defines", "the", "terms", "safe", "harbour",
              "harbor", "notes", "to", "editors", "editor's", "note", "kilo", "s", "ab", "cd", "x", "cut", "tings", "-", " ", "\n",
              "\u017f", "\u212a", "\u0131", "\u0130"]
    compiled = [(re.compile(source, re.IGNORECASE), literal_cues(source)) for source in GATED_SOURCES]
    assert all(words is not None for _, words in compiled)
    matched = 0
    for _ in range(12000):
        parts = [rng.choice(pieces) for _ in range(rng.randint(1, 10))]
        text = rng.choice(["", " "]).join(part.upper() if rng.random() < 0.2 else part for part in parts)
        cues = CueText(text)
        for pattern, words in compiled:
            if pattern.search(text):
                matched += 1
                assert cues.has_any(words), (pattern.pattern, text, words)
    assert matched > 150  # the texts do match, so the test can fail
