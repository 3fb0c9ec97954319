"""``models/entities/known_sites.jsonl``: named mines, plants and projects the news writes without a head word."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from pipeline.resources.files import ResourceReader

KNOWN_SITES_FILE = "known_sites.jsonl"


class KnownSite(BaseModel):
    """One site: its name as written, and the commodity and country (ISO 3166-1) that put it on the list."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    country: str
    commodity: str


def load_known_sites(reader: ResourceReader, folder: str) -> frozenset[str]:
    """The listed site names."""
    return frozenset(row.name for row in reader.jsonl(f"{folder}/{KNOWN_SITES_FILE}", KnownSite))
