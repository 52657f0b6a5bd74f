"""A dataset spec bound to one run (PK year, reference lists) as a pandera schema.

Every check carries its explanation (message and fix in Bahasa Indonesia), which
lkj.inputs.validation uses to turn pandera's failure cases into problems.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa

from lkj.inputs.hints import as_typed, or_list, suggest
from lkj.inputs.parsing import MONTH_FIX
from lkj.inputs.specs import Col, Kind, RowRule, Spec

_DTYPES: dict[Kind, str] = {
    "text": "str",
    "month": "str",
    "date": "datetime64[ns]",
    "int": "Int64",
    "number": "float64",
}


@dataclass
class Explain:
    """How to tell the analyst about one failed check."""

    message: Callable[[object], str]
    fix: Callable[[object], str]


def _choice_fix(col: Col, choices: tuple[str, ...]) -> Callable[[object], str]:
    def fix(value: object) -> str:
        hint = suggest(value, choices)
        guess = f" (maksudnya '{hint}'?)" if hint and hint != value else ""
        if col.ref:
            where = f"data/referensi/{col.ref}.csv"
            if len(choices) <= 15 and all(len(c) == 1 for c in choices):
                return f"isi dengan kode {choices[0]}–{choices[-1]} dari {where}{guess}"
            return f"pakai nilai yang tercantum di {where}{guess}, atau tambahkan ke berkas itu"
        return f"isi dengan {or_list(choices)}{guess}"

    return fix


@dataclass
class TableSchema:
    """A spec bound to one run (the PK year and the reference lists)."""

    spec: Spec
    year: int
    references: Mapping[str, list[str]] = field(default_factory=dict)
    explain: dict[tuple[str | None, str], Explain] = field(default_factory=dict)

    def _check(self, column: str | None, name: str, fn: Callable, explain: Explain) -> pa.Check:
        self.explain[(column, name)] = explain
        return pa.Check(fn, name=name)

    def _column(self, col: Col) -> pa.Column:
        checks: list[pa.Check] = []
        choices = col.choices or (
            tuple(self.references[col.ref]) if col.ref and col.ref in self.references else None
        )
        if choices is not None:
            allowed = set(choices)
            checks.append(
                self._check(
                    col.name,
                    "pilihan",
                    lambda s, allowed=allowed: s.isin(allowed),
                    Explain(
                        lambda v: f"nilai tidak dikenal untuk kolom {col.name}",
                        _choice_fix(col, choices),
                    ),
                )
            )
        if col.pattern:
            checks.append(
                self._check(
                    col.name,
                    "pola",
                    lambda s: s.str.fullmatch(col.pattern).fillna(False).astype(bool),
                    Explain(
                        lambda v: "bentuk nilai tidak sah", lambda v: f"isi {col.pattern_hint}"
                    ),
                )
            )
        if col.min is not None or col.max is not None:
            checks.append(self._range_check(col))
        if col.in_year and col.kind == "date":
            checks.append(
                self._check(
                    col.name,
                    "tahun",
                    lambda s: s.dt.year == self.year,
                    Explain(
                        lambda v: f"tanggal di luar tahun PK {self.year}",
                        lambda v: (
                            f"periksa tahunnya (harus {self.year}); data tahun lain "
                            f"masuk ke folder tahunnya sendiri"
                        ),
                    ),
                )
            )
        if col.in_year and col.kind == "month":
            checks.append(
                self._check(
                    col.name,
                    "bulan_1_12",
                    lambda s: pd.to_numeric(s.str[5:7], errors="coerce").between(1, 12),
                    Explain(
                        lambda v: f"bulan {str(v)[5:7]} tidak ada (harus 01–12)",
                        lambda v: f"{MONTH_FIX}; bulan 01 sampai 12",
                    ),
                )
            )
            checks.append(
                self._check(
                    col.name,
                    "tahun",
                    lambda s: s.str[:4] == str(self.year),
                    Explain(
                        lambda v: f"bulan di luar tahun PK {self.year}",
                        lambda v: f"periksa tahunnya (harus {self.year}), mis. {self.year}-04",
                    ),
                )
            )
        return pa.Column(
            _DTYPES[col.kind],
            checks=checks,
            nullable=col.nullable,
            unique=col.unique,
            required=True,
        )

    def _range_check(self, col: Col) -> pa.Check:
        lo, hi = col.min, col.max
        if lo is not None and hi is not None:
            text, fn = f"{as_typed(lo)}–{as_typed(hi)}", (lambda s: s.between(lo, hi))
        elif lo is not None:
            text, fn = f"≥ {as_typed(lo)}", (lambda s: s >= lo)
        else:
            text, fn = f"≤ {as_typed(hi)}", (lambda s: s <= hi)
        negative = lo == 0 and hi is None
        return self._check(
            col.name,
            "rentang",
            fn,
            Explain(
                lambda v: "tidak boleh negatif" if negative else f"di luar rentang {text}",
                lambda v: "isi angka 0 atau lebih" if negative else f"isi angka {text}",
            ),
        )

    def _rule(self, rule: RowRule) -> pa.Check:
        def ok(df: pd.DataFrame) -> pd.Series:
            # A missing column is reported on its own; the rule then has nothing to check.
            if not set(rule.needs) <= set(df.columns):
                return pd.Series(True, index=df.index)
            return rule.ok(df).fillna(True).astype(bool)

        return self._check(None, rule.name, ok, Explain(lambda v: "", lambda v: rule.fix))

    def pandera(self) -> pa.DataFrameSchema:
        self.explain.clear()
        return pa.DataFrameSchema(
            {c.name: self._column(c) for c in self.spec.columns},
            checks=[self._rule(r) for r in self.spec.rules],
            strict=True,
            unique=list(self.spec.key) or None,
            report_duplicates="all",
            name=self.spec.name,
        )

    def validate(self, typed: pd.DataFrame) -> pd.DataFrame | None:
        """pandera's failure cases (None when the frame is valid)."""
        try:
            self.pandera().validate(typed, lazy=True)
        except pa.errors.SchemaErrors as exc:
            return exc.failure_cases
        return None
