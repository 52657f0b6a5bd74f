"""Realisation of one IKU in one quarter, read from its dataset by the rule in pk.yml."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from lkj.compute import rules
from lkj.inputs.pk import Filter, Iku
from lkj.values import formatting as fmt


@dataclass(frozen=True)
class Measurement:
    """A realisation with the rows it came from."""

    value: Any  # number (count, sum, percent, score), category string, or None (not realised)
    rows: tuple[int, ...]  # file lines that entered the computation
    selection: str  # the row filter in words
    formula: str  # how the value follows from the rows, in words and symbols
    numerator: int | float | None = None
    denominator: int | float | None = None
    numerator_rows: tuple[int, ...] = ()


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def filter_mask(df: pd.DataFrame, where: Filter) -> pd.Series:
    mask = pd.Series(True, index=df.index)
    for column, wanted in where.items():
        mask &= df[column].astype(str).isin([str(v) for v in _as_list(wanted)])
    return mask


def describe_filter(where: Filter) -> str:
    parts = []
    for column, wanted in where.items():
        values = _as_list(wanted)
        shown = values[0] if len(values) == 1 else "{" + ", ".join(map(str, values)) + "}"
        parts.append(f"{column} = {shown}")
    return ", ".join(parts)


def quarter_rows(df: pd.DataFrame, quarter: int) -> pd.DataFrame:
    return df[df["_quarter"] == quarter]


def _lines(df: pd.DataFrame) -> tuple[int, ...]:
    return tuple(int(r) for r in df["_row"])


def _plain(value: Any) -> Any:
    """numpy scalars → Python numbers, whole floats → int, so JSON and display stay simple."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def measure(iku: Iku, df: pd.DataFrame, quarter: int, year: int) -> Measurement:
    """Apply iku.sumber to the rows of one quarter."""
    src = iku.sumber
    period = f"{fmt.quarter_label(quarter)} ({fmt.months_phrase(quarter, year)})"
    rows = quarter_rows(df, quarter)
    rows = rows[filter_mask(rows, src.saring)] if src.saring else rows
    where = describe_filter(src.saring)
    selection = f"{src.dataset}: {period}" + (f"; {where}" if where else "")
    lines = _lines(rows)
    empty_value = 0 if src.kosong == "nol" else None

    if src.aturan == "hitung":
        value: Any = len(rows) if len(rows) else empty_value
        formula = f"n(baris {src.dataset}, {period})"
        return Measurement(value, lines, selection, formula)

    if src.aturan == "jumlah":
        cols = src.columns
        per_row = rows[cols].bfill(axis=1).iloc[:, 0] if len(rows) else pd.Series(dtype=float)
        value = _plain(per_row.sum()) if len(rows) else empty_value
        what = cols[0] if len(cols) == 1 else f"{cols[0]} (bila kosong: {', '.join(cols[1:])})"
        formula = f"Σ {what}, {period}"
        return Measurement(value, lines, selection, formula)

    if src.aturan == "rasio":
        assert src.pembilang is not None
        num_rows = rows[filter_mask(rows, src.pembilang)]
        numerator, denominator = len(num_rows), len(rows)
        value = rules.ratio_percent(numerator, denominator)
        formula = (
            f"n(baris dengan {describe_filter(src.pembilang)}) / n(baris {src.dataset}) × 100%, "
            f"{period}"
        )
        return Measurement(
            value, lines, selection, formula, numerator, denominator, _lines(num_rows)
        )

    # nilai / kategori: one reading per quarter
    column = src.columns[0]
    if len(rows) > 1:
        raise ValueError(f"{iku.kode}: more than one row of {src.dataset} in quarter {quarter}")
    value = _plain(rows[column].iloc[0]) if len(rows) else None
    formula = f"{column} yang tercatat untuk {period}"
    return Measurement(value, lines, selection, formula)


def cumulative(iku: Iku, parts: list[Measurement]) -> Measurement:
    """'s.d. TW': sum counts, recompute ratios from summed parts, or take the latest reading."""
    lines = tuple(line for p in parts for line in p.rows)
    selection = "; ".join(p.selection for p in parts)
    labels = [fmt.quarter_label(i + 1) for i in range(len(parts))]
    if iku.kumulatif == "jumlah":
        known = [p.value for p in parts if p.value is not None]
        value = _plain(sum(known)) if known else None
        return Measurement(value, lines, selection, " + ".join(labels))
    if iku.kumulatif == "rasio":
        num = sum(p.numerator or 0 for p in parts)
        den = sum(p.denominator or 0 for p in parts)
        value = rules.ratio_percent(num, den)
        formula = f"Σ pembilang / Σ penyebut × 100%, {labels[0]} s.d. {labels[-1]}"
        num_lines = tuple(line for p in parts for line in p.numerator_rows)
        return Measurement(value, lines, selection, formula, num, den, num_lines)
    # terakhir: the latest quarter that has a reading
    for index in range(len(parts) - 1, -1, -1):
        if parts[index].value is not None:
            p = parts[index]
            return Measurement(
                p.value,
                p.rows,
                p.selection,
                f"nilai terakhir ({labels[index]})",
                p.numerator,
                p.denominator,
                p.numerator_rows,
            )
    return Measurement(None, (), selection, "belum ada nilai")
