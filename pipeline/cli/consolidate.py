"""``orewire consolidate``: near-duplicate articles, entity keys and event clusters across an archive."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from pipeline.cli.common import app, check_engine, default_workers, fail_usage
from pipeline.errors import UsageError


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

    check_engine(engine)
    started = time.perf_counter()
    try:
        stats = run_consolidate(inputs, output, settings=Settings(threshold=threshold, horizon_days=horizon_days), engine=engine,
                                workers=workers or default_workers())
    except UsageError as error:
        fail_usage(str(error))
    except OSError as error:
        typer.echo(f"orewire: error: {error}", err=True)
        raise typer.Exit(code=1) from None
    if not quiet:
        counts = ", ".join(f"{kind} {stats.counts.get(kind, 0)}" for kind in ("article_group", "entity_key", "event_cluster"))
        typer.echo(f"orewire: {stats.documents} documents, {stats.events} events -> {counts}"
                   f" in {time.perf_counter() - started:.1f}s -> {output}", err=True)
