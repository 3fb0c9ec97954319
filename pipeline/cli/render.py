"""``orewire render``: standalone HTML pages showing every record."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import ID_PREFIX_HELP, ID_ROOT_HELP, app, check_id_options, check_reference_date, fail_usage
from pipeline.errors import UsageError


@app.command()
def render(
    inputs: Annotated[
        list[str], typer.Argument(help="Articles (.txt/.jsonl, folders, globs), as for extract.", show_default=False)
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="HTML file, or - for stdout.")] = "out/page.html",
    facts: Annotated[
        str | None,
        typer.Option("--facts", help="Records of an earlier extract (JSONL file or folder): draw them, extract nothing."),
    ] = None,
    gold: Annotated[
        str | None, typer.Option("--gold", help="Gold SPEC JSONL (file or folder): mark misses and false alarms.")
    ] = None,
    reference_date: Annotated[
        str | None, typer.Option("--reference-date", help="YYYY-MM-DD for articles with no date.")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Installed spaCy model [env OREWIRE_MODEL].")] = None,
    id_root: Annotated[str | None, typer.Option("--id-root", help=ID_ROOT_HELP)] = None,
    id_prefix: Annotated[str, typer.Option("--id-prefix", help=ID_PREFIX_HELP)] = "",
) -> None:
    """Write standalone HTML showing every record over the article's own text (no network needed).

    Without --facts the articles are extracted first; with --facts FACTS.jsonl the records of an
    earlier run are drawn over the article texts, matched by doc_id (read the articles with the
    --id-root and --id-prefix that run used), and no model is loaded.
    -o FILE writes one page holding every document; -o DIR/ (an existing folder or a path ending
    in /) writes one page per document into it.
    """
    from pipeline.evaluation.documents import load_records
    from pipeline.evaluation.render import facts_sections, render_sections
    from pipeline.io.reader import expand_inputs, read_articles

    reference = check_reference_date(reference_date)
    root = check_id_options(id_root, id_prefix)
    if facts is not None and (model is not None or reference is not None):
        fail_usage("--model and --reference-date apply to extraction, which --facts skips")
    try:
        expand_inputs(inputs)
        gold_records = load_records(gold) if gold else None
        fact_records = load_records(facts) if facts else None
    except UsageError as error:
        fail_usage(str(error))
    articles = read_articles(inputs, id_root=root, id_prefix=id_prefix)
    if fact_records is not None:
        sections = facts_sections(articles, fact_records, gold=gold_records)
    else:
        from pipeline.article.extractor import Extractor
        from pipeline.components.nlp import ModelNotFound

        try:
            extractor = Extractor(model=model, reference_date=reference)
        except ModelNotFound as error:
            fail_usage(str(error))
        sections = render_sections(extractor, articles, gold=gold_records)
    _write_pages(sections, output)


def _write_pages(sections: Iterable[tuple[str, str]], output: str) -> None:
    """One page to ``output`` (``-``: stdout), or one page per document into a folder."""
    from pipeline.evaluation.render import page_file_name, render_html

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
