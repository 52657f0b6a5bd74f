"""The book's tables as an Excel workbook: one sheet per table (Tabel 1–N, the appendices).

Every cell that shows a registry value holds that value as a real number, rounded exactly as
the book shows it (the run's rounding rules: truncation where the report truncates), so sums
in Excel agree with the book. Percentages are Excel percentages (23.79 % is stored as 0.2379).

Number formats are written in Excel's locale-independent notation ("#,##0.00", "0.00%"):
Excel shows them with the separators of the reader's locale, so an Indonesian Excel shows
"7.375" and "23,79%" and an English one "7,375" and "23.79%". Merged header cells keep the
book's layout; the caption sits in row 1 and the source note under the table.

When an appendix shows a recap because its list is longer than params `appendix_max_rows`,
a sheet after it holds the full list: raw data rows, not registry values (`list_sheets`).
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lkj.book import comparison
from lkj.book.core import Book
from lkj.book.tables import VERIFIKASI_HEADERS, full_list_sheet
from lkj.book.tablespec import Cell, TableSpec, placed_cells
from lkj.compute.appendices import VERIFIKASI_COLUMNS, verifikasi_rows
from lkj.compute.appendices.declared import entry_id
from lkj.inputs.pk import Iku
from lkj.inputs.unit import Appendix
from lkj.values import formatting as fmt
from lkj.values.registry import Registry, Value

HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
NUMERIC = ("count", "percent", "money", "score", "number")


def _table_makers(book: Book) -> dict[str, Callable[[], list[TableSpec]]]:
    """Catalogue id → the TableSpecs the book shows for it (as the notebooks call them)."""
    t = book.tables

    def kepulangan() -> list[TableSpec]:
        specs = list(t.lampiran_kepulangan())
        return specs if book.public else [*specs, t.lampiran_kepulangan_internal()]

    makers: dict[str, Callable[[], list[TableSpec]]] = {
        "tbl-ringkasan": lambda: [t.ringkasan()],
        "tbl-pk": lambda: [t.perjanjian()],
        "tbl-pengukuran": lambda: [t.pengukuran()],
        "tbl-kumulatif": lambda: [t.kumulatif()],
        "tbl-anggaran": lambda: [t.anggaran()],
        "lampiran-pk": lambda: [t.lampiran_pk()],
        "lampiran-penempatan": lambda: [t.lampiran_penempatan()],
        "lampiran-pengaduan": lambda: [t.lampiran_pengaduan()],
        "lampiran-kepulangan": kepulangan,
        "lampiran-verifikasi": lambda: list(t.lampiran_verifikasi()),
        "lampiran-ikpa": lambda: [t.lampiran_ikpa()],
        "lampiran-rekonsiliasi": lambda: [t.rekonsiliasi(book.reconciliation())],
    }

    def iku_table(iku: Iku) -> Callable[[], list[TableSpec]]:
        return lambda: [t.iku(iku)]

    for iku in book.pk.iku:
        makers[f"tbl-{iku.key}"] = iku_table(iku)
    for appendix in t.declared_appendices():  # unit.yml `lampiran:`
        makers[entry_id(appendix)] = _declared(book, appendix)
    makers["tbl-perbandingan"] = lambda: [comparison.table(book)]
    makers.update(t.annual_makers())  # an annual run's tables (lkj.book.tables.annual)
    return makers


def _declared(book: Book, appendix: Appendix) -> Callable[[], list[TableSpec]]:
    return lambda: [book.tables.lampiran_rekap(appendix)]


def book_tables(book: Book) -> list[tuple[str, str, TableSpec]]:
    """(sheet name, title, spec) in catalogue order; entries without a maker are left out."""
    makers = _table_makers(book)
    out = []
    for entry in book.catalog.entries:
        if entry.id not in makers:
            continue  # e.g. the provenance appendix: its data is values.json
        specs = makers[entry.id]()
        for i, spec in enumerate(specs, start=1):
            name = entry.number if len(specs) == 1 else f"{entry.number} ({i})"
            out.append((name[:31], f"{entry.number} {entry.title}", spec))
    return out


def _decimals(display: str) -> int:
    """Digits after the decimal comma of a book display ('23,79%' → 2, '7.375' → 0)."""
    body = display.rstrip("%").strip()
    return len(body.rsplit(",", 1)[1]) if "," in body else 0


def number_and_format(reg: Registry, value: Value) -> tuple[float | int, str] | None:
    """The shown number of a value and its Excel format; None for text values."""
    if value.kind not in NUMERIC or not isinstance(value.value, int | float | Decimal):
        return None
    if isinstance(value.value, bool):
        return None
    decimals, mode = reg.rounding_for(value.id)
    # round_decimal reads a Decimal through float either way (its repr is what it rounds).
    exact = float(value.value) if isinstance(value.value, Decimal) else value.value
    rounded = fmt.round_decimal(exact, decimals, mode)
    shown = _decimals(value.display)
    zeros = "." + "0" * shown if shown else ""
    if value.kind == "percent":
        return float(rounded / 100), f"0{zeros}%"
    if value.kind == "money":
        return float(rounded), '"Rp" #,##0.00'
    number = int(rounded) if rounded == rounded.to_integral_value() else float(rounded)
    return number, f"#,##0{zeros}"


FORMULA_START = ("=", "+", "-", "@")  # OWASP CSV-injection rule


def set_value(target: Any, value: object) -> None:
    """A cell value; a string beginning like a formula is stored as text (never evaluated)."""
    target.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        target.data_type = "s"


def _write_cell(ws: Worksheet, reg: Registry, row: int, col: int, cell: Cell, header: bool) -> None:
    target = ws.cell(row=row, column=col)
    value = reg.get(cell.value_id) if cell.value_id else None
    typed = number_and_format(reg, value) if value is not None else None
    if typed is not None:
        target.value, target.number_format = typed
        if value is not None and cell.text != value.display and cell.text.startswith(value.display):
            # "8 Dokumen": the unit becomes literal text of the format, the cell stays a number.
            # A line break cannot be part of a number format: it becomes a space.
            suffix = " ".join(cell.text[len(value.display) :].replace('"', "").split())
            suffix = f" {suffix}" if suffix and not suffix.startswith("%") else suffix
            target.number_format += f'"{suffix}"'

    else:
        set_value(target, cell.text)
    target.border = BORDER
    target.alignment = Alignment(
        wrap_text=True,
        vertical="center",
        horizontal=cell.align or ("center" if header else None),
    )
    if header or cell.bold:
        target.font = Font(bold=True)
    if header:
        target.fill = HEADER_FILL
    if cell.colspan > 1 or cell.rowspan > 1:
        ws.merge_cells(
            start_row=row,
            start_column=col,
            end_row=row + cell.rowspan - 1,
            end_column=col + cell.colspan - 1,
        )


def write_sheet(ws: Worksheet, reg: Registry, title: str, spec: TableSpec) -> None:
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=12)
    row = 3
    for rows, header in ((spec.header_rows, True), (spec.body_rows, False)):
        for offset, placed in enumerate(placed_cells(rows)):
            for col, cell in placed:
                _write_cell(ws, reg, row + offset, col + 1, cell, header)
        row += len(rows)
    if spec.note:
        ws.cell(row=row + 1, column=1, value=spec.note).font = Font(italic=True, size=9)
    widths = spec.widths or [1] * spec.columns
    scale = 100 / sum(widths)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(6, min(60, w * scale * 1.1))
    ws.freeze_panes = ws.cell(row=3 + len(spec.header_rows), column=1).coordinate


# What a CSV cell becomes in a sheet (openpyxl writes each of these as it is).
SheetValue = str | int | float | datetime.date | None


@dataclass(frozen=True)
class ListSheet:
    """The full record list behind a capped appendix: raw data, not registry values."""

    name: str
    after: str  # the sheet of the appendix's recap
    title: str
    note: str
    header: list[str]
    rows: list[list[SheetValue]]
    dates: frozenset[int]  # 0-based columns holding dates
    numbers: frozenset[int]  # 0-based columns holding counts


def list_sheets(book: Book) -> list[ListSheet]:
    """Sheets of full lists, one per capped appendix (today only Lampiran V's events)."""
    entry = book.catalog.get("lampiran-verifikasi")
    if entry is None or not book.tables.verifikasi_capped:
        return []
    table = book.inputs.table("verifikasi")
    rows = verifikasi_rows(book.inputs, book.params.quarter)
    columns = list(VERIFIKASI_HEADERS)
    body = [
        [int(record["_row"]), *(_raw(record[c]) for c in columns)]
        for record in rows.to_dict("records")
    ]
    return [
        ListSheet(
            name=full_list_sheet(entry.number),
            after=entry.number,
            title=f"{entry.number} {entry.title}: daftar lengkap per kegiatan",
            note=(
                f"Data apa adanya dari {table.shown}: {fmt.number(len(body))} kegiatan "
                f"{book.quarter_label} (kolom Baris: nomor baris di berkas itu); sel kosong = "
                f"tidak tercatat. Rekap dan angka laporan: lembar {entry.number}."
            ),
            header=["Baris", *VERIFIKASI_HEADERS.values()],
            rows=body,
            dates=frozenset(i + 1 for i, c in enumerate(columns) if c.startswith("tanggal")),
            numbers=frozenset(i + 1 for i, c in enumerate(columns) if c in VERIFIKASI_COLUMNS),
        )
    ]


def _raw(item: object) -> SheetValue:
    """A CSV cell for Excel: dates as dates, whole numbers as int, not recorded as empty."""
    if item is None or pd.isna(item):  # type: ignore[call-overload]  # any scalar of a CSV
        return None
    if isinstance(item, pd.Timestamp):
        return item.date()
    if isinstance(item, float) and item.is_integer():
        return int(item)
    return cast(SheetValue, item)  # what pandas reads from a CSV: text or a number


def write_list_sheet(ws: Worksheet, sheet: ListSheet) -> None:
    ws.cell(row=1, column=1, value=sheet.title).font = Font(bold=True, size=12)
    ws.cell(row=2, column=1, value=sheet.note).font = Font(italic=True, size=9)
    for col, text in enumerate(sheet.header, start=1):
        target = ws.cell(row=3, column=col, value=text)
        target.font, target.fill, target.border = Font(bold=True), HEADER_FILL, BORDER
        target.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for r, values in enumerate(sheet.rows, start=4):
        for c, item in enumerate(values):
            cell = ws.cell(row=r, column=c + 1)
            set_value(cell, item)
            cell.border = BORDER
            if c in sheet.dates:
                cell.number_format = "dd/mm/yyyy"
            elif c in sheet.numbers:
                cell.number_format = "#,##0"
    widths = [7, 12, 30, 16, 48, 12, 12, 18, 9, 9, 9]
    for i, width in enumerate(widths[: len(sheet.header)], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(sheet.header))}{3 + len(sheet.rows)}"


def write_tables_xlsx(book: Book, out: Path) -> str:
    """Write the workbook; return a short description for the build's progress line."""
    wb = Workbook()
    first = wb.worksheets[0]  # the empty sheet a new Workbook starts with
    wb.remove(first)
    tables = book_tables(book)
    for name, title, spec in tables:
        write_sheet(wb.create_sheet(name), book.reg, title, spec)
    extra = list_sheets(book)
    for sheet in extra:
        # Right after the recap it details (the last sheet of that appendix).
        at = max(i for i, n in enumerate(wb.sheetnames) if n.split(" (")[0] == sheet.after)
        write_list_sheet(wb.create_sheet(sheet.name, at + 1), sheet)
    save_reproducible(wb, out)
    return f"{len(tables) + len(extra)} lembar"


FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def save_reproducible(wb: Workbook, out: Path) -> None:
    """Save with fixed document dates and zip timestamps: the same book gives the same bytes."""
    wb.properties.created = wb.properties.modified = datetime.datetime(*FIXED_TIME)
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" when saving
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2020-01-01T00:00:00Z", data
                )
            dest.writestr(
                zipfile.ZipInfo(info.filename, FIXED_TIME),
                data,
                zipfile.ZIP_DEFLATED,
            )
