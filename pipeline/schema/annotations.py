"""What the stages attach to a spaCy ``Doc``, as plain typed dicts.

Stage components write these payloads onto spans (entities, quantities, dates)
or onto the ``Doc`` (events, block context). They are plain dicts of JSON
types on purpose: spaCy serialises ``user_data`` with msgpack when docs cross
process boundaries, and dataclasses would not survive that trip.

All character offsets inside a payload are relative to the block ``Doc`` they
sit on; ``pipeline.build`` shifts them to article offsets.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from pipeline.schema.labels import Zone


class ArticleHints(TypedDict):
    """What the whole article says about ambiguous markers, computed once per article.

    A stage uses a hint only when its own block has no evidence either way.
    """

    dollar: str | None  # ISO code a bare "$" stands for ("AUD"), or None: USD.
    yen: str | None  # "CNY" (the article is about China) or "JPY"; None: no opinion.
    fiscal: str | None  # Name of the article's fiscal calendar ("AU", "IN", "JP"), or None.
    day_first: NotRequired[bool | None]  # Numeric dates ("3/4/2025") day first, from the article's unambiguous ones.
    country: NotRequired[str | None]  # ISO 3166 alpha-2 code of the source's country-code web domain ("ZA").
    # Quarters and halves the article names with one fiscal label: {"quarter 3": "2025-26", "half 1": "24"}.
    fiscal_parts: NotRequired[dict[str, str]]
    decimal_comma: NotRequired[bool]  # The article writes decimals with a comma ("237,4 million"), from its unambiguous ones.


class BlockContext(TypedDict):
    """Where a block of text sits in its article, set before the pipeline runs."""

    offset: int
    zone: Zone
    section: str | None
    reference: str | None  # ISO day used to resolve relative dates, or None.
    doc_id: str
    hints: NotRequired[ArticleHints | None]  # Article-level fallbacks; absent on hand-built docs.


class CommodityInfo(TypedDict):
    name: str
    elements: list[str]
    form: str | None


class EntityInfo(TypedDict):
    normalized: str
    kb_id: str | None
    commodity: CommodityInfo | None


class QuantityInfo(TypedDict):
    quantity_type: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    unit_text: str | None
    currency: str | None
    qualifier: str | None
    per: str | None
    subject: list[int] | None  # [start, end] of the measured thing, block offsets.


class DateInfo(TypedDict):
    timex: str | None  # TIMEX3-style ISO value (the date record's `timex`)
    granularity: str
    start_date: str | None
    end_date: str | None
    modifier: str | None
    fiscal: bool
    resolution: str
    reference: str | None


class ArgumentInfo(TypedDict):
    role: str
    start: int
    end: int


NO_AGENT = "none"  # ``EventInfo["agent_path"]`` of a record with no agent (the agent-path side channel)


class EventInfo(TypedDict):
    event_type: str
    trigger: list[int]  # [start, end], block offsets.
    modality: str
    confidence: float
    arguments: list[ArgumentInfo]
    rule: NotRequired[str]  # the trigger rule's id (absent on records the stage derives); never written to records
    agent_path: NotRequired[str]  # the path that chose the agent (``events.agents.AgentChoice``); never written either
    back_reference: NotRequired[bool]  # a definite trigger ("the deal") the article keeps only as its type's lone record
