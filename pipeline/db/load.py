"""``orewire load``: stream JSONL record files into a database, validating every line.

A document's records arrive together, the document record first (the writer's order). When a
document record arrives, every row with its ``doc_id`` is deleted from every fact table (errors
included) before its new rows go in, so a re-extracted document leaves nothing of an older run.
Records outside such a group (error records, archive records, facts whose document is not in the
input) are upserted by ``id``. Loading the same file twice therefore leaves the same rows.

Rows are written in batches of ``batch_documents`` documents, one transaction each; an invalid
line is reported with its file and line number and skipped, and the rest goes on.
"""

from __future__ import annotations

import glob
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pipeline.db.backends import Backend, LoadError, open_backend, redact
from pipeline.db.layout import TABLE_NAMES, tables_for
from pipeline.db.records import InvalidLine, parse_line
from pipeline.db.tables import FACT_TABLES
from pipeline.errors import UsageError

DOCUMENT_TABLES = tuple(table.name for table in FACT_TABLES if table.has_doc_id)
BATCH_DOCUMENTS = 500
BATCH_LOOSE_RECORDS = 20_000
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class InvalidRecord:
    """A line that was not loaded."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class LoadSummary:
    """What a load did: lines read, rows written per table, table sizes after it, invalid lines."""

    target: str
    backend: str
    files: list[str] = field(default_factory=list)
    lines: int = 0
    documents: int = 0
    written: Counter[str] = field(default_factory=Counter)
    totals: dict[str, int] = field(default_factory=dict)
    invalid: list[InvalidRecord] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.invalid


@dataclass(frozen=True)
class Prepared:
    """One valid record and the rows it gives each of its tables."""

    type: str
    id: str
    doc_id: str | None
    rows: dict[str, list[tuple[Any, ...]]]


def prepare(line: str | bytes) -> Prepared:
    """Validate one line and build its rows (a non-calendar date is caught here, at its line).

    Raises:
        InvalidLine: the line is not a valid record.
    """
    record_type, data = parse_line(line)
    try:
        rows = {table.name: list(table.rows(data)) for table in tables_for(record_type)}
    except ValueError as error:
        raise InvalidLine(str(error)) from error
    if not rows:
        raise InvalidLine(f"no table holds {record_type!r} records")
    return Prepared(record_type, data["id"], data.get("doc_id"), rows)


@dataclass
class Batch:
    """Records waiting to be written: whole documents (replaced) and loose records (upserted by id)."""

    documents: dict[str, dict[tuple[str, str], Prepared]] = field(default_factory=dict)
    loose: dict[tuple[str, str], Prepared] = field(default_factory=dict)

    def add(self, record: Prepared) -> None:
        key = (record.type, record.id)
        if record.type == "document":
            self.documents[record.id] = {key: record}
            for earlier in [k for k, r in self.loose.items() if r.doc_id == record.id]:
                del self.loose[earlier]  # superseded: the document's whole record set follows
        elif record.doc_id is not None and record.doc_id in self.documents:
            self.documents[record.doc_id][key] = record
        else:
            self.loose[key] = record

    @property
    def full(self) -> bool:
        return len(self.documents) >= BATCH_DOCUMENTS or len(self.loose) >= BATCH_LOOSE_RECORDS

    def __bool__(self) -> bool:
        return bool(self.documents or self.loose)


def write_batch(backend: Backend, batch: Batch) -> Counter[str]:
    """Replace the batch's documents, upsert its loose records, and commit; return rows written per table."""
    doc_ids = list(batch.documents)
    for name in DOCUMENT_TABLES:
        backend.delete_where_in(name, "doc_id", doc_ids)
    loose_ids: dict[str, list[str]] = {}
    for record_type, record_id in batch.loose:
        loose_ids.setdefault(record_type, []).append(record_id)
    for record_type, ids in loose_ids.items():
        for table in tables_for(record_type):
            backend.delete_where_in(table.name, table.parent_column, ids)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    records = [record for group in batch.documents.values() for record in group.values()]
    for record in records + list(batch.loose.values()):
        for name, table_rows in record.rows.items():
            rows.setdefault(name, []).extend(table_rows)
    for record_type in {record.type for record in records} | set(loose_ids):
        for table in tables_for(record_type):
            if rows.get(table.name):
                backend.insert(table, rows[table.name])
    backend.commit()
    return Counter({name: len(table_rows) for name, table_rows in rows.items()})


def expand_paths(patterns: Sequence[str]) -> list[Path]:
    """Files named by paths, globs (``**`` recursive) and folders (their ``*.jsonl``), in order, once each.

    Raises:
        UsageError: a path that does not exist, a glob that matches nothing, a folder without JSONL files.
    """
    found: list[Path] = []
    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            matches = sorted(path.glob("*.jsonl"))
            if not matches:
                raise UsageError(f"folder {pattern} holds no .jsonl files")
        elif path.is_file():
            matches = [path]
        elif GLOB_CHARS & set(pattern):
            matches = [Path(name) for name in sorted(glob.glob(pattern, recursive=True)) if Path(name).is_file()]
            if not matches:
                raise UsageError(f"no file matches {pattern}")
        else:
            raise UsageError(f"no such file: {pattern}")
        found.extend(match for match in matches if match not in found)
    return found


def read_lines(path: Path, advance: Any = None) -> Iterator[tuple[int, bytes]]:
    """Numbered non-blank lines of a file, calling ``advance(bytes)`` as it reads."""
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if advance is not None:
                advance(len(line))
            if line.strip():
                yield number, line


def load_files(
    patterns: Sequence[str],
    *,
    target: str = "facts.duckdb",
    progress: bool = False,
    stream: IO[str] | None = None,
) -> LoadSummary:
    """Load JSONL record files into the database ``target`` names (a DuckDB path or a postgresql:// URL).

    Args:
        patterns: files, globs or folders of JSONL records (facts, error files, archive files).
        target: DuckDB file (created when missing) or PostgreSQL URL.
        progress: show a progress bar by bytes read on ``stream`` (default stderr).

    Raises:
        UsageError: missing inputs or an unusable target (before anything is written).
        LoadError: the database cannot be opened or refuses a write (the current batch is rolled back).
    """
    paths = expand_paths(patterns)
    backend = open_backend(target)
    summary = LoadSummary(target=redact(target), backend=backend.name, files=[str(path) for path in paths])
    try:
        with backend, _Bar(enabled=progress, paths=paths, stream=stream) as bar:
            for path in paths:
                bar.start(path)
                _load_file(backend, path, summary, advance=bar.advance)
            summary.totals = {name: backend.count(name) for name in TABLE_NAMES}
    except LoadError:
        raise
    except Exception as error:  # a database error: the open transaction is rolled back by close()
        raise LoadError(f"loading into {redact(target)} failed: {type(error).__name__}: {error}") from error
    return summary


def _load_file(backend: Backend, path: Path, summary: LoadSummary, *, advance: Any) -> None:
    batch = Batch()
    for number, line in read_lines(path, advance):
        summary.lines += 1
        try:
            record = prepare(line)
        except InvalidLine as error:
            summary.invalid.append(InvalidRecord(str(path), number, str(error)))
            continue
        if record.type == "document":
            summary.documents += 1
            if batch.full:
                summary.written.update(write_batch(backend, batch))
                batch = Batch()
        batch.add(record)
        if len(batch.loose) >= BATCH_LOOSE_RECORDS:
            summary.written.update(write_batch(backend, batch))
            batch = Batch()
    if batch:
        summary.written.update(write_batch(backend, batch))


class _Bar:
    """A rich progress bar by bytes read over all files; a no-op when disabled."""

    def __init__(self, *, enabled: bool, paths: Iterable[Path], stream: IO[str] | None) -> None:
        self.enabled = enabled
        self.total = sum(path.stat().st_size for path in paths)
        self.stream = stream or sys.stderr
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _Bar:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

            self._progress = Progress(
                TextColumn("loading {task.fields[file]}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                TimeRemainingColumn(), console=Console(file=self.stream), transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("load", total=self.total, file="")
        return self

    def start(self, path: Path) -> None:
        if self._progress is not None:
            self._progress.update(self._task, file=path.name)

    def advance(self, size: int) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, size)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
