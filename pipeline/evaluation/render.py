"""A standalone HTML view of orewire's records, in the look of spaCy's displaCy.

Each article becomes one section of the page: its text, line by line and with
its own spacing, with entities, quantities and dates underlined in displaCy's
``span`` style (overlaps allowed; ``spans_html``); each label pill links to the record's row
in a table below and carries the normalised value as a hover title. Events are
listed with their arguments. Given gold records, predictions that miss the
gold strictly are marked ``FA`` (false alarm) and gold records the pipeline
missed are drawn as ``MISS`` spans; events are compared leniently (see
``pipeline.evaluate``). The page uses inline CSS only: no scripts, fonts or
other network resources.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from pipeline.article.source import Article
from pipeline.errors import OrewireError
from pipeline.evaluation.documents import SPAN_TYPES
from pipeline.evaluation.matching import event_match_level, match_one_to_one
from pipeline.evaluation.spans_html import SpanMark, render_spans

KIND_COLORS = {"entity": "#7aecec", "quantity": "#feca74", "date": "#bfe1d9"}
FALSE_ALARM_COLOR = "#ff8197"
MISS_COLOR = "#a0a0a0"
_PAGE_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
MAX_PAGE_NAME = 180
PAGE_CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 64em;
       padding: 0 1em; color: #222; }
section.doc { border-top: 3px solid #ddd; margin-top: 2.5em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
tr.fa td { background: #ffe3e8; } tr.miss td { background: #eee; color: #555; }
.legend span { display: inline-block; padding: 0 0.5em; margin-right: 0.5em; border-radius: 3px; }
.error { color: #a00; } .meta { color: #666; font-size: 0.9em; } .spans { margin-bottom: 0.4em; }
"""


def _label(record: Mapping[str, Any]) -> str:
    if record["type"] == "entity":
        return str(record.get("label"))
    if record["type"] == "quantity":
        return str(record.get("quantity_type", "quantity")).upper()
    return "DATE"


def describe_value(record: Mapping[str, Any]) -> str:
    """The normalised value of a span record as short text (hover titles and the records table)."""
    kind = record["type"]
    if kind == "entity":
        parts = [str(record.get("normalized", record.get("text")))]
        if record.get("kb_id"):
            parts.append(f"[{record['kb_id']}]")
        commodity = record.get("commodity")
        if commodity:
            elements = ",".join(commodity.get("elements") or [])
            parts.append(f"elements={elements or '-'} form={commodity.get('form') or '-'}")
        return " ".join(parts)
    if kind == "quantity":
        if record.get("value") is not None:
            amount = f"{record['value']:,}" if isinstance(record["value"], int | float) else str(record["value"])
        elif record.get("low") is not None or record.get("high") is not None:
            amount = f"{record.get('low')}..{record.get('high')}"
        else:
            amount = "?"
        parts = [amount, str(record.get("unit") or "")]
        for name in ("qualifier", "per"):
            if record.get(name):
                parts.append(f"{name}={record[name]}")
        if record.get("subject"):
            parts.append(f"of {record['subject'].get('text')}")
        return " ".join(part for part in parts if part)
    parts = [str(record.get("timex", record.get("value")))]
    if record.get("start_date") or record.get("end_date"):
        parts.append(f"({record.get('start_date')}..{record.get('end_date')})")
    for name in ("granularity", "modifier", "resolution"):
        if record.get(name):
            parts.append(f"{name}={record[name]}")
    return " ".join(parts)


def _status_of_spans(pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]] | None
                     ) -> tuple[list[str], list[dict[str, Any]]]:
    """Per predicted span record: "" or "FA"; plus the gold span records missed (strict matching)."""
    if gold is None:
        return [""] * len(pred), []
    status = ["FA"] * len(pred)
    missed: list[dict[str, Any]] = []
    for kind in SPAN_TYPES:
        p_idx = [i for i, r in enumerate(pred) if r["type"] == kind]
        g_recs = [r for r in gold if r["type"] == kind and isinstance(r.get("start"), int)]
        pairs = match_one_to_one(
            g_recs, [pred[i] for i in p_idx],
            lambda g, p: 1.0 if (g["start"], g["end"], _label(g)) == (p["start"], p["end"], _label(p)) else None)
        for _, j in pairs:
            status[p_idx[j]] = ""
        hit = {i for i, _ in pairs}
        missed += [g for i, g in enumerate(g_recs) if i not in hit]
    return status, missed


def _anchor(record: Mapping[str, Any], prefix: str) -> str:
    raw = f"{prefix}-{record['type']}-{record.get('start')}-{record.get('end')}-{_label(record)}"
    return re.sub(r"[^A-Za-z0-9_-]", "_", raw)


def _render_text(text: str, spans: list[tuple[dict[str, Any], str, str, str]]) -> str:
    """The article text with its spans drawn; spans are (record, label, anchor, title)."""
    marks = [SpanMark(record["start"], record["end"], label, _color(record, label), anchor, title)
             for record, label, anchor, title in spans]
    return render_spans(text, marks)


def _color(record: Mapping[str, Any], label: str) -> str:
    if label.startswith("FA "):
        return FALSE_ALARM_COLOR
    return MISS_COLOR if label.startswith("MISS ") else KIND_COLORS[record["type"]]


def render_document(
    text: str,
    records: Iterable[Any],
    *,
    gold: Iterable[Any] | None = None,
) -> str:
    """One ``<section>`` of HTML for an article's text and records (document record optional).

    Args:
        text: the article text the records' offsets index.
        records: its SPEC records (dicts or record models).
        gold: gold records of the same document, to mark misses and false alarms.
    """
    pred = [_as_dict(r) for r in records]
    gold_list = [_as_dict(r) for r in gold] if gold is not None else None
    document = next((r for r in pred if r["type"] == "document"), None)
    doc_id = str(document["doc_id"] if document else next((r["doc_id"] for r in pred), "document"))
    span_records = [r for r in pred if r["type"] in SPAN_TYPES]
    status, missed = _status_of_spans(span_records, gold_list)
    spans = []
    for record, mark in zip(span_records, status, strict=True):
        label = f"FA {_label(record)}" if mark else _label(record)
        anchor = _anchor(record, "p")
        spans.append((record, label, anchor, f"{record['type']}: {describe_value(record)}"))
    for record in missed:
        spans.append((record, f"MISS {_label(record)}", _anchor(record, "g"),
                      f"missed gold {record['type']}: {describe_value(record)}"))

    out = [f'<section class="doc" id="{html.escape(_slug(doc_id))}">', f"<h2>{html.escape(doc_id)}</h2>"]
    if document:
        meta = [f"{name}: {document.get(name)}" for name in ("title", "published", "source") if document.get(name)]
        counts = document.get("counts") or {}
        meta.append("records: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        out.append(f'<p class="meta">{html.escape(" | ".join(meta))}</p>')
        for warning in document.get("warnings") or []:
            out.append(f'<p class="error">warning: {html.escape(str(warning))}</p>')
    out.append(_render_text(text, spans))
    out.append(_events_html([r for r in pred if r["type"] == "event"],
                            [r for r in gold_list if r["type"] == "event"] if gold_list is not None else None))
    out.append(_records_table(spans))
    out.append("</section>")
    return "\n".join(out)


def _events_html(events: list[dict[str, Any]], gold: list[dict[str, Any]] | None) -> str:
    status = [""] * len(events)
    missed: list[dict[str, Any]] = []
    if gold is not None:
        pairs = match_one_to_one(gold, events, lambda g, p: None if (lvl := event_match_level(g, p)) is None
                                 else float(lvl))
        hit_pred, hit_gold = {j for _, j in pairs}, {i for i, _ in pairs}
        status = ["" if j in hit_pred else "FA" for j in range(len(events))]
        missed = [g for i, g in enumerate(gold) if i not in hit_gold]
    rows = [_event_row(event, mark) for event, mark in zip(events, status, strict=True)]
    rows += [_event_row(event, "MISS") for event in missed]
    header = "<tr><th></th><th>event</th><th>trigger</th><th>modality</th><th>arguments</th><th>evidence</th></tr>"
    body = "\n".join(rows) if rows else '<tr><td colspan="6">no events</td></tr>'
    return f"<h3>Events ({len(events)})</h3>\n<table>{header}\n{body}</table>"


def _event_row(event: Mapping[str, Any], mark: str) -> str:
    trigger = event.get("trigger") or {}
    arguments = "<br>".join(
        f"<b>{html.escape(str(a.get('role')))}</b>: {html.escape(str(a.get('text')))}"
        + (f' <span class="meta">({html.escape(str(a["ref"]))})</span>' if a.get("ref") else "")
        for a in event.get("arguments") or [])
    css = {"FA": ' class="fa"', "MISS": ' class="miss"'}.get(mark, "")
    confidence = f" {event['confidence']:.2f}" if isinstance(event.get("confidence"), int | float) else ""
    return (f"<tr{css} id=\"{html.escape(_slug(str(event.get('id', ''))))}\"><td>{mark}</td>"
            f"<td>{html.escape(str(event.get('event_type')))}"
            f"<br><span class=\"meta\">{html.escape(str(event.get('id') or ''))}</span></td>"
            f"<td>{html.escape(str(trigger.get('text')))} @{trigger.get('start')}-{trigger.get('end')}</td>"
            f"<td>{html.escape(str(event.get('modality', '')))}{confidence}</td>"
            f"<td>{arguments}</td><td>{html.escape(str(event.get('evidence', '')))}</td></tr>")


def _records_table(spans: list[tuple[dict[str, Any], str, str, str]]) -> str:
    ordered = sorted(spans, key=lambda item: (item[0]["start"], item[0]["end"], item[0]["type"]))
    rows = []
    for record, label, anchor, _ in ordered:
        mark = label.split(" ", 1)[0] if label.startswith(("FA ", "MISS ")) else ""
        css = {"FA": ' class="fa"', "MISS": ' class="miss"'}.get(mark, "")
        rows.append(f'<tr{css} id="{anchor}"><td>{mark}</td><td>{html.escape(record["type"])}</td>'
                    f"<td>{html.escape(_label(record))}</td><td>{html.escape(str(record.get('text')))}</td>"
                    f"<td>{record['start']}-{record['end']}</td><td>{html.escape(describe_value(record))}</td>"
                    f"<td class=\"meta\">{html.escape(str(record.get('id', '')))}</td></tr>")
    header = "<tr><th></th><th>type</th><th>label</th><th>text</th><th>offsets</th><th>value</th><th>id</th></tr>"
    return f"<h3>Records ({len(rows)})</h3>\n<table>{header}\n" + "\n".join(rows) + "</table>"


def render_html(sections: Iterable[str], *, title: str = "orewire") -> str:
    """Wrap document sections into a standalone page (inline CSS, no external resources)."""
    legend = "".join(f'<span style="background: {color}">{name}</span>' for name, color in (
        *KIND_COLORS.items(), ("FA false alarm", FALSE_ALARM_COLOR), ("MISS missed gold", MISS_COLOR)))
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f"<style>{PAGE_CSS}</style>\n</head>\n<body>\n<h1>{html.escape(title)}</h1>\n"
            f'<p class="legend">{legend} (hover a label for its normalised value; click for the record)</p>\n'
            + "\n".join(sections) + "\n</body>\n</html>\n")


def render_sections(extractor: Any, articles: Iterable[Article | OrewireError], *,
                    gold: Iterable[Any] | None = None) -> Iterator[tuple[str, str]]:
    """Extract ``articles`` with ``extractor``; yield ``(doc_id, section html)`` per article, in order.

    An article that fails becomes a section showing its error record.
    """
    gold_by_doc = _by_document(gold) if gold is not None else None
    items = list(articles)
    texts = {item.doc_id: item.text for item in items if isinstance(item, Article)}
    for extraction in extractor.extract_many(items):
        if extraction.error is not None:
            yield extraction.doc_id, _error_section(extraction.doc_id, extraction.error.error, extraction.error.message)
            continue
        # a document without gold is shown unmarked rather than as all false alarms
        doc_gold = gold_by_doc.get(extraction.doc_id) if gold_by_doc is not None else None
        yield extraction.doc_id, render_document(texts[extraction.doc_id], extraction.records, gold=doc_gold)


def facts_sections(articles: Iterable[Article | OrewireError], facts: Iterable[Any], *,
                   gold: Iterable[Any] | None = None) -> Iterator[tuple[str, str]]:
    """``(doc_id, section html)`` per article, drawing records already extracted (no model needed).

    ``facts`` are the records of an extract run (its error records included); an article is matched
    to them by ``doc_id``. An article the facts hold no records for, or only an error record for,
    becomes a section saying so; a document record whose ``text_sha256`` differs from the article's
    text is shown with a warning, since its offsets index another text.
    """
    facts_by_doc = _by_document(facts)
    gold_by_doc = _by_document(gold) if gold is not None else None
    for item in articles:
        if isinstance(item, OrewireError):
            yield item.doc_id or "", _error_section(item.doc_id or "", item.code.value, item.message)
            continue
        records = facts_by_doc.get(item.doc_id, [])
        error = next((r for r in records if r["type"] == "error"), None)
        document = next((r for r in records if r["type"] == "document"), None)
        if document is None:
            if error is not None:
                yield item.doc_id, _error_section(item.doc_id, str(error.get("error")), str(error.get("message")))
            else:
                yield item.doc_id, _error_section(item.doc_id, "no records", "the facts hold no records for this doc_id")
            continue
        digest = hashlib.sha256(item.text.encode("utf-8", "surrogatepass")).hexdigest()
        if document.get("text_sha256") not in (None, digest):
            document = {**document, "warnings": [*(document.get("warnings") or []),
                                                 "text_sha256 differs: the records were extracted from another text"]}
        records = [document if r["type"] == "document" else r for r in records if r["type"] != "error"]
        doc_gold = gold_by_doc.get(item.doc_id) if gold_by_doc is not None else None
        yield item.doc_id, render_document(item.text, records, gold=doc_gold)


def _by_document(records: Iterable[Any]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        data = _as_dict(record)
        grouped.setdefault(str(data["doc_id"]), []).append(data)
    return grouped


def _error_section(doc_id: str, code: str, message: str) -> str:
    return (f'<section class="doc"><h2>{html.escape(doc_id)}</h2>'
            f'<p class="error">{html.escape(code)}: {html.escape(message)}</p></section>')


def render_page(extractor: Any, articles: Iterable[Article | OrewireError], *,
                gold: Iterable[Any] | None = None) -> str:
    """Extract ``articles`` and render every document into one standalone page."""
    return render_html(section for _, section in render_sections(extractor, articles, gold=gold))


def page_file_name(doc_id: str) -> str:
    """A file name for one document's page, distinct for distinct ids (``a/b``, ``a_b``, ``a:b``).

    Letters, digits, ``_``, ``.`` and ``-`` stay; any other character is percent-encoded (its UTF-8
    bytes, ``%`` included). Where upper case could meet a case-insensitive file system, or the name
    would pass ``MAX_PAGE_NAME`` characters, ``~`` and a hash of the id are added (``~`` is itself
    encoded elsewhere, so such names cannot meet plain ones).

    >>> page_file_name("a/b.txt"), page_file_name("a_b.txt")
    ('a%2fb.txt.html', 'a_b.txt.html')
    """
    name = _PAGE_UNSAFE.sub(lambda m: "".join(f"%{byte:02x}" for byte in m.group().encode("utf-8", "surrogatepass")),
                            doc_id)
    if name.lower() != name or len(name) > MAX_PAGE_NAME:
        digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        name = f"{name[:MAX_PAGE_NAME]}~{digest}"
    return name + ".html"


def _as_dict(record: Any) -> dict[str, Any]:
    return dict(record) if isinstance(record, Mapping) else record.model_dump(mode="json")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.:-]", "_", text)
