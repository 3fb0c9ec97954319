"""``model_support.json``: the dependency roles that give a model-only ORG name no support
(``pipeline/components/entities/support.py``; issue 13, entities, eighteenth session)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

MODEL_SUPPORT_FILE = "model_support.json"


class ModelSupport(BaseModel):
    """The roles of a name's root that tell a noun modifier or a verbless fragment from a party in a clause."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    comment: str = Field("", alias="_comment")
    weak_roles: frozenset[str]  # "compound", "nmod": the name modifies another noun ("SEC standards")
