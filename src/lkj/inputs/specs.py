"""What a valid CSV file of data/ looks like, in memory: one `Spec` per file.

Plain data: columns with their kind and allowed values, unique keys, rules across the cells of a
row, the column that gives the quarter. The specs of a run come from its declared datasets
(YAML; lkj.inputs.declarations, data/README.md "unit.yml — dataset"), not from code.
lkj.inputs.parsing and lkj.inputs.tableschema turn a spec into typed columns and a pandera schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

Kind = Literal["text", "date", "month", "int", "number"]

# The periods of target.csv: every IKU has one target for each (lkj.inputs.targets).
PERIODE = ("tahunan", "TW1", "TW2", "TW3", "TW4")


@dataclass(frozen=True)
class Col:
    """One column: its kind, whether it may be empty, and its allowed values or range."""

    name: str
    kind: Kind = "text"
    nullable: bool = False
    choices: tuple[str, ...] | None = None
    ref: str | None = None  # allowed values are the keys of data/referensi/<ref>.csv
    min: float | None = None
    max: float | None = None
    unique: bool = False
    in_year: bool = False  # date/month must fall in the PK year
    pattern: str | None = None  # regex a text value must match in full
    pattern_hint: str = ""  # how to write a value that matches `pattern`

    @property
    def is_numeric(self) -> bool:
        return self.kind in ("int", "number")


@dataclass(frozen=True)
class RowRule:
    """A rule across the cells of one row; `ok` returns True for rows that pass or do not apply."""

    name: str
    column: str  # the cell a problem points at
    needs: tuple[str, ...]
    ok: Callable[[pd.DataFrame], pd.Series]
    message: Callable[[pd.Series], str]  # gets the (typed) row
    fix: str


@dataclass(frozen=True)
class Spec:
    """One CSV file: its columns, unique key, row rules and the column that gives the quarter."""

    name: str
    columns: tuple[Col, ...]
    key: tuple[str, ...] = ()  # unique combination of columns (besides unique single columns)
    rules: tuple[RowRule, ...] = ()
    quarter_from: str | None = None
    key_fix: str = "hapus baris duplikat atau gabungkan angkanya ke satu baris"

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def col(self, name: str) -> Col | None:
        return next((c for c in self.columns if c.name == name), None)
