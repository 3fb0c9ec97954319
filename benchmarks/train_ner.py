"""Fine-tune the statistical model's ``ner`` on the real-news DEV gold, judged by grouped cross-validation.

The test half is never read: only manifest entries with ``"split": "dev"`` (and ids below ``FIRST_UNSEEN``) are
loaded. Training documents are the pieces of text the pipeline hands to spaCy (``Extractor``'s layout: no
boilerplate, long blocks cut), tokenised by the pipeline's own tokenizer. Their reference entities:

- gold names: every surface (name and aliases) of each gold entity of the article is projected onto every
  occurrence in the piece, token-aligned, longest surface first, no overlaps; an occurrence matches exactly, or
  case-blind when both the surface and the occurrence start with a capital ("LYNAS" in a dateline). Labels map
  onto the model's: FACILITY -> FAC, the others keep their name. COMMODITY spans become O: the model has no such
  label, orewire finds commodities by its own matcher, and a model ORG/PRODUCT on "Lithium" is a false name;
- pseudo-labels: the unmodified model's own entities of the labels the gold does not annotate (DATE, MONEY,
  CARDINAL, PERCENT, QUANTITY, ORDINAL, TIME, PRODUCT, EVENT, WORK_OF_ART, LANGUAGE) where they overlap no gold
  span, so that the fine-tune keeps what the quantity and date stages read;
- O everywhere else: an ORG/PERSON/GPE/LOC/NORP/FAC/LAW span the model predicts and the gold does not list is
  what precision is about. An occurrence of a gold surface that does not fall on token boundaries is left
  missing (no gradient), as are the tokens of a pseudo-label cut by a gold span.

Only ``ner`` is updated (it has its own tok2vec in the small English model, so tagger and parser are untouched).
Optional rehearsal: silver texts (no gold) with the unmodified model's entities as their reference.

Cross-validation: the dev articles are shuffled with a fixed seed and dealt into k folds; for each fold the
model is fine-tuned on the other folds and the full orewire pipeline (``Extractor``, the fine-tuned weights
loaded into its ``ner``) is scored on the held-out articles by ``benchmarks/realnews.py``'s scorer, beside the
unmodified pipeline on the same articles.

docs/entities.md ("Fine-tuning the NER on dev gold") has the figures of the tenth session: no variant raised the
out-of-fold entity F1 (.911 unmodified; .895-.910 fine-tuned) and every one cost events about a hundredth, so no
weights are shipped and the pipeline runs the stock ``ner``.

    python benchmarks/train_ner.py --cv                       # out-of-fold figures, per fold and pooled
    python benchmarks/train_ner.py --cv --remove ORG PERSON   # the conservative target (only prune false names)
    python benchmarks/train_ner.py --out /tmp/ner             # train on the whole dev half, save the ner weights
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import fix_random_seed, minibatch  # noqa: E402

from benchmarks.realnews import cached_text, default_cache, read_gold, read_manifest  # noqa: E402
from pipeline import Article, Extractor  # noqa: E402
from pipeline.components.nlp import customise_tokenizer, default_model_name, limit_blas_threads  # noqa: E402
from pipeline.evaluation.facts import FactReport, GoldEntity, fold  # noqa: E402
from pipeline.evaluation.metrics import format_score  # noqa: E402

FIRST_UNSEEN = 389  # rn389 onwards is being annotated this session: never read
GOLD_TO_MODEL = {"ORG": "ORG", "PERSON": "PERSON", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FACILITY": "FAC",
                 "LAW": "LAW", "COMMODITY": None}
GOLD_DECIDES = frozenset(label for label in GOLD_TO_MODEL.values() if label is not None)
SEED = 7
FOLDS = 4
EPOCHS = 3
LEARN_RATE = 0.0005
DROPOUT = 0.1
BATCH = 16
SILVER = Path.home() / ".cache" / "orewire" / "silver"
Piece = tuple[str, list[tuple[int, int, str]], list[tuple[int, int, str]]]  # text, model spans, gold surfaces


@dataclass
class DevArticle:
    doc_id: str
    article: Article
    pieces: list[Piece]


def dev_entries(cache: Path) -> list[tuple[dict[str, Any], str]]:
    """Dev-half manifest entries with a usable cached text (ids from ``FIRST_UNSEEN`` on are left out)."""
    found = []
    for entry in read_manifest():
        if entry["split"] != "dev" or int(entry["id"].removeprefix("rn")) >= FIRST_UNSEEN:
            continue
        text = cached_text(entry, cache)
        if text is not None:
            found.append((entry, text))
    return found


def gold_surfaces(doc_id: str) -> list[tuple[str, str | None]]:
    """(surface, model label or None for O) of every gold entity name and alias, longest first."""
    surfaces: dict[str, str | None] = {}
    for fact in read_gold(doc_id):
        if isinstance(fact, GoldEntity):
            for surface in (fact.name, *fact.aliases):
                if surface.strip():
                    surfaces.setdefault(surface.strip(), GOLD_TO_MODEL[fact.label])
    return sorted(surfaces.items(), key=lambda item: (-len(item[0]), item[0]))


def surface_hits(text: str, surfaces: Sequence[tuple[str, str | None]]) -> list[tuple[int, int, str]]:
    """Character spans of the surfaces in ``text`` (label "O" for COMMODITY), longest first, no overlaps."""
    taken: list[tuple[int, int, str]] = []
    for surface, label in surfaces:
        for match in re.finditer(re.escape(surface), text, flags=re.IGNORECASE):
            start, end = match.span()
            found = match.group()
            if found != surface and not (surface[0].isupper() and found[0].isupper()):
                continue
            if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue
            if any(start < other_end and other_start < end for other_start, other_end, _ in taken):
                continue
            taken.append((start, end, label or "O"))
    return sorted(taken)


def prepare(entries: Sequence[tuple[dict[str, Any], str]], extractor: Extractor) -> list[DevArticle]:
    """Each dev article's pieces (as the pipeline cuts them) with the stock model's entities and the gold surfaces."""
    nlp = extractor.nlp
    articles = []
    for entry, text in entries:
        article = Article(doc_id=entry["id"], text=text, url=entry["url"], published=entry["published"],
                          source=entry["outlet"])
        prepared = extractor._prepare(article)
        blocks = getattr(prepared, "blocks", [])
        texts = [text[context["offset"]:end] for context, end in blocks]
        surfaces = gold_surfaces(entry["id"])
        folded = {fold(surface): label for surface, label in surfaces}
        pieces = []
        for piece, spans in zip(texts, stock_entities(nlp, texts), strict=True):
            hits = surface_hits(piece, surfaces)
            # a model span whose folded text is a gold name ("US" for "U.S.", "the EU") takes the gold label
            for start, end, _ in spans:
                label = folded.get(fold(piece[start:end]), "")
                if label != "" and not any(start < h_end and h_start < end for h_start, h_end, _ in hits):
                    hits.append((start, end, label or "O"))
            pieces.append((piece, spans, sorted(hits)))
        articles.append(DevArticle(entry["id"], article, pieces))
    return articles


def stock_entities(nlp: Language, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """The model's own entities (character spans) on each text, through its ``ner`` alone."""
    ner = nlp.get_pipe("ner")
    return [[(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
            for doc in ner.pipe(nlp.make_doc(text) for text in texts)]


def reference_doc(nlp: Language, piece: Piece, *, gold: bool = True, unsure: frozenset[str] = frozenset(),
                  prune: bool = False, remove: frozenset[str] = frozenset()) -> Example:
    """The training example of one piece: gold names, pseudo-labels elsewhere, O for the rest.

    ``unsure``: model labels whose gold spans are left missing (no gradient); ``prune``: a gold span the unmodified
    model does not touch is left missing too, so the fine-tune only removes or corrects the model's own names.
    """
    text, model_spans, hits = piece
    predicted = nlp.make_doc(text)
    reference = nlp.make_doc(text)
    if remove:
        return Example(predicted, removal_reference(reference, model_spans, hits if gold else [], remove))
    entities: list[Span] = []
    missing: list[int] = []
    covered: set[int] = set()
    for start, end, label in hits if gold else []:
        span = reference.char_span(start, end, alignment_mode="strict")
        if span is None:
            loose = reference.char_span(start, end, alignment_mode="expand")
            if loose is not None:
                missing.extend(range(loose.start, loose.end))
                covered.update(range(loose.start, loose.end))
            continue
        covered.update(range(span.start, span.end))
        untouched = not any(start < m_end and m_start < end for m_start, m_end, _ in model_spans)
        if label in unsure or (prune and label != "O" and untouched):
            missing.extend(range(span.start, span.end))
        elif label != "O":
            entities.append(Span(reference, span.start, span.end, label=label))
    for start, end, label in model_spans:
        if gold and label in GOLD_DECIDES:
            continue
        span = reference.char_span(start, end)
        if span is None:
            continue
        inside = set(range(span.start, span.end))
        if inside & covered:
            missing.extend(sorted(inside - covered))
            continue
        entities.append(Span(reference, span.start, span.end, label=label))
    reference.set_ents(entities, missing=[reference[i:i + 1] for i in sorted(set(missing))], default="outside")
    return Example(predicted, reference)


def removal_reference(reference: Doc, model_spans: Sequence[tuple[int, int, str]], hits: Sequence[tuple[int, int, str]],
                      remove: frozenset[str]) -> Doc:
    """The unmodified model's entities, less those of a ``remove`` label that overlap no gold name (they become O)."""
    names = [(start, end) for start, end, label in hits if label != "O"]
    entities = []
    for start, end, label in model_spans:
        if label in remove and not any(start < n_end and n_start < end for n_start, n_end in names):
            continue
        span = reference.char_span(start, end)
        if span is not None:
            entities.append(span if span.label_ == label else Span(reference, span.start, span.end, label=label))
    reference.set_ents(entities, default="outside")
    return reference


def silver_pieces(nlp: Language, extractor: Extractor, limit: int) -> list[Piece]:
    """Pieces of the first ``limit`` silver texts (sorted names) with the stock model's entities as reference."""
    texts: list[str] = []
    for path in sorted(SILVER.glob("*.txt"))[:limit]:
        text = path.read_text(encoding="utf-8")
        prepared = extractor._prepare(Article(doc_id=path.stem, text=text))
        texts.extend(text[context["offset"]:end] for context, end in getattr(prepared, "blocks", []))
    return [(text, spans, []) for text, spans in zip(texts, stock_entities(nlp, texts), strict=True)]


def fine_tune(model: str, articles: Sequence[DevArticle], silver: Sequence[Piece], *, epochs: int, learn_rate: float,
              dropout: float, batch: int, seed: int, unsure: frozenset[str] = frozenset(), prune: bool = False,
              remove: frozenset[str] = frozenset()) -> Language:
    """A fresh copy of ``model`` whose ``ner`` is fine-tuned on the articles' pieces (and the silver rehearsal)."""
    fix_random_seed(seed)
    nlp = spacy.load(model)
    customise_tokenizer(nlp)
    ner = nlp.get_pipe("ner")
    examples = [reference_doc(nlp, piece, unsure=unsure, prune=prune, remove=remove)
                for article in articles for piece in article.pieces]
    examples += [reference_doc(nlp, piece, gold=False) for piece in silver]
    optimizer = ner.create_optimizer()
    optimizer.learn_rate = learn_rate
    shuffle = random.Random(seed)
    for epoch in range(epochs):
        started = time.perf_counter()
        order = list(examples)
        shuffle.shuffle(order)
        losses: dict[str, float] = {}
        for group in minibatch(order, size=batch):
            ner.update(list(group), drop=dropout, sgd=optimizer, losses=losses)
        print(f"  epoch {epoch + 1}: loss {losses.get('ner', 0.0):.1f} ({time.perf_counter() - started:.0f} s, "
              f"{len(examples)} pieces)", file=sys.stderr)
    return nlp


def folds_of(articles: Sequence[DevArticle], k: int, seed: int) -> list[list[str]]:
    ids = sorted(article.doc_id for article in articles)
    random.Random(seed).shuffle(ids)
    return [sorted(ids[index::k]) for index in range(k)]


def score(extractor: Extractor, articles: Iterable[DevArticle]) -> FactReport:
    report = FactReport()
    for extraction in extractor.extract_many([article.article for article in articles]):
        records = [record.model_dump(mode="json") for record in extraction.records]
        report.add_document(extraction.doc_id, read_gold(extraction.doc_id), records)
    return report


def describe(report: FactReport) -> str:
    tallies = report.tallies
    parts = []
    for measure in ("entity", "quantity", "date", "event", "event_type"):
        scores = tallies[measure].scores()
        parts.append(f"{measure} {format_score(scores['precision'])}/{format_score(scores['recall'])}/"
                     f"{format_score(scores['f1'])}")
    by_class = tallies["entity"].class_scores()
    for label in ("ORG", "PERSON", "GPE", "FACILITY"):
        found = by_class.get(label)
        if found is not None:
            parts.append(f"{label} {format_score(found['precision'])}/{format_score(found['recall'])}/"
                         f"{format_score(found['f1'])}")
    return "  ".join(parts)


def cross_validate(args: argparse.Namespace, extractor: Extractor, articles: list[DevArticle],
                   silver: Sequence[Piece]) -> None:
    ner = extractor.nlp.get_pipe("ner")
    stock = ner.to_bytes(exclude=["vocab"])
    by_id = {article.doc_id: article for article in articles}
    pooled_stock, pooled_tuned = FactReport(), FactReport()
    for index, held_ids in enumerate(folds_of(articles, args.folds, args.seed)):
        held = [by_id[doc_id] for doc_id in held_ids]
        train = [article for article in articles if article.doc_id not in set(held_ids)]
        started = time.perf_counter()
        tuned = fine_tune(args.model, train, silver, epochs=args.epochs, learn_rate=args.learn_rate,
                          dropout=args.dropout, batch=args.batch, seed=args.seed,
                          unsure=frozenset(args.unsure), prune=args.prune,
                          remove=frozenset(args.remove))
        trained_in = time.perf_counter() - started
        ner.from_bytes(stock, exclude=["vocab"])
        before = score(extractor, held)
        ner.from_bytes(tuned.get_pipe("ner").to_bytes(exclude=["vocab"]), exclude=["vocab"])
        after = score(extractor, held)
        ner.from_bytes(stock, exclude=["vocab"])
        for report, pooled in ((before, pooled_stock), (after, pooled_tuned)):
            for measure, tally in report.tallies.items():
                pooled.tallies[measure].add(tally)
        print(f"fold {index + 1} ({len(held)} held out, {len(train)} trained on, {trained_in:.0f} s)")
        print(f"  stock  {describe(before)}")
        print(f"  tuned  {describe(after)}", flush=True)
    print("pooled out-of-fold")
    print(f"  stock  {describe(pooled_stock)}")
    print(f"  tuned  {describe(pooled_tuned)}")
    if args.by_class:
        for name, report in (("stock", pooled_stock), ("tuned", pooled_tuned)):
            for label, found in report.tallies["entity"].class_scores().items():
                print(f"  {name} {label:<10} P {format_score(found['precision'])} R {format_score(found['recall'])} "
                      f"F1 {format_score(found['f1'])} (tp {found['tp']} fp {found['fp']} fn {found['fn']})")


def main() -> int:
    parser = argparse.ArgumentParser(description="Fine-tune the model's ner on the real-news dev gold.")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--model", default=default_model_name())
    parser.add_argument("--cv", action="store_true", help="grouped k-fold cross-validation over the dev half")
    parser.add_argument("--out", type=Path, default=None, help="train on the whole dev half; save the ner here")
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--learn-rate", type=float, default=LEARN_RATE)
    parser.add_argument("--dropout", type=float, default=DROPOUT)
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--silver", type=int, default=0, help="silver texts for rehearsal (stock model's entities)")
    parser.add_argument("--by-class", action="store_true")
    parser.add_argument("--unsure", nargs="*", default=[], choices=sorted(GOLD_DECIDES),
                        help="model labels whose gold spans are left missing (no gradient)")
    parser.add_argument("--remove", nargs="*", default=[], choices=sorted(GOLD_DECIDES),
                        help="targets = the unmodified model's entities, less those of these labels no gold name overlaps")
    parser.add_argument("--prune", action="store_true",
                        help="leave gold names the unmodified model does not touch missing: only prune its names")
    args = parser.parse_args()
    limit_blas_threads()
    extractor = Extractor(model=args.model)
    articles = prepare(dev_entries(args.cache or default_cache()), extractor)
    silver = silver_pieces(extractor.nlp, extractor, args.silver) if args.silver else []
    print(f"{len(articles)} dev articles, {sum(len(a.pieces) for a in articles)} pieces; {len(silver)} silver pieces",
          file=sys.stderr)
    if args.cv:
        cross_validate(args, extractor, articles, silver)
    if args.out is not None:
        tuned = fine_tune(args.model, articles, silver, epochs=args.epochs, learn_rate=args.learn_rate,
                          dropout=args.dropout, batch=args.batch, seed=args.seed,
                          unsure=frozenset(args.unsure), prune=args.prune,
                          remove=frozenset(args.remove))
        args.out.mkdir(parents=True, exist_ok=True)
        tuned.get_pipe("ner").to_disk(args.out / "ner", exclude=["vocab"])
        print(f"saved {args.out / 'ner'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
