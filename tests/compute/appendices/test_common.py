"""lkj.compute.appendices.common: ids from data labels, file order, the shared context."""

from __future__ import annotations

import pandas as pd

from lkj.compute.appendices.common import SEXES, Ctx, lines, ordered, slug
from lkj.inputs.load import Inputs
from lkj.values.registry import Registry


def test_slug_makes_stable_ids_from_labels() -> None:
    assert slug("BP3MI Jawa Tengah/P4MI") == "bp3mi_jawa_tengah_p4mi"
    assert slug("LTSA/MPP") == "ltsa_mpp"
    assert slug("  --  ") == "kosong"
    assert slug(12) == "12"


def test_ordered_keeps_first_appearance() -> None:
    assert ordered(pd.Series(["b", "a", "b", 3, "a"])) == ["b", "a", "3"]


def test_lines_are_the_row_column() -> None:
    assert lines(pd.DataFrame({"_row": [2, 5, 9]})) == (2, 5, 9)
    assert SEXES == ("L", "P")


def counting(reg: Registry, inputs: Inputs) -> None:
    """Stands for a subject's compute function in the test below."""


def test_ctx_counts_sums_and_names_its_function(mini_inputs: Inputs) -> None:
    reg = Registry()
    ctx = Ctx.of(reg, mini_inputs, counting, unit="Kasus")
    table = mini_inputs.table("pengaduan")
    rows = ctx.rows(table)
    assert sorted(rows["id"]) == ["ADU-02", "ADU-03"]  # April–June 2025 only
    ctx.count("x.l", table, rows[rows["jenis_kelamin"] == "L"], "L", "jenis_kelamin = L")
    ctx.count("x.p", table, rows[rows["jenis_kelamin"] == "P"], "P", "jenis_kelamin = P")
    ctx.total("x.total", ["x.l", "x.p"], "Jumlah")
    assert [reg[k].value for k in ("x.l", "x.p", "x.total")] == [1, 1, 2]
    assert reg["x.l"].sources[0].rows == (3,) and reg["x.p"].sources[0].rows == (4,)
    assert reg["x.total"].inputs == ("x.l", "x.p") and reg["x.total"].unit == "Kasus"
    assert ctx.period in reg["x.l"].formula and ctx.period.startswith("Triwulan II")
    assert {reg[k].function for k in ("x.l", "x.total")} == {f"{__name__}.counting"}
    recap = ctx.using("Kegiatan", appendix_max_rows=1)
    recap.count("y", table, rows, "Y", "semua")
    assert reg["y"].unit == "Kegiatan" and reg["y"].params["appendix_max_rows"] == 1
    assert "appendix_max_rows" not in reg["x.l"].params
