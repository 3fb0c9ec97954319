"""``orewire evaluate``: score predicted records against gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import ID_PREFIX_HELP, ID_ROOT_HELP, app, check_id_options, fail_usage


@app.command()
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold SPEC JSONL file, folder or glob (quoted).", show_default=False)],
    pred: Annotated[str, typer.Argument(help="Predicted SPEC JSONL file, folder or glob (quoted).", show_default=False)],
    output_format: Annotated[str, typer.Option("--format", help="table, json or markdown.")] = "table",
    fail_under: Annotated[
        list[str] | None,
        typer.Option("--fail-under", help="TYPE[.MODE][:LABEL]=F1 (mode strict by default; event.arguments;"
                     " :LABEL gates one label or event type); exit 1 when below. Repeatable."),
    ] = None,
    show_errors: Annotated[
        int, typer.Option("--show-errors", min=0, help="List up to N misses and false alarms per type.")
    ] = 0,
    texts: Annotated[
        str | None,
        typer.Option("--texts", help="Article inputs (as for extract) to cut error context sentences from."),
    ] = None,
    docs: Annotated[
        str | None,
        typer.Option("--docs", help="Score only these documents: a comma list of doc_ids or globs, e.g. 'seeds/00*'."),
    ] = None,
    id_root: Annotated[str | None, typer.Option("--id-root", help="For --texts: " + ID_ROOT_HELP)] = None,
    id_prefix: Annotated[str, typer.Option("--id-prefix", help="For --texts: " + ID_PREFIX_HELP)] = "",
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
    from pipeline.evaluation.documents import load_records, select_documents
    from pipeline.evaluation.report import check_thresholds, format_table, parse_threshold, round_metrics
    from pipeline.evaluation.scoring import evaluate as evaluate_records

    if output_format not in ("table", "json", "markdown"):
        fail_usage(f"--format must be table, json or markdown, got {output_format!r}")
    thresholds = [parse_threshold(spec) for spec in fail_under or []]
    root = check_id_options(id_root, id_prefix)
    gold_records, pred_records = load_records(gold), load_records(pred)
    if docs is not None:
        gold_records, pred_records = select_documents(gold_records, docs), select_documents(pred_records, docs)
        if not gold_records and not pred_records:
            fail_usage(f"--docs {docs!r} matches no doc_id in gold or pred")
    article_texts = _article_texts(texts, root, id_prefix) if texts else None
    metrics = evaluate_records(gold_records, pred_records, texts=article_texts,
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


def _article_texts(inputs: str, id_root: Path | None, id_prefix: str) -> dict[str, str]:
    from pipeline.article.source import Article
    from pipeline.io.reader import read_articles

    articles = read_articles([inputs], id_root=id_root, id_prefix=id_prefix)
    return {item.doc_id: item.text for item in articles if isinstance(item, Article)}
