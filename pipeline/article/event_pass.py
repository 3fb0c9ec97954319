"""The article pass's order of event decisions (``event_policy`` holds the decisions, ``event_actors`` and
``event_happenings`` the actors and folds they use): one function, run by ``merging.EventMerger``.

An ``AgentTrail`` given to it notes, after each step that may set, change or drop an agent, which step did so
(measurement only: ``benchmarks/agent_precision.py``); the records are the same with or without one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pipeline.article.agent_trail import AgentTrail, unnoted
from pipeline.article.event_actors import (
    cited_sources,
    drop_speaker,
    item_actors,
    lender_keys,
    place_agent,
    relabelled_actor,
)
from pipeline.article.event_actors import name_key as _key
from pipeline.article.event_happenings import (
    DateYears,
    fold_agentless,
    fold_article_happenings,
    fold_categories,
    fold_same_act,
    merge_happenings,
    merge_records,
)
from pipeline.article.event_inheritance import inherit_agent, site_owner
from pipeline.article.event_policy import (
    actor_pool,
    calibrate,
    company_acting_as_state,
    counterparty_as_agent,
    court_agent,
    drop_industry_agent,
    drop_non_agents,
    drop_private_agent,
    government_agent,
    industry_item,
    is_anchored,
    is_background,
    is_bare_label,
    is_court_decision,
    is_market,
    is_media,
    is_public_body,
    public_body_countries,
)
from pipeline.article.event_stakes import fold_stakes
from pipeline.article.event_sums import Amounts, fold_retold_sums, fold_totals
from pipeline.resources.events import DocumentPolicy
from pipeline.schema.records import EntityRecord, EventRecord


def apply_policy(records: Sequence[EventRecord], entities: Sequence[EntityRecord], policy: DocumentPolicy, *,
                 headline_ids: Iterable[str] = (), text: str = "", date_years: DateYears | None = None,
                 amounts: Amounts | None = None, trail: AgentTrail | None = None) -> list[EventRecord]:
    """The article's event records after the decisions of ``event_policy``, in text order.

    Args:
        records: merged event records of one article.
        entities: the article's entity records.
        policy: the rules.
        headline_ids: ids of records whose trigger is a headline's (anchored without arguments).
        text: the article's text (entity offsets index it), to tell the sources it cites; "" = none known.
        date_years: date record id -> the years it covers (``event_happenings.date_years``), to tell happenings apart.
        amounts: money quantity record id -> (currency, value), to tell a total from its parts; None = none known.
        trail: notes which step last set each record's agent (measurement only); None = not noted.
    """
    note = trail.note if trail is not None else unnoted
    by_id = {entity.id: entity for entity in entities}
    headlines = set(headline_ids)
    non_agents = {_key(name) for name in policy.non_agents}
    reporters = [e for e in entities if is_market(e, policy) or is_media(e, policy)]
    non_agents |= {_key(e.normalized) for e in reporters} | {_key(e.text) for e in reporters} | cited_sources(
        entities, text, policy)
    kept = note("non_agent", [drop_non_agents(record, by_id, non_agents) for record in records
                              if not is_background(record, policy)])
    kept = note("unanchored", [record for record in kept if (record.id in headlines and not is_bare_label(record))
                               or is_anchored(record, policy)])
    # a negated act did not happen ("did not announce a capital cost"); failed talks did (negotiation)
    kept = note("unreal", [record for record in kept if record.modality not in policy.unreal_modalities
                           or record.event_type in policy.unreal_kept_types])
    courts = {record.id for record in kept if is_court_decision(record, policy)}  # the court acts: no country, no heir
    kept = note("government", [court_agent(record, by_id, policy) if record.id in courts
                               else government_agent(record, by_id, entities, policy) for record in kept])
    kept = note("company_as_state", [record for record in kept if not company_acting_as_state(record, by_id, policy)])
    actors = [entity for entity in entities if _key(entity.normalized) not in non_agents
              and _key(entity.text) not in non_agents]
    kept = note("place_or_speaker", [place_agent(record if record.id in courts else drop_speaker(
        drop_private_agent(record, by_id, policy), by_id, policy), by_id, policy) for record in kept])
    kept = note("relabelled", [relabelled_actor(record, by_id, policy) for record in kept])
    kept = note("same_act_fold", fold_same_act(fold_stakes(kept, policy), policy, by_id))
    countries = public_body_countries(entities, policy) if policy.ministry_is_country else {}
    kept = note("happening_merge", merge_happenings(kept, policy, by_id, countries=countries, date_years=date_years))
    kept = note("sum_fold", fold_retold_sums(kept, policy, merge_records))
    if policy.inherit_in_sectioned or not any(record.section for record in records):
        # a company type never inherits a public body, a government type never a company (``actor_pool``)
        # a lender is no company of the item either: the company it funds does the work (``lender_types``)
        lenders = lender_keys(kept, by_id, policy)
        pools = {"company": [e for e in actors if (e.label != "ORG" or not is_public_body(e, policy))
                             and _key(e.normalized) not in lenders],
                 "state": [e for e in actors if e.label != "ORG" or is_public_body(e, policy)], "any": actors}
        acting = frozenset(_key(by_id[a.ref].normalized) for r in kept for a in r.arguments
                           if a.role == "agent" and a.ref in by_id)
        items = {(section, pool): industry_item(item_actors(pools[pool], section, policy, acting=acting), policy)
                 for section in {record.section for record in kept} for pool in pools}
        owner = site_owner(actors, text, policy)
        kept = note("inherited", [record if record.id in courts else inherit_agent(
            record, items[record.section, actor_pool(record, policy)], policy, entities=actors, owner=owner)
            for record in kept])
        kept = note("retold_merge", merge_happenings(kept, policy, by_id, countries=countries, retold=True,
                                                     date_years=date_years))
    kept = note("industry", [drop_industry_agent(record, by_id, policy) for record in kept])
    # after inheritance: the parts' actors
    kept = note("article_fold", fold_article_happenings(kept, policy, by_id))
    kept = note("total_fold", fold_totals(fold_categories(kept, policy, by_id), policy, merge_records, amounts or {}))
    kept = note("agentless_fold", fold_agentless(kept, date_years=date_years, reach=policy.agentless_reach))
    kept = note("counterparty", [counterparty_as_agent(record, kept, policy) for record in kept])
    kept = note("agent_required", [record for record in kept if record.event_type not in policy.agent_required_types
                                   or record.id in headlines or any(a.role == "agent" for a in record.arguments)])
    kept = [calibrate(record, policy) for record in kept]
    return sorted(kept, key=lambda r: (r.trigger.start, r.event_type))
