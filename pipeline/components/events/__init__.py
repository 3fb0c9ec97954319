"""The events stage: importing this package registers the ``orewire_events`` factory."""

from pipeline.components.events.component import EventsComponent, make_events

__all__ = ["EventsComponent", "make_events"]
