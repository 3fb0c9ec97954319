"""Progress reporting for batch runs: a rich progress bar on a terminal, else nothing until the summary."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text


class RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- docs/s" if speed is None else f"{speed:,.1f} docs/s")


def count_items(files: Iterable[Path | None]) -> int | None:
    """How many articles the inputs hold (one per .txt, one per non-blank JSONL line); None for stdin."""
    total = 0
    for file in files:
        if file is None:
            return None
        if file.suffix != ".jsonl":
            total += 1
            continue
        try:
            with open(file, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1
    return total


class BatchProgress:
    """A progress bar (documents, docs/s, ETA) on ``stream`` when enabled; a no-op otherwise."""

    def __init__(self, *, enabled: bool, total: int | None = None, stream: IO[str] | None = None) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: Any = None
        self._total = total
        self._stream = stream or sys.stderr

    def __enter__(self) -> BatchProgress:
        if self.enabled:
            self._progress = Progress(
                TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn(),
                console=Console(file=self._stream), transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("extract", total=self._total)
        return self

    def advance(self, count: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, count)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
