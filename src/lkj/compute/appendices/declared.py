"""Declared appendices (unit.yml `lampiran:`): rows of a dataset counted per group.

A unit that is not a BP3MI office has its own recap tables ("Rekapitulasi Hasil Uji Sampel":
sampel per jenis × hasil). They are declared in data, not coded: `baris` is the column whose
values are the rows, `kolom` (optional) the column whose values are the columns, `periode`
the report quarter or everything up to it.

Value ids: lampiran.<id>.<row>.<col>, lampiran.<id>.<row>.total, lampiran.<id>.total.<col>,
lampiran.<id>.total (row/col = slug of the data value; a value whose slug is "total" becomes
"total_"). Every cell cites the file lines it counts, so Jejak Angka traces it.

Public edition, a dataset with personal columns: a cell (or total) of 1 or 2 persons is the
text "< 3" — in the registry itself, so neither the book nor values.json holds the count.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkj.compute.appendices.common import lines, ordered, slug
from lkj.inputs import personal, specs
from lkj.inputs.load import Inputs, Table
from lkj.inputs.unit import Appendix
from lkj.values import formatting as fmt
from lkj.values.factory import ValueFactory
from lkj.values.registry import Registry, Source

TOTAL = "total"


@dataclass(frozen=True)
class Layout:
    """One declared appendix of a run: its row and column values (data labels) in order."""

    appendix: Appendix
    rows: list[str]
    columns: list[str]  # empty: the table counts per row only

    @property
    def prefix(self) -> str:
        return f"lampiran.{self.appendix.id}"

    def cell(self, row: str, column: str) -> str:
        return f"{self.prefix}.{key(row)}.{key(column)}"

    def row_total(self, row: str) -> str:
        return f"{self.prefix}.{key(row)}.{TOTAL}"

    def column_total(self, column: str) -> str:
        return f"{self.prefix}.{TOTAL}.{key(column)}"

    @property
    def total(self) -> str:
        return f"{self.prefix}.{TOTAL}"


def key(value: str) -> str:
    """The id segment of a data value; never "total", which names the sums."""
    found = slug(value)
    return f"{found}_" if found == TOTAL else found


def declared(inputs: Inputs) -> list[Appendix]:
    """The run's declared appendices whose dataset the year folder has."""
    return [a for a in inputs.unit.lampiran if a.dataset in inputs.tables]


def period_rows(inputs: Inputs, appendix: Appendix) -> pd.DataFrame:
    """The rows the appendix counts: the report quarter's, or every quarter's up to it."""
    df = inputs.table(appendix.dataset).df
    if "_quarter" not in df.columns:
        return df
    quarter = inputs.run.params.quarter
    if appendix.periode == "sd_triwulan":
        return df[df["_quarter"] <= quarter]
    return df[df["_quarter"] == quarter]


def _values_of(inputs: Inputs, appendix: Appendix, column: str, rows: pd.DataFrame) -> list[str]:
    """A column's allowed values in their declared order, else the values found, file order."""
    spec = specs.TABLES.get(appendix.dataset)
    col = spec.col(column) if spec else None
    if col is not None and col.choices:
        return list(col.choices)
    if col is not None and col.ref and col.ref in inputs.references:
        return specs.reference_values(col.ref, inputs.references[col.ref])
    return ordered(rows[column].dropna())


def entry_id(appendix: Appendix) -> str:
    """The appendix's anchor and catalogue id ("lampiran-uji-sampel")."""
    return f"lampiran-{appendix.id}"


def catalog_entries(inputs: Inputs) -> list[tuple[str, str]]:
    """(catalogue id, title) of each declared appendix the run shows, in unit.yml order."""
    params = inputs.run.params
    return [
        (entry_id(a), f"{a.judul} {period_phrase(a, params.quarter, params.year)}")
        for a in declared(inputs)
    ]


def layout(inputs: Inputs, appendix: Appendix) -> Layout:
    rows = period_rows(inputs, appendix)
    columns = _values_of(inputs, appendix, appendix.kolom, rows) if appendix.kolom else []
    return Layout(appendix, _values_of(inputs, appendix, appendix.baris, rows), columns)


def is_personal(inputs: Inputs, appendix: Appendix) -> bool:
    """Rows describe persons: their counts are suppressed below K in a public edition."""
    columns = list(inputs.table(appendix.dataset).df.columns)
    return bool(personal.personal_columns(appendix.dataset, columns))


def period_phrase(appendix: Appendix, quarter: int, year: int) -> str:
    """'Triwulan II Tahun 2025' or 's.d. Triwulan II Tahun 2025' (titles and selections)."""
    tw = fmt.quarter_label(quarter)
    return f"{'s.d. ' if appendix.periode == 'sd_triwulan' else ''}{tw} Tahun {year}"


@dataclass(frozen=True)
class _Counter:
    """Adds the counts of one appendix, suppressing small groups of persons when asked."""

    values: ValueFactory
    table: Table
    period: str
    what: str  # "n(baris <file>)": what one counted row is
    suppress: bool

    def add(self, value_id: str, part: pd.DataFrame, label: str, where: list[str]) -> str:
        n = len(part)
        small = self.suppress and 0 < n < personal.K
        selection = "; ".join([self.period, *where])
        self.values.add(
            value_id,
            personal.SMALL if small else n,
            kind="text" if small else "count",
            label=label,
            formula=f"{self.what}, {selection}",
            sources=[Source(self.table.shown, lines(part), selection)],
            note=f"kelompok kurang dari {personal.K} orang: tidak ditampilkan" if small else "",
        )
        return value_id


def compute(reg: Registry, inputs: Inputs) -> None:
    """Every declared appendix of the run, in unit.yml order."""
    for appendix in declared(inputs):
        _one(reg, inputs, appendix)


def _one(reg: Registry, inputs: Inputs, appendix: Appendix) -> None:
    table = inputs.table(appendix.dataset)
    found = layout(inputs, appendix)
    rows = period_rows(inputs, appendix)
    params = inputs.run.params
    suppress = personal.is_public(params.edition) and is_personal(inputs, appendix)
    counter = _Counter(
        ValueFactory.for_run(reg, params, compute).using(lampiran=appendix.id),
        table,
        period_phrase(appendix, params.quarter, params.year),
        f"n(baris {table.shown.rsplit('/', 1)[-1]})",
        suppress,
    )
    title, by_row, by_col = appendix.judul, appendix.baris, appendix.kolom
    # Rows outside the listed values (an empty optional cell) are in no cell, so in no sum.
    counted = rows[rows[by_row].astype(str).isin(found.rows)]
    if by_col is not None:
        counted = counted[counted[by_col].astype(str).isin(found.columns)]
    for row in found.rows:
        in_row = counted[counted[by_row].astype(str) == row]
        for column in found.columns:
            assert by_col is not None
            part = in_row[in_row[by_col].astype(str) == column]
            where = [f"{by_row} = {row}", f"{by_col} = {column}"]
            counter.add(found.cell(row, column), part, f"{title}, {row}, {column}", where)
        counter.add(found.row_total(row), in_row, f"{title}, {row}, jumlah", [f"{by_row} = {row}"])
    for column in found.columns:
        assert by_col is not None
        part = counted[counted[by_col].astype(str) == column]
        counter.add(
            found.column_total(column), part, f"{title}, jumlah {column}", [f"{by_col} = {column}"]
        )
    counter.add(found.total, counted, f"{title}, jumlah", [])
