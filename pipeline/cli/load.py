"""``orewire load``: records into DuckDB or PostgreSQL, upserted by id."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from pipeline.cli.common import app, fail_usage
from pipeline.errors import UsageError

MAX_INVALID_SHOWN = 20


@app.command()
def load(
    inputs: Annotated[
        list[str], typer.Argument(help="JSONL record files, globs or folders (facts, errors, archive).", show_default=False)
    ],
    db: Annotated[str, typer.Option("--db", help="DuckDB file path, or a postgresql:// URL.")] = "facts.duckdb",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary; invalid lines still shown.")
    ] = False,
) -> None:
    """Load records into a database: one typed table per record type, upserted by id (docs/sql.md).

    Every line is validated; an invalid one is reported as FILE:LINE, skipped, and makes the exit status 1.
    A document record replaces all earlier rows of its doc_id, so loading twice changes nothing.
    """
    from pipeline.db.backends import LoadError
    from pipeline.db.load import load_files

    try:
        summary = load_files(inputs, target=db, progress=not quiet and sys.stderr.isatty())
    except UsageError as error:
        fail_usage(str(error))
    except LoadError as error:
        typer.echo(f"orewire: error: {error}", err=True)
        raise typer.Exit(code=1) from None
    for invalid in summary.invalid[:MAX_INVALID_SHOWN]:
        typer.echo(f"orewire: invalid record skipped: {invalid}", err=True)
    if len(summary.invalid) > MAX_INVALID_SHOWN:
        typer.echo(f"orewire: ... and {len(summary.invalid) - MAX_INVALID_SHOWN} more invalid records", err=True)
    if not quiet:
        typer.echo(f"orewire: {summary.lines} lines, {summary.documents} documents, {len(summary.invalid)} invalid"
                   f" from {len(summary.files)} file(s) -> {summary.target} ({summary.backend})", err=True)
        typer.echo(f"  {'table':<24}{'written':>10}{'total':>10}", err=True)
        for table, total in summary.totals.items():
            if total or summary.written[table] or table in ("documents", "errors"):
                typer.echo(f"  {table:<24}{summary.written[table]:>10}{total:>10}", err=True)
    if summary.invalid:
        raise typer.Exit(code=1)
