"""The table specs and their pandera checks, on small hand-written frames (no files)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from lkj.errors import Problem
from lkj.inputs import schemas as sc

README = Path(__file__).parents[2] / "data" / "README.md"
REFS = {
    "jenis_masalah": list("ABCDEFGHIJKLMNO"),
    "kategori_kepulangan": ["SAKIT", "MENINGGAL"],
    "negara": ["Malaysia", "Taiwan"],
}


def validate(
    name: str, header: str, *rows: str | list[str], refs: dict[str, list[str]] | None = None
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validate rows written like CSV lines (split on commas) or given as lists of cells."""
    spec = {**sc.TABLES, "target": sc.TARGET, **sc.REFERENCES}[name]
    columns = header.split(",")
    cells = [r.split(",") if isinstance(r, str) else r for r in rows]
    raw = pd.DataFrame(cells, columns=columns, dtype="str")
    if not rows:
        raw = pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
    lines = pd.Series(range(2, len(rows) + 2), index=raw.index, dtype="int64")
    schema = sc.TableSchema(spec, 2025, REFS if refs is None else refs)
    return sc.validate_table(schema, f"{name}.csv", raw, lines)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.render() for p in problems]
    return problems[0]


PENEMPATAN = "bulan,layanan,skema,sektor,jenis_kelamin,jumlah"
VERIFIKASI = (
    "id,program,kelompok,kegiatan,tanggal_mulai,tanggal_selesai,lokasi,jumlah,hadir,tidak_hadir"
)


def readme_columns() -> dict[str, list[str]]:
    """dataset → column names from the table in data/README.md ('*' = nullable)."""
    found = {}
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Record-level datasets") :]
    for line in section.splitlines():
        m = re.fullmatch(r"\| (\w+) \| (.+) \| \w+ \|", line)
        if m and m.group(1) != "dataset":
            names = re.sub(r"\([^)]*\)", "", m.group(2))
            found[m.group(1)] = [n.strip() for n in names.split(",")]
    return found


def test_specs_match_the_data_specification() -> None:
    documented = readme_columns()
    assert set(documented) == set(sc.DATASETS)
    for name, columns in documented.items():
        spec = sc.DATASETS[name]
        assert spec.names == [c.rstrip("*") for c in columns], name
        nullable = {c.rstrip("*") for c in columns if c.endswith("*")}
        assert {c.name for c in spec.columns if c.nullable} == nullable, name


def test_every_dataset_has_a_quarter_column() -> None:
    for spec in sc.DATASETS.values():
        assert spec.quarter_from in spec.names


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


def test_nilai_needs_a_value_or_a_category_and_stays_in_range() -> None:
    header = "indikator,triwulan,nilai,kategori,sumber"
    assert validate("nilai", header, "a,1,,Baik,", "b,1,70,,")[1] == []
    problems = validate("nilai", header, "a,1,,,", "b,5,101,,")[1]
    assert [(p.row, p.column) for p in problems] == [(2, "nilai"), (3, "nilai"), (3, "triwulan")]


def test_ikpa_deduction_has_no_weight() -> None:
    header = "triwulan,kode,komponen,aspek,bobot,nilai,berlaku"
    problem = only(validate("ikpa", header, "2,SPM,Dispensasi SPM,Pengurang,5,0,ya")[1])
    assert problem.column == "bobot" and "bobot 0" in problem.fix


def test_reference_codes_have_a_shape() -> None:
    problem = only(validate("jenis_masalah", "kode,uraian", "AB,Dua huruf")[1])
    assert problem.column == "kode" and "satu huruf besar" in problem.fix


def test_suggest() -> None:
    assert sc.suggest("taiwan", ["Taiwan", "Malaysia"]) == "Taiwan"
    assert sc.suggest("Malaysa", ["Taiwan", "Malaysia"]) == "Malaysia"
    assert sc.suggest("Zimbabwe", ["Taiwan", "Malaysia"]) is None
