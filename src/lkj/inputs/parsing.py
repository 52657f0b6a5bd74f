"""Text cells → typed columns; a cell that cannot be read is reported with its raw text.

dtypes of a validated table (see `finalize`):
- text, codes, ids, ya/tidak, L/P and other choices: pandas `str` (missing = NaN)
- `date`: datetime64[ns]; `month` ("bulan"): "YYYY-MM" text
- whole numbers (counts, rupiah, triwulan): int64; when the column is nullable: float64 + NaN
- decimals (nilai, bobot, nilai_aspek): float64 (+ NaN when nullable)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from lkj.inputs import numbers
from lkj.inputs.specs import Col, Spec

_INT = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"\d{4}-\d{2}")
DATE_FIX = "gunakan format tanggal YYYY-MM-DD, mis. 2025-04-15"
MONTH_FIX = "gunakan format bulan YYYY-MM, mis. 2025-04"


@dataclass(frozen=True)
class CellError:
    index: int
    column: str
    message: str
    fix: str


def _parse(col: Col, raw: pd.Series, errors: list[CellError]) -> pd.Series:
    """Typed version of one text column; unreadable cells become missing and are reported."""
    text = raw.astype("str").str.strip()
    present = text != ""
    if col.kind == "text":
        return text.where(present).astype("str")
    pattern = {"month": _MONTH, "date": _DATE, "int": _INT, "number": numbers.NUMBER}[col.kind]
    readable = present & text.str.fullmatch(pattern.pattern).fillna(False).astype(bool)
    if col.kind == "number":  # "1.000": one by the rule, a thousand in Indonesian writing
        readable &= ~text.map(numbers.ambiguous).astype(bool)
    for label, value in text[present & ~readable].items():
        i = int(label)  # type: ignore[call-overload]  # the reader's RangeIndex
        if col.kind == "month":
            errors.append(CellError(i, col.name, "format bulan tidak dikenali", MONTH_FIX))
        elif col.kind == "date":
            errors.append(CellError(i, col.name, "format tanggal tidak dikenali", DATE_FIX))
        else:
            errors.append(CellError(i, col.name, *numbers.explain(value, col.kind == "int")))
    kept = text.where(readable)
    if col.kind == "month":
        return kept.astype("str")
    if col.kind == "date":
        dates = pd.to_datetime(kept, format="%Y-%m-%d", errors="coerce").astype("datetime64[ns]")
        for i in kept.index[readable & dates.isna()]:
            errors.append(
                CellError(
                    i,
                    col.name,
                    "tanggal tidak ada di kalender",
                    f"periksa hari dan bulannya; {DATE_FIX}",
                )
            )
        return dates
    values = pd.to_numeric(kept, errors="coerce")
    return values.astype("Int64") if col.kind == "int" else values.astype("float64")


def parse_columns(spec: Spec, raw: pd.DataFrame) -> tuple[pd.DataFrame, list[CellError]]:
    """Typed frame for validation (whole numbers as nullable Int64) and the unreadable cells.

    Columns not in the spec are kept as text so pandera can report them as unknown.
    """
    errors: list[CellError] = []
    out = {}
    for name in raw.columns:
        col = spec.col(name)
        out[name] = _parse(col, raw[name], errors) if col else raw[name]
    return pd.DataFrame(out, index=raw.index), errors


def finalize(spec: Spec, typed: pd.DataFrame) -> pd.DataFrame:
    """Final dtypes of a valid table (see the module docstring)."""
    df = typed[spec.names].copy()
    for col in spec.columns:
        if col.kind == "int":
            df[col.name] = df[col.name].astype("float64" if col.nullable else "int64")
    return df
