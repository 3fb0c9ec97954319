"""Checks on the paths a run writes, made before any work starts (SPEC §2: the run never reads its
own outputs and never overwrites an input)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import UsageError


def check_output_path(output: str, *, option: str = "-o") -> None:
    """Refuse an output that is a folder or lies in a missing folder, with a one-line reason."""
    if output == "-":
        return
    path = Path(output)
    if output.endswith(("/", "\\")) or path.is_dir():
        raise UsageError(f"{option} {output} is a folder; give a file name such as {path / 'facts.jsonl'}")
    parent = path.parent
    if not parent.is_dir():
        raise UsageError(f"{option} {output}: folder {parent} does not exist")


def check_distinct(output: str, errors: str, inputs: Iterable[Path | None]) -> None:
    """Refuse an output or errors file that is also an input, or an errors file equal to the output."""
    if output != "-" and Path(errors).resolve() == Path(output).resolve():
        raise UsageError(f"--errors {errors} is the same file as -o {output}")
    written = {Path(name).resolve(): option for name, option in ((output, "-o"), (errors, "--errors")) if name != "-"}
    for file in inputs:
        if file is not None and file.resolve() in written:
            raise UsageError(f"{written[file.resolve()]} {file} is also an input; it would be overwritten")
