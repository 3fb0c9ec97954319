"""Which path chose each event record's agent: the event stage's finder, or the article pass's step that last set it.

A plain side channel for measurement (``benchmarks/agent_precision.py``): the article pass notes the records after
each step that can give, change or drop an agent; a record whose agent changed at a step takes that step's name.
Nothing here changes a record, and nothing of it is written to the output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from pipeline.schema.annotations import NO_AGENT
from pipeline.schema.records import EventRecord

DERIVED = "derived"  # a record the stage gave an agent without naming its path
ARTICLE_PREFIX = "article:"  # the paths of the article pass's steps

Records = TypeVar("Records", bound=Sequence[EventRecord])


def agent_names(record: EventRecord) -> frozenset[str]:
    """The record's agents, each by its entity id when linked, else by its text."""
    return frozenset(argument.ref or argument.text for argument in record.arguments if argument.role == "agent")


def unnoted(step: str, records: Records) -> Records:
    """What ``AgentTrail.note`` stands in for when no trail was asked for: the records, unchanged."""
    return records


class AgentTrail:
    """Per record id, the path that chose its agent: the stage's (``stage_paths``) until a step of the article pass
    changes the agent, then ``article:<step>`` (``none`` when the record has no agent)."""

    def __init__(self, stage_paths: Mapping[str, str] | None = None) -> None:
        self.paths: dict[str, str] = dict(stage_paths or {})
        self.agents: dict[str, frozenset[str]] = {}
        self.before: dict[str, frozenset[str]] = {}  # a record's agents before the step that last changed them

    def start(self, records: Records) -> Records:
        """The stage's records: their agents as the stage left them."""
        for record in records:
            names = agent_names(record)
            self.agents[record.id] = names
            if not names:
                self.paths[record.id] = NO_AGENT
            elif self.paths.get(record.id, NO_AGENT) == NO_AGENT:
                self.paths[record.id] = DERIVED
        return records

    def note(self, step: str, records: Records) -> Records:
        """The records after ``step``: a record whose agents differ from before (or that is new) takes the step."""
        for record in records:
            names = agent_names(record)
            if self.agents.get(record.id) != names:
                self.paths[record.id] = f"{ARTICLE_PREFIX}{step}" if names else NO_AGENT
                self.before[record.id] = self.agents.get(record.id, frozenset())
                self.agents[record.id] = names
        return records

    def path(self, record_id: str) -> str:
        """The path of a record's agent (``none`` for a record never noted)."""
        return self.paths.get(record_id, NO_AGENT)
