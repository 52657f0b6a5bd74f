"""The IKU tables under a unit's settings (unit.yml, pk.yml), on the mini project.

Figures are worked out by hand in tests/iku_cases.py (IKU01: 23 of 36 against 80 in TW II).
"""

from __future__ import annotations

from conftest import Project
from iku_cases import BANDS, Y, built, ratio_23_of_36, texts, unit

from lkj.book.tables.ikucolumns import Col, header
from lkj.book.tablespec import Cell


def row_of(spec, name: str) -> list[str]:
    return next(r for r in texts(spec.body_rows) if name in r)


IKU01 = "Persentase pengaduan yang difasilitasi"
IKU02 = "Jumlah PMI yang ditempatkan"


def test_equal_heads_share_one_spanning_cell() -> None:
    def cell(_):
        return Cell("x")

    cols = [Col("A", None, 1, cell), Col("B", "b1", 1, cell), Col("B", "b2", 1, cell)]
    top, below = header(["No"], cols)
    assert [(c.text, c.rowspan, c.colspan) for c in top] == [
        ("No", 2, 1),
        ("A", 2, 1),
        ("B", 1, 2),
    ]
    assert below == ["b1", "b2"]


def test_without_settings_the_tables_are_todays(mini: Project) -> None:
    ratio_23_of_36(mini)
    _, _, t = built(mini)
    ringkasan = t.ringkasan()
    assert ringkasan.columns == 6 and "Kriteria" not in str(texts(ringkasan.header_rows))
    assert row_of(ringkasan, IKU01)[-3:] == ["80%", "63,89%", "79,86%"]
    assert t.pengukuran().columns == 3 + 4 * 3
    iku = t.iku(t.pk.iku[0])
    assert iku.columns == 8 and iku.note is None
    assert texts(iku.body_rows)[0][3] == "63,89%\n(23 dari 36 Kasus)"


def test_bands_add_a_kriteria_column_and_say_which_bands(mini: Project) -> None:
    ratio_23_of_36(mini)
    unit(mini, BANDS)
    _, _, t = built(mini)
    ringkasan = t.ringkasan()
    assert texts(ringkasan.header_rows)[1] == [
        "Target Tahunan",
        "Realisasi Triwulan II",
        "Capaian",
        "Kriteria",
    ]
    # TW II against the annual target 80: 79,86 → Cukup; IKU02 38 of 200 = 19 % → Kurang
    assert row_of(ringkasan, IKU01)[-4:] == ["80%", "63,89%", "79,86%", "Cukup"]
    assert row_of(ringkasan, IKU02)[-2:] == ["19%", "Kurang"]
    assert "≥ 90: Sangat Baik; ≥ 80: Baik; ≥ 60: Cukup; ≥ 0: Kurang" in ringkasan.note
    kriteria = ringkasan.body_rows[0][-1]
    assert kriteria.value_id == "iku01.tw2.kriteria_tahunan"

    tabel3 = t.pengukuran()
    assert tabel3.columns == 3 + 4 * 4
    tw2 = row_of(tabel3, IKU01)[7:11]  # No, Sasaran, IKU, TW I (4), TW II (4)
    assert tw2 == ["80%", "63,89%", "79,86%", "Cukup"]
    assert row_of(tabel3, IKU01)[-4:] == ["80%", "-", "-", "-"]  # TW IV not run

    iku = t.iku(t.pk.iku[0])
    heads = [c.text for c in iku.header_rows[0]]
    assert heads.index("Kriteria") == heads.index("Capaian realisasi Triwulan II thd. target") + 1
    # Target and the quarter's capaian span two columns each: the cell is two further on
    assert texts(iku.body_rows)[0][heads.index("Kriteria") + 2] == "Cukup"
    assert "realisasi Triwulan II terhadap target Triwulan II" in iku.note


def test_an_iku_without_bands_shows_a_dash_in_the_kriteria_column(mini: Project) -> None:
    unit(mini, BANDS)
    mini.replace(
        f"{Y}/pk.yml",
        "    kumulatif: jumlah\n    sumber:\n      dataset: penempatan\n",
        "    kumulatif: jumlah\n    kriteria: []\n    sumber:\n      dataset: penempatan\n",
    )
    _, reg, t = built(mini)
    assert row_of(t.ringkasan(), IKU02)[-1] == "-"
    assert not reg.ids("iku02.*kriteria*")
    assert "Kriteria" not in [c.text for c in t.iku(t.pk.iku[1]).header_rows[0]]


def test_ratio_columns_split_numerator_and_denominator(mini: Project) -> None:
    ratio_23_of_36(mini)
    unit(mini, "kolom_rasio: true\n")
    _, _, t = built(mini)
    tabel3 = t.pengukuran()
    # Tabel 3's narrow columns abbreviate the heads; the note spells them out
    assert texts(tabel3.header_rows)[1][:5] == ["Target", "Pemb.", "Peny.", "Realisasi", "Capaian"]
    assert "Pemb. = pembilang, Peny. = penyebut" in tabel3.note
    assert row_of(tabel3, IKU01)[8:13] == ["80%", "23", "36", "63,89%", "79,86%"]
    # the second IKU of a sasaran starts with its name (No and Sasaran span from above)
    assert row_of(tabel3, IKU02)[1:6] == ["40 Orang", "-", "-", "12 Orang", "30%"]

    iku = t.iku(t.pk.iku[0])
    # the realisation the table leads with (here the quarter's) is split, the other is not;
    # with ten columns the parts' heads are abbreviated as in Tabel 3 and spelt out below
    assert texts(iku.header_rows)[1] == [
        "Tahunan",
        "Triwulan II",
        "Pemb.",
        "Peny.",
        "Realisasi",
        "Triwulan II",
        "Tahunan",
    ]
    assert iku.note == "Pemb. = pembilang, Peny. = penyebut."
    body = texts(iku.body_rows)[0]
    assert body[3:6] == ["23", "36", "63,89%"]
    assert body[-2:] == ["64,86%", "81,08%"]
    # a count IKU keeps its one realisation column
    assert t.iku(t.pk.iku[1]).columns == 8


def test_headline_sd_triwulan_leads_with_the_cumulative_figures(mini: Project) -> None:
    ratio_23_of_36(mini)
    unit(mini, "headline: sd_triwulan\n" + BANDS)
    _, _, t = built(mini)
    ringkasan = t.ringkasan()
    assert texts(ringkasan.header_rows) == [
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Realisasi Kinerja s.d. Triwulan II"],
        ["Target Tahunan", "Realisasi s.d. Triwulan II", "Capaian", "Kriteria"],
    ]
    assert row_of(ringkasan, IKU01)[-4:] == ["80%", "64,86%", "81,08%", "Baik"]
    assert row_of(ringkasan, IKU02)[-4:] == ["200 Orang", "50 Orang", "25%", "Kurang"]
    assert ringkasan.note.startswith("Capaian = realisasi kumulatif s.d. Triwulan II")

    iku = t.iku(t.pk.iku[0])
    heads = [c.text for c in iku.header_rows[0]]
    assert heads[2:5] == [
        "Realisasi s.d. Triwulan II (kumulatif)",
        "Capaian s.d. Triwulan II thd. target tahunan",
        "Kriteria",
    ]
    assert texts(iku.body_rows)[0][3:6] == ["64,86%", "81,08%", "Baik"]


def test_headline_with_cumulative_targets_shows_the_target_upto(mini: Project) -> None:
    unit(mini, "headline: sd_triwulan\n")
    mini.replace(f"{Y}/pk.yml", "tahun: 2025\n", "tahun: 2025\ntarget_triwulan: kumulatif\n")
    _, _, t = built(mini)
    ringkasan = t.ringkasan()
    assert texts(ringkasan.header_rows)[1][0] == "Target s.d. Triwulan II"
    assert row_of(ringkasan, IKU02)[-3:] == ["50 Orang", "50 Orang", "100%"]
    assert "target s.d. Triwulan II" in ringkasan.note
    tabel3 = t.pengukuran()
    # TW II's own share of the cumulative target: 50 − 40 = 10, realised 38 → 380 %
    assert row_of(tabel3, IKU02)[4:7] == ["10 Orang", "38 Orang", "380%"]
    # TW III and IV not run, but their own targets show: 55 − 50 = 5, 55 − 55 = 0
    assert row_of(tabel3, IKU02)[7:8] + row_of(tabel3, IKU02)[10:11] == ["5 Orang", "0 Orang"]
    assert "dikurangi target s.d. triwulan sebelumnya" in tabel3.note
    heads = [c.text for c in t.iku(t.pk.iku[1]).header_rows[1]]
    assert heads[:2] == ["Tahunan", "s.d. Triwulan II"]


def test_fixed_decimals_keep_the_zeros(mini: Project) -> None:
    unit(mini, "desimal: {angka: 2, tetap: true, spasi_persen: true}\n")
    _, _, t = built(mini)
    pk = t.perjanjian()
    # the space before % does not break ("80,00 %" never ends a cell line with "%")
    assert row_of(pk, IKU01)[-1] == "80,00\u00a0%"
    assert row_of(pk, IKU02)[-1] == "200 Orang"  # counts stay whole
    assert row_of(t.ringkasan(), IKU02)[-1] == "19,00\u00a0%"  # 38 of 200


PERSPEKTIF = (
    "perspektif:\n"
    "  - {kode: P1, uraian: Pemangku Kepentingan}\n"
    "  - {kode: P2, uraian: Proses Internal}\n"
)


def test_perspectives_group_the_sasaran_of_tabel_2_and_lampiran_i(mini: Project) -> None:
    pk = f"{Y}/pk.yml"
    mini.replace(pk, "sasaran:\n", PERSPEKTIF + "sasaran:\n")
    mini.replace(
        pk,
        "    uraian: Pelindungan PMI meningkat\n",
        "    uraian: Pelindungan PMI meningkat\n    perspektif: P1\n",
    )
    mini.replace(
        pk,
        "    uraian: Tata kelola anggaran baik\n",
        "    uraian: Tata kelola anggaran baik\n    perspektif: P2\n",
    )
    _, _, t = built(mini)
    rows = t.perjanjian().body_rows
    assert [(r[0].text, r[0].colspan, r[0].bold, r[0].align) for r in rows if len(r) == 1] == [
        ("Perspektif Pemangku Kepentingan", 4, True, "left"),
        ("Perspektif Proses Internal", 4, True, "left"),
    ]
    assert rows[0][0].text == "Perspektif Pemangku Kepentingan" and rows[1][0].text == "1."
    assert rows[-2][0].text == "Perspektif Proses Internal" and rows[-1][0].text == "2."
    lampiran = t.lampiran_pk().body_rows
    assert lampiran[0][0].text == "Perspektif Pemangku Kepentingan"
    assert lampiran[0][0].colspan == 3
