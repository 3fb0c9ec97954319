"""The quantity stage: importing this package registers the ``orewire_quantities`` factory."""

from pipeline.components.quantities.component import QuantityStage, make_quantities

__all__ = ["QuantityStage", "make_quantities"]
