"""IKPA score card: mini TW II components REVISI_DIPA 100 × 10 %, PENYERAPAN 81,5 × 20 % and
the deduction DISPENSASI_SPM 0, so total 10 + 16,3 = 26,3 over weights 30: 87,67 (Cukup)."""

from __future__ import annotations

import pandas as pd
import pytest

from lkj.compute.appendices.ikpa import ikpa_category
from lkj.values.registry import Registry

BANDS = pd.DataFrame({"batas_bawah": [0, 70, 89, 95], "kategori": ["K", "C", "B", "SB"]})


def test_category_is_the_highest_band_reached() -> None:
    assert ikpa_category(94.99, BANDS) == "B"
    assert ikpa_category(95, BANDS) == "SB"
    assert ikpa_category(0, BANDS) == "K"
    assert ikpa_category(-1, BANDS) == "-"


def test_score_card(mini_reg: Registry) -> None:
    assert mini_reg["ikpa.revisi_dipa.nilai_akhir"].value == 10
    assert mini_reg["ikpa.penyerapan.nilai_akhir"].value == pytest.approx(16.3)
    assert "ikpa.dispensasi_spm.nilai_akhir" not in mini_reg  # a deduction is not weighted
    assert mini_reg["ikpa.nilai_total"].value == pytest.approx(26.3)
    assert mini_reg["ikpa.konversi_bobot"].value == 30
    assert mini_reg["ikpa.pengurang"].value == 0
    assert mini_reg["ikpa.nilai_akhir"].value == pytest.approx(26.3 / 30 * 100)
    category = mini_reg["ikpa.kategori"]
    assert category.value == "Cukup"
    assert category.function == "lkj.compute.appendices.ikpa.ikpa_category"
    assert mini_reg["ikpa.nilai_akhir"].function == "lkj.compute.appendices.ikpa.compute"
    assert mini_reg["ikpa.aspek.kualitas_pelaksanaan_anggaran"].value == 81.5
    assert mini_reg["ikpa.nilai_total"].display.endswith(",30")  # the card's two decimals
