"""Realisation rules on small hand-written tables (each expected value counted by hand)."""

import pandas as pd
import pytest

from lkj.compute.measure import cumulative, measure
from lkj.inputs.pk import Iku


def iku(**over) -> Iku:
    base = {
        "kode": "IKU01",
        "nomor": 1,
        "sasaran": "SS1",
        "kegiatan": "K1",
        "nama": "Uji",
        "jenis": "jumlah",
        "satuan": "Orang",
        "kumulatif": "jumlah",
        "sumber": {"dataset": "d", "aturan": "hitung"},
    }
    base.update(over)
    return Iku.model_validate(base)


COMPLAINTS = pd.DataFrame(
    {
        "_row": [2, 3, 4, 5, 6, 7],
        "_quarter": [1, 1, 2, 2, 2, 2],
        "difasilitasi": ["ya", "ya", "ya", "tidak", "ya", "ya"],
        "jenis_kelamin": ["L", "P", "L", "P", "P", "L"],
    }
)


def test_count_rows_of_the_quarter_only():
    m = measure(iku(), COMPLAINTS, 2, 2025)
    assert m.value == 4
    assert m.rows == (4, 5, 6, 7)
    assert "April–Juni 2025" in m.selection


def test_count_with_filter():
    m = measure(
        iku(sumber={"dataset": "d", "aturan": "hitung", "saring": {"jenis_kelamin": "P"}}),
        COMPLAINTS,
        2,
        2025,
    )
    assert (m.value, m.rows) == (2, (5, 6))
    assert "jenis_kelamin = P" in m.selection


def test_quarter_with_no_data_yet_is_not_realised_unless_zero_is_asked():
    assert measure(iku(), COMPLAINTS, 3, 2025).value is None
    zero = iku(sumber={"dataset": "d", "aturan": "hitung", "kosong": "nol"})
    assert measure(zero, COMPLAINTS, 3, 2025).value == 0


def test_ratio_and_cumulative_ratio_from_summed_parts():
    ratio = iku(
        jenis="persentase",
        satuan="%",
        kumulatif="rasio",
        sumber={"dataset": "d", "aturan": "rasio", "pembilang": {"difasilitasi": "ya"}},
    )
    tw1 = measure(ratio, COMPLAINTS, 1, 2025)
    tw2 = measure(ratio, COMPLAINTS, 2, 2025)
    assert (tw1.numerator, tw1.denominator, tw1.value) == (2, 2, 100)
    assert (tw2.numerator, tw2.denominator, tw2.value) == (3, 4, 75)
    assert tw2.numerator_rows == (4, 6, 7)
    both = cumulative(ratio, [tw1, tw2])
    # 5 of 6, not the mean of 100 % and 75 %
    assert (both.numerator, both.denominator) == (5, 6)
    assert both.value == pytest.approx(83.333333, abs=1e-6)


def test_sum_uses_first_non_empty_column_per_row():
    events = pd.DataFrame(
        {
            "_row": [2, 3, 4],
            "_quarter": [2, 2, 2],
            "hadir": [1009.0, None, 20.0],
            "jumlah": [1019, 1400, 23],
        }
    )
    rule = iku(sumber={"dataset": "d", "aturan": "jumlah", "kolom": ["hadir", "jumlah"]})
    assert measure(rule, events, 2, 2025).value == 1009 + 1400 + 20


def test_cumulative_sum_and_latest():
    tw1 = measure(iku(), COMPLAINTS, 1, 2025)
    tw2 = measure(iku(), COMPLAINTS, 2, 2025)
    assert cumulative(iku(), [tw1, tw2]).value == 6
    latest = iku(kumulatif="terakhir")
    assert cumulative(latest, [tw1, tw2]).value == 4
    assert cumulative(latest, [tw1, measure(iku(), COMPLAINTS, 3, 2025)]).value == 2


def test_score_and_category_read_one_value_per_quarter():
    scores = pd.DataFrame(
        {
            "_row": [2, 3],
            "_quarter": [1, 2],
            "indikator": ["a", "a"],
            "nilai": [100.0, 90.0],
            "kategori": ["Baik", "Cukup"],
        }
    )
    score = iku(
        jenis="skor",
        kumulatif="terakhir",
        sumber={
            "dataset": "nilai",
            "aturan": "nilai",
            "saring": {"indikator": "a"},
            "kolom": "nilai",
        },
    )
    assert measure(score, scores, 2, 2025).value == 90
    cat = iku(
        jenis="kategori",
        kumulatif="terakhir",
        kategori=["Cukup", "Baik"],
        sumber={"dataset": "nilai", "aturan": "kategori", "kolom": "kategori"},
    )
    assert measure(cat, scores, 1, 2025).value == "Baik"
    assert measure(cat, scores, 4, 2025).value is None
