"""Excel safety: text never becomes a formula, formulas and odd files are refused clearly,
an import never silently drops CSV edits, and the last import can be undone."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from lkj.analyst.excel.importer import ChangedSinceTemplate, import_workbook
from lkj.analyst.excel.template import write_template
from lkj.cli.main import main
from lkj.errors import InputError
from lkj.inputs.params import load_run
from lkj.render.xlsx import set_value

KERJASAMA = "data/mini/2025/kerjasama.csv"
PENEMPATAN = "data/mini/2025/penempatan.csv"


@pytest.fixture
def workbook(mini, tmp_path: Path) -> Path:
    out = tmp_path / "isian.xlsx"
    write_template(load_run(mini.params), out)
    return out


def _problems(mini, workbook: Path, edit) -> list:
    wb = load_workbook(workbook)
    edit(wb)
    wb.save(workbook)
    with pytest.raises(InputError) as info:
        import_workbook(workbook, mini.params)
    return info.value.problems


@pytest.mark.parametrize("text", ["=cmd|' /C calc'!A0", "+62 812", "-1+1", "@SUM(A1)"])
def test_template_writes_formula_like_csv_text_as_text(mini, tmp_path: Path, text: str) -> None:
    mini.replace(KERJASAMA, "Universitas Contoh", text)
    out = tmp_path / "t.xlsx"
    write_template(load_run(mini.params), out)
    cell = load_workbook(out)["kerjasama"]["C2"]
    assert (cell.value, cell.data_type) == (text, "s")
    before = mini.read(KERJASAMA)
    assert import_workbook(out, mini.params).written == []  # read back as the same text
    assert mini.read(KERJASAMA) == before


def test_exported_workbook_cell_helper_keeps_text(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for row, text in enumerate(["=1+1", "+1", "-", "@A1", "biasa"], start=1):
        set_value(ws.cell(row=row, column=1), text)
    wb.save(tmp_path / "x.xlsx")
    back = load_workbook(tmp_path / "x.xlsx").active
    assert [(c.value, c.data_type) for c in back["A"]] == [
        ("=1+1", "s"),
        ("+1", "s"),
        ("-", "s"),
        ("@A1", "s"),
        ("biasa", "s"),
    ]


def test_formula_cell_refused_even_without_cached_value(mini, workbook: Path) -> None:
    problems = _problems(mini, workbook, lambda wb: wb["penempatan"].cell(2, 6, "=10+5"))
    (p,) = problems  # reported as a formula, not as an empty or non-number cell
    assert (p.file, p.row, p.column) == ("isian.xlsx, lembar 'penempatan'", 2, "F (jumlah)")
    assert p.message == "rumus tidak boleh: ketik nilainya" and p.value == "=10+5"
    assert "Tempel Khusus" in p.fix


def test_merged_cells_reported_as_merged(mini, workbook: Path) -> None:
    problems = _problems(mini, workbook, lambda wb: wb["penempatan"].merge_cells("B3:C3"))
    (p,) = problems  # C3 is not reported as "sel kosong"
    assert (p.file, p.row, p.column) == ("isian.xlsx, lembar 'penempatan'", 3, "B (layanan)")
    assert "sel gabungan B3:C3" in p.message and "Pisahkan Sel" in p.fix


def test_true_in_sex_column_reported_as_true(mini, workbook: Path) -> None:
    def edit(wb) -> None:
        wb["pengaduan"].cell(2, 6, True)  # jenis_kelamin
        wb["pengaduan"].cell(3, 7, True)  # difasilitasi: TRUE means ya

    (p,) = _problems(mini, workbook, edit)
    assert (p.row, p.column, p.value) == (2, "F (jenis_kelamin)", "TRUE")
    assert "L" in p.fix and "P" in p.fix


def _zip_truncated(path: Path, source: Path) -> None:
    path.write_bytes(source.read_bytes()[:300])


def _ole(path: Path, encrypted: bool) -> None:
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    path.write_bytes(body + ("EncryptedPackage".encode("utf-16-le") if encrypted else b""))


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p, s: p.write_text("bulan,jumlah\n2025-04,3\n", encoding="utf-8"), "berkas teks"),
        (_zip_truncated, "rusak atau terpotong"),
        (lambda p, s: _ole(p, encrypted=True), "dilindungi kata sandi"),
        (lambda p, s: _ole(p, encrypted=False), "Excel lama (.xls)"),
    ],
    ids=["csv", "truncated", "password", "xls"],
)
def test_files_that_are_not_xlsx(mini, workbook: Path, tmp_path: Path, capsys, make, words) -> None:
    bad = tmp_path / "kiriman.xlsx"
    make(bad, workbook)
    assert main(["import", str(bad), str(mini.params)]) == 1
    err = capsys.readouterr().err
    flat = " ".join(err.split())  # the terminal may wrap the message
    assert words in flat and "kiriman" in err and "Traceback" not in err


def test_truncated_fixture_is_a_bad_zip(workbook: Path, tmp_path: Path) -> None:
    bad = tmp_path / "t.xlsx"
    _zip_truncated(bad, workbook)
    assert not zipfile.is_zipfile(bad)  # the case above really is a damaged archive


def _edit_f(workbook: Path, row: int, value: int) -> None:
    wb = load_workbook(workbook)
    wb["penempatan"].cell(row, 6, value)
    wb.save(workbook)


def test_csv_edited_after_template_is_not_dropped(mini, workbook: Path, capsys) -> None:
    mini.replace(PENEMPATAN, "2025-04,P4MI,Reguler,Formal,L,10", "2025-04,P4MI,Reguler,Formal,L,11")
    _edit_f(workbook, 2, 15)  # an edit in Excel of another row
    with pytest.raises(ChangedSinceTemplate) as info:
        import_workbook(workbook, mini.params)
    (conflict,) = info.value.conflicts
    assert conflict.file == PENEMPATAN
    assert (
        "~ baris 2 diubah: 2025-03,P4MI,Reguler,Formal,L,12 → 2025-03,P4MI,Reguler,Formal,L,15"
        in conflict.lines
    )
    assert (
        "~ baris 3 diubah: 2025-04,P4MI,Reguler,Formal,L,11 → 2025-04,P4MI,Reguler,Formal,L,10"
        in conflict.lines
    )
    assert "2025-04,P4MI,Reguler,Formal,L,11" in mini.read(PENEMPATAN)  # nothing written
    assert main(["import", str(workbook), str(mini.params)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["import", str(workbook), str(mini.params), "--replace"]) == 0
    assert "2025-03,P4MI,Reguler,Formal,L,15" in mini.read(PENEMPATAN)
    kept = list(mini.path("data/mini/2025/.cadangan").glob("*/penempatan.csv"))
    assert len(kept) == 1 and "L,11" in kept[0].read_text(encoding="utf-8")


def test_rows_added_and_removed_shown(mini, workbook: Path) -> None:
    text = mini.read(PENEMPATAN)
    mini.write(PENEMPATAN, text + "2025-05,P4MI,Reguler,Formal,P,7\n")
    _edit_f(workbook, 2, 15)
    with pytest.raises(ChangedSinceTemplate) as info:
        import_workbook(workbook, mini.params)
    lines = info.value.conflicts[0].lines
    last = len(text.splitlines()) + 1
    assert f"- baris {last} dihapus: 2025-05,P4MI,Reguler,Formal,P,7" in lines


def test_reimport_of_same_workbook_is_no_conflict(mini, workbook: Path) -> None:
    _edit_f(workbook, 2, 15)
    import_workbook(workbook, mini.params)
    _edit_f(workbook, 2, 16)  # the analyst keeps working in the same workbook
    result = import_workbook(workbook, mini.params)
    assert [p.name for p in result.written] == ["penempatan.csv"]
    assert "2025-03,P4MI,Reguler,Formal,L,16" in mini.read(PENEMPATAN)


def test_undo_import_restores_the_last_import(mini, workbook: Path, capsys) -> None:
    before = mini.read(PENEMPATAN)
    _edit_f(workbook, 2, 15)
    assert main(["import", str(workbook), str(mini.params)]) == 0
    assert mini.read(PENEMPATAN) != before
    assert main(["undo-import", str(mini.params)]) == 0
    assert mini.read(PENEMPATAN) == before
    assert "penempatan.csv" in capsys.readouterr().out
    assert main(["undo-import", str(mini.params)]) == 1  # nothing left to undo
    assert "tidak ada impor" in capsys.readouterr().err
