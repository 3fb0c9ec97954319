"""The entities stage (being split into parts)."""

from pipeline.components.entities.stage import make_entity_stage as make_entities

__all__ = ["make_entities"]
