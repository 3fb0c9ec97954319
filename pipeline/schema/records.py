"""Output records: one pydantic model per SPEC record type.

The JSON Schema published by ``orewire schema`` is generated from these models,
and every line the writer emits is validated against them.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from pipeline.schema.labels import (  # noqa: F401  (re-exported: records are typed by them)
    EVENT_TYPES,
    ArgumentRole,
    DateModifier,
    EntityLabel,
    EventType,
    Granularity,
    Modality,
    Period,
    Qualifier,
    QuantityType,
    Resolution,
    Zone,
)

SCHEMA_VERSION: Literal["2.0"] = "2.0"  # 2.0: the date value is `timex` (one JSON type per field name)


ENTITY_LABELS: tuple[str, ...] = EntityLabel.__args__  # type: ignore[attr-defined]
ZONES: tuple[str, ...] = Zone.__args__  # type: ignore[attr-defined]
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Record(_Model):
    schema_version: Literal["2.0"] = SCHEMA_VERSION
    id: str = Field(min_length=1)
    doc_id: str = Field(min_length=1)


class _SpanRecord(_Record):
    text: str
    start: int = Field(ge=0, description="Character offset of the span in the decoded article text.")
    end: int = Field(ge=0, description="Exclusive end offset; text == document_text[start:end].")
    sentence: int = Field(ge=0, description="0-based index of the sentence in the document.")
    section: str | None = Field(description="Heading the span falls under (innermost), or null.")
    zone: Zone


class SectionInfo(_Model):
    title: str | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    zone: Zone


class PipelineInfo(_Model):
    name: str
    version: str
    model: str = Field(description="spaCy model actually loaded, as name==version.")


class DocumentRecord(_Record):
    type: Literal["document"] = "document"
    source: str | None
    url: str | None
    title: str | None
    published: str | None = Field(description="ISO 8601, as precise as the input gives.")
    language: str
    encoding: str
    chars: int = Field(ge=0)
    sentences: int = Field(ge=0)
    sections: list[SectionInfo]
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    pipeline: PipelineInfo
    counts: dict[str, int]
    warnings: list[str]


class Commodity(_Model):
    name: str
    elements: list[str]
    form: str | None


class EntityRecord(_SpanRecord):
    type: Literal["entity"] = "entity"
    label: EntityLabel
    normalized: str
    kb_id: str | None
    commodity: Commodity | None = None


class Subject(_Model):
    text: str
    entity_id: str | None


Number = int | float


class QuantityRecord(_SpanRecord):
    type: Literal["quantity"] = "quantity"
    quantity_type: QuantityType
    value: Number | None
    low: Number | None
    high: Number | None
    unit: str | None
    unit_text: str | None
    currency: str | None = Field(pattern=r"^[A-Z]{3}$")
    qualifier: Qualifier | None
    per: Period | None
    subject: Subject | None

    @field_validator("value", "low", "high")
    @classmethod
    def _finite_and_tidy(cls, number: Number | None) -> Number | None:
        if number is None:
            return None
        if isinstance(number, float):
            if not math.isfinite(number):
                raise ValueError("quantity values must be finite")
            if number.is_integer() and abs(number) < 2**53:
                return int(number)
        return number


class DateRecord(_SpanRecord):
    type: Literal["date"] = "date"
    timex: str | None = Field(description="TIMEX3-style ISO 8601 value at its granularity; 'a/b' for an interval.")
    granularity: Granularity
    start_date: str | None = Field(pattern=ISO_DAY, description="First calendar day denoted (inclusive).")
    end_date: str | None = Field(pattern=ISO_DAY, description="Last calendar day denoted (inclusive).")
    modifier: DateModifier | None
    fiscal: bool = Field(default=False, description="True for fiscal years and fiscal quarters.")
    resolution: Resolution
    reference: str | None = Field(pattern=ISO_DAY, description="Date a relative mention was resolved against.")


class Trigger(_Model):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Argument(_Model):
    role: ArgumentRole
    text: str
    ref: str | None


class EventRecord(_Record):
    type: Literal["event"] = "event"
    event_type: EventType
    trigger: Trigger
    evidence: str
    sentence: int = Field(ge=0)
    section: str | None
    zone: Zone
    arguments: list[Argument]
    modality: Modality
    confidence: float = Field(ge=0.0, le=1.0)
    mentions: list[Mention]


class ErrorRecord(_Record):
    type: Literal["error"] = "error"
    source: str | None
    stage: str
    error: str = Field(description="Error code from the catalogue in pipeline.errors.")
    message: str


Record = Annotated[
    DocumentRecord | EntityRecord | QuantityRecord | DateRecord | EventRecord | ErrorRecord,
    Field(discriminator="type"),
]
SpanRecord = EntityRecord | QuantityRecord | DateRecord
RECORD_ADAPTER: TypeAdapter[Any] = TypeAdapter(Record)


def json_schema_document(adapter: TypeAdapter[Any], *, version: str, name: str, title: str) -> dict[str, Any]:
    """A draft 2020-12 JSON Schema document for the records ``adapter`` validates."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://orewire.dev/schema/{version}/{name}.json",
        "title": title,
        **adapter.json_schema(),
    }


def record_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that every output line satisfies."""
    return json_schema_document(RECORD_ADAPTER, version=SCHEMA_VERSION, name="record", title="orewire record")


def parse_record(data: dict[str, Any]) -> Any:
    """Validate one decoded JSON line and return the matching record model."""
    return RECORD_ADAPTER.validate_python(data)


def span_record_id(doc_id: str, record_type: str, start: int, end: int) -> str:
    return f"{doc_id}#{record_type}:{start}-{end}"


def event_record_id(doc_id: str, trigger_start: int, trigger_end: int, event_type: str) -> str:
    return f"{doc_id}#event:{trigger_start}-{trigger_end}:{event_type}"
