"""Finding the date mentions of a block: every form's regex in windows round its anchors, the
relative ``Matcher`` patterns, then the longest non-overlapping normalised candidates."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container
from datetime import date

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.components.base import block_text
from pipeline.components.dates.anaphora import resolve_anaphora
from pipeline.components.dates.block import PREVIOUS_WORD, Block, previous_word
from pipeline.components.dates.fiscal import inherit_fiscal_year
from pipeline.components.dates.forms import (
    FORMS,
    NEAR_GLUED,
    NEAR_HOLIDAY,
    NEAR_MONTH,
    NEAR_SEASON,
    NEAR_UNIT,
    NEAR_YEAR,
    NEVER,
    YEAR_ANCHOR,
    compile_forms,
)
from pipeline.components.dates.parts import anchor_previous_quarter
from pipeline.components.dates.relative import MATCHER_NORMALISERS
from pipeline.components.dates.words import DateWords
from pipeline.resources.dates import MatcherRule
from pipeline.schema.annotations import DateInfo
from pipeline.text.regex import alternation

Candidate = tuple[int, int, DateInfo]
WINDOW_BEFORE, WINDOW_AFTER = 40, 80
RELATIVE_WINDOW = 24
RELATIVE_CUE = re.compile(  # run on the lower-cased text
    r"today|tonight|yesterday|tomorrow|\bdays?\b|week|month|quarter|year|decade|\bqtr\b|\byr\b|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|\bago\b|\b(?:mon|tues?|weds?|thu|thurs?|fri)\b"
)
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
# A sentence-final period is kept only when it closes a month abbreviation within this reach.
ABBREVIATION_REACH = 12


class DateFinder:
    """The compiled forms and the relative-date ``Matcher`` of one component."""

    def __init__(self, vocab: Vocab, words: DateWords, rules: list[MatcherRule]) -> None:
        self.words = words
        self.patterns = compile_forms(words)
        holidays = words.holidays.alternation() if words.holidays else NEVER
        self.holiday_anchor = re.compile(r"\b(?:" + holidays + r")", re.IGNORECASE)
        self.glued_anchor = re.compile(r"\d(?:" + alternation(words.months) + r")", re.IGNORECASE)
        seasons = alternation(words.lexicon.seasons) if words.lexicon.seasons else NEVER
        self.season_anchor = re.compile(r"\b(?:" + seasons + r")\b", re.IGNORECASE)
        self.unit_anchor = re.compile(r"\b(?:" + alternation(words.lexicon.units) + r")\b", re.IGNORECASE)
        self.matcher = Matcher(vocab)
        for rule in rules:
            self.matcher.add(rule.label, [rule.pattern])

    def find(self, doc: Doc, reference: date | None) -> list[Candidate]:
        """Normalised, non-overlapping date mentions of ``doc`` as ``(start, end, info)`` (block offsets)."""
        text = block_text(doc)
        lowered = text.lower()
        hints = (doc._.orewire_block or {}).get("hints") or {}
        block = Block(doc, text, self.words, reference, self.words.calendars.get(hints.get("fiscal") or ""))
        candidates = self._regex_candidates(block)
        candidates.extend(self._matcher_candidates(block, lowered))
        chosen = resolve_anaphora(text, longest_first(candidates), self.words.lexicon.numbers,
                                  comparison_words=self.words.comparison_words)
        if reference is not None and "quarter" in lowered:
            chosen = anchor_previous_quarter(text, chosen, reference)
        if any(item[2].get("fiscal") for item in chosen):
            chosen = inherit_fiscal_year(block, chosen)
        return chosen

    def _regex_candidates(self, block: Block) -> list[Candidate]:
        text = block.text
        near = {
            NEAR_MONTH: windows(self.words.month_cue, text, keep=self.words.months),
            NEAR_YEAR: windows(YEAR_ANCHOR, text),
            NEAR_HOLIDAY: windows(self.holiday_anchor, text),
            NEAR_UNIT: windows(self.unit_anchor, text),
            NEAR_GLUED: windows(self.glued_anchor, text),
            NEAR_SEASON: windows(self.season_anchor, text),
        }
        candidates: list[Candidate] = []
        for name, form in FORMS.items():
            spans = near[form.near] if isinstance(form.near, str) else windows(form.near, text)
            pattern = self.patterns[name]
            for low, high in spans:
                for match in pattern.finditer(text, low, high):
                    found = form.normalise(match, block)
                    if found is not None:
                        info, start = found
                        candidates.append((start, self._trim_end(text, match.end()), info))
        return candidates

    def _matcher_candidates(self, block: Block, lowered: str) -> list[Candidate]:
        doc = block.doc
        candidates: list[Candidate] = []
        for low, high in windows(RELATIVE_CUE, lowered, before=RELATIVE_WINDOW, after=RELATIVE_WINDOW):
            region = doc.char_span(low, high, alignment_mode="expand")
            if region is None:
                continue
            for label_id, token_start, token_end in self.matcher(region):
                span = region[token_start:token_end]
                info = MATCHER_NORMALISERS[doc.vocab.strings[label_id]](span, block)
                if info is not None:
                    candidates.append(block.with_modifier(span.start_char, span.end_char, info, block.reference))
        return candidates

    def _trim_end(self, text: str, end: int) -> int:
        """Drop a sentence-final period unless it closes a month abbreviation ("Jan.")."""
        if end and text[end - 1] == ".":
            word = PREVIOUS_WORD.search(text, max(0, end - ABBREVIATION_REACH), end - 1)
            if word is None or word.group(1).lower() not in self.words.month_abbreviations:
                return end - 1
        return end


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
