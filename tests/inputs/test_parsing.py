"""Text cells to typed columns: final dtypes, and unreadable cells reported with their raw text."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import Project

from .cases import PENEMPATAN, VERIFIKASI, Case, Y, assert_reported, edit, only, validate


def test_valid_rows_get_final_dtypes() -> None:
    df, problems = validate(
        "verifikasi",
        VERIFIKASI,
        "V1,G to G,UBT,Ujian,2025-04-21,2025-04-24,Balai,100,95,5",
        "V2,G to G,UBT,Ujian,2025-06-02,2025-06-02,,20,,",
    )
    assert problems == []
    assert df is not None
    assert str(df["tanggal_mulai"].dtype) == "datetime64[ns]"
    assert df["jumlah"].dtype == "int64"
    assert df["hadir"].dtype == "float64" and pd.isna(df.loc[1, "hadir"])
    assert pd.isna(df.loc[1, "lokasi"])
    assert df["kelompok"].tolist() == ["UBT", "UBT"]


def test_header_only_is_an_empty_typed_table() -> None:
    df, problems = validate("penempatan", PENEMPATAN)
    assert problems == []
    assert df is not None and len(df) == 0
    assert df["jumlah"].dtype == "int64" and df["bulan"].dtype == "str"


def test_month_stays_text_and_cells_are_stripped() -> None:
    df, problems = validate("penempatan", PENEMPATAN, " 2025-04 ,P4MI, Reguler ,Formal,L, 7 ")
    assert problems == []
    assert df is not None
    assert df.loc[0, "bulan"] == "2025-04" and df.loc[0, "skema"] == "Reguler"
    assert df.loc[0, "jumlah"] == 7


@pytest.mark.parametrize(
    ("cell", "message", "fix"),
    [
        ("1.009", "pemisah ribuan", "tulis tanpa pemisah ribuan, mis. 1009"),
        ("12,5", "bilangan bulat", "tanpa koma"),  # a quoted cell "12,5"
        ("12.5", "bilangan bulat", "tanpa desimal"),
        ("Rp 500", "Rp", "tanpa 'Rp'"),
        ("dua", "bukan bilangan bulat", "isi dengan angka"),
    ],
)
def test_unreadable_counts_keep_their_raw_text(cell: str, message: str, fix: str) -> None:
    df, problems = validate(
        "penempatan", PENEMPATAN, ["2025-04", "P4MI", "Reguler", "Formal", "L", cell]
    )
    problem = only(problems)
    assert df is None
    assert (problem.row, problem.column, problem.value) == (2, "jumlah", cell)
    assert message in problem.message and fix in problem.fix


def test_comma_decimal_in_a_score_asks_for_a_point() -> None:
    header = "indikator,triwulan,nilai,kategori,sumber"
    problem = only(validate("nilai", header, ["arsip", "2", "87,5", "", ""])[1])
    assert (problem.column, problem.value) == ("nilai", "87,5")
    assert "titik" in problem.fix and "87.5" in problem.fix


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("15/04/2025", "format tanggal"),
        ("2025-4-15", "format tanggal"),
        ("2025-02-30", "tidak ada di kalender"),
    ],
)
def test_bad_dates(cell: str, message: str) -> None:
    _, problems = validate("data_supply", "id,tanggal,judul", f"D1,{cell},Data")
    problem = only(problems)
    assert message in problem.message and "YYYY-MM-DD" in problem.fix
    assert (problem.column, problem.value) == ("tanggal", cell)


CASES = [
    Case(
        "text-in-count",
        edit(Y + "penempatan.csv", "Informal,P,25", "Informal,P,dua puluh lima"),
        Y + "penempatan.csv",
        4,
        "jumlah",
        "isi dengan angka",
    ),
    Case(
        "malformed-date",
        edit(Y + "pengaduan.csv", "2025-05-20", "20/05/2025"),
        Y + "pengaduan.csv",
        4,
        "tanggal",
        "gunakan format tanggal YYYY-MM-DD, mis. 2025-04-15",
    ),
    Case(
        "thousands-separator-in-rupiah",
        edit(Y + "pagu.csv", "1000000000", "1.000.000.000"),
        Y + "pagu.csv",
        2,
        "pagu_awal",
        "1000000000",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)
