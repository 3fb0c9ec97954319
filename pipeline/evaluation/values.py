"""Whether a matched record's normalised value is right: the fields the gold record carries.

Quantities: ``value``/``low``/``high`` within a relative tolerance and the same
``unit``; dates: the same ``timex`` (bounds reported, not scored); entities: the
same ``normalized`` name and ``kb_id`` (commodity reported, not scored).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

QUANTITY_VALUE_FIELDS: tuple[str, ...] = ("value", "low", "high")
DATE_BOUND_FIELDS: tuple[str, ...] = ("start_date", "end_date")
# fields that decide strict_value; other checked fields (date bounds, commodity) are only reported
SCORED_FIELDS: dict[str, tuple[str, ...]] = {
    "entity": ("normalized", "kb_id"), "quantity": (*QUANTITY_VALUE_FIELDS, "unit"), "date": ("timex",)}
DEFAULT_TOLERANCE = 0.005

_SPACES = re.compile(r"\s+")


def _number_ok(gold: Any, pred: Any, tolerance: float) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    return abs(p - g) <= tolerance * abs(g) if g else p == 0


def _commodity_key(commodity: Any) -> tuple[Any, ...] | None:
    if not isinstance(commodity, Mapping):
        return None
    return tuple(sorted(commodity.get("elements") or [])), commodity.get("form")


def value_checks(gold: Mapping[str, Any], pred: Mapping[str, Any], record_type: str, *,
                 tolerance: float = DEFAULT_TOLERANCE) -> dict[str, bool]:
    """Per-field value agreement for the fields the gold record carries (empty if none)."""
    checks: dict[str, bool] = {}
    if record_type == "quantity":
        for name in QUANTITY_VALUE_FIELDS:
            if name in gold:
                checks[name] = _number_ok(gold[name], pred.get(name), tolerance)
        if "unit" in gold:
            checks["unit"] = gold["unit"] == pred.get("unit")
    elif record_type == "date":
        for name in ("timex", *DATE_BOUND_FIELDS):
            if name in gold:
                checks[name] = gold[name] == pred.get(name)
    elif record_type == "entity":
        for name in ("normalized", "kb_id"):
            if name in gold:
                checks[name] = _SPACES.sub(" ", str(gold[name] or "")) == _SPACES.sub(" ", str(pred.get(name) or ""))
        if gold.get("commodity"):
            checks["commodity"] = _commodity_key(gold["commodity"]) == _commodity_key(pred.get("commodity"))
    return checks


def value_ok(gold: Mapping[str, Any], pred: Mapping[str, Any], record_type: str, *,
             tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """True when the normalised value is right (the ``SCORED_FIELDS`` the gold record carries agree)."""
    checks = value_checks(gold, pred, record_type, tolerance=tolerance)
    return all(ok for name, ok in checks.items() if name in SCORED_FIELDS[record_type])
