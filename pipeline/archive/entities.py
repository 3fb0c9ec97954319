"""Entity keys across articles: per key, the names seen, document and mention counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from pipeline.archive.keys import canonical_alias
from pipeline.archive.members import MemberStore
from pipeline.archive.signature import DocSignature
from pipeline.schema.archive import EntityKeyRecord, NameSeen
from pipeline.schema.labels import EntityLabel

KIND = "entity"


@dataclass
class KeyState:
    index: int
    label: str
    kb_id: str | None
    names: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0
    n_mentions: int = 0


class EntityKeys:
    """Aggregates the entity mentions of a stream of documents by key."""

    def __init__(self, store: MemberStore) -> None:
        self.store = store
        self.keys: dict[str, KeyState] = {}

    def add(self, doc: DocSignature) -> None:
        seen: set[str] = set()
        names_seen: set[tuple[str, str]] = set()
        for mention in doc.entities:
            state = self.keys.get(mention.key)
            if state is None:
                state = self.keys[mention.key] = KeyState(len(self.keys), mention.label, mention.kb_id)
            state.n_mentions += 1
            if mention.key not in seen:
                seen.add(mention.key)
                state.n_docs += 1
            if (mention.key, mention.normalized) not in names_seen:
                names_seen.add((mention.key, mention.normalized))
                state.names[mention.normalized] += 1
            self.store.add(KIND, state.index, mention.entity_id)

    def records(self) -> Iterator[dict[str, Any]]:
        """One record per key, ordered by key."""
        for key in sorted(self.keys):
            state = self.keys[key]
            names = sorted(state.names.items(), key=lambda item: (-item[1], item[0]))
            record = EntityKeyRecord(
                id=key, label=cast(EntityLabel, state.label), normalized=canonical_alias(key) or names[0][0], kb_id=state.kb_id,
                names=[NameSeen(text=name, n_docs=count) for name, count in names], n_docs=state.n_docs,
                n_mentions=state.n_mentions, entity_ids=sorted(self.store.members(KIND, state.index)),
            )
            yield record.model_dump(mode="json")
