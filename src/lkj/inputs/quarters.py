"""Records dated after the run's quarter: counted in no table of this report.

A TW II report counts records of TW I and TW II; a row dated in July belongs to TW III. That
is right when the next quarter's data are already being entered (or an old quarter is rebuilt),
and wrong when the month was mistyped (IKU 6 showed 35 instead of 36, without a word). So it
is a warning, once per file, naming every line (data/README.md, "General rules for CSV files").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np
import pandas as pd

from lkj.errors import Problem
from lkj.inputs.specs import Spec

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_SHOWN_LINES = 10


class Checked(Protocol):
    """What the check needs of a validated table (lkj.inputs.load.Table)."""

    name: str
    shown: str
    df: pd.DataFrame


def _as_written(value: object) -> object:
    """A cell as the analyst wrote it: 2025-07-02, 3 (not a Timestamp or numpy integer)."""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return int(value) if isinstance(value, (int, np.integer)) else value


def later_rows(
    quarter: int, tables: Mapping[str, Checked], specs: Mapping[str, Spec]
) -> list[Problem]:
    """One warning per file holding records of a quarter after `quarter` (specs: by name)."""
    found = []
    for name, table in tables.items():
        spec = specs.get(name)
        df = table.df
        if spec is None or spec.quarter_from is None or "_quarter" not in df.columns:
            continue
        later = df[df["_quarter"] > quarter]
        if later.empty:
            continue
        lines = [int(n) for n in later["_row"]]
        listed = ", ".join(map(str, lines[:_SHOWN_LINES])) + (
            f" dan {len(lines) - _SHOWN_LINES} lainnya" if len(lines) > _SHOWN_LINES else ""
        )
        first = later.iloc[0][spec.quarter_from]
        found.append(
            Problem(
                table.shown,
                f"{len(lines)} baris tercatat untuk triwulan setelah TW {ROMAN[quarter]} "
                f"(baris {listed}): tidak dihitung dalam laporan TW {ROMAN[quarter]} ini",
                fix=f"jika {spec.quarter_from} salah ketik, perbaiki ke TW {ROMAN[quarter]} atau "
                "sebelumnya; data triwulan berikutnya boleh dicatat lebih awal",
                row=lines[0],
                column=spec.quarter_from,
                value=_as_written(first),
                severity="warning",
            )
        )
    return found
