"""Archive-level consolidation (``orewire consolidate``): near-duplicate article groups,
cross-article entity keys and event clusters, computed in one streaming pass over fact files.

Modules, one job each: ``facts`` (read fact files as documents), ``keys`` (entity keys),
``signature`` (the per-document summary, the parallel step), ``articles`` (MinHash LSH
grouping), ``events`` (event clustering), ``entities`` (key aggregation), ``consolidate``
(the merge and the writer), ``dask_run`` (the per-document step on Dask).
"""
