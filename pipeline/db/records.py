"""Validate one JSONL line with the record models, migrating older schema versions first.

Schema 1.x called a date's ISO value ``value``; 2.0 calls it ``timex`` (one JSON type per field
name). A line of either version is accepted: the date field is renamed to whatever the installed
models expect, validated, and handed to the tables under the column name ``timex``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from pipeline.schema import records as fact_models
from pipeline.schema.archive import ARCHIVE_ADAPTER, ARCHIVE_TYPES

DATE_FIELDS = ("timex", "value")  # the name in schema 2.x, then in 1.x
KNOWN_VERSIONS = ("1.0", "2.0")


class InvalidLine(ValueError):
    """A line that is not a valid record: not JSON, not an object, or rejected by the models."""


def _model_date_field() -> str:
    return "timex" if "timex" in fact_models.DateRecord.model_fields else "value"


def _model_version() -> str:
    return str(fact_models.SCHEMA_VERSION)


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """The line as the installed fact models expect it: same version, date value under their name."""
    version = data.get("schema_version")
    current = _model_version()
    if version not in KNOWN_VERSIONS or version == current:
        return data
    data = {**data, "schema_version": current}
    if data.get("type") == "date":
        old = "value" if str(version).startswith("1.") else "timex"
        new = _model_date_field()
        if old != new and old in data:
            data[new] = data.pop(old)
    return data


def _first_error(error: ValidationError) -> str:
    detail = error.errors()[0]
    where = ".".join(str(part) for part in detail.get("loc", ()))
    return f"{where}: {detail['msg']}" if where else str(detail["msg"])


def parse_line(line: str | bytes) -> tuple[str, dict[str, Any]]:
    """Validate one JSONL line; return its record type and its fields as plain JSON values.

    The schema version stored with the row is the one the line was written with; a date's ISO value
    is always under ``timex``.

    Raises:
        InvalidLine: the line is not JSON, not an object, or not a valid record.
    """
    try:
        model = fact_models.RECORD_ADAPTER.validate_json(line)  # the common case: a current fact record
    except ValidationError:
        model = _validate_slowly(line)
    data: dict[str, Any] = model.model_dump()
    if data["type"] == "date" and "timex" not in data:
        data["timex"] = data.pop("value")
    return str(data["type"]), data


def _validate_slowly(line: str | bytes) -> Any:
    """Archive records, older schema versions, and the exact reason a line is invalid."""
    try:
        raw = json.loads(line)
    except ValueError as error:
        raise InvalidLine(f"not JSON ({error})") from error
    if not isinstance(raw, dict):
        raise InvalidLine(f"not a JSON object but {type(raw).__name__}")
    try:
        if raw.get("type") in ARCHIVE_TYPES:
            return ARCHIVE_ADAPTER.validate_python(raw)
        model = fact_models.RECORD_ADAPTER.validate_python(migrate(raw))
    except ValidationError as error:
        raise InvalidLine(_first_error(error)) from error
    return model.model_copy(update={"schema_version": raw.get("schema_version")})
