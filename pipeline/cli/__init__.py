"""The ``orewire`` command line: a thin layer over the library functions, one module per command."""

from __future__ import annotations

import sys

import typer

try:  # typer >= 0.20 vendors click as typer._click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer on real click
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from pipeline.cli import consolidate, evaluate, extract, load, render, schema
from pipeline.cli.common import app, fail_usage
from pipeline.errors import UsageError

__all__ = ["app", "consolidate", "evaluate", "extract", "fail_usage", "load", "main", "render", "schema"]


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point; usage errors exit 2 with a one-line message."""
    try:
        result = app(args=argv, standalone_mode=False)
    except click_exceptions.NoArgsIsHelpError as error:
        typer.echo(error.ctx.get_help() if error.ctx is not None else str(error), err=True)
        sys.exit(2)
    except click_exceptions.UsageError as error:
        hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
        typer.echo(f"orewire: error: {error.format_message()}{hint}", err=True)
        sys.exit(2)
    except UsageError as error:
        typer.echo(f"orewire: error: {error}", err=True)
        sys.exit(2)
    except typer.Exit as stop:
        sys.exit(stop.exit_code)
    except typer.Abort:
        typer.echo("orewire: aborted", err=True)
        sys.exit(130)
    sys.exit(result if isinstance(result, int) else 0)
