"""What every ``orewire`` command shares: the typer app, usage errors, option checks."""

from __future__ import annotations

import os
from datetime import date

import typer

app = typer.Typer(
    name="orewire",
    help="Structured facts from critical-minerals news.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

ENGINES = ("local", "dask")


def fail_usage(message: str) -> None:
    """Print a one-line usage error and exit with status 2 (SPEC §5)."""
    typer.echo(f"orewire: error: {message}", err=True)
    raise typer.Exit(code=2)


def check_reference_date(value: str | None) -> str | None:
    """The ``--reference-date`` option as an ISO day, or a usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        fail_usage(f"--reference-date must be YYYY-MM-DD, got {value!r}")
    return None


def check_engine(engine: str) -> None:
    """A usage error unless ``engine`` is one of ``ENGINES``."""
    if engine not in ENGINES:
        fail_usage(f"--engine must be local or dask, got {engine!r}")


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
