"""Loading orewire records into a database (``orewire load``): DuckDB by default, PostgreSQL by URL.

``tables`` and ``archive_tables`` define the layout as data, ``layout`` turns it into DDL and the
docs' mapping table, ``records`` validates (and migrates) lines, ``backends`` talks to the
databases, and ``load`` streams files through them.
"""

from pipeline.db.backends import LoadError, open_backend
from pipeline.db.load import InvalidRecord, LoadSummary, load_files

__all__ = ["InvalidRecord", "LoadError", "LoadSummary", "load_files", "open_backend"]
