"""The ``orewire_entity_linker`` component: the extractor's entity linking on one Doc, so a user's own
``nlp`` with orewire's stages gives the same entities as ``Extractor`` for a one-block text."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from support import run_fresh_python

from pipeline.components.linking import ENTITY_LINKER_FACTORY
from pipeline.components.nlp import default_model_name

ARTICLE = (
    "Laurentian Graphite Inc. said Export Development Canada (EDC) will lend it money for its Lac Rouge graphite "
    "project in Quebec. EDC said the loan would close in March, and Laurentian plans to start construction. "
    "The European Commission welcomed the deal; the Commission said Lynas Corporation and Lynas Rare Earths "
    "were not involved, while Lynas shares rose."
)
INSTALLED = {entry.name for entry in entry_points(group="spacy_factories")}


def triples(doc) -> list[tuple[str, str, str | None]]:
    return [(e.label_, e._.orewire_entity["normalized"], e._.orewire_entity["kb_id"]) for e in doc.ents]


@pytest.fixture(scope="module")
def blank_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_entities")
    nlp.add_pipe(ENTITY_LINKER_FACTORY)
    return nlp


@pytest.mark.skipif(ENTITY_LINKER_FACTORY not in INSTALLED, reason="entry points predate the linker: pip install -e .")
def test_fresh_process_adds_the_component_by_name() -> None:
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('orewire_entities')\n"
        "nlp.add_pipe('orewire_entity_linker')\n"
        "doc = nlp('Lynas Corporation raised output. Lynas said demand was strong.')\n"
        "print([e._.orewire_entity['normalized'] for e in doc.ents])\n"
    )
    assert run_fresh_python(code) == "['Lynas Corporation', 'Lynas Corporation']"


def test_short_form_takes_the_full_name(blank_nlp: Language) -> None:
    doc = blank_nlp("Lynas Corporation raised output. Lynas said demand was strong.")
    assert [(e.text, e.label_, e._.orewire_entity["normalized"]) for e in doc.ents] == [
        ("Lynas Corporation", "ORG", "Lynas Corporation"),
        ("Lynas", "ORG", "Lynas Corporation"),
    ]


def test_a_relabelled_mention_keeps_its_info(blank_nlp: Language) -> None:
    """A label change makes a new span: its ``orewire_entity`` is set on it, not left on the old label."""
    doc = blank_nlp.make_doc("Workers at the Lwambo mine struck. Lwambo output fell.")
    doc = blank_nlp.get_pipe("orewire_entities")(doc)
    doc.ents = [doc.ents[0], doc.char_span(35, 41, label="PERSON")]
    doc.ents[1]._.orewire_entity = {"normalized": "Lwambo", "kb_id": None, "commodity": None}
    linked = blank_nlp.get_pipe(ENTITY_LINKER_FACTORY)(doc)
    assert [(e.label_, e._.orewire_entity) for e in linked.ents] == [
        ("FACILITY", {"normalized": "Lwambo", "kb_id": None, "commodity": None})
    ] * 2


def test_to_disk_and_load_round_trip(blank_nlp: Language, tmp_path: Path) -> None:
    text = "Lynas Corporation raised output. Lynas said demand was strong."
    before = triples(blank_nlp(text))
    blank_nlp.to_disk(tmp_path)
    assert triples(spacy.load(tmp_path)(text)) == before == [("ORG", "Lynas Corporation", None)] * 2


def test_extractor_and_own_nlp_give_the_same_entities(extractor) -> None:
    """One paragraph: the extractor's records and spacy.load(model) + our stages + linker agree; without
    the linker they would not ("Laurentian" stays a short ORG, "Commission" and "Lynas" stay short)."""
    records = [record for record in extractor.extract(ARTICLE, doc_id="x") if record.type == "entity"]
    expected = [(record.label, record.normalized, record.kb_id) for record in records]
    nlp = spacy.load(default_model_name())
    nlp.add_pipe("orewire_entities")
    unlinked = triples(nlp(ARTICLE))
    nlp.add_pipe(ENTITY_LINKER_FACTORY)
    assert triples(nlp(ARTICLE)) == expected
    assert unlinked != expected
    assert ("ORG", "Laurentian Graphite Inc.", None) in expected and ("ORG", "Laurentian", None) in unlinked
