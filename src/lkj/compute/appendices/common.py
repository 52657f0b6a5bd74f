"""What every appendix aggregate shares: stable ids from data labels, and the context that adds
counts, sums and score-card values of one report quarter to the registry."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from lkj.inputs.load import Inputs, Table
from lkj.values import formatting as fmt
from lkj.values.factory import ValueFactory
from lkj.values.registry import Registry, Source

SEXES = ("L", "P")


def slug(text: str) -> str:
    """'BP3MI Jawa Tengah/P4MI' → 'bp3mi_jawa_tengah_p4mi' (stable ids from data labels)."""
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_") or "kosong"


def lines(df: pd.DataFrame) -> tuple[int, ...]:
    """The file lines of a table's rows (its `_row` column)."""
    return tuple(int(r) for r in df["_row"])


def ordered(values: pd.Series) -> list[str]:
    """Distinct values in order of first appearance in the file (the analyst's order)."""
    return list(dict.fromkeys(values.astype(str).tolist()))


@dataclass(frozen=True)
class Ctx:
    """One appendix's values of the report quarter, all computed by one function."""

    values: ValueFactory
    inputs: Inputs
    unit: str = "Orang"

    @classmethod
    def of(
        cls, reg: Registry, inputs: Inputs, function: Callable[..., Any], unit: str = "Orang"
    ) -> Ctx:
        return cls(ValueFactory.for_run(reg, inputs.run.params, function), inputs, unit)

    def using(self, unit: str, **settings: Any) -> Ctx:
        """The same appendix counting in another unit, under settings beyond the run's."""
        return replace(self, values=self.values.using(**settings), unit=unit)

    @property
    def reg(self) -> Registry:
        return self.values.registry

    @property
    def quarter(self) -> int:
        return self.inputs.run.params.quarter

    @property
    def year(self) -> int:
        return self.inputs.run.params.year

    @property
    def period(self) -> str:
        return f"{fmt.quarter_label(self.quarter)} ({fmt.months_phrase(self.quarter, self.year)})"

    def rows(self, table: Table) -> pd.DataFrame:
        return table.df[table.df["_quarter"] == self.quarter]

    def count(
        self,
        key: str,
        table: Table,
        part: pd.DataFrame,
        label: str,
        selection: str,
        column: str | None = None,
    ) -> str:
        value = int(part[column].sum()) if column else len(part)
        formula = f"Σ {column}" if column else "n(baris)"
        self.values.add(
            key,
            value,
            kind="count",
            unit=self.unit,
            label=label,
            formula=f"{formula}, {self.period}",
            sources=[Source(table.shown, lines(part), f"{self.period}; {selection}")],
        )
        return key

    def score(
        self,
        key: str,
        value: object,
        label: str,
        formula: str,
        *,
        inputs: list[str] | None = None,
        sources: list[Source] | None = None,
        kind: str = "score",
    ) -> None:
        """A value of a score card (IKPA): shown with its two decimals, as the card prints."""
        self.values.add(
            key,
            value,
            kind=kind,
            unit="%" if kind == "percent" else "",
            keep_zeros=kind == "score",
            label=label,
            formula=formula,
            inputs=inputs or [],
            sources=sources or [],
        )

    def total(self, key: str, members: list[str], label: str) -> str:
        value = int(sum(self.reg[m].value or 0 for m in members))
        self.values.add(
            key,
            value,
            kind="count",
            unit=self.unit,
            label=label,
            formula="Σ " + ", ".join(members[:3]) + (" …" if len(members) > 3 else ""),
            inputs=members,
        )
        return key
