"""``orewire extract``: articles in, validated SPEC JSONL out."""

from __future__ import annotations

import sys
import time
from typing import Annotated

import typer

from pipeline.cli.common import (
    ID_PREFIX_HELP,
    ID_ROOT_HELP,
    app,
    check_engine,
    check_id_options,
    check_reference_date,
    default_workers,
    fail_usage,
)
from pipeline.errors import UsageError


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.", show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", help="Output JSONL file, or - for stdout (required).",
                                        show_default=False)],
    errors: Annotated[str | None, typer.Option("--errors", help="Error records file [default: <output>.errors.jsonl].")] = None,
    reference_date: Annotated[str | None, typer.Option("--reference-date", help="YYYY-MM-DD for articles with no date.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="Installed spaCy model [env OREWIRE_MODEL].")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, help="Worker processes [default: cores].")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Blocks per nlp.pipe batch.")] = 64,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, help="Articles per worker task or Dask partition.")] = 16,
    time_budget: Annotated[
        float, typer.Option("--time-budget", min=0.0, help="Seconds per article per 100,000 chars (0: no limit); E009 past it.")
    ] = 60.0,
    resume: Annotated[bool, typer.Option("--resume", help="Finish an interrupted run of the same command.")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (process pool) or dask (dask.distributed).")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address [default: LocalCluster].")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    id_root: Annotated[str | None, typer.Option("--id-root", help=ID_ROOT_HELP)] = None,
    id_prefix: Annotated[str, typer.Option("--id-prefix", help=ID_PREFIX_HELP)] = "",
    profile: Annotated[str, typer.Option("--profile", help="default (everything) or fast (no parser, no events).")] = "default",
    blas: Annotated[str, typer.Option("--blas", help="Model matrix products: numpy or blis (same output).")] = "numpy",
    date_direction: Annotated[str, typer.Option(
        "--date-direction", help="Year-less dates, weekdays, quarters: nearest (news), forward or past.")] = "nearest",
    date_windows: Annotated[str, typer.Option(
        "--date-windows", help="'the past two weeks': rolling (to the publication day) or calendar (whole weeks).")
    ] = "rolling",
) -> None:
    """Extract SPEC records from articles into validated JSONL."""
    from pipeline.components.nlp import BLAS_BACKENDS, PROFILES, ModelNotFound
    from pipeline.engines.base import ExtractorOptions, check_model, skip_done
    from pipeline.engines.local import run_local
    from pipeline.io.paths import check_distinct, check_output_path
    from pipeline.io.progress import BatchProgress, count_items
    from pipeline.io.reader import expand_inputs, read_articles
    from pipeline.io.writer import RecordWriter, default_errors_path, own_output_paths
    from pipeline.text.temporal import DIRECTIONS, WINDOWS

    reference = check_reference_date(reference_date)
    check_engine(engine)
    if profile not in PROFILES:
        fail_usage(f"--profile must be one of {', '.join(PROFILES)}, not {profile!r}")
    if blas not in BLAS_BACKENDS:
        fail_usage(f"--blas must be one of {', '.join(BLAS_BACKENDS)}, not {blas!r}")
    if date_direction not in DIRECTIONS:
        fail_usage(f"--date-direction must be one of {', '.join(DIRECTIONS)}, not {date_direction!r}")
    if date_windows not in WINDOWS:
        fail_usage(f"--date-windows must be one of {', '.join(WINDOWS)}, not {date_windows!r}")
    if scheduler is not None and engine != "dask":
        fail_usage("--scheduler needs --engine dask")
    if resume and output == "-":
        fail_usage("--resume needs an output file, not stdout (-o -)")
    workers = workers or default_workers()
    errors_path = errors or default_errors_path(output)
    own_outputs = own_output_paths(output, errors_path)
    root = check_id_options(id_root, id_prefix)
    try:
        check_output_path(output)
        check_output_path(errors_path, option="--errors")
        everything = [file for file, _ in expand_inputs(inputs)]
        files = [file for file, _ in expand_inputs(inputs, exclude=own_outputs)]
        check_distinct(output, errors_path, files)
    except UsageError as error:
        fail_usage(str(error))
    skipped = len(everything) - len(files)
    if skipped and not quiet:
        typer.echo(f"orewire: note: {skipped} file(s) of this run's own output in the input are not read", err=True)
    options = ExtractorOptions(model=model, reference_date=reference, batch_size=batch_size,
                               time_budget=time_budget or None, profile=profile, blas=blas,
                               date_direction=date_direction, date_windows=date_windows)
    try:
        check_model(model)
        extractor = options.build() if engine == "local" and workers == 1 else None
    except ModelNotFound as error:
        fail_usage(str(error))
    show_bar = not quiet and sys.stderr.isatty()
    started = time.perf_counter()
    try:
        # what shapes the output bytes (not workers, chunks or engine): a --resume must not change it
        settings = {"--model": model, "--reference-date": reference, "--time-budget": time_budget,
                    "--errors": errors_path, "--id-root": id_root, "--id-prefix": id_prefix, "--profile": profile}
        if date_direction != "nearest":  # journals written before the option compare equal
            settings["--date-direction"] = date_direction
        if date_windows != "rolling":
            settings["--date-windows"] = date_windows
        with RecordWriter(output, errors_path, resume=resume, settings=settings) as writer:
            words_before = writer.words
            items = skip_done(read_articles(inputs, id_root=root, id_prefix=id_prefix, exclude=own_outputs),
                              writer.skip, writer.last_doc_id)
            if engine == "dask":
                from pipeline.engines.dask_engine import run_dask  # dask loads only when asked for

                results = run_dask(items, options, scheduler=scheduler, workers=workers, partition_size=chunk_size)
            else:
                results = run_local(items, options, workers=workers, chunk_size=chunk_size, extractor=extractor)
            total = count_items(files) if show_bar else None
            with BatchProgress(enabled=show_bar, total=total) as progress:
                progress.advance(writer.skip)
                for result in results:
                    writer.write(result)
                    progress.advance()
    except UsageError as error:
        fail_usage(str(error))
    except OSError as error:
        typer.echo(f"orewire: error: {error}", err=True)
        raise typer.Exit(code=1) from None
    except Exception as error:  # a crashed worker or lost cluster: the journal allows --resume
        typer.echo(f"orewire: error: run failed ({type(error).__name__}: {error}); rerun with --resume", err=True)
        raise typer.Exit(code=1) from None
    elapsed = time.perf_counter() - started
    if not quiet:
        _print_summary(writer, elapsed, writer.words - words_before, output, errors_path)
    if writer.failed:
        raise typer.Exit(code=1)


def _print_summary(writer, elapsed: float, words: int, output: str, errors_path: str) -> None:
    counts = ", ".join(f"{kind} {writer.counts.get(kind, 0)}" for kind in ("entity", "quantity", "date", "event"))
    rate = words / elapsed if elapsed > 0 else 0.0
    errors_note = errors_path if writer.failed or output != "-" else "none"
    typer.echo(
        f"orewire: {writer.documents} documents, {writer.failed} errors, {counts} in {elapsed:.1f}s"
        f" ({rate:,.0f} words/s) -> {output} (errors: {errors_note})",
        err=True,
    )
