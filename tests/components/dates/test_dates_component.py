"""The ``orewire_dates`` component on a blank pipeline: registration by name, configuration,
serialisation round trip, pickling, and the block contexts it reads (zones, reference, hints)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from support import run_fresh_python

from pipeline.components.dates import DateComponent
from pipeline.resources.files import ResourceError
from pipeline.schema.labels import DATE_GROUP
from pipeline.schema.records import DateRecord


@pytest.fixture(scope="module")
def blank_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_dates")
    return nlp


def run(nlp: Language, text: str, reference: str | None = "2025-12-12", *, zone: str = "body", hints=None):
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": zone, "section": None, "reference": reference, "doc_id": "t",
                           "hints": hints}
    return nlp(doc)


def mentions(doc) -> list[tuple[str, str | None]]:
    return [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]]


def infos(doc) -> list[tuple[str, dict]]:
    return [(span.text, dict(span._.orewire_date)) for span in doc.spans[DATE_GROUP]]


def test_fresh_process_adds_the_component_by_name() -> None:
    """The spacy_factories entry point registers the factory without importing ``pipeline`` first."""
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('orewire_dates')\n"
        "doc = nlp.make_doc('Output doubles in Q3 2026.')\n"
        "print([(s.text, s._.orewire_date['timex']) for s in nlp(doc).spans['orewire_dates']])\n"
    )
    assert run_fresh_python(code) == "[('Q3 2026', '2026-Q3')]"


def test_to_disk_and_load_round_trip(blank_nlp: Language, tmp_path: Path) -> None:
    text = "Prices rose three years ago and will double in fiscal 2026, by mid-2027."
    before = infos(run(blank_nlp, text))
    blank_nlp.to_disk(tmp_path)
    saved = tmp_path / "orewire_dates" / "models" / "dates"
    assert sorted(path.name for path in saved.iterdir()) == ["holidays.json", "lexicon.json", "patterns.jsonl"]
    loaded = spacy.load(tmp_path)
    after = infos(run(loaded, text))
    assert after == before and len(before) == 3


def test_loaded_pipeline_reads_the_saved_data(blank_nlp: Language, tmp_path: Path) -> None:
    """``from_disk`` rebuilds from the saved copy: a rule removed there is gone after loading."""
    blank_nlp.to_disk(tmp_path)
    patterns = tmp_path / "orewire_dates" / "models" / "dates" / "patterns.jsonl"
    kept = [line for line in patterns.read_text(encoding="utf-8").splitlines() if '"label": "ago"' not in line]
    patterns.write_text("\n".join(kept) + "\n", encoding="utf-8")
    text = "The mine closed three years ago."
    assert mentions(run(blank_nlp, text)) == [("three years ago", "2022")]
    assert mentions(run(spacy.load(tmp_path), text)) == []


def test_config_names_the_data_files() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ResourceError, match="missing resource"):
        nlp.add_pipe("orewire_dates", config={"patterns": "dates/no_such_file.jsonl"})


def test_factory_declares_what_it_reads_and_writes() -> None:
    meta = Language.get_factory_meta("orewire_dates")
    assert {"doc.spans", "span._.orewire_date"} <= set(meta.assigns)
    assert {"doc._.orewire_block", "doc.spans", "span._.orewire_quantity"} <= set(meta.requires)


def test_component_pickles(blank_nlp: Language) -> None:
    component = blank_nlp.get_pipe("orewire_dates")
    assert isinstance(component, DateComponent)
    component.parser.parse("March 2024")
    clone = pickle.loads(pickle.dumps(component))
    assert clone.parser.parsed == {} and clone.parser.parse("March 2024") == ("2024-03", "month")
    doc = blank_nlp.make_doc("Shipments peaked in Q3 2026.")
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": "2025-12-12", "doc_id": "t"}
    assert mentions(clone(doc)) == [("Q3 2026", "2026-Q3")]


@pytest.mark.parametrize(
    ("text", "zone", "value"),
    [
        ("Dec 12, 2025 16:05", "dateline", "2025-12-12T16:05"),
        ("Jan 29, 2026 11:40", "related", "2026-01-29T11:40"),
        ("28 Jan 2026 10:45", "dateline", "2026-01-28T10:45"),
        ("Feb 5, 2026", "dateline", "2026-02-05"),
        # a page's clock before its day: the same minute, read whole as the segmenter reads it
        ("5:12 PM 23 September 2025", "dateline", "2025-09-23T17:12"),
        ("10:52, June 22, 2025", "related", "2025-06-22T10:52"),
    ],
)
def test_dateline_blocks(blank_nlp: Language, text: str, zone: str, value: str) -> None:
    [(span_text, info)] = infos(run(blank_nlp, text, None, zone=zone))
    assert span_text == text
    assert info["timex"] == value
    assert info["granularity"] == ("minute" if "T" in value else "day")
    assert info["resolution"] == "absolute" and info["reference"] is None


def test_teaser_text_resolves_against_its_own_date(blank_nlp: Language) -> None:
    [(_, info)] = infos(run(blank_nlp, "A public consultation is due to open next month.", "2026-01-29", zone="related"))
    assert (info["timex"], info["reference"]) == ("2026-02", "2026-01-29")


def test_missing_block_context_means_unresolved(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("Prices rose last week, and in 2028 output doubles.")
    doc._.orewire_block = None
    doc = blank_nlp(doc)
    values = [
        (span.text, span._.orewire_date["timex"], span._.orewire_date["resolution"]) for span in doc.spans[DATE_GROUP]
    ]
    assert values == [("last week", None, "unresolved"), ("2028", "2028", "absolute")]


def test_records_validate(blank_nlp: Language) -> None:
    doc = run(blank_nlp, "On Tuesday, FY2026 guidance for early 2026 and the 2030s was cut.")
    spans = list(doc.spans[DATE_GROUP])
    assert [span.text for span in spans] == ["Tuesday", "FY2026", "early 2026", "2030s"]
    for span in spans:
        DateRecord(
            id="t#date",
            doc_id="t",
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            sentence=0,
            section=None,
            zone="body",
            **span._.orewire_date,
        )


def test_fiscal_hint_is_the_fallback_for_a_block_without_cues(blank_nlp: Language) -> None:
    def fiscal_bounds(text: str, hints: dict | None) -> tuple[str, str]:
        [(_, info)] = infos(run(blank_nlp, text, hints=hints))
        return info["start_date"], info["end_date"]

    text = "Output should double in fiscal 2026."
    assert fiscal_bounds(text, None) == ("2026-01-01", "2026-12-31")
    assert fiscal_bounds(text, {"dollar": None, "yen": "JPY", "fiscal": "AU"}) == ("2025-07-01", "2026-06-30")
    assert fiscal_bounds(text, {"dollar": None, "yen": "JPY", "fiscal": "JP"}) == ("2026-04-01", "2027-03-31")
    # A cue in the block beats the article's calendar.
    cued = "Indian output should double in fiscal 2026."
    assert fiscal_bounds(cued, {"dollar": None, "yen": "JPY", "fiscal": "AU"}) == ("2025-04-01", "2026-03-31")
