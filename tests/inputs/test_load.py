"""Loading a whole project: the mini fixture loads; each malformed input is reported precisely."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from conftest import Project

from lkj.cli.main import main
from lkj.errors import InputError, LkjError, Problem
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import load_run

REPO = Path(__file__).parents[2]
Y = "data/mini/2025/"
PK = Y + "pk.yml"
PROFIL = "data/mini/profil.yml"
PARAMS = "params/mini-2025-tw2.yml"


def load(project: Project) -> Inputs:
    return load_inputs(load_run(project.params))


def problems_of(project: Project) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load(project)
    assert caught.value.problems, "InputError without problems"
    return caught.value.problems


def line_with(project: Project, rel: str, text: str) -> int:
    """Line number (1-based) of the only line of a file containing text."""
    found = [i for i, line in enumerate(project.read(rel).splitlines(), 1) if text in line]
    assert len(found) == 1, f"{text!r} on lines {found} of {rel}"
    return found[0]


def append(project: Project, rel: str, line: str) -> None:
    project.write(rel, project.read(rel) + line + "\n")


def drop_column(project: Project, rel: str, column: str) -> None:
    rows = list(csv.reader(io.StringIO(project.read(rel))))
    at = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:at] + r[at + 1 :] for r in rows])
    project.write(rel, out.getvalue())


# --- the valid fixture -------------------------------------------------------------------


def test_mini_project_loads(mini: Project) -> None:
    inputs = load(mini)
    assert inputs.pk.tahun == 2025 and inputs.profile.kode == "mini"
    assert inputs.warnings == []
    assert set(inputs.tables) == {
        "pengaduan",
        "kepulangan",
        "penempatan",
        "verifikasi",
        "kerjasama",
        "nilai",
        "ikpa",
        "ikpa_aspek",
        "pagu",
        "realisasi_anggaran",
    }
    assert set(inputs.references) == {
        "jenis_masalah",
        "kategori_kepulangan",
        "negara",
        "ikpa_kategori",
    }
    assert list(inputs.targets.columns) == ["iku", "periode", "target", "_row"]
    assert len(inputs.targets) == 25
    assert {PK, PROFIL, PARAMS, Y + "target.csv", "data/referensi/negara.csv"} <= set(inputs.files)
    assert all(path.is_file() for path in inputs.files.values())


def test_tables_have_rows_quarters_and_documented_dtypes(mini: Project) -> None:
    inputs = load(mini)
    pengaduan = inputs.table("pengaduan")
    assert pengaduan.shown == Y + "pengaduan.csv" and pengaduan.path.is_file()
    df = pengaduan.df
    assert df["_row"].tolist() == [2, 3, 4] and df["_row"].dtype == "int64"
    assert df["_quarter"].tolist() == [1, 2, 2] and df["_quarter"].dtype == "int64"
    assert str(df["tanggal"].dtype) == "datetime64[ns]"
    assert df["difasilitasi"].tolist() == ["ya", "ya", "tidak"]
    assert pd.isna(df.loc[1, "p3mi"])

    penempatan = inputs.table("penempatan").df
    assert penempatan["bulan"].tolist()[0] == "2025-03" and penempatan["jumlah"].dtype == "int64"
    assert penempatan["_quarter"].tolist() == [1, 2, 2, 2]

    verifikasi = inputs.table("verifikasi").df
    assert verifikasi["hadir"].dtype == "float64" and pd.isna(verifikasi.loc[1, "hadir"])
    assert verifikasi["_quarter"].tolist() == [2, 2]

    nilai = inputs.table("nilai").df
    assert nilai["triwulan"].dtype == "int64" and nilai["nilai"].dtype == "float64"
    assert nilai["_quarter"].tolist() == [1, 2]

    pagu = inputs.table("pagu").df
    assert pagu["pagu_awal"].dtype == "int64" and "_quarter" not in pagu.columns
    assert inputs.table("realisasi_anggaran").df["_quarter"].tolist() == [1, 1, 2, 2]

    kepulangan = inputs.table("kepulangan").df
    assert kepulangan.loc[1, "alamat"] == "Ds. Rekaan RT 01, RW 02"  # quoted comma


def test_missing_optional_table_is_a_clear_error(mini: Project) -> None:
    inputs = load(mini)
    with pytest.raises(LkjError, match=r"rehabilitasi\.csv tidak ada"):
        inputs.table("rehabilitasi")
    with pytest.raises(LkjError, match="tidak dikenal"):
        inputs.table("pengaduans")


def test_header_only_dataset_used_by_an_iku_is_valid(mini: Project) -> None:
    mini.write(Y + "kepulangan.csv", mini.read(Y + "kepulangan.csv").splitlines()[0] + "\n")
    df = load(mini).table("kepulangan").df
    assert len(df) == 0
    assert str(df["tanggal"].dtype) == "datetime64[ns]" and df["_quarter"].dtype == "int64"


def test_excel_habits_are_accepted(mini: Project) -> None:
    """UTF-8 BOM, CRLF line ends and trailing ',,' rows are what Excel writes."""
    path = mini.path(Y + "pagu.csv")
    body = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + body + b",,\r\n\r\n")
    df = load(mini).table("pagu").df
    assert list(df.columns[:3]) == ["kegiatan", "pagu_awal", "pagu_revisi"]
    assert len(df) == 2


def test_unknown_csv_file_is_only_a_warning(mini: Project) -> None:
    mini.write(Y + "pengaduan_lama.csv", "id\n")
    warning = next(w for w in load(mini).warnings if w.file == Y + "pengaduan_lama.csv")
    assert warning.severity == "warning" and "pengaduan.csv" in warning.fix


# --- one malformed input at a time -------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """Change one thing; expect a problem at file/row/column whose fix mentions `fix`."""

    id: str
    change: Callable[[Project], None]
    file: str
    row: int | str | None  # a line number, or text found on the expected line
    column: str | None
    fix: str


def _r(rel: str, old: str, new: str) -> Callable[[Project], None]:
    return lambda p: p.replace(rel, old, new)


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
        _r(Y + "kerjasama.csv", "id,tanggal,", "id,Tanggal,"),
        Y + "kerjasama.csv",
        1,
        "Tanggal",
        "maksudnya 'tanggal'",
    ),
    Case(
        "only-separators",
        lambda p: p.write(Y + "kerjasama.csv", ",,,\n,,,\n"),
        Y + "kerjasama.csv",
        1,
        None,
        "tulis nama kolom di baris 1",
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
        "text-in-count",
        _r(Y + "penempatan.csv", "Informal,P,25", "Informal,P,dua puluh lima"),
        Y + "penempatan.csv",
        4,
        "jumlah",
        "isi dengan angka",
    ),
    Case(
        "negative-count",
        _r(Y + "penempatan.csv", "Informal,P,25", "Informal,P,-25"),
        Y + "penempatan.csv",
        4,
        "jumlah",
        "0 atau lebih",
    ),
    Case(
        "jenis-kelamin-X",
        _r(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X"),
        Y + "pengaduan.csv",
        4,
        "jenis_kelamin",
        "isi dengan L atau P",
    ),
    Case(
        "jenis-masalah-Z",
        _r(Y + "pengaduan.csv", "Taiwan,C,L", "Taiwan,Z,L"),
        Y + "pengaduan.csv",
        3,
        "jenis_masalah",
        "data/referensi/jenis_masalah.csv",
    ),
    Case(
        "unknown-negara",
        _r(Y + "kepulangan.csv", "Kota Mini,Taiwan", "Kota Mini,Atlantis"),
        Y + "kepulangan.csv",
        3,
        "negara",
        "data/referensi/negara.csv",
    ),
    Case(
        "negara-wrong-case",
        _r(Y + "kepulangan.csv", "Kota Mini,Taiwan", "Kota Mini,TAIWAN"),
        Y + "kepulangan.csv",
        3,
        "negara",
        "maksudnya 'Taiwan'",
    ),
    Case(
        "unknown-kategori-kepulangan",
        _r(Y + "kepulangan.csv", ",SAKIT,", ",SAKIT PARAH,"),
        Y + "kepulangan.csv",
        3,
        "kategori",
        "data/referensi/kategori_kepulangan.csv",
    ),
    Case(
        "date-in-another-year",
        _r(Y + "pengaduan.csv", "2025-02-10", "2024-02-10"),
        Y + "pengaduan.csv",
        2,
        "tanggal",
        "harus 2025",
    ),
    Case(
        "malformed-date",
        _r(Y + "pengaduan.csv", "2025-05-20", "20/05/2025"),
        Y + "pengaduan.csv",
        4,
        "tanggal",
        "gunakan format tanggal YYYY-MM-DD, mis. 2025-04-15",
    ),
    Case(
        "month-13",
        _r(Y + "penempatan.csv", "2025-03", "2025-13"),
        Y + "penempatan.csv",
        2,
        "bulan",
        "bulan 01 sampai 12",
    ),
    Case(
        "duplicate-id",
        _r(Y + "pengaduan.csv", "ADU-02", "ADU-01"),
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
        "empty-file",
        lambda p: p.write(Y + "kepulangan.csv", ""),
        Y + "kepulangan.csv",
        1,
        None,
        "baris header",
    ),
    Case(
        "latin-1-encoding",
        lambda p: p.path(Y + "pengaduan.csv").write_bytes(
            p.read(Y + "pengaduan.csv").replace("PT Sampel", "PT Café").encode("latin-1")
        ),
        Y + "pengaduan.csv",
        4,
        "p3mi",
        "CSV UTF-8",
    ),
    Case(
        "semicolon-delimiter",
        lambda p: p.write(Y + "pagu.csv", p.read(Y + "pagu.csv").replace(",", ";")),
        Y + "pagu.csv",
        1,
        None,
        "ganti setiap titik koma (;) dengan koma",
    ),
    Case(
        "unquoted-comma-in-text",
        _r(Y + "kerjasama.csv", "Universitas Contoh", "Universitas Contoh, Kota Mini"),
        Y + "kerjasama.csv",
        2,
        None,
        "tanda kutip ganda",
    ),
    Case(
        "empty-required-cell",
        _r(Y + "pengaduan.csv", ",Taiwan,C,L", ",,C,L"),
        Y + "pengaduan.csv",
        3,
        "negara",
        "isi kolom negara",
    ),
    Case(
        "thousands-separator-in-rupiah",
        _r(Y + "pagu.csv", "1000000000", "1.000.000.000"),
        Y + "pagu.csv",
        2,
        "pagu_awal",
        "1000000000",
    ),
    Case(
        "target-missing-for-a-quarter",
        _r(Y + "target.csv", "IKU03,TW3,150\n", ""),
        Y + "target.csv",
        "IKU03,tahunan",
        "periode",
        "IKU03,TW3,<target>",
    ),
    Case(
        "target-for-unknown-iku",
        lambda p: append(p, Y + "target.csv", "IKU99,tahunan,5"),
        Y + "target.csv",
        27,
        "iku",
        "kode yang sah: IKU01",
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
        "comma-decimal-target",
        _r(Y + "target.csv", "IKU04,TW3,2.5", 'IKU04,TW3,"2,5"'),
        Y + "target.csv",
        20,
        "target",
        "pakai titik sebagai pemisah desimal",
    ),
    Case(
        "unquoted-comma-decimal-target",
        _r(Y + "target.csv", "IKU04,TW3,2.5", "IKU04,TW3,2,5"),
        Y + "target.csv",
        20,
        None,
        "titik sebagai pemisah desimal",
    ),
    Case(
        "negative-target",
        _r(Y + "target.csv", "IKU02,TW1,40", "IKU02,TW1,-40"),
        Y + "target.csv",
        8,
        "target",
        "0 atau lebih",
    ),
    Case(
        "kategori-target-not-in-list",
        _r(Y + "target.csv", "IKU05,TW2,Baik", "IKU05,TW2,Bagus"),
        Y + "target.csv",
        24,
        "target",
        "Kurang, Cukup, Baik, Sangat Baik",
    ),
    Case(
        "hadir-plus-tidak-hadir-not-jumlah",
        _r(Y + "verifikasi.csv", "100,95,5", "100,95,7"),
        Y + "verifikasi.csv",
        2,
        "jumlah",
        "hadir + tidak_hadir = jumlah",
    ),
    Case(
        "tanggal-selesai-before-mulai",
        _r(Y + "verifikasi.csv", "2025-04-21,2025-04-24", "2025-04-21,2025-04-20"),
        Y + "verifikasi.csv",
        2,
        "tanggal_selesai",
        "perbaiki salah satu tanggal",
    ),
    Case(
        "nilai-out-of-range",
        _r(Y + "nilai.csv", "92.5", "120"),
        Y + "nilai.csv",
        3,
        "nilai",
        "0–100",
    ),
    Case(
        "nilai-without-value-or-kategori",
        _r(Y + "nilai.csv", "1,,Baik,", "1,,,"),
        Y + "nilai.csv",
        2,
        "nilai",
        "isi nilai (angka) atau kategori",
    ),
    Case(
        "nilai-kategori-not-in-iku-list",
        _r(Y + "nilai.csv", "1,,Baik,", "1,,Bagus,"),
        Y + "nilai.csv",
        2,
        "kategori",
        "Kurang, Cukup, Baik, Sangat Baik",
    ),
    Case(
        "ikpa-aspek-unknown",
        _r(Y + "ikpa_aspek.csv", "2,Kualitas Pelaksanaan Anggaran", "2,Kualitas Pelayanan"),
        Y + "ikpa_aspek.csv",
        3,
        "aspek",
        "Kualitas Perencanaan Anggaran",
    ),
    Case(
        "ikpa-duplicate-component",
        _r(Y + "ikpa.csv", "2,PENYERAPAN", "2,REVISI_DIPA"),
        Y + "ikpa.csv",
        3,
        "kode",
        "satu baris per triwulan",
    ),
    Case(
        "pk-unknown-aturan",
        _r(PK, "aturan: hitung\n", "aturan: hitungan\n"),
        PK,
        "aturan: hitungan",
        "iku[3].sumber.aturan",
        "hitung, jumlah, rasio, nilai, kategori",
    ),
    Case(
        "pk-iku-unknown-sasaran",
        _r(PK, "nomor: 2\n    sasaran: SS1", "nomor: 2\n    sasaran: SS7"),
        PK,
        "sasaran: SS7",
        "iku[1].sasaran",
        "SS1, SS2",
    ),
    Case(
        "pk-duplicate-iku-code",
        _r(PK, "kode: IKU04", "kode: IKU03  # again"),
        PK,
        "# again",
        "iku[3].kode",
        "kode lain",
    ),
    Case(
        "pk-unknown-key",
        _r(PK, "kumulatif: terakhir", "kumulatif: terakhir\n    kumulativ: terakhir"),
        PK,
        "kumulativ:",
        "iku[4].kumulativ",
        "maksudnya 'kumulatif'",
    ),
    Case(
        "pk-rasio-without-pembilang",
        _r(PK, "      pembilang: {difasilitasi: ya}\n", ""),
        PK,
        "aturan: rasio",
        "iku[0].sumber.pembilang",
        "tambahkan pembilang",
    ),
    Case(
        "pk-tahun-not-params-year",
        _r(PK, "tahun: 2025", "tahun: 2024"),
        PK,
        "tahun: 2024",
        "tahun",
        "tahun: 2025",
    ),
    Case(
        "pk-unknown-dataset",
        _r(PK, "dataset: kepulangan", "dataset: kepulangn"),
        PK,
        "dataset: kepulangn",
        "iku[3].sumber.dataset",
        "maksudnya 'kepulangan'",
    ),
    Case(
        "pk-filter-on-unknown-column",
        _r(PK, "{difasilitasi: ya}", "{difasiltasi: ya}"),
        PK,
        "difasiltasi",
        "iku[0].sumber.pembilang.difasiltasi",
        "maksudnya 'difasilitasi'",
    ),
    Case(
        "pk-filter-yaml-yes",
        _r(PK, "{difasilitasi: ya}", "{difasilitasi: yes}"),
        PK,
        "difasilitasi: yes",
        "iku[0].sumber.pembilang.difasilitasi",
        "difasilitasi: ya",
    ),
    Case(
        "pk-kolom-unknown",
        _r(PK, "kolom: [hadir, jumlah]", "kolom: [hadir, jumlh]"),
        PK,
        "jumlh",
        "iku[2].sumber.kolom",
        "maksudnya 'jumlah'",
    ),
    Case(
        "pk-yaml-syntax",
        _r(PK, "tahun: 2025", "tahun: [2025"),
        PK,
        3,
        None,
        "periksa indentasi",
    ),
    Case(
        "missing-dataset-used-by-iku",
        lambda p: p.path(Y + "verifikasi.csv").unlink(),
        Y + "verifikasi.csv",
        None,
        None,
        "tanpa data cukup baris header: id,program",
    ),
    Case(
        "missing-target-file",
        lambda p: p.path(Y + "target.csv").unlink(),
        Y + "target.csv",
        None,
        None,
        "iku,periode,target",
    ),
    Case(
        "missing-reference-file",
        lambda p: p.path("data/referensi/negara.csv").unlink(),
        "data/referensi/negara.csv",
        None,
        None,
        "buat berkas ini",
    ),
    Case(
        "pagu-for-unknown-kegiatan",
        _r(Y + "pagu.csv", "K2,", "K9,"),
        Y + "pagu.csv",
        3,
        "kegiatan",
        "K1, K2",
    ),
    Case(
        "kegiatan-without-pagu",
        _r(Y + "pagu.csv", "K2,500000000,550000000\n", ""),
        Y + "pagu.csv",
        None,
        "kegiatan",
        "K2,<pagu_awal>,<pagu_revisi>",
    ),
    Case(
        "realisasi-for-unknown-kegiatan",
        _r(Y + "realisasi_anggaran.csv", "2025-04,K2", "2025-04,K3"),
        Y + "realisasi_anggaran.csv",
        5,
        "kegiatan",
        "K1, K2",
    ),
    Case(
        "profil-missing-kepala",
        _r(PROFIL, 'kepala:\n  nama: "ANA CONTOH, S.E."\n', 'kepala_lama:\n  nama: "ANA"\n'),
        PROFIL,
        "kode: mini",
        "kepala",
        "tambahkan kepala:",
    ),
    Case(
        "profil-kode-not-unit",
        _r(PROFIL, "kode: mini", "kode: mini2"),
        PROFIL,
        "kode: mini2",
        "kode",
        "kode: mini",
    ),
    Case(
        "params-quarter-5",
        _r(PARAMS, "quarter: 2", "quarter: 5"),
        "PARAMS",
        "quarter: 5",
        "quarter",
        "1, 2, 3 atau 4",
    ),
    Case(
        "params-unknown-unit",
        _r(PARAMS, "unit: mini", "unit: mimi"),
        "PARAMS",
        "unit: mimi",
        "unit",
        "pakai salah satu dari: mini",
    ),
    Case(
        "params-unknown-key",
        _r(PARAMS, "quarter: 2", "quarter: 2\nkwartal: 2"),
        "PARAMS",
        "kwartal",
        "kwartal",
        "perbaiki ejaannya",
    ),
    *[
        Case(
            f"params-appendix-max-rows-{bad}",
            _r(PARAMS, "quarter: 2", f"quarter: 2\nappendix_max_rows: {bad}"),
            "PARAMS",
            "appendix_max_rows",
            "appendix_max_rows",
            "bilangan bulat positif",
        )
        for bad in ("0", "-1", "banyak", '"200"')
    ],
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    case.change(mini)
    # load_run names the params file as it was given (here: an absolute path).
    file = str(mini.params) if case.file == "PARAMS" else case.file
    rel = PARAMS if case.file == "PARAMS" else case.file
    row = line_with(mini, rel, case.row) if isinstance(case.row, str) else case.row
    problems = problems_of(mini)
    rendered = "\n".join(p.render() for p in problems)
    matching = [p for p in problems if (p.file, p.row, p.column) == (file, row, case.column)]
    assert matching, f"no problem at {file}, row {row}, column {case.column}:\n{rendered}"
    assert any(case.fix in p.fix for p in matching), rendered
    assert all(p.message and p.fix for p in problems), rendered


def test_appendix_max_rows_is_optional(mini: Project) -> None:
    assert load_run(mini.params).params.appendix_max_rows is None  # absent: no cap
    mini.replace(PARAMS, "quarter: 2", "quarter: 2\nappendix_max_rows: null")
    assert load_run(mini.params).params.appendix_max_rows is None
    mini.replace(PARAMS, "appendix_max_rows: null", "appendix_max_rows: 5")
    assert load_run(mini.params).params.appendix_max_rows == 5


def test_appendix_max_rows_problem_reads_in_indonesian(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 2\nappendix_max_rows: banyak")
    (problem,) = problems_of(mini)
    assert problem.message == "nilai harus bilangan bulat" and problem.value == "banyak"
    mini.replace(PARAMS, "appendix_max_rows: banyak", "appendix_max_rows: 0")
    (problem,) = problems_of(mini)
    assert problem.message == "nilai di luar rentang (minimal 1)"


def test_many_problems_in_different_files_are_reported_together(mini: Project) -> None:
    mini.replace(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X")
    mini.replace(Y + "penempatan.csv", "2025-03", "2025-13")
    append(mini, Y + "target.csv", "IKU01,TW2,75")
    mini.replace(PK, "aturan: hitung\n", "aturan: hitungan\n")
    mini.replace(PROFIL, "email: balai.mini@example.org\n", "")
    mini.write(Y + "kerjasama.csv", "")
    problems = problems_of(mini)
    assert {p.file for p in problems} == {
        Y + "pengaduan.csv",
        Y + "penempatan.csv",
        Y + "target.csv",
        PK,
        PROFIL,
        Y + "kerjasama.csv",
    }


def test_several_problems_in_one_file_are_all_reported(mini: Project) -> None:
    mini.replace(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X")
    mini.replace(Y + "pengaduan.csv", "2025-02-10", "2025-02-30")
    mini.replace(Y + "pengaduan.csv", "Taiwan,C,L,ya", "Taiwan,C,L,mungkin")
    found = {(p.row, p.column) for p in problems_of(mini)}
    assert found == {(4, "jenis_kelamin"), (2, "tanggal"), (3, "difasilitasi")}


def test_warnings_do_not_fail_but_travel_with_errors(mini: Project) -> None:
    mini.write(Y + "pengaduan_lama.csv", "id\n")
    mini.replace(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X")
    with pytest.raises(InputError) as caught:
        load(mini)
    assert len(caught.value.problems) == 1
    assert [w.file for w in caught.value.warnings] == [Y + "pengaduan_lama.csv"]


# --- the repository's own data -----------------------------------------------------------


def test_jawa_tengah_2025_tw2_loads_without_errors() -> None:
    inputs = load_inputs(load_run(REPO / "params" / "jateng-2025-tw2.yml"))
    assert len(inputs.pk.iku) == 13
    assert all(w.severity == "warning" for w in inputs.warnings)
    used = {i.sumber.dataset for i in inputs.pk.iku}
    assert used <= set(inputs.tables)


@pytest.mark.parametrize("params", sorted((REPO / "params").glob("*.yml")), ids=lambda p: p.name)
def test_every_run_in_the_repository_loads(params: Path) -> None:
    load_inputs(load_run(params))


# --- through the command line ------------------------------------------------------------


def test_cli_check_passes_on_the_fixture(mini: Project, capsys: pytest.CaptureFixture) -> None:
    assert main(["check", str(mini.params)]) == 0
    assert "semua data masukan sah" in capsys.readouterr().out


def test_cli_check_reports_problems(mini: Project, capsys: pytest.CaptureFixture) -> None:
    mini.replace(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X")
    mini.path(Y + "verifikasi.csv").unlink()
    assert main(["check", str(mini.params)]) == 2
    err = " ".join(capsys.readouterr().err.split())  # undo the console's line wrapping
    assert "2 masalah" in err
    assert "data/mini/2025/pengaduan.csv, baris 4, kolom 'jenis_kelamin'" in err
    assert "isi dengan L atau P" in err
    assert "data/mini/2025/verifikasi.csv: berkas tidak ditemukan" in err


def test_cli_check_reports_params_problems(mini: Project, capsys: pytest.CaptureFixture) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 5")
    assert main(["check", str(mini.params)]) == 2
    assert "kolom 'quarter'" in " ".join(capsys.readouterr().err.split())


def test_ikpa_aspect_without_components_is_a_warning(mini: Project) -> None:
    mini.replace(
        Y + "ikpa.csv",
        "2,PENYERAPAN,Penyerapan Anggaran,Kualitas Pelaksanaan Anggaran,20,81.5,ya\n",
        "",
    )
    warning = next(w for w in load(mini).warnings if w.file == Y + "ikpa_aspek.csv")
    assert (warning.row, warning.column, warning.severity) == (3, "aspek", "warning")
