"""The shipped Jawa Tengah data reproduce the figures of the published LKJ Triwulan II 2025.

Expected values come from the report (data/jateng/2025/terbitan/lkj-2025-tw2.csv transcribes
Tabel 1–4, 18, the text and the appendix totals). Where the report contradicts itself the file
says why in `catatan`; there the book uses the consistent value, asserted separately below.
"""

from pathlib import Path

import pytest

from lkj.compute.engine import compute_run
from lkj.compute.reconcile import read_published, reconcile

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = ROOT / "data/jateng/2025/terbitan/lkj-2025-tw2.csv"


@pytest.fixture(scope="module")
def reg():
    return compute_run(ROOT / "params/jateng-2025-tw2.yml")


@pytest.fixture(scope="module")
def outcomes(reg):
    return reconcile(reg, read_published(PUBLISHED, str(PUBLISHED)), str(PUBLISHED))


def test_published_figures_transcribed_for_every_table(outcomes):
    places = " ".join(o.item.place for o in outcomes)
    for table in (
        "Tabel 1",
        "Tabel 3",
        "Tabel 4",
        "Tabel 18",
        "Lampiran II",
        "Lampiran III",
        "Lampiran IV",
        "Lampiran V",
        "Lampiran VI",
    ):
        assert table in places
    assert len(outcomes) > 150


def test_every_figure_without_a_known_contradiction_matches(outcomes):
    wrong = [
        (o.item.row, o.item.id, o.item.printed, o.computed)
        for o in outcomes
        if o.unexplained  # a count the public edition hides is neither
    ]
    assert wrong == []


def test_every_explained_difference_is_still_a_difference(outcomes):
    # A note that no longer describes a difference is stale documentation.
    stale = [(o.item.row, o.item.id) for o in outcomes if o.item.note and o.matches]
    assert stale == []


@pytest.mark.parametrize(
    ("value_id", "display"),
    [
        ("iku07.tw2.realisasi", "7.375"),
        ("iku07.tw2.capaian_tahunan", "23,79%"),
        ("iku07.sd_tw2.realisasi", "13.871"),
        ("iku07.sd_tw2.capaian", "44,74%"),
        ("iku10.tw2.realisasi", "25.488"),
        ("iku10.sd_tw2.capaian", "109,98%"),
        ("iku06.tw2.capaian_tahunan", "33,64%"),
        ("ikpa.nilai_akhir", "94,48"),
        ("anggaran.total.realisasi", "Rp 1.779.201.134,00"),
        ("anggaran.total.persen", "25,61%"),
        ("anggaran.k1.persen", "16,96%"),
        ("anggaran.k2.persen", "45,24%"),
    ],
)
def test_headline_figures(reg, value_id, display):
    assert reg[value_id].display == display


def test_consistent_values_where_the_report_contradicts_itself(reg):
    # IKU 8: 7 of 8 claims in TW II (Tabel 1/3), not the 100 % of Tabel 4.
    assert (reg["iku08.tw2.pembilang"].value, reg["iku08.tw2.penyebut"].value) == (7, 8)
    assert reg["iku08.tw2.realisasi"].display == "87,5%"
    # IKU 9: 3 Data in TW II (Tabel 1/3), not "-" (Tabel 4); cumulative takes the latest quarter.
    assert reg["iku09.tw2.realisasi"].value == 3
    assert reg["iku09.sd_tw2.realisasi"].value == 3
    # Revised budget = sum of the two kegiatan (BAB II C), not 6.948.238.000 (summary).
    assert reg["anggaran.total.pagu"].value == 4_826_057_000 + 2_122_473_000
    # Tabel 18, kegiatan 1: mean of the TW II vs annual capaian of IKU 1–10 (capped where the
    # PK caps), IKU 7 at 23,79 % rather than the cumulative 44,74 % the report put there.
    expected = (
        100 + 100 + 12.5 + 0 + 100 + 36 / 107 * 100 + 7375 / 31000 * 100 + 87.5 + 100 + 106.2
    ) / 10
    assert reg["kegiatan.k1.tw2.capaian_tahunan"].value == pytest.approx(expected)
    assert reg["kegiatan.k2.tw2.capaian_tahunan"].value == pytest.approx(100 / 3)


def test_three_comparisons_are_distinct_values(reg):
    # IKU 3 in TW II: 1 document; 50 % of the TW target (Tabel 3), 12,5 % of the annual (Tabel 1),
    # 3 documents = 37,5 % cumulatively (Tabel 4).
    assert reg["iku03.tw2.capaian"].display == "50%"
    assert reg["iku03.tw2.capaian_tahunan"].display == "12,5%"
    assert reg["iku03.sd_tw2.capaian"].display == "37,5%"


def test_cap_keeps_raw_value(reg):
    assert reg["iku01.tw2.capaian_tahunan_mentah"].value == pytest.approx(100 / 70 * 100)
    assert reg["iku01.tw2.capaian_tahunan"].value == 100
    assert reg["iku10.tw2.capaian_tahunan"].value == pytest.approx(106.2)  # counts are not capped


def test_appendix_totals_agree_with_ikus(reg):
    assert reg["penempatan.total"].value == reg["iku07.tw2.realisasi"].value
    assert reg["kepulangan.total"].value == reg["iku06.tw2.realisasi"].value
    assert reg["pengaduan.total"].value == reg["iku01.tw2.penyebut"].value
    assert reg["verifikasi.total.dihitung"].value == reg["iku10.tw2.realisasi"].value


def test_lineage_points_at_data_rows(reg):
    v = reg["iku07.tw2.realisasi"]
    (source,) = v.sources
    assert source.file == "data/jateng/2025/penempatan.csv"
    assert len(source.rows) == 48  # 3 months × 2 layanan × 2 skema × 2 sektor × 2 sexes
    assert v.function == "lkj.compute.measure.measure"
    assert reg["iku07.sd_tw2.realisasi"].inputs == ("iku07.tw1.realisasi", "iku07.tw2.realisasi")


def test_unrealised_iku_shown_as_dash(reg):
    assert reg["iku04.tw2.realisasi"].value is None
    assert reg["iku04.tw2.realisasi"].display == "-"
    assert reg["iku11.sd_tw2.capaian"].display == "-"
