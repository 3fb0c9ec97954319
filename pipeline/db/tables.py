"""The SQL table layout, as data: one typed table per record type, plus child tables for lists.

Each ``Table`` names the record type it holds and its columns; each ``Column`` names the JSON
field it comes from (a dotted path into the record, or into a list item for child tables) and
a portable SQL type that the backend maps to its own type name. The JSON Schema <-> column
mapping in docs/sql.md is generated from these definitions (``layout.mapping_markdown``).

Column names never need quoting: span offsets ``start``/``end`` become ``start_char``/``end_char``
and nested objects are flattened with their field name as prefix (``trigger_start``).

Extension point: a new record type gets a ``Table`` (and child tables for its lists) appended
to ``FACT_TABLES`` (or its own tuple added to ``pipeline.db.layout.TABLES``); the loader, the DDL
and the docs mapping pick it up from there. Archive-level records (SPEC §8) are defined the same
way in ``pipeline.db.archive_tables``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Literal

SqlType = Literal["TEXT", "INTEGER", "DOUBLE", "BOOLEAN", "DATE", "JSON", "TEXT[]"]

# How a column's value is computed when it is not a plain copy of one field.
Derive = Callable[[Any], Any]


def iso_day(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (the pattern the models enforce) as a date; a non-calendar day raises ValueError."""
    return None if value is None else date.fromisoformat(value)


def day_of(published: str | None) -> date | None:
    """The calendar day of an ISO 8601 timestamp, or None when it is less precise than a day."""
    if published is None or len(published) < 10:
        return None
    return date.fromisoformat(published[:10])


def to_json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def to_float(value: Any) -> float | None:
    return None if value is None else float(value)


CONVERTERS: dict[str, Derive] = {"DATE": iso_day, "JSON": to_json, "DOUBLE": to_float}


@dataclass(frozen=True)
class Column:
    """One SQL column: its name, portable type, and the JSON field (dotted path) it holds.

    ``field`` starting with ``@`` is supplied by the table, not the record: ``@parent`` (the
    parent record's id), ``@index`` (0-based position in the list), ``@doc_id`` (the parent's doc_id).
    """

    name: str
    type: SqlType
    field: str
    derive: Derive | None = None
    note: str = ""

    @cached_property
    def value(self) -> Callable[[dict[str, Any]], Any]:
        """The function that reads this column's value from a record (or list item) dict."""
        convert = self.derive or CONVERTERS.get(self.type)
        first, *rest = self.field.split(".")
        if not rest:
            if convert is None:
                return lambda data: data.get(first)
            return lambda data: convert(data.get(first))

        def nested(data: dict[str, Any]) -> Any:
            found = data.get(first)
            for key in rest:
                found = found.get(key) if isinstance(found, dict) else None
            return found if convert is None else convert(found)

        return nested


@dataclass(frozen=True)
class Table:
    """A table holding one record type (``items`` None) or one list field of it (a child table)."""

    name: str
    record_type: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ("id",)
    items: str | None = None

    def __post_init__(self) -> None:
        fields = [column.field.startswith("@") for column in self.columns]
        if fields != sorted(fields, reverse=True):
            raise ValueError(f"table {self.name}: supplied (@) columns must come first")

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def has_doc_id(self) -> bool:
        return "doc_id" in self.column_names

    @property
    def parent_column(self) -> str:
        """The column holding the id of the record a row came from (``id`` for a record's own table)."""
        return next((column.name for column in self.columns if column.field == "@parent"), "id")

    @cached_property
    def _getters(self) -> tuple[Callable[[dict[str, Any]], Any], ...]:
        return tuple(column.value for column in self.columns if not column.field.startswith("@"))

    def rows(self, data: dict[str, Any]) -> list[tuple[Any, ...]]:
        """The rows one validated record (a ``model_dump()``) gives this table."""
        getters = self._getters
        if self.items is None:
            return [tuple([getter(data) for getter in getters])]
        # Child tables start with the supplied columns: parent id, index, doc_id (in that order).
        parent, doc_id = data["id"], data.get("doc_id")
        supplied = [column.field for column in self.columns if column.field.startswith("@")]
        rows = []
        for index, item in enumerate(data.get(self.items) or ()):
            head = {"@parent": parent, "@index": index, "@doc_id": doc_id}
            rows.append(tuple([head[name] for name in supplied] + [getter(item) for getter in getters]))
        return rows


def text(name: str, field: str | None = None, note: str = "") -> Column:
    return Column(name, "TEXT", field or name, note=note)


def integer(name: str, field: str | None = None) -> Column:
    return Column(name, "INTEGER", field or name)


def double(name: str, field: str | None = None) -> Column:
    return Column(name, "DOUBLE", field or name)


def day(name: str, field: str | None = None) -> Column:
    return Column(name, "DATE", field or name)


def json_column(name: str, field: str | None = None) -> Column:
    return Column(name, "JSON", field or name)


def common(*extra: Column) -> tuple[Column, ...]:
    return (text("id"), text("doc_id"), text("schema_version", note="as the line was written"), *extra)


SPAN = (
    text("text"),
    integer("start_char", "start"),
    integer("end_char", "end"),
    integer("sentence"),
    text("section"),
    text("zone"),
)

DOCUMENTS = Table("documents", "document", common(
    text("source"), text("url"), text("title"), text("published"),
    Column("published_date", "DATE", "published", derive=day_of, note="its day; null when less precise"),
    text("language"), text("encoding"), integer("chars"), integer("sentences"), json_column("sections"),
    text("text_sha256"), text("pipeline_name", "pipeline.name"), text("pipeline_version", "pipeline.version"),
    text("pipeline_model", "pipeline.model"), json_column("counts"), json_column("warnings"),
))

ENTITIES = Table("entities", "entity", common(
    *SPAN, text("label"), text("normalized"), text("kb_id"),
    text("commodity_name", "commodity.name"), Column("commodity_elements", "TEXT[]", "commodity.elements"),
    text("commodity_form", "commodity.form"),
))

QUANTITIES = Table("quantities", "quantity", common(
    *SPAN, text("quantity_type"), double("value"), double("low"), double("high"), text("unit"), text("unit_text"),
    text("currency"), text("qualifier"), text("per"),
    text("subject_text", "subject.text"), text("subject_entity_id", "subject.entity_id"),
))

DATES = Table("dates", "date", common(
    *SPAN, text("timex", note="`value` in schema 1.x lines"), text("granularity"), day("start_date"), day("end_date"),
    text("modifier"), Column("fiscal", "BOOLEAN", "fiscal"), text("resolution"), day("reference"),
))

EVENTS = Table("events", "event", common(
    text("event_type"), text("trigger_text", "trigger.text"), integer("trigger_start", "trigger.start"),
    integer("trigger_end", "trigger.end"), text("evidence"), integer("sentence"), text("section"), text("zone"),
    text("modality"), double("confidence"),
))

EVENT_ARGUMENTS = Table("event_arguments", "event", (
    text("event_id", "@parent"), integer("arg_index", "@index"), text("doc_id", "@doc_id"),
    text("role"), text("text"), text("ref"),
), key=("event_id", "arg_index"), items="arguments")

EVENT_MENTIONS = Table("event_mentions", "event", (
    text("event_id", "@parent"), integer("mention_index", "@index"), text("doc_id", "@doc_id"),
    integer("start_char", "start"), integer("end_char", "end"),
), key=("event_id", "mention_index"), items="mentions")

ERRORS = Table("errors", "error", common(text("source"), text("stage"), text("error"), text("message")))

FACT_TABLES: tuple[Table, ...] = (DOCUMENTS, ENTITIES, QUANTITIES, DATES, EVENTS, EVENT_ARGUMENTS, EVENT_MENTIONS, ERRORS)
