"""Gold and predicted records as the scorer sees them: loaded, grouped per document, labelled.

Records are plain dicts here (record models are dumped to JSON form first), so gold
files may omit any field the SPEC makes optional.
"""

from __future__ import annotations

import fnmatch
import glob
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import UsageError

SPAN_TYPES: tuple[str, ...] = ("entity", "quantity", "date")
RECORD_TYPES: tuple[str, ...] = (*SPAN_TYPES, "event")
SPAN_MODES: tuple[str, ...] = ("strict", "lenient", "strict_value")
EVENT_MODES: tuple[str, ...] = ("strict", "lenient", "type_agent")
LABEL_FIELD: dict[str, str | None] = {
    "entity": "label", "quantity": "quantity_type", "date": None, "event": "event_type"}


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Read SPEC records from a JSONL file, every ``*.jsonl`` under a folder, or a glob of either (sorted).

    Raises:
        UsageError: the path does not exist, holds no JSONL, a glob matches nothing, or a line is not a record.
    """
    files = record_files(path)
    records: list[dict[str, Any]] = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(f"{file}:{number}: invalid JSON ({error.msg})") from error
            if not isinstance(obj, dict) or "type" not in obj or "doc_id" not in obj:
                raise UsageError(f"{file}:{number}: a record needs 'type' and 'doc_id'")
            records.append(migrate_record(obj))
    return records


def record_files(path: str | Path) -> list[Path]:
    """The JSONL files a GOLD or PRED argument names: a file, a folder (searched), or a glob.

    Raises:
        UsageError: nothing exists there, a folder holds no ``.jsonl``, or a glob matches no file.
    """
    root = Path(path)
    if not root.exists() and any(char in str(path) for char in "*?["):
        matches = sorted(Path(name) for name in glob.glob(str(path), recursive=True))
        files = sorted({file for match in matches for file in (_jsonl_under(match) if match.is_dir() else [match])
                        if file.is_file()})
        if not files:
            raise UsageError(f"no file matches {path}")
        return files
    if root.is_dir():
        files = _jsonl_under(root)
        if not files:
            raise UsageError(f"no .jsonl files under {root}")
        return files
    if root.is_file():
        return [root]
    raise UsageError(f"not found: {root}")


def _jsonl_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.jsonl") if p.is_file())


def select_documents(records: Iterable[dict[str, Any]], docs: str) -> list[dict[str, Any]]:
    """The records whose ``doc_id`` matches ``docs``: a comma list of doc_ids or globs (``seeds/00*``)."""
    patterns = [item.strip() for item in docs.split(",") if item.strip()]
    return [r for r in records if any(fnmatch.fnmatchcase(str(r["doc_id"]), pattern) for pattern in patterns)]


def migrate_record(record: dict[str, Any]) -> dict[str, Any]:
    """Schema 1.x date records called the TIMEX value ``value``; 2.0 calls it ``timex``."""
    if record.get("type") == "date" and "value" in record and "timex" not in record:
        record = {("timex" if key == "value" else key): item for key, item in record.items()}
    return record


@dataclass
class ScoredDoc:
    """One document's records of one side (gold or predicted), by type and by id."""

    doc_id: str
    records: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)

    def of_type(self, record_type: str) -> list[dict[str, Any]]:
        return self.records.get(record_type, [])


def group_by_document(records: Iterable[Any]) -> dict[str, ScoredDoc]:
    """``doc_id -> ScoredDoc`` for records given as dicts or record models."""
    docs: dict[str, ScoredDoc] = {}
    for raw in records:
        record = dict(raw) if isinstance(raw, Mapping) else raw.model_dump(mode="json")
        doc_id = str(record["doc_id"])
        doc = docs.setdefault(doc_id, ScoredDoc(doc_id))
        doc.records[record["type"]].append(record)
        if record.get("id"):
            doc.by_id[str(record["id"])] = record
    return docs


def record_label(record: Mapping[str, Any], record_type: str) -> str:
    """The label a record is scored under: entity ``label``, ``quantity_type``, ``event_type``; dates: "date"."""
    name = LABEL_FIELD[record_type]
    return str(record.get(name)) if name else record_type


def has_span(record: Mapping[str, Any]) -> bool:
    """True when the record carries integer ``start``/``end`` offsets (only those are span-scored)."""
    return isinstance(record.get("start"), int) and isinstance(record.get("end"), int)
