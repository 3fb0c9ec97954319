"""``orewire schema``: the JSON Schema of one output line."""

from __future__ import annotations

import json

import typer

from pipeline.cli.common import app
from pipeline.schema.records import record_json_schema


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one output line."""
    typer.echo(json.dumps(record_json_schema(), indent=2, sort_keys=False))
