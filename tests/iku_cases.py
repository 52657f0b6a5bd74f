"""The mini project (TW II 2025) with the IKU settings of issue 12, written as an analyst would.

The real example of issue 12: a ratio IKU with 23 of 36 items in the quarter against a target
of 80 %. Worked out by hand for the mini project's IKU01 (pengaduan, difasilitasi = ya,
capped at 100, target 80 in every period):
- TW I: the fixture's one complaint (ADU-01, difasilitasi ya) → 1 / 1 = 100 %;
- TW II: 36 complaints, 23 difasilitasi → 23 / 36 = 63,888… → "63,89%"; capaian
  63,888… / 80 × 100 = 79,861… → "79,86%"; with the bands below: "Cukup" (60 ≤ 79,86 < 80);
- s.d. TW II: 24 / 37 = 64,864… → "64,86%"; capaian 64,864… / 80 × 100 = 81,081… → "81,08%",
  "Baik".
IKU02 (penempatan, summed): TW I 12 Orang (March), TW II 10 + 25 + 3 = 38 Orang, s.d. TW II 50;
targets tahunan 200, TW1 40, TW2 50.
"""

from __future__ import annotations

from conftest import Project

from lkj.book.tables import Tables
from lkj.compute.engine import compute
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import load_run
from lkj.values.registry import Registry

Y = "data/mini/2025"
UNIT = "data/mini/unit.yml"
BANDS = (
    "kriteria:\n"
    "  - {batas_bawah: 90, label: Sangat Baik}\n"
    "  - {batas_bawah: 80, label: Baik}\n"
    "  - {batas_bawah: 60, label: Cukup}\n"
    "  - {batas_bawah: 0, label: Kurang}\n"
)


def ratio_23_of_36(p: Project) -> None:
    """IKU01's TW II: 36 complaints, the first 23 difasilitasi (TW I keeps ADU-01)."""
    rows = [
        "id,tanggal,p3mi,negara,jenis_masalah,jenis_kelamin,difasilitasi,melalui_ssko",
        "ADU-01,2025-02-10,PT Contoh Jaya,Malaysia,A,P,ya,ya",
    ]
    for n in range(36):
        done = "ya" if n < 23 else "tidak"
        rows.append(f"ADU-{n + 10},2025-05-{n % 28 + 1:02d},,Taiwan,C,L,{done},tidak")
    p.write(f"{Y}/pengaduan.csv", "\n".join(rows) + "\n")


def unit(p: Project, text: str) -> None:
    p.write(UNIT, text)


def built(p: Project) -> tuple[Inputs, Registry, Tables]:
    inputs = load_inputs(load_run(p.params))
    reg = compute(inputs)
    return inputs, reg, Tables(inputs, reg)


def texts(rows) -> list[list[str]]:
    return [[c.text for c in row] for row in rows]
