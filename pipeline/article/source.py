"""The article as read from input: text plus metadata (its publication time checked), before any processing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pipeline.errors import ErrorCode, OrewireError


@dataclass(frozen=True)
class Article:
    """One input article. ``published`` is ISO 8601 from the input metadata, if any.

    ``warnings`` are carried into the document record (decoding repairs); ``location`` is
    ``<file>:<line>`` for a JSONL line, used to name an article whose own id is unusable.
    """

    doc_id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    location: str | None = None


def normalise_published(value: str | None) -> str | None:
    """Validate ISO 8601 metadata; keep it as precise as given (minutes at most)."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise OrewireError(ErrorCode.E008_BAD_METADATA, f"published {text!r} is not ISO 8601") from error
    if len(text) <= 10:
        return parsed.date().isoformat()
    minutes = parsed.strftime("%Y-%m-%dT%H:%M")
    if parsed.tzinfo is None:
        return minutes
    if text.endswith(("Z", "z")):
        return minutes + "Z"
    offset = parsed.strftime("%z")  # the offset as given, not converted: "-0800"
    return f"{minutes}{offset[:3]}:{offset[3:5]}"
