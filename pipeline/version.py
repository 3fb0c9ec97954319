"""The package version, in a module of its own so submodules can read it without importing ``pipeline``
(which imports them: a circle)."""

__version__ = "0.1.0"
