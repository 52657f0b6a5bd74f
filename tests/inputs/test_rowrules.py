"""The generic row-rule kinds give the BP3MI set today's five rules, word for word."""

from __future__ import annotations

from pathlib import Path

from lkj.inputs import declarations
from lkj.inputs.validation import load_csv

DECL = declarations.default()
HEAD = (
    "id,program,kelompok,kegiatan,tanggal_mulai,tanggal_selesai,lokasi,jumlah,hadir,tidak_hadir\n"
)


def problems(tmp_path: Path, name: str, text: str) -> list[tuple[int | None, str | None, str, str]]:
    path = tmp_path / f"{name}.csv"
    path.write_text(text, encoding="utf-8")
    _, found = load_csv(DECL.tables[name], path, f"{name}.csv", 2025, {})
    return [(p.row, p.column, p.message, p.fix) for p in found]


def test_verifikasi_sum_attendance_and_dates(tmp_path: Path) -> None:
    head = HEAD
    rows = (
        "V1,P,UBT,K,2025-04-01,2025-04-01,,6,3,2\n"  # 3 + 2 ≠ 6
        "V2,P,UBT,K,2025-04-01,2025-04-01,,5,7,\n"  # 7 present of 5 registered
        "V3,P,UBT,K,2025-04-03,2025-04-01,,5,5,0\n"  # ends before it starts
        "V4,P,UBT,K,2025-04-01,2025-04-02,,5,4,1\n"  # fine
    )
    assert problems(tmp_path, "verifikasi", head + rows) == [
        (
            2,
            "jumlah",
            "hadir (3) + tidak_hadir (2) = 5, tidak sama dengan jumlah (6)",
            "perbaiki jumlah, hadir atau tidak_hadir agar hadir + tidak_hadir = jumlah",
        ),
        (
            3,
            "hadir",
            "hadir (7) lebih besar dari jumlah terdaftar (5)",
            "perbaiki hadir atau jumlah (yang hadir tidak bisa lebih banyak dari yang terdaftar)",
        ),
        (
            4,
            "tanggal_selesai",
            "tanggal_selesai (2025-04-01) sebelum tanggal_mulai (2025-04-03)",
            "perbaiki salah satu tanggal; untuk kegiatan satu hari isi keduanya dengan tanggal "
            "yang sama",
        ),
    ]


def test_attendance_above_registered_is_left_to_the_sum_rule_when_absent_is_given(
    tmp_path: Path,
) -> None:
    head = HEAD
    found = problems(tmp_path, "verifikasi", head + "V1,P,UBT,K,2025-04-01,2025-04-01,,5,7,0\n")
    assert [(row, column) for row, column, _, _ in found] == [(2, "jumlah")]


def test_a_score_needs_a_value_or_a_category(tmp_path: Path) -> None:
    text = "indikator,triwulan,nilai,kategori,sumber\nx,1,,,\ny,1,80,,\n"
    assert problems(tmp_path, "nilai", text) == [
        (
            2,
            "nilai",
            "nilai dan kategori keduanya kosong",
            "isi nilai (angka) atau kategori (mis. Baik), atau keduanya",
        )
    ]


def test_the_ikpa_deduction_carries_no_weight(tmp_path: Path) -> None:
    text = (
        "triwulan,kode,komponen,aspek,bobot,nilai,berlaku\n"
        "1,D1,Dispensasi SPM,Pengurang,5,0.5,ya\n"
        "1,D2,Dispensasi SPM,Pengurang,0,0.5,ya\n"
        "1,R1,Revisi DIPA,Kualitas Perencanaan Anggaran,5,100,ya\n"
    )
    assert problems(tmp_path, "ikpa", text) == [
        (
            2,
            "bobot",
            "komponen Pengurang berbobot 5",
            "isi bobot 0 untuk Pengurang (potongannya diisi di kolom nilai)",
        )
    ]
