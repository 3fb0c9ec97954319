"""The events stage (being split into parts)."""

from pipeline.components.events.stage import make_event_stage as make_events

__all__ = ["make_events"]
