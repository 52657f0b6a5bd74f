"""The annual book's files (renstra.csv, riwayat.csv, standar.csv) are checked like every CSV:
each problem with file, line, column and a fix, all at once, before any notebook runs."""

from __future__ import annotations

import pytest
from conftest import Project

from lkj.errors import InputError, Problem
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run

PARAMS = "params/mini-2025-tw2.yml"
RENSTRA = "data/mini/renstra.csv"
RIWAYAT = "data/mini/riwayat.csv"
GOOD = "iku,tahun,target\nIKU01,2025,80\nIKU01,2029,90\nIKU05,2025,Baik\nIKU05,2029,Sangat Baik\n"


def annual(mini: Project) -> Project:
    mini.replace(PARAMS, "quarter: 2", "kind: tahunan")
    mini.write(RENSTRA, GOOD)
    return mini


def problems(project: Project) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_inputs(load_run(project.params))
    return [p for p in caught.value.problems if p.severity == "error"]


def test_valid_annual_files_load(mini: Project) -> None:
    project = annual(mini)
    mini.write(RIWAYAT, "iku,tahun,realisasi,keterangan\nIKU01,2024,75.5,\nIKU05,2024,Cukup,\n")
    inputs = load_inputs(load_run(project.params))
    assert "data/mini/renstra.csv" in inputs.files and "data/mini/riwayat.csv" in inputs.files


def test_a_missing_renstra_file_says_what_to_write(mini: Project) -> None:
    project = annual(mini)
    project.path(RENSTRA).unlink()
    (problem,) = problems(project)
    assert problem.file == RENSTRA and "iku,tahun,target" in problem.fix


def test_a_quarterly_run_reads_no_annual_file(mini: Project) -> None:
    mini.write(RENSTRA, "iku,tahun,target\nIKU99,2025,x\n")  # wrong, but not read
    assert RENSTRA not in load_inputs(load_run(mini.params)).files


@pytest.mark.parametrize(
    ("line", "column", "fix"),
    [
        ("IKU99,2026,80", "iku", "kode yang sah"),
        ("IKU01,2026,80%", "target", "tulis angkanya saja"),
        ("IKU01,2026,1.000", "target", "1000"),
        ("IKU05,2026,Istimewa", "target", "Kurang, Cukup, Baik, Sangat Baik"),
        ("IKU01,2025,85", "tahun", "satu target Renstra per tahun"),
        ("IKU01,dua ribu,85", "tahun", ""),
    ],
)
def test_a_wrong_renstra_row_is_located(mini: Project, line: str, column: str, fix: str) -> None:
    project = annual(mini)
    project.write(RENSTRA, GOOD + line + "\n")
    found = [p for p in problems(project) if p.file == RENSTRA]
    assert found, "no problem reported"
    assert any(p.row == 6 and p.column in (column, None) and fix in p.fix for p in found), [
        p.render() for p in found
    ]


def test_history_holds_earlier_years_only_and_every_problem_comes_at_once(mini: Project) -> None:
    project = annual(mini)
    project.write(RENSTRA, GOOD + "IKU99,2026,80\n")
    project.write(RIWAYAT, "iku,tahun,realisasi,keterangan\nIKU01,2025,75,\nIKU02,2024,banyak,\n")
    found = {(p.file, p.row, p.column) for p in problems(project)}
    assert {(RENSTRA, 6, "iku"), (RIWAYAT, 2, "tahun"), (RIWAYAT, 3, "realisasi")} <= found


def test_renstra_year_differing_from_the_pk_target_is_a_warning_in_both_files(
    mini: Project,
) -> None:
    project = annual(mini)
    same = load_inputs(load_run(project.params)).warnings  # GOOD: 80 and Baik, as target.csv
    assert not [w for w in same if "berbeda dengan target Perjanjian Kinerja" in w.message]
    mini.write(
        RENSTRA,
        GOOD.replace("IKU01,2025,80", "IKU01,2025,82.5").replace(
            "IKU05,2025,Baik", "IKU05,2025,Sangat Baik"
        ),
    )
    warned = [
        w
        for w in load_inputs(load_run(project.params)).warnings
        if "berbeda dengan target Perjanjian Kinerja" in w.message
    ]
    assert [(w.file, w.row, w.column, w.value) for w in warned] == [
        (RENSTRA, 2, "target", "82.5"),
        (RENSTRA, 4, "target", "Sangat Baik"),
    ]
    assert "(80 di data/mini/2025/target.csv baris 2)" in warned[0].message
    assert "(Baik di data/mini/2025/target.csv baris 22)" in warned[1].message


def test_the_same_target_written_differently_is_no_difference(mini: Project) -> None:
    project = annual(mini)
    mini.write(RENSTRA, GOOD.replace("IKU01,2025,80", "IKU01,2025,80.0"))
    warnings = load_inputs(load_run(project.params)).warnings
    assert not [w for w in warnings if "berbeda dengan target Perjanjian Kinerja" in w.message]
