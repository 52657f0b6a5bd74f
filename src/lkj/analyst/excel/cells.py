"""CSV text ⇄ Excel cell: how one value of data/ is written into the workbook and read back.

The rule that makes "import an unchanged template" byte-identical: a CSV text becomes a typed
cell (number, date) only when reading that cell back gives the same text again; anything else
stays text, exactly as written. Numbers keep their written decimals through the cell's number
format ("100.00" → 100 with format 0.00 → "100.00"), never by rounding a typed value.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lkj.inputs import specs as sc

TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
INT_FORMAT = "#,##0"
_FIXED = re.compile(r"^(?:#,##)?0(?:\.(0+))?$")
_INT_TEXT = re.compile(r"-?(0|[1-9]\d*)")
_DEC_TEXT = re.compile(r"-?(0|[1-9]\d*)\.(\d+)")
_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")
# Columns of kind "text" that usually hold numbers (targets): typed in Excel, text in the CSV.
NUMERIC_TEXT = {("target", "target")}
# A column whose choices are exactly these reads Excel's TRUE/FALSE as ya/tidak.
YA_TIDAK = ("ya", "tidak")

CellValue = int | float | str | dt.datetime | None
Cell = tuple[CellValue, str]  # (value for openpyxl, number format)
# OWASP CSV-injection rule: a text beginning with one of these is written as a text cell,
# never left for Excel (or openpyxl, which turns "=…" into a formula) to interpret.
FORMULA_START = ("=", "+", "-", "@")


def as_text_cell(cell: Any, value: object) -> None:
    """Set an openpyxl cell's value; a string is always stored as text, never as a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"


def to_cell(dataset: str, col: sc.Col | None, text: str) -> Cell:
    """The workbook cell for one CSV text."""
    if text == "":
        return None, _format_of(dataset, col)
    numeric = col is not None and (col.is_numeric or (dataset, col.name) in NUMERIC_TEXT)
    if numeric:
        if _INT_TEXT.fullmatch(text):
            return int(text), INT_FORMAT if col is not None and col.kind == "int" else "General"
        match = _DEC_TEXT.fullmatch(text)
        if match and not (col is not None and col.kind == "int"):
            decimals = len(match.group(2))
            fmt = "0." + "0" * decimals
            value = float(text)
            if to_text(col, value, fmt) == text:
                return value, fmt
    if col is not None and col.kind == "date" and _DATE_TEXT.fullmatch(text):
        try:
            return dt.datetime.strptime(text, "%Y-%m-%d"), DATE_FORMAT
        except ValueError:
            pass  # not a calendar date: kept as text, import reports it
    return text, TEXT_FORMAT


def _format_of(dataset: str, col: sc.Col | None) -> str:
    if col is None:
        return TEXT_FORMAT
    if col.kind == "date":
        return DATE_FORMAT
    if col.kind == "int":
        return INT_FORMAT
    if col.kind == "number" or (dataset, col.name) in NUMERIC_TEXT:
        return "General"
    return TEXT_FORMAT


def _number_text(value: float | int, number_format: str) -> str:
    """A typed number as CSV text: its shown decimals if exact, else the shortest exact form."""
    match = _FIXED.match(number_format or "")
    if match and match.group(1):
        shown = f"{value:.{len(match.group(1))}f}"
        if float(shown) == value:
            return shown
    if isinstance(value, int):
        return str(value)
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def to_text(col: sc.Col | None, value: object, number_format: str = "General") -> str:
    """The CSV text for one workbook cell (what data/<file>.csv will contain)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        # Excel's TRUE/FALSE means ya/tidak only in a ya/tidak column; elsewhere (jenis_kelamin)
        # it stays what the analyst typed, so the check says "isi dengan L atau P" about TRUE.
        if col is not None and col.choices == YA_TIDAK:
            return "ya" if value else "tidak"
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date):
        if col is not None and col.kind == "month":
            return f"{value:%Y-%m}"
        return f"{value:%Y-%m-%d}"
    if isinstance(value, int | float):
        # openpyxl reads a stored 100.0 back as int 100: the number format keeps "100.00".
        return (
            _number_text(value, number_format)
            if isinstance(value, float) or _FIXED.match(number_format or "")
            else str(value)
        )
    return str(value)
