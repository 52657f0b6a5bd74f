"""Rules across files: pk.yml vs params and dataset specs, budget, values, IKPA, profil.yml."""

from __future__ import annotations

import pytest
from conftest import Project

from .cases import PK, PROFIL, Case, Y, assert_reported, edit, load

CASES = [
    Case(
        "nilai-kategori-not-in-iku-list",
        edit(Y + "nilai.csv", "1,,Baik,", "1,,Bagus,"),
        Y + "nilai.csv",
        2,
        "kategori",
        "Kurang, Cukup, Baik, Sangat Baik",
    ),
    Case(
        "pk-tahun-not-params-year",
        edit(PK, "tahun: 2025", "tahun: 2024"),
        PK,
        "tahun: 2024",
        "tahun",
        "tahun: 2025",
    ),
    Case(
        "pk-unknown-dataset",
        edit(PK, "dataset: kepulangan", "dataset: kepulangn"),
        PK,
        "dataset: kepulangn",
        "iku[3].sumber.dataset",
        "maksudnya 'kepulangan'",
    ),
    Case(
        "pk-filter-on-unknown-column",
        edit(PK, "{difasilitasi: ya}", "{difasiltasi: ya}"),
        PK,
        "difasiltasi",
        "iku[0].sumber.pembilang.difasiltasi",
        "maksudnya 'difasilitasi'",
    ),
    Case(
        "pk-filter-yaml-yes",
        edit(PK, "{difasilitasi: ya}", "{difasilitasi: yes}"),
        PK,
        "difasilitasi: yes",
        "iku[0].sumber.pembilang.difasilitasi",
        "difasilitasi: ya",
    ),
    Case(
        "pk-kolom-unknown",
        edit(PK, "kolom: [hadir, jumlah]", "kolom: [hadir, jumlh]"),
        PK,
        "jumlh",
        "iku[2].sumber.kolom",
        "maksudnya 'jumlah'",
    ),
    Case(
        "pagu-for-unknown-kegiatan",
        edit(Y + "pagu.csv", "K2,", "K9,"),
        Y + "pagu.csv",
        3,
        "kegiatan",
        "K1, K2",
    ),
    Case(
        "kegiatan-without-pagu",
        edit(Y + "pagu.csv", "K2,500000000,550000000\n", ""),
        Y + "pagu.csv",
        None,
        "kegiatan",
        "K2,<pagu_awal>,<pagu_revisi>",
    ),
    Case(
        "realisasi-for-unknown-kegiatan",
        edit(Y + "realisasi_anggaran.csv", "2025-04,K2", "2025-04,K3"),
        Y + "realisasi_anggaran.csv",
        5,
        "kegiatan",
        "K1, K2",
    ),
    Case(
        "profil-kode-not-unit",
        edit(PROFIL, "kode: mini", "kode: mini2"),
        PROFIL,
        "kode: mini2",
        "kode",
        "kode: mini",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


def test_ikpa_aspect_without_components_is_a_warning(mini: Project) -> None:
    mini.replace(
        Y + "ikpa.csv",
        "2,PENYERAPAN,Penyerapan Anggaran,Kualitas Pelaksanaan Anggaran,20,81.5,ya\n",
        "",
    )
    warning = next(w for w in load(mini).warnings if w.file == Y + "ikpa_aspek.csv")
    assert (warning.row, warning.column, warning.severity) == (3, "aspek", "warning")
