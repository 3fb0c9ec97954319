"""The ``orewire`` command line: a thin layer over the library functions."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from typing import Annotated, Optional

import typer

try:  # typer >= 0.20 vendors click as typer._click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer on real click
    from click import exceptions as click_exceptions

from .errors import UsageError
from .records import record_json_schema

app = typer.Typer(
    name="orewire",
    help="Structured facts from critical-minerals news.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def fail_usage(message: str) -> None:
    """Print a one-line usage error and exit with status 2 (SPEC §5)."""
    typer.echo(f"orewire: error: {message}", err=True)
    raise typer.Exit(code=2)


def _check_reference_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        fail_usage(f"--reference-date must be YYYY-MM-DD, got {value!r}")
    return None


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.", show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", help="Output JSONL file, or - for stdout.")] = "out/facts.jsonl",
    errors: Annotated[Optional[str], typer.Option("--errors", help="Error records file [default: <output>.errors.jsonl].")] = None,
    reference_date: Annotated[Optional[str], typer.Option("--reference-date", help="YYYY-MM-DD for articles with no date.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Installed spaCy model [env OREWIRE_MODEL].")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Blocks per nlp.pipe batch.")] = 64,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Extract SPEC records from articles into validated JSONL."""
    from .extractor import Extractor
    from .nlp import ModelNotFound
    from .reader import expand_inputs, read_articles
    from .writer import RecordWriter, default_errors_path

    reference = _check_reference_date(reference_date)
    try:
        expand_inputs(inputs)
    except UsageError as error:
        fail_usage(str(error))
    try:
        extractor = Extractor(model=model, reference_date=reference, batch_size=batch_size)
    except ModelNotFound as error:
        fail_usage(str(error))
    started = time.perf_counter()
    errors_path = errors or default_errors_path(output)
    with RecordWriter(output, errors_path) as writer:
        for extraction in extractor.extract_many(read_articles(inputs)):
            writer.write(extraction)
    elapsed = time.perf_counter() - started
    if not quiet:
        counts = ", ".join(f"{kind} {writer.counts.get(kind, 0)}" for kind in ("entity", "quantity", "date", "event"))
        typer.echo(
            f"orewire: {writer.documents} documents, {writer.failed} errors, {counts} in {elapsed:.1f}s"
            f" -> {output} (errors: {errors_path})",
            err=True,
        )
    if writer.failed:
        raise typer.Exit(code=1)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one output line."""
    typer.echo(json.dumps(record_json_schema(), indent=2, sort_keys=False))


def main(argv: Optional[list[str]] = None) -> None:
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
    except click_exceptions.Exit as stop:
        sys.exit(stop.exit_code)
    except click_exceptions.Abort:
        typer.echo("orewire: aborted", err=True)
        sys.exit(130)
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    main()
