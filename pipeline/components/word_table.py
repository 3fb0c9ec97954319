"""A bounded table of what a string hash alone decides (its text, its lower-cased form, its length), kept between
Docs by the component that owns it, so a Doc's words are looked up in the vocab only the first time they occur."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

Value = TypeVar("Value")
# How many hashes a table keeps before it starts again (a bounded cache, like the token attributes').
MAX_WORDS = 100_000


class WordTable(Generic[Value]):
    """``make(hash)`` per hash, computed once: the value must depend on the hash alone (a hash names one string)."""

    def __init__(self, make: Callable[[int], Value], limit: int = MAX_WORDS) -> None:
        self.make = make
        self.limit = limit
        self.values: dict[int, Value] = {}

    def column(self, keys: list[int]) -> list[Value]:
        """The value of every key, in order."""
        values = self.values
        try:
            return list(map(values.__getitem__, keys))
        except KeyError:
            new = set(keys).difference(values)
            if len(values) + len(new) > self.limit:
                values.clear()
                new = set(keys)
            make = self.make
            values.update((key, make(key)) for key in new)
            return list(map(values.__getitem__, keys))
