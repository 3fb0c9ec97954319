"""Text tables (``pipeline/components/quantities/tables.py``): a bare figure under a header cell that names its unit in
brackets is measured in it. Tables written for these tests."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.components.quantities.tables import header_unit
from pipeline.schema.labels import QUANTITY_GROUP

TABLE = (
    "| Kestrel site | Output (thousand tonnes) | Cash cost (US$/t) | Recovery (%) | Crews |\n"
    "|---|---:|---|---|---|\n"
    "| Yarra Creek | 118 | 6,450 | 81.5 | 14 |\n"
    "| Marlin Hill | 40 – 45 | 7,020 | 77 | 9 |\n"
)


@pytest.mark.parametrize(("figure", "unit"), [
    ("118", "thousand tonnes"), ("6,450", "US$/t"), ("81.5", "%"), ("14", None), ("Yarra", None),
])
def test_header_unit_is_the_bracketed_unit_of_the_figures_column(figure, unit):
    assert header_unit(TABLE, TABLE.index(figure)) == unit


def test_a_figure_outside_a_table_row_has_no_header_unit():
    text = "Output (thousand tonnes) rose.\n118 tonnes more.\n"
    assert header_unit(text, text.index("118")) is None


def test_the_figures_of_a_table_take_their_columns_units(nlp):
    doc = make_block_doc(nlp, TABLE)
    found = [(span.text, q["value"], q["low"], q["high"], q["unit"])
             for span in doc.spans[QUANTITY_GROUP] for q in [span._.orewire_quantity]]
    assert found == [
        ("118", 118000, None, None, "t"), ("6,450", 6450, None, None, "USD/t"), ("81.5", 81.5, None, None, "%"),
        ("40 – 45", None, 40000, 45000, "t"), ("7,020", 7020, None, None, "USD/t"), ("77", 77, None, None, "%"),
    ]
