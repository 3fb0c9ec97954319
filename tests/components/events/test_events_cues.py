"""Cue words and phrases near a trigger."""

from __future__ import annotations

from pipeline.components.events.cues import CueSet, phrase_in


def test_phrase_in_words_phrases_and_symbols():
    words = {"export", "ban"}
    assert phrase_in(words, "an export ban", "export")
    assert phrase_in(words, "signed a memorandum of understanding", "memorandum of understanding")
    assert phrase_in(words, "at 75,000 yuan/mt", "/mt")
    assert not phrase_in(words, "the stock-building ends", "stock")
    assert not phrase_in(words, "exporters", "exporter s")


def test_cue_set_finds_words_in_the_set_and_phrases_in_the_text():
    cues = CueSet(["export", "memorandum of understanding", "/t"])
    assert cues.found({"export"}, "")
    assert cues.found(set(), "they signed a memorandum of understanding")
    assert cues.found(set(), "us$900/t")
    assert not cues.found({"exports"}, "a memorandum")
    assert not CueSet([])
