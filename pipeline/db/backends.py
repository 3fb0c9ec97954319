"""Database targets: DuckDB (a file path, embedded; the default) and PostgreSQL (a URL, psycopg 3).

Both run the DDL from ``layout.create_statements`` with their own type names, delete a batch of
documents' rows with one statement per table, and insert rows in bulk: DuckDB through one
``INSERT ... SELECT`` per table and batch from a dict of NumPy arrays, PostgreSQL through ``COPY``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pipeline.db.layout import DUCKDB_TYPES, POSTGRES_TYPES, create_statements
from pipeline.db.tables import SqlType, Table
from pipeline.errors import UsageError

POSTGRES_SCHEMES = ("postgresql", "postgres")
DUCKDB_ROWS_PER_STATEMENT = 20_000


class LoadError(Exception):
    """The database cannot be opened or written (not a usage error: the CLI exits 1)."""


class Backend(ABC):
    """One open database connection the loader writes through."""

    name: str
    types: Mapping[SqlType, str]
    keys: bool

    def create_tables(self) -> None:
        for statement in create_statements(self.types, keys=self.keys):
            self.execute(statement)
        self.commit()

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one statement; return its rows (empty for statements without a result)."""

    @abstractmethod
    def delete_where_in(self, table: str, column: str, values: Sequence[str]) -> None:
        """Delete the rows whose ``column`` is one of ``values``."""

    @abstractmethod
    def insert(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert rows (tuples in ``table.columns`` order)."""

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def rollback(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    def count(self, table: str) -> int:
        return int(self.execute(f"SELECT count(*) FROM {table}")[0][0])

    def __enter__(self) -> Backend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DuckDBBackend(Backend):
    name = "duckdb"
    types = DUCKDB_TYPES
    keys = False

    def __init__(self, path: str) -> None:
        import duckdb

        try:
            self.connection = duckdb.connect(path)
        except duckdb.Error as error:
            raise LoadError(f"cannot open DuckDB database {path}: {error}") from error
        self.connection.begin()

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        cursor = self.connection.execute(sql, params)
        return cursor.fetchall() if cursor.description else []

    def delete_where_in(self, table: str, column: str, values: Sequence[str]) -> None:
        if values:
            self.connection.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT UNNEST(?::TEXT[]))", [list(values)])

    def insert(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
        import numpy

        # DuckDB scans a dict of NumPy arrays named in the caller's frame: far faster than executemany.
        casts = ", ".join(f"CAST(c{i} AS {self.types[column.type]})" for i, column in enumerate(table.columns))
        sql = f"INSERT INTO {table.name} ({', '.join(table.column_names)}) SELECT {casts} FROM orewire_rows"
        for start in range(0, len(rows), DUCKDB_ROWS_PER_STATEMENT):
            chunk = rows[start:start + DUCKDB_ROWS_PER_STATEMENT]
            orewire_rows = {
                f"c{i}": numpy.fromiter(values, dtype=object, count=len(chunk)) for i, values in enumerate(zip(*chunk, strict=True))
            }
            assert orewire_rows
            self.connection.execute(sql)

    def commit(self) -> None:
        self.connection.commit()
        self.connection.begin()

    def rollback(self) -> None:
        self.connection.rollback()
        self.connection.begin()

    def close(self) -> None:
        self.connection.rollback()
        self.connection.close()


class PostgresBackend(Backend):
    name = "postgresql"
    types = POSTGRES_TYPES
    keys = True

    def __init__(self, url: str) -> None:
        import psycopg

        try:
            self.connection = psycopg.connect(url, connect_timeout=10)
        except psycopg.Error as error:
            detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise LoadError(f"cannot connect to {redact(url)}: {detail}") from error

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def delete_where_in(self, table: str, column: str, values: Sequence[str]) -> None:
        if values:
            with self.connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {table} WHERE {column} = ANY(%s)", [list(values)])

    def insert(self, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
        with self.connection.cursor() as cursor:
            with cursor.copy(f"COPY {table.name} ({', '.join(table.column_names)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def commit(self) -> None:
        self.connection.commit()

    def rollback(self) -> None:
        self.connection.rollback()

    def close(self) -> None:
        self.connection.close()


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def check_target(target: str) -> str:
    """Which backend a ``--db`` value names (``duckdb`` or ``postgresql``).

    Raises:
        UsageError: an unsupported URL scheme, or a DuckDB file in a folder that does not exist.
    """
    if "://" in target:
        scheme = target.split("://", 1)[0].lower()
        if scheme not in POSTGRES_SCHEMES:
            raise UsageError(f"--db must be a DuckDB file path or a postgresql:// URL, got scheme {scheme!r}")
        return "postgresql"
    if target != ":memory:":
        path = Path(target)
        if path.is_dir():
            raise UsageError(f"--db {target} is a folder; give a DuckDB file path such as facts.duckdb")
        if not path.parent.is_dir():
            raise UsageError(f"--db {target}: folder {path.parent} does not exist")
    return "duckdb"


def open_backend(target: str) -> Backend:
    """Open the database ``target`` names and create any missing tables.

    Raises:
        UsageError: see ``check_target``.
        LoadError: the database cannot be opened.
    """
    backend: Backend = PostgresBackend(target) if check_target(target) == "postgresql" else DuckDBBackend(target)
    try:
        backend.create_tables()
    except Exception as error:
        backend.close()
        raise LoadError(f"cannot create tables in {redact(target)}: {error}") from error
    return backend
