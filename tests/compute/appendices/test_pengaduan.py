"""Complaints appendix: the mini TW II complaints are ADU-02 (April, no P3MI, Taiwan, type C,
L) and ADU-03 (May, PT Sampel Abadi, Hongkong, type E, P)."""

from __future__ import annotations

from lkj.compute.appendices.pengaduan import pengaduan_rows
from lkj.inputs.load import Inputs
from lkj.values.registry import Registry


def test_rows_per_month_p3mi_and_country(mini_inputs: Inputs) -> None:
    rows = pengaduan_rows(mini_inputs, 2)
    assert [(r["n"], r["bulan"], r["p3mi"], r["negara"]) for r in rows] == [
        (1, 4, "-", "Taiwan"),
        (2, 5, "PT Sampel Abadi", "Hongkong"),
    ]
    assert pengaduan_rows(mini_inputs, 3) == []


def test_counts_by_row_type_and_sex(mini_reg: Registry) -> None:
    assert mini_reg["pengaduan.r1.c.l"].value == 1
    assert "pengaduan.r1.c.p" not in mini_reg  # empty cells of a row are not values
    assert mini_reg["pengaduan.r1.l"].value == 1 and mini_reg["pengaduan.r1.p"].value == 0
    assert mini_reg["pengaduan.r2.total"].value == 1
    assert mini_reg["pengaduan.jenis.c.l"].value == 1
    assert mini_reg["pengaduan.jenis.a.p"].value == 0  # ADU-01 is February
    assert mini_reg["pengaduan.total.l"].value == 1 == mini_reg["pengaduan.total.p"].value
    total = mini_reg["pengaduan.total"]
    assert (total.value, total.unit) == (2, "Kasus")
    assert total.function == "lkj.compute.appendices.pengaduan.compute"
