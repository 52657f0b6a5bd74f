"""Placements appendix: the mini data's TW II rows are 2025-04 P4MI Reguler Formal L 10,
2025-04 P4MI Reguler Informal P 25 and 2025-05 LTSA/MPP Mandiri/Pelaut Formal L 3."""

from __future__ import annotations

from lkj.compute.appendices import penempatan
from lkj.compute.appendices.penempatan import penempatan_columns, penempatan_layout
from lkj.inputs.load import Inputs
from lkj.provenance.manifest import code_location
from lkj.values.registry import Registry


def test_layout_in_file_order(mini_inputs: Inputs) -> None:
    assert penempatan_layout(mini_inputs) == {
        "layanan": ["P4MI", "LTSA/MPP"],
        "skema": ["Reguler", "Mandiri/Pelaut"],
        "sektor": ["Formal", "Informal"],
    }
    columns = penempatan_columns(mini_inputs)
    assert len(columns) == 8 and columns[0] == ("Reguler", "Formal", "L")


def test_cells_and_totals(mini_reg: Registry) -> None:
    assert mini_reg["penempatan.m04.p4mi.reguler.formal.l"].value == 10
    assert mini_reg["penempatan.m04.p4mi.reguler.informal.p"].value == 25
    assert mini_reg["penempatan.m05.ltsa_mpp.mandiri_pelaut.formal.l"].value == 3
    assert mini_reg["penempatan.m04.total"].value == 35
    assert mini_reg["penempatan.m05.total"].value == 3
    assert mini_reg["penempatan.m06.total"].value == 0
    assert mini_reg["penempatan.total.p4mi.reguler.formal.l"].value == 10
    assert mini_reg["penempatan.total.total.reguler.informal.p"].value == 25
    assert mini_reg["penempatan.total"].value == 38
    assert "penempatan.m03.total" not in mini_reg  # March is TW I


def test_values_name_the_subject_function(mini_reg: Registry) -> None:
    v = mini_reg["penempatan.m04.p4mi.reguler.formal.l"]
    assert v.function == "lkj.compute.appendices.penempatan.compute"
    assert v.params == {"unit": "mini", "year": 2025, "quarter": 2}
    assert v.sources[0].rows == (3,) and v.sources[0].file.endswith("penempatan.csv")
    code = code_location(v.function)
    assert code["file"] == "src/lkj/compute/appendices/penempatan.py"
    assert code["source"].startswith("def compute(")
    assert penempatan.compute.__module__ == "lkj.compute.appendices.penempatan"
