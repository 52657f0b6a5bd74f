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

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkj import paths
from lkj.analyst.excel import cells
from lkj.analyst.excel.layout import INSTRUCTIONS, LISTS, Sheet, sheets
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


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _empty(values: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def sheet_text(ws: Worksheet, sheet: Sheet) -> SheetText:
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
    return SheetText(sheet, buf.getvalue(), header, excel_row)


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
    profile = run.unit_dir / "profil.yml"
    if profile.is_file():
        shutil.copy2(profile, unit / "profil.yml")
    year = unit / str(run.params.year)
    year.mkdir()
    for path in run.year_dir.iterdir():
        if path.is_file():
            shutil.copy2(path, year / path.name)
    params = dest / "params" / run.params_path.name
    params.parent.mkdir()
    shutil.copy2(run.params_path, params)
    return params


def _locate(problem: Problem, texts: dict[str, SheetText], year_prefix: str, book: str) -> Problem:
    """A problem of data/<unit>/<year>/<name>.csv, told by sheet, Excel row and column."""
    name = problem.file.removeprefix(year_prefix).removesuffix(".csv")
    st = texts.get(name) if problem.file.startswith(year_prefix) else None
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


def read_workbook(path: Path, run: Run) -> tuple[dict[str, SheetText], list[Problem]]:
    """Every expected sheet as CSV text, and the problems of the workbook's shape."""
    try:
        wb = load_workbook(path, data_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise LkjError(f"{path} tidak dapat dibuka sebagai berkas Excel (.xlsx): {exc}") from exc
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
        texts[sheet.name] = sheet_text(wb[sheet.name], sheet)
    for extra in wb.sheetnames:
        if extra not in names and extra not in (INSTRUCTIONS, LISTS):
            problems.append(
                Problem(
                    f"{path.name}, lembar '{extra}'",
                    "lembar tidak dikenal; tidak dibaca",
                    fix="hapus lembar ini atau ganti namanya sesuai berkas data (lihat Petunjuk)",
                    severity="warning",
                )
            )
    return texts, problems


def import_workbook(path: Path, params: str | Path) -> ImportResult:
    """Validate the workbook; write data/ only if there is no error (raises InputError)."""
    run = load_run(params)
    texts, problems = read_workbook(path, run)
    with tempfile.TemporaryDirectory(prefix="lkj-import-") as tmp:
        copy_params = _copy_inputs(run, Path(tmp))
        copy_run = load_run(copy_params)
        for st in texts.values():
            (copy_run.year_dir / st.sheet.path.name).write_text(st.text, encoding="utf-8")
        prefix = copy_run.shown(copy_run.year_dir) + "/"
        try:
            found = load_inputs(copy_run).warnings
        except InputError as exc:
            found = [*exc.problems, *exc.warnings]
        problems += [_locate(p, texts, prefix, path.name) for p in found]
    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    result = ImportResult(warnings=[p for p in problems if p.severity != "error"])
    _write_all(texts, result)
    return result


def _write_all(texts: dict[str, SheetText], result: ImportResult) -> None:
    """Write changed files: all to temporary names first, then rename each into place."""
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
    for tmp, target in staged:
        os.replace(tmp, target)
        result.written.append(target)
