"""Records dated after the run's quarter: a warning per file naming every line."""

from __future__ import annotations

from conftest import Project

from lkj.errors import Problem

from .cases import PARAMS, Y, load


def _warning(project: Project, file: str) -> Problem:
    (found,) = [w for w in load(project).warnings if w.file == file]
    return found


def test_a_tw2_row_dated_in_july_is_named(mini: Project) -> None:
    mini.replace(Y + "kepulangan.csv", "PLG-02,2025-04-02", "PLG-02,2025-07-02")
    warning = _warning(mini, Y + "kepulangan.csv")
    assert (warning.row, warning.column, warning.value) == (3, "tanggal", "2025-07-02")
    assert "1 baris tercatat untuk triwulan setelah TW II (baris 3)" in warning.message
    assert "perbaiki ke TW II atau sebelumnya" in warning.fix
    assert warning.severity == "warning"


def test_a_triwulan_after_the_run_is_named(mini: Project) -> None:
    mini.replace(Y + "nilai.csv", "kinerja_anggaran,2,", "kinerja_anggaran,3,")
    warning = _warning(mini, Y + "nilai.csv")
    assert (warning.row, warning.column, warning.value) == (3, "triwulan", 3)
    assert "perbaiki ke TW II" in warning.fix


def test_months_after_the_run_in_the_budget_are_named(mini: Project) -> None:
    mini.replace(Y + "realisasi_anggaran.csv", "2025-04,K2", "2025-10,K2")
    warning = _warning(mini, Y + "realisasi_anggaran.csv")
    assert (warning.row, warning.column, warning.value) == (5, "bulan", "2025-10")


def test_a_tw4_run_has_nothing_later(mini: Project) -> None:
    mini.replace(Y + "kepulangan.csv", "PLG-02,2025-04-02", "PLG-02,2025-12-02")
    mini.replace(PARAMS, "quarter: 2", "quarter: 4")
    assert [w for w in load(mini).warnings if "setelah TW" in w.message] == []


def test_earlier_quarters_are_not_warned_about(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 1")
    files = {w.file for w in load(mini).warnings if "setelah TW I " in w.message}
    assert Y + "pengaduan.csv" in files and Y + "pagu.csv" not in files
