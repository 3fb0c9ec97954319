"""Lines in another language than English (pipeline.text.language), on lines of our own."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.text.language import ForeignLineDetector, stop_words

LANGUAGES = ["nl", "de", "fr", "es", "pt", "it", "id"]


@pytest.fixture(scope="module")
def detector() -> ForeignLineDetector:
    return ForeignLineDetector(LANGUAGES, 3)


@pytest.mark.parametrize(("line", "foreign"), [
    ("Ce contenu est réservé aux abonnés, connectez-vous pour le lire", True),
    ("Questo articolo è riservato agli abbonati della nostra rivista", True),
    ("Berita ini hanya untuk pelanggan yang sudah terdaftar", True),
    ("Marlin Metals said the ban on exports of cobalt takes effect in May.", False),
    ("Vale do Rio Doce and Companhia Brasileira de Metalurgia signed the deal on Friday.", False),
    ("Zona Franca de Manaus", False),  # a name: too few function words to tell
    ("", False),
])
def test_foreign_lines(detector: ForeignLineDetector, line: str, foreign: bool) -> None:
    assert detector.is_foreign(line) is foreign


def test_english_function_words_never_count_as_foreign() -> None:
    english = stop_words("en")
    detector = ForeignLineDetector(LANGUAGES, 3)
    assert not detector.is_foreign(" ".join(sorted(english)))


@given(st.text(max_size=300))
def test_any_line_gets_an_answer(line: str) -> None:
    assert ForeignLineDetector(["de"], 3).is_foreign(line) in {True, False}


def test_the_early_answer_is_the_per_language_count(detector: ForeignLineDetector) -> None:
    # lines mixing the function words of several languages: the shortcut over all foreign words together gives
    # the answer of counting each language on its own
    def counted(line: str) -> bool:
        words = line.lower().split()
        english = sum(word in stop_words("en") for word in words)
        foreign = max(sum(word in stop_words(language) - stop_words("en") for word in words) for language in LANGUAGES)
        return len(words) >= 3 and foreign >= 3 and foreign > english

    lines = ["le der el o het il yang the and of", "der die das und mit", "le la les et des the of", "le der el",
             "Marlin und Kestrel le the", "yang dan untuk ini the of and to"]
    assert [detector.is_foreign(line) for line in lines] == [counted(line) for line in lines]
    assert any(counted(line) for line in lines) and not all(counted(line) for line in lines)


@pytest.mark.parametrize("language", ["en", *LANGUAGES])
def test_stop_words_are_the_modules_list(language: str) -> None:
    module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    assert stop_words(language) == frozenset(word.lower() for word in module.STOP_WORDS)


def test_stop_words_skip_the_language_package() -> None:
    # the French package compiles its tokenizer exceptions on import (seconds at every start); the list alone does not
    code = ("import sys; from pipeline.text.language import stop_words; words = stop_words('fr'); "
            "print('spacy.lang.fr' in sys.modules, len(words) > 100)")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                               cwd=Path(__file__).resolve().parents[2])
    assert completed.stdout.split() == ["False", "True"]
