"""Reading input: .txt files, directories, globs, JSONL and stdin, lazily.

Every item yielded is an ``Article`` or, for bad input, an ``OrewireError``
carrying the ``doc_id`` and ``source`` it belongs to, so one bad article
becomes one error record and the batch goes on.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from charset_normalizer import from_bytes

from pipeline.article.source import Article
from pipeline.errors import ErrorCode, OrewireError, UsageError

INPUT_SUFFIXES = (".txt", ".jsonl")
METADATA_FIELDS = ("url", "title", "published", "source")
CONTROL_SHARE_LIMIT = 0.3
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")
WESTERN_CHARS = frozenset(bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore"))
WESTERN_SHARE_LIMIT = 0.2
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes: UTF-8 first (a BOM is honoured), else the detected encoding.

    Returns the text and the name of the encoding used.

    Raises:
        OrewireError: E002 when the bytes are not text.
    """
    if data.startswith(UTF8_BOM):
        return _checked_text(data.decode("utf-8-sig", errors="strict"), "utf-8-sig")
    if data.startswith(UTF16_BOMS):
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
    western = _western_text(data)
    if western is not None:
        return western
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise OrewireError(ErrorCode.E002_NOT_TEXT, "no text encoding fits the bytes")
    return _checked_text(str(best), best.encoding)


def _western_text(data: bytes) -> tuple[str, str] | None:
    """Latin-1 or Windows-1252 text, when the bytes read as mostly-ASCII Western text in them.

    Statistical detection misreads short Western texts (curly quotes and a euro sign come out
    as cp775), and these are by far the commonest non-UTF-8 encodings of news archives.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    foreign = [char for char in text if ord(char) > 127]
    letters = sum(1 for char in text if char.isalpha())
    if any(char not in WESTERN_CHARS for char in foreign) or len(foreign) > WESTERN_SHARE_LIMIT * max(letters, 1):
        return None
    encoding = "cp1252" if any(0x80 <= byte <= 0x9F for byte in data) else "iso-8859-1"
    return _checked_text(text, encoding)


def _checked_text(text: str, encoding: str) -> tuple[str, str]:
    if text:
        if "\x00" in text or len(CONTROL_CHARS.findall(text)) / len(text) > CONTROL_SHARE_LIMIT:
            raise OrewireError(ErrorCode.E002_NOT_TEXT, "mostly control characters")
    return text, encoding


def _decode_for(data: bytes, doc_id: str, source: str | None) -> tuple[str, str] | OrewireError:
    """``decode_bytes``, with a failure returned as an error that names its article."""
    try:
        return decode_bytes(data)
    except OrewireError as error:
        error.doc_id, error.source = doc_id, source
        return error


def _text_article(data: bytes, doc_id: str, source: str) -> Article | OrewireError:
    """One plain-text article from raw bytes, or the error saying why it is not text."""
    decoded = _decode_for(data, doc_id, source)
    if isinstance(decoded, OrewireError):
        return decoded
    text, encoding = decoded
    return Article(doc_id=doc_id, text=text, source=source, encoding=encoding)


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
        yield from _articles_from_stdin(stdin or sys.stdin.buffer)
        return
    doc_id = file.relative_to(root).as_posix() if root is not None else file.name
    source = file.as_posix()
    try:
        if file.suffix == ".jsonl":
            with open(file, "rb") as handle:
                yield from articles_from_jsonl_lines(handle, doc_id, source)
            return
        data = file.read_bytes()
    except OSError as error:
        yield OrewireError(ErrorCode.E001_UNREADABLE, error.strerror or error, doc_id=doc_id, source=source)
        return
    yield _text_article(data, doc_id, source)


def _articles_from_stdin(stream: IO[bytes]) -> Iterator[Article | OrewireError]:
    """JSONL when the first non-blank line opens an object (streamed line by line), else one text article."""
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    first = b"".join(head).removeprefix(UTF8_BOM).lstrip()
    if first[:1] == b"{":
        yield from articles_from_jsonl_lines(_chain(head, stream), "stdin", "stdin")
        return
    data = b"".join(head) + stream.read()
    yield _text_article(data, "stdin", "stdin")


def _chain(head: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def articles_from_jsonl_lines(lines: Iterable[bytes], name: str, source: str) -> Iterator[Article | OrewireError]:
    """Stream JSONL from binary lines: each line is decoded on its own (UTF-8, else detected).

    A UTF-16 stream cannot be split on bytes, so it is read whole.
    """
    iterator = iter(lines)
    first = next(iterator, b"")
    if first.startswith(UTF16_BOMS):
        yield from articles_from_jsonl(first + b"".join(iterator), name, source)
        return
    file_encoding = "utf-8"
    if first.startswith(UTF8_BOM):
        first, file_encoding = first[len(UTF8_BOM) :], "utf-8-sig"
    for number, raw in enumerate(_chain([first], iterator), start=1):
        if not raw.strip():
            continue
        fallback_id = f"{name}:{number}"
        try:
            line, encoding = raw.decode("utf-8"), file_encoding
        except UnicodeDecodeError:
            decoded = _decode_for(raw, fallback_id, source)
            if isinstance(decoded, OrewireError):
                yield decoded
                continue
            line, encoding = decoded
        yield _article_from_line(line, fallback_id, source, encoding)


def _article_from_line(line: str, fallback_id: str, source: str, encoding: str) -> Article | OrewireError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        return OrewireError(ErrorCode.E004_BAD_JSON, error.msg, doc_id=fallback_id, source=source)
    return _article_from_object(obj, fallback_id, source, encoding)


def articles_from_jsonl(data: bytes, name: str, source: str) -> Iterator[Article | OrewireError]:
    """Yield one article per JSONL line; ``doc_id`` is the ``id`` field or ``<name>:<line>``."""
    decoded = _decode_for(data, name, source)
    if isinstance(decoded, OrewireError):
        yield decoded
        return
    text, encoding = decoded
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        yield _article_from_line(line, f"{name}:{number}", source, encoding)


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
