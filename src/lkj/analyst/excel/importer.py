"""`lkj import FILE.xlsx PARAMS`: check a filled workbook with the rules of `lkj check`, then
write data/ — every file or none.

How: each sheet is turned into the exact CSV text its data file would hold
(lkj.analyst.excel.cells), the project's inputs are copied into a temporary folder with those
files in place, and
`lkj.inputs.load.load_inputs` validates the copy. Its problems name CSV lines and columns; they are
mapped back to sheet, Excel row and column letter. Only when no error remains are the files
written, each first to a temporary name and then renamed over the old one, so a failure while
writing leaves the previous files (validation happens before anything is touched).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkj import paths
from lkj.analyst.excel import cells, safety
from lkj.analyst.excel.layout import INSTRUCTIONS, LISTS, Sheet, sheets
from lkj.analyst.excel.opening import open_workbook
from lkj.errors import InputError, LkjError, Problem
from lkj.inputs.load import load_inputs
from lkj.inputs.params import Run, load_run


@dataclass
class SheetText:
    """One sheet as CSV text, and which Excel row each CSV line came from."""

    sheet: Sheet
    text: str
    header: list[str]
    excel_row: dict[int, int]  # CSV line (header = 1) → Excel row
    refused: list[Problem] = field(default_factory=list)  # formula and merged cells
    blocked: set[tuple[int, str]] = field(default_factory=set)  # their (row, column) cells


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    backup: Path | None = None


class ChangedSinceTemplate(LkjError):
    """Data files were changed after the template was made; --replace confirms overwriting."""

    def __init__(self, found: list[safety.Conflict]):
        self.conflicts = found
        lines = [
            f"{len(found)} berkas data berubah sejak templat ini dibuat; impor akan menimpa "
            "perubahan itu:"
        ]
        for conflict in found:
            lines.append(f"  {conflict.file}:")
            lines += [f"    {line}" for line in conflict.lines]
        lines.append(
            "→ buat templat baru dengan `lkj template` dan salin isian Anda ke sana, atau "
            "jalankan lagi dengan --replace bila perubahan di atas memang dikehendaki "
            "(berkas lama disimpan; `lkj undo-import PARAMS` mengembalikannya)"
        )
        super().__init__("\n".join(lines))


def _where(book: str, sheet: str, header: list[str], row: int, col: int) -> dict[str, object]:
    name = header[col - 1] if col <= len(header) else ""
    letter = get_column_letter(col)
    return {"file": f"{book}, lembar '{sheet}'", "row": row, "column": f"{letter} ({name})"}


def refused_cells(ws: Worksheet, sheet: str, header: list[str], book: str) -> list[Problem]:
    """Formula cells and merged cells: reported as what they are, not as empty cells."""
    found = []
    for rng in ws.merged_cells.ranges:
        found.append(
            Problem(
                message=f"sel gabungan {rng.coord} (merge) tidak boleh",
                fix="pisahkan selnya (Beranda › Gabung & Tengahkan › Pisahkan Sel), lalu isi "
                "setiap sel",
                **_where(book, sheet, header, rng.min_row, rng.min_col),  # type: ignore[arg-type]
            )
        )
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == "f":
                text = getattr(c.value, "text", c.value)
                found.append(
                    Problem(
                        message="rumus tidak boleh: ketik nilainya",
                        fix="salin sel lalu Tempel Khusus › Nilai, atau ketik angkanya",
                        value=str(text),
                        **_where(book, sheet, header, c.row, c.column),  # type: ignore[arg-type]
                    )
                )
    return found


def _empty(values: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def sheet_text(ws: Worksheet, sheet: Sheet, book: str = "") -> SheetText:
    """The CSV text of one sheet; empty rows are left out (their Excel rows are remembered)."""
    rows = list(ws.iter_rows())
    header_cells = rows[0] if rows else []
    header = [cells.to_text(None, c.value) for c in header_cells]
    while header and not header[-1].strip():
        header.pop()
    width = len(header)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    line = 2
    excel_row: dict[int, int] = {1: 1}
    for row in rows[1:]:
        values = [c.value for c in row[:width]]
        if _empty(values):
            continue
        texts = [
            cells.to_text(sheet.spec.col(header[i]), c.value, c.number_format)
            for i, c in enumerate(row[:width])
        ]
        texts += [""] * (width - len(texts))
        before = buf.tell()
        writer.writerow(texts)
        excel_row[line] = row[0].row or line  # openpyxl leaves .row empty only off-sheet
        # A cell with a line break spans several physical CSV lines.
        line += buf.getvalue()[before:].count("\n")
    refused = refused_cells(ws, sheet.name, header, book)
    blocked = {(p.row or 0, str(p.column)) for p in refused if p.message.startswith("rumus")}
    for rng in ws.merged_cells.ranges:
        for r, c in rng.cells:
            blocked.add((r, str(_where(book, sheet.name, header, r, c)["column"])))
    return SheetText(sheet, buf.getvalue(), header, excel_row, refused, blocked)


def _copy_inputs(run: Run, dest: Path) -> Path:
    """The inputs load_inputs reads, copied under dest; returns the copied params path."""
    rel_data = (
        run.data_root.relative_to(run.root)
        if run.data_root.is_relative_to(run.root)
        else Path("data")
    )
    data = dest / rel_data
    ref = paths.reference_dir(run.data_root)
    if ref.is_dir():
        shutil.copytree(ref, paths.reference_dir(data))
    unit = data / run.params.unit
    unit.mkdir(parents=True)
    for path in run.unit_dir.iterdir():  # profil.yml, unit.yml, the annual book's CSVs
        if path.is_file():
            shutil.copy2(path, unit / path.name)
    year = unit / str(run.params.year)
    year.mkdir()
    for path in run.year_dir.iterdir():
        if path.is_file():
            shutil.copy2(path, year / path.name)
    for book in ["notebooks", *(p.name for p in run.root.glob("_quarto*.yml"))]:
        if (run.root / book).is_dir():  # unit.yml's chapters are checked against them
            shutil.copytree(run.root / book, dest / book)
        elif (run.root / book).is_file():
            shutil.copy2(run.root / book, dest / book)
    params = dest / "params" / run.params_path.name
    params.parent.mkdir()
    shutil.copy2(run.params_path, params)
    return params


def _locate(
    problem: Problem, texts: dict[str, SheetText], sheet_of: dict[str, str], book: str
) -> Problem:
    """A problem of a sheet's data file (as the copy shows it), told by sheet, Excel row and
    column."""
    name = sheet_of.get(problem.file, "")
    st = texts.get(name)
    if st is None:
        return problem
    row = st.excel_row.get(problem.row) if problem.row is not None else None
    column = problem.column
    if column is not None and column in st.header:
        column = f"{get_column_letter(st.header.index(column) + 1)} ({column})"
    return Problem(
        f"{book}, lembar '{name}'",
        problem.message,
        fix=problem.fix,
        row=row if row is not None else problem.row,
        column=column,
        value=problem.value,
        severity=problem.severity,
    )


def read_workbook(
    path: Path, run: Run
) -> tuple[dict[str, SheetText], list[Problem], dict[str, str] | None]:
    """Every expected sheet as CSV text, the problems of the workbook's shape, its sources."""
    wb = open_workbook(path)
    expected = sheets(run)
    names = {s.name for s in expected}
    problems: list[Problem] = []
    texts: dict[str, SheetText] = {}
    for sheet in expected:
        if sheet.name not in wb.sheetnames:
            problems.append(
                Problem(
                    f"{path.name}, lembar '{sheet.name}'",
                    "lembar tidak ada",
                    fix=f"kembalikan lembar '{sheet.name}' (buat ulang templat dengan "
                    "`lkj template`, lalu salin isinya); lembar tanpa data cukup baris judul",
                )
            )
            continue
        texts[sheet.name] = sheet_text(wb[sheet.name], sheet, path.name)
        problems += texts[sheet.name].refused
    for extra in wb.sheetnames:
        if extra not in names and extra not in (INSTRUCTIONS, LISTS, safety.SOURCES):
            problems.append(
                Problem(
                    f"{path.name}, lembar '{extra}'",
                    "lembar tidak dikenal; tidak dibaca",
                    fix="hapus lembar ini atau ganti namanya sesuai berkas data (lihat Petunjuk)",
                    severity="warning",
                )
            )
    return texts, problems, safety.read_sources(wb)


def _not_refused(problem: Problem, texts: dict[str, SheetText]) -> bool:
    """False for a validation problem at a formula or merged cell (already reported as such)."""
    for name, st in texts.items():
        if problem.file.endswith(f"lembar '{name}'"):
            return (problem.row or 0, str(problem.column)) not in st.blocked
    return True


def import_workbook(path: Path, params: str | Path, replace: bool = False) -> ImportResult:
    """Validate the workbook; write data/ only if there is no error (raises InputError).

    Refuses (ChangedSinceTemplate) when a data file changed since the template was made,
    unless `replace`; every file written is kept first in the year's backup folder.
    """
    run = load_run(params)
    texts, problems, sources = read_workbook(path, run)
    with tempfile.TemporaryDirectory(prefix="lkj-import-") as tmp:
        copy_params = _copy_inputs(run, Path(tmp))
        copy_run = load_run(copy_params)
        sheet_of: dict[str, str] = {}
        for name, st in texts.items():
            copied = copy_run.data_root / st.sheet.path.relative_to(run.data_root)
            copied.write_text(st.text, encoding="utf-8")
            sheet_of[copy_run.shown(copied)] = name
        try:
            found = load_inputs(copy_run).warnings
        except InputError as exc:
            found = [*exc.problems, *exc.warnings]
        located = [_locate(p, texts, sheet_of, path.name) for p in found]
        problems += [p for p in located if _not_refused(p, texts)]
    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    if sources is not None and not replace:
        new = {st.sheet.path: st.text for st in texts.values()}
        found_conflicts = safety.conflicts(run.year_dir, sources, new, run.shown)
        if found_conflicts:
            raise ChangedSinceTemplate(found_conflicts)
    result = ImportResult(warnings=[p for p in problems if p.severity != "error"])
    template = (sources or {}).get(safety.TEMPLATE_ID, "")
    _write_all(texts, result, run.year_dir, template)
    return result


def _write_all(
    texts: dict[str, SheetText], result: ImportResult, year_dir: Path, template: str
) -> None:
    """Write changed files: all to temporary names first, then rename each into place.

    The old versions are copied to the backup folder before the first rename."""
    staged: list[tuple[Path, Path]] = []
    try:
        for st in texts.values():
            target = st.sheet.path
            data = st.text.encode("utf-8")
            nothing = st.sheet.optional and not target.exists() and st.text.count("\n") <= 1
            if nothing or (target.is_file() and target.read_bytes() == data):
                result.unchanged.append(target)
                continue
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            staged.append((Path(name), target))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    if not staged:
        return
    result.backup = safety.backup(year_dir, [target for _, target in staged], template)
    for tmp, target in staged:
        os.replace(tmp, target)
        result.written.append(target)
    safety.record_written(result.backup, result.written, year_dir)
