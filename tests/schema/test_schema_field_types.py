"""Issue 14: one JSON type per field name across every record type (nulls aside), in the JSON Schema
``orewire schema`` prints and in the archive schema of ``orewire consolidate``, so a database or a
dataframe reading the JSONL gives each column one type (``value`` was a number on quantities and a
string on dates). JSON has one number type: a field that is an integer in one place and a number in
another is one type."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.schema.archive import ARCHIVE_TYPES, archive_json_schema

JSON_TYPES = {str: "string", bool: "boolean", int: "number", float: "number", type(None): "null", list: "array",
              dict: "object"}


def json_types(node: dict[str, Any], defs: dict[str, Any]) -> set[str]:
    """The JSON types a (sub)schema admits, ``integer`` counted as ``number``."""
    if "$ref" in node:
        return json_types(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in node:
            return set().union(*(json_types(option, defs) for option in node[key]))
    if "type" in node:
        found = node["type"] if isinstance(node["type"], list) else [node["type"]]
        return {"number" if name == "integer" else name for name in found}
    if "const" in node or "enum" in node:
        return {JSON_TYPES[type(value)] for value in ([node["const"]] if "const" in node else node["enum"])}
    raise AssertionError(f"a property with no type: {node}")


def field_types(*schemas: tuple[str, dict[str, Any]]) -> dict[str, dict[frozenset[str], set[str]]]:
    """property name -> its JSON types (nulls aside) -> the models that declare it so, over every model
    in the schemas' ``$defs`` (the record types and the objects nested in them)."""
    found: dict[str, dict[frozenset[str], set[str]]] = defaultdict(lambda: defaultdict(set))
    for family, schema in schemas:
        defs = schema.get("$defs", {})
        for model, definition in defs.items():
            for name, sub in definition.get("properties", {}).items():
                found[name][frozenset(json_types(sub, defs) - {"null"})].add(f"{family}:{model}")
    return found


def conflicts(found: dict[str, dict[frozenset[str], set[str]]]) -> dict[str, dict[str, list[str]]]:
    return {name: {"|".join(sorted(types)): sorted(models) for types, models in by_types.items()}
            for name, by_types in found.items() if len(by_types) > 1 or any(len(types) != 1 for types in by_types)}


def test_every_field_name_has_one_json_type(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["schema"])
    assert stopped.value.code in (0, None)
    records = json.loads(capsys.readouterr().out)
    found = field_types(("record", records), ("archive", archive_json_schema()))
    # the walk saw every record type of both families, and the fields issue 14 is about
    models = {model for by_types in found.values() for names in by_types.values() for model in names}
    expected = {"record:DocumentRecord", "record:EntityRecord", "record:QuantityRecord", "record:DateRecord",
                "record:EventRecord", "record:ErrorRecord"}
    assert expected <= models
    assert len({model for model in models if model.startswith("archive:")}) >= len(ARCHIVE_TYPES)
    assert {"value", "low", "high", "timex", "start", "end", "type", "id"} <= set(found)
    assert conflicts(found) == {}


def test_the_check_finds_a_field_with_two_types() -> None:
    # it must be able to fail: the schema 1 records had a numeric and a string ``value``
    quantity = {"$defs": {"Q": {"properties": {"value": {"anyOf": [{"type": "integer"}, {"type": "number"},
                                                                    {"type": "null"}]}}}}}
    date = {"$defs": {"D": {"properties": {"value": {"type": "string"}, "kind": {"const": "x"}}}}}
    assert conflicts(field_types(("a", quantity), ("b", date))) == {"value": {"number": ["a:Q"], "string": ["b:D"]}}
    mixed = {"$defs": {"M": {"properties": {"amount": {"anyOf": [{"type": "string"}, {"type": "number"}]}}}}}
    assert conflicts(field_types(("a", mixed))) == {"amount": {"number|string": ["a:M"]}}
