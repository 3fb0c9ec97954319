"""Plants and ports named once, between a determiner and their head word (applied by ``sites.facility_name``).

- "the Irigaray central processing plant" (moved here from ``sites.py``): an unknown name the text block writes only
  here, between "the" and a lower-case singular plant word (lower-case descriptors allowed, no verb or determiner),
  names the plant. An owner's name before its plant comes back elsewhere ("the Lynas processing plant" ... "Lynas
  said"): ORG.
- Twentieth session: the model often reads such a name as a place (LOC, GPE: "the Velkor process plant"); one that
  neither the gazetteer nor the town table knows is the plant's name too. A possessive owner may stand for "the",
  and a few lower-case adjectives may come between ("Kestrel's ageing Velkor ore dressing plant").
- Twentieth session: a port or terminal (``port_heads`` of ``cue_words.json``) is a facility like a plant ("the
  Harvik port"); its head may follow the name directly, and a known town keeps its place label ("the Durban port").
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.base import block_text
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import POSSESSIVE_CLITICS, clean_name

# Most lower-case words between a name met once and its plant word ("the Irigaray central processing plant").
MAX_PLANT_DESCRIPTORS = 4
# Parts of speech that end such descriptors: "the X financing a new refinery" says what X does, not what X names.
NOT_DESCRIBING = frozenset({"VERB", "AUX", "DET", "ADP", "PRON", "CCONJ", "PART"})
# A gerund the tagger reads as a verb still describes the plant ("ore dressing plant"); "the X financing a new
# refinery" stops at its determiner all the same.
GERUND = "VBG"
# Labels the model gives a plant's name; the place labels only for a name no place table knows.
NAME_MISREADS = frozenset({"ORG", "PERSON", "NORP"})
PLACE_MISREADS = frozenset({"GPE", "LOC"})
# Most lower-case adjectives between the determiner and the name ("the ageing X plant").
MAX_ADJECTIVES = 2
ADJECTIVE_TAGS = frozenset({"JJ", "VBG", "VBN"})


def lone_plant_name(span: Span, tables: EntityTables) -> bool:
    """Whether ``span`` names the plant or port after it (see the module's docstring)."""
    doc = span.doc
    if not span[0].is_title or not _determined(span) or span[-1].text in tables.org_suffix_words:
        return False
    name = clean_name(span.text)
    place_read = span.label_ in PLACE_MISREADS
    if span.label_ not in NAME_MISREADS and not place_read or tables.gazetteer.get(name) is not None:
        return False
    if block_text(doc).count(span[0].text) > 1:
        return False
    cues = tables.cues
    j = span.end
    while j < len(doc) and j - span.end < MAX_PLANT_DESCRIPTORS and doc[j].is_lower and doc[j].is_alpha \
            and (doc[j].pos_ not in NOT_DESCRIBING or doc[j].tag_ == GERUND or doc[j].lower_ in tables.site_descriptors) \
            and doc[j].lower_ not in cues.site_name_keywords | cues.port_heads:
        j += 1
    if j >= len(doc) or not doc[j].is_lower:
        return False
    if doc[j].lower_ in cues.port_heads:
        return name not in tables.towns
    plant_words = cues.site_name_keywords - cues.site_plurals - cues.site_keywords
    return span.end < j and doc[j].lower_ in plant_words and (not place_read or name not in tables.towns)


def _determined(span: Span) -> bool:
    """"the" or a possessive owner before the name, a few lower-case adjectives allowed between."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - 1 - i < MAX_ADJECTIVES and doc[i].is_lower and doc[i].tag_ in ADJECTIVE_TAGS:
        i -= 1
    return i >= 0 and (doc[i].lower_ == "the" or doc[i].text in POSSESSIVE_CLITICS)
