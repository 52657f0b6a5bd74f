"""The annual book computes nothing twice: its year is TW IV's "s.d. TW IV", its budget Tabel 18's.

For every IKU of both shipped units the annual tables cite `ikuNN.sd_tw4.*` and the annual run's
registry holds the same figures as the TW IV run's; the budget totals are the TW IV book's
Tabel 18 figures and the year's spending summed straight from realisasi_anggaran.csv.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from lkj.book.core import Book
from lkj.book.tablespec import Cell

ROOT = Path(__file__).resolve().parents[2]
UNITS = ("jateng", "nusantara", "labnusa")


@cache
def _book(name: str) -> Book:
    return Book.open(ROOT / f"params/{name}.yml")


def _books(unit: str) -> tuple[Book, Book]:
    return _book(f"{unit}-2025-tahunan"), _book(f"{unit}-2025-tw4")


def _ids(row: list[Cell | str]) -> list[str]:
    return [c.value_id for c in row if isinstance(c, Cell) and c.value_id]


@pytest.mark.parametrize("unit", UNITS)
def test_the_year_of_every_iku_is_the_tw4_cumulative_value(unit: str) -> None:
    annual, tw4 = _books(unit)
    rows = annual.tables.capaian_tahunan().body[:-1]  # the last row is the average
    by_iku = {ids[0].split(".")[0]: ids for ids in map(_ids, rows)}  # rows go by sasaran
    assert sorted(by_iku) == sorted(i.key for i in annual.pk.iku)
    for iku in annual.pk.iku:
        cited = by_iku[iku.key]
        banded = bool(iku.kriteria if iku.kriteria is not None else annual.inputs.unit.kriteria)
        assert cited == [
            f"{iku.key}.target",
            f"{iku.key}.sd_tw4.realisasi",
            f"{iku.key}.sd_tw4.capaian",
            *([f"{iku.key}.sd_tw4.kriteria"] if banded else []),  # a unit with bands (labnusa)
        ]
        for value_id in cited:
            assert annual.reg[value_id].value == tw4.reg[value_id].value, value_id
            assert annual.reg[value_id].display == tw4.reg[value_id].display, value_id


@pytest.mark.parametrize("unit", UNITS)
def test_the_budget_totals_are_tabel_18_at_tw4(unit: str) -> None:
    annual, tw4 = _books(unit)
    tabel18 = tw4.tables.anggaran().body[-1]
    annual_total = annual.tables.anggaran_tahunan().body[-1]
    shared = set(_ids(tabel18)) & set(_ids(annual_total))
    assert {"anggaran.total.pagu", "anggaran.total.realisasi", "anggaran.total.persen"} <= shared
    for value_id in shared:
        assert annual.reg[value_id].value == tw4.reg[value_id].value
    with (ROOT / f"data/{unit}/2025/realisasi_anggaran.csv").open(encoding="utf-8") as f:
        spent = sum(int(r["realisasi"]) for r in csv.DictReader(f))
    assert annual.reg["anggaran.total.realisasi"].value == spent


def test_annual_values_follow_from_the_files_by_hand() -> None:
    """Jawa Tengah IKU 7: 29.436 placed in 2025 (data/README.md), 30.112 in 2024 and a 2029
    Renstra target of 35.000 (riwayat.csv, renstra.csv)."""
    reg = _book("jateng-2025-tahunan").reg
    assert reg["iku07.sd_tw4.realisasi"].value == 29436
    assert reg["tahunan.iku07.selisih_lalu"].value == 29436 - 30112
    assert reg["tahunan.iku07.renstra.akhir"].value == 35000
    assert reg["tahunan.iku07.renstra.capaian_akhir"].value == pytest.approx(29436 / 35000 * 100)
    assert reg["tahunan.iku07.renstra.posisi"].value == pytest.approx(31000 / 35000 * 100)
    assert reg["tahunan.iku07.renstra.capaian_akhir"].sources == ()
    assert [s.file for s in reg["tahunan.iku07.riwayat.2024"].sources] == [
        "data/jateng/riwayat.csv"
    ]
    # efficiency = mean capaian of the kegiatan's IKUs / % of its pagu spent (K1: 4.540.462.779
    # of 4.826.057.000, data/README.md)
    absorbed = 4540462779 / 4826057000 * 100
    assert reg["tahunan.k1.efisiensi"].value == pytest.approx(
        reg["kegiatan.k1.sd_tw4.capaian"].value / absorbed
    )
    assert reg["tahunan.k1.efisiensi"].inputs == (
        "kegiatan.k1.sd_tw4.capaian",
        "anggaran.k1.persen",
    )


def test_lower_is_better_and_categories_on_the_plan_path() -> None:
    """Nusantara IKU 2 (lower is better, selisih rule): 7 against an end target of 8 and a 2025
    Renstra target of 12; IKU 4 (category): A reaches the end target A."""
    reg = _book("nusantara-2025-tahunan").reg
    assert reg["tahunan.iku02.renstra.capaian_akhir"].value == pytest.approx((2 - 7 / 8) * 100)
    assert reg["tahunan.iku02.renstra.posisi"].value == pytest.approx((2 - 12 / 8) * 100)
    assert reg["tahunan.iku04.renstra.capaian_akhir"].value == 100
    assert "tahunan.iku04.selisih_lalu" not in reg  # categories are not subtracted


def test_a_quarterly_run_has_no_annual_value() -> None:
    reg = _book("jateng-2025-tw4").reg
    assert reg.ids("tahunan.*") == []
