"""Running extraction over many articles: in-process, on a local process pool, or on Dask.

Every engine yields one ``Rendered`` outcome per input item, in input order,
so the writer produces the same bytes whatever the engine or worker count.
Work travels in chunks of articles; each worker process builds its
``Extractor`` once (pool initializer, or a Dask worker plugin).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from pipeline.article.extractor import Extractor
from pipeline.article.source import Article
from pipeline.components.nlp import ModelNotFound, default_model_name
from pipeline.errors import OrewireError, UsageError
from pipeline.io.writer import Rendered, render

Item = Article | OrewireError
WINDOW_PER_WORKER = 4
PARENT_POLL_SECONDS = 1.0


@dataclass(frozen=True)
class ExtractorOptions:
    """What a worker needs to build its own ``Extractor`` (picklable)."""

    model: str | None = None
    reference_date: str | None = None
    batch_size: int = 64
    time_budget: float | None = 60.0

    def build(self) -> Extractor:
        return Extractor(model=self.model, reference_date=self.reference_date, batch_size=self.batch_size,
                         time_budget=self.time_budget)


def check_model(model: str | None) -> None:
    """Fail early, without loading it, when the model is neither an installed package nor a path.

    Raises:
        ModelNotFound: the model cannot be found.
    """
    import spacy.util

    name = model or default_model_name()
    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise ModelNotFound(f"spaCy model {name!r} is not installed; install it or pick another with --model")


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def item_doc_id(item: Item) -> str:
    return item.doc_id if isinstance(item, Article) else (item.doc_id or "?")


def skip_done(items: Iterable[Item], count: int, last_doc_id: str | None) -> Iterator[Item]:
    """Skip the ``count`` items a resumed run already wrote, checking the input has not changed.

    Raises:
        UsageError: the input no longer starts with the items the journal recorded.
    """
    iterator = iter(items)
    last = None
    for item in islice(iterator, count):
        last = item
    if count and (last is None or item_doc_id(last) != last_doc_id):
        raise UsageError(f"cannot resume: the input changed (item {count} is not {last_doc_id!r})")
    return iterator


def extract_rendered(extractor: Extractor, items: list[Item]) -> list[Rendered]:
    """Extract, validate and serialise a chunk of items, one ``Rendered`` per item."""
    extractions = extractor.extract_many(items, chunk_size=max(1, len(items)))
    return [render(extraction, words=_words(item)) for item, extraction in zip(items, extractions, strict=True)]


def _words(item: Item) -> int:
    return len(item.text.split()) if isinstance(item, Article) else 0


def run_local(
    items: Iterable[Item], options: ExtractorOptions, *, workers: int = 1, chunk_size: int = 16,
    extractor: Extractor | None = None,
) -> Iterator[Rendered]:
    """Extract in this process (``workers`` 1) or on a pool of worker processes, in input order.

    At most ``WINDOW_PER_WORKER`` chunks per worker are in flight, so memory does not grow with the input.
    """
    if workers <= 1:
        extractor = extractor or options.build()
        for chunk in chunked(items, chunk_size):
            yield from extract_rendered(extractor, chunk)
        return
    context = _pool_context()
    initargs = (options, os.getpid())
    global _worker_extractor
    # Forked workers inherit an Extractor the caller already built instead of loading their own.
    inherited = extractor if context.get_start_method() == "fork" else None
    _worker_extractor = inherited
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=initargs) as pool:
            window: deque[Future[list[Rendered]]] = deque()
            for chunk in chunked(items, chunk_size):
                window.append(pool.submit(_work, chunk))
                _worker_extractor = None  # the fork start method starts every worker on the first submit
                if len(window) >= workers * WINDOW_PER_WORKER:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
    finally:
        _worker_extractor = None


def _pool_context() -> multiprocessing.context.BaseContext:
    """``fork`` where available: workers start without a fresh interpreter re-importing spaCy and orewire
    (the parent has imported them already), so start-up is one model load, in parallel in every worker.
    Elsewhere ``forkserver`` (preloading orewire), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pipeline.engines.local"])
        return context
    return multiprocessing.get_context("spawn")


_worker_extractor: Extractor | None = None


def _init_worker(options: ExtractorOptions, parent: int) -> None:
    global _worker_extractor
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if _worker_extractor is None:  # else inherited from the parent (fork)
        _worker_extractor = options.build()


def _exit_with_parent(parent: int) -> None:
    # A SIGKILLed parent cannot stop its pool; without this its workers would live on, idle.
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)


def _work(chunk: list[Item]) -> list[Rendered]:
    assert _worker_extractor is not None, "worker initializer did not run"
    return extract_rendered(_worker_extractor, chunk)


def run_dask(items: Iterable[Item], options: ExtractorOptions, **settings: Any) -> Iterator[Rendered]:
    """The Dask engine (``pipeline.dask_engine.run_dask``), imported only when asked for."""
    from pipeline.engines.dask_engine import run_dask as run

    return run(items, options, **settings)
