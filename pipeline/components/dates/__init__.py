"""The dates stage (being split into parts)."""

from pipeline.components.dates.stage import make_date_stage as make_dates

__all__ = ["make_dates"]
