"""Reading input: .txt files, directories, globs, JSONL and stdin, lazily.

Every item yielded is an ``Article`` or, for bad input, an ``OrewireError``
carrying the ``doc_id`` and ``source`` it belongs to, so one bad article
becomes one error record and the batch goes on.
"""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from charset_normalizer import from_bytes

from .article import Article
from .errors import ErrorCode, OrewireError, UsageError

INPUT_SUFFIXES = (".txt", ".jsonl")
METADATA_FIELDS = ("url", "title", "published", "source")
CONTROL_SHARE_LIMIT = 0.3


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes: UTF-8 first (a BOM is honoured), else the detected encoding.

    Returns the text and the name of the encoding used.

    Raises:
        OrewireError: E002 when the bytes are not text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked_text(data.decode("utf-8-sig", errors="strict"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked_text(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as error:
            raise OrewireError(ErrorCode.E002_NOT_TEXT, "invalid UTF-16") from error
    if b"\x00" in data:
        raise OrewireError(ErrorCode.E002_NOT_TEXT, "NUL bytes")
    try:
        return _checked_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise OrewireError(ErrorCode.E002_NOT_TEXT, "no text encoding fits the bytes")
    return _checked_text(str(best), best.encoding)


def _checked_text(text: str, encoding: str) -> tuple[str, str]:
    if text:
        controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f\v")
        if "\x00" in text or controls / len(text) > CONTROL_SHARE_LIMIT:
            raise OrewireError(ErrorCode.E002_NOT_TEXT, "mostly control characters")
    return text, encoding


def expand_inputs(inputs: Iterable[str]) -> list[tuple[Path | None, Path | None]]:
    """Resolve CLI inputs to ``(file, root)`` pairs in order; ``(None, None)`` stands for stdin.

    Raises:
        UsageError: an input names nothing that exists.
    """
    resolved: list[tuple[Path | None, Path | None]] = []
    for raw in inputs:
        if raw == "-":
            resolved.append((None, None))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES)
            resolved.extend((file, path) for file in files)
        elif path.is_file():
            resolved.append((path, path.parent))
        elif glob.has_magic(raw):
            matches = sorted(Path(match) for match in glob.glob(raw, recursive=True))
            files = [match for match in matches if match.is_file()]
            if not files:
                raise UsageError(f"no input matches {raw!r}")
            root = Path(_glob_root(raw))
            resolved.extend((file, root) for file in files)
        else:
            raise UsageError(f"input not found: {raw}")
    if not resolved:
        raise UsageError("no input given")
    return resolved


def _glob_root(pattern: str) -> str:
    parts = Path(pattern).parts
    fixed = [part for part in _takewhile_plain(parts)]
    return str(Path(*fixed)) if fixed else "."


def _takewhile_plain(parts: tuple[str, ...]) -> Iterator[str]:
    for part in parts[:-1]:
        if glob.has_magic(part):
            return
        yield part


def read_articles(inputs: Iterable[str], *, stdin: IO[bytes] | None = None) -> Iterator[Article | OrewireError]:
    """Yield the articles of every input, lazily and in order; duplicate ids become errors."""
    seen_ids: set[str] = set()
    for file, root in expand_inputs(inputs):
        for item in _read_one(file, root, stdin):
            if isinstance(item, Article):
                if item.doc_id in seen_ids:
                    yield OrewireError(ErrorCode.E007_DUPLICATE_ID, item.doc_id, doc_id=item.doc_id, source=item.source)
                    continue
                seen_ids.add(item.doc_id)
            yield item


def _read_one(file: Path | None, root: Path | None, stdin: IO[bytes] | None) -> Iterator[Article | OrewireError]:
    if file is None:
        data = (stdin or sys.stdin.buffer).read()
        yield from _articles_from_stdin(data)
        return
    doc_id = file.relative_to(root).as_posix() if root is not None else file.name
    source = file.as_posix()
    try:
        data = file.read_bytes()
    except OSError as error:
        yield OrewireError(ErrorCode.E001_UNREADABLE, error.strerror or error, doc_id=doc_id, source=source)
        return
    if file.suffix == ".jsonl":
        yield from articles_from_jsonl(data, doc_id, source)
        return
    try:
        text, encoding = decode_bytes(data)
    except OrewireError as error:
        error.doc_id, error.source = doc_id, source
        yield error
        return
    yield Article(doc_id=doc_id, text=text, source=source, encoding=encoding)


def _articles_from_stdin(data: bytes) -> Iterator[Article | OrewireError]:
    if data.lstrip()[:1] == b"{":
        yield from articles_from_jsonl(data, "stdin", "stdin")
        return
    try:
        text, encoding = decode_bytes(data)
    except OrewireError as error:
        error.doc_id, error.source = "stdin", "stdin"
        yield error
        return
    yield Article(doc_id="stdin", text=text, source="stdin", encoding=encoding)


def articles_from_jsonl(data: bytes, name: str, source: str) -> Iterator[Article | OrewireError]:
    """Yield one article per JSONL line; ``doc_id`` is the ``id`` field or ``<name>:<line>``."""
    try:
        text, encoding = decode_bytes(data)
    except OrewireError as error:
        error.doc_id, error.source = name, source
        yield error
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fallback_id = f"{name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            yield OrewireError(ErrorCode.E004_BAD_JSON, error.msg, doc_id=fallback_id, source=source)
            continue
        yield _article_from_object(obj, fallback_id, source, encoding)


def _article_from_object(obj: Any, fallback_id: str, source: str, encoding: str) -> Article | OrewireError:
    if not isinstance(obj, dict):
        return OrewireError(ErrorCode.E004_BAD_JSON, "a line must hold a JSON object", doc_id=fallback_id, source=source)
    raw_id = obj.get("id")
    doc_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    if "text" not in obj:
        return OrewireError(ErrorCode.E005_MISSING_TEXT, doc_id=doc_id, source=source)
    if not isinstance(obj["text"], str):
        return OrewireError(ErrorCode.E006_TEXT_NOT_STRING, type(obj["text"]).__name__, doc_id=doc_id, source=source)
    metadata = {field: obj.get(field) for field in METADATA_FIELDS}
    for field, value in metadata.items():
        if value is not None and not isinstance(value, str):
            return OrewireError(ErrorCode.E008_BAD_METADATA, f"{field} must be a string", doc_id=doc_id, source=source)
    return Article(
        doc_id=doc_id,
        text=obj["text"],
        source=metadata["source"] or source,
        url=metadata["url"],
        title=metadata["title"],
        published=metadata["published"],
        encoding=encoding,
    )
