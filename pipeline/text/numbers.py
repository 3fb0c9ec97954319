"""Pure number parsing: digits with separators, spelled-out numbers and scale words.

No spaCy here: these functions take the lexicon mappings they need, so they can
be tested (and property-tested) without a pipeline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

# Thousands grouped by commas ("1,234,567"), the Indian lakh grouping ("2,76,000" = 276,000; "1,25,00,000" = one
# crore and a quarter), or no grouping.
# A spelled number's "and a half" ("two and a half"), lower-cased and with hyphens as spaces.
AND_A_HALF = " and a half"
DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?")

# A comma before one or two digits that end the number ("237,4", "0,35"; not "2,76,000" nor "1,2,3"): only a decimal
# comma writes that. A point between digits ending the number ("1.5", not "03.03.2015") is a decimal point.
DECIMAL_COMMA = re.compile(r"(?<![\d,.])\d+(,)\d{1,2}(?!\d|[,.]\d)")
DECIMAL_POINT = re.compile(r"(?<![\d,.])\d+\.\d+(?!\d|[,.]\d)")

# "66⅔%", "2½ years": a Unicode vulgar fraction glued after the digits (its value is the character's own,
# from unicodedata).
VULGAR_FRACTION = "[\u00bc-\u00be\u2150-\u215e]"
_VULGAR_FRACTION = re.compile(VULGAR_FRACTION)


def tidy(value: float) -> float:
    """Round away binary noise from scaling ("1.68 * 1e6" gives 1680000.0, not 1679999.9999999998)."""
    return float(f"{value:.15g}")


def parse_digits(text: str) -> float | None:
    """Parse "1,234.5", "1234.5", "12", "2,76,000" (Indian grouping) or "66⅔" (a vulgar fraction after whole
    digits); None when ``text`` is not one such number.

    >>> parse_digits("66⅔") == 66 + 2 / 3, parse_digits("1.5½")
    (True, None)
    """
    fraction = 0.0
    if text and _VULGAR_FRACTION.fullmatch(text[-1]):
        fraction, text = unicodedata.numeric(text[-1]), text[:-1]
        if "." in text:
            return None  # "1.5½" is no number
    if DIGITS.fullmatch(text) is None:
        return None
    return float(text.replace(",", "")) + fraction


def parse_spelled(text: str, words: Mapping[str, float]) -> float | None:
    """Parse "five", "Twenty-five", "a dozen", "two and a half" with the ``words`` lexicon (lower-case keys).

    >>> parse_spelled("five-and-a-half", {"five": 5.0})
    5.5
    """
    key = " ".join(text.lower().replace("-", " ").split())
    if key.endswith(AND_A_HALF) and key != AND_A_HALF.strip():
        whole = parse_spelled(key[: -len(AND_A_HALF)], words)
        return None if whole is None else whole + 0.5
    if key in words:
        return words[key]
    parts = key.split(" ")
    if len(parts) == 2 and parts[0] in words and parts[1] in words:
        tens, ones = words[parts[0]], words[parts[1]]
        if tens >= 20 and tens % 10 == 0 and tens < 100 and 1 <= ones <= 9 and ones == int(ones):
            return tens + ones
    return None


def scale_factor(word: str, scales: Mapping[str, float]) -> float | None:
    """The multiplier of a scale word: exact spelling first ("M", "B"), then lower case."""
    if word in scales:
        return scales[word]
    return scales.get(word.lower())


def apply_range_scale(low: float, high: float, factor: float) -> tuple[float, float]:
    """Scale a range whose scale word is written once, after the high end.

    "1.68-1.7 million" scales both ends; "500,000-1.2 million" only the high end
    (the low end is already larger than the unscaled high end).
    """
    scaled_high = tidy(high * factor)
    if low <= high:
        return tidy(low * factor), scaled_high
    return low, scaled_high


def writes_decimal_commas(text: str) -> bool:
    """Whether a text writes decimals with a comma: its unambiguous decimal commas ("237,4 million") outnumber its
    decimal points ("1.5"). A comma before three digits ("8,805") stays a thousands separator either way.

    >>> writes_decimal_commas("237,4 million tons at 0,3 percent; 8,805 tonnes"), writes_decimal_commas("1.5 or 2,5")
    (True, False)
    """
    commas = sum(1 for _ in DECIMAL_COMMA.finditer(text))
    return commas > 0 and commas > sum(1 for _ in DECIMAL_POINT.finditer(text))


def point_decimal_commas(text: str) -> str:
    """``text`` with each unambiguous decimal comma written as a point ("237,4" -> "237.4"); same length, so every
    offset still points into the original text."""
    characters = list(text)
    for match in DECIMAL_COMMA.finditer(text):
        characters[match.start(1)] = "."
    return "".join(characters)
