"""Member lists and finished records kept on disk: what keeps memory flat.

Clusters keep summaries in memory; their member links (doc ids, event ids, entity ids) go
to a temporary SQLite file and are read back, per cluster, when the records are written.
Clusters that can no longer change (past the horizon) are written there as finished
records and leave memory; SQLite sorts them by id on the way out.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

BATCH = 5000


class MemberStore:
    """Append-only (kind, cluster, member) rows in a temporary SQLite file."""

    def __init__(self, folder: str | None = None) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="orewire-members-", dir=folder)
        self._db = sqlite3.connect(Path(self._dir.name) / "members.sqlite")
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE members (kind TEXT, cluster INTEGER, member TEXT)")
        self._db.execute("CREATE TABLE records (kind TEXT, id TEXT, json TEXT)")
        self._pending: list[tuple[str, int, str]] = []
        self._indexed = False

    def add(self, kind: str, cluster: int, member: str) -> None:
        self._pending.append((kind, cluster, member))
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._db.executemany("INSERT INTO members VALUES (?, ?, ?)", self._pending)
            self._pending.clear()

    def members(self, kind: str, cluster: int) -> list[str]:
        """The members of one cluster, in insertion order."""
        self._flush()
        if not self._indexed:
            self._db.execute("CREATE INDEX members_by_cluster ON members (kind, cluster)")
            self._indexed = True
        rows = self._db.execute("SELECT member FROM members WHERE kind = ? AND cluster = ? ORDER BY rowid", (kind, cluster))
        return [row[0] for row in rows]

    def finish(self, kind: str, record_id: str, record_json: str) -> None:
        """Keep a finished record until the output is written."""
        self._db.execute("INSERT INTO records VALUES (?, ?, ?)", (kind, record_id, record_json))

    def finished(self, kind: str) -> Iterator[tuple[str, str]]:
        """Finished records of one kind as (id, json), ordered by id."""
        yield from self._db.execute("SELECT id, json FROM records WHERE kind = ? ORDER BY id", (kind,))

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()

    def __enter__(self) -> MemberStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
