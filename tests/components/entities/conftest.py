"""Fixtures shared by the entity-stage tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def tables(nlp):
    """The entity stage's word tables, as the pipeline loaded them."""
    return nlp.get_pipe("orewire_entities").tables
