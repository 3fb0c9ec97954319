"""Precision of the final entity records of every label on the READ real-news dev half, bucketed by features that
name no article (issue 13, entities, eighteenth session; ORG and LOC first, every label in the second round).

Every record of the chosen labels (default: all but NORP) of every cached dev article in the id range (default
rn01-rn598, the read dev half) gets:

- ``origin``: where the entity stage's span came from. The stage does not record it, so this script wraps the
  stage's helpers in this process only (the output is unchanged): a rule candidate of one kind (gazetteer,
  pattern with its vetter, cited source, cued acronym, listing ...), the statistical model's span as the model
  labelled it (``model``) or relabelled (``model>LABEL``), or the later step that first put the span there
  (``refine``, ``join_and_bodies``, ``untagged_names`` ...); a record no block span gave is ``article`` (a linking
  or numbering step over the whole article); ``+linked`` marks a label the article's linking changed.
- shape: token count, all-caps acronym or all-caps words, a digit, a lower-case word inside;
- words: an organisation suffix (``patterns.jsonl``) last, or a body or company head word (``cue_words.json``,
  ``linking.json``) anywhere;
- mentions of the same (label, normalized) group in the article, its zone, the parse role of the span's root
  (subject, object, prepositional object, compound, apposition/conjunct), whether every capitalised word of it is
  also written in lower case in the article, a kb id, "the" before it, a possessive after it;
- per group: every mention's origin and role, and ``group_marked``: whether the entity stage marks its mentions as
  model-only names in a weak role (``models/entities/model_support.json``; "True" alone: all of them, the bucket
  the eighteenth session acted on).

Each record takes its group's outcome under the scorer's own label-strict matching
(``pipeline.evaluation.facts.entity_group_labels``, the matching ``benchmarks/realnews.py`` counts): right, a name
the gold holds under another label, or a name the gold does not hold. Per bucket (one feature, or a pair with
``--pairs``) the script prints records, articles, precision, both kinds of false record, and what dropping the
bucket's records would do to the dev half's label-strict entity TP/FP (re-scored with ``score_document``).
``--decide`` prints only the buckets the decision rule fixed before the second round's buckets were printed flags
(``DROP_PRECISION`` ... below, counted by groups); the misses are ``benchmarks/entity_recall.py``.

    python benchmarks/entity_precision.py                       # read dev half, every label, single features
    python benchmarks/entity_precision.py --pairs --decide --records /tmp/ep.pkl
    python benchmarks/entity_precision.py --pairs --min-articles 4 --records /tmp/ep.pkl
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import (  # noqa: E402
    cached_articles,
    cached_output,
    default_cache,
    read_gold,
    read_manifest,
)
from benchmarks.realnews_parts import read_dev_ids, read_dev_range  # noqa: E402
from pipeline import Extractor  # noqa: E402
from pipeline.components.entities import component, vetting  # noqa: E402
from pipeline.evaluation.facts import GoldEntity, Tally, entity_group_labels, fold, score_document  # noqa: E402
from pipeline.resources.entities import DEFAULT_FOLDER, linking_words, load_entity_tables  # noqa: E402
from pipeline.resources.files import ResourceReader  # noqa: E402
from pipeline.resources.model_support import MODEL_SUPPORT_FILE, ModelSupport  # noqa: E402

READ_IDS = read_dev_ids()  # the read dev half, from fixtures/realnews/parts.json

LABELS = ("ORG", "LOC", "GPE", "COMMODITY", "PERSON", "FACILITY", "LAW")
# The decision rule, fixed before the buckets of every label were printed (issue 13, second round): a bucket is a
# candidate to require support when its precision is under DROP_PRECISION over at least MIN_ARTICLES articles and
# MIN_GROUPS groups; to relabel when the gold holds the names of at least RELABEL_SHARE of its groups under one other
# label, over at least MIN_ARTICLES articles.
DROP_PRECISION, MIN_ARTICLES, MIN_GROUPS, RELABEL_SHARE = 0.5, 4, 10, 2 / 3
ORIGIN_KEY = "entity_precision_origin"  # doc.user_data key: (start char, end char, label) -> first origin
RULE_HELPERS = ("gazetteer_spans", "dateline_towns", "symbol_chains", "shouted_places", "abbreviated_places",
                "division_names", "cited_sources", "cued_acronyms", "listed_exchanges", "listed_companies")
LATER_STEPS = ("refine", "commodity_led_companies", "join_and_bodies", "untagged_names", "known_site_spans",
               "compass_parts", "place_pairs")
ROLES = {"nsubj": "subject", "nsubjpass": "subject", "dobj": "object", "pobj": "prep_object", "compound": "compound",
         "appos": "appos/conj", "conj": "appos/conj", "poss": "possessor", "ROOT": "root"}
WORD = re.compile(r"[A-Za-z][A-Za-z'.&-]*|\d+")
Span = Any  # a spaCy Span (kept loose: the wrappers see spans, lists of spans and None)
Output = list[tuple[str, str, list[dict[str, Any]], dict[tuple[int, int, str], dict[str, str]]]]


def _note(spans: Any, origin: str) -> None:
    """Remember ``origin`` for every span in ``spans`` not seen before in its Doc."""
    for span in spans if isinstance(spans, list) else [spans] if spans is not None else []:
        if hasattr(span, "doc"):
            span.doc.user_data.setdefault(ORIGIN_KEY, {}).setdefault((span.start_char, span.end_char, span.label_),
                                                                      origin)


def _tagging(function: Callable[..., Any], origin: str) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        found = function(*args, **kwargs)
        _note(found, origin)
        return found
    return wrapper


def _model_tagging(function: Callable[..., Any]) -> Callable[..., Any]:
    """``model_spans`` wrapped: its spans are ``model`` when the model gave that label, else ``model>LABEL``."""
    @functools.wraps(function)
    def wrapper(view: Any, tables: Any, *, ents: Iterable[Span] | None = None) -> Any:
        ents = list(ents if ents is not None else view.doc.ents)
        raw = {(ent.start_char, ent.end_char): ent.label_ for ent in ents}
        found = function(view, tables, ents=ents)
        for span in found:
            given = raw.get((span.start_char, span.end_char))
            _note(span, "model" if given == span.label_ else f"model>{span.label_}" if given else "model_trimmed")
        return found
    return wrapper


def tag_origins() -> None:
    """Wrap the entity stage's helpers (this process only) so every span's first origin is kept in its Doc."""
    for name in RULE_HELPERS:
        setattr(component, name, _tagging(getattr(component, name), f"rule:{name}"))
    for check, vetter in list(vetting.VETTERS.items()):
        vetting.VETTERS[check] = _tagging(vetter, f"pattern:{check}")
    commodities = component.CommodityMatcher.spans
    component.CommodityMatcher.spans = _tagging(commodities, "rule:commodities")  # type: ignore[method-assign]
    component.model_spans = _model_tagging(component.model_spans)
    for name in LATER_STEPS:
        setattr(component, name, _tagging(getattr(component, name), name))


class TaggingExtractor(Extractor):
    """An ``Extractor`` that also keeps, per article, each final block entity's origin and root parse role."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: dict[str, dict[tuple[int, int, str], dict[str, str]]] = {}

    def _assemble(self, item: Any, docs: list[Any]) -> Any:
        found: dict[tuple[int, int, str], dict[str, str]] = {}
        for doc in docs:
            offset = doc._.orewire_block["offset"]
            origins = doc.user_data.get(ORIGIN_KEY, {})
            for ent in doc.ents:
                found[offset + ent.start_char, offset + ent.end_char, ent.label_] = {
                    "origin": origins.get((ent.start_char, ent.end_char, ent.label_), "unknown"),
                    "role": ROLES.get(ent.root.dep_, ent.root.dep_), "dep": ent.root.dep_,
                    "head": ent.root.head.lower_}
        self.spans[item.article.doc_id] = found
        return super()._assemble(item, docs)


def dev_output(ids: range) -> Output:
    """(id, text, entity records, block spans) of every cached dev article in ``ids``."""
    tag_origins()
    return tagged_output([entry for entry in read_manifest() if entry["split"] == "dev" and int(entry["id"][2:]) in ids])


def tagged_output(entries: list[dict[str, Any]]) -> Output:
    """(id, text, records, block spans) of the cached articles of ``entries``, run by a tagging extractor (the origins
    are those ``tag_origins`` installed)."""
    extractor = TaggingExtractor()
    articles = cached_articles(entries, default_cache())
    texts = {article.doc_id: article.text for article in articles}
    output: Output = []
    for extraction in extractor.extract_many(articles):
        records = [record.model_dump(mode="json") for record in extraction.records]
        output.append((extraction.doc_id, texts[extraction.doc_id], records, extractor.spans.pop(extraction.doc_id, {})))
    return output


@dataclass
class Tables:
    """The word lists the features read."""

    suffixes: frozenset[str]
    heads: frozenset[str]
    weak_roles: frozenset[str]  # the dependency roles that give a model-only ORG no support (model_support.json)
    source_nouns: frozenset[str]

    @classmethod
    def load(cls) -> Tables:
        tables = load_entity_tables(ResourceReader())
        cues = tables.cues
        heads = cues.public_body_heads | cues.org_name_words | cues.government_heads | linking_words().body_heads
        support = ResourceReader().json(f"{DEFAULT_FOLDER}/{MODEL_SUPPORT_FILE}", ModelSupport)
        return cls(suffixes=tables.org_suffix_words, heads=frozenset(word.lower() for word in heads),
                   weak_roles=support.weak_roles, source_nouns=cues.source_nouns)

    def unsupported(self, span: Mapping[str, str] | None) -> bool:
        """A mention the entity stage marks (``components/entities/support.py``): the model's span alone, in a weak
        role, not modifying a source noun."""
        return (span is not None and span["origin"].startswith("model") and "+" not in span["origin"]
                and span.get("dep") in self.weak_roles and span.get("head") not in self.source_nouns)


def _count(value: int, top: int) -> str:
    return str(value) if value < top else f"{top}+"


def record_features(record: Mapping[str, Any], text: str, mentions: int, span: Mapping[str, str] | None,
                    tables: Tables) -> dict[str, str]:
    """The bucket of ``record`` under every feature (names no article)."""
    surface = record["text"]
    words = WORD.findall(surface)
    capitalised = [word for word in words if word[:1].isupper()]
    origin = span["origin"] if span is not None else "article"
    before = text[max(record["start"] - 5, 0):record["start"]].lower()
    return {
        "origin": origin,
        "tokens": _count(len(words), 4),
        "shape": ("acronym" if len(words) == 1 and surface.isupper() and len(surface) <= 6
                  else "all_caps" if surface.isupper() else "digit" if any(c.isdigit() for c in surface)
                  else "lower_inside" if any(word.islower() for word in words[1:]) else "title"),
        "org_word": ("suffix" if words and words[-1] in tables.suffixes
                     else "head" if any(word.lower() in tables.heads for word in words) else "none"),
        "mentions": _count(mentions, 3),
        "zone": record["zone"],
        "role": span["role"] if span is not None else "none",
        "lower_case_too": str(bool(capitalised) and all(
            re.search(rf"\b{re.escape(word.lower())}\b", text) is not None for word in capitalised)),
        "kb_id": str(bool(record.get("kb_id"))),
        "the_before": str(before.rstrip().endswith("the")),
        "possessive": str(text[record["end"]:record["end"] + 2] in ("'s", "’s")),
    }


@dataclass
class Bucket:
    records: Counter[str] = field(default_factory=Counter)  # outcome -> records
    articles: set[str] = field(default_factory=set)
    ids: set[tuple[str, str]] = field(default_factory=set)  # (article, record id)
    groups: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (article, label, normalized) -> outcome


def outcomes(gold: Sequence[Any], records: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], str]:
    """(label, normalized) -> "right", "other_label" (the gold holds the name under another label) or "absent";
    ``other_labels`` says which label."""
    return {key: "other_label" if ">" in found else found for key, found in detailed_outcomes(gold, records).items()}


def detailed_outcomes(gold: Sequence[Any], records: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], str]:
    """As ``outcomes``, a name under another label written "other_label>LABEL" (the first such label by name)."""
    names: dict[str, set[str]] = defaultdict(set)
    for fact in gold:
        if isinstance(fact, GoldEntity):
            for name in (fact.name, *fact.aliases):
                names[fold(name)].add(fact.label)
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in records:
        if record["type"] == "entity":
            keys[record["label"], record["normalized"]].update({fold(record["normalized"]), fold(record["text"])})
    found: dict[tuple[str, str], str] = {}
    for label, normalized, matched in entity_group_labels(gold, records):
        others = sorted({other for key in keys[label, normalized] for other in names.get(key, set()) - {label}})
        found[label, normalized] = "right" if matched else f"other_label>{others[0]}" if others else "absent"
    return found


def bucketed(output: Output, labels: Sequence[str], pairs: bool) -> dict[tuple[str, ...], Bucket]:
    tables = Tables.load()
    buckets: dict[tuple[str, ...], Bucket] = defaultdict(Bucket)
    for doc_id, text, records, spans in output:
        detailed = detailed_outcomes(read_gold(doc_id), records)
        found = {key: "other_label" if ">" in value else value for key, value in detailed.items()}
        entities = [record for record in records if record["type"] == "entity"]
        groups = Counter((record["label"], record["normalized"]) for record in entities)
        found_spans = {record["id"]: block_span(record, spans) for record in entities}
        group_of: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for record in entities:  # the group's roles and origins over all its mentions (the unit the scorer counts)
            span = found_spans[record["id"]]
            group = group_of[record["label"], record["normalized"]]
            group["roles"].add(span["role"] if span is not None else "none")
            group["origins"].add((span["origin"] if span is not None else "article").split(":")[0].split("+")[0])
            group["marked"].add(str(tables.unsupported(span)))  # "True" alone: every mention marked
        for record in entities:
            if record["label"] not in labels:
                continue
            key = (record["label"], record["normalized"])
            span = found_spans[record["id"]]
            features = [f"{name}={value}" for name, value in
                        record_features(record, text, groups[key], span, tables).items()]
            features += [f"group_{name}={'/'.join(sorted(values))}" for name, values in group_of[key].items()]
            chosen = [(feature,) for feature in features]
            if pairs:
                chosen += list(combinations(features, 2))
            for combo in chosen:
                bucket = buckets[(record["label"], *combo)]
                bucket.records[found[key]] += 1
                bucket.articles.add(doc_id)
                bucket.ids.add((doc_id, record["id"]))
                bucket.groups[doc_id, *key] = detailed[key]
    return buckets


def block_span(record: Mapping[str, Any], spans: Mapping[tuple[int, int, str], dict[str, str]]) -> dict[str, str] | None:
    """The block span a record came from (a label the article's linking changed: the span under its own label)."""
    span = spans.get((record["start"], record["end"], record["label"]))
    if span is None:
        span = next(({**value, "origin": value["origin"] + "+linked"} for (start, end, _), value in spans.items()
                     if start == record["start"] and end == record["end"]), None)
    return span


def dropping(output: Output, ids: set[tuple[str, str]]) -> Tally:
    """The label-strict entity tally of ``output`` with the records ``ids`` left out."""
    total = Tally()
    for doc_id, _, records, _ in output:
        kept = [record for record in records if (doc_id, record["id"]) not in ids]
        total.add(score_document(doc_id, read_gold(doc_id), kept)["entity"])
    return total


def describe(tally: Tally) -> str:
    scores = tally.scores()
    return f"P {scores['precision'] or 0:.3f} R {scores['recall'] or 0:.3f} F1 {scores['f1'] or 0:.4f}"


def decisions(buckets: Mapping[tuple[str, ...], Bucket]) -> list[tuple[str, tuple[str, ...], Bucket]]:
    """("support" or "relabel>LABEL", bucket key, bucket) for every bucket the fixed decision rule flags: group
    precision under DROP_PRECISION over MIN_GROUPS groups in MIN_ARTICLES articles; or one other label the gold holds
    for RELABEL_SHARE of its groups over MIN_ARTICLES articles (counted by the articles of those groups)."""
    flagged = []
    for key, bucket in buckets.items():
        groups = bucket.groups
        articles = {doc_id for doc_id, _, _ in groups}
        right = sum(outcome == "right" for outcome in groups.values())
        if len(groups) >= MIN_GROUPS and len(articles) >= MIN_ARTICLES and right / len(groups) < DROP_PRECISION:
            flagged.append(("support", key, bucket))
        others = Counter(outcome.split(">")[1] for outcome in groups.values() if ">" in outcome)
        for other, count in others.items():
            with_other = {group[0] for group, outcome in groups.items() if outcome == f"other_label>{other}"}
            if count >= RELABEL_SHARE * len(groups) and len(with_other) >= MIN_ARTICLES:
                flagged.append((f"relabel>{other}", key, bucket))
    return sorted(flagged, key=lambda item: (item[1][0], len(item[1]), item[1][1:]))


def report_decisions(output: Output, labels: Sequence[str], pairs: bool, say: Callable[[str], None]) -> None:
    base = dropping(output, set())
    say(f"{'decision':<14}{'bucket':<70}{'groups':>7}{'art':>5}{'right':>6}   if dropped: dTP dFP  F1")
    for action, key, bucket in decisions(bucketed(output, labels, pairs)):
        after = dropping(output, bucket.ids)
        right = sum(outcome == "right" for outcome in bucket.groups.values())
        say(f"{action:<14}{' '.join(key):<70}{len(bucket.groups):>7}{len({g[0] for g in bucket.groups}):>5}"
            f"{right:>6}   {after.tp - base.tp:+4d} {after.fp - base.fp:+4d} {describe(after)[-6:]}")


def report(output: Output, labels: Sequence[str], pairs: bool, min_articles: int, max_precision: float,
           say: Callable[[str], None]) -> None:
    base = dropping(output, set())
    say(f"articles {len(output)}; entity (label-strict) {describe(base)} TP {base.tp} FP {base.fp} FN {base.fn}")
    for label, found in base.class_scores().items():
        if label in labels:
            say(f"  {label}: P {found['precision'] or 0:.3f} R {found['recall'] or 0:.3f} F1 {found['f1'] or 0:.3f}")
    buckets = bucketed(output, labels, pairs)
    say(f"{'bucket':<62}{'rec':>5}{'art':>5}{'P':>7}{'other':>7}{'absent':>7}   if dropped: dTP dFP  F1")
    rows = sorted(buckets.items(), key=lambda item: (item[0][0], len(item[0]), item[0][1:]))
    for key, bucket in rows:
        records = sum(bucket.records.values())
        precision = bucket.records["right"] / records
        if len(bucket.articles) < min_articles or (len(key) > 2 and precision > max_precision):
            continue
        after = dropping(output, bucket.ids) if precision <= max_precision else None
        effect = f"   {after.tp - base.tp:+4d} {after.fp - base.fp:+4d} {describe(after)[-6:]}" if after else ""
        say(f"{' '.join(key):<62}{records:>5}{len(bucket.articles):>5}{precision:>7.2f}"
            f"{bucket.records['other_label']:>7}{bucket.records['absent']:>7}{effect}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--ids", default=READ_IDS,
                        help=f"dev id range (read half only; default {READ_IDS})")
    parser.add_argument("--labels", nargs="+", default=list(LABELS))
    parser.add_argument("--pairs", action="store_true", help="also bucket by pairs of features (low-precision only)")
    parser.add_argument("--min-articles", type=int, default=4, help="print buckets seen in at least this many articles")
    parser.add_argument("--max-precision", type=float, default=0.5,
                        help="pairs at or under this precision are printed; drop effects are computed for them")
    parser.add_argument("--records", type=Path, default=None, help="pickle of the run: read when present, else written")
    parser.add_argument("--decide", action="store_true", help="print only the buckets the fixed decision rule flags")
    args = parser.parse_args()
    ids = read_dev_range(parser, args.ids)
    output = cached_output(args.records, lambda: dev_output(ids))
    if not output:
        print("real-news cache absent or empty: nothing to measure (see docs/realnews.md)")
        return 0
    if args.decide:
        report_decisions(output, args.labels, args.pairs, print)
    else:
        report(output, args.labels, args.pairs, args.min_articles, args.max_precision, print)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
