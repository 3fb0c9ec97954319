"""Which currency a quantity is in: symbols and codes before the number, words after it, and the
block's evidence for what a bare ``$``, ``¥`` or "pounds" stands for (SPEC §3)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.components.quantities.patterns import SPACE, mixed_alternation
from pipeline.resources.quantities import BARE_DOLLAR, CurrencyTable
from pipeline.schema.annotations import ArticleHints
from pipeline.text.conversions import bracketed_conversions
from pipeline.text.cues import CueText, ascii_cues, folded_cues
from pipeline.text.regex import alternation, bounded_alternation

# A sentence end: a stop, question or exclamation mark before a space, or a line break; also a stop glued
# to the next sentence's capitalised word in scraped text ("supply chain.The bank").
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+|\n+|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# A "$" with no letter or "$" glued before it ("$15m", not "A$15m" or "US$").
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z$])\$")
# "45c a share", "85c/lb": a lower-case "c" glued to the number, then no letter, digit or point
GLUED_CENTS = re.compile(r"c(?!\w)(?!\.\w)(?:[ \u00a0]+(?P<next>[A-Za-z]+))?")
# Words after a number that name no dollar of their own ("5 million dollars", "3.4 bln dlrs"): the block's dollar.
BARE_DOLLAR_WORDS = frozenset({"dollars", "dlrs", "dlr"})
# "9,000 $/t", "15.50 US$/lb": a dollar sign after the number, right before a slash
DOLLAR_PER = re.compile(rf"{SPACE}?(?P<cur>(?:US|A|C|NZ|HK|S)?\$)(?=/)")


@dataclass
class CurrencyContext:
    """What a block says about ambiguous currency symbols, computed once per block."""

    dollar: str = "USD"
    yen: str = "JPY"
    british: bool = False
    letters: dict[str, str | None] = field(default_factory=dict)  # shared letter symbol → the block's currency


@dataclass(frozen=True)
class WrittenCurrency:
    """A currency written next to a number: its ISO code, its text and where the text ends."""

    code: str | None
    text: str
    end: int
    cents: bool = False


class CurrencyRules:
    """The currency table as lookups and compiled cue patterns."""

    def __init__(self, table: CurrencyTable) -> None:
        self.prefixes = table.prefixes
        self.needs_scale = frozenset(table.scaled_prefixes)
        self.prefix_lengths = sorted({len(prefix) for prefix in table.prefixes}, reverse=True)
        # "CAD $12.54", "US $5", "RMB ¥80": a currency's code or letters, a space, then a sign; the letters decide
        self.spaced = spaced_prefixes(table.prefixes)
        self.spaced_lengths = sorted({len(form) for form in self.spaced}, reverse=True)
        self.suffixes = table.suffixes
        self.glued_cents_followers = frozenset(table.glued_cents_followers)
        self.subunits = {word.lower(): code for word, code in table.subunits.items()}
        exact = [suffix for suffix in table.suffixes if suffix in table.case_sensitive_suffixes]
        folded = [suffix for suffix in table.suffixes if suffix not in table.case_sensitive_suffixes] + list(self.subunits)
        self.suffixes_folded = {suffix.lower(): table.suffixes[suffix] for suffix in folded if suffix in table.suffixes}
        self.suffix = re.compile(rf"{SPACE}?(?P<cur>{mixed_alternation(exact, folded)})(?![A-Za-z])")
        # The first characters the suffix alternation can start with (same case folding): most numbers are
        # followed by none of them, and one character class is far cheaper than the whole alternation.
        self.suffix_start = re.compile(rf"{SPACE}?(?:{_first_characters(exact, folded)})")
        # A currency name kept case-sensitive because it is also an English word or a name ("won", "rand") is read
        # capitalised too right after a scale word ("183 billion Won", a title-case "1 Trillion Won" headline).
        self.titled_suffixes = {suffix[:1].upper() + suffix[1:]: table.suffixes[suffix] for suffix in exact
                                if suffix.isalpha() and suffix.islower()}
        self.titled_suffix = re.compile(rf"{SPACE}?(?P<cur>{alternation(self.titled_suffixes)})(?![A-Za-z])") \
            if self.titled_suffixes else None
        self.dollar_variants = table.dollar_variants
        self.dollar_variant = re.compile(alternation(table.dollar_variants))
        self.us_dollar = re.compile(alternation(table.us_dollar_markers))
        self.contrast = re.compile(rf"\b(?:{alternation(table.contrast_cues)})\b|\(\s*(?:US)?\$") if table.contrast_cues else None
        self.listing = re.compile(rf"\b(?:{alternation(table.listing_cues)})\b", re.IGNORECASE) if table.listing_cues else None
        # the case-insensitive scans (which ``re`` runs position by position) only in a block holding one of their words
        self.listing_cues = ascii_cues(table.listing_cues)
        self.us_cue = re.compile(rf"(?<![A-Za-z.])(?:{alternation(table.us_cues)})(?![A-Za-z])")
        self.china = re.compile(rf"{bounded_alternation(table.china_cues)}\b")
        self.japan = re.compile(rf"{bounded_alternation(table.japan_cues)}\b")
        self.british = re.compile(rf"£|{bounded_alternation(table.british_cues)}\b")
        self.shared = table.shared_letter_symbols
        self.symbol_names = {name.lower(): symbol for name, symbol in table.symbol_names.items()}
        self.shared_cues = {symbol: {code: re.compile(rf"{bounded_alternation(cues)}\b") for code, cues in shared.cues.items()}
                            for symbol, shared in self.shared.items()}
        # shared currency names ("pesos"): one scan for any of them, one for every country word of their currencies
        self.shared_names = table.shared_names
        self.shared_name = re.compile(rf"\b(?:{alternation(self.shared_names)})\b", re.IGNORECASE) \
            if self.shared_names else None
        self.shared_name_cues = folded_cues(self.shared_names)
        cue_words = {cue for shared in self.shared_names.values() for cues in shared.cues.values() for cue in cues}
        self.shared_name_cue = re.compile(rf"{bounded_alternation(cue_words)}\b") if cue_words else None

    def context(self, text: str, hints: ArticleHints | None = None) -> CurrencyContext:
        """Resolve bare ``$`` and ``¥`` for one block (SPEC: explicit variants and China cues decide).

        The block's own evidence wins; a block with none (no dollar variant or US marker, no or
        mixed China/Japan cues) falls back to the article's ``hints`` (``pipeline.article.hints``).
        A block that names the United States ("US Export-Import Bank") keeps ``$`` as USD: in a
        multi-story digest, one story's C$ says nothing about another story's US financing. So does a
        block that converts between a bare-dollar amount and a variant ("$60m (A$91.62m)", "A$20m ($13.55m)"):
        that "$" is not A$.
        """
        context = CurrencyContext()
        cues = CueText(text)
        listing = self._listing_sentences(text, cues)
        # "$60m (A$91.62m)": a variant converting a bare-dollar amount says the bare "$" is another dollar
        conversions = bracketed_conversions(text)
        found = list(self.dollar_variant.finditer(text))
        variants = {self.dollar_variants[match.group()] for match in found
                    if match.start() not in conversions
                    and not any(start <= match.start() < end for start, end in listing)}
        us_dollar = self.us_dollar.search(text) is not None or any(match.start() in conversions for match in found)
        if len(variants) == 1 and not us_dollar:
            context.dollar = variants.pop()
        elif not variants and not us_dollar and hints and hints.get("dollar") and not self.us_cue.search(text):
            context.dollar = hints["dollar"] or context.dollar
        china = self.china.search(text) is not None
        japan = self.japan.search(text) is not None
        if china and not japan:
            context.yen = "CNY"
        elif china == japan and hints and hints.get("yen"):
            context.yen = hints["yen"] or context.yen
        context.british = self.british.search(text) is not None
        for symbol, shared in self.shared.items():
            cued = [code for code, cue in self.shared_cues[symbol].items() if cue.search(text)]
            country = shared.countries.get(hints.get("country") or "") if hints else None
            context.letters[symbol] = cued[0] if len(cued) == 1 else country or shared.default
        if self.shared_name is not None and self.shared_name_cue is not None and cues.has_any(self.shared_name_cues) \
                and self.shared_name.search(text):
            self._shared_names(text, hints, context)
        return context

    def _shared_names(self, text: str, hints: ArticleHints | None, context: CurrencyContext) -> None:
        """"12 million pesos" in a block naming Mexico: MXN. A name only one cued currency (or the source's
        country) owns is read as it; otherwise it stays unread (no money)."""
        assert self.shared_name_cue is not None
        named = {match.group() for match in self.shared_name_cue.finditer(text)}
        country = (hints.get("country") if hints else None) or ""
        for word, shared in self.shared_names.items():
            cued = [code for code, cues in shared.cues.items() if named.intersection(cues)]
            context.letters[word] = cued[0] if len(cued) == 1 else shared.countries.get(country, shared.default)

    def _listing_sentences(self, text: str, cues: CueText | None = None) -> list[tuple[int, int]]:
        """The sentences that quote a share price or market value ("shares rose 3% to C$1.79").

        A share is priced in its exchange's currency, which says nothing about the currency of the story's
        other amounts, so a dollar variant in such a sentence is no evidence for a bare "$" elsewhere.
        """
        if self.listing is None or cues is not None and not cues.has_any(self.listing_cues) \
                or self.listing.search(text) is None:
            return []
        out = []
        start = 0
        for end in [match.end() for match in _SENTENCE_END.finditer(text)] + [len(text)]:
            if self.listing.search(text, start, end) is not None:
                out.append((start, end))
            start = end
        return out

    def sentence_contexts(self, text: str, context: CurrencyContext) -> list[tuple[int, CurrencyContext]]:
        """Per-sentence overrides of ``context``: ``(sentence end, context)`` for each sentence.

        A sentence that writes a dollar symbol variant ("A$") and a bare "$" and sets them against each
        other (a ``contrast_cues`` word: "while", "compared with", or "(US$...)" / "($...)") makes its bare
        "$" USD whatever the block or article says (issue 13); other sentences keep ``context``.
        """
        if context.dollar == "USD" or "$" not in text:
            return []
        usd = replace(context, dollar="USD")
        out = []
        start = 0
        for end in [match.end() for match in _SENTENCE_END.finditer(text)] + [len(text)]:
            sentence = text[start:end]
            variant = self.dollar_variant.search(sentence)
            if (self.contrast is not None and variant is not None and "$" in variant.group()
                    and _BARE_DOLLAR.search(sentence) and self.contrast.search(sentence)):
                out.append((end, usd))
            else:
                out.append((end, context))
            start = end
        return out

    def code(self, written: str, context: CurrencyContext) -> str | None:
        """The ISO code of a currency written before a number; None for a shared letter symbol nothing decides."""
        if written in self.spaced:
            return self.spaced[written]
        if written == "$":
            return context.dollar
        if written == "¥":
            return context.yen
        if written in self.shared:
            return context.letters.get(written, self.shared[written].default)
        return self.prefixes[written]

    def prefix_before(self, text: str, start: int) -> str | None:
        """The currency symbol or code written right before ``start`` (one space allowed)."""
        stop = start - 1 if start > 0 and text[start - 1] in " \u00a0" else start
        for length in self.spaced_lengths:
            if length <= stop and text[stop - length : stop] in self.spaced and not (
                    stop - length > 0 and text[stop - length - 1].isalpha()):
                return text[stop - length : stop]
        for length in self.prefix_lengths:
            if length > stop:
                continue
            candidate = text[stop - length : stop]
            if candidate in self.prefixes:
                if candidate[0].isalpha() and stop - length > 0 and text[stop - length - 1].isalpha():
                    continue
                return candidate
        return None

    def prefix_at(self, text: str, cursor: int) -> tuple[str, int] | None:
        """The currency written at ``cursor`` before a range's second number ("to €400 million"),
        with the characters it takes (its trailing space included)."""
        window = text[cursor : cursor + 8]
        for length in self.spaced_lengths:
            if window[:length] in self.spaced:
                return window[:length], length + (window[length : length + 1] in (" ", "\u00a0"))
        for length in range(min(5, len(window)), 0, -1):
            candidate = window[:length].rstrip(" \u00a0")
            if candidate in self.prefixes and (length == len(candidate) or window[length - 1] in " \u00a0"):
                return candidate, length
        return None

    def suffix_at(self, text: str, pos: int, context: CurrencyContext, *, scaled: bool = False) -> WrittenCurrency | None:
        """A currency word or code after the number ("5 million euros", "433,000 yuan", "45 cents"); a dollar sign
        only before a slash, as price tables write it ("9,000 $/t", "15.50 US$/lb"); after a scale word (``scaled``)
        also a capitalised name that is otherwise an English word ("183 billion Won")."""
        if scaled and self.titled_suffix is not None:
            titled = self.titled_suffix.match(text, pos)
            if titled is not None:
                return WrittenCurrency(code=self.titled_suffixes[titled["cur"]], text=titled["cur"], end=titled.end())
        cents = GLUED_CENTS.match(text, pos) if pos > 0 and text[pos - 1].isdigit() else None
        if cents is not None and (cents["next"] is None or cents["next"].lower() in self.glued_cents_followers):
            # "45c a share", "85c/lb": cents of the block's dollar, glued to the number
            return WrittenCurrency(code=context.dollar, text="c", end=pos + 1, cents=True) if context.dollar else None
        per = DOLLAR_PER.match(text, pos)
        if per is not None:
            code = self.code(per["cur"], context)
            return WrittenCurrency(code=code, text=per["cur"], end=per.end()) if code is not None else None
        if self.suffix_start.match(text, pos) is None:
            return None
        match = self.suffix.match(text, pos)
        if match is None:
            return None
        written = match["cur"]
        subunit = self.subunits.get(written.lower())
        if subunit is not None:  # "45 cents", "20 pence": hundredths of the currency
            return WrittenCurrency(code=context.dollar if subunit == BARE_DOLLAR else subunit, text=written,
                                   end=match.end(), cents=True)
        symbol = self.symbol_names.get(written.lower())
        if symbol is not None:  # "CFA francs": the block decides which of the symbol's currencies
            letter_code = context.letters.get(symbol)
            return WrittenCurrency(code=letter_code, text=written, end=match.end()) if letter_code else None
        if written.lower() in self.shared_names:  # "pesos": the currency the block's country cue names, if any
            shared_code = context.letters.get(written.lower())
            return WrittenCurrency(code=shared_code, text=written, end=match.end()) if shared_code else None
        code = self.suffixes.get(written) or self.suffixes_folded.get(written.lower())
        if written.lower() in BARE_DOLLAR_WORDS:  # "dollars", wire-style "dlrs": the block's dollar
            return WrittenCurrency(code=context.dollar, text=written, end=match.end())
        return WrittenCurrency(code=code, text=written, end=match.end())


def spaced_prefixes(prefixes: dict[str, str]) -> dict[str, str]:
    """The code-and-sign forms of currency prefixes ("CAD $", "NZD$", "US $", "RMB ¥") → ISO code: an ISO code
    that stands for itself before any one-character sign (with a space or glued, unless the table writes that form),
    and the upper-case letters of a glued variant ("US$", "HK$") before its sign with a space. One letter ("A $5")
    is left out: a capital "A" before an amount is more often the article.

    >>> spaced_prefixes({"CAD": "CAD", "$": "USD", "HK$": "HKD", "A$": "AUD", "Can$": "CAD"})["CAD $"]
    'CAD'
    >>> sorted(spaced_prefixes({"CAD": "CAD", "$": "USD", "HK$": "HKD", "A$": "AUD", "Can$": "CAD"}))
    ['CAD $', 'CAD$', 'HK $']
    """
    signs = {written for written in prefixes if len(written) == 1 and not written.isalnum()}
    spaced: dict[str, str] = {}
    for written, code in prefixes.items():
        letters, sign = written[:-1], written[-1:]
        if written == code and len(written) == 3 and written.isalpha() and written.isupper():
            spaced.update({form: code for each in signs for form in (f"{written} {each}", f"{written}{each}")
                           if form not in prefixes})
        elif sign in signs and len(letters) >= 2 and letters.isalpha() and letters.isupper():
            spaced[f"{letters} {sign}"] = code
    return spaced


def _first_characters(exact: list[str], folded: list[str]) -> str:
    """A pattern for the first character of any form: exact firsts as they are, folded ones case-insensitively.

    >>> _first_characters(["Rs"], ["euro", "EUR"])
    '[R]|(?i:[Ee])'
    """
    parts = []
    if exact:
        parts.append("[" + "".join(sorted({re.escape(form[0]) for form in exact if form})) + "]")
    if folded:
        parts.append("(?i:[" + "".join(sorted({re.escape(form[0]) for form in folded if form})) + "])")
    return "|".join(parts) or "(?!)"
