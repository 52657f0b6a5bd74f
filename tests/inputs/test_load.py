"""Loading a whole project: the mini fixture loads with documented dtypes; every file is read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import Project

from lkj.cli.main import main
from lkj.errors import InputError, LkjError
from lkj.inputs.load import load_inputs, read_run
from lkj.inputs.params import load_run

from .cases import PARAMS, PK, PROFIL, REPO, Case, Y, append, assert_reported, load, problems_of

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


def test_unknown_csv_file_is_only_a_warning(mini: Project) -> None:
    mini.write(Y + "pengaduan_lama.csv", "id\n")
    warning = next(w for w in load(mini).warnings if w.file == Y + "pengaduan_lama.csv")
    assert warning.severity == "warning" and "pengaduan.csv" in warning.fix


# --- missing files and many problems at once ----------------------------------------------

CASES = [
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
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


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


# --- a params error no longer hides the data's errors ---------------------------------------


def test_params_and_data_problems_are_reported_together(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 5")
    mini.replace(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X")
    with pytest.raises(InputError) as caught:
        read_run(mini.params)
    found = {(p.file, p.row, p.column) for p in caught.value.problems}
    assert found == {(str(mini.params), 4, "quarter"), (Y + "pengaduan.csv", 4, "jenis_kelamin")}
    fixes = {p.column: p.fix for p in caught.value.problems}
    assert fixes == {"quarter": "isi 1, 2, 3 atau 4", "jenis_kelamin": "isi dengan L atau P"}


def test_a_bad_optional_key_keeps_the_data_checked(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 2\nedition: rahasia\npublished_figures: /etc/x")
    mini.replace(Y + "pengaduan.csv", "2025-02-10", "2025-02-30")
    with pytest.raises(InputError) as caught:
        read_run(mini.params)
    columns = sorted(str(p.column) for p in caught.value.problems)
    assert columns == ["edition", "published_figures", "tanggal"]


def test_data_cannot_be_checked_without_unit(mini: Project) -> None:
    mini.replace(PARAMS, "unit: mini", "unit: Mini Unit")
    mini.replace(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X")
    with pytest.raises(InputError) as caught:
        read_run(mini.params)
    assert [p.column for p in caught.value.problems] == ["unit"]


def test_valid_params_read_as_before(mini: Project) -> None:
    assert read_run(mini.params) == load_run(mini.params)


def test_cli_check_shows_params_and_data_problems(
    mini: Project, capsys: pytest.CaptureFixture
) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 2\nquarter: 3")
    mini.replace(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,X")
    assert main(["check", str(mini.params)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "kolom 'quarter'" in err and "kolom 'jenis_kelamin'" in err
