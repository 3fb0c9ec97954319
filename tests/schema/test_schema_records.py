"""Output records: every model accepts good examples and rejects bad ones; the JSON Schema matches."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from pipeline.schema.records import (
    ENTITY_LABELS,
    EVENT_TYPES,
    SCHEMA_VERSION,
    ZONES,
    DateRecord,
    DocumentRecord,
    EntityRecord,
    ErrorRecord,
    EventRecord,
    QuantityRecord,
    event_record_id,
    parse_record,
    record_json_schema,
    span_record_id,
)

DOC = "seeds/001.txt"


def span_fields(record_type: str, start: int = 10, end: int = 17, text: str = "Vietnam") -> dict[str, Any]:
    return {
        "id": span_record_id(DOC, record_type, start, end),
        "doc_id": DOC,
        "text": text,
        "start": start,
        "end": end,
        "sentence": 0,
        "section": "I. Asia Region Dynamics",
        "zone": "body",
    }


def document() -> dict[str, Any]:
    return {
        "type": "document",
        "id": DOC,
        "doc_id": DOC,
        "source": "seeds",
        "url": None,
        "title": "Vietnam Locks Down Rare Earth Ore",
        "published": "2025-12-12T16:05",
        "language": "en",
        "encoding": "utf-8",
        "chars": 4523,
        "sentences": 40,
        "sections": [{"title": None, "start": 143, "end": 351, "zone": "body"}],
        "text_sha256": "0" * 64,
        "pipeline": {"name": "orewire", "version": "0.1.0", "model": "en_core_web_sm==3.8.0"},
        "counts": {"entity": 1, "quantity": 1, "date": 1, "event": 1},
        "warnings": [],
    }


def entity() -> dict[str, Any]:
    return {"type": "entity", **span_fields("entity"), "label": "GPE", "normalized": "Vietnam", "kb_id": "VN",
            "commodity": None}


def commodity_entity() -> dict[str, Any]:
    return {
        "type": "entity",
        **span_fields("entity", 40, 56, "dysprosium oxide"),
        "label": "COMMODITY",
        "normalized": "dysprosium oxide",
        "kb_id": None,
        "commodity": {"name": "dysprosium oxide", "elements": ["Dy"], "form": "oxide"},
    }


def quantity() -> dict[str, Any]:
    return {
        "type": "quantity",
        **span_fields("quantity", 60, 75, "3.5 million mt"),
        "quantity_type": "mass",
        "value": 3500000,
        "low": None,
        "high": None,
        "unit": "t",
        "unit_text": "mt",
        "currency": None,
        "qualifier": "approx",
        "per": None,
        "subject": {"text": "rare earth", "entity_id": None},
    }


def price_range() -> dict[str, Any]:
    return {
        **quantity(),
        "id": span_record_id(DOC, "quantity", 80, 103),
        "text": "433,000-437,000 yuan/mt",
        "start": 80,
        "end": 103,
        "quantity_type": "price",
        "value": None,
        "low": 433000,
        "high": 437000,
        "unit": "CNY/t",
        "unit_text": "yuan/mt",
        "currency": "CNY",
        "qualifier": None,
        "subject": None,
    }


def date_record() -> dict[str, Any]:
    return {
        "type": "date",
        **span_fields("date", 3, 14, "December 11"),
        "timex": "2025-12-11",
        "granularity": "day",
        "start_date": "2025-12-11",
        "end_date": "2025-12-11",
        "modifier": None,
        "fiscal": False,
        "resolution": "relative",
        "reference": "2025-12-12",
    }


def event() -> dict[str, Any]:
    return {
        "type": "event",
        "id": event_record_id(DOC, 200, 205, "export_restriction"),
        "doc_id": DOC,
        "event_type": "export_restriction",
        "trigger": {"text": "bars", "start": 200, "end": 204},
        "evidence": "Vietnam bars exports of rare earth ore.",
        "sentence": 3,
        "section": None,
        "zone": "body",
        "arguments": [{"role": "agent", "text": "Vietnam", "ref": span_record_id(DOC, "entity", 10, 17)}],
        "modality": "actual",
        "confidence": 0.8,
        "mentions": [{"start": 200, "end": 204}],
    }


def error() -> dict[str, Any]:
    return {
        "type": "error",
        "id": "bad.txt#error:read",
        "doc_id": "bad.txt",
        "source": "bad.txt",
        "stage": "read",
        "error": "E003",
        "message": "article text is empty or only whitespace",
    }


GOOD = {
    "document": (document, DocumentRecord),
    "entity": (entity, EntityRecord),
    "commodity": (commodity_entity, EntityRecord),
    "quantity": (quantity, QuantityRecord),
    "price_range": (price_range, QuantityRecord),
    "date": (date_record, DateRecord),
    "event": (event, EventRecord),
    "error": (error, ErrorRecord),
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_examples_validate(name: str) -> None:
    make, model = GOOD[name]
    data = make()
    record = parse_record(data)
    assert isinstance(record, model)
    assert record.schema_version == SCHEMA_VERSION == "2.0"
    dumped = record.model_dump(mode="json")
    assert dumped == {"schema_version": "2.0", **data}
    assert parse_record(json.loads(record.model_dump_json())) == record


@pytest.mark.parametrize("name", sorted(GOOD))
def test_extra_fields_are_forbidden(name: str) -> None:
    data = GOOD[name][0]()
    data["surprise"] = 1
    with pytest.raises(ValidationError, match="surprise"):
        parse_record(data)


@pytest.mark.parametrize(
    ("make", "path", "value"),
    [
        (document, ("sections", 0, "extra"), 1),
        (document, ("pipeline", "extra"), 1),
        (commodity_entity, ("commodity", "extra"), 1),
        (quantity, ("subject", "extra"), 1),
        (event, ("trigger", "extra"), 1),
        (event, ("arguments", 0, "extra"), 1),
        (event, ("mentions", 0, "extra"), 1),
    ],
)
def test_extra_fields_forbidden_in_nested_models(make, path: tuple, value: Any) -> None:
    data = make()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationError):
        parse_record(data)


BAD = [
    (entity, "label", "COMPANY"),
    (entity, "label", "org"),
    (entity, "zone", "footer"),
    (entity, "start", -1),
    (entity, "sentence", -1),
    (entity, "schema_version", "1.0"),
    (entity, "id", ""),
    (entity, "doc_id", ""),
    (entity, "type", "thing"),
    (entity, "text", None),
    (quantity, "quantity_type", "weight"),
    (quantity, "qualifier", "about"),
    (quantity, "per", "annum"),
    (quantity, "currency", "usd"),
    (quantity, "currency", "US$"),
    (quantity, "value", float("nan")),
    (quantity, "value", float("inf")),
    (quantity, "low", float("-inf")),
    (quantity, "high", "lots"),
    (date_record, "granularity", "hour"),
    (date_record, "modifier", "beginning"),
    (date_record, "resolution", "guessed"),
    (date_record, "start_date", "2025-12"),
    (date_record, "end_date", "11/12/2025"),
    (date_record, "reference", "2025-12-12T16:05"),
    (event, "event_type", "war"),
    (event, "modality", "likely"),
    (event, "confidence", 1.5),
    (event, "confidence", -0.1),
    (event, "zone", "sidebar"),
    (event, "arguments", [{"role": "buyer", "text": "x", "ref": None}]),
    (document, "text_sha256", "abc"),
    (document, "chars", -1),
    (document, "sections", [{"title": None, "start": 0, "end": 5, "zone": "nav"}]),
    (error, "stage", None),
]


def error_locations(error: ValidationError) -> list[tuple]:
    return [tuple(str(part) for part in detail["loc"]) for detail in error.errors()]


@pytest.mark.parametrize(("make", "field", "value"), BAD, ids=[f"{m.__name__}-{f}-{v!r}" for m, f, v in BAD])
def test_bad_values_are_rejected(make, field: str, value: Any) -> None:
    data = make()
    data[field] = value
    with pytest.raises(ValidationError) as raised:
        parse_record(data)
    # rejected for this field, not for something else wrong with the example
    if field == "type":
        assert "does not match any of the expected tags" in str(raised.value)
    else:
        assert all(field in location for location in error_locations(raised.value)), raised.value


def without(data: dict[str, Any], *path: str | int) -> dict[str, Any]:
    """``data`` with the one field at ``path`` deleted."""
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return data


@pytest.mark.parametrize(
    ("make", "path"),
    [
        *((entity, (field,)) for field in ("label", "normalized", "kb_id", "zone", "section", "sentence")),
        (quantity, ("quantity_type",)),
        (quantity, ("unit",)),
        (date_record, ("timex",)),
        (date_record, ("granularity",)),
        (event, ("event_type",)),
        (event, ("trigger", "start")),
        (document, ("pipeline", "model")),
        (document, ("text_sha256",)),
        (error, ("error",)),
    ],
)
def test_required_fields(make, path: tuple) -> None:
    data = without(make(), *path)
    with pytest.raises(ValidationError) as raised:
        parse_record(data)
    # exactly one complaint: the field under test is missing
    (detail,) = raised.value.errors()
    assert detail["type"] == "missing"
    assert tuple(detail["loc"])[1:] == path


def test_integral_floats_become_ints_and_fractions_stay() -> None:
    data = quantity()
    data["value"] = 3500000.0
    assert parse_record(data).value == 3500000
    assert isinstance(parse_record(data).value, int)
    data["value"] = 1.25
    assert parse_record(data).value == 1.25
    assert math.isfinite(parse_record(data).value)


def test_records_are_frozen() -> None:
    record = parse_record(entity())
    with pytest.raises(ValidationError):
        record.label = "ORG"


def test_enumerations_match_the_spec() -> None:
    assert ZONES == ("title", "dateline", "heading", "body", "related", "boilerplate")
    assert ENTITY_LABELS == ("ORG", "PERSON", "GPE", "LOC", "NORP", "COMMODITY", "FACILITY", "LAW")
    assert len(EVENT_TYPES) == 17
    assert {"export_restriction", "price_movement", "supply_disruption"} <= set(EVENT_TYPES)


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        (span_record_id, ("doc", "entity", 0, 7), "doc#entity:0-7"),
        (span_record_id, ("a/b.txt", "quantity", 120, 135), "a/b.txt#quantity:120-135"),
        (span_record_id, ("wire-1", "date", 3, 14), "wire-1#date:3-14"),
        (event_record_id, ("doc", 200, 204, "financing"), "doc#event:200-204:financing"),
    ],
)
def test_id_formats(function, args: tuple, expected: str) -> None:
    assert function(*args) == expected


# ---------------------------------------------------------------- JSON Schema

@pytest.fixture(scope="module")
def schema_validator() -> jsonschema.protocols.Validator:
    schema = record_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_is_draft_2020_12() -> None:
    schema = record_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/2.0/record.json")
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator
    json.dumps(schema)  # serialisable as it is printed by `orewire schema`


@pytest.mark.parametrize("name", sorted(GOOD))
def test_schema_accepts_good_examples(schema_validator, name: str) -> None:
    record = parse_record(GOOD[name][0]())
    schema_validator.validate(json.loads(record.model_dump_json()))


@pytest.mark.parametrize(
    ("make", "field", "value"),
    [
        (entity, "label", "COMPANY"),
        (entity, "zone", "footer"),
        (entity, "surprise", 1),
        (quantity, "quantity_type", "weight"),
        (quantity, "currency", "usd"),
        (date_record, "start_date", "2025-12"),
        (event, "event_type", "war"),
        (event, "confidence", 1.5),
        (document, "text_sha256", "abc"),
        (error, "type", "warning"),
    ],
)
def test_schema_rejects_bad_examples(schema_validator, make, field: str, value: Any) -> None:
    data = {"schema_version": "2.0", **make()}
    data[field] = value
    assert not schema_validator.is_valid(data)


def test_every_line_of_a_real_extraction_validates_against_the_schema(extractor, schema_validator) -> None:
    text = (
        "Vietnam Bans Rare Earth Ore Exports\n\nPublished: Dec 12, 2025 16:05\n\n"
        "On December 11, Vietnam's National Assembly banned exports of rare earth ore from January 1, 2026. "
        "The country holds reserves of about 3.5 million mt. Pr-Nd oxide rose to 433,000-437,000 yuan/mt.\n"
    )
    records = extractor.extract(text, doc_id="schema-test")
    lines = [record.model_dump_json() for record in records]
    types = {json.loads(line)["type"] for line in lines}
    assert {"document", "entity", "quantity", "date"} <= types
    for line in lines:
        schema_validator.validate(json.loads(line))
        assert re.fullmatch(r"schema-test(#[a-z]+:\d+-\d+(:[a-z_]+)?)?", json.loads(line)["id"])
