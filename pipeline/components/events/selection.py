"""Scoring accepted triggers and keeping one event per (sentence, type, clause)."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.components.events.sentences import Sentence
from pipeline.components.events.syntax import predicate_head
from pipeline.resources.events import TriggerRule
from pipeline.schema.annotations import NO_AGENT, ArgumentInfo, EventInfo

BASE_CONFIDENCE = {"strong": 0.78, "weak": 0.6}
DETAIL_ROLES = frozenset({"amount", "quantity", "price", "date", "effective_date", "commodity"})

BACK_REFERENCE_SUFFIX = "~back_reference"  # the id of a rule's twin that reads a definite trigger ("the deal")


@dataclass
class Candidate:
    """An accepted trigger with its arguments, modality and confidence."""

    rule: TriggerRule
    trigger: Span
    sentence: Sentence
    arguments: list[ArgumentInfo]
    modality: str
    confidence: float
    agent_key: str | None
    agent_path: str = NO_AGENT  # the path that chose the agent (``agents.AgentChoice.path``)

    def event_info(self) -> EventInfo:
        return EventInfo(
            event_type=self.rule.event_type,
            trigger=[self.trigger.start_char, self.trigger.end_char],
            modality=self.modality,
            confidence=self.confidence,
            arguments=self.arguments,
            rule=self.rule.id,
            agent_path=self.agent_path,
        )


def confidence(rule: TriggerRule, arguments: list[ArgumentInfo], modality: str, *, has_agent: bool) -> float:
    """A rule's base confidence, raised by an agent and by details, lowered for headline-only and possible events."""
    value = BASE_CONFIDENCE[rule.strength]
    roles = {argument["role"] for argument in arguments}
    if has_agent:
        value += 0.1
    if roles & DETAIL_ROLES:
        value += 0.06
    if rule.title_only:
        value -= 0.08
    if modality == "possible":
        value -= 0.05
    return round(min(max(value, 0.05), 0.97), 4)


def select(candidates: list[Candidate], *, say_verbs: Set[str]) -> list[Candidate]:
    """One event per (sentence, type, clause): triggers under one subject-bearing verb report one event."""
    best: dict[tuple[int, str, int], Candidate] = {}
    for candidate in candidates:
        clause = -1 if candidate.sentence.headline else predicate_head(candidate.trigger.root, say_verbs=say_verbs)
        key = (candidate.sentence.span.start, candidate.rule.event_type, clause)
        current = best.get(key)
        if current is None or _rank(candidate) > _rank(current):
            best[key] = candidate
    return sorted(best.values(), key=lambda c: (c.trigger.start_char, c.rule.event_type))


def _rank(candidate: Candidate) -> tuple[int, int, float, int]:
    return (candidate.rule.strength == "strong", not candidate.rule.title_only, candidate.confidence,
            -candidate.trigger.start)


def held_back_references(candidates: list[Candidate], chosen_types: Set[str]) -> list[EventInfo]:
    """The first definite trigger ("the contract") of each type the block chose no record of, marked as a back
    reference: the article keeps it only when no other record of its type is left (``article.back_references``)."""
    held: dict[str, EventInfo] = {}
    for candidate in candidates:
        event_type = candidate.rule.event_type
        if event_type not in chosen_types and event_type not in held:
            info = candidate.event_info()
            info["back_reference"] = True
            held[event_type] = info
    return list(held.values())
