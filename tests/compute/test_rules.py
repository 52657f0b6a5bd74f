"""Capaian rules on small hand-made numbers (expected values worked out by hand)."""

import pytest

from lkj.compute import rules


def test_higher_is_better_is_realisation_over_target():
    assert rules.capaian(7375, 31000, jenis="jumlah") == pytest.approx(23.790322, abs=1e-6)
    assert rules.capaian(36, 107, jenis="jumlah") == pytest.approx(33.64486, abs=1e-5)


def test_lower_is_better_selisih_follows_permenpan_6_2022():
    # target 10 days, realised 8 → (2 − 0.8) × 100 = 120
    assert rules.capaian(8, 10, jenis="jumlah", polaritas="turun") == pytest.approx(120)
    # realised exactly at target → 100
    assert rules.capaian(10, 10, jenis="jumlah", polaritas="turun") == pytest.approx(100)
    # realised 25 against 10: (2 − 2.5) × 100 would be −50; floored at 0
    assert rules.capaian(25, 10, jenis="jumlah", polaritas="turun") == 0


def test_lower_is_better_kebalikan():
    assert rules.capaian(8, 10, jenis="jumlah", polaritas="turun", metode_turun="kebalikan") == (
        pytest.approx(125)
    )
    assert rules.capaian(0, 10, jenis="jumlah", polaritas="turun", metode_turun="kebalikan") == 100


def test_categorical_at_or_above_target_is_full():
    scale = ["Kurang", "Cukup", "Baik", "Sangat Baik"]
    assert rules.capaian("Baik", "Baik", jenis="kategori", kategori=scale) == 100
    assert rules.capaian("Sangat Baik", "Baik", jenis="kategori", kategori=scale) == 100
    assert rules.capaian("Cukup", "Baik", jenis="kategori", kategori=scale) == 0


def test_no_realisation_or_zero_target_gives_no_capaian():
    assert rules.capaian(None, 80, jenis="jumlah") is None
    assert rules.capaian(5, 0, jenis="jumlah") is None
    assert rules.capaian(5, None, jenis="jumlah") is None


def test_cap_applies_to_display_value_only():
    raw = rules.capaian(100, 70, jenis="persentase")
    assert raw == pytest.approx(142.857142, abs=1e-5)
    assert rules.apply_cap(raw, 100) == 100
    assert rules.apply_cap(raw, None) == raw
    assert rules.apply_cap(None, 100) is None


def test_ratio_from_summed_parts_not_averaged():
    # TW I 5/5 = 100 %, TW II 7/8 = 87.5 %: cumulative is 12/13, not the mean 93.75
    assert rules.ratio_percent(5 + 7, 5 + 8) == pytest.approx(92.307692, abs=1e-6)


def test_mean_unrealised_zero_or_excluded():
    values = [100.0, 33.0, None]
    assert rules.mean(values, "zero") == pytest.approx(133 / 3)
    assert rules.mean(values, "exclude") == pytest.approx(66.5)
    assert rules.mean([None], "exclude") is None
    with pytest.raises(ValueError):
        rules.mean(values, "sometimes")
