"""Trigger patterns: a rule's token specs as spaCy ``Matcher`` patterns, and the word forms they match.

A lemma in a rule also matches its inflected forms in lower case, because
title-case headline words get poor lemmas ("Signs", "Outlaw" stay as written).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.resources.events import TokenSpec

IrregularForms = Mapping[str, Sequence[str]]
# a short final syllable doubles its consonant before a suffix: ban -> banned, banning
DOUBLING_ENDING = re.compile(r".*[^aeiou][aeiou][bdgklmnprt]")


def inflections(lemma: str, *, irregular: IrregularForms) -> set[str]:
    """Regular English inflections of a lemma, plus its irregular forms (over-generation is harmless)."""
    word = lemma.lower()
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if DOUBLING_ENDING.fullmatch(word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms.update(irregular.get(word, ()))
    return forms


def spec_forms(spec: TokenSpec, *, irregular: IrregularForms) -> set[str]:
    """Every lower-case word one token spec matches: its exact words and its lemmas' forms."""
    forms = {form for word in spec.lemma or [] for form in inflections(word, irregular=irregular)}
    return forms | {word.lower() for word in spec.lower or []}


def compile_pattern(specs: list[TokenSpec], *, irregular: IrregularForms) -> list[list[dict[str, Any]]]:
    """Turn a rule's token specs into spaCy ``Matcher`` patterns (a lemma one and a surface-form one)."""
    by_lemma: list[dict[str, Any]] = []
    by_form: list[dict[str, Any]] = []
    for spec in specs:
        lemma_token: dict[str, Any] = {}
        form_token: dict[str, Any] = {}
        if spec.lemma:
            lemma_token["LEMMA"] = {"IN": sorted({word.lower() for word in spec.lemma})}
            form_token["LOWER"] = {"IN": sorted({form for word in spec.lemma
                                                 for form in inflections(word, irregular=irregular)})}
        if spec.lower:
            words = sorted({word.lower() for word in spec.lower})
            if not spec.lemma:
                lemma_token["LOWER"] = {"IN": words}
            form_token["LOWER"] = {"IN": sorted(set(form_token.get("LOWER", {}).get("IN", [])) | set(words))}
        if spec.op:
            lemma_token["OP"] = spec.op
            form_token["OP"] = spec.op
        by_lemma.append(lemma_token)
        by_form.append(form_token)
    return [by_lemma, by_form]


def first_token_forms(specs: list[TokenSpec], *, irregular: IrregularForms) -> set[str]:
    """Lower-case words (lemmas and their forms) that can open a match of this pattern."""
    forms: set[str] = set()
    for spec in specs:
        forms.update(spec_forms(spec, irregular=irregular))
        if spec.op not in {"?", "*"}:
            break
    return forms
