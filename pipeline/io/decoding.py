"""Decoding article bytes: UTF-8 first, a BOM honoured, Western and detected encodings, mixed lines.

Bytes that are not text raise ``OrewireError`` E002; ``decode_article_bytes`` returns that error
naming its article instead, so the reader can turn it into one error record.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from pipeline.errors import ErrorCode, OrewireError

CONTROL_SHARE_LIMIT = 0.3
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")
WESTERN_CHARS = frozenset(bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore"))
WESTERN_SHARE_LIMIT = 0.2
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes: UTF-8 first (a BOM is honoured), else the detected encoding.

    Returns the text and the name of the encoding used. UTF-8 text with some lines in
    Windows-1252 is decoded line by line (``decode_with_warnings`` names those lines).

    Raises:
        OrewireError: E002 when the bytes are not text.
    """
    text, encoding, _ = decode_with_warnings(data)
    return text, encoding


def decode_with_warnings(data: bytes) -> tuple[str, str, list[str]]:
    """``decode_bytes`` plus the warnings the document record should carry."""
    if b"\x00" not in data and not data.startswith((UTF8_BOM, *UTF16_BOMS)):
        mixed = _mixed_lines(data)
        if mixed is not None:
            text, lines = mixed
            shown = ", ".join(str(number) for number in lines[:10]) + (", ..." if len(lines) > 10 else "")
            warning = f"mixed encodings: line {shown} not UTF-8, decoded as cp1252"
            return *_checked_text(text, "utf-8"), [warning]
    return *_decode_whole(data), []


def _mixed_lines(data: bytes) -> tuple[str, list[int]] | None:
    """UTF-8 text in which some lines are not UTF-8: those lines decoded as cp1252 (Latin-1 where
    cp1252 leaves a byte undefined). None unless the bytes are invalid UTF-8 and at least one
    line is valid non-ASCII UTF-8, so whole-file detection keeps the single-encoding cases."""
    if data.isascii():
        return None
    parts: list[str] = []
    foreign: list[int] = []
    utf8_seen = False
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            parts.append(raw.decode("utf-8"))
            utf8_seen = utf8_seen or not raw.isascii()
        except UnicodeDecodeError:
            try:
                parts.append(raw.decode("cp1252"))
            except UnicodeDecodeError:
                parts.append(raw.decode("latin-1"))
            foreign.append(number)
    if not foreign or not utf8_seen:
        return None
    return "\n".join(parts), foreign


def _decode_whole(data: bytes) -> tuple[str, str]:
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


def decode_article_bytes(data: bytes, doc_id: str, source: str | None) -> tuple[str, str, list[str]] | OrewireError:
    """``decode_with_warnings``, with a failure returned as an error that names its article."""
    try:
        return decode_with_warnings(data)
    except OrewireError as error:
        error.doc_id, error.source = doc_id, source
        return error
