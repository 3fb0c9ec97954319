"""Writing validated JSONL: one line per record, a document's records together.

Output goes to ``<path>.partial`` and is renamed into place when the run
completes, so a reader never sees a half-written file under the final name.
After each document a line is appended to ``<output>.journal`` with the
number of input items done and the byte sizes of both partial files; a run
killed at any point can be resumed by truncating the partials to the last
journaled sizes and skipping the items already done.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from pipeline.article.extractor import Extraction, error_record
from pipeline.errors import ErrorCode, OrewireError, UsageError
from pipeline.schema.records import RECORD_ADAPTER, SCHEMA_VERSION

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, as before
    fcntl = None  # type: ignore[assignment]

JOURNAL_COMPACT_BYTES = 1 << 20
MAX_MESSAGE_CHARS = 1_000
FACT_TYPES = ("entity", "quantity", "date", "event")


def validated_line(record: Any) -> str:
    """Serialise one record after validating it against the published schema.

    Raises:
        OrewireError: E011 when the record does not satisfy the schema.
    """
    line = record.model_dump_json()
    try:
        RECORD_ADAPTER.validate_json(line)  # exactly the bytes that will be written
    except ValidationError as error:
        raise OrewireError(ErrorCode.E011_INVALID_RECORD, error.errors()[0]["msg"], stage="write") from error
    return line + "\n"


def default_errors_path(output: str) -> str:
    if output == "-":
        return "orewire.errors.jsonl"
    base = output[: -len(".jsonl")] if output.endswith(".jsonl") else output
    return f"{base}.errors.jsonl"


def journal_path(output: str) -> str:
    return f"{output}.journal"


def own_output_paths(output: str, errors: str) -> frozenset[Path]:
    """Every file a run writes (output, errors file, their ``.partial`` and the journal), resolved,
    so input discovery never reads a previous run's output back as articles."""
    if output == "-":
        names = [errors, f"{errors}.partial"]
    else:
        names = [output, f"{output}.partial", journal_path(output), errors, f"{errors}.partial"]
    return frozenset(Path(name).resolve() for name in names)


@dataclass(frozen=True)
class Rendered:
    """One article's outcome as bytes ready to write: its record lines, or one error line."""

    doc_id: str
    lines: bytes = b""
    error_line: bytes = b""
    counts: dict[str, int] = field(default_factory=dict)
    words: int = 0

    @property
    def ok(self) -> bool:
        return not self.error_line


def render(extraction: Extraction, *, words: int = 0) -> Rendered:
    """Validate and serialise an ``Extraction``; a record failing validation turns it into an E011 error."""
    if extraction.error is not None:
        return Rendered(extraction.doc_id, error_line=validated_line(extraction.error).encode("utf-8"), words=words)
    try:
        block = "".join(validated_line(record) for record in extraction.records)
    except OrewireError as error:
        error.doc_id = extraction.doc_id
        line = validated_line(error_record(extraction.doc_id, _source(extraction), "write", error))
        return Rendered(extraction.doc_id, error_line=line.encode("utf-8"), words=words)
    counts = Counter(record.type for record in extraction.records[1:])
    return Rendered(extraction.doc_id, lines=block.encode("utf-8"), counts=dict(counts), words=words)


def safe_error_line(doc_id: str, source: str | None, error: OrewireError) -> bytes:
    """An error record line that cannot fail: text that is not valid Unicode is escaped
    (``\\udc80``), the message is capped, and the record is validated like any other."""
    def clean(text: str) -> str:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")

    doc_id, stage, message = clean(doc_id) or "?", clean(error.stage), clean(error.message)[:MAX_MESSAGE_CHARS]
    source = None if source is None else clean(source)
    try:
        record = error_record(doc_id, source, stage, error)
        return validated_line(record.model_copy(update={"message": message})).encode("utf-8")
    except Exception:  # the last resort: plain JSON of the same fields
        line = {"schema_version": SCHEMA_VERSION, "type": "error", "id": f"{doc_id}#error:{stage}", "doc_id": doc_id,
                "source": source, "stage": stage, "error": error.code.value, "message": message}
        return (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")


def _source(extraction: Extraction) -> str | None:
    return getattr(extraction.records[0], "source", None) if extraction.records else None


@dataclass
class ResumePoint:
    """The last journaled state of an interrupted run."""

    items: int = 0
    out_bytes: int = 0
    err_bytes: int = 0
    doc_id: str | None = None
    documents: int = 0
    failed: int = 0
    words: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    settings: dict[str, Any] | None = None


def read_journal(path: str) -> ResumePoint | None:
    """The last complete entry of a journal, or None when there is none (a torn last line is ignored)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    for line in reversed(data.split(b"\n")[:-1]):
        try:
            entry = json.loads(line)
            return ResumePoint(**entry)
        except (ValueError, TypeError):
            continue
    return None


class RecordWriter:
    """Writes articles' outcomes in order: records to the output, error records to the errors file.

    Args:
        output: output JSONL path, or ``-`` for stdout (then no journal and no resume).
        errors: errors JSONL path; with stdout output it is only created when an error occurs.
        resume: continue an interrupted run from its journal; ``skip`` says how many input items are done.
        settings: the options that shape the output (JSON values); stored in the journal, and a
            resume whose settings differ is refused.

    Raises (on entering):
        UsageError: another run holds the lock on the partial files, or ``--resume`` changed the settings.
    """

    def __init__(self, output: str, errors: str, *, resume: bool = False, settings: dict[str, Any] | None = None) -> None:
        if resume and output == "-":
            raise UsageError("--resume needs an output file, not stdout")
        self.output = output
        self.errors = errors
        self.resume = resume
        self.settings = settings
        self.counts: Counter[str] = Counter()
        self.documents = 0
        self.failed = 0
        self.words = 0
        self.items = 0
        self.skip = 0
        self.last_doc_id: str | None = None
        self._out: IO[bytes] | None = None
        self._err: IO[bytes] | None = None
        self._journal: IO[bytes] | None = None
        self._out_bytes = 0
        self._err_bytes = 0

    @property
    def to_stdout(self) -> bool:
        return self.output == "-"

    def __enter__(self) -> RecordWriter:
        point = self._resume_point() if self.resume else None
        if self.to_stdout:
            self._out = sys.stdout.buffer
            return self
        if point is None:
            self._out = _open_partial(self.output, 0)
            self._err = _open_partial(self.errors, 0)
        else:
            self._restore(point)
        self._journal = open(journal_path(self.output), "ab" if point else "wb")
        return self

    def _resume_point(self) -> ResumePoint | None:
        point = read_journal(journal_path(self.output))
        if point is None:
            return None
        if point.settings is not None and self.settings is not None and point.settings != self.settings:
            changed = ", ".join(f"{name} was {point.settings.get(name)!r}, now {value!r}"
                                for name, value in self.settings.items() if point.settings.get(name) != value)
            raise UsageError(f"cannot resume: options changed since the interrupted run ({changed})")
        for path in (self.output, self.errors):
            if not os.path.exists(_partial(path)) and os.path.exists(path):
                os.replace(path, _partial(path))  # killed between the final renames
        if not os.path.exists(_partial(self.output)):
            return None
        return point

    def _restore(self, point: ResumePoint) -> None:
        self._out = _open_partial(self.output, point.out_bytes)
        self._err = _open_partial(self.errors, point.err_bytes)
        self._out_bytes, self._err_bytes = point.out_bytes, point.err_bytes
        self.skip = self.items = point.items
        self.last_doc_id = point.doc_id
        self.documents, self.failed, self.words = point.documents, point.failed, point.words
        self.counts.update(point.counts)

    def write(self, result: Rendered | Extraction) -> None:
        """Write one article's outcome with a single write and flush, then journal it."""
        if isinstance(result, Extraction):
            result = render(result)
        assert self._out is not None, "use RecordWriter as a context manager"
        if result.ok:
            self._out.write(result.lines)
            self._out.flush()
            self._out_bytes += len(result.lines)
            self.documents += 1
            self.counts.update(result.counts)
        else:
            if self._err is None:
                self._err = _open_partial(self.errors, 0)
            self._err.write(result.error_line)
            self._err.flush()
            self._err_bytes += len(result.error_line)
            self.failed += 1
        self.words += result.words
        self.items += 1
        self.last_doc_id = result.doc_id
        self._write_journal()

    def _write_journal(self) -> None:
        if self._journal is None:
            return
        entry = ResumePoint(self.items, self._out_bytes, self._err_bytes, self.last_doc_id,
                            self.documents, self.failed, self.words, dict(self.counts), self.settings)
        # ASCII escapes: a doc id that is not valid Unicode (a lone surrogate) still round-trips
        line = json.dumps(entry.__dict__).encode("utf-8") + b"\n"
        if self._journal.tell() + len(line) > JOURNAL_COMPACT_BYTES:
            self._journal.close()
            temporary = journal_path(self.output) + ".tmp"
            Path(temporary).write_bytes(line)
            os.replace(temporary, journal_path(self.output))
            self._journal = open(journal_path(self.output), "ab")
            return
        self._journal.write(line)
        self._journal.flush()

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        handles = [(self._out, self.output), (self._err, self.errors)]
        for handle, _ in handles:
            if handle is None:
                continue
            handle.flush()
            if handle is sys.stdout.buffer:
                continue
            os.fsync(handle.fileno())
            handle.close()
        if self._journal is not None:
            self._journal.close()
        if exc_type is not None:
            return
        for handle, path in handles:
            if handle is not None and handle is not sys.stdout.buffer:
                os.replace(_partial(path), path)
        if self._journal is not None:
            os.remove(journal_path(self.output))


def _partial(path: str) -> str:
    return f"{path}.partial"


def _open_partial(path: str, size: int) -> IO[bytes]:
    """Open ``<path>.partial`` for appending, truncated to ``size`` bytes (0: a fresh file).

    The file is locked first (and only then truncated), so two runs on one output cannot interleave.

    Raises:
        UsageError: another run holds the lock.
    """
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(path)
    handle = open(os.open(partial, os.O_RDWR | os.O_CREAT, 0o666), "r+b")
    if fcntl is not None:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise UsageError(f"another orewire run is writing {path} (its {partial} is locked)") from None
    handle.truncate(size)
    handle.seek(size)
    return handle
