"""The dates stage as a spaCy component; importing the package registers ``orewire_dates``."""

from pipeline.components.dates.component import DateComponent, make_dates

__all__ = ["DateComponent", "make_dates"]
