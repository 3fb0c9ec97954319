"""Throughput benchmark: bare spaCy vs ``orewire extract`` (both profiles), worker speed-up, memory at N and 5N.

Usage: ``python benchmarks/throughput.py [--articles 2000] [--docs 400] [--rss-n 150] [--rounds 2]``

1. Builds a deterministic corpus of ``--articles`` articles by shuffling the paragraphs of ``seeds/``.
2. In one process, interleaved chunk by chunk (16 articles; the order rotates every chunk, ``--rounds``
   passes over the ``--docs`` timed articles): (a) bare ``nlp.pipe`` of the spaCy model over the texts,
   as spaCy loads it (thinc's blis kernels); (d) the same on numpy's BLAS, which orewire uses;
   (b) orewire's extract path with the default profile (extract, validate, serialise to a JSONL file);
   (c) the same with ``--profile fast``. Models are loaded and warmed before timing; words are
   whitespace-separated words of the input texts. Ratios are of wall and of CPU seconds (the CPU ratio
   is steadier on a shared machine).
3. The extract path (default profile) with 1 and 2 worker processes: the speed-up, with start-up and
   model loads, and in the steady state (last three quarters of the documents).
4. Peak RSS of ``orewire extract -w 1`` in subprocesses over N and 5N documents (psutil).
5. Where the time goes: segmentation, each spaCy component, orewire's stages, assembly, validation.
Targets (issue 16): default >= 1.0x and fast >= 2.5x the bare model, speed-up >= 1.8 on 2 cores,
RSS(5N) within 10% of RSS(N).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
try:  # an installed or editable orewire, else this checkout
    import pipeline  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))

from pipeline.components.nlp import DEFAULT_MODEL, limit_blas_threads  # noqa: E402
from pipeline.engines.base import ExtractorOptions  # noqa: E402
from pipeline.engines.local import run_local  # noqa: E402
from pipeline.io.reader import read_articles  # noqa: E402
from pipeline.io.writer import RecordWriter, render  # noqa: E402

SEED_DIR = ROOT / "seeds"


def build_corpus(path: Path, articles: int, *, seed: int = 13) -> list[str]:
    """Write ``articles`` JSONL articles made of shuffled seed paragraphs; return their texts."""
    paragraphs = []
    for seed_file in sorted(SEED_DIR.glob("*.txt")):
        paragraphs += [p.strip() for p in seed_file.read_text("utf-8").split("\n\n") if len(p.split()) >= 8]
    rng = random.Random(seed)
    texts = []
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(articles):
            body = rng.sample(paragraphs, rng.randint(4, 7))
            day = 1 + number % 28
            header = f"Critical minerals wrap {number}\n\nPublished: 2026-01-{day:02d} 09:{number % 60:02d}\n\n"
            text = header + "\n\n".join(body)
            texts.append(text)
            handle.write(json.dumps({"id": f"bench-{number:05d}", "text": text}) + "\n")
    return texts


def words_of(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


CHUNK = 16


def side_by_side(texts: list[str], rounds: int, batch_size: int, out: Path) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of the bare model and of orewire's two profiles over ``texts``, interleaved."""
    import gc

    import spacy
    from thinc.api import use_ops

    from pipeline.article.extractor import Extractor
    from pipeline.article.source import Article

    bare = spacy.load(DEFAULT_MODEL)
    with use_ops("numpy", use_blis=False):  # the same model on the BLAS orewire uses (fairness check)
        bare_numpy = spacy.load(DEFAULT_MODEL)
    extractors = {profile: Extractor(profile=profile) for profile in ("default", "fast")}

    def bare_runner(model):
        def run(chunk: list[str]) -> None:
            for _ in model.pipe(chunk, batch_size=batch_size):
                pass
        return run

    def runner(extractor: Extractor):
        def run(chunk: list[str]) -> None:
            articles = [Article(doc_id=f"bench-{number}", text=text) for number, text in enumerate(chunk)]
            with open(out, "wb") as handle:
                for extraction in extractor.extract_many(articles):
                    rendered = render(extraction)
                    handle.write(rendered.lines or rendered.error_line or b"")
        return run

    systems = {"bare": bare_runner(bare), "bare_numpy": bare_runner(bare_numpy),
               **{profile: runner(extractor) for profile, extractor in extractors.items()}}
    for run in systems.values():
        run(texts[-CHUNK:])  # warm-up
    spent = {name: [0.0, 0.0] for name in systems}
    names = list(systems)
    turn = 0
    for _ in range(rounds):
        for start in range(0, len(texts), CHUNK):
            chunk = texts[start : start + CHUNK]
            for name in names[turn % len(names):] + names[: turn % len(names)]:
                gc.collect()
                wall, cpu = time.perf_counter(), time.process_time()
                systems[name](chunk)
                spent[name][0] += time.perf_counter() - wall
                spent[name][1] += time.process_time() - cpu
            turn += 1
    return {name: (wall, cpu) for name, (wall, cpu) in spent.items()}


def orewire_extract(corpus: Path, docs: int, out: Path, *, workers: int, extractor=None) -> tuple[float, float, float]:
    """Wall and CPU seconds of the extract path, and its steady-state wall seconds per document.

    The steady state is the last three quarters of the documents: by then the pool has
    started, every worker has loaded its model and the pipeline of chunks is full.
    """
    options = ExtractorOptions()
    wall, cpu = time.perf_counter(), time.process_time()
    mark, quarter = None, max(1, docs // 4)
    items = (item for _, item in zip(range(docs), read_articles([str(corpus)]), strict=False))
    with RecordWriter(str(out), str(out) + ".errors") as writer:
        for result in run_local(items, options, workers=workers, extractor=extractor):
            writer.write(result)
            if writer.items == quarter:
                mark = time.perf_counter()
    end = time.perf_counter()
    return end - wall, time.process_time() - cpu, (end - mark) / max(1, writer.items - quarter)


def peak_rss(corpus: Path, docs: int, workdir: Path) -> int:
    """Peak RSS (bytes) of ``orewire extract -w 1`` over the first ``docs`` articles, in a subprocess."""
    subset = workdir / f"subset-{docs}.jsonl"
    with open(corpus, encoding="utf-8") as source, open(subset, "w", encoding="utf-8") as target:
        for _, line in zip(range(docs), source, strict=False):
            target.write(line)
    command = [sys.executable, "-m", "pipeline.cli", "extract", str(subset), "-o", str(workdir / f"rss-{docs}.jsonl"),
               "-w", "1", "-q"]
    process = psutil.Popen(command, cwd=workdir)
    peak = 0
    while process.poll() is None:
        try:
            peak = max(peak, process.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    if process.returncode not in (0, 1):
        raise SystemExit(f"rss run over {docs} documents failed with {process.returncode}")
    return peak


def stage_breakdown(texts: list[str]) -> dict[str, float]:
    """Seconds per step of the extract path over ``texts`` (one block batch per article)."""
    from pipeline.article.extractor import Extractor

    extractor = Extractor(reference_date="2026-01-15")
    nlp = extractor.nlp
    spent: dict[str, float] = defaultdict(float)
    for text in texts:
        from pipeline.article.source import Article

        article = Article(doc_id="p", text=text)
        started = time.perf_counter()
        prepared = extractor._prepare(article)
        spent["segment+prepare"] += time.perf_counter() - started
        started = time.perf_counter()
        docs = [extractor._make_doc(text, context, end) for context, end in prepared.blocks]
        spent["tokenizer"] += time.perf_counter() - started
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(doc) for doc in docs]
            spent[name] += time.perf_counter() - started
        started = time.perf_counter()
        extraction = extractor._assemble(prepared, docs)
        spent["build+link+merge"] += time.perf_counter() - started
        started = time.perf_counter()
        render(extraction)
        spent["validate+serialise"] += time.perf_counter() - started
    return dict(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the generated corpus")
    parser.add_argument("--docs", type=int, default=400, help="articles timed for (a), (b) and the speed-up")
    parser.add_argument("--rss-n", type=int, default=150, help="N for the peak-RSS runs (N and 5N)")
    parser.add_argument("--profile-docs", type=int, default=60, help="articles for the per-stage breakdown (0: skip)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=2, help="passes over the timed articles in step 2")
    args = parser.parse_args()
    limit_blas_threads()  # one BLAS thread, as in every orewire worker: all systems run on one core

    with tempfile.TemporaryDirectory(prefix="orewire-bench-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus.jsonl"
        texts = build_corpus(corpus, max(args.articles, 5 * args.rss_n, args.docs))
        timed = texts[: args.docs]
        words = words_of(timed)
        load = os.getloadavg()[0]
        print(f"machine: {platform.processor() or platform.machine()}, {psutil.cpu_count()} cores "
              f"({len(os.sched_getaffinity(0))} usable), {psutil.virtual_memory().total / 2**30:.1f} GiB, "
              f"Python {platform.python_version()}, load average at start {load:.2f}")
        print(f"corpus: {len(texts)} articles; timed: {len(timed)} articles, {words:,} words")

        spent = side_by_side(timed, args.rounds, args.batch_size, workdir / "side.jsonl")
        total = words * args.rounds
        wall_a, cpu_a = spent["bare"]
        print(f"(a) bare spaCy nlp.pipe       : {total / wall_a:8,.0f} words/s wall, {total / cpu_a:8,.0f} words/CPU-s")
        rows = (("(b) orewire --profile default", "default", 1.0), ("(c) orewire --profile fast   ", "fast", 2.5))
        for label, name, target in rows:
            wall, cpu = spent[name]
            print(f"{label}: {total / wall:8,.0f} words/s wall, {total / cpu:8,.0f} words/CPU-s; "
                  f"ratio to (a) {wall_a / wall:.2f} wall, {cpu_a / cpu:.2f} CPU (target >= {target})")
        wall_n, cpu_n = spent["bare_numpy"]
        print(f"(d) bare spaCy, numpy BLAS    : {total / wall_n:8,.0f} words/s wall, {total / cpu_n:8,.0f} words/CPU-s "
              f"(the model on orewire's BLAS: default {wall_n / spent['default'][0]:.2f}, "
              f"fast {wall_n / spent['fast'][0]:.2f} of it, wall)")

        wall_1, _, step_1 = orewire_extract(corpus, args.docs, workdir / "w1.jsonl", workers=1)
        wall_2, _, step_2 = orewire_extract(corpus, args.docs, workdir / "w2.jsonl", workers=2)
        same = (workdir / "w1.jsonl").read_bytes() == (workdir / "w2.jsonl").read_bytes()
        print(f"workers: 1 -> {wall_1:.1f}s, 2 -> {wall_2:.1f}s; speed-up {wall_1 / wall_2:.2f} with start-up and "
              f"model loads, {step_1 / step_2:.2f} steady state (target >= 1.8); outputs identical: {same}")

        rss_n = peak_rss(corpus, args.rss_n, workdir)
        rss_5n = peak_rss(corpus, 5 * args.rss_n, workdir)
        print(f"peak RSS: N={args.rss_n}: {rss_n / 2**20:.0f} MiB, 5N={5 * args.rss_n}: {rss_5n / 2**20:.0f} MiB, "
              f"growth {100 * (rss_5n / rss_n - 1):+.1f}% (target within 10%)")

        if args.profile_docs:
            breakdown = stage_breakdown(texts[: args.profile_docs])
            total = sum(breakdown.values())
            print(f"where the time goes ({args.profile_docs} articles, {total:.1f}s):")
            for name, seconds in sorted(breakdown.items(), key=lambda item: -item[1]):
                print(f"  {name:22s} {seconds:7.2f}s {100 * seconds / total:5.1f}%")
        print(f"load average at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
