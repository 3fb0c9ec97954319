"""The ``orewire_entities`` component and its parts; importing the package registers the factory."""

from pipeline.components.entities.component import EntityComponent, make_entities

__all__ = ["EntityComponent", "make_entities"]
