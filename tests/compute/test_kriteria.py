"""Criterion bands: a label per capaian, from the IKU's bands (pk.yml) or the unit's."""

from __future__ import annotations

from conftest import Project
from iku_cases import BANDS, Y, built, ratio_23_of_36, unit

from lkj.compute.kriteria import band, kriteria_id
from lkj.inputs.unit import Band

FOUR = [Band(batas_bawah=b, label=s) for b, s in ((90, "A"), (80, "B"), (60, "C"), (0, "D"))]


def test_the_first_band_whose_lower_bound_is_reached() -> None:
    assert band(79.86, FOUR) == "C"
    assert band(80, FOUR) == "B"  # the lower bound belongs to the band
    assert band(120, FOUR) == "A" and band(0, FOUR) == "D"
    assert band(None, FOUR) is None
    assert band(50, FOUR[:3]) is None  # below the lowest band: no label


def test_kriteria_ids_follow_their_capaian() -> None:
    assert kriteria_id("iku01.tw2.capaian") == "iku01.tw2.kriteria"
    assert kriteria_id("iku01.tw2.capaian_tahunan") == "iku01.tw2.kriteria_tahunan"
    assert kriteria_id("iku01.sd_tw2.capaian") == "iku01.sd_tw2.kriteria"


def test_the_issue_example_23_of_36_against_80_is_cukup(mini: Project) -> None:
    ratio_23_of_36(mini)
    unit(mini, BANDS)
    _, reg, _ = built(mini)
    assert reg["iku01.tw2.realisasi"].display == "63,89%"
    assert reg["iku01.tw2.capaian"].display == "79,86%"
    kriteria = reg["iku01.tw2.kriteria"]
    assert kriteria.value == "Cukup" and kriteria.display == "Cukup"
    assert kriteria.inputs == ("iku01.tw2.capaian",)
    assert [s.file for s in kriteria.sources] == ["data/mini/unit.yml"]
    assert "≥ 60: Cukup" in kriteria.formula
    assert reg["iku01.tw1.kriteria"].value == "Sangat Baik"  # 1 of 1: capped at 100
    assert reg["iku01.sd_tw2.kriteria"].value == "Baik"  # 81,08
    assert reg["iku01.tw2.kriteria_tahunan"].value == "Cukup"  # annual target is 80 too
    # IKU02: 38 of the TW II target 50 = 76 % → Cukup; 50 of 200 s.d. TW II = 25 % → Kurang
    assert reg["iku02.tw2.kriteria"].value == "Cukup"
    assert reg["iku02.sd_tw2.kriteria"].value == "Kurang"


def test_an_ikus_own_bands_override_the_units(mini: Project) -> None:
    ratio_23_of_36(mini)
    unit(mini, BANDS)
    mini.replace(
        f"{Y}/pk.yml",
        "      satuan_butir: Kasus\n",
        "      satuan_butir: Kasus\n"
        "    kriteria:\n"
        "      - {batas_bawah: 75, label: Memadai}\n"
        "      - {batas_bawah: 0, label: Belum Memadai}\n",
    )
    _, reg, _ = built(mini)
    assert reg["iku01.tw2.kriteria"].value == "Memadai"  # 79,86 ≥ 75
    assert [s.file for s in reg["iku01.tw2.kriteria"].sources] == [f"{Y}/pk.yml"]
    assert reg["iku02.tw2.kriteria"].value == "Cukup"  # the unit's bands


def test_the_band_follows_the_capaian_as_shown(mini: Project) -> None:
    # 71 of 79 = 89,873… % against 100: raw below 90 ("Baik"), but with zero decimals the
    # reader sees "90%", so the label must be the one of 90: "Sangat Baik"
    unit(mini, BANDS + "desimal: {angka: 0}\n")
    rows = ["id,tanggal,p3mi,negara,jenis_masalah,jenis_kelamin,difasilitasi,melalui_ssko"]
    rows += [
        f"ADU-{n},2025-05-{n % 28 + 1:02d},,Taiwan,C,L,{'ya' if n < 71 else 'tidak'},tidak"
        for n in range(79)
    ]
    mini.write(f"{Y}/pengaduan.csv", "\n".join(rows) + "\n")
    mini.replace(f"{Y}/target.csv", "IKU01,TW2,80\n", "IKU01,TW2,100\n")
    _, reg, _ = built(mini)
    assert reg["iku01.tw2.capaian"].display == "90%"
    assert reg["iku01.tw2.kriteria"].value == "Sangat Baik"


def test_a_unit_without_bands_has_no_kriteria_values(mini: Project) -> None:
    _, reg, _ = built(mini)
    assert reg.ids("*.kriteria*") == []


def test_the_units_bands_judge_the_mean_too(mini: Project) -> None:
    ratio_23_of_36(mini)
    unit(mini, BANDS)
    _, reg, _ = built(mini)
    # s.d. TW II: IKU01 81,08; IKU02 50/200 = 25; IKU03 (hadir 95, else jumlah 20) 115/400 =
    # 28,75; IKU04 (January and April returns) 2/10 = 20; IKU05 Sangat Baik ≥ Baik = 100
    # → (81,081 + 25 + 28,75 + 20 + 100) / 5 = 50,97 → Kurang
    assert reg["rata2.sd_tw2.capaian"].display == "50,97%"
    assert reg["rata2.sd_tw2.kriteria"].value == "Kurang"
    assert reg["rata2.tw2.kriteria_tahunan"].inputs == ("rata2.tw2.capaian_tahunan",)
