"""What every ``orewire`` command shares: the typer app, usage errors, option checks."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

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


def check_id_options(id_root: str | None, id_prefix: str) -> Path | None:
    """The ``--id-root`` folder (None: the working directory), after checking it and ``--id-prefix``."""
    root = Path(id_root) if id_root is not None else None
    if root is not None and not root.is_dir():
        fail_usage(f"--id-root {id_root} is not a folder")
    if "#" in id_prefix:
        fail_usage("--id-prefix may not hold '#' (it separates record ids)")
    return root


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


ID_ROOT_HELP = "File doc_ids are paths relative to this folder [default: cwd]."
ID_PREFIX_HELP = "Namespace prefixed to every doc_id, e.g. reuters/."
