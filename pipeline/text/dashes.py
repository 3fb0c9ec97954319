"""The hyphen-like and dash-like characters, each named once.

Stages build the few marks they need from these names; the sets differ on purpose (the hyphen inside a compound
word, the mark joining a pair of names, a dash standing between spaces), and each says where it is defined what it
is for. Unicode names: U+002D HYPHEN-MINUS, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, U+2013 EN DASH, U+2014 EM DASH.
"""

from __future__ import annotations

import re

HYPHEN_MINUS = "-"
HYPHEN = "\u2010"
NON_BREAKING_HYPHEN = "\u2011"
EN_DASH = "\u2013"
EM_DASH = "\u2014"

# Marks of a hyphen: they join the parts of one word.
HYPHEN_LIKE = (HYPHEN_MINUS, HYPHEN, NON_BREAKING_HYPHEN)
# Marks of a dash: they part words or clauses, and between two names join a pair ("US–Australia").
DASH_LIKE = (EN_DASH, EM_DASH)

# Where a name parts into its words: spaces, the hyphens and the en dash ("TSX-V", "TSX‐V", "SEG–HRE").
WORD_BREAKS = re.compile(rf"[\s{re.escape(''.join(HYPHEN_LIKE))}{EN_DASH}]+")
