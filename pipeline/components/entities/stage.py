"""Entity stage: statistical NER plus gazetteer and pattern rules, merged into SPEC labels.

Rule hits go to ``doc.spans["orewire_entity_rules"]`` first; ``merge_entities``
then combines them with the model's entities under one policy,
``RULES_OVER_MODEL``: a rule span beats an overlapping model span, except that
a well-formed model ORG/FACILITY/LAW name that strictly contains a place,
nationality or commodity hit ("Export Finance Australia") is kept whole.
On headline lines (title/heading zones, or title-case sentences) model
ORG/PERSON/FACILITY/LAW spans survive only when no token is a common
headline word, so "Vietnam Passes Rare Earth Export Ban" gives GPE + COMMODITY.

FACILITY spans are the bare name before "project"/"mine"/"deposit"/...
("Round Top", not "Round Top deposit"), as in the SPEC examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import IS_ALPHA, IS_UPPER, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.article.linking import link_entities
from pipeline.components.base import GuardedStage, block_text
from pipeline.resources.entities import (
    CommodityParser,
    GazetteerEntry,
    TokenPattern,
    clean_name,
    commodity_surfaces,
    functional_body_name,
    load_capitals,
    load_commodities,
    load_gazetteer,
    load_headline_words,
    load_ministries,
    load_token_patterns,
)
from pipeline.schema.annotations import EntityInfo
from pipeline.schema.extensions import ENTITY_CANDIDATE_GROUP, MODEL_DATE_GROUP, MODEL_NUMERIC_GROUP

__all__ = ["EntityStage", "MODEL_TO_SPEC_LABEL", "link_entities", "MODEL_DATE_GROUP", "MODEL_NUMERIC_GROUP"]

NUMERIC_LABELS = frozenset({"TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
MODEL_TO_SPEC_LABEL = {
    "ORG": "ORG",
    "PERSON": "PERSON",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "FAC": "FACILITY",
    "LAW": "LAW",
}
MERGE_POLICY = "RULES_OVER_MODEL"
HEADLINE_ZONES = frozenset({"title", "heading"})
NAME_LABELS = frozenset({"ORG", "PERSON", "FACILITY", "LAW"})
CONTAINER_LABELS = frozenset({"ORG", "FACILITY", "LAW"})
EMBEDDABLE_LABELS = frozenset({"GPE", "NORP", "COMMODITY", "LOC"})
COMMODITY_FORMS_ATTR = "LOWER"
MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
SECTION_NUMBER = frozenset("i ii iii iv v vi vii viii ix x xi xii".split())
FACILITY_DESCRIPTORS = frozenset(
    "heavy light rare earth earths - ionic clay adsorption carbonatite open-pit underground hard-rock hard rock "
    "lithium brine copper-cobalt cobalt-copper mineral sands gold copper nickel cobalt graphite manganese tungsten tin "
    "zinc uranium vanadium antimony niobium tantalum iron ore spodumene bauxite alumina processing separation "
    "industrial mining flagship pilot magnet metals joint-venture".split()
)
FACILITY_KEYWORDS = frozenset(
    "project projects mine mines deposit deposits prospect prospects operation operations refinery refineries smelter "
    "smelters plant complex concession hub tenement field pit mill park".split()
)
LAW_NAME_WORDS = frozenset(
    {
        "critical",
        "raw",
        "mineral",
        "minerals",
        "materials",
        "national",
        "strategic",
        "energy",
        "resources",
        "security",
        "trade",
        "export",
        "control",
        "industry",
    }
)
PUBLIC_BODY_HEADS = frozenset({"Ministry", "Department", "Bureau", "Office", "Minister", "Secretary"})
COUNTRY_PREFIXES = frozenset({"U.S.", "US", "UK", "EU"})
ORG_SUFFIX_WORDS = frozenset(
    "Corp Corp. Corporation Ltd Ltd. Limited Inc Inc. plc PLC Plc SA S.A. AG NV N.V. GmbH LLC Co. Holdings "
    "Group Pty Bhd "
    "Berhad Tbk ASA AB Oyj SpA S.p.A. Ltda KGaA Incorporated LP Minerals Mining Resources Metals Materials Lithium "
    "Graphite Cobalt Nickel Manganese Chemicals Magnetics Exploration Uranium Copper Tungsten Vanadium Industries "
    "Technologies Mines Magnets Alloys Refining Battery Systems Partners Capital Ventures Investments "
    "Securities Bank "
    "Terras Tierras Raras Mineração Mineracao "
    "Rare Earths Earth Critical Technology Strategic Agency Council Commission Ministry Department Fund Authority "
    "Survey "
    "Institute Exchange Parliament Assembly Inspectorate Office Bureau Administration Committee Senate Cabinet "
    "Association Federation Chamber Board Service Organization Organisation Forum Alliance Foundation".split()
)
# Dependency relations under which a capital city acts as its government ("Beijing said", "Washington's
# response", "imposed by Brussels"); ``conj`` inherits the relation of its head ("Washington and Canberra agreed").
GOVERNMENT_RELATIONS = frozenset({"nsubj", "poss", "agent"})
# "U.S. Department of War" -> "United States Department of War": the prefix of a federal body, not of a
# name that carries it officially ("U.S. International Development Finance Corporation").
COUNTRY_PREFIX_BODIES = frozenset({"Department", "Geological", "Bureau", "Office", "Agency", "Treasury", "Army", "Navy"})
EXPANDED_PREFIXES = {"U.S.": "United States", "US": "United States", "UK": "United Kingdom"}
TRIM_LEADING = frozenset({"the", "its", "their", "his", "her", "our", "a", "an", "this", "that"})
# Title-case words that make a commodity word part of a publication/column name ("Overseas Rare Earth Roundup").
SERIES_WORDS = frozenset("Roundup Round-up Review Digest Weekly Monthly Bulletin Newsletter Wrap Briefing Report".split())
# Place names joined by Romance connectors ("Poços de Caldas", "Sete Lagoas do Sul") when used as a location.
PLACE_CONNECTORS = frozenset("de do da dos das del".split())
LOCATIVE_WORDS = frozenset("in near at outside around from".split())
# Words that make a connector name an organisation ("Banco do Brasil", "Companhia Vale do Rio Doce").
ORG_NAME_WORDS = frozenset(
    "banco companhia compañía companía ministério ministerio secretaria secretaría agência agencia instituto "
    "serviço servicio comissão comisión universidade universidad corporación corporação empresa mineração "
    "mineracao minera minería mineria grupo fundação fundación federação federación cooperativa associação "
    "asociación tribunal conselho consejo departamento nacional geológico geologico sociedad sociedade vale".split()
)


# Unit words that are never entities ("2 Mtpa", "30 ktpa").
UNIT_WORDS = frozenset("mtpa ktpa tpa mtpy ktpy tpy t/y dmt wmt mt kt ppm g/t mlb lb koz moz".split())
# Unknown names: words before/after that make a name a company ("ASX-listed X", "explorer X", "X shares").
COMPANY_CUES_BEFORE = frozenset(
    "explorer explorers miner miners developer producer producers company firm group refiner smelter "
    "asx-listed tsx-listed lse-listed aim-listed nyse-listed nasdaq-listed".split()
)
COMPANY_CUES_AFTER = frozenset("shares stock ltd ltd. limited corp corp. inc inc. plc".split())
COMPANY_POSSESSIONS = frozenset("board shares shareholders chief ceo chairman directors stock subsidiary".split())
PERSON_TITLES = frozenset(
    "mr mrs ms dr sir dame ceo chairman chairwoman chair minister president premier director executive "
    "secretary governor senator analyst founder chief md spokesperson spokesman spokeswoman prime".split()
)
# Organisation heads that extend left over capitalised words ("China Nonferrous Metals Industry Association").
EXTENDABLE_HEADS = frozenset("Association Federation Bank Institute Council Agency Society Chamber".split())
SITE_WORK = frozenset("drilling mining exploration production construction trenching sampling work crews".split())
LITERAL_PLACE_BEFORE = frozenset("in at near outside around across inside visit visited visiting".split())
FORMULA = re.compile(r"(?:[A-Z][a-z]?\d*)+")


def _is_title_case_line(tokens: Iterable) -> bool:
    words = [token for token in tokens if token.is_alpha and len(token) > 3]
    if len(words) < 4:
        return False
    return sum(1 for token in words if token.text[0].isupper()) / len(words) >= 0.85


def _in_brackets(span: Span, text: str) -> bool:
    """Series tags like "[Orewire Weekly Rare Earth Digest]" name no fact."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    opened = text.rfind("[", line_start, span.start_char)
    return opened != -1 and text.find("]", opened, span.start_char) == -1 and "]" in text[span.end_char :].split("\n")[0]


class _Tokens:
    """Per-token attributes of a ``Doc`` as plain lists, read once (every ``Token`` access builds an object)."""

    def __init__(self, doc: Doc) -> None:
        columns = doc.to_array([ORTH, LOWER, IS_ALPHA, IS_UPPER, SENT_START]).T.tolist() if len(doc) else ([],) * 5
        orths, lowers, alpha, upper, sent_start = columns
        strings = doc.vocab.strings
        lookup = {key: strings[key] for key in {*orths, *lowers}}
        self.orth_ids: list[int] = orths
        self.lower_ids: list[int] = lowers
        self.texts: list[str] = list(map(lookup.__getitem__, orths))
        self.lowers: list[str] = list(map(lookup.__getitem__, lowers))
        self.alpha: list[bool] = list(map(bool, alpha))
        self.upper: list[bool] = list(map(bool, upper))
        self.sent_start: list[bool] = [value == 1 for value in sent_start]  # -1 (not a start) reads as 2**64 - 1


class EntityStage(GuardedStage):
    """Sets ``doc.ents`` to SPEC labels, each span with ``span._.orewire_entity``."""

    name = "orewire_entities"

    def __init__(self, nlp: Language, name: str = "orewire_entities") -> None:
        self.name = name
        self.gazetteer: dict[str, GazetteerEntry] = load_gazetteer()
        self.capitals: dict[str, GazetteerEntry] = load_capitals(self.gazetteer)
        self.lexicon = load_commodities()
        self.parse_commodity = CommodityParser(self.lexicon)
        self.headline_words = load_headline_words()
        self.ministries = load_ministries()
        self.commodity_words = frozenset(word.lower() for word in commodity_surfaces(self.lexicon)) | frozenset(self.lexicon.forms)
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = list(self.gazetteer)
        self.phrases.add("GAZETTEER", list(nlp.tokenizer.pipe(surfaces)))
        self.commodities = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.commodities.add("COMMODITY", list(nlp.tokenizer.pipe(commodity_surfaces(self.lexicon))))
        self.commodity_forms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.commodity_forms.add("FORM", list(nlp.tokenizer.pipe(list(self.lexicon.forms))))
        # One Matcher per rule family, with the keywords one of which every pattern of the family needs
        # (``None``: some pattern needs none, so the family always runs); see ``_pattern_matches``.
        self.pattern_families: list[tuple[Matcher, frozenset[str] | None, frozenset[str] | None]] = []
        families: dict[str, list[tuple[int, TokenPattern]]] = {}
        for number, row in enumerate(load_token_patterns()):
            families.setdefault(row.id, []).append((number, row))
        for rows in families.values():
            matcher = Matcher(nlp.vocab)
            orth: set[str] = set()
            lower: set[str] = set()
            always = False
            for number, row in rows:
                matcher.add(f"{row.label}|{row.id}|{number}", [row.pattern], greedy="LONGEST")
                required = required_keywords(row.pattern)
                if required is None:
                    always = True
                else:
                    (orth if required[0] == "ORTH" else lower).update(required[1])
            self.pattern_families.append((matcher, None if always else frozenset(orth), None if always else frozenset(lower)))
        # the same keywords as string-store hashes, tested against a block's ORTH / LOWER ids
        strings = nlp.vocab.strings
        self._family_keys = [
            (None, None) if orth_keys is None else (frozenset(strings.add(w) for w in orth_keys),
                                                   frozenset(strings.add(w) for w in lower_keys))
            for _, orth_keys, lower_keys in self.pattern_families
        ]
        self.case_sensitive = (
            {word.lower() for word in self.lexicon.combos}
            | {word.lower() for word in self.lexicon.products if word.isupper()}
            | {word.lower() for word in self.lexicon.groups if word.isupper()}
        )

    # -- the stage ---------------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        block = doc._.orewire_block or {}
        zone = block.get("zone") or "body"
        doc.spans[MODEL_DATE_GROUP] = [ent for ent in doc.ents if ent.label_ == "DATE"]
        doc.spans[MODEL_NUMERIC_GROUP] = [ent for ent in doc.ents if ent.label_ in NUMERIC_LABELS]
        tokens = _Tokens(doc)
        headline_tokens = self._headline_tokens(doc, zone, tokens)
        infos: dict[tuple[int, int, str], EntityInfo] = {}
        text = block_text(doc)  # ``Doc.text`` joins every token on each access: read it once
        rules = self._rule_spans(doc, headline_tokens, infos, text, tokens)
        doc.spans[ENTITY_CANDIDATE_GROUP] = rules
        model = self._model_spans(doc, headline_tokens)
        merged = [span for span in merge_entities(rules, model) if "[" not in text or not _in_brackets(span, text)]
        merged = self._refine(doc, merged, zone, headline_tokens, infos, tokens)
        doc.ents = merged
        for ent in doc.ents:
            info = infos.get((ent.start, ent.end, ent.label_)) or self._info(ent)
            if ent.label_ == "GPE":
                government = self.capitals.get(info["normalized"]) or self.capitals.get(clean_name(ent.text))
                if government is not None and self._acts_as_government(ent, headline_tokens):
                    info = EntityInfo(normalized=government.normalized, kb_id=government.kb_id, commodity=None)
            elif ent.label_ == "ORG" and ent.text.islower() and "ministry" in ent.text.split():
                info = EntityInfo(normalized=self._functional_body_name(ent), kb_id=None, commodity=None)
            elif ent.label_ == "ORG":
                info = EntityInfo(normalized=expand_country_prefix(info["normalized"]), kb_id=info["kb_id"], commodity=None)
            ent._.orewire_entity = info
        return doc

    def _country_before(self, span: Span) -> str | None:
        """The country code of "Brazil's" / "Brazilian" right before ``span`` (skipping "the"), else None."""
        doc = span.doc
        i = span.start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i >= 1 and doc[i].text in {"'s", "’s"}:
            i -= 1
        if i < 0:
            return None
        entry = self.gazetteer.get(doc[i].text)
        if entry is None or entry.label not in {"GPE", "NORP"} or not entry.kb_id:
            return None
        return entry.kb_id.split("-")[0]

    def _functional_body_name(self, ent: Span) -> str:
        """'mines ministry' / 'ministry of mines' -> the official name ("Ministry of Mines and Energy" in Brazil)."""
        words = ent.text.split()
        function = words[-1] if words[0] == "ministry" else words[0]
        return functional_body_name(function, self._country_before(ent), self.ministries)

    def _acts_as_government(self, ent: Span, headline: set[int]) -> bool:
        """A capital used as a metonym: subject, possessor or agent of a verb ("Beijing said", "Washington's ...").

        All-caps datelines ("BRUSSELS -") are literal. On a title-case headline line the parser often misreads the
        verb, so a capital followed by a headline verb in -s ("Tokyo Sets ...", "Washington and Canberra Commit")
        also acts.
        """
        if any(token.is_upper for token in ent if token.is_alpha):
            return False
        token = ent.root
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.dep_ in GOVERNMENT_RELATIONS or token.dep_ == "pobj" and token.head.dep_ == "agent":
            return True
        if ent.end < len(ent.doc) and ent.doc[ent.end].text in {"'s", "’s", "'", "’"}:
            return True
        if ent.start not in headline:
            return not self._literal_place(ent)
        doc = ent.doc
        i = ent.end
        while i + 1 < len(doc) and doc[i].lower_ in {"and", "&", ","}:
            width = next((w for w in (2, 1) if doc[i + 1 : i + 1 + w].text in self.capitals), 0)
            if not width:
                break
            i += 1 + width
        return (
            i < len(doc)
            and doc[i].is_title
            and (doc[i].pos_ in {"VERB", "AUX"} or doc[i].lower_ in self.headline_words and doc[i].lower_.endswith("s"))
        )

    def _literal_place(self, ent: Span) -> bool:
        """A capital named as a place ("in Canberra", "Beijing-based", "Tokyo, Japan", a dateline), not a government."""
        doc = ent.doc
        zone = (doc._.orewire_block or {}).get("zone")
        if zone == "dateline":
            return True
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and (
            before.lower_ in LITERAL_PLACE_BEFORE
            or before.lower_ == "of"
            and ent.start > 1
            and doc[ent.start - 2].lower_ in {"city", "centre", "center"}
        ):
            return True
        if before is not None and before.lower_ in {"a", "an"} and ent.root.dep_ in {"compound", "amod", "nmod"}:
            return True  # "a London brokerage"
        after = doc[ent.end : ent.end + 2]
        if len(after) == 2 and after[0].text in {"-", "‑"} and after[1].lower_ in {"based", "headquartered", "listed"}:
            return True
        region = self.gazetteer.get(after[1].text) if len(after) == 2 and after[0].text == "," else None
        if region is not None and region.label == "GPE":
            return True
        return bool(len(after) and after[0].lower_ in {"city", "office", "offices", "headquarters", "airport", "port"})

    # -- refinement of the merged spans -----------------------------------------------------------
    def _refine(self, doc: Doc, spans: list[Span], zone: str, headline: set[int], infos: dict,
                tokens: _Tokens) -> list[Span]:
        """Generalisation rules applied after the merge (see ``models/entities/README.md``).

        Drops date-shaped and unit-shaped spans and everything but places in a dateline; re-labels unknown
        names by their company/project cues; checks NORP against the nationalities table; extends
        association/bank/institute names left over capitalised words and hyphen compounds; trims headline verbs
        off the start of an ORG; adds chemical-formula commodities in a grade context.
        """
        out: list[Span] = []
        for span in spans:
            label = span.label_
            if label != "COMMODITY" and (_date_shaped(span) or span.text.lower() in UNIT_WORDS):
                continue
            if zone == "dateline" and label != "GPE":
                continue
            known = self.gazetteer.get(clean_name(span.text))
            if label == "NORP" and (known is None or known.label != "NORP"):
                if known is not None:
                    span = Span(doc, span.start, span.end, label=known.label)
                elif self._place_context(span):
                    span = Span(doc, span.start, span.end, label="GPE")
                elif self._name_cue(span) is not None:
                    span = Span(doc, span.start, span.end, label=self._name_cue(span))
                elif not span[0].is_title:
                    continue
                # an unknown capitalised "NORP" without cues stays for entity_linking (a short company name)
            elif label in {"PERSON", "GPE", "LOC"} and known is None and (span.start, span.end, label) not in infos:
                relabel = self._name_cue(span)
                if relabel is not None:
                    span = Span(doc, span.start, span.end, label=relabel)
            elif label == "ORG" and span.start in headline:
                start = span.start
                while (
                    start < span.end
                    and doc[start].is_title
                    and (doc[start].lower_ in self.headline_words or doc[start].pos_ in {"VERB", "AUX"})
                    and doc[start].text not in ORG_SUFFIX_WORDS
                ):
                    start += 1
                if start >= span.end or all(t.lower_ in self.headline_words or t.is_punct for t in doc[start : span.end]):
                    continue
                span = Span(doc, start, span.end, label="ORG")
            if span.label_ == "ORG" and doc[span.end - 1].text in EXTENDABLE_HEADS:
                span = self._extend_left(span, headline)
            out.append(span)
        out.extend(self._formula_commodities(doc, infos, tokens))
        out.extend(self._where_facilities(doc, out, tokens))
        return _resolve_overlaps(out)

    def _place_context(self, span: Span) -> bool:
        doc = span.doc
        if span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_WORDS | {"across", "to"}:
            return True
        after = doc[span.end : span.end + 2]
        return len(after) == 2 and after[0].text in {"-", "‑"} and after[1].lower_ in {"based", "headquartered"}

    def _name_cue(self, span: Span) -> str | None:
        """ORG or FACILITY when the words around an unknown name say so ("X said its", "the X project")."""
        doc = span.doc
        before = [t.lower_ for t in doc[max(span.start - 2, 0) : span.start]]
        after = [t.lower_ for t in doc[span.end : span.end + 3]]
        prev = before[-1] if before else ""
        nxt = after[0] if after else ""
        if nxt in FACILITY_KEYWORDS and prev not in {"'s", "’s"}:
            return "FACILITY"
        if prev == "at" and nxt == "," and len(after) > 2 and after[1] == "where":
            return "FACILITY"
        if (
            prev in COMPANY_CUES_BEFORE
            or prev == "listed"
            and len(before) == 2
            or before[-2:] in (["shares", "in"], ["shares", "of"], ["stake", "in"])
            or nxt in COMPANY_CUES_AFTER
            or nxt in {"'s", "’s"}
            and len(after) > 1
            and after[1] in COMPANY_POSSESSIONS
            or after[:2] in (["said", "its"], ["says", "its"], ["said", "it"], ["says", "it"])
        ):
            return "ORG"
        return None

    def _person_evidence(self, span: Span) -> bool:
        """A PERSON needs a title before it or a first name + surname (two or more capitalised words)."""
        doc = span.doc
        if sum(1 for t in span if t.is_alpha and t.is_title) >= 2:
            return True
        before = doc[max(span.start - 3, 0) : span.start]
        return any(t.lower_.rstrip(".") in PERSON_TITLES for t in before)

    def _extend_left(self, span: Span, headline: set[int]) -> Span:
        """'Industry Association' -> 'China Nonferrous Metals Industry Association'; 'Inter-American ...'."""
        doc = span.doc
        start = span.start
        in_headline = span.start in headline
        while start > 0:
            prev = doc[start - 1]
            if prev.text in {"-", "‑"} and start > 1 and doc[start - 2].is_title and not doc[start - 2].whitespace_:
                start -= 2
                continue
            if (
                (prev.is_title or prev.is_upper and len(prev) > 1)
                and prev.is_alpha
                and not prev.is_sent_start
                and (self._is_name_token(prev, in_headline) or prev.text in ORG_SUFFIX_WORDS and not in_headline)
                and prev.lower_ not in {"the", "and", "of"}
                and prev.pos_ not in {"VERB", "AUX"}
                and "\n" not in prev.whitespace_
            ):
                start -= 1
                continue
            if prev.is_title and prev.is_sent_start and prev.pos_ in {"PROPN"} and self._is_name_token(prev, in_headline):
                start -= 1
            break
        return span if start == span.start else Span(doc, start, span.end, label="ORG")

    def _where_facilities(self, doc: Doc, spans: list[Span], tokens: _Tokens) -> list[Span]:
        """'At Sollet, where drilling began': an unknown capitalised name before ", where" + site work is a FACILITY."""
        found: list[Span] = []
        if "where" not in tokens.lowers:
            return found
        taken = {i for span in spans for i in range(span.start, span.end)}
        for i, lower in enumerate(tokens.lowers):
            if lower != "where" or i < 3 or tokens.texts[i - 1] != ",":
                continue
            token = doc[i]
            if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in SITE_WORK:
                continue
            end = token.i - 1
            start = end
            while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and doc[start - 1].lower_ != "at":
                start -= 1
            if start == end or end - start > 3 or start == 0 or doc[start - 1].lower_ != "at":
                continue
            name = doc[start:end]
            if name.text in self.gazetteer or any(i in taken for i in range(start, end)):
                continue
            found.append(Span(doc, start, end, label="FACILITY"))
        return found

    def _formula_commodities(self, doc: Doc, infos: dict, tokens: _Tokens) -> list[Span]:
        """'0.8% V2O5', '450 ppm U3O8', '1.1% Ni': chemical formulas and element symbols in a grade context."""
        spans: list[Span] = []
        for i, text in enumerate(tokens.texts):
            if len(text) > 10 or not text[:1].isupper() or not FORMULA.fullmatch(text):
                continue
            token = doc[i]
            parsed = self.parse_commodity.formula(text)
            if parsed is None:
                continue
            prev = doc[token.i - 1] if token.i > 0 else None
            grade = prev is not None and (prev.text in {"%", "ppm", "g/t", "ppb"} or prev.like_num)
            if not any(ch.isdigit() for ch in text) and not grade:
                continue
            span = Span(doc, token.i, token.i + 1, label="COMMODITY")
            infos[(span.start, span.end, "COMMODITY")] = EntityInfo(normalized=parsed["name"], kb_id=None, commodity=parsed)
            spans.append(span)
        return spans

    def _headline_tokens(self, doc: Doc, zone: str, tokens: _Tokens) -> set[int]:
        if zone in HEADLINE_ZONES:
            return set(range(len(doc)))
        # One pass over the tokens, counting each line's words as ``_is_title_case_line`` does.
        lines: set[int] = set()
        start = 0
        last = len(doc) - 1
        words = capitalised = 0
        alpha, sent_start = tokens.alpha, tokens.sent_start
        for i, token_text in enumerate(tokens.texts):
            if alpha[i] and len(token_text) > 3:
                words += 1
                if token_text[0].isupper():
                    capitalised += 1
            # ``Token.is_sent_end``: the next token starts a sentence (the last token is handled by ``i == last``)
            if "\n" in token_text or i == last or (i > start and sent_start[i + 1]):
                end = i + 1
                if words >= 4 and capitalised / words >= 0.85:
                    lines.update(range(start, end))
                start = end
                words = capitalised = 0
        return lines

    # -- rules -------------------------------------------------------------------------------------
    def _rule_spans(self, doc: Doc, headline: set[int], infos: dict, text: str, tokens: _Tokens) -> list[Span]:
        spans: list[Span] = []
        for _, start, end in self.phrases(doc):
            span = doc[start:end]
            entry = self.gazetteer.get(span.text)
            if entry is None:
                continue
            labelled = Span(doc, start, end, label=entry.label)
            infos[(start, end, entry.label)] = EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None)
            spans.append(labelled)
        spans.extend(self._commodity_spans(doc, infos))
        for match_id, start, end in self._pattern_matches(doc, tokens):
            label, family, _ = doc.vocab.strings[match_id].split("|")
            vetted = self._vet_pattern(doc[start:end], label, family, headline)
            if isinstance(vetted, list):
                spans.extend(vetted)
            elif vetted is not None:
                spans.append(vetted)
        spans.extend(self._shouted_places(doc, infos, tokens))
        kept = []
        for span in spans:
            # the span's text, sliced from the Doc's (what ``span.text`` joins token by token)
            span_text = text[span.start_char : span.end_char] if span.end > span.start else span.text
            if "\n" not in span_text and span_text.strip():
                kept.append(span)
        return kept

    def _pattern_matches(self, doc: Doc, tokens: _Tokens | None = None) -> list[tuple[int, int, int]]:
        """Token-pattern matches, skipping a family when none of its required keywords is in the block.

        A pattern cannot match without its required token, so the skip changes nothing; the matches are put in
        one order (start, end, pattern number) whatever the families run.
        """
        orth = lower = None
        matches: list[tuple[int, int, int]] = []
        for (matcher, _, _), (orth_keys, lower_keys) in zip(self.pattern_families, self._family_keys, strict=True):
            if orth_keys is not None:
                if orth is None:
                    tokens = tokens or _Tokens(doc)
                    orth = set(tokens.orth_ids)
                    lower = set(tokens.lower_ids)
                if orth_keys.isdisjoint(orth) and lower_keys.isdisjoint(lower):
                    continue
            matches.extend(matcher(doc))
        strings = doc.vocab.strings
        matches.sort(key=lambda match: (match[1], match[2], int(strings[match[0]].rsplit("|", 1)[1])))
        return matches

    def _shouted_places(self, doc: Doc, infos: dict, tokens: _Tokens) -> list[Span]:
        """All-caps place names in datelines ("BRUSSELS -", "NEW DELHI/TOKYO")."""
        spans: list[Span] = []
        texts = tokens.texts
        for i, upper in enumerate(tokens.upper):
            if not upper or len(texts[i]) < 3:
                continue
            token = doc[i]
            for width in (2, 1):
                window = doc[token.i : token.i + width]
                if len(window) < width or not all(t.is_upper and t.is_alpha and len(t) > 2 for t in window):
                    continue
                entry = self.gazetteer.get(window.text.title())
                if entry is not None and entry.label == "GPE" and window.text not in self.gazetteer:
                    spans.append(Span(doc, window.start, window.end, label="GPE"))
                    infos[(window.start, window.end, "GPE")] = EntityInfo(
                        normalized=entry.normalized, kb_id=entry.kb_id, commodity=None
                    )
                    break
        return spans

    def _commodity_spans(self, doc: Doc, infos: dict) -> list[Span]:
        forms = {start: end for _, start, end in self.commodity_forms(doc)}
        spans: list[Span] = []
        for _, start, end in self.commodities(doc):
            head = doc[start:end]
            head_text = head.text  # ``Span.text`` joins the tokens on each access
            if (
                head_text.lower() in self.case_sensitive
                and head_text not in self.lexicon.combos
                and not (head_text.isupper() or head_text in self.lexicon.products)
            ):
                continue
            if head_text.lower() in self.lexicon.ambiguous and head[0].is_title and head[0].i > 0 and not head[0].is_sent_start:
                continue
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and nxt.text in {"-", "‑"} and end + 1 < len(doc) and doc[end + 1].lower_ in {"ion"}:
                continue
            while (
                end < len(doc)
                and doc[end].text == "-"
                and end + 1 < len(doc)
                and doc[end + 1].lower_ in self.parse_commodity.elements
            ):
                end += 2
            if end in forms:
                end = forms[end]
            if head[0].is_title and end < len(doc) and doc[end].text in SERIES_WORDS:
                continue  # a column or publication name ("Overseas Rare Earth Roundup"), not a mention
            spans.append(Span(doc, start, end, label="COMMODITY"))
        result = filter_spans(spans)
        for span in result:
            parsed = self.parse_commodity(span.text)
            infos[(span.start, span.end, "COMMODITY")] = EntityInfo(normalized=parsed["name"], kb_id=None, commodity=parsed)
        return result

    def _is_name_token(self, token, headline: bool) -> bool:
        lower = token.lower_
        if lower in MONTHS_AND_DAYS or lower in TRIM_LEADING or lower in SECTION_NUMBER and token.is_upper:
            return False
        if headline and lower in self.headline_words:
            return False
        return not (lower in self.commodity_words and not token.is_upper)

    def _vet_pattern(self, span: Span, label: str, family: str, headline: set[int]) -> Span | list[Span] | None:
        doc = span.doc
        in_headline = span.start in headline
        if family == "functional_body":
            # "Brazil's mines ministry", "the Indian mines ministry"; a bare "the mines ministry" is anaphoric.
            if self._country_before(span) is None:
                return None
            return Span(doc, span.start, span.end, label=label)
        if family == "facility":
            keyword = span.end - 1
            while keyword > span.start and doc[keyword - 1].lower_ in FACILITY_DESCRIPTORS | self.commodity_words:
                keyword -= 1
            name_end = keyword
            if doc[name_end - 1].is_lower or any(t.lower_ in FACILITY_KEYWORDS for t in doc[span.start : name_end]):
                return None
            name_start = name_end
            while (
                name_start > span.start
                and self._is_name_token(doc[name_start - 1], in_headline)
                and not doc[name_start - 1].is_lower
            ):
                name_start -= 1
            if name_start == name_end or name_end - name_start > 4:
                return None
            if in_headline and any(
                token.pos_ in {"VERB", "AUX"} or token.text in self.gazetteer for token in doc[name_start:name_end]
            ):
                return None
            name = doc[name_start:name_end]
            if name.text in self.gazetteer or name_end - name_start == 1 and name[0].is_stop:
                return None
            if doc[span.end - 1].lower_.endswith("s") and name_start >= 2 and doc[name_start - 1].lower_ in {"and", ","}:
                first_end = name_start - 1
                first_start = first_end
                while (
                    first_start > 0
                    and self._is_name_token(doc[first_start - 1], in_headline)
                    and (doc[first_start - 1].is_title or doc[first_start - 1].is_upper)
                ):
                    first_start -= 1
                if 0 < first_end - first_start <= 4 and doc[first_start:first_end].text not in self.gazetteer:
                    return [
                        Span(doc, first_start, first_end, label="FACILITY"),
                        Span(doc, name_start, name_end, label="FACILITY"),
                    ]
            return Span(doc, name_start, name_end, label="FACILITY")
        start, end = span.start, span.end
        if family == "law":
            for i in range(span.start, span.end - 1):
                token = doc[i]
                if (
                    token.lower_ in TRIM_LEADING
                    or token.text.rstrip(".").lower() in SECTION_NUMBER
                    or (
                        token.lower_ in self.headline_words
                        and token.lower_ not in LAW_NAME_WORDS
                        and token.lower_ not in {"of", "and", "on", "for"}
                        and token.text != "Law"
                    )
                ):
                    start = i + 1
            while start < end and doc[start].lower_ in {"of", "and", "on", "for", "the"}:
                start += 1
            return Span(doc, start, end, label=label) if end - start >= 2 else None
        if (
            doc[start].text in PUBLIC_BODY_HEADS
            or doc[start].text in COUNTRY_PREFIXES
            and end - start > 1
            and doc[start + 1].text in PUBLIC_BODY_HEADS
        ):
            return Span(doc, start, end, label=label)
        suffix_start = end
        while suffix_start > start and doc[suffix_start - 1].text in ORG_SUFFIX_WORDS:
            suffix_start -= 1
        name_start = suffix_start
        while (
            name_start > start
            and self._is_name_token(doc[name_start - 1], in_headline)
            and doc[name_start - 1].text.rstrip(".").lower() not in SECTION_NUMBER
        ):
            name_start -= 1
        if name_start == suffix_start or suffix_start == end:
            return None
        name = doc[name_start:suffix_start]
        if (
            in_headline
            and family != "legal_suffix"
            and (
                any(token.text in self.gazetteer for token in name)
                or doc[suffix_start].text == "Rare"
                and doc[end - 1].text == "Earth"
                or name_start > 0
                and doc[name_start - 1].text in {"-", "–"}
            )
        ):
            return None
        if family == "domain_word" and not in_headline:
            end = self._country_suffix_end(doc, end)
        return Span(doc, name_start, end, label=label)

    def _country_suffix_end(self, doc: Doc, end: int) -> int:
        """'Toyotsu Rare Earths' + 'India' -> the country is part of the company name (a national unit).

        Only when the country closes the name: punctuation, a lower-case word or the end of the block follows
        (not a possessive, not a further capitalised word).
        """
        for width in (2, 1):
            if end + width > len(doc):
                continue
            country = doc[end : end + width]
            entry = self.gazetteer.get(country.text)
            if entry is None or entry.label != "GPE" or not entry.kb_id or "-" in entry.kb_id:
                continue
            if any(not token.is_title for token in country):
                continue
            after = doc[end + width] if end + width < len(doc) else None
            if after is None or (after.is_punct and after.text not in {"'", "’"}) or (after.is_alpha and after.is_lower):
                return end + width
        return end

    # -- model -------------------------------------------------------------------------------------
    def _model_spans(self, doc: Doc, headline: set[int]) -> list[Span]:
        spans: list[Span] = []
        for ent in doc.ents:
            label = MODEL_TO_SPEC_LABEL.get(ent.label_)
            if label is None:
                continue
            start, end = ent.start, ent.end
            while start < end and (
                doc[start].lower_ in TRIM_LEADING
                or doc[start].is_punct
                or doc[start].is_space
                or doc[start].text.rstrip(".").lower() in SECTION_NUMBER
                and doc[start].is_upper
                or doc[start].like_num
            ):
                start += 1
            while end > start and (
                doc[end - 1].tag_ == "POS"
                or doc[end - 1].text in {"'s", "’s", "'", "’"}
                or doc[end - 1].is_punct
                or doc[end - 1].is_space
            ):
                end -= 1
            if end <= start:
                continue
            if label in {"ORG", "PERSON"} and self._is_place_name(doc, start, end, label):
                label = "GPE"
            span = Span(doc, start, end, label=label)
            if (
                label == "ORG"
                and start >= 2
                and doc[start - 1].lower_ in {"of", "for"}
                and doc[start - 2].lower_ in {"minister", "secretary", "ministers"}
            ):
                continue
            if "\n" in span.text or not any(token.is_alpha for token in span):
                continue
            if all(token.is_lower or not token.is_alpha for token in span):
                continue
            if start in headline and not self._strict_headline_name(span):
                continue
            if label in NAME_LABELS and all(t.lower_ in self.commodity_words or t.is_punct for t in span):
                continue
            spans.append(span)
        return spans

    def _is_place_name(self, doc: Doc, start: int, end: int, label: str) -> bool:
        """A model ORG/PERSON that is a town: "in Poços de Caldas, Minas Gerais".

        Needs a locative word before it and either a Romance connector inside ("Poços de Caldas", ORG only:
        "Lula da Silva" stays a person) or ", <state or country>" after it; no organisation word in the name.
        """
        if start == 0 or doc[start - 1].lower_ not in LOCATIVE_WORDS:
            return False
        words = doc[start:end]
        if any(t.lower_ in ORG_NAME_WORDS or t.text in ORG_SUFFIX_WORDS or t.is_digit for t in words):
            return False
        if any(not (t.is_title or t.lower_ in PLACE_CONNECTORS) for t in words):
            return False
        inner = [t for t in words[1:-1] if t.lower_ in PLACE_CONNECTORS]
        if inner and label == "ORG":
            return True
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        for width in (2, 1):
            region = doc[end + 1 : end + 1 + width]
            entry = self.gazetteer.get(region.text)
            if len(region) == width and entry is not None and entry.label == "GPE" and entry.kb_id:
                after = doc[region.end] if region.end < len(doc) else None
                return after is None or after.text not in {"'s", "’s"}
        return False

    def _strict_headline_name(self, span: Span) -> bool:
        if span.text in self.gazetteer:
            return True
        if len(span) > 4:
            return False
        return all(
            not token.is_lower and self._is_name_token(token, True) and token.pos_ not in {"VERB", "AUX"}
            for token in span
            if not token.is_punct
        )

    # -- normalisation ---------------------------------------------------------------------------
    def _info(self, ent: Span) -> EntityInfo:
        name = clean_name(ent.text)
        if name.isupper() and len(name) > 4:
            name = name.title()
        entry = self.gazetteer.get(name)
        if entry is not None and entry.label == ent.label_:
            return EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None)
        if ent.label_ == "COMMODITY":
            info = self.parse_commodity(name)
            return EntityInfo(normalized=info["name"], kb_id=None, commodity=info)
        return EntityInfo(normalized=name, kb_id=None, commodity=None)


def _date_shaped(span: Span) -> bool:
    """'Mar 3, 2026', 'March 2026', 'Monday': only month/day words, numbers and punctuation."""
    has_month = False
    for token in span:
        lower = token.lower_.rstrip(".")
        if lower in MONTHS_AND_DAYS:
            has_month = True
        elif not (token.like_num or token.is_punct or token.is_space):
            return False
    return has_month


def _resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Longest span first; ties keep the earlier one. Returns the spans in text order, none overlapping."""
    taken: set[int] = set()
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        result.append(span)
    return sorted(result, key=lambda span: span.start)


def required_keywords(pattern: list[dict]) -> tuple[str, frozenset[str]] | None:
    """(attr, words): a pattern's first mandatory token given as exact ORTH/LOWER words, or None if none is."""
    for token in pattern:
        if token.get("OP") not in (None, "+", "{1,}"):
            continue
        for attr in ("ORTH", "LOWER"):
            value = token.get(attr)
            if isinstance(value, str):
                return attr, frozenset({value})
            if isinstance(value, dict) and set(value) == {"IN"}:
                return attr, frozenset(value["IN"])
    return None


def expand_country_prefix(name: str) -> str:
    """'U.S. Department of War' -> 'United States Department of War' (federal bodies only)."""
    prefix, _, rest = name.partition(" ")
    if prefix in EXPANDED_PREFIXES and rest.split(" ", 1)[0] in COUNTRY_PREFIX_BODIES:
        return f"{EXPANDED_PREFIXES[prefix]} {rest}"
    return name


def merge_entities(rules: list[Span], model: list[Span]) -> list[Span]:
    """Combine rule and model spans under ``RULES_OVER_MODEL`` (see the module docstring)."""
    kept_model: list[Span] = []
    for span in model:
        overlapping = [rule for rule in rules if rule.start < span.end and span.start < rule.end]
        if not overlapping:
            kept_model.append(span)
            continue
        covered = {i for rule in overlapping for i in range(rule.start, rule.end)}
        if all(token.i in covered or not token.is_alpha or token.lower_ in {"and", "of", "or"} for token in span):
            continue
        contains_all = all(span.start <= rule.start and rule.end <= span.end and len(rule) < len(span) for rule in overlapping)
        if contains_all and span.label_ in CONTAINER_LABELS and all(r.label_ in EMBEDDABLE_LABELS for r in overlapping):
            kept_model.append(span)
    preferred = [(span, 1) for span in kept_model] + [(span, 0) for span in rules]
    preferred.sort(key=lambda item: (-(item[0].end - item[0].start), item[1], item[0].start))
    taken: set[int] = set()
    result: list[Span] = []
    for span, _ in preferred:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        result.append(span)
    return sorted(result, key=lambda span: span.start)


@Language.factory(
    "orewire_entities",
    assigns=["doc.ents", "doc.spans", "span._.orewire_entity"],
    requires=["doc.ents"],
)
def make_entity_stage(nlp: Language, name: str) -> EntityStage:
    return EntityStage(nlp, name)
