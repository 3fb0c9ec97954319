"""``orewire_token_attributes`` as a spaCy component: added by name in a fresh process, and saved and
loaded with the pipeline whose ``attribute_ruler`` (and ``lemmatizer``) it wraps. That the memoised
annotations equal the model's own is checked in ``test_components_profiles.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from support import run_fresh_python

from pipeline.components.token_attributes import TOKEN_ATTRIBUTES_FACTORY, TokenAttributes

TEXT = "Miners were expanding plants, and I ain't gonna guess."
PATTERNS = [
    {"patterns": [[{"LOWER": "plants"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"LOWER": "were"}]], "attrs": {"POS": "AUX", "MORPH": "Tense=Past"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"POS": "VERB"}, "index": 0},
]


def annotations(doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture()
def ruled() -> Language:
    """A blank pipeline with spaCy's attribute ruler, disabled and replaced by the memoised component."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)  # type: ignore[attr-defined]
    nlp.add_pipe(TOKEN_ATTRIBUTES_FACTORY, config={"lemmatize": False})
    return nlp


def test_fresh_process_adds_the_component_by_name() -> None:
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('orewire_token_attributes', config={'lemmatize': False})\n"  # before the ruler: found on use
        f"nlp.add_pipe('attribute_ruler', first=True).add_patterns({PATTERNS!r})\n"
        "nlp.disable_pipe('attribute_ruler')\n"
        "print([(t.text, t.pos_) for t in nlp('plants were')])\n"
    )
    assert run_fresh_python(code) == "[('plants', 'NOUN'), ('were', 'AUX')]"


def test_a_pipeline_without_the_ruler_says_what_is_missing() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(TOKEN_ATTRIBUTES_FACTORY)
    assert nlp("") is not None  # nothing to annotate, nothing needed
    with pytest.raises(ValueError, match="attribute_ruler and lemmatizer"):
        nlp("plants were")


def test_memoised_equals_the_ruler_on_a_blank_pipeline(ruled: Language) -> None:
    expected = annotations(ruled.get_pipe("attribute_ruler")(ruled.make_doc(TEXT)))
    ruled.disable_pipe("attribute_ruler")
    assert annotations(ruled(TEXT)) == expected
    assert ("plants", "NOUN", "Number=Plur", "") in expected and ("gon", "VERB", "", "") in expected


def test_to_disk_and_load_round_trip_on_a_blank_pipeline(ruled: Language, tmp_path: Path) -> None:
    ruled.disable_pipe("attribute_ruler")
    before = annotations(ruled(TEXT))
    ruled.to_disk(tmp_path)
    assert (tmp_path / "attribute_ruler" / "patterns").is_file()  # the data it reads travels with the ruler
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names == [TOKEN_ATTRIBUTES_FACTORY] and loaded.disabled == ["attribute_ruler"]
    assert annotations(loaded(TEXT)) == before


def test_to_disk_and_load_round_trip_with_the_model(nlp: Language, tmp_path: Path) -> None:
    """The model's ruler and lemmatizer stay in the saved pipeline, disabled, and are wrapped again on load."""
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert {"attribute_ruler", "lemmatizer"} <= set(loaded.disabled)
    component = loaded.get_pipe(TOKEN_ATTRIBUTES_FACTORY)
    assert isinstance(component, TokenAttributes) and component.lemmatizer is not None
    text = "Lynas Rare Earths said on Tuesday it was expanding its plant. Gotta go."
    assert [(t.pos_, str(t.morph), t.lemma_) for t in loaded(text)] == [(t.pos_, str(t.morph), t.lemma_) for t in nlp(text)]


def test_a_cache_cleared_at_its_cap_still_annotates_every_token(ruled: Language, monkeypatch) -> None:
    expected = annotations(ruled.get_pipe("attribute_ruler")(ruled.make_doc(TEXT)))
    ruled.disable_pipe("attribute_ruler")
    ruled("plants were")  # two keys cached
    monkeypatch.setattr("pipeline.components.token_attributes.MAX_CACHE", 4)  # the next Doc's new keys overflow it
    assert annotations(ruled(TEXT)) == expected
    component = ruled.get_pipe(TOKEN_ATTRIBUTES_FACTORY)
    assert isinstance(component, TokenAttributes) and len(component.cache) == len({t.text for t in ruled(TEXT)})
