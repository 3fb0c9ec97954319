"""The quantities stage (being split into parts)."""

from pipeline.components.quantities.stage import make_quantity_stage as make_quantities

__all__ = ["make_quantities"]
