"""Every table the loader writes, the DDL that creates them, and the docs' field <-> column mapping."""

from __future__ import annotations

from collections.abc import Mapping

from pipeline.db.archive_tables import ARCHIVE_TABLES
from pipeline.db.tables import FACT_TABLES, SqlType, Table

TABLES: tuple[Table, ...] = FACT_TABLES + ARCHIVE_TABLES
DUCKDB_TYPES: Mapping[SqlType, str] = {
    "TEXT": "TEXT", "INTEGER": "INTEGER", "DOUBLE": "DOUBLE PRECISION", "BOOLEAN": "BOOLEAN",
    "DATE": "DATE", "JSON": "JSON", "TEXT[]": "TEXT[]",
}
POSTGRES_TYPES: Mapping[SqlType, str] = {**DUCKDB_TYPES, "JSON": "JSONB"}
TABLE_NAMES: tuple[str, ...] = tuple(table.name for table in TABLES)


def tables_for(record_type: str) -> tuple[Table, ...]:
    """The tables a record of this type writes rows into (its own table first, then child tables)."""
    return tuple(table for table in TABLES if table.record_type == record_type)


def create_statements(types: Mapping[SqlType, str], *, keys: bool) -> list[str]:
    """``CREATE TABLE``/``CREATE INDEX`` statements, the same text on every backend but the type names.

    Args:
        types: the backend's name for each portable type.
        keys: declare primary keys and ``doc_id`` indexes (PostgreSQL). DuckDB gets none: its
            unique indexes reject a key deleted and re-inserted in one transaction, which is
            exactly how a document is replaced; the loader keeps ids unique itself.
    """
    statements = []
    for table in TABLES:
        columns = [f"{column.name} {types[column.type]}" for column in table.columns]
        if keys:
            columns.append(f"PRIMARY KEY ({', '.join(table.key)})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table.name} (\n    " + ",\n    ".join(columns) + "\n)")
        if keys and table.has_doc_id:
            statements.append(f"CREATE INDEX IF NOT EXISTS {table.name}_doc_id ON {table.name} (doc_id)")
    return statements


def mapping_markdown() -> str:
    """The JSON field <-> table.column mapping as a markdown table (docs/sql.md embeds it verbatim)."""
    lines = ["| record `type` | JSON field | table.column | DuckDB type | PostgreSQL type |", "| --- | --- | --- | --- | --- |"]
    for table in TABLES:
        for column in table.columns:
            if column.field == "@parent":
                source = "`id` of the parent record"
            elif column.field == "@index":
                source = f"position in `{table.items}`"
            elif column.field == "@doc_id":
                source = "`doc_id` of the parent record"
            else:
                source = f"`{table.items}[].{column.field}`" if table.items else f"`{column.field}`"
            if column.note:
                source += f" ({column.note})"
            types = f"{DUCKDB_TYPES[column.type]} | {POSTGRES_TYPES[column.type]}"
            lines.append(f"| {table.record_type} | {source} | `{table.name}.{column.name}` | {types} |")
    return "\n".join(lines) + "\n"

