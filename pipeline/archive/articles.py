"""Near-duplicate articles: MinHash LSH (datasketch) over document signatures, in one pass.

Only one representative per group (the first article read) is indexed, so the LSH index
and the in-memory state grow with the number of groups. A new article joins the group of
the indexed representative with the same ``text_sha256``, else of the LSH candidate with the
highest estimated Jaccard similarity at or above the threshold, else starts a group.
The canonical article of a group is the earliest published (ties: smallest doc id).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from datasketch import MinHashLSH

from pipeline.archive.members import MemberStore
from pipeline.archive.signature import DocSignature
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
    size: int = 1


class ArticleGrouper:
    """Streams document signatures into near-duplicate groups."""

    def __init__(self, store: MemberStore, *, threshold: float = 0.8, num_perm: int = 128) -> None:
        self.store = store
        self.threshold = threshold
        # LSH finds candidates (it needs two bands or more, so at most 0.95); the estimate decides.
        self.lsh = MinHashLSH(threshold=min(threshold, 0.95), num_perm=num_perm)
        self.groups: list[Group] = []
        self.by_sha: dict[str, int] = {}

    def add(self, doc: DocSignature) -> int:
        """Assign one document to a group and return the group's index."""
        index, similarity = self._match(doc)
        if index is None:
            index = len(self.groups)
            self.groups.append(Group(index, doc.hashvalues, (doc.doc_id, doc.source, doc.published, doc.sha),
                                     (doc.published or UNDATED, doc.doc_id), doc.sha, doc.title))
            if doc.sha:
                self.by_sha.setdefault(doc.sha, index)
            if doc.hashvalues is not None:
                self.lsh.insert(index, _lean(doc.hashvalues), check_duplication=False)
            return index
        group = self.groups[index]
        group.size += 1
        candidate = (doc.published or UNDATED, doc.doc_id)
        if candidate < group.canonical:
            group.canonical, group.canonical_sha, group.title = candidate, doc.sha, doc.title or group.title
        self.store.add(KIND, index, json.dumps([doc.doc_id, doc.source, doc.published, doc.sha, similarity]))
        return index

    def _match(self, doc: DocSignature) -> tuple[int | None, float]:
        if doc.sha and doc.sha in self.by_sha:
            return self.by_sha[doc.sha], 1.0
        if doc.hashvalues is None:
            return None, 0.0
        best: tuple[float, int] | None = None
        for index in self.lsh.query(_lean(doc.hashvalues)):
            similarity = float(np.mean(self.groups[index].hashvalues == doc.hashvalues))
            if similarity >= self.threshold and (best is None or (similarity, -index) > (best[0], -best[1])):
                best = (similarity, index)
        return (best[1], best[0]) if best else (None, 0.0)

    def records(self) -> Iterator[ArticleGroupRecord]:
        """One record per group of two or more articles, ordered by canonical doc id."""
        groups = sorted((group for group in self.groups if group.size > 1), key=lambda group: group.canonical[1])
        for group in groups:
            rows = [[*group.first, 1.0]] + [json.loads(row) for row in self.store.members(KIND, group.index)]
            members = [
                GroupMember(doc_id=doc_id, source=source, published=published, similarity=round(similarity, 4),
                            exact=bool(sha) and sha == group.canonical_sha)
                for doc_id, source, published, sha, similarity in sorted(rows, key=lambda row: (row[2] or UNDATED, row[0]))
            ]
            canonical = group.canonical[1]
            yield ArticleGroupRecord(
                id=f"group:{canonical}", canonical_doc_id=canonical, title=group.title, n_articles=len(members),
                n_sources=len({member.source for member in members if member.source}), members=members,
            )


class _Lean:
    """The minimal MinHash interface MinHashLSH needs (``hashvalues`` and length), without copies."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = hashvalues

    def __len__(self) -> int:
        return len(self.hashvalues)


def _lean(hashvalues: np.ndarray) -> _Lean:
    return _Lean(hashvalues.astype(np.uint64))
