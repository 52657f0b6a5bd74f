"""lkj template → lkj import: the analyst's Excel round trip, and refused workbooks."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkj.analyst.excel.importer import import_workbook
from lkj.analyst.excel.template import write_template
from lkj.cli.main import main
from lkj.errors import InputError
from lkj.inputs.params import load_run

ROOT = Path(__file__).resolve().parents[2]


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def workbook(mini, tmp_path: Path) -> Path:
    out = tmp_path / "isian.xlsx"
    write_template(load_run(mini.params), out)
    return out


def test_template_has_instructions_data_and_validation(mini, workbook: Path) -> None:
    wb = load_workbook(workbook)
    assert wb.sheetnames[0] == "Petunjuk"
    assert {"target", "pagu", "realisasi_anggaran", "pengaduan", "penempatan"} <= set(wb.sheetnames)
    guide = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Cara mengisi" in guide and "wajib diisi" in guide
    ws = wb["pengaduan"]
    assert [c.value for c in ws[1]] == mini.read("data/mini/2025/pengaduan.csv").split("\n")[
        0
    ].split(",")
    assert ws["B1"].comment is not None and "triwulan" in ws["B1"].comment.text
    assert isinstance(ws["B2"].value, dt.datetime)  # a real Excel date
    rules = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert rules["E2"].type == "list"  # jenis_masalah A–O
    assert rules["F2"].formula1 == '"L,P"'
    assert rules["B2"].type == "date"
    jumlah = {
        str(dv.sqref).split(":")[0]: dv for dv in wb["penempatan"].data_validations.dataValidation
    }
    assert jumlah["F2"].type == "whole" and isinstance(wb["penempatan"]["F2"].value, int)


def project(tmp_path: Path) -> Path:
    """A copy of the shipped project: data, params, and the book files unit.yml names."""
    root = tmp_path / "proj"
    for part in ("data", "params", "notebooks"):
        shutil.copytree(ROOT / part, root / part)
    for quarto in ROOT.glob("_quarto*.yml"):
        shutil.copy2(quarto, root / quarto.name)
    return root


@pytest.mark.parametrize(
    "params",
    [
        "params/jateng-2025-tw2.yml",
        "params/nusantara-2025-tw1.yml",
        "params/labnusa-2025-tw1.yml",  # its own datasets, declared in data/labnusa/unit.yml
        "params/jateng-2025-tahunan.yml",  # with renstra.csv, riwayat.csv, standar.csv
    ],
)
def test_unchanged_template_imports_byte_identical(tmp_path: Path, params: str) -> None:
    root = project(tmp_path)
    run = load_run(root / params)
    before = digest(root / "data")
    xlsx = tmp_path / "t.xlsx"
    write_template(run, xlsx)
    result = import_workbook(xlsx, root / params)
    assert result.written == []
    assert digest(root / "data") == before


def test_edit_in_excel_is_written(mini, workbook: Path) -> None:
    wb = load_workbook(workbook)
    ws = wb["penempatan"]
    ws["F2"] = 15  # was 12
    wb.save(workbook)
    assert main(["import", str(workbook), str(mini.params)]) == 0
    assert "2025-03,P4MI,Reguler,Formal,L,15\n" in mini.read("data/mini/2025/penempatan.csv")


def _refused(mini, workbook: Path, edit) -> list:
    wb = load_workbook(workbook)
    edit(wb)
    wb.save(workbook)
    before = digest(mini.root / "data")
    with pytest.raises(InputError) as info:
        import_workbook(workbook, mini.params)
    assert digest(mini.root / "data") == before  # nothing written
    return info.value.problems


def test_text_in_number_cell(mini, workbook: Path) -> None:
    problems = _refused(mini, workbook, lambda wb: wb["penempatan"].cell(3, 6, "sepuluh"))
    (p,) = problems
    assert p.file == "isian.xlsx, lembar 'penempatan'"
    assert (p.row, p.column, p.value) == (3, "F (jumlah)", "sepuluh")
    assert "bilangan bulat" in p.message and p.fix


def test_wrong_category(mini, workbook: Path) -> None:
    problems = _refused(mini, workbook, lambda wb: wb["pengaduan"].cell(2, 5, "Z"))
    (p,) = problems
    assert ("lembar 'pengaduan'" in p.file, p.row, p.column) == (True, 2, "E (jenis_masalah)")
    assert "A–E" in p.fix  # the mini project lists five problem types


def test_missing_sheet(mini, workbook: Path) -> None:
    problems = _refused(mini, workbook, lambda wb: wb.remove(wb["verifikasi"]))
    assert any(
        p.file == "isian.xlsx, lembar 'verifikasi'" and "tidak ada" in p.message for p in problems
    )


def test_date_in_another_year(mini, workbook: Path) -> None:
    problems = _refused(
        mini, workbook, lambda wb: wb["pengaduan"].cell(3, 2, dt.datetime(2024, 4, 15))
    )
    (p,) = problems
    assert (p.row, p.column, p.value) == (3, "B (tanggal)", "2024-04-15")
    assert "2025" in p.message


def test_several_problems_reported_at_once(mini, workbook: Path) -> None:
    def edit(wb) -> None:
        wb["penempatan"].cell(3, 6, "sepuluh")
        wb["pengaduan"].cell(2, 5, "Z")

    problems = _refused(mini, workbook, edit)
    assert {p.file.split("'")[1] for p in problems} == {"penempatan", "pengaduan"}


def test_template_command(mini, tmp_path: Path) -> None:
    out = tmp_path / "cli.xlsx"
    assert main(["template", str(mini.params), "--out", str(out)]) == 0
    assert out.is_file()


def test_true_in_a_sex_cell_is_reported_as_typed(mini, workbook: Path) -> None:
    problems = _refused(mini, workbook, lambda wb: wb["pengaduan"].cell(2, 6, True))
    (p,) = problems
    assert (p.row, p.column, p.value) == (2, "F (jenis_kelamin)", "TRUE")
    assert "isi dengan L atau P" in p.fix and "ya" not in str(p.value)


def test_true_in_a_yes_no_cell_is_ya(mini, workbook: Path) -> None:
    wb = load_workbook(workbook)
    wb["pengaduan"].cell(3, 7, False)  # ADU-02 difasilitasi: ya → FALSE
    wb.save(workbook)
    import_workbook(workbook, mini.params)
    assert "ADU-02,2025-04-15,,Taiwan,C,L,tidak," in mini.read("data/mini/2025/pengaduan.csv")


def test_template_has_a_nihil_sheet_and_import_writes_it(mini, workbook: Path) -> None:
    wb = load_workbook(workbook)
    ws = wb["nihil"]
    assert [c.value for c in ws[1]] == ["dataset", "triwulan", "keterangan"]
    rules = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    assert rules["A2"].type == "list" and "kepulangan" in rules["A2"].formula1
    assert "nilai" not in rules["A2"].formula1.split('"')[1].split(",")
    guide = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "isi lembar 'nihil'" in guide
    ws.append(["kerjasama", 3, "tidak ada kerja sama baru"])
    wb.save(workbook)
    result = import_workbook(workbook, mini.params)
    nihil_csv = mini.path("data/mini/2025/nihil.csv")
    assert nihil_csv in result.written
    assert nihil_csv.read_text(encoding="utf-8") == (
        "dataset,triwulan,keterangan\nkerjasama,3,tidak ada kerja sama baru\n"
    )


def test_empty_nihil_sheet_writes_no_file(mini, workbook: Path) -> None:
    result = import_workbook(workbook, mini.params)
    assert result.written == []
    assert not mini.path("data/mini/2025/nihil.csv").exists()


def test_nihil_for_a_quarter_with_rows_is_refused_by_sheet_and_row(mini, workbook: Path) -> None:
    wb = load_workbook(workbook)
    wb["nihil"].append(["kerjasama", 2, "keliru"])  # kerjasama has a row in May
    wb.save(workbook)
    with pytest.raises(InputError) as info:
        import_workbook(workbook, mini.params)
    (problem,) = info.value.problems
    assert (problem.file, problem.row, problem.column) == (
        "isian.xlsx, lembar 'nihil'",
        2,
        "B (triwulan)",
    )
    assert not mini.path("data/mini/2025/nihil.csv").exists()


def test_annual_template_has_the_renstra_sheets_and_import_writes_the_unit_file(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    params = root / "params/jateng-2025-tahunan.yml"
    xlsx = tmp_path / "tahunan.xlsx"
    write_template(load_run(params), xlsx)
    wb = load_workbook(xlsx)
    assert {"renstra", "riwayat", "standar"} <= set(wb.sheetnames)
    renstra = root / "data/jateng/renstra.csv"
    lines = renstra.read_text(encoding="utf-8").splitlines()
    assert [c.value for c in wb["renstra"][1]] == lines[0].split(",")
    rules = {
        str(dv.sqref).split(":")[0]: dv for dv in wb["renstra"].data_validations.dataValidation
    }
    assert rules["A2"].type == "list"  # the IKU codes of pk.yml

    wb["renstra"]["C2"] = "tujuh puluh"
    wb.save(xlsx)
    with pytest.raises(InputError) as caught:
        import_workbook(xlsx, params)
    (problem,) = [p for p in caught.value.problems if p.severity == "error"]
    assert problem.file == "tahunan.xlsx, lembar 'renstra'"
    assert (problem.row, problem.column) == (2, "C (target)")

    iku, year, _ = lines[1].split(",")
    wb["renstra"]["C2"] = 71.5
    wb.save(xlsx)
    result = import_workbook(xlsx, params)
    assert result.written == [renstra]
    assert renstra.read_text(encoding="utf-8").splitlines()[1] == f"{iku},{year},71.5"
    assert main(["undo-import", str(params)]) == 0
    assert renstra.read_text(encoding="utf-8").splitlines() == lines
