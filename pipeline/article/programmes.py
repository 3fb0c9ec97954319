"""Title-case schemes read as organisations (issue 13, entities, seventeenth session, third round).

A funding programme or a national mission is written like a body ("the Nickel Financial Assistance Program",
"the National Critical Mineral Mission") and the model tags it ORG, but it names no organisation. What gives it
away is the article itself: a scheme's name is a description in capitals, so the article also writes its words in
lower case when it talks about the thing ("support nickel producers", "financial assistance"), while a body's name
is a name ("Energy Resource Governance Initiative" in a story that never writes "governance"). An ORG group whose
last word is a scheme head (``programmes.json``) and whose every other word, but for a scope word ("National") or
a joiner, the article also writes in lower case, is dropped. A funding pot closes with "Fund" the same way ("a
grant under the X Fund" in a story about X); a lender's name, a name in its own right ("National Wealth Fund"),
fails the lower-case test and stays.
"""

from __future__ import annotations

import re

from pipeline.resources.programmes import ProgrammeWords, programme_words
from pipeline.schema.records import EntityRecord

LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def scheme_name(name: str, lower_words: frozenset[str], words: ProgrammeWords) -> bool:
    """Whether ``name`` ends in a scheme head and the article writes each of its other content words in lower case."""
    parts = name.split()
    if len(parts) < 2 or parts[-1] not in words.heads:
        return False
    content = [part for part in parts[:-1] if part not in words.joiners]
    while content and content[0] in words.scope_words:
        content = content[1:]
    return bool(content) and all(part[:1].isupper() and part.lower() in lower_words for part in content)


def without_schemes(records: list[EntityRecord], text: str) -> list[EntityRecord]:
    """The records less the ORG groups that name a scheme the article describes in its own lower-case words."""
    words = programme_words()
    candidates = {record.normalized for record in records
                  if record.label == "ORG" and set(record.normalized.split()[-1:]) & words.heads}
    if not candidates:
        return records  # most articles name no scheme: the article's lower-case words are not collected
    lower_words = frozenset(LOWER_WORD.findall(text))
    schemes = {name for name in candidates if scheme_name(name, lower_words, words)}
    return [record for record in records if not (record.label == "ORG" and record.normalized in schemes)]
