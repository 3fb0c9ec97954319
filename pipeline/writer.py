"""Writing validated JSONL: one line per record, a document's records together.

Output goes to ``<path>.partial`` and is renamed into place when the run
completes, so a reader never sees a half-written file under the final name.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from .errors import ErrorCode, OrewireError
from .extractor import Extraction, error_record
from .records import RECORD_ADAPTER


def validated_line(record: Any) -> str:
    """Serialise one record after validating it against the published schema.

    Raises:
        OrewireError: E011 when the record does not satisfy the schema.
    """
    data = record.model_dump(mode="json")
    try:
        RECORD_ADAPTER.validate_python(data)
    except ValidationError as error:
        raise OrewireError(ErrorCode.E011_INVALID_RECORD, error.errors()[0]["msg"], stage="write") from error
    return record.model_dump_json() + "\n"


def default_errors_path(output: str) -> str:
    if output == "-":
        return "orewire.errors.jsonl"
    base = output[: -len(".jsonl")] if output.endswith(".jsonl") else output
    return f"{base}.errors.jsonl"


class RecordWriter:
    """Writes ``Extraction`` results: records to the output, error records to the errors file."""

    def __init__(self, output: str, errors: str) -> None:
        self.output = output
        self.errors = errors
        self.counts: Counter[str] = Counter()
        self.documents = 0
        self.failed = 0
        self._out: IO[str] | None = None
        self._err: IO[str] | None = None

    def __enter__(self) -> RecordWriter:
        self._out = sys.stdout if self.output == "-" else _open_partial(self.output)
        self._err = _open_partial(self.errors)
        return self

    def write(self, extraction: Extraction) -> None:
        assert self._out is not None and self._err is not None, "use RecordWriter as a context manager"
        if extraction.error is not None:
            self._err.write(validated_line(extraction.error))
            self._err.flush()
            self.failed += 1
            return
        try:
            block = "".join(validated_line(record) for record in extraction.records)
        except OrewireError as error:
            error.doc_id = extraction.doc_id
            self._err.write(validated_line(error_record(extraction.doc_id, None, "write", error)))
            self.failed += 1
            return
        self._out.write(block)
        self._out.flush()
        self.documents += 1
        self.counts.update(record.type for record in extraction.records[1:])

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        for handle, path in ((self._out, self.output), (self._err, self.errors)):
            if handle is None or handle is sys.stdout:
                continue
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            if exc_type is None:
                os.replace(_partial(path), path)


def _partial(path: str) -> str:
    return f"{path}.partial"


def _open_partial(path: str) -> IO[str]:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(_partial(path), "w", encoding="utf-8", newline="\n")
