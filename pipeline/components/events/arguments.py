"""Attaching arguments to a trigger: its parties (agent, counterparty, beneficiary), places, commodities,
projects, quantities and dates, each a span of the trigger's clause."""

from __future__ import annotations

import re
from collections.abc import Set

from spacy.tokens import Span

from pipeline.components.events import parties as party_finders
from pipeline.components.events.agents import AgentFinder
from pipeline.components.events.sentences import Sentence, is_dateline
from pipeline.components.events.syntax import MODIFIER_DEPS, clause_key, governing_verb, headline_clause
from pipeline.resources.events import EventCues, EventWords, TriggerRule
from pipeline.schema.annotations import ArgumentInfo
from pipeline.text.dashes import DASH_LIKE, HYPHEN_MINUS

QUANTITY_ROLES = {"money": "amount", "price": "price", "duration": "duration"}
# Marks that join two names into a pair with nothing else between them ("Japan-India", "US–Australia", "A/B").
PAIR_JOINERS = frozenset({HYPHEN_MINUS, *DASH_LIKE, "/"})


class ArgumentAttacher:
    """The arguments of a trigger in its sentence, with the agent found by an ``AgentFinder``."""

    def __init__(self, cues: EventCues, words: EventWords, agents: AgentFinder) -> None:
        self.cues = cues
        self.words = words
        self.agents = agents
        self.agent_labels = frozenset(cues.agent_labels)
        self.types = cues.party_types
        self.non_agents = frozenset(name_key(name) for name in cues.document.non_agents)

    def attach(self, rule: TriggerRule, trigger: Span,
               sentence: Sentence) -> tuple[list[ArgumentInfo], str | None, str]:
        """The trigger's arguments in SPEC roles (each span once), its agent's lower-cased text if any, and the path that
        chose the agent (``agents.AgentChoice.path``; a country standing before its agency adds "+body")."""
        arguments: list[ArgumentInfo] = []
        used: set[tuple[int, int]] = set()

        def add(role: str, span: Span) -> None:
            offsets = (span.start_char, span.end_char)
            if offsets in used:
                return
            used.add(offsets)
            arguments.append(ArgumentInfo(role=role, start=offsets[0], end=offsets[1]))

        parties = [ent for ent in sentence.entities if ent.label_ in self.agent_labels
                   and not (ent.start <= trigger.start < ent.end) and not is_dateline(ent, sentence)
                   and name_key(ent.text) not in self.non_agents]
        agent, beneficiary, agent_path = self.agents.find(rule, trigger, sentence, parties)
        body = party_finders.body_after_place(agent, parties) if agent is not None else None
        agent, agent_path = body, agent_path if body is agent else f"{agent_path}+body"
        in_scope = ArgumentScope(trigger, sentence.headline, words=self.words)
        agent_key = None
        if agent is not None:
            add("agent", agent)
            agent_key = agent.text.lower()
        if beneficiary is not None:
            add("beneficiary", beneficiary)
        for ent in parties:
            if (ent.start_char, ent.end_char) in used or not in_scope(ent):
                continue
            role = self._party_role(ent, agent, rule)
            if role:
                add(role, ent)
        for ent in sentence.entities:
            if (ent.start_char, ent.end_char) in used or not in_scope(ent):
                continue
            if ent.label_ == "GPE" and agent is not None and is_owner_of(ent, agent):
                add("location", ent)  # "Vietnam's National Assembly": the country the acting body belongs to
            elif ent.label_ == "COMMODITY":
                add("commodity", ent)
            elif ent.label_ == "FACILITY":
                add("project", ent)
            elif ent.label_ in {"GPE", "LOC"} and (sentence.headline or is_place(ent, place_preps=self.words.place_preps)):
                add("location", ent)
        for span in sentence.quantities:
            info = span._.orewire_quantity
            if info and in_scope(span):
                add(self._quantity_role(info["quantity_type"], span, rule), span)
        for span in sentence.dates:
            if span._.orewire_date is None or not in_scope(span):
                continue
            effective = rule.event_type in self.types.effective_date_types and self._effective_marker(span)
            add("effective_date" if effective else "date", span)
        return arguments, agent_key, agent_path

    @staticmethod
    def _quantity_role(quantity_type: str, span: Span, rule: TriggerRule) -> str:
        """SPEC role of a quantity; a share price ("to A$1.38" in a stock move, "at 4.2p a share") is a ``price``."""
        if quantity_type == "money":
            if rule.event_type == "stock_movement":
                return "price"
            after = span.doc[span.end: span.end + 2]
            if len(after) == 2 and after[0].lower_ in {"a", "per"} and after[1].lemma_.lower() == "share":
                return "price"
        return QUANTITY_ROLES.get(quantity_type, "quantity")

    def _party_role(self, ent: Span, agent: Span | None, rule: TriggerRule) -> str | None:
        """counterparty for the other side of a deal or talks; None leaves the entity to location or nothing."""
        if agent is not None and rule.event_type in self.types.agreement_types and hyphen_partner(ent) is not None:
            # "a Japan-India framework": the side that is not the agent is the counterparty
            return None if name_key(ent.text) == name_key(agent.text) or ent == agent else "counterparty"
        root = ent.root
        if root.dep_ in MODIFIER_DEPS and root.head.pos_ == "NOUN" and not (ent.start <= root.head.i < ent.end):
            root = root.head  # "a French chemicals group", "Kazakhstan's industry minister"
        preps = {ancestor.lower_ for ancestor in root.ancestors if ancestor.dep_ == "prep"}
        head = root.head
        agent_tokens = range(agent.start, agent.end) if agent is not None else range(0)
        agent_noun = agent.root.head.i if agent is not None and agent.root.dep_ in MODIFIER_DEPS else -1
        if agent is not None and root.dep_ == "conj" and (head.i in agent_tokens or head.i == agent_noun):
            if agent.root.dep_ == "pobj" and agent.root.head.lower_ in self.words.member_preps:
                return "agent"  # "miners, including A, B and C, bought": all three are the buyers
            if rule.event_type in self.types.agreement_types:
                return "counterparty"
            return "agent" if root.i == ent.root.i else None
        if root.dep_ == "pobj" and rule.event_type in self.types.beneficiary_types and (
                head.lower_ in self.cues.beneficiary_preps):
            return "beneficiary"
        if root.dep_ == "pobj" and head.lower_ in self.cues.counterparty_preps and (
                rule.event_type in self.types.counterparty_types):
            if head.lower_ == "to" and rule.event_type not in self.types.to_counterparty_types:
                return None
            return "counterparty"
        if rule.event_type in self.types.beneficiary_types and root.dep_ in {"dobj", "dative"}:
            return "beneficiary"
        if "between" in preps and rule.event_type in self.types.counterparty_types:
            return "counterparty"
        return None

    def _effective_marker(self, date_span: Span) -> bool:
        """A date after "from", "effective", "as of": the day a restriction or rule takes effect."""
        doc = date_span.doc
        before = doc[max(date_span.start - 4, 0): date_span.start].text.lower()
        return any(before.endswith(marker) or f"{marker} " in before for marker in self.cues.effective_markers)


def hyphen_partner(ent: Span) -> Span | None:
    """The name joined to ``ent`` by a hyphen or dash only ("Japan-India", "US–Australia"): the other side of a pact."""
    doc = ent.doc
    for other in doc.ents:
        left, right = (other, ent) if other.end <= ent.start else (ent, other)
        if other != ent and right.start == left.end + 1 and doc[left.end].text in PAIR_JOINERS:
            return other
    return None


def name_key(name: str) -> str:
    """A name compared case- and punctuation-free, without a leading "the": "the S&P Global" -> "s p global"."""
    words = re.sub(r"[^a-z0-9]+", " ", name.lower()).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def is_place(ent: Span, *, place_preps: Set[str]) -> bool:
    """Whether a GPE/LOC is where something happens ("in Texas", "off Minamitorishima", "in Goiás and Minas
    Gerais"), not a nationality/owner modifier ("Brazil's ministry", "U.S. magnet maker") or a party."""
    root = ent.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":  # "in the Mauricie region"
        root = root.head
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in place_preps


def is_owner_of(ent: Span, agent: Span) -> bool:
    """Whether ``ent`` is the possessive owner of the agent ("Brazil's mines ministry", "China's State Council")."""
    root = ent.root
    return root.dep_ == "poss" and agent.start <= root.head.i < agent.end + 3 and root.head.i >= agent.start - 0 \
        and not (ent.start <= agent.start and agent.end <= ent.end)


class ArgumentScope:
    """Which spans of the sentence can be the trigger's arguments: those in its clause (climbing to the reporting
    verb of "X said on Tuesday that ..."), or in the trigger's own subtree ("production ... targeted for 2029")."""

    def __init__(self, trigger: Span, headline: bool, *, words: EventWords) -> None:
        self.headline = headline
        if headline:
            self.bounds = headline_clause(trigger, breaks=words.headline_breaks)
            return
        root = trigger.root
        # a modifier trigger takes its noun's phrase ("a feasibility study showing an NPV of ..."), also a
        # participle the parse hung on its noun ("The DRC suspended cobalt exports for four months ...")
        phrase = root.head if root.dep_ in {"amod", "compound"} else root
        self.subtree = (phrase.left_edge.i, phrase.right_edge.i)
        key = clause_key(root)
        keys = {key}
        verb = trigger.doc[key] if key >= 0 else None
        while verb is not None and verb.dep_ in {"ccomp", "relcl"} and verb.head.i != verb.i:
            head = governing_verb(verb.head)
            if head is None or (verb.dep_ == "ccomp" and head.lemma_.lower() not in words.say_verbs):
                break
            head = trigger.doc[clause_key(head)]
            keys.add(head.i)
            verb = head
        self.keys = keys

    def __call__(self, span: Span) -> bool:
        if self.headline:
            lo, hi = self.bounds
            return lo <= span.start and span.end <= hi
        if self.subtree[0] <= span.start and span.end - 1 <= self.subtree[1]:
            return True
        return clause_key(span.root) in self.keys
