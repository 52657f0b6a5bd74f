"""`lkj template PARAMS --out FILE.xlsx`: the unit-year's input data as an Excel workbook.

One sheet per input file (row 1 = the CSV header, so Excel row N is CSV line N), pre-filled
with what data/ holds, a "Petunjuk" sheet in Bahasa Indonesia, a comment on every header cell
and Excel data validation (drop-downs, whole-number/decimal/date limits) so most mistakes are
stopped while typing. `lkj import` checks everything again with the rules of `lkj check`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal, cast

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lkj import paths
from lkj.analyst.excel import cells, safety
from lkj.analyst.excel.columns import rule_words
from lkj.analyst.excel.layout import (
    INSTRUCTIONS,
    LISTS,
    Sheet,
    choices,
    declared,
    reference_values,
    sheets,
)
from lkj.inputs.hints import as_typed
from lkj.inputs.params import Run
from lkj.inputs.reading import read_csv_text

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
# Validation covers the filled rows plus room for this many new ones.
SPARE_ROWS = 1000
# Excel limits an inline list ("L,P") to 255 characters; longer lists go to the _daftar sheet.
INLINE_MAX = 255


def write_template(run: Run, out: Path) -> list[Sheet]:
    """Write the workbook; return the data sheets it holds."""
    wb = Workbook()
    guide = wb.active
    assert isinstance(guide, Worksheet)  # a new workbook holds one worksheet
    guide.title = INSTRUCTIONS
    lists = wb.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    decl = declared(run)
    refs = reference_values(run, decl)
    found = sheets(run, decl)
    list_columns: dict[tuple[str, ...], str] = {}
    for sheet in found:
        ws = wb.create_sheet(sheet.name)
        _fill(ws, sheet)
        _validate(ws, run, sheet, refs, lists, list_columns)
    _instructions(guide, run, found, refs)
    safety.record_sources(wb, [sheet.path for sheet in found], run.year_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return found


def _rows(sheet: Sheet) -> tuple[list[str], list[list[str]]]:
    """Header and text records of the CSV file (header only when the file is absent/broken)."""
    if sheet.path.is_file():
        raw, _ = read_csv_text(sheet.path, sheet.name)
        if raw is not None:
            return raw.header, raw.cells.fillna("").astype(str).values.tolist()
    return sheet.spec.names, []


def _fill(ws: Worksheet, sheet: Sheet) -> None:
    header, records = _rows(sheet)
    for c, name in enumerate(header, start=1):
        cell = ws.cell(row=1, column=c)
        cells.as_text_cell(cell, name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        col = sheet.spec.col(name)
        if col is not None:
            text = f"{name}: {sheet.meaning(name)}\n({rule_words(col, col.choices)})"
            cell.comment = Comment(text, "lkj", width=320, height=120)
        ws.column_dimensions[get_column_letter(c)].width = max(12, min(40, len(name) + 6))
    for r, record in enumerate(records, start=2):
        for c, text in enumerate(record, start=1):
            col = sheet.spec.col(header[c - 1]) if c <= len(header) else None
            value, number_format = cells.to_cell(sheet.name, col, text)
            cell = ws.cell(row=r, column=c)
            cells.as_text_cell(cell, cast(Any, value))  # "=…" stays text, never a formula
            cell.number_format = number_format
    # New rows typed below the data get the column's format too (dates, text months):
    # a column style, which Excel applies to cells it creates.
    for c, name in enumerate(header, start=1):
        fmt = cells.to_cell(sheet.name, sheet.spec.col(name), "")[1]
        ws.column_dimensions[get_column_letter(c)].number_format = fmt
    ws.freeze_panes = "A2"


def _list_formula(
    values: list[str], lists: Worksheet, list_columns: dict[tuple[str, ...], str]
) -> str:
    inline = ",".join(values)
    if len(inline) <= INLINE_MAX and not any("," in v or '"' in v for v in values):
        return f'"{inline}"'
    key = tuple(values)
    if key not in list_columns:
        c = len(list_columns) + 1
        for r, v in enumerate(values, start=1):
            target = lists.cell(row=r, column=c)
            cells.as_text_cell(target, v)
            target.number_format = cells.TEXT_FORMAT
        letter = get_column_letter(c)
        list_columns[key] = f"{quote_sheetname(LISTS)}!${letter}$1:${letter}${len(values)}"
    return list_columns[key]


def _validate(
    ws: Worksheet,
    run: Run,
    sheet: Sheet,
    refs: dict[str, list[str]],
    lists: Worksheet,
    list_columns: dict[tuple[str, ...], str],
) -> None:
    year = run.params.year
    last = ws.max_row + SPARE_ROWS
    for c in range(1, ws.max_column + 1):
        name = ws.cell(row=1, column=c).value
        col = sheet.spec.col(str(name))
        if col is None:
            continue
        area = f"{get_column_letter(c)}2:{get_column_letter(c)}{last}"
        allowed = choices(run, sheet.name, col, refs)
        if col.kind == "month" and col.in_year:
            allowed = [f"{year}-{m:02d}" for m in range(1, 13)]
        dv: DataValidation | None = None
        if allowed:
            dv = DataValidation(type="list", formula1=_list_formula(allowed, lists, list_columns))
            dv.error = "Pilih salah satu nilai dari daftar."
        elif col.kind in ("int", "number"):
            kind: Literal["whole", "decimal"] = "whole" if col.kind == "int" else "decimal"
            lo = col.min if col.min is not None else -1e15
            if col.max is not None:
                dv = DataValidation(type=kind, operator="between", formula1=_num(lo))
                dv.formula2 = _num(col.max)
            else:
                dv = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=_num(lo))
            dv.error = (
                f"Isi {'bilangan bulat' if kind == 'whole' else 'angka'} ({rule_words(col, None)})."
            )
        elif col.kind == "date":
            first = (dt.date(year, 1, 1) - dt.date(1899, 12, 30)).days
            last_day = (dt.date(year, 12, 31) - dt.date(1899, 12, 30)).days
            dv = DataValidation(
                type="date", operator="between", formula1=str(first), formula2=str(last_day)
            )
            dv.error = f"Isi tanggal dalam tahun {year} (YYYY-MM-DD)."
        if dv is None:
            continue
        dv.allow_blank = col.nullable
        dv.showErrorMessage = True
        dv.errorTitle = f"Nilai {name} tidak sah"
        dv.showInputMessage = True
        dv.promptTitle = str(name)[:32]
        dv.prompt = sheet.meaning(col.name)[:255]
        dv.add(area)
        ws.add_data_validation(dv)


def _num(value: float) -> str:
    return as_typed(value)


def _instructions(ws: Worksheet, run: Run, found: list[Sheet], refs: dict[str, list[str]]) -> None:
    p = run.params
    lines: list[tuple[str, ...]] = [
        (f"Lembar kerja data Laporan Kinerja: unit {p.unit}, tahun {p.year}",),
        (),
        ("Cara mengisi",),
        (
            "1. Setiap lembar (sheet) adalah satu berkas data; baris 1 berisi nama kolom — "
            "jangan diubah.",
        ),
        ("2. Satu baris = satu data. Tambahkan baris baru di bawah data yang sudah ada.",),
        (
            "3. Arahkan kursor ke judul kolom untuk membaca penjelasannya; kolom berdaftar "
            "pilihan punya tombol drop-down.",
        ),
        (
            "4. Tanggal diketik sebagai tanggal (mis. 15/04/2025 atau 2025-04-15) dan harus dalam "
            f"tahun {p.year}; bulan ditulis YYYY-MM (mis. {p.year}-04).",
        ),
        ("5. Angka diketik sebagai angka, tanpa 'Rp' dan tanpa teks; rupiah bilangan bulat.",),
        ("6. Sel boleh kosong hanya pada kolom yang bertanda 'boleh kosong'.",),
        (
            "   Triwulan tanpa baris berarti 'belum diisi'. Bila memang tidak ada kegiatan, "
            "isi lembar 'nihil' (lembar data, triwulan, keterangan): realisasinya menjadi 0.",
        ),
        (
            "7. Simpan, lalu jalankan: lkj import BERKAS.xlsx PARAMS. Semua lembar diperiksa "
            "sekaligus; data/ baru ditulis bila tidak ada satu pun kesalahan.",
        ),
        (),
        ("Lembar", "Kolom", "Arti", "Aturan"),
    ]
    table_header = len(lines)
    for sheet in found:
        lines.append((sheet.name, "", sheet.about, ""))
        for col in sheet.spec.columns:
            allowed = choices(run, sheet.name, col, refs)
            lines.append(("", col.name, sheet.meaning(col.name), rule_words(col, allowed)))
    if "jenis_masalah" in refs:
        lines += [(), ("Kode jenis masalah (kolom jenis_masalah)",)]
        uraian = _reference_texts(run, "jenis_masalah")
        lines += [(k, uraian.get(k, "")) for k in refs["jenis_masalah"]]
    for r, values in enumerate(lines, start=1):
        for c, v in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=v).alignment = Alignment(wrap_text=c > 2, vertical="top")
    ws["A1"].font = Font(bold=True, size=13)
    ws["A3"].font = Font(bold=True)
    for c in range(1, 5):
        ws.cell(row=table_header, column=c).font = Font(bold=True)
        ws.cell(row=table_header, column=c).fill = HEADER_FILL
    for letter, width in zip("ABCD", (22, 18, 60, 50), strict=True):
        ws.column_dimensions[letter].width = width


def _reference_texts(run: Run, name: str) -> dict[str, str]:
    path = paths.reference_file(run.data_root, name)
    raw, _ = read_csv_text(path, name)
    if raw is None or "uraian" not in raw.cells.columns:
        return {}
    key = raw.header[0]
    return dict(zip(raw.cells[key], raw.cells["uraian"], strict=True))
