"""Generic row-rule kinds of a declaration (`aturan_baris`) as lkj.inputs.specs.RowRule.

Each kind is a small class whose methods are the rule's test and message, so a Spec stays
plain data that pickles (the build hands the loaded run to the notebook kernels) and deep-
copies. Messages name the cells as the analyst wrote them (3, 2025-04-01); a declaration may
give its own message template (`pesan`, over the row's cells) and fix (`perbaikan`).
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import pandas as pd

from lkj.inputs.declaration import RuleDecl
from lkj.inputs.hints import as_typed
from lkj.inputs.specs import RowRule


def cell_text(value: object) -> str:
    """A typed cell as written: 2025-04-01 for a date, 3 for 3.0."""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return as_typed(value)


def names_in(template: str) -> list[str]:
    """The {column} fields of a message template."""
    return [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]


def listed(names: list[str], last: str = "atau") -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {last} {names[-1]}"


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


@dataclass(frozen=True)
class _Message:
    """A declared message template filled with the row's cells."""

    template: str

    def __call__(self, row: pd.Series) -> str:
        return self.template.format_map({k: cell_text(row[k]) for k in names_in(self.template)})


@dataclass(frozen=True)
class _Sum:
    target: str
    parts: tuple[str, ...]

    def ok(self, df: pd.DataFrame) -> pd.Series:
        cols = [*self.parts, self.target]
        known = df[cols].notna().all(axis=1)
        return ~known | (df[list(self.parts)].sum(axis=1) == df[self.target])

    def message(self, row: pd.Series) -> str:
        total = sum(row[p] for p in self.parts)
        terms = " + ".join(f"{p} ({cell_text(row[p])})" for p in self.parts)
        return (
            f"{terms} = {cell_text(total)}, "
            f"tidak sama dengan {self.target} ({cell_text(row[self.target])})"
        )

    def fix(self) -> str:
        return (
            f"perbaiki {listed([self.target, *self.parts])} agar "
            f"{' + '.join(self.parts)} = {self.target}"
        )


@dataclass(frozen=True)
class _AtMost:
    column: str
    limit: str
    unless: tuple[str, ...]

    def ok(self, df: pd.DataFrame) -> pd.Series:
        known = df[self.column].notna() & df[self.limit].notna()
        for other in self.unless:
            known &= df[other].isna()
        return ~known | (df[self.column] <= df[self.limit])

    def message(self, row: pd.Series) -> str:
        return (
            f"{self.column} ({cell_text(row[self.column])}) lebih besar dari "
            f"{self.limit} ({cell_text(row[self.limit])})"
        )

    def fix(self) -> str:
        return f"perbaiki {self.column} atau {self.limit}"


@dataclass(frozen=True)
class _Ordered:
    first: str
    then: str

    def ok(self, df: pd.DataFrame) -> pd.Series:
        both = df[self.first].notna() & df[self.then].notna()
        return ~both | (df[self.then] >= df[self.first])

    def message(self, row: pd.Series) -> str:
        return (
            f"{self.then} ({cell_text(row[self.then])}) sebelum "
            f"{self.first} ({cell_text(row[self.first])})"
        )

    def fix(self) -> str:
        return f"perbaiki {self.first} atau {self.then}"


@dataclass(frozen=True)
class _AnyOf:
    columns: tuple[str, ...]

    def ok(self, df: pd.DataFrame) -> pd.Series:
        return df[list(self.columns)].notna().any(axis=1)

    def message(self, row: pd.Series) -> str:
        every = "keduanya" if len(self.columns) == 2 else "semuanya"
        return f"{listed(list(self.columns), 'dan')} {every} kosong"

    def fix(self) -> str:
        return f"isi {listed(list(self.columns))}"


@dataclass(frozen=True)
class _When:
    when: tuple[tuple[str, object], ...]
    then: tuple[tuple[str, object], ...]

    def ok(self, df: pd.DataFrame) -> pd.Series:
        applies = pd.Series(True, index=df.index)
        for column, value in self.when:
            applies &= df[column] == value
        good = pd.Series(True, index=df.index)
        for column, value in self.then:
            applies &= df[column].notna()
            good &= df[column] == value
        return ~applies | good

    def message(self, row: pd.Series) -> str:
        cond = ", ".join(f"{c} {cell_text(v)}" for c, v in self.when)
        wrong = ", ".join(f"{c} {cell_text(row[c])}" for c, _ in self.then)
        return f"baris dengan {cond} berisi {wrong}"

    def fix(self) -> str:
        return "isi " + ", ".join(f"{c} {cell_text(v)}" for c, v in self.then)


def _kind(decl: RuleDecl) -> tuple[_Sum | _AtMost | _Ordered | _AnyOf | _When, str, list[str]]:
    """(the rule's test, the cell a problem points at, the cells it reads)."""
    cols, dari = _as_list(decl.kolom), _as_list(decl.dari)
    if decl.jenis == "jumlah":
        return _Sum(cols[0], tuple(dari)), cols[0], [*dari, cols[0]]
    if decl.jenis == "tidak_lebih":
        assert decl.batas is not None
        rule = _AtMost(cols[0], decl.batas, tuple(decl.kecuali_terisi))
        return rule, cols[0], [cols[0], *decl.kecuali_terisi, decl.batas]
    if decl.jenis == "urut":
        assert decl.sampai is not None
        return _Ordered(dari[0], decl.sampai), decl.sampai, [dari[0], decl.sampai]
    if decl.jenis == "salah_satu":
        return _AnyOf(tuple(cols)), cols[0], cols
    when, then = tuple((decl.bila or {}).items()), tuple((decl.maka or {}).items())
    target = then[0][0]
    return _When(when, then), target, [*(c for c, _ in when), *(c for c, _ in then)]


def row_rule(decl: RuleDecl, index: int) -> RowRule:
    """The in-memory rule of a checked declaration (lkj.inputs.declarations checks the keys)."""
    test, column, needs = _kind(decl)
    name = decl.nama or f"{decl.jenis}_{column}_{index}"
    message = _Message(decl.pesan) if decl.pesan else test.message
    fix = decl.perbaikan or test.fix()
    return RowRule(name, column, tuple(dict.fromkeys(needs)), test.ok, message, fix)
