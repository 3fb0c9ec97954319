"""Lines written in another language than English: page furniture of a non-English site.

Aggregators republish English wire copy inside a page of their own language, so a paywall or
membership line ("only for members ...") sits in the middle of the article. Such a line is no
fact of the story. It is recognised by function words: spaCy ships a maintained stop-word list
for each language, and a line that uses several function words of another language and fewer of
English is not English text. A foreign name inside an English sentence ("Minera Las Bambas")
brings one such word at most, and the English around it brings more.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of an ISO 639-1 ``language`` (``spacy.lang.<code>.stop_words``).

    The file is run on its own: importing it as a module would first import the language's package, whose
    tokenizer exceptions cost seconds of regex compiling for French (every process start). The stop-word
    files define ``STOP_WORDS`` and import nothing; a language without such a file is imported as before.
    """
    location = _stop_word_file(language)
    if location is None:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    else:
        spec = importlib.util.spec_from_file_location(f"_orewire_stop_words_{language}", location)
        assert spec is not None and spec.loader is not None, location
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return frozenset(word.lower() for word in module.STOP_WORDS)


def _stop_word_file(language: str) -> str | None:
    """The path of spaCy's ``lang/<language>/stop_words.py``, or None when there is none."""
    package = importlib.util.find_spec("spacy.lang")
    for folder in (package.submodule_search_locations or []) if package is not None else []:
        location = f"{folder}/{language}/stop_words.py"
        if os.path.isfile(location):
            return location
    return None


class ForeignLineDetector:
    """Decides whether a line is written in one of ``languages`` rather than in English; built once."""

    def __init__(self, languages: list[str], min_words: int) -> None:
        english = stop_words("en")
        # Only the words that are not also English function words tell a language apart.
        self._foreign = [stop_words(language) - english for language in languages]
        self._any_foreign = frozenset().union(*self._foreign)  # no language counts more of a line's words than these
        self._english = english
        self._min_words = min_words

    def is_foreign(self, line: str) -> bool:
        words = [word.lower() for word in WORD.findall(line)]
        if len(words) < self._min_words:
            return False
        english = sum(word in self._english for word in words)
        needed = max(self._min_words, english + 1)
        if sum(word in self._any_foreign for word in words) < needed:
            return False  # not even all foreign function words together reach the count one language needs
        foreign = max((sum(word in vocabulary for word in words) for vocabulary in self._foreign), default=0)
        return foreign >= self._min_words and foreign > english
