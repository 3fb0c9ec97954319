"""The quantity stage as a spaCy component: added by name, configured, saved and loaded with its tables."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

from pipeline.components.quantities import QuantityStage
from pipeline.resources.files import ResourceError
from pipeline.schema.labels import QUANTITIES_FACTORY, QUANTITY_GROUP

TEXT = "Lynas raised C$101 million and shipped 3,860 mt of ore at US$905/t."
TABLE_FILES = ("units.jsonl", "currencies.json", "iso4217.json", "scales.json", "qualifiers.json", "numbers.json", "words.json")


def _annotations(doc) -> list[tuple[str, dict]]:
    return [(span.text, span._.orewire_quantity) for span in doc.spans[QUANTITY_GROUP]]


@pytest.fixture()
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe(QUANTITIES_FACTORY)
    return nlp


def test_fresh_process_adds_the_stage_by_name():
    """The factory comes from the package's entry point: nothing of ``pipeline`` is imported first."""
    script = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        f"nlp.add_pipe({QUANTITIES_FACTORY!r})\n"
        f"doc = nlp({TEXT!r})\n"
        f"print([span.text for span in doc.spans[{QUANTITY_GROUP!r}]])\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "['C$101 million', '3,860 mt', 'US$905/t']"


def test_stage_writes_spans_and_payloads(blank):
    assert isinstance(blank.get_pipe(QUANTITIES_FACTORY), QuantityStage)
    found = dict(_annotations(blank(TEXT)))
    assert found["C$101 million"]["value"] == 101000000
    assert found["C$101 million"]["currency"] == "CAD"
    assert (found["3,860 mt"]["quantity_type"], found["3,860 mt"]["unit"]) == ("mass", "t")
    assert (found["US$905/t"]["quantity_type"], found["US$905/t"]["unit"]) == ("price", "USD/t")


def test_block_without_context_is_handled(nlp):
    doc = nlp(nlp.make_doc("It produced 5,000 t of ore."))
    assert [span.text for span in doc.spans[QUANTITY_GROUP]] == ["5,000 t"]


def test_to_disk_round_trip_carries_the_tables(blank, tmp_path):
    blank.to_disk(tmp_path)
    saved = tmp_path / QUANTITIES_FACTORY / "models" / "quantities"
    assert sorted(path.name for path in saved.iterdir()) == sorted(TABLE_FILES)
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names == [QUANTITIES_FACTORY]
    assert _annotations(loaded(TEXT)) == _annotations(blank(TEXT))


def test_loaded_pipeline_reads_the_saved_tables_not_the_packaged_ones(blank, tmp_path):
    blank.to_disk(tmp_path)
    currencies = tmp_path / QUANTITIES_FACTORY / "models" / "quantities" / "currencies.json"
    table = json.loads(currencies.read_text(encoding="utf-8"))
    table["prefixes"]["C$"] = "AUD"
    currencies.write_text(json.dumps(table), encoding="utf-8")
    found = dict(_annotations(spacy.load(tmp_path)(TEXT)))
    assert found["C$101 million"]["currency"] == "AUD"


def test_lexicon_folder_is_a_config_option():
    nlp = spacy.blank("en")
    with pytest.raises(ResourceError, match="no-such-folder"):
        nlp.add_pipe(QUANTITIES_FACTORY, config={"lexicon": "no-such-folder"})


def test_factory_declares_what_it_reads_and_writes():
    meta = spacy.blank("en").get_factory_meta(QUANTITIES_FACTORY)
    assert "doc.ents" in meta.requires
    assert set(meta.assigns) == {"doc.spans", "span._.orewire_quantity"}
    assert meta.default_config == {"lexicon": "quantities"}
