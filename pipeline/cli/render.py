"""``orewire render``: standalone HTML pages showing every record."""

from __future__ import annotations

from typing import Annotated

import typer

from pipeline.cli.common import app, check_reference_date, fail_usage
from pipeline.errors import UsageError


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

    reference = check_reference_date(reference_date)
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
