"""The catalogue of coded errors and warnings orewire reports."""

from __future__ import annotations

import logging
from enum import StrEnum

logger = logging.getLogger("orewire")
logger.addHandler(logging.NullHandler())


class ErrorCode(StrEnum):
    """Stable codes written into ``error`` records and warnings."""

    E001_UNREADABLE = "E001"
    E002_NOT_TEXT = "E002"
    E003_EMPTY = "E003"
    E004_BAD_JSON = "E004"
    E005_MISSING_TEXT = "E005"
    E006_TEXT_NOT_STRING = "E006"
    E007_DUPLICATE_ID = "E007"
    E008_BAD_METADATA = "E008"
    E009_TIME_BUDGET = "E009"
    E010_STAGE_FAILED = "E010"
    E011_INVALID_RECORD = "E011"
    E012_INTERNAL = "E012"


MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.E001_UNREADABLE: "could not read input: {detail}",
    ErrorCode.E002_NOT_TEXT: "input is not text ({detail})",
    ErrorCode.E003_EMPTY: "article text is empty or only whitespace",
    ErrorCode.E004_BAD_JSON: "invalid JSON line: {detail}",
    ErrorCode.E005_MISSING_TEXT: "JSONL object has no 'text' field",
    ErrorCode.E006_TEXT_NOT_STRING: "'text' must be a string, got {detail}",
    ErrorCode.E007_DUPLICATE_ID: "duplicate document id {detail!r}; the later article is skipped",
    ErrorCode.E008_BAD_METADATA: "invalid metadata: {detail}",
    ErrorCode.E009_TIME_BUDGET: "article exceeded the time budget of {detail} seconds",
    ErrorCode.E010_STAGE_FAILED: "stage {detail} failed; its records are missing for this article",
    ErrorCode.E011_INVALID_RECORD: "a record failed validation: {detail}",
    ErrorCode.E012_INTERNAL: "internal error: {detail}",
}


class OrewireError(Exception):
    """An error with a catalogue code; ``stage`` says where it happened."""

    def __init__(
        self,
        code: ErrorCode,
        detail: object = "",
        *,
        stage: str = "read",
        doc_id: str | None = None,
        source: str | None = None,
    ) -> None:
        self.code = code
        self.stage = stage
        self.detail = detail
        self.doc_id = doc_id
        self.source = source
        super().__init__(MESSAGES[code].format(detail=detail))

    @property
    def message(self) -> str:
        return str(self)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled across worker processes; the default would call __init__ with the message alone.
        return (_rebuild_error, (self.code, self.detail, self.stage, self.doc_id, self.source))


def _rebuild_error(code: ErrorCode, detail: object, stage: str, doc_id: str | None, source: str | None) -> OrewireError:
    return OrewireError(code, detail, stage=stage, doc_id=doc_id, source=source)


class UsageError(Exception):
    """Bad flags or missing input: the CLI exits with status 2."""
