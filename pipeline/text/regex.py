"""Regular-expression helpers shared by every stage that compiles patterns from word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(forms: Iterable[str]) -> str:
    """An ungrouped alternation of ``forms``, escaped, longest first so "kt" never wins over "ktpa"."""
    return "|".join(re.escape(form) for form in sorted(set(forms), key=lambda form: (-len(form), form)))
