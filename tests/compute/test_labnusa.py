"""The third, fictional unit (data/labnusa: a provincial health laboratory, `jenis: umum`) runs
through the same code with its own datasets, bands and declared appendices.

Every expected figure below is counted by hand from data/labnusa/2025/*.csv (the table in
data/README.md, "The fictional unit labnusa"), e.g. IKU 1 TW I: 36 rows `jenis_sampel = Obat`
dated January–March, 23 of them `hasil = MS` → 23/36 = 63,888… % → 63,89 %; against the
target 80 that is 79,861… → 79,86, band "Cukup" (60 ≤ 79,86 < 80).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.compute.engine import compute_run
from lkj.values.registry import Registry

# Displays keep two decimals (unit.yml desimal.tetap) and put a no-break space before "%"
# (desimal.spasi_persen), as the laboratory's reports print "80,00 %".

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def regs() -> dict[int, Registry]:
    return {q: compute_run(ROOT / f"params/labnusa-2025-tw{q}.yml") for q in (1, 2, 3, 4)}


# (IKU, quarter): pembilang, penyebut, realisation display — counted from uji_sampel.csv and
# inspeksi_sarana.csv per quarter
QUARTERS = [
    ("iku01", 1, 23, 36, "63,89\u00a0%"),
    ("iku01", 2, 34, 40, "85,00\u00a0%"),
    ("iku01", 3, 31, 38, "81,58\u00a0%"),
    ("iku01", 4, 39, 42, "92,86\u00a0%"),
    ("iku02", 1, 26, 30, "86,67\u00a0%"),
    ("iku02", 2, 26, 32, "81,25\u00a0%"),
    ("iku02", 3, 25, 28, "89,29\u00a0%"),
    ("iku03", 1, 14, 20, "70,00\u00a0%"),
    ("iku03", 2, 19, 24, "79,17\u00a0%"),
    ("iku03", 3, 16, 25, "64,00\u00a0%"),
    ("iku03", 4, 18, 22, "81,82\u00a0%"),
]


@pytest.mark.parametrize(("iku", "q", "num", "den", "shown"), QUARTERS)
def test_ratio_iku_of_one_quarter(regs, iku, q, num, den, shown) -> None:
    reg = regs[q]
    assert reg[f"{iku}.tw{q}.pembilang"].value == num
    assert reg[f"{iku}.tw{q}.penyebut"].value == den
    assert reg[f"{iku}.tw{q}.realisasi"].value == pytest.approx(num / den * 100)
    assert reg[f"{iku}.tw{q}.realisasi"].display == shown


def test_the_issue_example_obat_23_of_36_is_cukup(regs) -> None:
    reg = regs[1]
    assert reg["iku01.tw1.target"].display == "80,00\u00a0%"  # fixed decimals
    assert reg["iku01.tw1.capaian"].display == "79,86\u00a0%"
    assert reg["iku01.tw1.kriteria"].value == "Cukup"
    assert reg["iku01.sd_tw1.kriteria"].value == "Cukup"


# (IKU, quarter): cumulative numerator, denominator, realisation, capaian, band
CUMULATIVE = [
    ("iku01", 2, 57, 76, "75,00\u00a0%", "93,75\u00a0%", "Baik"),
    ("iku01", 3, 88, 114, "77,19\u00a0%", "96,49\u00a0%", "Baik"),
    ("iku01", 4, 127, 156, "81,41\u00a0%", "101,76\u00a0%", "Sangat Baik"),
    ("iku02", 4, 104, 120, "86,67\u00a0%", "101,96\u00a0%", "Sangat Baik"),
    ("iku03", 3, 49, 69, "71,01\u00a0%", "94,69\u00a0%", "Baik"),
    ("iku03", 4, 67, 91, "73,63\u00a0%", "98,17\u00a0%", "Baik"),
]


@pytest.mark.parametrize(("iku", "q", "num", "den", "real", "cap", "band"), CUMULATIVE)
def test_ratio_iku_up_to_the_quarter(regs, iku, q, num, den, real, cap, band) -> None:
    reg = regs[q]
    assert reg[f"{iku}.sd_tw{q}.pembilang"].value == num
    assert reg[f"{iku}.sd_tw{q}.penyebut"].value == den
    assert reg[f"{iku}.sd_tw{q}.realisasi"].display == real
    assert reg[f"{iku}.sd_tw{q}.capaian"].display == cap
    assert reg[f"{iku}.sd_tw{q}.kriteria"].value == band


# Counts against the cumulative targets "s.d. TW n" of target.csv (pk.yml target_triwulan:
# kumulatif): IKU 4 samples 88, 98, 104, 102 (s.d. 88, 186, 290, 392 of 100, 200, 300, 400);
# IKU 6 passed 18, 27, 14, 33 (s.d. 18, 45, 59, 92 of 25, 50, 75, 100).
COUNTS = [
    ("iku04", 1, 88, 88, "88,00\u00a0%"),
    ("iku04", 2, 98, 186, "93,00\u00a0%"),
    ("iku04", 3, 104, 290, "96,67\u00a0%"),
    ("iku04", 4, 102, 392, "98,00\u00a0%"),
    ("iku06", 1, 18, 18, "72,00\u00a0%"),
    ("iku06", 2, 27, 45, "90,00\u00a0%"),
    ("iku06", 3, 14, 59, "78,67\u00a0%"),
    ("iku06", 4, 33, 92, "92,00\u00a0%"),
]


@pytest.mark.parametrize(("iku", "q", "quarter", "upto", "cap"), COUNTS)
def test_count_iku_against_cumulative_targets(regs, iku, q, quarter, upto, cap) -> None:
    reg = regs[q]
    assert reg[f"{iku}.tw{q}.realisasi"].value == quarter
    assert reg[f"{iku}.sd_tw{q}.realisasi"].value == upto
    assert reg[f"{iku}.sd_tw{q}.capaian"].display == cap


@pytest.mark.parametrize(
    ("q", "score", "cap"),
    [
        (1, 80.5, "98,17\u00a0%"),
        (2, 83.25, "101,52\u00a0%"),
        (3, 84.1, "102,56\u00a0%"),
        (4, 85.75, "104,57\u00a0%"),
    ],
)
def test_score_iku_from_nilai_csv(regs, q, score, cap) -> None:
    assert regs[q][f"iku05.tw{q}.realisasi"].value == pytest.approx(score)
    assert regs[q][f"iku05.tw{q}.capaian"].display == cap


def test_declared_appendices_of_tw1(regs) -> None:
    reg = regs[1]
    # uji_sampel TW I: Obat 23 MS + 13 TMS, Obat Tradisional 10 + 2, Kosmetik 9 + 1,
    # Makanan 26 + 4; 68 MS, 20 TMS, 88 samples
    assert reg["lampiran.uji-sampel.obat.tms"].value == 13
    assert reg["lampiran.uji-sampel.obat_tradisional.ms"].value == 10
    assert reg["lampiran.uji-sampel.total.ms"].value == 68
    assert reg["lampiran.uji-sampel.total"].value == 88
    assert reg["lampiran.inspeksi-sarana.total.memenuhi"].value == 14
    assert reg["lampiran.inspeksi-sarana.total.tidak_memenuhi"].value == 6
    # pelatihan (personal: nama), public edition, s.d. TW I: Pengambilan … L 6 / P 9,
    # Keamanan Hayati L 2 / P 3. L 2 persons → "< 3"; its row partner (5 − 3) and both
    # cells of the other row (totals L 8, P 12) would give it back → "x"
    assert reg["lampiran.pelatihan.keamanan_hayati_laboratorium.l"].value == "< 3"
    assert reg["lampiran.pelatihan.keamanan_hayati_laboratorium.p"].value == "x"
    assert reg["lampiran.pelatihan.pengambilan_dan_penanganan_sampel.l"].value == "x"
    assert reg["lampiran.pelatihan.pengambilan_dan_penanganan_sampel.total"].value == 15
    assert reg["lampiran.pelatihan.keamanan_hayati_laboratorium.total"].value == 5
    assert reg["lampiran.pelatihan.total.l"].value == 8
    assert reg["lampiran.pelatihan.total"].value == 20


def test_declared_appendix_up_to_the_quarter(regs) -> None:
    reg = regs[4]  # pelatihan s.d. TW IV: all 100 participants, 42 L and 58 P
    assert reg["lampiran.pelatihan.total.l"].value == 42
    assert reg["lampiran.pelatihan.total.p"].value == 58
    assert reg["lampiran.pelatihan.keamanan_hayati_laboratorium.l"].value == 11  # 2 + 4 + 5
    assert reg["lampiran.uji-sampel.total"].value == 102  # TW IV alone


def test_no_bp3mi_value_family(regs) -> None:
    families = {v.id.split(".")[0] for reg in regs.values() for v in reg}
    assert not families & {"penempatan", "pengaduan", "kepulangan", "verifikasi", "ikpa"}
