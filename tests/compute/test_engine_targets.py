"""Cumulative quarterly targets (pk.yml target_triwulan: kumulatif): TWn is "s.d. TW n".

Mini project, IKU02 (penempatan, summed; worked out by hand, see tests/iku_cases.py):
target.csv TW1 40, TW2 50, tahunan 200; realised TW I 12, TW II 38, s.d. TW II 50.
"""

from __future__ import annotations

from conftest import Project
from iku_cases import Y, built

from lkj.compute.states import Standing, state


def cumulative(p: Project, where: str = "tahun: 2025\n") -> None:
    p.replace(f"{Y}/pk.yml", where, where + "target_triwulan: kumulatif\n")


def test_default_targets_are_per_quarter_and_the_cumulative_capaian_is_annual(mini):
    _, reg, _ = built(mini)
    assert reg["iku02.sd_tw2.capaian"].value == 25  # 50 of 200
    assert reg["iku02.sd_tw2.capaian"].inputs == ("iku02.sd_tw2.realisasi", "iku02.target")
    assert "iku02.tw2.target_triwulan" not in reg


def test_cumulative_targets_compare_the_cumulative_realisation_with_the_target_upto(mini):
    cumulative(mini)
    _, reg, _ = built(mini)
    sd = reg["iku02.sd_tw2.capaian"]
    assert sd.value == 100  # 50 of the target s.d. TW II 50
    assert sd.inputs == ("iku02.sd_tw2.realisasi", "iku02.tw2.target")
    assert "terhadap target s.d. Triwulan II" in sd.label
    assert reg["iku02.tw2.target"].label.startswith("Target s.d. Triwulan II")
    # the quarter alone: TW II's own share 50 − 40 = 10, realised 38 → 380 %
    own = reg["iku02.tw2.target_triwulan"]
    assert own.value == 10 and own.inputs == ("iku02.tw2.target", "iku02.tw1.target")
    assert reg["iku02.tw2.capaian"].value == 380
    assert reg["iku02.tw1.target_triwulan"].value == 40  # TW I: s.d. TW I is TW I
    assert reg["iku02.tw1.capaian"].value == 30  # 12 of 40
    # a ratio's level target is the same for the quarter and up to it: no share
    assert "iku01.tw2.target_triwulan" not in reg
    assert reg["iku01.sd_tw2.capaian"].inputs[0] == "iku01.sd_tw2.capaian_mentah"
    assert reg["iku01.sd_tw2.capaian_mentah"].inputs[1] == "iku01.tw2.target"


def test_the_state_compares_with_the_target_the_capaian_used(mini):
    cumulative(mini)
    inputs, reg, _ = built(mini)
    iku = inputs.pk.iku_by_code("IKU02")
    sd, tw = state(reg, iku, 2, "sd"), state(reg, iku, 2, "tw")
    assert sd.target_id == "iku02.tw2.target" and sd.standing is Standing.AT_TARGET
    assert tw.target_id == "iku02.tw2.target_triwulan"


def test_one_iku_can_say_its_targets_are_cumulative(mini):
    mini.replace(
        f"{Y}/pk.yml",
        "    kumulatif: jumlah\n    sumber:\n      dataset: penempatan\n",
        "    kumulatif: jumlah\n    target_triwulan: kumulatif\n    sumber:\n"
        "      dataset: penempatan\n",
    )
    _, reg, _ = built(mini)
    assert reg["iku02.sd_tw2.capaian"].value == 100
    assert reg["iku03.sd_tw2.capaian"].inputs[1] == "iku03.target"  # the others: annual
