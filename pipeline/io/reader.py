"""Reading input: .txt files, directories, globs, JSONL and stdin, lazily.

Every item yielded is an ``Article`` or, for bad input, an ``OrewireError``
carrying the ``doc_id`` and ``source`` it belongs to, so one bad article
becomes one error record and the batch goes on.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections.abc import Collection, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from pipeline.article.source import Article
from pipeline.errors import ErrorCode, OrewireError, UsageError
from pipeline.io.decoding import UTF8_BOM, UTF16_BOMS, decode_article_bytes

INPUT_SUFFIXES = (".txt", ".jsonl")
METADATA_FIELDS = ("url", "title", "published", "source")
MAX_ID_CHARS = 512
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_article(data: bytes, doc_id: str, source: str) -> Article | OrewireError:
    """One plain-text article from raw bytes, or the error saying why it is not text."""
    decoded = decode_article_bytes(data, doc_id, source)
    if isinstance(decoded, OrewireError):
        return decoded
    text, encoding, warnings = decoded
    return Article(doc_id=doc_id, text=text, source=source, encoding=encoding, warnings=tuple(warnings))


def expand_inputs(inputs: Iterable[str], *, exclude: Collection[Path] = ()) -> list[tuple[Path | None, Path | None]]:
    """Resolve CLI inputs to ``(file, root)`` pairs in order; ``(None, None)`` stands for stdin.

    Files in ``exclude`` (resolved paths: the run's own outputs) are never read back from a folder or
    glob. Raises:
        UsageError: an input names nothing that exists, or a folder holds no article file.
    """
    resolved: list[tuple[Path | None, Path | None]] = []
    for raw in inputs:
        if raw == "-":
            resolved.append((None, None))
            continue
        path = Path(raw)
        if path.is_dir():
            files = _walk_files(path)
            files = [file for file in files if file.resolve() not in exclude]
            if not files:
                raise UsageError(f"no .txt or .jsonl files in folder {raw}")
            resolved.extend((file, path) for file in files)
        elif path.is_file():
            resolved.append((path, path.parent))
        elif glob.has_magic(raw):
            matches = _glob_files(raw)
            files = [match for match in matches if match.is_file() and match.resolve() not in exclude]
            if not files:
                raise UsageError(f"no input matches {raw!r}")
            root = Path(_glob_root(raw))
            resolved.extend((file, root) for file in files)
        else:
            raise UsageError(f"input not found: {raw}")
    if not resolved:
        raise UsageError("no input given")
    return _once_each(resolved)


def _walk_files(folder: Path) -> list[Path]:
    """Article files under ``folder``, sorted; symlinked folders are not entered (no loops), and a
    subfolder that cannot be listed is returned as itself, so reading it gives an error record."""
    found: list[Path] = []
    for directory, _, names in os.walk(folder, onerror=lambda error: found.append(Path(error.filename))):
        found.extend(Path(directory, name) for name in names if Path(name).suffix in INPUT_SUFFIXES)
    return sorted(path for path in found if path.is_file() or path.is_dir())


def _glob_files(pattern: str) -> list[Path]:
    """``glob.glob`` matches (dot files skipped), but ``**`` does not follow symlinked folders,
    so a symlink loop cannot repeat a file or recurse without end."""
    root = _glob_root(pattern)
    rest = Path(pattern).relative_to(root) if root != "." else Path(pattern)
    hidden_ok = any(part.startswith(".") for part in rest.parts)
    matches = [match for match in Path(root).glob(str(rest))
               if hidden_ok or not any(part.startswith(".") for part in match.relative_to(root).parts)]
    return sorted(Path(os.path.normpath(match)) if root == "." else match for match in matches)


def _once_each(resolved: list[tuple[Path | None, Path | None]]) -> list[tuple[Path | None, Path | None]]:
    """The first of the entries naming one real file (a file named twice, or reached through a symlink)."""
    seen: set[str] = set()
    kept = []
    for file, root in resolved:
        if file is not None:
            real = os.path.realpath(file)
            if real in seen:
                continue
            seen.add(real)
        kept.append((file, root))
    return kept


def _glob_root(pattern: str) -> str:
    parts = Path(pattern).parts
    fixed = [part for part in _takewhile_plain(parts)]
    return str(Path(*fixed)) if fixed else "."


def _takewhile_plain(parts: tuple[str, ...]) -> Iterator[str]:
    for part in parts[:-1]:
        if glob.has_magic(part):
            return
        yield part


def file_doc_id(file: Path, id_root: Path | None = None) -> str:
    """A file's doc_id: its path relative to ``id_root`` (default: the working directory), so it
    does not depend on which folder or glob a run names; a file outside ``id_root`` keeps its
    absolute path. POSIX separators on every platform."""
    root = (id_root or Path.cwd()).absolute()
    absolute = file.absolute()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def read_articles(inputs: Iterable[str], *, stdin: IO[bytes] | None = None, id_root: Path | None = None,
                  id_prefix: str = "", exclude: Collection[Path] = ()) -> Iterator[Article | OrewireError]:
    """Yield the articles of every input, lazily and in order; duplicate ids become errors.

    ``id_prefix`` namespaces every doc_id of the run (``reuters/``), JSONL ids included.
    """
    seen_ids: set[str] = set()
    for file, _ in expand_inputs(inputs, exclude=exclude):
        for item in _read_one(file, id_root, stdin):
            if id_prefix:
                item = _prefixed(item, id_prefix)
            item = checked_id(item)
            if isinstance(item, Article):
                if item.doc_id in seen_ids:
                    yield OrewireError(ErrorCode.E007_DUPLICATE_ID, item.doc_id, doc_id=item.doc_id, source=item.source)
                    continue
                seen_ids.add(item.doc_id)
            yield item


def checked_id(item: Article | OrewireError) -> Article | OrewireError:
    """An article whose doc_id breaks SPEC §2 (a ``#``, over ``MAX_ID_CHARS``) becomes an E008 error."""
    if not isinstance(item, Article):
        return item
    problem = None
    if len(item.doc_id) > MAX_ID_CHARS:
        problem = f"id is {len(item.doc_id)} characters long (at most {MAX_ID_CHARS})"
        doc_id = item.doc_id[:64] + "..."
    elif "#" in item.doc_id:
        problem, doc_id = "id must not contain '#' (it separates record ids)", item.doc_id
    if problem is None:
        return item
    return OrewireError(ErrorCode.E008_BAD_METADATA, problem, doc_id=item.location or doc_id, source=item.source)


def _prefixed(item: Article | OrewireError, prefix: str) -> Article | OrewireError:
    if isinstance(item, Article):
        return replace(item, doc_id=prefix + item.doc_id)
    if item.doc_id is not None:
        item.doc_id = prefix + item.doc_id
    return item


def _read_one(file: Path | None, id_root: Path | None, stdin: IO[bytes] | None) -> Iterator[Article | OrewireError]:
    if file is None:
        yield from _articles_from_stdin(stdin or sys.stdin.buffer)
        return
    doc_id = escape_name(file_doc_id(file, id_root))
    source = escape_name(file.as_posix())
    try:
        if file.is_dir():  # a subfolder the walk could not list
            os.scandir(file).close()
            raise IsADirectoryError(21, "Is a directory")
        if file.suffix == ".jsonl":
            with open(file, "rb") as handle:
                yield from articles_from_jsonl_lines(handle, doc_id, source)
            return
        data = file.read_bytes()
    except OSError as error:
        yield OrewireError(ErrorCode.E001_UNREADABLE, error.strerror or error, doc_id=doc_id, source=source)
        return
    yield _text_article(data, doc_id, source)


def escape_name(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (surrogate-escaped by the OS layer)
    become ``\\xNN``, so the doc_id and source can be written as UTF-8."""
    if not LONE_SURROGATE.search(name):
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


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
            decoded = decode_article_bytes(raw, fallback_id, source)
            if isinstance(decoded, OrewireError):
                yield decoded
                continue
            line, encoding, _ = decoded
        yield _article_from_line(line, fallback_id, source, encoding)


def _article_from_line(line: str, fallback_id: str, source: str, encoding: str) -> Article | OrewireError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        return OrewireError(ErrorCode.E004_BAD_JSON, error.msg, doc_id=fallback_id, source=source)
    except (RecursionError, ValueError) as error:  # nesting too deep, an integer of thousands of digits
        return OrewireError(ErrorCode.E004_BAD_JSON, f"{type(error).__name__}: {str(error)[:200]}",
                            doc_id=fallback_id, source=source)
    return _article_from_object(obj, fallback_id, source, encoding)


def articles_from_jsonl(data: bytes, name: str, source: str) -> Iterator[Article | OrewireError]:
    """Yield one article per JSONL line; ``doc_id`` is the ``id`` field or ``<name>:<line>``."""
    decoded = decode_article_bytes(data, name, source)
    if isinstance(decoded, OrewireError):
        yield decoded
        return
    text, encoding, _ = decoded
    # JSONL lines end at "\n" only: U+2028, U+0085 and the like may stand raw inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        yield _article_from_line(line, f"{name}:{number}", source, encoding)


def _article_from_object(obj: Any, fallback_id: str, source: str, encoding: str) -> Article | OrewireError:
    if not isinstance(obj, dict):
        return OrewireError(ErrorCode.E004_BAD_JSON, "a line must hold a JSON object", doc_id=fallback_id, source=source)
    raw_id = obj.get("id")
    doc_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    if LONE_SURROGATE.search(doc_id):
        return OrewireError(ErrorCode.E008_BAD_METADATA, "id holds a lone surrogate (not valid Unicode text)",
                            doc_id=fallback_id, source=source)
    if "text" not in obj:
        return OrewireError(ErrorCode.E005_MISSING_TEXT, doc_id=doc_id, source=source)
    if not isinstance(obj["text"], str):
        return OrewireError(ErrorCode.E006_TEXT_NOT_STRING, type(obj["text"]).__name__, doc_id=doc_id, source=source)
    metadata = {field: obj.get(field) for field in METADATA_FIELDS}
    for field, value in metadata.items():
        if value is not None and not isinstance(value, str):
            return OrewireError(ErrorCode.E008_BAD_METADATA, f"{field} must be a string", doc_id=doc_id, source=source)
    text, warnings = obj["text"], []
    for field, value in [("text", text), *metadata.items()]:
        if value is not None and LONE_SURROGATE.search(value):
            warnings.append(f"{field} held lone surrogates, replaced by U+FFFD")
    if warnings:  # one character for one: offsets into the text are unchanged
        text = LONE_SURROGATE.sub("\ufffd", text)
        metadata = {field: value and LONE_SURROGATE.sub("\ufffd", value) for field, value in metadata.items()}
    return Article(
        doc_id=doc_id,
        text=text,
        source=metadata["source"] or source,
        url=metadata["url"],
        title=metadata["title"],
        published=metadata["published"],
        encoding=encoding,
        warnings=tuple(warnings),
        location=fallback_id,
    )
