"""Owner lists: one record per owner when a sentence names a project's several owners.

News describes a jointly held project in one clause: "interests held by A (40%), B (35%) and C (25%)", "a JV between
A (70%) and B (30%)", "A holds 60%, B 40%", "owned 60% by A and 40% by B", "owned by A, B and C". Each owner's stake
is a holding of its own (the real-news gold gives one investment per owner), and none of them is the operator or the
company the sentence is about, which the trigger's own agent finding would pick. So such a list replaces the
sentence's records of the owners' type with one record per owner, each with its own share. What counts as a list is
data (``cues.json`` ``owner_lists``): the owners' entity labels, the share's quantity types, the few words between an
owner and its share, the words that make a sentence about ownership (and those that make it about a market), and the
passive verbs whose "by" names owners without shares.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.events.parties import is_country_span
from pipeline.components.events.selection import BASE_CONFIDENCE
from pipeline.components.events.sentences import Sentence, is_dateline
from pipeline.resources.event_figures import OwnerListCues
from pipeline.schema.annotations import ArgumentInfo, EventInfo
from pipeline.text.commodity import POSSESSIVE_CLITICS

# roles copied from the sentence's replaced records into each owner's: what is owned, its metal, its date
SHARED_ROLES = frozenset({"project", "commodity", "date", "location"})
# an owner's record is as sure as a strong trigger's: the list names the owner and its share outright
OWNER_CONFIDENCE = BASE_CONFIDENCE["strong"]


class OwnerLists:
    """The records an owner list gives a sentence (``cues.json`` ``owner_lists``)."""

    def __init__(self, cues: OwnerListCues) -> None:
        self.cues = cues
        self.share_links = frozenset(cues.share_links)
        self.share_owner_links = frozenset(cues.share_owner_links)
        self.owning = frozenset(cues.owning_words)
        self.not_owning = frozenset(cues.not_owning_words)
        self.passive = frozenset(cues.passive_verbs)
        self.glue = frozenset(cues.list_glue)

    def apply(self, sentences: list[Sentence], events: list[EventInfo]) -> list[EventInfo]:
        """``events`` with each owner list's sentence holding one record per owner instead of its records of the
        owners' type (their project, commodity and date go to every owner's record)."""
        event_type = self.cues.event_type
        if event_type is None:
            return events
        for sentence in sentences:
            owners = self.owners(sentence)
            if len(owners) < self.cues.min_owners:
                continue
            start, end = sentence.span.start_char, sentence.span.end_char
            replaced = [event for event in events
                        if event["event_type"] == event_type and start <= event["trigger"][0] < end]
            shared: list[ArgumentInfo] = []
            for event in replaced:
                shared.extend(a for a in event["arguments"] if a["role"] in SHARED_ROLES and a not in shared)
            modality = replaced[0]["modality"] if replaced else "actual"
            events = [event for event in events if event not in replaced]
            for owner, share in owners:
                arguments = [ArgumentInfo(role="agent", start=owner.start_char, end=owner.end_char)]
                if share is not None:
                    arguments.append(ArgumentInfo(role="quantity", start=share.start_char, end=share.end_char))
                # a record's id is its trigger and type (SPEC §3): each owner's name is its trigger
                events.append(EventInfo(event_type=event_type, trigger=[owner.start_char, owner.end_char],
                                        modality=modality, confidence=OWNER_CONFIDENCE,
                                        arguments=[*arguments, *shared], agent_path="owner_list"))
        return sorted(events, key=lambda event: (event["trigger"][0], event["event_type"]))

    def owners(self, sentence: Sentence) -> list[tuple[Span, Span | None]]:
        """The (owner, share) pairs of a sentence about ownership, else the owners a passive verb's "by" lists
        (shares none), else nothing."""
        if sentence.headline or not sentence.words & self.owning or sentence.words & self.not_owning:
            return []
        parties = [ent for ent in sentence.entities if self._is_party(ent) and not is_dateline(ent, sentence)]
        pairs = self._share_pairs(sentence, parties)
        if len(pairs) >= self.cues.min_owners:
            return pairs
        return [(owner, None) for owner in self._passive_list(sentence, parties)]

    def _share_pairs(self, sentence: Sentence, parties: list[Span]) -> list[tuple[Span, Span | None]]:
        """Each party with the share right after it ("A (40%)", "A holds 40%") or right before its "by" ("40% by A")."""
        doc = sentence.span.doc
        shares = [span for span in sentence.quantities if span._.orewire_quantity
                  and span._.orewire_quantity["quantity_type"] in self.cues.quantity_types]
        pairs: list[tuple[Span, Span | None]] = []
        taken: set[int] = set()
        for party in parties:
            for share in shares:
                if share.start in taken:
                    continue
                after = party.end <= share.start <= party.end + self.cues.max_gap and all(
                    token.lower_ in self.share_links for token in doc[party.end: share.start])
                before = share.end < party.start <= share.end + self.cues.max_gap and all(
                    token.lower_ in self.share_owner_links for token in doc[share.end: party.start])
                if after or before:
                    pairs.append((party, share))
                    taken.add(share.start)
                    break
        return pairs

    def _passive_list(self, sentence: Sentence, parties: list[Span]) -> list[Span]:
        """The parties listed right after a passive verb's "by" ("owned by A, France's B and C"); a country marking
        the next name as its own ("France's") is no owner."""
        doc = sentence.span.doc
        for token in doc[sentence.start: sentence.end - 1]:
            if token.lower_ not in self.passive or doc[token.i + 1].lower_ != "by":
                continue
            listed: list[Span] = []
            position = token.i + 2
            while position < sentence.end:
                party = next((ent for ent in parties if ent.start == position), None)
                if party is not None:
                    if party.end < sentence.end and doc[party.end].lower_ in POSSESSIVE_CLITICS:
                        position = party.end + 1  # "France's B": the country says whose B is
                        continue
                    listed.append(party)
                    position = party.end
                elif doc[position].lower_ in self.glue:
                    position += 1
                else:
                    break
            if len(listed) >= self.cues.min_owners:
                return listed
        return []

    def _is_party(self, ent: Span) -> bool:
        return ent.label_ in self.cues.labels and (ent.label_ != "GPE" or is_country_span(ent))
