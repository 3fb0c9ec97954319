"""The local engine: extraction in this process or on a pool of worker processes, in input order.

Work travels in chunks of articles; each worker process builds its ``Extractor``
once (the pool initializer), or inherits the parent's when the pool forks.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from pipeline.article.extractor import Extractor
from pipeline.components.nlp import limit_blas_threads
from pipeline.engines.base import ExtractorOptions, Item, chunked, extract_rendered
from pipeline.io.writer import Rendered

WINDOW_PER_WORKER = 4
PARENT_POLL_SECONDS = 1.0


def run_local(
    items: Iterable[Item], options: ExtractorOptions, *, workers: int = 1, chunk_size: int = 16,
    extractor: Extractor | None = None,
) -> Iterator[Rendered]:
    """Extract in this process (``workers`` 1) or on a pool of worker processes, in input order.

    At most ``WINDOW_PER_WORKER`` chunks per worker are in flight, so memory does not grow with the input.
    """
    limit_blas_threads()  # in-process extraction, and the state forked workers start from
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


# The one Extractor of a pool worker process: a pool initializer can hand state to its tasks only
# through the worker's module globals. In the parent it is set only while the pool starts (fork).
_worker_extractor: Extractor | None = None


def _init_worker(options: ExtractorOptions, parent: int) -> None:
    global _worker_extractor
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    limit_blas_threads()
    if _worker_extractor is None:  # else inherited from the parent (fork)
        _worker_extractor = options.build()
    # The model, vocab and rule tables live as long as the worker: kept out of the cyclic collector, each full
    # collection no longer walks them (~1.5 % of a worker's time). Only here: the process is the pool's own.
    gc.collect()
    gc.freeze()


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
