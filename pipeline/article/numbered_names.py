"""Short forms of company names with a number in them (issue 13, entities round 15).

Companies named after a number ("Cobalt 27 Capital Corp.", "Element 25 Limited", "Nickel 28 Capital Corp.") are
written short as their first word and the number ("Cobalt 27 shareholders", "Element 25 stated"). The model reads
such a short form as the metal or a common word ("Cobalt" a commodity), which adds a commodity the story never
names and loses the company's mention. Once the article has named an ORG that opens with a capitalised word and a
number of up to three digits, every word-bounded "<word> <number>" of the same spelling is that company: the record
on it becomes an ORG mention of the company's name (the number must not go on as a decimal, a range or a
thousands group: "Cobalt 27.5" stays out). Only a record the stages made is turned; a short form no stage read
adds nothing, as the group is written by its other mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.schema.records import EntityRecord

NUMBERED_OPENING = re.compile(r"[A-Z][\w&'’-]* \d{1,3}(?!\w)")
# After the number: no letter or digit, and no decimal or thousands part ("27.5", "27,000").
SHORT_FORM_END = r"(?![\w]|[.,]\d)"


def numbered_short_forms(records: Sequence[EntityRecord], text: str) -> list[EntityRecord]:
    """The records, with those on a numbered company's short form made mentions of that company."""
    owners: dict[str, EntityRecord] = {}
    for record in records:
        if record.label == "ORG" and (opening := NUMBERED_OPENING.match(record.normalized)):
            owners.setdefault(opening.group(0), record)
    result = list(records)
    dropped: set[int] = set()
    for short, owner in owners.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(short)}{SHORT_FORM_END}", text):
            start, end = match.span()
            overlapping = [i for i, record in enumerate(result) if record.start < end and start < record.end]
            if not overlapping or any(result[i].label == "ORG" for i in overlapping):
                continue  # no stage read it, or it is already a company's name (the full name itself)
            first, *rest = overlapping
            result[first] = result[first].model_copy(update={
                "id": f"{result[first].doc_id}#entity:{start}-{end}", "text": short, "start": start, "end": end,
                "label": "ORG", "normalized": owner.normalized, "kb_id": owner.kb_id, "commodity": None})
            dropped.update(rest)
    return [record for index, record in enumerate(result) if index not in dropped]
