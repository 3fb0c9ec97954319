"""The ``orewire`` command line: a thin layer over the library functions."""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

try:  # typer >= 0.20 vendors click as typer._click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer on real click
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from pipeline.errors import UsageError
from pipeline.schema.records import record_json_schema

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


def _check_reference_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        fail_usage(f"--reference-date must be YYYY-MM-DD, got {value!r}")
    return None


ENGINES = ("local", "dask")


def _default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


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
    id_root: Annotated[str | None, typer.Option("--id-root", help="File doc_ids are paths relative to this folder [default: cwd].")] = None,
    id_prefix: Annotated[str, typer.Option("--id-prefix", help="Namespace prefixed to every doc_id, e.g. reuters/.")] = "",
) -> None:
    """Extract SPEC records from articles into validated JSONL."""
    from pipeline.components.nlp import ModelNotFound
    from pipeline.engines.base import ExtractorOptions, check_model, skip_done
    from pipeline.engines.local import run_local
    from pipeline.io.progress import BatchProgress, count_items
    from pipeline.io.paths import check_distinct, check_output_path
    from pipeline.io.reader import expand_inputs, read_articles
    from pipeline.io.writer import RecordWriter, default_errors_path, own_output_paths

    reference = _check_reference_date(reference_date)
    if engine not in ENGINES:
        fail_usage(f"--engine must be local or dask, got {engine!r}")
    if scheduler is not None and engine != "dask":
        fail_usage("--scheduler needs --engine dask")
    if resume and output == "-":
        fail_usage("--resume needs an output file, not stdout (-o -)")
    workers = workers or _default_workers()
    errors_path = errors or default_errors_path(output)
    own_outputs = own_output_paths(output, errors_path)
    root = Path(id_root) if id_root is not None else None
    if root is not None and not root.is_dir():
        fail_usage(f"--id-root {id_root} is not a folder")
    if "#" in id_prefix:
        fail_usage("--id-prefix may not hold '#' (it separates record ids)")
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
                               time_budget=time_budget or None)
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
                    "--errors": errors_path, "--id-root": id_root, "--id-prefix": id_prefix}
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


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one output line."""
    typer.echo(json.dumps(record_json_schema(), indent=2, sort_keys=False))


@app.command()
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold SPEC JSONL file or folder of them.", show_default=False)],
    pred: Annotated[str, typer.Argument(help="Predicted SPEC JSONL file or folder of them.", show_default=False)],
    output_format: Annotated[str, typer.Option("--format", help="table, json or markdown.")] = "table",
    fail_under: Annotated[
        list[str] | None,
        typer.Option("--fail-under", help="TYPE[.MODE][:LABEL]=F1 (mode strict by default; event.arguments; :LABEL gates one label or event type); exit 1 when below. Repeatable."),
    ] = None,
    show_errors: Annotated[
        int, typer.Option("--show-errors", min=0, help="List up to N misses and false alarms per type.")
    ] = 0,
    texts: Annotated[
        str | None,
        typer.Option("--texts", help="Article inputs (as for extract) to cut error context sentences from."),
    ] = None,
    count_unmatched_pred: Annotated[
        bool,
        typer.Option("--count-unmatched-pred", help="Score records of documents absent from gold as false positives."),
    ] = False,
) -> None:
    """Score predicted records against gold: P/R/F1 per type and label, value accuracy, events.

    Modes: strict (same offsets and label), lenient (overlapping offsets, same label; one-to-one),
    strict_value (strict plus value/low/high within 0.5 % and same unit, or the same date value).
    Events: strict (same trigger offsets), lenient (same event_type and overlapping trigger or
    mention, else the same sentence), type_agent (lenient plus the same agent). Gold-only documents
    count as misses; pred-only documents are listed and not scored unless --count-unmatched-pred.
    The rules in full: the docstring of pipeline/evaluate.py.
    """
    from pipeline.evaluation.documents import load_records
    from pipeline.evaluation.report import check_thresholds, format_table, parse_threshold, round_metrics
    from pipeline.evaluation.scoring import evaluate as evaluate_records

    if output_format not in ("table", "json", "markdown"):
        fail_usage(f"--format must be table, json or markdown, got {output_format!r}")
    thresholds = [parse_threshold(spec) for spec in fail_under or []]
    article_texts = _article_texts(texts) if texts else None
    metrics = evaluate_records(load_records(gold), load_records(pred), texts=article_texts,
                               count_unmatched_pred=count_unmatched_pred)
    if output_format == "json":
        if show_errors:
            for kind in ("entity", "quantity", "date", "event"):
                metrics[kind]["errors"] = {name: items[:show_errors] for name, items in metrics[kind]["errors"].items()}
        typer.echo(json.dumps(round_metrics(metrics), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_table(metrics, markdown=output_format == "markdown", show_errors=show_errors))
    failures = check_thresholds(metrics, thresholds)
    for failure in failures:
        typer.echo(f"orewire: below threshold: {failure}", err=True)
    if failures:
        raise typer.Exit(code=1)


def _article_texts(inputs: str) -> dict[str, str]:
    from pipeline.article.source import Article
    from pipeline.io.reader import read_articles

    return {item.doc_id: item.text for item in read_articles([inputs]) if isinstance(item, Article)}


@app.command()
def render(
    inputs: Annotated[
        list[str], typer.Argument(help="Articles (.txt/.jsonl, folders, globs), as for extract.", show_default=False)
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="HTML file, or - for stdout.")] = "out/page.html",
    gold: Annotated[
        str | None, typer.Option("--gold", help="Gold SPEC JSONL (file or folder): mark misses and false alarms.")
    ] = None,
    reference_date: Annotated[
        str | None, typer.Option("--reference-date", help="YYYY-MM-DD for articles with no date.")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Installed spaCy model [env OREWIRE_MODEL].")] = None,
) -> None:
    """Extract articles and write standalone HTML showing every record (no network needed).

    -o FILE writes one page holding every document; -o DIR/ (an existing folder or a path ending
    in /) writes one page per document into it.
    """
    from pathlib import Path

    from pipeline.article.extractor import Extractor
    from pipeline.components.nlp import ModelNotFound
    from pipeline.evaluation.documents import load_records
    from pipeline.evaluation.render import page_file_name, render_html, render_sections
    from pipeline.io.reader import expand_inputs, read_articles

    reference = _check_reference_date(reference_date)
    try:
        expand_inputs(inputs)
    except UsageError as error:
        fail_usage(str(error))
    gold_records = load_records(gold) if gold else None
    try:
        extractor = Extractor(model=model, reference_date=reference)
    except ModelNotFound as error:
        fail_usage(str(error))
    sections = render_sections(extractor, read_articles(inputs), gold=gold_records)
    if output == "-":
        typer.echo(render_html(section for _, section in sections))
    elif output.endswith(("/", "\\")) or Path(output).is_dir():
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        written = 0
        for doc_id, section in sections:
            (folder / page_file_name(doc_id)).write_text(render_html([section], title=doc_id), encoding="utf-8")
            written += 1
        typer.echo(f"orewire: wrote {written} pages to {folder}", err=True)
    else:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(render_html(section for _, section in sections), encoding="utf-8")
        typer.echo(f"orewire: wrote {output}", err=True)


@app.command()
def consolidate(
    inputs: Annotated[list[str], typer.Argument(help="Fact files (extract output), folders or globs.", show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", help="Archive JSONL file, or - for stdout.")] = "out/archive.jsonl",
    threshold: Annotated[
        float, typer.Option("--threshold", min=0.1, max=1.0, help="Jaccard similarity for near-duplicate articles.")
    ] = 0.8,
    horizon_days: Annotated[
        int, typer.Option("--horizon-days", min=60, help="Clusters untouched this long before the newest article are final.")
    ] = 365,
    engine: Annotated[str, typer.Option("--engine", help="local or dask (per-document step on dask.bag).")] = "local",
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, help="Dask worker processes [default: cores].")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Group near-duplicate articles, key entities and cluster events across articles (SPEC section 8)."""
    from pipeline.archive.consolidate import consolidate as run_consolidate
    from pipeline.archive.signature import Settings

    if engine not in ENGINES:
        fail_usage(f"--engine must be local or dask, got {engine!r}")
    started = time.perf_counter()
    try:
        stats = run_consolidate(inputs, output, settings=Settings(threshold=threshold, horizon_days=horizon_days), engine=engine,
                                workers=workers or _default_workers())
    except UsageError as error:
        fail_usage(str(error))
    except OSError as error:
        typer.echo(f"orewire: error: {error}", err=True)
        raise typer.Exit(code=1) from None
    if not quiet:
        counts = ", ".join(f"{kind} {stats.counts.get(kind, 0)}" for kind in ("article_group", "entity_key", "event_cluster"))
        typer.echo(f"orewire: {stats.documents} documents, {stats.events} events -> {counts}"
                   f" in {time.perf_counter() - started:.1f}s -> {output}", err=True)


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


if __name__ == "__main__":
    main()
