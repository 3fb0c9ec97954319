"""Ranked lists: one record per party that a comparison names with a figure of its own.

Statistics sentences compare a figure of the record's actor with the figures of others, leaving the verb out for
them: "Fenwick mined 4,000 tonnes, behind Kestria's 90,000 tonnes", "reserves in Fenwick stand at 30 Mt, in Peru at
20 Mt", "followed by Peru with 9%". Each of those others reports the same kind of fact about itself, so each is a
record of the same type with that party as agent and its own figure; the record it was read from keeps the rest.
What counts as such a pair is data (``cues.json`` ``party_figures``): the types, the entity labels of a party, the
quantity types of a figure, and the few words that may stand between a party and its figure.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.events.parties import is_country_span
from pipeline.components.events.selection import Candidate
from pipeline.components.events.sentences import is_dateline
from pipeline.resources.event_figures import PartyFigureCues
from pipeline.schema.annotations import ArgumentInfo, EventInfo

# roles copied from the record into each party's own: what the whole comparison is about (its metal, its year)
SHARED_ROLES = frozenset({"commodity", "date"})


class PartyFigures:
    """The records a ranked list adds to a candidate of its sentence (``cues.json`` ``party_figures``)."""

    def __init__(self, cues: PartyFigureCues) -> None:
        self.cues = cues
        self.links = frozenset(cues.links)
        self.not_after = [phrase.split() for phrase in cues.not_after]
        self.rank_after = [phrase.split() for phrase in cues.rank_after]

    def split(self, candidate: Candidate) -> list[EventInfo]:
        """The candidate's event, then one event per other party the sentence pairs with a figure of its own.

        Only a record with an agent and a figure of its own left over splits: a list with no actor of its own, or
        a figure that is the only one, tells no comparison.
        """
        info = candidate.event_info()
        agent = next(((a["start"], a["end"]) for a in info["arguments"] if a["role"] == "agent"), None)
        if agent is None or candidate.sentence.headline:
            return [info]
        if candidate.rule.event_type in self.cues.coordinated_types:
            return [info, *self._coordinated(candidate, info, agent)]
        if candidate.rule.event_type not in self.cues.types:
            return [info]
        pairs = self._pairs(candidate, agent)
        paired = {(figure.start_char, figure.end_char) for _, figure in pairs}
        own_figures = [a for a in info["arguments"] if a["role"] == "quantity" and (a["start"], a["end"]) not in paired]
        if not pairs or not own_figures:
            return [info]
        taken = {(span.start_char, span.end_char) for pair in pairs for span in pair}
        info["arguments"] = [a for a in info["arguments"] if (a["start"], a["end"]) not in taken]
        shared = [a for a in info["arguments"] if a["role"] in SHARED_ROLES]
        events = [info]
        for party, figure in pairs:
            arguments = [ArgumentInfo(role="agent", start=party.start_char, end=party.end_char),
                         ArgumentInfo(role="quantity", start=figure.start_char, end=figure.end_char), *shared]
            events.append(EventInfo(event_type=info["event_type"], trigger=[figure.start_char, figure.end_char],
                                    modality=info["modality"], confidence=info["confidence"], arguments=arguments,
                                    agent_path="party_figure"))
        return events

    def _coordinated(self, candidate: Candidate, info: EventInfo, agent: tuple[int, int]) -> list[EventInfo]:
        """One record per party coordinated with the agent ("shares of A and B rose": B's stock moved too), with
        the record's other arguments; a party is an entity of the cues' labels holding a conjunct of the agent.
        The record read keeps its first agent only. Each new record's trigger is its party's span: a record's id is
        its trigger and type (SPEC §3), so the shared verb would give every stock the same id."""
        entities = candidate.sentence.entities
        agent_span = next((ent for ent in entities if (ent.start_char, ent.end_char) == agent), None)
        if agent_span is None:
            return []
        parties = [party for conjunct in _list_members(agent_span)
                   if (party := next((ent for ent in entities if ent.start <= conjunct.i < ent.end), None)) is not None
                   and party != agent_span and self._is_party(party)]
        split = {(party.start_char, party.end_char) for party in parties}
        info["arguments"] = [a for a in info["arguments"] if a["role"] != "agent" or (a["start"], a["end"]) not in split]
        others = [a for a in info["arguments"] if a["role"] != "agent"]
        return [EventInfo(event_type=info["event_type"], trigger=[party.start_char, party.end_char],
                          modality=info["modality"], confidence=info["confidence"],
                          arguments=[ArgumentInfo(role="agent", start=party.start_char, end=party.end_char), *others],
                          agent_path="coordinated_party")
                for party in parties]

    def _pairs(self, candidate: Candidate, agent: tuple[int, int]) -> list[tuple[Span, Span]]:
        """(party, figure) pairs of the sentence: a party of the cues' labels (a country, not a province, for a
        GPE) other than the agent, followed by a figure of the cues' types with only link words between them."""
        sentence = candidate.sentence
        doc = sentence.span.doc
        figures = [span for span in sentence.quantities if span._.orewire_quantity
                   and span._.orewire_quantity["quantity_type"] in self.cues.quantity_types]
        pairs: list[tuple[Span, Span]] = []
        for ent in sentence.entities:
            if (ent.start_char, ent.end_char) == agent or not self._is_party(ent) or is_dateline(ent, sentence):
                continue
            if self._after_trade_word(ent, sentence.start):
                continue  # "exports to Kestria at 900 t": a buyer, not a producer
            figure = next((span for span in figures if ent.end <= span.start <= ent.end + self.cues.max_gap), None)
            if figure is None or candidate.trigger.start <= figure.start < candidate.trigger.end:
                continue
            if all(token.lower_ in self.links for token in doc[ent.end: figure.start]):
                pairs.append((ent, figure))
        return pairs

    def _after_trade_word(self, ent: Span, sentence_start: int) -> bool:
        """Whether a ``not_after`` phrase ends right before the party ("to", "into": a buyer), unless a ``rank_after``
        phrase does ("second only to" ranks)."""
        def ends_before(words: list[str]) -> bool:
            return ent.start - len(words) >= sentence_start and [
                token.lower_ for token in ent.doc[ent.start - len(words): ent.start]] == words
        return any(map(ends_before, self.not_after)) and not any(map(ends_before, self.rank_after))

    def _is_party(self, ent: Span) -> bool:
        return ent.label_ in self.cues.labels and (ent.label_ != "GPE" or is_country_span(ent))


def _list_members(name: Span) -> list[Token]:
    """The heads of the other names listed with ``name``: its conjuncts, and in "A, B and C" (which the parser
    reads as A with the appositive B, and C joined to B) the appositive and its conjuncts. A name whose last word
    the entity left out ("Kestrel Holding Group Co") is read from the word it modifies."""
    head = name.root
    if head.dep_ == "compound" and head.head.i == name.end:
        head = head.head
    listed = [appos for appos in head.children if appos.dep_ == "appos" and any(
        child.dep_ == "conj" for child in appos.children)]
    return [*head.conjuncts, *(member for appos in listed for member in (appos, *appos.conjuncts))]
