"""``person_cues.json``: the word lists of the article-level person rules (``pipeline/article/lone_persons.py``,
``pipeline/article/byline_names.py``, ``pipeline/article/unsupported_names.py``; issue 13, entities rounds 14 and 15),
plus the reporting verbs, title words, legal forms and organisation words of ``cue_words.json``."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from pipeline.resources.entities import CUE_WORDS_FILE, DEFAULT_FOLDER
from pipeline.resources.entity_cues import CueWords
from pipeline.resources.files import load_json

PERSON_CUES_FILE = "person_cues.json"


class PersonCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    comment: str = Field("", alias="_comment")
    leader_bodies: frozenset[str]  # "the X administration": a leader's name goes before
    organisation_possessions: frozenset[str]  # "X's operations": what a company owns
    byline_labels: frozenset[str]  # "Author" over a byline line
    byline_roles: frozenset[str]  # "Correspondent" under a byline line
    stamp_words: frozenset[str] = frozenset()  # "Published Monday, June 11, 2018": a date stamp under a source line
    reporting_verbs: frozenset[str] = frozenset()  # "X said", "said X" (cue_words.json)
    person_context_words: frozenset[str] = frozenset()  # "economics lecturer X", "X ... he": signs of a person
    title_words: frozenset[str] = frozenset()  # titles, honorifics, job-title words, adviser roles (cue_words.json)
    company_words: frozenset[str] = frozenset()  # legal forms and organisation words, lower case (cue_words.json)


@lru_cache(maxsize=1)
def person_cues(folder: str = DEFAULT_FOLDER) -> PersonCues:
    """The packaged person cue lists, loaded once (the rules run on records, outside any component)."""
    words = load_json(f"{folder}/{CUE_WORDS_FILE}", CueWords)
    titles = (words.person_titles | words.honorifics | words.job_title_words | words.portfolio_titles
              | words.adviser_roles)
    return load_json(f"{folder}/{PERSON_CUES_FILE}", PersonCues).model_copy(
        update={"reporting_verbs": words.reporting_verbs, "title_words": frozenset(t.lower() for t in titles),
                "company_words": frozenset(w.lower() for w in words.legal_forms | words.org_name_words)})
