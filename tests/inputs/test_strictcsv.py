"""CSV read strictly: quotes close on their line, no invisible characters, cells bounded."""

from __future__ import annotations

import pytest
from conftest import Project

from .cases import Case, Y, assert_reported, edit, load, problems_of

KERJASAMA = Y + "kerjasama.csv"
_THREE = (
    "id,tanggal,mitra,judul\n"
    "KS-01,2025-05-15,Universitas Contoh,Perjanjian A\n"
    'KS-02,2025-05-16,"Politeknik Contoh,Perjanjian B\n'
    "KS-03,2025-05-17,Dinas Contoh,Perjanjian C\n"
    'KS-04,2025-05-18,"Dinas Lain, Kota Mini",Perjanjian D\n'
)


CASES = [
    Case(
        "unbalanced-quote-swallows-rows",
        lambda p: p.write(KERJASAMA, _THREE),
        KERJASAMA,
        3,
        "mitra",
        "tutup tanda kutip di akhir isi sel ini pada baris yang sama",
    ),
    Case(
        "unbalanced-quote-to-end-of-file",
        edit(KERJASAMA, "Universitas Contoh", '"Universitas Contoh'),
        KERJASAMA,
        2,
        "mitra",
        "hapus tanda kutipnya",
    ),
    Case(
        "text-after-closing-quote",
        edit(KERJASAMA, "Universitas Contoh", '"Universitas" Contoh'),
        KERJASAMA,
        2,
        "mitra",
        "tulis tanda kutip di dalam teks dua kali",
    ),
    Case(
        "nul-byte-in-an-id",
        edit(Y + "pengaduan.csv", "ADU-02", "ADU-01\x00"),
        Y + "pengaduan.csv",
        3,
        "id",
        "hapus karakter itu",
    ),
    Case(
        "zero-width-space-in-a-code",
        edit(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E\u200b,P"),
        Y + "pengaduan.csv",
        4,
        "jenis_masalah",
        "hapus karakter itu",
    ),
    Case(
        "control-character-in-text",
        edit(KERJASAMA, "Universitas Contoh", "Universitas\x07Contoh"),
        KERJASAMA,
        2,
        "mitra",
        "hapus karakter itu",
    ),
    Case(
        "two-megabyte-cell",
        edit(KERJASAMA, "Perjanjian Kerja Sama Penyiapan CPMI", "x" * 2_000_000),
        KERJASAMA,
        2,
        "judul",
        "teks panjang ditulis di teks/tw<Q>/*.md",
    ),
    Case(
        "cell-over-the-excel-limit",
        edit(KERJASAMA, "Perjanjian Kerja Sama Penyiapan CPMI", "x" * 40_000),
        KERJASAMA,
        2,
        "judul",
        "teks panjang ditulis di teks/tw<Q>/*.md",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


def test_swallowed_rows_are_named(mini: Project) -> None:
    mini.write(KERJASAMA, _THREE)
    (problem,) = problems_of(mini)
    assert "baris 3–5 terbaca sebagai satu sel" in problem.message


def test_every_broken_line_is_reported_at_once(mini: Project) -> None:
    mini.write(
        KERJASAMA,
        "id,tanggal,mitra,judul\n"
        'KS-01,2025-05-15,"Universitas" Contoh,Perjanjian A\n'
        "KS-02,2025-05-16,Dinas\x00Contoh,Perjanjian B\n"
        "KS-03,2025-13-17,Dinas Contoh,Perjanjian C\n",
    )
    mini.replace(Y + "pengaduan.csv", "ADU-02", "ADU-01\x00")
    found = {(p.file, p.row, p.column) for p in problems_of(mini)}
    assert found == {
        (KERJASAMA, 2, "mitra"),
        (KERJASAMA, 3, "mitra"),
        (KERJASAMA, 4, "tanggal"),
        (Y + "pengaduan.csv", 3, "id"),
    }


def test_nul_is_shown_escaped(mini: Project) -> None:
    mini.replace(Y + "pengaduan.csv", "ADU-02", "ADU-01\x00")
    (problem,) = problems_of(mini)
    assert "U+0000" in problem.message and "\\x00" in problem.render()


def test_quoted_commas_and_doubled_quotes_are_still_fine(mini: Project) -> None:
    mini.replace(KERJASAMA, "Universitas Contoh", '"Universitas ""Contoh"", Kota Mini"')
    assert load(mini).table("kerjasama").df.loc[0, "mitra"] == 'Universitas "Contoh", Kota Mini'
