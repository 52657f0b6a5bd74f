"""Column checks of the pandera schema: allowed values, reference lists, ranges, the PK year."""

from __future__ import annotations

import pytest
from conftest import Project

from .cases import PENEMPATAN, Case, Y, assert_reported, edit, only, validate


def test_date_outside_the_pk_year() -> None:
    problem = only(validate("data_supply", "id,tanggal,judul", "D1,2026-01-05,Data")[1])
    assert "tahun PK 2025" in problem.message and problem.column == "tanggal"


@pytest.mark.parametrize(("cell", "message"), [("2025-13", "bulan 13"), ("2024-12", "tahun PK")])
def test_bad_months(cell: str, message: str) -> None:
    problem = only(validate("penempatan", PENEMPATAN, f"{cell},P4MI,Reguler,Formal,L,1")[1])
    assert message in problem.message and problem.column == "bulan"


def test_choices_suggest_the_intended_value() -> None:
    problem = only(validate("penempatan", PENEMPATAN, "2025-04,P4MI,reguler,Formal,L,1")[1])
    assert problem.column == "skema" and "maksudnya 'Reguler'" in problem.fix


def test_reference_choices_come_from_the_reference_lists() -> None:
    header = "id,tanggal,p3mi,negara,jenis_masalah,jenis_kelamin,difasilitasi,melalui_ssko"
    row = "A1,2025-04-01,,Jepang,P,L,ya,ya"
    problems = validate("pengaduan", header, row)[1]
    assert {p.column for p in problems} == {"negara", "jenis_masalah"}
    assert any("A–O" in p.fix for p in problems)
    # Without a (broken) reference list nothing can be checked against it.
    assert validate("pengaduan", header, row, refs={})[1] == []


def test_nilai_needs_a_value_or_a_category_and_stays_in_range() -> None:
    header = "indikator,triwulan,nilai,kategori,sumber"
    assert validate("nilai", header, "a,1,,Baik,", "b,1,70,,")[1] == []
    problems = validate("nilai", header, "a,1,,,", "b,5,101,,")[1]
    assert [(p.row, p.column) for p in problems] == [(2, "nilai"), (3, "nilai"), (3, "triwulan")]


def test_reference_codes_have_a_shape() -> None:
    problem = only(validate("jenis_masalah", "kode,uraian", "AB,Dua huruf")[1])
    assert problem.column == "kode" and "satu huruf besar" in problem.fix


CASES = [
    Case(
        "negative-count",
        edit(Y + "penempatan.csv", "Informal,P,25", "Informal,P,-25"),
        Y + "penempatan.csv",
        4,
        "jumlah",
        "0 atau lebih",
    ),
    Case(
        "jenis-kelamin-X",
        edit(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X"),
        Y + "pengaduan.csv",
        4,
        "jenis_kelamin",
        "isi dengan L atau P",
    ),
    Case(
        "jenis-masalah-Z",
        edit(Y + "pengaduan.csv", "Taiwan,C,L", "Taiwan,Z,L"),
        Y + "pengaduan.csv",
        3,
        "jenis_masalah",
        "data/referensi/jenis_masalah.csv",
    ),
    Case(
        "unknown-negara",
        edit(Y + "kepulangan.csv", "Kota Mini,Taiwan", "Kota Mini,Atlantis"),
        Y + "kepulangan.csv",
        3,
        "negara",
        "data/referensi/negara.csv",
    ),
    Case(
        "negara-wrong-case",
        edit(Y + "kepulangan.csv", "Kota Mini,Taiwan", "Kota Mini,TAIWAN"),
        Y + "kepulangan.csv",
        3,
        "negara",
        "maksudnya 'Taiwan'",
    ),
    Case(
        "unknown-kategori-kepulangan",
        edit(Y + "kepulangan.csv", ",SAKIT,", ",SAKIT PARAH,"),
        Y + "kepulangan.csv",
        3,
        "kategori",
        "data/referensi/kategori_kepulangan.csv",
    ),
    Case(
        "date-in-another-year",
        edit(Y + "pengaduan.csv", "2025-02-10", "2024-02-10"),
        Y + "pengaduan.csv",
        2,
        "tanggal",
        "harus 2025",
    ),
    Case(
        "month-13",
        edit(Y + "penempatan.csv", "2025-03", "2025-13"),
        Y + "penempatan.csv",
        2,
        "bulan",
        "bulan 01 sampai 12",
    ),
    Case(
        "nilai-out-of-range",
        edit(Y + "nilai.csv", "92.5", "120"),
        Y + "nilai.csv",
        3,
        "nilai",
        "0–100",
    ),
    Case(
        "ikpa-aspek-unknown",
        edit(Y + "ikpa_aspek.csv", "2,Kualitas Pelaksanaan Anggaran", "2,Kualitas Pelayanan"),
        Y + "ikpa_aspek.csv",
        3,
        "aspek",
        "Kualitas Perencanaan Anggaran",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)
