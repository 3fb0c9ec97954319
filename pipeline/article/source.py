"""The article as read from input: text plus metadata, before any processing."""

from __future__ import annotations

from dataclasses import dataclass


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
