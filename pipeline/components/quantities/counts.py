"""Bare numbers as counts: "14 critical minerals" is a count, "Phase 2", "Jan 8", "two sources
said" and "the 2026 quotas" are not (SPEC §3: years, labels, day numbers are no quantities)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.components.quantities.measure import Found
from pipeline.components.quantities.patterns import MONTH_AFTER
from pipeline.components.quantities.qualifiers import tail_words
from pipeline.resources.quantities import WordTable
from pipeline.text.calendar_names import MONTHS
from pipeline.text.regex import alternation

# Entity labels whose names may hold a number ("Boeing 737", "G7") that is no count.
NAME_LABELS = frozenset({"ORG", "PERSON", "FACILITY", "LAW", "PRODUCT", "GPE", "LOC", "WORK_OF_ART", "EVENT"})
# Parts of speech of a word naming a numbered thing ("Scope 3", "Tranche 2").
NAME_POS = frozenset({"NOUN", "PROPN"})
# Parts of speech allowed between a number and its counted noun ("27 reverse-circulation holes").
COUNT_MODIFIERS = frozenset({"ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "ADV", "CCONJ"})
# Without a tagger: a plural by shape; not "-ss" ("class"), "-us" ("bonus"), "-is" ("analysis"), "-as" ("gas").
PLURAL_SHAPE = re.compile(r"[a-z]{2,}[^suia]s")
# "2026", "2026-27", "between 2027 and 2029": years, no count
YEAR_OR_YEAR_RANGE = re.compile(
    r"(?:1[89]|20|21)\d\d(?:\s?[-–]\s?(?:1[89]|20|21)?\d\d|\s(?:and|to|or)\s(?:1[89]|20|21)\d\d)?")
# "two of the main provinces", but not "19 of the 34 raw materials in ..." (that one is a count).
# words after a partitive's "of the" searched for the whole it picks from: "two of the [largest] sources"
PARTITIVE_WHOLE_REACH = 4
PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|our|these|those)\s+(?!\w+\s+(?:of|in)\b)")
# "the three metals", "all three": a spelled number after a determiner re-counts named things.
DETERMINERS = (["the"], ["all"], ["these"], ["those"], ["both"])
# "three-member": the word hyphenated to a number
COMPOUND_NOUN = re.compile(r"[A-Za-z]+")


class CountRules:
    """Decides whether a bare number found in the text counts something."""

    def __init__(self, words: WordTable) -> None:
        self.label_words = frozenset(words.label_words) | frozenset(words.rank_words)
        # "the top-three producers": a rank hyphenated to a spelled number is a rank too
        self.hyphened_rank = re.compile(rf"\b(?i:{alternation(words.rank_words)})-$") if words.rank_words else None
        # "Phase 1, 2 and 3 concentrators", "Units 3 and 4": the last number of a list of labels is a label too
        labels = alternation(word for word in words.label_words if word.isalpha())
        self.label_list = re.compile(rf"\b(?i:{labels})s?\s+\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|or|&)\s*$")
        self.not_counted = (frozenset(words.not_counted) | frozenset(words.not_domain_counts)
                            | frozenset(words.place_nouns))
        self.people = frozenset(words.people_nouns)
        self.collectives = frozenset(words.collective_count_nouns)
        self.compound_nouns = frozenset(words.compound_count_nouns)
        self.elided_followers = frozenset(words.elided_followers)
        self.source_after = re.compile(rf",?\s+(?:{alternation(words.source_phrases)})\b", re.IGNORECASE)
        self.source_openers = [opener.split() for opener in words.source_openers]
        self.speech_after = re.compile(
            rf",?\s+(?:{alternation(words.speech_verbs)})\b(?!\s+to\b)", re.IGNORECASE) if words.speech_verbs else None
        self.set_size_openers = [[*opener, "the"] for opener in words.set_size_openers]

    def count(self, doc: Doc, text: str, found: Found, earlier: list[Found]) -> Found | None:
        """The count ``found`` stands for when a plural noun follows it (modifiers allowed), or None."""
        if found.spelled and found.number < 2 and not found.scaled:
            return None  # "one mine" is no count (docs/annotation.md); "one hundred trucks", "one million people" are
        if YEAR_OR_YEAR_RANGE.fullmatch(text, found.start, found.end):
            return None
        if not found.scaled and found.end < len(text) and text[found.end].isalpha():
            return None  # "4E metals", "5G", "3D": a number glued to a letter names a basket or a standard
        before = found.before
        last = tail_words(before)[-1:]
        if last and (last[0] in self.label_words or last[0].rstrip(".") in MONTHS and before[-1:].isspace()):
            return None
        if self.label_list.search(before) is not None:
            return None
        if self.hyphened_rank is not None and self.hyphened_rank.search(before) is not None:
            return None
        if MONTH_AFTER.match(text, found.end):
            return None
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None or any(token.ent_type_ in NAME_LABELS for token in span):
            return None
        if numbered_name(doc, span, found):
            return None
        if span.start > 0 and doc[span.start - 1].ent_type_ in NAME_LABELS - {"GPE", "LOC"}:
            return None
        keep = found if found.scaled else None
        if found.end < len(text) and text[found.end] == "-":
            # "a three-member consortium": a number hyphenated to a counted noun counts it
            noun = COMPOUND_NOUN.match(text, found.end + 1)
            if noun is not None and noun.group().lower() in self.compound_nouns:
                found.info["unit_text"] = noun.group()
                found.count_noun = False
                return found
            return keep
        partitive = PARTITIVE.match(text, found.end)
        if partitive is not None:
            # "Yunnan and Guangxi, two of the main ... provinces": an appositive re-counting named items
            if found.spelled and before.rstrip().endswith(","):
                return keep
            if self._quoted_whole(doc, text, partitive.end()):
                return keep  # "Two of the sources told ...": some of the people quoted, no count
            return found
        if found.spelled and tail_words(before)[-1:] in DETERMINERS and not self._set_size(before):
            return None
        tagged = doc.has_annotation("TAG")
        for token in doc[span.end : span.end + 7]:
            if plural_noun(token, tagged) or token.lower_ in self.collectives:
                if (token.lower_ in self.not_counted or self._source_opened(before) or self._speaking(text, token)
                        or token.lower_ in self.people and self._source(text, token, before)):
                    return keep
                found.info["unit_text"] = token.text
                found.count_noun = False
                return found
            if token.is_punct and token.text not in "-–" or token.like_num or not count_modifier(token, tagged):
                break
        return elided_count(doc, span, found, earlier, self.elided_followers) or keep


    def _set_size(self, before: str) -> bool:
        """"one of the two furnaces", "among the eight products": the spelled number after "the" gives the size of the
        set something is picked from, a count of its own; "the two furnaces" alone re-counts named things."""
        words = tail_words(before)
        return any(words[-len(opener):] == opener for opener in self.set_size_openers)

    def _source(self, text: str, noun: Token, before: str) -> bool:
        """"two people familiar with the talks", "according to three people": people quoted, not counted."""
        if self.source_after.match(text, noun.idx + len(noun.text)) is not None:
            return True
        return self._source_opened(before)

    def _speaking(self, text: str, noun: Token) -> bool:
        """"two producers said", "84 economists surveyed by ...": the counted noun speaks or is polled, a source."""
        return self.speech_after is not None and self.speech_after.match(text, noun.idx + len(noun.text)) is not None

    def _quoted_whole(self, doc: Doc, text: str, at: int) -> bool:
        """Whether the whole a partitive picks from (the first noun from char ``at`` on) is a source noun."""
        following = [token for token in doc if token.idx >= at][:PARTITIVE_WHOLE_REACH]
        tagged = doc.has_annotation("TAG")
        noun = next((token for token in following if not tagged or token.pos_ in NAME_POS), None)
        return noun is not None and (noun.lower_ in self.not_counted or self._speaking(text, noun))

    def _source_opened(self, before: str) -> bool:
        """"according to two companies involved", "citing three traders": whatever is counted after a source
        opener is who the story quotes, no fact of its own."""
        words = tail_words(before)
        return any(words[-len(opener):] == opener for opener in self.source_openers)


def numbered_name(doc: Doc, span: Span, found: Found) -> bool:
    """"the Scope 3 emissions", "5,000 Class 8 trucks", "its Tranche 2 shares": plain digits after a capitalised
    word inside a sentence and before a lower-case word are the number of a name (a label), no count. Not at a
    sentence's start unless a noun ("Some 300 workers", "Nearly 40 projects"), and not in a title-case headline, where the
    counted noun is capitalised too ("India to Auction 20 Mineral Blocks")."""
    if found.spelled or found.scaled or span.start < 1 or span.end >= len(doc) or not found.before.endswith(" "):
        return False
    word, after = doc[span.start - 1], doc[span.end]
    if not word.is_alpha or word.is_stop or not (word.is_title or word.is_upper and len(word) > 1):
        return False
    if doc.has_annotation("TAG"):
        if word.pos_ not in NAME_POS:
            return False  # "Nearly 40 projects", "Add 2 lines"
    elif word.is_sent_start:
        return False
    return after.is_lower and after.is_alpha


def plural_noun(token: Token, tagged: bool) -> bool:
    """A plural noun by its tag; without a tagger (``--profile fast``), by its shape: a lower-case
    content word ending in a plural "s" ("projects", "mines"; not "bus", "gas", "analysis")."""
    if tagged:
        return token.tag_ in ("NNS", "NNPS") and token.pos_ in ("NOUN", "PROPN")
    return token.is_alpha and not token.is_stop and PLURAL_SHAPE.fullmatch(token.lower_) is not None


def count_modifier(token: Token, tagged: bool) -> bool:
    """A word that may stand between a number and its counted noun ("27 reverse-circulation holes");
    without a tagger, any content word or hyphen (function words end the search)."""
    if tagged:
        return token.pos_ in COUNT_MODIFIERS
    return token.is_punct or token.is_alpha and not token.is_stop


def elided_count(doc: Doc, span: Span, found: Found, earlier: list[Found],
                 followers: frozenset[str] = frozenset()) -> Found | None:
    """"Of the 594 blocks sold, just 82 are producing", "11 projects in the EU and eight in partner
    countries", "12 bids, copper (5) and zinc (3)": a bare whole number whose noun is elided counts the
    noun of an earlier count of its sentence, when a verb, a preposition, the end of the clause or a word of
    ``followers`` ("injured ten more") follows it, when it stands alone in brackets, or when it is an item
    of a list that names one category word per number ("30 projects in mining, 12 refining and 4 recycling")."""
    value = found.info["value"]
    if not earlier or value is None or value != int(value):
        return None
    sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
    antecedent = next((f for f in reversed(earlier) if f.info["quantity_type"] == "count"
                       and f.info["unit_text"] and sentence.start_char <= f.start), None)
    if antecedent is None:
        return None
    following = doc[span.end] if span.end < len(doc) else None
    bracketed = found.before.endswith("(") and following is not None and following.text == ")"
    if following is not None and not bracketed and not (
            following.pos_ in ("AUX", "VERB") or (following.pos_ == "ADP" and following.lower_ != "of")
            or following.text in (".", ";", ",") or following.lower_ in followers or _list_item(doc, span, found)
            or _share_after(doc, span)):
        return None
    found.info["unit_text"] = antecedent.info["unit_text"]
    return found


def _share_after(doc: Doc, span: Span) -> bool:
    """"the remaining 16 or 29%": "or" and a percentage after the number give its share of the whole (the
    percentage kept its own unit, so it was found to be that share)."""
    after = doc[span.end : span.end + 3]
    return len(after) == 3 and after[0].lower_ == "or" and after[1].like_num and after[2].text == "%"


def _list_item(doc: Doc, span: Span, found: Found) -> bool:
    """"..., 12 refining and 4 recycling": after a comma or "and", the number and one word, then a comma, a
    semicolon, a stop, a bracket or "and"/"or": an item of a list of numbered categories."""
    if not found.before.rstrip().endswith(",") and tail_words(found.before)[-1:] != ["and"]:
        return False
    if span.end + 1 >= len(doc):
        return False
    word, after = doc[span.end], doc[span.end + 1]
    return word.is_alpha and (after.text in (",", ";", ".", ")") or after.lower_ in ("and", "or"))
