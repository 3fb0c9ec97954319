"""The per-document step on Dask: one ``dask.bag`` partition per fact shard.

Summaries come back partition by partition in input order (a window of partitions in
flight), and the merge runs here, in one process, exactly as on the local engine, so both
engines write the same archive. Shards are the unit of parallelism: split a large facts
file (``split -l``, or extract into several outputs) to use more workers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import dask.bag as db

from pipeline.archive.facts import read_documents
from pipeline.archive.signature import DocSignature, Settings, summarise


def _summarise_shard(paths: list[str], settings: Settings) -> list[DocSignature]:
    return [summarise(doc, settings) for path in paths for doc in read_documents(Path(path))]


def dask_signatures(paths: list[Path], settings: Settings, *, workers: int = 1, scheduler: str = "processes",
                    window: int | None = None) -> Iterator[DocSignature]:
    """Yield document summaries computed on Dask, in input order.

    Args:
        scheduler: a Dask scheduler name (``processes``, ``threads``, ``sync``) or the
            address of a ``dask.distributed`` scheduler.
        window: partitions computed at once [default: 2 x workers].
    """
    bag = db.from_sequence([str(path) for path in paths], npartitions=max(1, len(paths)))
    parts = bag.map_partitions(_summarise_shard, settings).to_delayed()
    window = window or max(1, 2 * workers)
    options: dict[str, Any] = {"num_workers": workers}
    if "://" in scheduler:
        from distributed import Client

        client = Client(scheduler)
        options = {"scheduler": client}
    else:
        options["scheduler"] = scheduler
    for start in range(0, len(parts), window):
        for part in dask.compute(*parts[start : start + window], **options):
            yield from part
