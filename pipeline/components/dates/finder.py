"""Finding the date mentions of a block: every form's regex in windows round its anchors, the
relative ``Matcher`` patterns, then the longest non-overlapping normalised candidates."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.components.base import block_text
from pipeline.components.dates.anaphora import resolve_anaphora
from pipeline.components.dates.anchored import AnchoredDates
from pipeline.components.dates.block import PREVIOUS_WORD, Block, previous_word
from pipeline.components.dates.coordinated import share_coordinated_year
from pipeline.components.dates.fiscal import article_fiscal_parts, inherit_fiscal_year
from pipeline.components.dates.form_kinds import (
    NEAR_GLUED,
    NEAR_HOLIDAY,
    NEAR_MONTH,
    NEAR_SEASON,
    NEAR_UNIT,
    NEAR_YEAR,
    NEVER,
    YEAR_ANCHOR,
)
from pipeline.components.dates.forms import FORMS, compile_forms
from pipeline.components.dates.parts import anchor_previous_quarter
from pipeline.components.dates.relative import MATCHER_NORMALISERS
from pipeline.components.dates.words import DateWords
from pipeline.components.pattern_words import required_words
from pipeline.resources.dates import MatcherRule
from pipeline.schema.annotations import DateInfo
from pipeline.text.cues import CueGroups, Cues, CueText, ascii_cues
from pipeline.text.regex import alternation, bounded_alternation, lowered_twin
from pipeline.text.temporal import Direction, Windows

Candidate = tuple[int, int, DateInfo]
WINDOW_BEFORE, WINDOW_AFTER = 40, 80
RELATIVE_WINDOW = 24
# Run on the lower-cased text. A word-initial "\\bx" is written "x(?<!\\wx)" (the same matches): with every
# alternative opening on a letter, ``re`` skips positions whose letter opens none, about twice as fast.
RELATIVE_CUE = re.compile(
    r"today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)\b|d(?<!\wd)ays?\b|week|month|quarter|year|decade|q(?<!\wq)tr\b|y(?<!\wy)r\b|fortnight"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|a(?<!\wa)go\b"
    r"|(?:m(?<!\wm)on|t(?<!\wt)ues?|w(?<!\ww)eds?|t(?<!\wt)hu|t(?<!\wt)hurs?|f(?<!\wf)ri)\b"
)
DIGIT = re.compile(r"\d")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
# A sentence-final period is kept only when it closes a month abbreviation within this reach.
ABBREVIATION_REACH = 12


class DateFinder:
    """The compiled forms and the relative-date ``Matcher`` of one component."""

    def __init__(
        self, vocab: Vocab, words: DateWords, rules: list[MatcherRule], direction: Direction = "nearest",
        windows: Windows = "rolling",
    ) -> None:
        self.words = words
        self.direction, self.windows = direction, windows
        self.patterns = compile_forms(words)
        self.anchored = AnchoredDates(words)
        self.twins = {name: lowered_twin(pattern) for name, pattern in self.patterns.items()}
        # A full month name with a full stop and a space ends its sentence: "in March. First Cobalt said" is no "March
        # first" (a dot between the parts of one date, "1.May.00", is no stop).
        full_names = [name for name in words.months if name not in words.month_abbreviations]
        self.month_stop = re.compile(r"\b(?:" + alternation(full_names) + r")\.(?=\s)", re.IGNORECASE)
        holidays = words.holidays.alternation() if words.holidays else NEVER
        seasons = alternation(words.lexicon.seasons) if words.lexicon.seasons else NEVER
        # Each shared anchor with its kept words and the cue words every one of its matches holds.
        self.anchors: dict[str, Anchor] = {
            NEAR_MONTH: Anchor(words.month_cue, keep=words.months),
            NEAR_YEAR: Anchor(YEAR_ANCHOR),
            NEAR_HOLIDAY: Anchor(re.compile(r"\b(?:" + holidays + r")", re.IGNORECASE),
                                 groups=words.holidays.cue_groups() if words.holidays else None),
            # the opening boundary checked after each unit's first letter (``bounded_alternation``): the same
            # windows, the lower-cased text scanned ~2x faster (only positions holding such a letter are tried)
            NEAR_UNIT: Anchor(re.compile(bounded_alternation(words.unit_words()) + r"\b", re.IGNORECASE),
                              cues=ascii_cues(words.unit_words())),
            NEAR_GLUED: Anchor(re.compile(r"\d(?:" + alternation(words.months) + r")", re.IGNORECASE)),
            NEAR_SEASON: Anchor(re.compile(r"\b(?:" + seasons + r")\b", re.IGNORECASE),
                                cues=ascii_cues(words.lexicon.seasons) if words.lexicon.seasons else None),
        }
        # each case-insensitive window regex of a form, as its twin for the lower-cased text (``lowered_twin``)
        self.near_twins = {name: lowered_twin(form.near) for name, form in FORMS.items() if not isinstance(form.near, str)}
        self.matcher = Matcher(vocab)
        for rule in rules:
            self.matcher.add(rule.label, [rule.pattern])
        # per pattern, the LOWER ids each of its mandatory word tokens can be: a window holding none of one set
        # cannot match that pattern, and one that no pattern can match skips the Matcher (None: always run it)
        required = [[words for _, words in required_words(rule.pattern, ("LOWER",))] for rule in rules]
        self.required: list[list[frozenset[int]]] | None = None if any(not sets for sets in required) else [
            [frozenset(vocab.strings.add(word) for word in words) for words in sets] for sets in required]

    def find(self, doc: Doc, reference: date | None) -> list[Candidate]:
        """Normalised, non-overlapping date mentions of ``doc`` as ``(start, end, info)`` (block offsets)."""
        text = block_text(doc)
        lowered = text.lower()
        hints = (doc._.orewire_block or {}).get("hints") or {}
        block = Block(doc, text, self.words, reference, self.words.calendars.get(hints.get("fiscal") or ""),
                      self.direction, self.windows)
        candidates = self._regex_candidates(block, CueText(text, lowered))
        candidates.extend(self._matcher_candidates(block, lowered))
        chosen = resolve_anaphora(text, longest_first(candidates), lambda start, end: block.tense(start, end) == "past",
                                  self.words.lexicon.modifiers)
        if len(chosen) > 1:
            chosen = share_coordinated_year(text, chosen)
        # after the year is shared ("the Monday after March 3 and 4, 2025")
        chosen = self.anchored.extend(text, chosen, spans=self.windows == "calendar")
        if reference is not None and "quarter" in lowered:
            chosen = anchor_previous_quarter(text, chosen, reference)
        named_parts = article_fiscal_parts(hints.get("fiscal_parts"))
        if named_parts or any(item[2].get("fiscal") for item in chosen):
            chosen = inherit_fiscal_year(block, chosen, named_parts)
        return chosen

    def _regex_candidates(self, block: Block, cues: CueText) -> list[Candidate]:
        text = block.text
        near: dict[str, list[tuple[int, int]]] = {}
        candidates: list[Candidate] = []
        digits = DIGIT.search(text) is not None  # a form whose matches hold a digit has none in a block without one
        for name, form in FORMS.items():
            if form.cues and not cues.has_any(form.cues) or form.digit and not digits:
                continue
            if isinstance(form.near, str):
                spans = near.get(form.near)
                if spans is None:
                    spans = near[form.near] = self.anchors[form.near].windows(text, cues)
            elif cues.exact and (twin := self.near_twins[name]) is not None:
                spans = windows(twin, cues.lowered)
            else:
                spans = windows(form.near, text)
            pattern = self.patterns[name]
            twin = self.twins[name] if cues.exact else None
            for low, high in spans:
                if form.digit and DIGIT.search(text, low, high) is None or form.cues and not cues.has_any_in(form.cues, low, high):
                    continue
                if twin is not None and twin.search(cues.lowered, low, high) is None:
                    continue  # no match in the window, found faster (the normaliser reads the matches of the text)
                for whole in pattern.finditer(text, low, high):
                    if (match := self._within_sentence(pattern, whole)) is None:
                        continue
                    found = form.normalise(match, block)
                    if found is not None:
                        info, start = found
                        candidates.append((start, self._trim_end(text, match.end()), info))
        return candidates

    def _matcher_candidates(self, block: Block, lowered: str) -> list[Candidate]:
        doc = block.doc
        candidates: list[Candidate] = []
        lowers: list[int] | None = None
        for low, high in windows(RELATIVE_CUE, lowered, before=RELATIVE_WINDOW, after=RELATIVE_WINDOW):
            region = doc.char_span(low, high, alignment_mode="expand")
            if region is None:
                continue
            if self.required is not None:
                lowers = doc.to_array(LOWER).tolist() if lowers is None else lowers
                words = set(lowers[region.start : region.end])
                if not any(all(not needed.isdisjoint(words) for needed in sets) for sets in self.required):
                    continue
            for label_id, token_start, token_end in self.matcher(region):
                span = region[token_start:token_end]
                info = MATCHER_NORMALISERS[doc.vocab.strings[label_id]](span, block)
                if info is not None:
                    candidates.append(block.with_modifier(span.start_char, span.end_char, info, block.reference))
        return candidates

    def _within_sentence(self, pattern: re.Pattern[str], match: re.Match[str]) -> re.Match[str] | None:
        """``match``, or its form matched again up to the full stop after a full month name inside it (the
        sentence's end), or None when the form does not match the shorter text."""
        stop = self.month_stop.search(match.string, match.start(), match.end() - 1)
        if stop is None:
            return match
        return pattern.match(match.string, match.start(), stop.end() - 1)

    def _trim_end(self, text: str, end: int) -> int:
        """Drop a sentence-final period unless it closes a month abbreviation ("Jan.")."""
        if end and text[end - 1] == ".":
            word = PREVIOUS_WORD.search(text, max(0, end - ABBREVIATION_REACH), end - 1)
            if word is None or word.group(1).lower() not in self.words.month_abbreviations:
                return end - 1
        return end


@dataclass(frozen=True)
class Anchor:
    """A regex that windows are cut round, the words its matches must be (``keep``), and the cue words
    (``cues``: one of them; ``groups``: every word of one group) without which it cannot match."""

    pattern: re.Pattern[str]
    keep: Container[str] | None = None
    cues: Cues | None = None
    groups: CueGroups | None = None
    twin: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "twin", lowered_twin(self.pattern))

    def windows(self, text: str, cues: CueText) -> list[tuple[int, int]]:
        if not (cues.has_any(self.cues) and cues.has_any_group(self.groups)):
            return []
        if cues.exact and self.twin is not None:  # the same windows, found on the lower-cased text
            return windows(self.twin, cues.lowered, keep=self.keep)
        return windows(self.pattern, text, keep=self.keep)


def founding_tagline(text: str, start: int, end: int, cues: Container[str]) -> bool:
    """"Spokane, Washington  Est. May 19, 1883": a masthead's founding date ending its line is the
    publisher's tagline, not a fact of the article (``cues``: the lexicon's ``founding_cues``)."""
    return previous_word(text, start) in cues and _LINE_END.match(text, end) is not None


def longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (earliest on ties), sorted by start."""
    candidates.sort(key=lambda item: (item[0] - item[1], item[0]))
    starts: list[int] = []
    chosen: list[Candidate] = []
    for start, end, info in candidates:
        position = bisect_left(starts, start)
        if position < len(starts) and starts[position] < end:
            continue
        if position > 0 and chosen[position - 1][1] > start:
            continue
        starts.insert(position, start)
        chosen.insert(position, (start, end, info))
    return chosen


def windows(
    anchor: re.Pattern[str],
    text: str,
    *,
    before: int = WINDOW_BEFORE,
    after: int = WINDOW_AFTER,
    keep: Container[str] | None = None,
) -> list[tuple[int, int]]:
    """Merged character windows round every match of ``anchor`` (whose lower-cased text is in ``keep``)."""
    found: list[tuple[int, int]] = []
    for match in anchor.finditer(text):
        if keep is not None and match.group().lower() not in keep:
            continue
        low, high = max(0, match.start() - before), min(len(text), match.end() + after)
        if found and low <= found[-1][1]:
            found[-1] = (found[-1][0], high)
        else:
            found.append((low, high))
    return found
