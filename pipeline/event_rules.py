"""Event rules as data: the typed models of ``models/events/`` and pure helpers over them.

Trigger rules are token patterns over lemmas. Each lemma also matches its
inflected forms in lower case, because title-case headline words get poor
lemmas ("Signs", "Outlaw" stay as written).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .records import EventType, QuantityType

Strength = Literal["strong", "weak"]

IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "buy": ("bought",), "sell": ("sold",), "rise": ("rose", "risen"), "fall": ("fell", "fallen"),
    "hold": ("held",), "take": ("took", "taken"), "lead": ("led",), "strike": ("struck",),
    "seek": ("sought",), "win": ("won",), "begin": ("began", "begun"), "shut": ("shut",),
    "cut": ("cut",), "put": ("put",), "set": ("set",), "lend": ("lent",), "bring": ("brought",),
    "make": ("made",), "give": ("gave", "given"), "grow": ("grew", "grown"), "sink": ("sank", "sunk"),
    "slide": ("slid",), "shrink": ("shrank", "shrunk"), "go": ("went", "gone"), "spend": ("spent",),
    "draw": ("drew", "drawn"), "hit": ("hit",), "bid": ("bid",), "undertake": ("undertook", "undertaken"),
    "ink": ("inked",), "forecast": ("forecast",), "leap": ("leapt", "leaped"), "freeze": ("froze", "frozen"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TokenSpec(_Strict):
    """One token of a trigger pattern: a lemma set, an exact lower-case set, or both."""

    lemma: list[str] | None = None
    lower: list[str] | None = None
    op: Literal["?", "*", "+"] | None = None

    @model_validator(mode="after")
    def _one_test(self) -> TokenSpec:
        if not self.lemma and not self.lower:
            raise ValueError("a token spec needs 'lemma' or 'lower'")
        return self


class TriggerRule(_Strict):
    """A trigger pattern for one event type, with the context it needs in its sentence."""

    id: str
    event_type: EventType
    pattern: list[TokenSpec] = Field(min_length=1)
    strength: Strength = "strong"
    context_any: list[str] = Field(default_factory=list, description="One of these must be near the trigger.")
    context_none: list[str] = Field(default_factory=list, description="None of these may be near the trigger.")
    window: int = Field(default=0, ge=0, description="Tokens either side searched for context; 0 = sentence.")
    quantity_any: list[QuantityType] = Field(default_factory=list, description="The sentence needs one of these.")
    title_only: bool = Field(default=False, description="Fires only in titles, headings and teaser headlines.")
    none_window: int | None = Field(default=None, ge=0, description="Window for context_none; None = window.")
    entity_any: list[str] = Field(default_factory=list, description="The sentence needs an entity of these labels.")
    needs_date: bool = Field(default=False, description="The sentence needs a date mention.")
    skip_pobj: list[str] = Field(default_factory=list, description="Prepositions that make a noun trigger background.")
    skip_deps: list[str] = Field(default_factory=list, description="Trigger dependency labels that mark background.")
    not_verb: bool = Field(default=False, description="Outside headlines, a verb reading does not fire: plans to.")
    skip_definite: bool = Field(default=False, description="A noun trigger after the or that refers back; skip it.")


class ModalityCues(_Strict):
    planned: list[str]
    possible: list[str]
    negated: list[str]
    conditional: list[str]


class EventCues(_Strict):
    """Word lists the event stage uses besides triggers."""

    modality: ModalityCues
    anaphors: dict[str, list[str]] = Field(description="Anaphoric noun phrase -> entity labels it can refer to.")
    background: list[str]
    effective_markers: list[str]
    counterparty_preps: list[str]
    beneficiary_preps: list[str]
    agent_labels: list[str]


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lower-case lemma (over-generation is harmless for matching)."""
    word = lemma.lower()
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms.update(IRREGULAR_FORMS.get(word, ()))
    return forms


def compile_pattern(specs: list[TokenSpec]) -> list[list[dict[str, Any]]]:
    """Turn a rule's token specs into spaCy ``Matcher`` patterns (a lemma one and a surface-form one)."""
    by_lemma: list[dict[str, Any]] = []
    by_form: list[dict[str, Any]] = []
    for spec in specs:
        lemma_token: dict[str, Any] = {}
        form_token: dict[str, Any] = {}
        if spec.lemma:
            lemma_token["LEMMA"] = {"IN": sorted({word.lower() for word in spec.lemma})}
            form_token["LOWER"] = {"IN": sorted({form for word in spec.lemma for form in inflections(word)})}
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


def phrase_in(words: set[str], lowered_text: str, phrase: str) -> bool:
    """Whether a cue (a word, a phrase, or a symbol such as "/t") occurs in a token set or lower-cased text."""
    if re.fullmatch(r"\w+", phrase):
        return phrase in words
    left = r"(?<![\w-])" if phrase[:1].isalnum() else ""
    right = r"(?![\w-])" if phrase[-1:].isalnum() else ""
    return re.search(left + re.escape(phrase) + right, lowered_text) is not None


def agents_compatible(first: str | None, second: str | None) -> bool:
    """Two agent names refer to the same actor (either missing counts as compatible)."""
    if not first or not second:
        return True
    a, b = _name_key(first), _name_key(second)
    if not a or not b:
        return True
    return a == b or a in b or b in a


def _name_key(name: str) -> str:
    cleaned = re.sub(r"(?i)^the\s+|['’]s$", "", name.strip())
    return re.sub(r"[^a-z0-9]+", " ", cleaned.lower()).strip()
