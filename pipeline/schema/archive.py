"""Archive-level records written by ``orewire consolidate`` (SPEC §8): one pydantic model each.

They belong to the same schema family as ``records.py``: ``extra="forbid"``, a ``type``
discriminator, deterministic ids, and every field name holds one JSON type across both
modules (``key`` and ``n_*`` are new names; ``value`` and ``timex`` are not used here).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from pipeline.schema.labels import ArgumentRole, EntityLabel, EventType
from pipeline.schema.records import json_schema_document

ARCHIVE_SCHEMA_VERSION: Literal["2.0"] = "2.0"
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _ArchiveRecord(_Model):
    schema_version: Literal["2.0"] = ARCHIVE_SCHEMA_VERSION
    id: str = Field(min_length=1)


class GroupMember(_Model):
    doc_id: str = Field(min_length=1)
    source: str | None
    published: str | None = Field(description="Publication date of the member, as the document record gives it.")
    similarity: float = Field(ge=0.0, le=1.0, description="Estimated Jaccard similarity to the canonical article (1.0 for it).")
    exact: bool = Field(description="True when text_sha256 equals the canonical article's.")


class ArticleGroupRecord(_ArchiveRecord):
    """Near-duplicate articles (syndicated or lightly edited copies); canonical = earliest published."""

    type: Literal["article_group"] = "article_group"
    canonical_doc_id: str = Field(min_length=1)
    title: str | None
    n_articles: int = Field(ge=2)
    n_sources: int = Field(ge=0)
    members: list[GroupMember]


class NameSeen(_Model):
    text: str
    n_docs: int = Field(ge=1)


class EntityKeyRecord(_ArchiveRecord):
    """One organisation, facility, commodity or place across articles; ``id`` is the key itself."""

    type: Literal["entity_key"] = "entity_key"
    label: EntityLabel
    normalized: str = Field(description="Canonical name: the alias table's, else the name seen in most documents.")
    kb_id: str | None
    names: list[NameSeen]
    n_docs: int = Field(ge=1)
    n_mentions: int = Field(ge=1)
    entity_ids: list[str] = Field(description="Every member entity record id, sorted.")


class ArgumentValue(_Model):
    role: ArgumentRole
    key: str = Field(description="Comparable form: entity key, 'amount CUR', or an ISO date interval.")
    text: str = Field(description="The wording seen in most articles.")
    n_articles: int = Field(ge=1)


class DisputedArgument(_Model):
    role: ArgumentRole
    alternatives: list[ArgumentValue] = Field(min_length=2)


class EventClusterRecord(_ArchiveRecord):
    """One happening reported by one or more articles."""

    type: Literal["event_cluster"] = "event_cluster"
    event_type: EventType
    agent_key: str | None
    first_reported: str | None = Field(pattern=ISO_DAY, description="Earliest publication day of a member article.")
    last_reported: str | None = Field(pattern=ISO_DAY)
    start_date: str | None = Field(pattern=ISO_DAY, description="Earliest day the members' date arguments denote.")
    end_date: str | None = Field(pattern=ISO_DAY)
    n_articles: int = Field(ge=1)
    n_sources: int = Field(ge=0)
    n_groups: int = Field(ge=1, description="Distinct article groups: independent reports, syndicated copies counted once.")
    doc_ids: list[str]
    event_ids: list[str]
    agreed: list[ArgumentValue]
    disputed: list[DisputedArgument]


ArchiveRecord = Annotated[ArticleGroupRecord | EntityKeyRecord | EventClusterRecord, Field(discriminator="type")]
ARCHIVE_ADAPTER: TypeAdapter[Any] = TypeAdapter(ArchiveRecord)
ARCHIVE_TYPES: tuple[str, ...] = ("article_group", "entity_key", "event_cluster")


def archive_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that every line of an archive file satisfies."""
    return json_schema_document(ARCHIVE_ADAPTER, version=ARCHIVE_SCHEMA_VERSION, name="archive",
                                title="orewire archive record")


def parse_archive_record(data: dict[str, Any]) -> Any:
    """Validate one decoded archive line and return the matching model."""
    return ARCHIVE_ADAPTER.validate_python(data)
