"""The ``orewire_entities`` component on a blank pipeline: registration by name, configuration,
serialisation round trip with its data files, pickling, and the rule entities it finds without a model."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.components.entities import EntityComponent
from pipeline.resources.files import ResourceError
from pipeline.schema.labels import ENTITY_CANDIDATE_GROUP

ROOT = Path(__file__).resolve().parents[3]
TEXT = "Lynas Corporation shipped rare earth oxide from Western Australia to the Ministry of Commerce."
EXPECTED = [
    ("Lynas Corporation", "ORG", "Lynas Corporation", None),
    ("rare earth oxide", "COMMODITY", "rare earth oxide", None),
    ("Western Australia", "GPE", "Western Australia", "AU-WA"),
    ("Ministry of Commerce", "ORG", "Ministry of Commerce", None),
]
SAVED_FILES = [
    "aliases.jsonl", "capitals.jsonl", "commodities.json", "cue_words.json", "headline_words.json",
    "known_sites.jsonl", "ministries.jsonl", "model_support.json", "nationalities.jsonl", "not_organisations.json",
    "organizations.jsonl", "patterns.jsonl", "places.jsonl", "towns.json",
]


@pytest.fixture(scope="module")
def blank_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_entities")
    return nlp


def entities(doc) -> list[tuple[str, str, str, str | None]]:
    return [(e.text, e.label_, e._.orewire_entity["normalized"], e._.orewire_entity["kb_id"]) for e in doc.ents]


def test_fresh_process_adds_the_component_by_name() -> None:
    """The spacy_factories entry point registers the factory without importing ``pipeline`` first."""
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('orewire_entities')\n"
        "doc = nlp('Output of lithium hydroxide rose in Chile.')\n"
        "print([(e.text, e.label_, e._.orewire_entity['kb_id']) for e in doc.ents])\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[('lithium hydroxide', 'COMMODITY', None), ('Chile', 'GPE', 'CL')]"


def test_rules_run_without_a_statistical_model(blank_nlp: Language) -> None:
    doc = blank_nlp(TEXT)
    assert entities(doc) == EXPECTED
    # every rule hit, overlapping ones too ("Lynas" from the gazetteer inside "Lynas Corporation")
    candidates = {(span.text, span.label_) for span in doc.spans[ENTITY_CANDIDATE_GROUP]}
    assert candidates >= {("Lynas", "ORG"), *((text, label) for text, label, _, _ in EXPECTED)}


def test_to_disk_and_load_round_trip(blank_nlp: Language, tmp_path: Path) -> None:
    before = entities(blank_nlp(TEXT))
    blank_nlp.to_disk(tmp_path)
    saved = tmp_path / "orewire_entities" / "models" / "entities"
    assert sorted(path.name for path in saved.iterdir()) == SAVED_FILES
    assert entities(spacy.load(tmp_path)(TEXT)) == before == EXPECTED


def test_loaded_pipeline_reads_the_saved_data(blank_nlp: Language, tmp_path: Path) -> None:
    """``from_disk`` rebuilds from the saved copy: a gazetteer row added there is found after loading."""
    blank_nlp.to_disk(tmp_path)
    organizations = tmp_path / "orewire_entities" / "models" / "entities" / "organizations.jsonl"
    row = '{"label": "ORG", "pattern": "Quarrow", "normalized": "Quarrow Mining Ltd"}\n'
    organizations.write_text(organizations.read_text(encoding="utf-8") + row, encoding="utf-8")
    text = "Quarrow shipped ore."
    assert entities(blank_nlp(text)) == []
    assert entities(spacy.load(tmp_path)(text)) == [("Quarrow", "ORG", "Quarrow Mining Ltd", None)]


def test_config_names_the_data_folder() -> None:
    with pytest.raises(ResourceError, match="missing resource"):
        spacy.blank("en").add_pipe("orewire_entities", config={"folder": "no_such_folder"})


def test_factory_declares_what_it_reads_and_writes() -> None:
    meta = Language.get_factory_meta("orewire_entities")
    assert {"doc.ents", "doc.spans", "span._.orewire_entity"} <= set(meta.assigns)
    assert {"doc.ents", "token.pos", "token.dep"} <= set(meta.requires)


def test_component_pickles(blank_nlp: Language) -> None:
    component = blank_nlp.get_pipe("orewire_entities")
    assert isinstance(component, EntityComponent)
    clone = pickle.loads(pickle.dumps(component))
    assert entities(clone(blank_nlp.make_doc(TEXT))) == EXPECTED


def test_a_failing_rule_raises_under_the_default_error_handler(blank_nlp: Language, monkeypatch) -> None:
    """No try/except around the stage body: spaCy's error handler decides (strict by default)."""
    component = blank_nlp.get_pipe("orewire_entities")
    monkeypatch.setattr(component, "rule_spans", lambda view: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        blank_nlp("Lynas shipped ore.")
