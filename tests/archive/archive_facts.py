"""Hand-built fact records for the archive tests (no spaCy model needed)."""

from __future__ import annotations

import hashlib
from typing import Any

from pipeline.archive.facts import DocumentFacts


def entity(doc_id: str, start: int, text: str, label: str = "ORG", *, normalized: str | None = None,
           kb_id: str | None = None, elements: list[str] | None = None, form: str | None = None) -> dict[str, Any]:
    commodity = {"name": text, "elements": elements or [], "form": form} if label == "COMMODITY" else None
    return {"type": "entity", "id": f"{doc_id}#entity:{start}-{start + len(text)}", "doc_id": doc_id, "text": text,
            "start": start, "end": start + len(text), "label": label, "normalized": normalized or text, "kb_id": kb_id,
            "commodity": commodity}


def money(doc_id: str, start: int, text: str, value: float, currency: str = "USD") -> dict[str, Any]:
    return {"type": "quantity", "id": f"{doc_id}#quantity:{start}-{start + len(text)}", "doc_id": doc_id, "text": text,
            "start": start, "end": start + len(text), "quantity_type": "money", "value": value, "low": None, "high": None,
            "unit": currency, "currency": currency}


def day(doc_id: str, start: int, text: str, iso: str) -> dict[str, Any]:
    return {"type": "date", "id": f"{doc_id}#date:{start}-{start + len(text)}", "doc_id": doc_id, "text": text,
            "start": start, "end": start + len(text), "timex": iso, "start_date": iso, "end_date": iso}


def event(doc_id: str, event_type: str, evidence: str, arguments: list[tuple[str, dict[str, Any]]], *,
          start: int = 100, modality: str = "actual") -> dict[str, Any]:
    return {"type": "event", "id": f"{doc_id}#event:{start}-{start + 5}:{event_type}", "doc_id": doc_id,
            "event_type": event_type, "evidence": evidence, "modality": modality, "zone": "body",
            "arguments": [{"role": role, "text": record["text"], "ref": record["id"]} for role, record in arguments]}


def document(doc_id: str, published: str, *, title: str, text: str | None = None, source: str = "Wire",
             records: list[dict[str, Any]] = ()) -> DocumentFacts:
    sha = hashlib.sha256((text or doc_id).encode()).hexdigest()
    doc = DocumentFacts(document={"type": "document", "id": doc_id, "doc_id": doc_id, "title": title, "published": published,
                                  "source": source, "text_sha256": sha})
    buckets = {"entity": doc.entities, "quantity": doc.quantities, "date": doc.dates, "event": doc.events}
    for record in records:
        buckets[record["type"]].append(record)
    return doc
