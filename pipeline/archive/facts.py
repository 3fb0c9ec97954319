"""Reading fact files (the output of ``orewire extract``) as a stream of documents.

A document's records are written together, the document record first (SPEC §3), so a
document is complete when the next document record (or the end of the file) arrives;
memory holds one document at a time.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import UsageError, logger

FACT_SUFFIXES = (".jsonl",)
SKIPPED_SUFFIXES = (".errors.jsonl", ".partial", ".journal")


@dataclass
class DocumentFacts:
    """The records of one document, by type (plain dicts, as read)."""

    document: dict[str, Any]
    entities: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return str(self.document["doc_id"])


_BUCKETS = {"entity": "entities", "quantity": "quantities", "date": "dates", "event": "events"}


def expand_fact_paths(inputs: Iterable[str]) -> list[Path]:
    """Files, directories (every ``*.jsonl`` inside, recursively) and globs, in sorted order.

    Shards of one run (``facts-000.jsonl``, ``facts-001.jsonl``) are read in name order, so
    a sharded archive and its concatenation give the same result.

    Raises:
        UsageError: when an input names nothing.
    """
    paths: list[Path] = []
    for spec in inputs:
        path = Path(spec)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.jsonl") if not p.name.endswith(SKIPPED_SUFFIXES))
        elif path.is_file():
            found = [path]
        else:
            found = sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
            found = [p for p in found if not p.name.endswith(SKIPPED_SUFFIXES)]
        if not found:
            raise UsageError(f"no fact files match {spec!r}")
        paths.extend(p for p in found if p not in paths)
    return paths


def read_documents(path: Path) -> Iterator[DocumentFacts]:
    """Yield the documents of one fact file in file order; error records and bad lines are skipped."""
    current: DocumentFacts | None = None
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                logger.warning("%s:%d: not JSON (%s); line skipped", path, number, error)
                continue
            kind = record.get("type") if isinstance(record, dict) else None
            if kind == "document":
                if current is not None:
                    yield current
                current = DocumentFacts(document=record)
            elif kind in _BUCKETS:
                if current is None or record.get("doc_id") != current.doc_id:
                    logger.warning("%s:%d: %s record outside its document; skipped", path, number, kind)
                    continue
                getattr(current, _BUCKETS[kind]).append(record)
    if current is not None:
        yield current


def iter_documents(paths: Iterable[Path]) -> Iterator[DocumentFacts]:
    """Every document of every file, in order."""
    for path in paths:
        yield from read_documents(path)
