"""Formatting evaluation metrics: the threshold gate, a plain or Markdown table, rounded JSON.

The scorer returns a metrics dict (``pipeline.evaluation.scoring.evaluate``); this
module only reads it. An undefined score is shown as ``metrics.UNDEFINED``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from pipeline.errors import UsageError
from pipeline.evaluation.documents import EVENT_MODES, RECORD_TYPES, SPAN_MODES, SPAN_TYPES
from pipeline.evaluation.metrics import format_score


class Threshold(NamedTuple):
    """A ``--fail-under`` gate: the F1 of ``record_type.mode`` (of one label or event type if given) >= minimum."""

    record_type: str
    mode: str
    minimum: float
    label: str | None = None


def parse_threshold(spec: str) -> Threshold:
    """Parse ``TYPE[.MODE][:LABEL]=F1`` (mode defaults to ``strict``) for ``--fail-under``.

    ``event.arguments=0.7`` gates the event argument F1; ``entity.strict:ORG=0.9`` and
    ``event.type_agent:supply_agreement=0.8`` gate one entity label or one event type.

    Raises:
        UsageError: malformed spec, unknown type or mode, or F1 outside 0..1.
    """
    key, sep, number = spec.partition("=")
    key, _, label = key.strip().partition(":")
    record_type, _, mode = key.strip().partition(".")
    mode = mode or "strict"
    modes = (*EVENT_MODES, "arguments") if record_type == "event" else SPAN_MODES
    if not sep or record_type not in RECORD_TYPES or mode not in modes or (label and mode == "arguments"):
        raise UsageError(f"--fail-under wants TYPE[.MODE][:LABEL]=F1 with TYPE in {', '.join(RECORD_TYPES)} "
                         f"and MODE in {', '.join(modes)} (arguments without a label); got {spec!r}")
    try:
        value = float(number)
    except ValueError as error:
        raise UsageError(f"--fail-under {spec!r}: {number!r} is not a number") from error
    if not 0.0 <= value <= 1.0:
        raise UsageError(f"--fail-under {spec!r}: F1 must be between 0 and 1")
    return Threshold(record_type, mode, value, label.strip() or None)


def threshold_f1(metrics: Mapping[str, Any], threshold: Sequence[Any]) -> float | None:
    """The F1 a threshold gates: ``(type, mode, minimum[, label])``; None when undefined or the label is absent."""
    record_type, mode = threshold[0], threshold[1]
    label = threshold[3] if len(threshold) > 3 else None
    block = metrics[record_type]
    if mode == "arguments":
        return block["arguments"]["all"]["f1"]
    if label is not None:
        scores = block["by_label"].get(label)
        return None if scores is None else scores[mode]["f1"]
    return block[mode]["f1"]


def check_thresholds(metrics: Mapping[str, Any], thresholds: Iterable[Sequence[Any]]) -> list[str]:
    """The failed thresholds as messages; an undefined F1 (nothing in gold or pred) counts as 0."""
    failures = []
    for threshold in thresholds:
        minimum = threshold[2]
        f1 = threshold_f1(metrics, threshold)
        if (f1 or 0.0) < minimum:
            shown = "undefined" if f1 is None else f"{f1:.4f}"
            label = threshold[3] if len(threshold) > 3 and threshold[3] else None
            name = f"{threshold[0]}.{threshold[1]}" + (f":{label}" if label else "")
            failures.append(f"{name} F1 {shown} < {minimum}")
    return failures


def _score_row(first: list[str], scores: Mapping[str, Any]) -> list[str]:
    return [*first, format_score(scores["precision"]), format_score(scores["recall"]), format_score(scores["f1"]),
            str(scores["tp"]), str(scores["fp"]), str(scores["fn"])]


def summary_rows(metrics: Mapping[str, Any]) -> list[list[str]]:
    """One row per (record type, mode), and the event arguments."""
    rows = []
    for record_type in RECORD_TYPES:
        block = metrics[record_type]
        modes = EVENT_MODES if record_type == "event" else SPAN_MODES
        rows += [_score_row([record_type, mode], block[mode]) for mode in modes]
        if record_type == "event":
            rows.append(_score_row([record_type, "arguments"], block["arguments"]["all"]))
    return rows


def format_table(metrics: Mapping[str, Any], *, markdown: bool = False, show_errors: int = 0) -> str:
    """Human-readable report: scores, value accuracy, per-label F1, documents, and up to N errors per type."""
    header = ["type", "mode", "P", "R", "F1", "tp", "fp", "fn"]
    lines = [text_table(header, summary_rows(metrics), markdown)]
    value_rows = []
    for record_type in SPAN_TYPES:
        acc = metrics[record_type]["value_accuracy"]
        value_rows.append([record_type, "(all)", format_score(acc["accuracy"]), f"{acc['correct']}/{acc['total']}"])
        for name, f in acc["fields"].items():
            value_rows.append([record_type, name, format_score(f["accuracy"]), f"{f['correct']}/{f['total']}"])
    agent = metrics["event"].get("agent_accuracy")
    if agent is not None:  # on lenient event matches
        value_rows.append(["event", "agent", format_score(agent["accuracy"]), f"{agent['correct']}/{agent['total']}"])
    value_table = text_table(["type", "field", "accuracy", "right"], value_rows, markdown)
    lines += ["", "Value accuracy on strict matches (event agent: on lenient matches)", value_table]
    label_rows = []
    for record_type in RECORD_TYPES:
        for label, modes in metrics[record_type]["by_label"].items():
            s, le = modes["strict"], modes["lenient"]
            label_rows.append([record_type, label, format_score(s["f1"]), format_score(le["f1"]),
                               str(s["tp"] + s["fn"]), str(s["tp"] + s["fp"])])
    lines += ["", "Per label",
              text_table(["type", "label", "strict F1", "lenient F1", "gold", "pred"], label_rows, markdown)]
    role_rows = [_score_row([role], s) for role, s in metrics["event"]["arguments"]["by_role"].items()]
    if role_rows:
        lines += ["", "Event arguments by role",
                  text_table(["role", "P", "R", "F1", "tp", "fp", "fn"], role_rows, markdown)]
    lines += _document_lines(metrics["documents"])
    if show_errors:
        lines += _error_lines(metrics, show_errors)
    return "\n".join(lines)


def _document_lines(docs: Mapping[str, Any]) -> list[str]:
    lines = ["", f"Documents: gold {docs['gold']}, pred {docs['pred']}, matched {docs['matched']}, "
                 f"scored {docs['scored']}"]
    if docs["only_gold"]:
        lines.append(f"  only in gold (records counted as misses): {', '.join(docs['only_gold'])}")
    if docs["only_pred"]:
        verdict = "counted as false positives" if docs["unmatched_pred_counted"] else "not scored"
        lines.append(f"  only in pred ({verdict}): {', '.join(docs['only_pred'])}")
    if docs["pred_errors"]:
        lines.append(f"  error records in pred: {', '.join(docs['pred_errors'])}")
    for side, count in docs["records_without_offsets"].items():
        if count:
            lines.append(f"  {side}: {count} span records without start/end were not scored")
    return lines


def _error_lines(metrics: Mapping[str, Any], show_errors: int) -> list[str]:
    lines: list[str] = []
    for record_type in RECORD_TYPES:
        errors = metrics[record_type]["errors"]
        for kind, title in (("false_negatives", "missed"), ("false_positives", "false alarm")):
            items = errors[kind]
            if not items:
                continue
            lines += ["", f"{record_type}: {title} ({len(items)}, showing {min(show_errors, len(items))})"]
            lines += [_error_line(item, record_type) for item in items[:show_errors]]
    return lines


def _error_line(item: Mapping[str, Any], record_type: str) -> str:
    if record_type == "event":
        what = f"{item['event_type']} trigger {item['trigger']!r} @{item['start']}-{item['end']}"
    else:
        value = next((f" {name}={item[name]!r}" for name in ("normalized", "value") if item.get(name) is not None), "")
        what = f"{item['label']} {item['text']!r} @{item['start']}-{item['end']}{value}"
    near = f" [near: {item['near']}]" if item.get("near") else ""
    context = f"\n      | {item['context']}" if item.get("context") else ""
    return f"  - {item['doc_id']}: {what}{near}{context}"


def text_table(header: list[str], rows: list[list[str]], markdown: bool = False) -> str:
    """A plain aligned table, or a Markdown one."""
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(out)
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=False)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=False)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip() for row in rows]
    return "\n".join(lines)


def round_metrics(value: Any, digits: int = 4) -> Any:
    """A copy of ``value`` with floats rounded (for JSON output)."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {key: round_metrics(item, digits) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [round_metrics(item, digits) for item in value]
    return value
