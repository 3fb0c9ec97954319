"""Event rules as data (the typed models of ``models/events/``) and the stage's pure functions.

The document-level ``merge_events`` pass lives here too: it works on records only.

Trigger rules are token patterns over lemmas. Each lemma also matches its
inflected forms in lower case, because title-case headline words get poor
lemmas ("Signs", "Outlaw" stay as written).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipeline.resources.files import load_json
from pipeline.schema.records import Argument, EntityRecord, EventRecord, EventType, Mention, QuantityType

Strength = Literal["strong", "weak"]
CUES_FILE = "events/cues.json"
HEADLINE_ZONES = frozenset({"title", "heading"})
PARTY_ROLES = ("agent", "counterparty", "beneficiary")
STUDY_WORDS = re.compile(r"(?i)feasibility|study|assessment|scoping|\bpea\b|\bpfs\b|\bdfs\b")
CONTINUED_TYPES = frozenset({"feasibility_study", "financing", "supply_agreement", "merger_acquisition", "investment",
                             "cooperation_agreement", "negotiation"})


IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "buy": ("bought",), "sell": ("sold",), "rise": ("rose", "risen"), "fall": ("fell", "fallen"),
    "hold": ("held",), "take": ("took", "taken"), "lead": ("led",), "strike": ("struck",),
    "seek": ("sought",), "win": ("won",), "begin": ("began", "begun"), "shut": ("shut",),
    "cut": ("cut",), "put": ("put",), "set": ("set",), "lend": ("lent",), "bring": ("brought",),
    "make": ("made",), "give": ("gave", "given"), "grow": ("grew", "grown"), "sink": ("sank", "sunk"),
    "slide": ("slid",), "shrink": ("shrank", "shrunk"), "go": ("went", "gone"), "spend": ("spent",),
    "draw": ("drew", "drawn"), "hit": ("hit",), "bid": ("bid",), "undertake": ("undertook", "undertaken"),
    "ink": ("inked",), "forecast": ("forecast",), "leap": ("leapt", "leaped"), "freeze": ("froze", "frozen"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TokenSpec(_Strict):
    """One token of a trigger pattern: a lemma set, an exact lower-case set, or both."""

    lemma: list[str] | None = None
    lower: list[str] | None = None
    op: Literal["?", "*", "+"] | None = None

    @model_validator(mode="after")
    def _one_test(self) -> TokenSpec:
        if not self.lemma and not self.lower:
            raise ValueError("a token spec needs 'lemma' or 'lower'")
        return self


class TriggerRule(_Strict):
    """A trigger pattern for one event type, with the context it needs in its sentence."""

    id: str
    event_type: EventType
    pattern: list[TokenSpec] = Field(min_length=1)
    strength: Strength = "strong"
    context_any: list[str] = Field(default_factory=list, description="One of these must be near the trigger.")
    context_none: list[str] = Field(default_factory=list, description="None of these may be near the trigger.")
    window: int = Field(default=0, ge=0, description="Tokens either side searched for context; 0 = sentence.")
    quantity_any: list[QuantityType] = Field(default_factory=list, description="The sentence needs one of these.")
    title_only: bool = Field(default=False, description="Fires only in titles, headings and teaser headlines.")
    none_window: int | None = Field(default=None, ge=0, description="Window for context_none; None = window.")
    entity_any: list[str] = Field(default_factory=list, description="The sentence needs an entity of these labels.")
    needs_date: bool = Field(default=False, description="The sentence needs a date mention.")
    skip_pobj: list[str] = Field(default_factory=list, description="Prepositions that make a noun trigger background.")
    skip_deps: list[str] = Field(default_factory=list, description="Trigger dependency labels that mark background.")
    not_verb: bool = Field(default=False, description="Outside headlines, a verb reading does not fire: plans to.")
    skip_definite: bool = Field(default=False, description="A noun trigger after the or that refers back; skip it.")
    verb_only: bool = Field(default=False, description="Outside headlines, only a verb reading fires: prices firmed.")
    skip_negated: bool = Field(default=False, description="A negated trigger ('has not contracted') does not fire.")
    object_any: list[str] = Field(default_factory=list, description="A verb trigger's object (or passive subject) "
                                  "must be one of these lemmas or entity labels: idled the smelter.")


class ModalityCues(_Strict):
    planned: list[str]
    possible: list[str]
    negated: list[str]
    conditional: list[str]


class EventCues(_Strict):
    """Word lists the event stage uses besides triggers."""

    modality: ModalityCues
    anaphors: dict[str, list[str]] = Field(description="Anaphoric noun phrase -> entity labels it can refer to.")
    background: list[str]
    effective_markers: list[str]
    counterparty_preps: list[str]
    beneficiary_preps: list[str]
    agent_labels: list[str]


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lower-case lemma (over-generation is harmless for matching)."""
    word = lemma.lower()
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms.update(IRREGULAR_FORMS.get(word, ()))
    return forms


def compile_pattern(specs: list[TokenSpec]) -> list[list[dict[str, Any]]]:
    """Turn a rule's token specs into spaCy ``Matcher`` patterns (a lemma one and a surface-form one)."""
    by_lemma: list[dict[str, Any]] = []
    by_form: list[dict[str, Any]] = []
    for spec in specs:
        lemma_token: dict[str, Any] = {}
        form_token: dict[str, Any] = {}
        if spec.lemma:
            lemma_token["LEMMA"] = {"IN": sorted({word.lower() for word in spec.lemma})}
            form_token["LOWER"] = {"IN": sorted({form for word in spec.lemma for form in inflections(word)})}
        if spec.lower:
            words = sorted({word.lower() for word in spec.lower})
            if not spec.lemma:
                lemma_token["LOWER"] = {"IN": words}
            form_token["LOWER"] = {"IN": sorted(set(form_token.get("LOWER", {}).get("IN", [])) | set(words))}
        if spec.op:
            lemma_token["OP"] = spec.op
            form_token["OP"] = spec.op
        by_lemma.append(lemma_token)
        by_form.append(form_token)
    return [by_lemma, by_form]


def phrase_in(words: set[str], lowered_text: str, phrase: str) -> bool:
    """Whether a cue (a word, a phrase, or a symbol such as "/t") occurs in a token set or lower-cased text."""
    if re.fullmatch(r"\w+", phrase):
        return phrase in words
    return re.search(_phrase_regex(phrase), lowered_text) is not None


class CueSet:
    """Cue words and phrases compiled once: words are looked up in a set, phrases found by one regex."""

    def __init__(self, cues: list[str]) -> None:
        self.words = frozenset(cue for cue in cues if re.fullmatch(r"\w+", cue))
        phrases = [cue for cue in cues if cue not in self.words]
        self.pattern = re.compile("|".join(_phrase_regex(p) for p in phrases)) if phrases else None
        # the regex matches a phrase literally (plus boundary checks): a text holding none of them is skipped cheaply
        self.phrases = tuple(dict.fromkeys(phrases))

    def __bool__(self) -> bool:
        return bool(self.words) or self.pattern is not None

    def found(self, words: set[str], lowered_text: str) -> bool:
        """Whether a cue word is in ``words`` or a cue phrase in ``lowered_text``."""
        if not self.words.isdisjoint(words):
            return True
        if self.pattern is None or not any(phrase in lowered_text for phrase in self.phrases):
            return False
        return self.pattern.search(lowered_text) is not None


def _phrase_regex(phrase: str) -> str:
    left = r"(?<![\w-])" if phrase[:1].isalnum() else ""
    right = r"(?![\w-])" if phrase[-1:].isalnum() else ""
    return left + re.escape(phrase) + right


def first_token_forms(specs: list[TokenSpec]) -> set[str]:
    """Lower-case words (lemmas and their forms) that can open a match of this pattern."""
    forms: set[str] = set()
    for spec in specs:
        forms.update(word.lower() for word in spec.lower or [])
        forms.update(form for word in spec.lemma or [] for form in inflections(word))
        if spec.op not in {"?", "*"}:
            break
    return forms


def agents_compatible(first: str | None, second: str | None) -> bool:
    """Two agent names refer to the same actor (either missing counts as compatible)."""
    if not first or not second:
        return True
    a, b = _name_key(first), _name_key(second)
    if not a or not b:
        return True
    return a == b or a in b or b in a


def _name_key(name: str) -> str:
    cleaned = re.sub(r"(?i)^the\s+|['’]s$", "", name.strip())
    return re.sub(r"[^a-z0-9]+", " ", cleaned.lower()).strip()


def is_headline_text(text: str, *, max_words: int = 25) -> bool:
    """A short line in title case without closing punctuation reads as a headline."""
    stripped = text.strip()
    words = [word for word in stripped.split() if word[:1].isalpha()]
    if not words or len(words) > max_words or stripped[-1:] in ".!?;:":
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised / len(words) >= 0.6 and len(words) >= 3


# --- document level: merging event records ----------------------------------------------------------------


def merge_events(records: list[EventRecord], entities: list[EntityRecord]) -> list[EventRecord]:
    """Resolve anaphoric agents and fold headline events into the body events they announce.

    A heading (or teaser headline) event merges into the first body event of the same type in its section;
    a title or standfirst event into the body event of the same type with a compatible agent anywhere. The
    body trigger stays primary, mentions and arguments are unioned. A headline event with no body event to
    join is kept only when its section has no body events at all (a teaser without text).

    Args:
        records: the document's event records in text order.
        entities: the document's entity records (to resolve "the company", "the country", "it").

    Returns:
        The event records, one per event, in text order; ids follow the kept (body) trigger.
    """
    names = {entity.id: entity.normalized for entity in entities}
    resolved = [_resolve_anaphor(record, records, entities) for record in records]
    headlines = [r for r in resolved if _is_headline_record(r)]
    bodies = _merge_continuations([r for r in resolved if not _is_headline_record(r)], names)
    merged: dict[str, EventRecord] = {r.id: r for r in bodies}
    body_sections = {r.section for r in bodies}
    kept: list[EventRecord] = []
    for headline in headlines:
        target = _merge_target(headline, bodies, names)
        if target is not None:
            merged[target.id] = _merge(merged[target.id], headline)
            continue
        if headline.zone != "title" and not _is_standfirst(headline) and headline.section not in body_sections:
            twin = next((r for r in kept if (r.event_type, r.section) == (headline.event_type, headline.section)), None)
            if twin is None:
                kept.append(headline)
            else:
                kept[kept.index(twin)] = _merge(twin, headline)
    output = [_finish(record) for record in [*merged.values(), *kept]]
    return sorted(output, key=lambda r: (r.trigger.start, r.event_type))


def _merge_continuations(bodies: list[EventRecord], names: dict[str, str]) -> list[EventRecord]:
    """Fold a follow-up sentence about the same deal, study or talks into the event it continues.

    Only for types whose details spread over sentences (a study's NPV then its capex; a loan then its
    terms), within two sentences in one section, when the follow-up names no other actor.
    """
    kept: list[EventRecord] = []
    for record in bodies:
        previous = next((r for r in reversed(kept) if r.event_type == record.event_type), None)
        if (previous is not None and record.event_type in CONTINUED_TYPES and previous.section == record.section
                and previous.zone == record.zone and 0 < record.sentence - previous.sentence <= 2
                and _continues(previous, record, names)):
            kept[kept.index(previous)] = _merge(previous, record)
            continue
        kept.append(record)
    return kept


def _continues(previous: EventRecord, record: EventRecord, names: dict[str, str]) -> bool:
    roles = {argument.role for argument in record.arguments}
    if record.event_type == "financing" and "amount" in roles:
        return False
    before = record.evidence[: max(record.trigger.start - _evidence_start(record), 0)].lower().split()[-3:]
    if STUDY_WORDS.search(record.trigger.text) and {"a", "an"} & set(before):
        return False
    agent = _agent_name(record, names)
    if agent is None:
        return True
    return agents_compatible(agent, _agent_name(previous, names) or "")


def _evidence_start(record: EventRecord) -> int:
    """Article offset of the evidence sentence (the trigger's offset minus its place in the sentence)."""
    position = record.evidence.find(record.trigger.text)
    return record.trigger.start - max(position, 0)


def _finish(record: EventRecord) -> EventRecord:
    """Drop an agent that stayed an unresolved pronoun or "the company"."""
    arguments = [a for a in record.arguments if not (a.role == "agent" and a.ref is None and _anaphor_head(a.text))]
    if len(arguments) == len(record.arguments):
        return record
    return record.model_copy(update={"arguments": arguments})


def _is_standfirst(record: EventRecord) -> bool:
    """A title-case summary paragraph before the first heading ("Roundup for the Week: X Moved to ..."),
    or a verbless label line the layout left in the body ("Export curbs")."""
    if record.zone != "body" or record.section is not None:
        return False
    evidence = record.evidence.strip()
    short_label = len(evidence.split()) <= 4 and evidence[-1:] not in ".!?"
    return short_label or is_headline_text(evidence.rstrip(".!?"), max_words=80)


def _is_headline_record(record: EventRecord) -> bool:
    if record.zone in HEADLINE_ZONES or _is_standfirst(record):
        return True
    return record.zone == "related" and record.section is not None and record.evidence.strip() == record.section.strip()


def _merge_target(headline: EventRecord, bodies: list[EventRecord], names: dict[str, str]) -> EventRecord | None:
    same_type = [b for b in bodies if b.event_type == headline.event_type]
    if headline.zone == "title" or _is_standfirst(headline):
        compatible = [b for b in same_type if _parties_compatible(headline, b, names)]
        named = [b for b in compatible if _agent_name(headline, names) and _agent_name(b, names)]
        if named or compatible:
            return (named or compatible)[0]
        return same_type[0] if len(same_type) == 1 else None
    same_section = [b for b in same_type if b.section == headline.section and b.trigger.start > headline.trigger.start]
    return same_section[0] if same_section else None


def _agent_name(record: EventRecord, names: dict[str, str]) -> str | None:
    for argument in record.arguments:
        if argument.role == "agent":
            return names.get(argument.ref or "", argument.text)
    return None


def _parties_compatible(headline: EventRecord, body: EventRecord, names: dict[str, str]) -> bool:
    agent = _agent_name(headline, names)
    if agent is None:
        return True
    body_parties = [names.get(a.ref or "", a.text) for a in body.arguments if a.role in PARTY_ROLES]
    if not body_parties:
        return True
    return any(agents_compatible(agent, party) for party in body_parties)


def _merge(primary: EventRecord, other: EventRecord) -> EventRecord:
    arguments = list(primary.arguments)
    have = {(a.role, a.ref or a.text) for a in arguments}
    has_agent = any(a.role == "agent" for a in arguments)
    loose = other.zone == "title" or _is_standfirst(other) or other.section != primary.section
    for argument in other.arguments:
        key = (argument.role, argument.ref or argument.text)
        if key in have or (argument.role == "agent" and (has_agent or loose)):
            continue
        have.add(key)
        arguments.append(argument)
    mentions = sorted({(m.start, m.end) for m in [*primary.mentions, *other.mentions]})
    confidence = min(max(primary.confidence, other.confidence) + 0.05, 0.99)
    return primary.model_copy(update={
        "arguments": arguments,
        "mentions": [Mention(start=start, end=end) for start, end in mentions],
        "confidence": round(confidence, 4),
    })


@lru_cache(maxsize=1)
def _anaphor_labels() -> dict[str, frozenset[str]]:
    """Head word of an anaphor ("company" for "the company") -> entity labels it can refer to (cues.json)."""
    cues = load_json(CUES_FILE, EventCues)
    return {phrase.split()[-1]: frozenset(labels) for phrase, labels in cues.anaphors.items()}


def _anaphor_head(text: str) -> str | None:
    """"the company" -> "company", "it" -> "it"; None for a name."""
    words = text.lower().split()
    labels = _anaphor_labels()
    if len(words) == 1 and words[0] in labels:
        return words[0]
    if len(words) >= 2 and words[0] in {"the", "its", "their"} and words[-1] in labels:
        return words[-1]
    return None


def _resolve_anaphor(record: EventRecord, records: list[EventRecord], entities: list[EntityRecord]) -> EventRecord:
    """Replace an agent written as "the company"/"it" by the heading's entity, when the heading names one."""
    index = next((i for i, a in enumerate(record.arguments)
                  if a.role == "agent" and a.ref is None and _anaphor_head(a.text)), None)
    if index is None:
        return record
    head = _anaphor_head(record.arguments[index].text) or ""
    labels = _anaphor_labels()[head]
    antecedent = _heading_agent(record, records, labels, entities)
    if antecedent is None and head not in PRONOUN_ANAPHORS:
        antecedent = _recent_entity(record, records, labels, entities)
    arguments = list(record.arguments)
    if antecedent is None:
        return record
    if any(a.ref == antecedent.id for a in arguments):
        del arguments[index]
        return record.model_copy(update={"arguments": arguments})
    arguments[index] = Argument(role="agent", text=antecedent.text, ref=antecedent.id)
    return record.model_copy(update={"arguments": arguments})


PRONOUN_ANAPHORS = frozenset({"it", "its", "they", "their"})
ACTOR_LABELS = frozenset({"ORG", "GPE"})


def _recent_entity(record: EventRecord, records: list[EventRecord], labels: frozenset[str],
                   entities: list[EntityRecord]) -> EntityRecord | None:
    """The organisation or government a descriptive anaphor ("the miner", "the group") takes when no heading names
    one: the agent of the latest earlier event of its section, else the last such entity named earlier in the
    section, else the first the article title names."""
    labels = labels & ACTOR_LABELS
    if not labels:
        return None
    by_id = {entity.id: entity for entity in entities}
    for other in sorted(records, key=lambda r: r.trigger.start, reverse=True):
        if other.section != record.section or other.sentence >= record.sentence or _is_headline_record(other):
            continue
        agent = next((by_id.get(a.ref or "") for a in other.arguments if a.role == "agent"), None)
        if agent is not None and agent.label in labels:
            return agent
    earlier = [e for e in entities if e.label in labels and e.section == record.section
               and e.sentence < record.sentence and e.zone not in HEADLINE_ZONES]
    if earlier:
        return max(earlier, key=lambda e: e.start)
    titled = [e for e in entities if e.label in labels and e.zone == "title"]
    return titled[0] if titled else None


def _heading_agent(record: EventRecord, records: list[EventRecord], labels: frozenset[str],
                   entities: list[EntityRecord]) -> EntityRecord | None:
    by_id = {entity.id: entity for entity in entities}
    for other in records:
        if (other.section != record.section or other.zone not in {"heading", "related"}
                or not _is_headline_record(other) or other.trigger.start > record.trigger.start):
            continue
        for argument in other.arguments:
            entity = by_id.get(argument.ref or "")
            if argument.role == "agent" and entity is not None and entity.label in labels:
                return entity
    if record.section is None:
        return None
    heading = [e for e in entities if e.label in labels and e.section == record.section
               and e.zone in {"heading", "related"} and e.start < record.trigger.start]
    return heading[0] if heading else None
