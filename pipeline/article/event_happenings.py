"""One record per happening: which event records of one article report the same happening, and folding them.

Pure functions on records, run by ``event_policy.apply_policy`` and ``merging.EventMerger``; the rules are data
(``models/events/cues.json``, key "document", model ``DocumentPolicy``):

1. Two types reporting one act in one sentence ("in talks to lend"), or naming one sum of money in a headline and
   its body, give one record, the first type's (``fold_same_act``).
2. Records of one type about one actor in one section whose numbers and years agree report one happening and
   give one record with all mentions ("BHP bids $39 billion ..." then "The $39 billion bid ..."); figures compare by
   value ("2,76,000 t" = "276,000 t") and a short name is its full name ("Marlin" = "Marlin Metals Ltd")
   (``merge_happenings``).
3. What tells two happenings of one type and actor apart (``distinguished``): a role both name with no value shared
   (two deals with different buyers, a 2017 and a 2018 output cut, a $60m stake and a $10m share investment).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from pipeline.article.event_actors import name_key as _key
from pipeline.resources.events import DocumentPolicy
from pipeline.schema.records import DateRecord, EntityRecord, EventRecord, Mention

FIGURE_ROLES = frozenset({"amount", "quantity", "price", "duration"})
DATE_ROLES = frozenset({"date", "effective_date"})
YEAR = "year"  # the pseudo-role of ``distinguished``: the years its date arguments name
MAX_YEAR_SPAN = 10  # a date spanning more years ("the past two decades") tells no year apart
DateYears = Mapping[str, frozenset[str]]  # date record id -> the years it covers


def merge_happenings(records: list[EventRecord], policy: DocumentPolicy, by_id: dict[str, EntityRecord], *,
                     countries: dict[str, str] | None = None, retold: bool = False,
                     date_years: DateYears | None = None) -> list[EventRecord]:
    """Records of a ``same_happening`` type in one section with one agent (or none on both) and agreeing numbers
    and years fold into the first: one record per happening, with every mention. With ``countries``, a country and
    its public body are one agent. With ``retold`` (the pass after inheritance, when a subjectless retelling has
    its item's actor) the two must also repeat one figure: "Silver output fell 1% to 158 t" then "the company's
    silver output declined by one per cent to 158 tonnes". ``date_years`` gives the years of resolved dates ("in
    December" of a January article is last year's)."""
    def agent(record: EventRecord) -> str | None:
        ref = next((a.ref for a in record.arguments if a.role == "agent"), None)
        if countries and ref in countries:
            return f"country:{countries[ref]}"
        return agent_key(record, by_id)

    kept: list[EventRecord] = []
    for record in sorted(records, key=lambda r: (r.trigger.start, r.event_type)):
        target = next((r for r in kept if r.event_type == record.event_type and r.event_type in policy.same_happening
                       and r.section == record.section and same_name(agent(r), agent(record))
                       and not (r.sentence == record.sentence and r.event_type in policy.clause_happenings
                                and _argument_keys(r) != _argument_keys(record))
                       and _details_agree(r, record, date_years) and (not retold or _retells(r, record))), None)
        if target is None:
            kept.append(record)
        else:
            kept[kept.index(target)] = merge_records(target, record)
    return kept


def fold_article_happenings(records: list[EventRecord], policy: DocumentPolicy,
                            by_id: dict[str, EntityRecord]) -> list[EventRecord]:
    """Records of an ``article_happenings`` type with one agent fold into the first, anywhere in the article and
    whatever their figures: "Marlin shares jumped 12% on Monday" + "The stock touched A$3.10, a 52-week high" +
    "Marlin has risen 80% this year" are one share move. Records without an agent stay as they are."""
    kept: list[EventRecord] = []
    for record in sorted(records, key=lambda r: (r.trigger.start, r.event_type)):
        actor = agent_key(record, by_id) if record.event_type in policy.article_happenings else None
        target = None if actor is None else next(
            (r for r in kept if r.event_type == record.event_type and same_name(agent_key(r, by_id), actor)), None)
        if target is None:
            kept.append(record)
        else:
            kept[kept.index(target)] = merge_records(target, record)
    return kept


def fold_categories(records: list[EventRecord], policy: DocumentPolicy,
                    by_id: dict[str, EntityRecord]) -> list[EventRecord]:
    """A record whose trigger names a category of a ``category_happenings`` type ("Inferred resources of 17 Mt",
    "Measured and Indicated Resources") folds into the first record of its type about the same actor (or none) in
    its zone and section, whatever its figures and years: one estimate told category by category is one happening.
    Two projects named on both sides with no word shared tell them apart."""
    kept: list[EventRecord] = []
    for record in sorted(records, key=lambda r: (r.trigger.start, r.event_type)):
        words = set(policy.category_happenings.get(record.event_type, ()))
        target = None
        if words & set(_key(record.trigger.text).split()):
            target = next((r for r in kept if r.event_type == record.event_type and r.zone == record.zone
                           and r.section == record.section
                           and same_name(agent_key(r, by_id), agent_key(record, by_id))
                           and not distinguished(r, record, ("project",))), None)
        if target is None:
            kept.append(record)
        else:
            kept[kept.index(target)] = merge_records(target, record)
    return kept


def fold_agentless(records: list[EventRecord], *, date_years: DateYears | None = None,
                   reach: int = 0) -> list[EventRecord]:
    """A record left without agent (none named, none inherited) folds into a record of its type with an agent in
    the same zone and section, at most ``reach`` sentences away, when nothing tells the two apart
    (``_details_agree``): "Kestrel signed a supply deal with Norland." + "The agreement covers graphite." is one deal,
    not a second one by nobody; 0 = off."""
    if reach <= 0:
        return records
    kept = list(records)
    for record in [r for r in records if not any(a.role == "agent" for a in r.arguments)]:
        target = next((r for r in kept if r.event_type == record.event_type and r.zone == record.zone
                       and r.section == record.section and abs(r.sentence - record.sentence) <= reach
                       and any(a.role == "agent" for a in r.arguments)
                       and _details_agree(r, record, date_years)), None)
        if target is not None:
            kept[kept.index(target)] = merge_records(target, record)
            kept.remove(record)
    return kept


def _argument_keys(record: EventRecord) -> set[tuple[str, str]]:
    return {(a.role, a.ref or _key(a.text)) for a in record.arguments}


def same_name(first: str | None, second: str | None) -> bool:
    """One actor: the same key, or one name the other's first words ("Marlin" and "Marlin Metals Ltd")."""
    if first is None or second is None:
        return first == second
    short, long = sorted((first.split(), second.split()), key=len)
    return long[:len(short)] == short


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _number_key(text: str) -> str:
    """A number's comparison key: its first figure without group separators ("2,76,000 tonnes" and "276,000 t" ->
    "276000.0"; "158 MT" and "158 metric tonnes" -> "158.0"), else its words ("four per cent")."""
    found = _NUMBER.search(text)
    return str(float(found.group().replace(",", ""))) if found else _key(text)


def _retells(first: EventRecord, second: EventRecord) -> bool:
    """Another sentence repeating one figure about one commodity: a retelling, not a second happening."""
    def commodities(record: EventRecord) -> set[str]:
        return {_key(a.text) for a in record.arguments if a.role == "commodity"}

    return (first.sentence != second.sentence and bool(figures(first) & figures(second))
            and bool(commodities(first) & commodities(second)))


def figures(record: EventRecord) -> set[str]:
    """The comparison keys of the record's sums, quantities, prices and durations."""
    return {_number_key(a.text) for a in record.arguments if a.role in FIGURE_ROLES}


def date_years(dates: Sequence[DateRecord]) -> dict[str, frozenset[str]]:
    """Date record id -> the calendar years it covers ("December" in a January article -> last year), for dates of
    at most ``MAX_YEAR_SPAN`` years."""
    covered: dict[str, frozenset[str]] = {}
    for record in dates:
        if record.start_date and record.end_date:
            first, last = date.fromisoformat(record.start_date).year, date.fromisoformat(record.end_date).year
            if last - first < MAX_YEAR_SPAN:
                covered[record.id] = frozenset(str(year) for year in range(first, last + 1))
    return covered


def years(record: EventRecord, date_years: DateYears | None = None) -> set[str]:
    """The years of its date arguments: those of the resolved date each one names, else those it writes out
    ("2022", "Aug. 29, 2022")."""
    resolved = date_years or {}
    return {year for a in record.arguments if a.role in DATE_ROLES
            for year in resolved.get(a.ref or "", _YEAR.findall(a.text))}


def _details_agree(first: EventRecord, second: EventRecord, date_years: DateYears | None = None) -> bool:
    """Nothing tells the two apart: no role (numbers, years, other parties, commodities, projects) given on both
    sides with no value shared ("an offtake with A" and "an offtake with B" are two deals)."""
    def named(*roles: str) -> Callable[[EventRecord], set[str]]:
        return lambda record: {a.ref or _key(a.text) for a in record.arguments if a.role in roles} | {
            _key(a.text) for a in record.arguments if a.role in roles}

    def dated(record: EventRecord) -> set[str]:
        return years(record, date_years)

    for values in (figures, dated, named("counterparty", "beneficiary"), named("commodity"), named("project")):
        a, b = values(first), values(second)
        if a and b and not a & b:
            return False
    return True


def distinguished(first: EventRecord, second: EventRecord, roles: Iterable[str],
                  date_years: DateYears | None = None) -> bool:
    """Whether one of ``roles`` tells the two records apart as two happenings: both name it and share no value.

    Figures (amount, quantity, price, duration) compare by value ("$60m" vs "$10m"), the pseudo-role ``year`` by the
    years of the date arguments (a 2017 and a 2018 cut), names (commodity, counterparty, project, location) by a
    shared word, so a longer or plural form is the same name ("NdPr" = "NdPr oxide", "rare earths" = "rare-earth").
    """
    for role in roles:
        if role == YEAR:
            a, b = years(first, date_years), years(second, date_years)
        elif role in FIGURE_ROLES:
            a, b = ({_number_key(x.text) for x in r.arguments if x.role == role} for r in (first, second))
        else:
            a, b = ({word for x in r.arguments if x.role == role for word in name_words(x.text)}
                    for r in (first, second))
        if a and b and not a & b:
            return True
    return False


def name_words(text: str) -> set[str]:
    """A name's words, without a plural ending: "Rare Earths" -> {"rare", "earth"}."""
    return {word[:-1] if len(word) > 3 and word.endswith("s") else word for word in _key(text).split()}


def fold_same_act(records: list[EventRecord], policy: DocumentPolicy,
                  by_id: dict[str, EntityRecord]) -> list[EventRecord]:
    """In one sentence, a record of the second type of a ``same_act`` pair folds into one of the first type; with
    ``same_act_by_amount`` also anywhere in the article when both name the same sum of money, and with
    ``same_act_words`` anywhere when its trigger's first word names the first type's act ("the bid for Kestrel
    shares" in an article reporting the takeover)."""
    kept = list(records)
    for first, second in policy.same_act:
        unless = set(policy.same_act_unless.get(second, ()))
        agent_only = (first, second) in policy.same_act_agent_only
        for record in [r for r in kept if r.event_type == second and not unless & {a.role for a in r.arguments}]:
            named_act = bool(name_words(record.trigger.text.split()[0]) & set(policy.same_act_words.get(second, ())))
            target = next((r for r in kept if r.event_type == first and _compatible(r, record, by_id, agent_only=agent_only) and (
                (r.sentence == record.sentence and r.zone == record.zone) or named_act
                or (policy.same_act_by_amount and _shared_amount(r, record)))), None)
            if target is not None:
                kept[kept.index(target)] = merge_records(target, record)
                kept.remove(record)
    return kept


def _shared_amount(first: EventRecord, second: EventRecord) -> bool:
    """Both name one sum of money ("in talks to lend $1 billion" and "weighing a $1 billion loan")."""
    def amounts(record: EventRecord) -> set[str]:
        return {_key(a.text) for a in record.arguments if a.role == "amount"}

    return bool(amounts(first) & amounts(second))


def merge_records(primary: EventRecord, other: EventRecord) -> EventRecord:
    """``primary`` with ``other``'s mentions and the arguments it lacks (never a second agent)."""
    arguments = list(primary.arguments)
    have = {(a.role, a.ref or a.text) for a in arguments}
    has_agent = any(a.role == "agent" for a in arguments)
    for argument in other.arguments:
        key = (argument.role, argument.ref or argument.text)
        if key in have or (argument.role == "agent" and has_agent):
            continue
        have.add(key)
        arguments.append(argument)
    spans = {(m.start, m.end) for m in [*primary.mentions, *other.mentions]}
    spans |= {(primary.trigger.start, primary.trigger.end), (other.trigger.start, other.trigger.end)}
    return primary.model_copy(update={
        "arguments": arguments,
        "mentions": [Mention(start=start, end=end) for start, end in sorted(spans)],
        "confidence": round(min(max(primary.confidence, other.confidence) + 0.03, 0.99), 4),
    })


def agent_key(record: EventRecord, by_id: dict[str, EntityRecord]) -> str | None:
    for argument in record.arguments:
        if argument.role == "agent":
            entity = by_id.get(argument.ref or "")
            return _key(entity.normalized if entity is not None else argument.text)
    return None


def _compatible(first: EventRecord, second: EventRecord, by_id: dict[str, EntityRecord], *, agent_only: bool = False) -> bool:
    """Whether the two records may report one act: one names no agent or both name the same (``agent_only``: both
    name it, for pairs a different actor may do beside each other)."""
    a, b = agent_key(first, by_id), agent_key(second, by_id)
    if agent_only:
        return a is not None and a == b
    return a is None or b is None or a == b


