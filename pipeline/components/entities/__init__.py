"""The ``orewire_entities`` component and its parts; importing the package registers the factory."""

from pipeline.components.entities.component import EntityStage, make_entities

__all__ = ["EntityStage", "make_entities"]
