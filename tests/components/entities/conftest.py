"""Fixtures shared by the entity-stage tests."""

from __future__ import annotations

import pytest
import spacy


@pytest.fixture(scope="module")
def tables(nlp):
    """The entity stage's word tables, as the pipeline loaded them."""
    return nlp.get_pipe("orewire_entities").tables


@pytest.fixture(scope="module")
def blank_entities():
    """The entity stage alone on ``spacy.blank("en")``: its rules without the statistical model."""
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_entities")
    return nlp
