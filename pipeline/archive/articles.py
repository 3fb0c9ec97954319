"""Near-duplicate articles: MinHash LSH (datasketch) over document signatures, in one pass.

Only one representative per group (the first article read) is indexed, so the LSH index
grows with the number of groups, not of copies. A new article joins the group of the
indexed representative with the same ``text_sha256``, else of the LSH candidate with the
highest estimated Jaccard similarity at or above the threshold, else starts a group.
The canonical article of a group is the earliest published (ties: smallest doc id).

Syndication happens within days: a group no article has joined for ``horizon_days`` (before
the newest publication day read so far) leaves the index and memory, its record written to
the store. Input in rough publication order (as archives and date shards are) loses nothing.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHashLSH

from pipeline.archive.members import MemberStore
from pipeline.archive.signature import DocSignature, shift_day
from pipeline.schema.archive import ArticleGroupRecord, GroupMember

KIND = "article"
UNDATED = "9999-12-31"


@dataclass
class Group:
    index: int
    hashvalues: np.ndarray | None
    first: tuple[str, str | None, str | None, str]  # doc_id, source, published, sha
    canonical: tuple[str, str]  # (published or UNDATED, doc_id)
    canonical_sha: str
    title: str | None
    last_seen: str
    size: int = 1


class ArticleGrouper:
    """Streams document signatures into near-duplicate groups."""

    def __init__(self, store: MemberStore, *, threshold: float = 0.8, num_perm: int = 128, horizon_days: int = 365) -> None:
        self.store = store
        self.threshold = threshold
        self.horizon_days = horizon_days
        # LSH finds candidates (it needs two bands or more, so at most 0.95); the estimate decides.
        self.lsh = MinHashLSH(threshold=min(threshold, 0.95), num_perm=num_perm)
        self.groups: dict[int, Group] = {}
        self.by_sha: dict[str, int] = {}
        self.count = 0
        self.newest = ""
        self._queue: list[tuple[str, int]] = []

    def add(self, doc: DocSignature) -> int:
        """Assign one document to a group and return the group's index."""
        index, similarity = self._match(doc)
        seen = doc.published or ""
        if index is None:
            index = self.count
            self.count += 1
            self.groups[index] = Group(index, doc.hashvalues, (doc.doc_id, doc.source, doc.published, doc.sha),
                                       (doc.published or UNDATED, doc.doc_id), doc.sha, doc.title, seen)
            if doc.sha:
                self.by_sha.setdefault(doc.sha, index)
            if doc.hashvalues is not None:
                self.lsh.insert(index, _Lean(doc.hashvalues), check_duplication=False)
        else:
            group = self.groups[index]
            group.size += 1
            group.last_seen = max(group.last_seen, seen)
            candidate = (doc.published or UNDATED, doc.doc_id)
            if candidate < group.canonical:
                group.canonical, group.canonical_sha, group.title = candidate, doc.sha, doc.title or group.title
            self.store.add(KIND, index, json.dumps([doc.doc_id, doc.source, doc.published, doc.sha, similarity]))
        if seen:
            heapq.heappush(self._queue, (self.groups[index].last_seen, index))
            if seen > self.newest:
                self.newest = seen
                self._retire(shift_day(seen, -self.horizon_days))
        return index

    def _match(self, doc: DocSignature) -> tuple[int | None, float]:
        if doc.sha and doc.sha in self.by_sha:
            return self.by_sha[doc.sha], 1.0
        if doc.hashvalues is None:
            return None, 0.0
        best: tuple[float, int] | None = None
        for index in self.lsh.query(_Lean(doc.hashvalues)):
            similarity = float(np.mean(self.groups[index].hashvalues == doc.hashvalues))
            if similarity >= self.threshold and (best is None or (similarity, -index) > (best[0], -best[1])):
                best = (similarity, index)
        return (best[1], best[0]) if best else (None, 0.0)

    def _retire(self, before: str) -> None:
        """Write and forget every group last joined before ``before``."""
        while self._queue and self._queue[0][0] < before:
            last_seen, index = heapq.heappop(self._queue)
            group = self.groups.get(index)
            if group is None or group.last_seen != last_seen:
                continue  # a stale queue entry: the group was joined again later
            self._forget(group)
            if group.size > 1:
                record = self._record(group)
                self.store.finish(KIND, record.id, record.model_dump_json())

    def _forget(self, group: Group) -> None:
        del self.groups[group.index]
        if group.hashvalues is not None:
            self.lsh.remove(group.index)
        if self.by_sha.get(group.first[3]) == group.index:
            del self.by_sha[group.first[3]]

    def records(self) -> Iterator[dict[str, Any]]:
        """One record per group of two or more articles, ordered by id."""
        live = sorted((self._record(group) for group in self.groups.values() if group.size > 1), key=lambda record: record.id)
        finished = ((record_id, json.loads(text)) for record_id, text in self.store.finished(KIND))
        current = ((record.id, record.model_dump(mode="json")) for record in live)
        for _, data in heapq.merge(finished, current, key=lambda item: item[0]):
            yield data

    def _record(self, group: Group) -> ArticleGroupRecord:
        rows = [[*group.first, 1.0]] + [json.loads(row) for row in self.store.members(KIND, group.index)]
        members = [
            GroupMember(doc_id=doc_id, source=source, published=published, similarity=round(similarity, 4),
                        exact=bool(sha) and sha == group.canonical_sha)
            for doc_id, source, published, sha, similarity in sorted(rows, key=lambda row: (row[2] or UNDATED, row[0]))
        ]
        canonical = group.canonical[1]
        return ArticleGroupRecord(
            id=f"group:{canonical}", canonical_doc_id=canonical, title=group.title, n_articles=len(members),
            n_sources=len({member.source for member in members if member.source}), members=members,
        )


class _Lean:
    """The minimal MinHash interface MinHashLSH needs (``hashvalues`` and length), without copies."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = hashvalues.astype(np.uint64)

    def __len__(self) -> int:
        return len(self.hashvalues)
