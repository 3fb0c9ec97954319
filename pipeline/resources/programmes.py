"""``programmes.json``: the words of title-case scheme names (``pipeline/article/programmes.py``; issue 13, entities,
seventeenth session, third round)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from pipeline.resources.entities import DEFAULT_FOLDER
from pipeline.resources.files import load_json

PROGRAMMES_FILE = "programmes.json"


class ProgrammeWords(BaseModel):
    """The words that tell a funding programme's or mission's name from a body's."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    comment: str = Field("", alias="_comment")
    heads: frozenset[str]  # "Program", "Mission": the last word of a scheme's name
    scope_words: frozenset[str]  # "National": whose the scheme is, need not be written in lower case
    joiners: frozenset[str]  # "of", "for": lower-case words inside a name


@lru_cache(maxsize=1)
def programme_words(folder: str = DEFAULT_FOLDER) -> ProgrammeWords:
    """The packaged scheme heads, scope words and joiners, loaded once."""
    return load_json(f"{folder}/{PROGRAMMES_FILE}", ProgrammeWords)
