"""pandera's failure cases as problems: header, required cells, duplicates, row rules."""

from __future__ import annotations

import pytest
from conftest import Project

from .cases import (
    PENEMPATAN,
    VERIFIKASI,
    Case,
    Y,
    append,
    assert_reported,
    drop_column,
    edit,
    only,
    validate,
)


def test_empty_required_cell() -> None:
    problem = only(validate("penempatan", PENEMPATAN, "2025-04,,Reguler,Formal,L,1")[1])
    assert (problem.row, problem.column) == (2, "layanan")
    assert "wajib" in problem.message


def test_duplicate_ids_name_the_first_line() -> None:
    problems = validate(
        "data_supply", "id,tanggal,judul", "D1,2025-01-05,a", "D2,2025-01-05,b", "D1,2025-02-05,c"
    )[1]
    problem = only(problems)
    assert (problem.row, problem.column, problem.value) == (4, "id", "D1")
    assert "baris 2" in problem.message and "beri id lain" in problem.fix


def test_duplicate_keys_name_the_first_line() -> None:
    row = "2025-04,P4MI,Reguler,Formal,L,1"
    problem = only(
        validate("penempatan", PENEMPATAN, row, "2025-04,P4MI,Reguler,Formal,P,1", row)[1]
    )
    assert problem.row == 4 and "baris 2" in problem.message


def test_unknown_and_missing_columns_are_reported_on_the_header() -> None:
    problems = validate("data_supply", "id,tanggal,judl", "D1,2025-01-05,a")[1]
    assert {(p.row, p.column) for p in problems} == {(1, "judl"), (1, "judul")}
    unknown = next(p for p in problems if p.column == "judl")
    assert "hapus kolom atau perbaiki ejaannya" in unknown.fix and "'judul'" in unknown.fix


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("V1,P,UBT,K,2025-04-21,2025-04-24,,100,95,7", "jumlah", "tidak sama dengan jumlah"),
        ("V1,P,UBT,K,2025-04-21,2025-04-24,,100,101,", "hadir", "lebih besar"),
        ("V1,P,UBT,K,2025-04-21,2025-04-20,,100,,", "tanggal_selesai", "sebelum tanggal_mulai"),
    ],
)
def test_verifikasi_row_rules(row: str, column: str, message: str) -> None:
    problem = only(validate("verifikasi", VERIFIKASI, row)[1])
    assert (problem.row, problem.column) == (2, column) and message in problem.message


def test_ikpa_deduction_has_no_weight() -> None:
    header = "triwulan,kode,komponen,aspek,bobot,nilai,berlaku"
    problem = only(validate("ikpa", header, "2,SPM,Dispensasi SPM,Pengurang,5,0,ya")[1])
    assert problem.column == "bobot" and "bobot 0" in problem.fix


CASES = [
    Case(
        "missing-column",
        lambda p: drop_column(p, Y + "pengaduan.csv", "melalui_ssko"),
        Y + "pengaduan.csv",
        1,
        "melalui_ssko",
        "tambahkan kolom 'melalui_ssko'",
    ),
    Case(
        "header-in-capitals",
        edit(Y + "kerjasama.csv", "id,tanggal,", "id,Tanggal,"),
        Y + "kerjasama.csv",
        1,
        "Tanggal",
        "maksudnya 'tanggal'",
    ),
    Case(
        "unknown-extra-column",
        lambda p: p.write(
            Y + "kerjasama.csv", "id,tanggal,mitra,judul,catatan\nK1,2025-05-15,U,J,x\n"
        ),
        Y + "kerjasama.csv",
        1,
        "catatan",
        "hapus kolom atau perbaiki ejaannya",
    ),
    Case(
        "duplicate-id",
        edit(Y + "pengaduan.csv", "ADU-02", "ADU-01"),
        Y + "pengaduan.csv",
        3,
        "id",
        "hapus baris duplikat atau beri id lain",
    ),
    Case(
        "duplicate-penempatan-key",
        lambda p: append(p, Y + "penempatan.csv", "2025-04,P4MI,Reguler,Informal,P,3"),
        Y + "penempatan.csv",
        6,
        "jenis_kelamin",
        "hapus baris duplikat",
    ),
    Case(
        "duplicate-realisasi-month",
        lambda p: append(p, Y + "realisasi_anggaran.csv", "2025-04,K1,1000"),
        Y + "realisasi_anggaran.csv",
        6,
        "kegiatan",
        "satu baris per bulan",
    ),
    Case(
        "empty-required-cell",
        edit(Y + "pengaduan.csv", ",Taiwan,C,L", ",,C,L"),
        Y + "pengaduan.csv",
        3,
        "negara",
        "isi kolom negara",
    ),
    Case(
        "duplicate-target",
        lambda p: append(p, Y + "target.csv", "IKU01,TW2,75"),
        Y + "target.csv",
        27,
        "periode",
        "hapus baris duplikat",
    ),
    Case(
        "hadir-plus-tidak-hadir-not-jumlah",
        edit(Y + "verifikasi.csv", "100,95,5", "100,95,7"),
        Y + "verifikasi.csv",
        2,
        "jumlah",
        "hadir + tidak_hadir = jumlah",
    ),
    Case(
        "tanggal-selesai-before-mulai",
        edit(Y + "verifikasi.csv", "2025-04-21,2025-04-24", "2025-04-21,2025-04-20"),
        Y + "verifikasi.csv",
        2,
        "tanggal_selesai",
        "perbaiki salah satu tanggal",
    ),
    Case(
        "nilai-without-value-or-kategori",
        edit(Y + "nilai.csv", "1,,Baik,", "1,,,"),
        Y + "nilai.csv",
        2,
        "nilai",
        "isi nilai (angka) atau kategori",
    ),
    Case(
        "ikpa-duplicate-component",
        edit(Y + "ikpa.csv", "2,PENYERAPAN", "2,REVISI_DIPA"),
        Y + "ikpa.csv",
        3,
        "kode",
        "satu baris per triwulan",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)
