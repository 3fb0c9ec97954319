"""``--profile default|fast`` (issue 16): which components each profile runs, and the memoised
``orewire_token_attributes`` giving the model's own attribute-ruler and lemmatizer annotations.
No timing here: speed is measured by ``benchmarks/throughput.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from pipeline import Extractor
from pipeline.cli import main
from pipeline.components.nlp import DEFAULT_MODEL, FAST_DROPS, build_nlp
from pipeline.components.token_attributes import TOKEN_ATTRIBUTES_FACTORY, TokenAttributes

ROOT = Path(__file__).resolve().parents[2]
SMALL_SEED = ROOT / "seeds" / "011_plain_paragraph.txt"
TEXT = (
    "Lynas Rare Earths said on Tuesday it would build a A$500 million plant in Kalgoorlie. "
    "There is no sign China will lift its export ban, and I ain't gonna guess, let's wait.\n\n"
    "  The U.S. Department of Energy awarded $20 million to MP Materials; it was signed in June."
)


@pytest.fixture(scope="module")
def fast_nlp():
    return build_nlp(strict=True, profile="fast")


@pytest.fixture(scope="module")
def fast_extractor():
    return Extractor(reference_date="2026-01-15", strict=True, profile="fast")


def test_default_profile_runs_the_parser_lemmas_and_events(nlp):
    names = nlp.pipe_names
    assert {"parser", "ner", TOKEN_ATTRIBUTES_FACTORY, "orewire_events"} <= set(names)
    assert "senter" not in names
    # the model's ruler and lemmatizer stay in the pipeline, disabled: the memoised component replaces them
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)
    doc = nlp(TEXT)
    assert doc.has_annotation("DEP") and [t.lemma_ for t in doc if t.text == "awarded"] == ["award"]


def test_fast_profile_runs_only_the_sentence_recogniser_and_the_rule_stages(fast_nlp):
    names = fast_nlp.pipe_names
    assert set(FAST_DROPS).isdisjoint(names) and TOKEN_ATTRIBUTES_FACTORY not in names
    assert names == ["senter", "orewire_entities", "orewire_quantities", "orewire_dates"]
    doc = fast_nlp(TEXT)
    assert not doc.has_annotation("DEP") and not doc.has_annotation("TAG") and not doc.has_annotation("POS")
    assert doc.has_annotation("SENT_START") and len(list(doc.sents)) >= 3
    # no statistical NER: names come from the gazetteers and name patterns
    assert {"Lynas Rare Earths", "Kalgoorlie", "MP Materials"} <= {ent.text for ent in doc.ents}


def test_fast_extraction_keeps_spans_and_drops_events(extractor, fast_extractor):
    full = extractor.extract(TEXT, doc_id="t")
    fast = fast_extractor.extract(TEXT, doc_id="t")
    kinds = {record.type for record in fast[1:]}
    assert "event" not in kinds and {"entity", "quantity", "date"} <= kinds
    assert any(record.type == "event" for record in full[1:])
    assert fast[0].counts["event"] == 0


def test_unknown_profile_is_refused():
    with pytest.raises(ValueError, match="unknown profile"):
        build_nlp(strict=True, profile="turbo")


def test_memoised_token_attributes_equal_the_models_components(nlp):
    model = spacy.load(DEFAULT_MODEL)
    texts = [TEXT, "Gotta go. You'll see it, y'all.\n\n\t", "He did it and there are 3 mines."]
    for text in texts:
        expected = model(text)
        got = nlp(text)
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in got] == [
            (t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in expected
        ]


def test_memoised_token_attributes_survive_a_memory_zone(nlp):
    component = nlp.get_pipe(TOKEN_ATTRIBUTES_FACTORY)
    assert isinstance(component, TokenAttributes)
    with nlp.memory_zone():
        first = [(t.lemma_, str(t.morph)) for t in nlp("Miners zonedwordxyz were expanding plants.")]
    with nlp.memory_zone():  # the cache hits now; the strings the zone dropped are added again
        second = [(t.lemma_, str(t.morph)) for t in nlp("Miners zonedwordxyz were expanding plants.")]
    assert first == second and ("expand", "Aspect=Prog|Tense=Pres|VerbForm=Part") in first


def test_cli_profile_fast_writes_no_events(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "f.jsonl"
    with pytest.raises(SystemExit) as stopped:
        main(["extract", str(SMALL_SEED), "-o", str(out), "-w", "1", "-q", "--profile", "fast"])
    assert stopped.value.code == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert records[0]["type"] == "document" and not any(record["type"] == "event" for record in records)


def test_cli_unknown_profile_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["extract", str(SMALL_SEED), "-o", "f.jsonl", "--profile", "turbo"])
    assert stopped.value.code == 2
    assert "--profile must be one of default, fast" in capsys.readouterr().err


def test_numpy_blas_gives_the_models_own_annotations(nlp):
    # the default pipeline runs the model on numpy's BLAS; thinc's blis kernels give the same result
    blis = build_nlp(strict=True, blas="blis")
    assert nlp.get_pipe("ner").model.ops.use_blis is False and blis.get_pipe("ner").model.ops.use_blis is True
    for text in (TEXT, SMALL_SEED.read_text("utf-8")):
        expected, got = blis(text), nlp(text)
        assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in got] == [
            (t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in expected
        ]


def test_blas_choice_stays_inside_the_pipeline():
    from thinc.api import get_current_ops

    before = get_current_ops()
    build_nlp(strict=True, blas="numpy")
    assert get_current_ops() is before


def test_unknown_blas_is_refused():
    with pytest.raises(ValueError, match="unknown BLAS backend"):
        build_nlp(strict=True, blas="mkl")


def test_cli_unknown_blas_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["extract", str(SMALL_SEED), "-o", "f.jsonl", "--blas", "mkl"])
    assert stopped.value.code == 2
    assert "--blas must be one of numpy, blis" in capsys.readouterr().err


def test_blas_choice_leaves_other_ops_alone():
    from thinc.api import NumpyOps, get_current_ops, set_current_ops, use_ops
    from thinc.backends.ops import Ops

    from pipeline.components.nlp import _model_ops

    with use_ops("numpy"), _model_ops("numpy"):
        assert isinstance(get_current_ops(), NumpyOps) and get_current_ops().use_blis is False
    other = Ops()  # stands for the GPU ops a caller chose with spacy.prefer_gpu()
    before = get_current_ops()
    set_current_ops(other)
    try:
        with _model_ops("numpy"):
            assert get_current_ops() is other
    finally:
        set_current_ops(before)
