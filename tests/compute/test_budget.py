"""lkj.compute.budget on the mini data: pagu.csv K1 1.000.000.000 → 900.000.000, K2
500.000.000 → 550.000.000; realisasi_anggaran.csv has the rows counted by hand below."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lkj.compute.engine import compute_run
from lkj.values.registry import Registry

MINI = Path(__file__).resolve().parents[1] / "fixtures/mini"


@pytest.fixture(scope="module")
def reg() -> Registry:
    return compute_run(MINI / "params/mini-2025-tw2.yml")


@pytest.fixture(scope="module")
def spent() -> pd.DataFrame:
    df = pd.read_csv(MINI / "data/mini/2025/realisasi_anggaran.csv")
    return df.assign(quarter=(df["bulan"].str[5:7].astype(int) - 1) // 3 + 1)


def test_pagu_per_kegiatan_and_total(reg: Registry) -> None:
    assert reg["anggaran.k1.pagu_awal"].value == 1_000_000_000
    assert reg["anggaran.k1.pagu"].value == 900_000_000
    assert reg["anggaran.total.pagu_awal"].value == 1_500_000_000
    assert reg["anggaran.total.pagu"].value == 1_450_000_000
    assert reg["anggaran.k2.pagu"].sources[0].rows == (3,)


def test_realisation_per_quarter_and_up_to_the_report_quarter(
    reg: Registry, spent: pd.DataFrame
) -> None:
    for kode in ("K1", "K2"):
        mine = spent[spent["kegiatan"] == kode]
        for q in (1, 2):
            want = int(mine.loc[mine["quarter"] == q, "realisasi"].sum())
            assert reg[f"anggaran.{kode.lower()}.tw{q}.realisasi"].value == want
        assert reg[f"anggaran.{kode.lower()}.realisasi"].value == int(
            mine.loc[mine["quarter"] <= 2, "realisasi"].sum()
        )
    assert "anggaran.k1.tw3.realisasi" not in reg
    total = int(spent.loc[spent["quarter"] <= 2, "realisasi"].sum())
    assert reg["anggaran.total.realisasi"].value == total
    assert reg["anggaran.total.sisa"].value == 1_450_000_000 - total
    assert reg["anggaran.total.persen"].value == pytest.approx(total / 1_450_000_000 * 100)


def test_lineage(reg: Registry) -> None:
    assert reg["anggaran.k1.pagu"].function == "lkj.compute.budget.compute"
    assert reg["anggaran.k1.persen"].function == "lkj.compute.rules.ratio_percent"
    assert reg["anggaran.total.persen"].inputs == (
        "anggaran.total.realisasi",
        "anggaran.total.pagu",
    )
    assert reg["anggaran.total.sisa"].params == {"unit": "mini", "year": 2025, "quarter": 2}
