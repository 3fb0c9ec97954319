"""The ``orewire`` command line: a thin layer over the library functions, one module per command."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

try:  # typer >= 0.20 vendors click as typer._click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer on real click
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from pipeline.cli import consolidate, evaluate, extract, load, render, schema
from pipeline.cli.common import app, fail_usage
from pipeline.errors import UsageError
from pipeline.version import __version__

__all__ = ["app", "consolidate", "evaluate", "extract", "fail_usage", "load", "main", "render", "schema"]


def version_line() -> str:
    """``orewire <version>``, with the spaCy model ``extract`` would load by default and its version."""
    from importlib.metadata import PackageNotFoundError, version

    from pipeline.components.nlp import default_model_name

    model = default_model_name()
    try:
        model_version = version(model)
    except PackageNotFoundError:
        model_version = "not installed"
    return f"orewire {__version__} (spaCy model {model} {model_version})"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback()
def _options(
    show_version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_show_version, help="Print the version and exit.")
    ] = False,
) -> None:
    """Structured facts from critical-minerals news."""


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
