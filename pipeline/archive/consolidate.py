"""The merge: document summaries in, validated archive records out.

``consolidate`` reads fact files, summarises each document (locally, or on Dask through
``pipeline.archive.dask_run``), feeds the summaries in input order to the article grouper,
the entity keys and the event clusterer, and writes their records, each validated by the
models in ``pipeline.schema.archive``. Input order fixes the result, so two runs over the
same files (or the same shards on either engine) write identical files.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from pipeline.archive.articles import ArticleGrouper
from pipeline.archive.entities import EntityKeys
from pipeline.archive.events import EventClusterer
from pipeline.archive.facts import expand_fact_paths, iter_documents
from pipeline.archive.members import MemberStore
from pipeline.archive.signature import DocSignature, Settings, summarise
from pipeline.schema.archive import ARCHIVE_ADAPTER


@dataclass
class Stats:
    documents: int = 0
    events: int = 0
    counts: dict[str, int] = field(default_factory=dict)


class Consolidator:
    """Holds the three aggregators; ``add`` one summary at a time, then ``records``."""

    def __init__(self, settings: Settings, store: MemberStore) -> None:
        self.settings = settings
        self.articles = ArticleGrouper(store, threshold=settings.threshold, num_perm=settings.num_perm,
                                       horizon_days=settings.horizon_days)
        self.entities = EntityKeys(store)
        self.events = EventClusterer(store, settings)
        self.stats = Stats()

    def add(self, doc: DocSignature) -> None:
        group = self.articles.add(doc)
        self.entities.add(doc)
        self.events.add(doc, group)
        self.stats.documents += 1
        self.stats.events += len(doc.events)

    def records(self) -> Iterator[dict[str, Any]]:
        """Every archive record as a validated JSON-ready dict: groups, then keys, then clusters."""
        for data in chain(self.articles.records(), self.entities.records(), self.events.records()):
            ARCHIVE_ADAPTER.validate_python(data)
            self.stats.counts[data["type"]] = self.stats.counts.get(data["type"], 0) + 1
            yield data


def local_signatures(paths: Iterable[Path], settings: Settings) -> Iterator[DocSignature]:
    for doc in iter_documents(paths):
        yield summarise(doc, settings)


def consolidate(inputs: Iterable[str], output: str, *, settings: Settings | None = None, engine: str = "local",
                workers: int = 1, temp_dir: str | None = None) -> Stats:
    """Consolidate fact files into an archive file (``-`` for stdout) and return counts.

    Raises:
        UsageError: when an input names no fact file.
    """
    settings = settings or Settings()
    paths = expand_fact_paths(inputs)
    if engine == "dask":
        from pipeline.archive.dask_run import dask_signatures

        signatures = dask_signatures(paths, settings, workers=workers)
    else:
        signatures = local_signatures(paths, settings)
    with MemberStore(temp_dir) as store:
        consolidator = Consolidator(settings, store)
        for signature in signatures:
            consolidator.add(signature)
        if output == "-":
            _write(consolidator.records(), sys.stdout)
        else:
            target = Path(output)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".partial")
            with partial.open("w", encoding="utf-8") as handle:
                _write(consolidator.records(), handle)
            partial.replace(target)
        return consolidator.stats


def _write(records: Iterable[dict[str, Any]], handle: TextIO) -> None:
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
