"""Short forms defined by the wider bracket shapes (``pipeline.article.linking_brackets``), read through
``linking.find_abbreviations`` and applied by ``link_entities``."""

from __future__ import annotations

import pytest
from support import entity_record

from pipeline.article.linking import find_abbreviations, link_entities
from pipeline.article.linking_brackets import bracket_short_form

WIDER_BRACKETS = [
    # a legal form after a comma between the name and its code
    ("Harbour Mines, Inc. (HMI) owns the lode; HMI said little.", "Harbour Mines", "HMI"),
    # a quoted short name of two words
    ("Kestrel Metals Canada Ltd. (“Kestrel Metals”) won a grant; Kestrel Metals said so.",
     "Kestrel Metals Canada Ltd.", "Kestrel Metals"),
    # a legal prefix and a code
    ("Its unit PT Teluk Sari Makmur (PT TSM) runs the kiln; PT TSM ships it.", "PT Teluk Sari Makmur", "PT TSM"),
    # the name in the home language, then its acronym
    ("The Lake Miners Guild (Perkumpulan Penambang Danau, PPD) met; PPD objected.", "Lake Miners Guild", "PPD"),
]


@pytest.mark.parametrize(("text", "long_name", "short_name"), WIDER_BRACKETS)
def test_wider_bracket_defines_the_short_form(text: str, long_name: str, short_name: str) -> None:
    long = entity_record(long_name, text.index(long_name))
    short = entity_record(short_name, text.rindex(short_name))
    assert bracket_short_form(long, text) == short_name
    assert find_abbreviations([long, short], text) == {short_name: long}
    assert [record.normalized for record in link_entities([long, short], text)] == [long_name, long_name]


@pytest.mark.parametrize(("text", "long_name"), [
    ("Harbour Mining Ltd (Canada) grew.", "Harbour Mining Ltd"),  # a place in brackets, one token: not read here
    ("PT Teluk Sari Tbk (NCKL) rose.", "PT Teluk Sari Tbk"),  # a ticker of other letters
    ("Harbour Mines, Inc. (XYZ) rose.", "Harbour Mines"),  # a code of other letters after the legal form
    ("Harbour Bay (Toronto, TSX) rose.", "Harbour Bay"),  # a place and an exchange: not the initials
    ("Kestrel Metals Canada Ltd. (“Osprey Metals”) rose.", "Kestrel Metals Canada Ltd."),  # another name
])
def test_brackets_that_define_no_short_form(text: str, long_name: str) -> None:
    long = entity_record(long_name, text.index(long_name))
    assert bracket_short_form(long, text) is None
