"""Declared appendices (unit.yml `lampiran:`): rows of a dataset counted per group.

A unit that is not a BP3MI office has its own recap tables ("Rekapitulasi Hasil Uji Sampel":
sampel per jenis × hasil). They are declared in data, not coded: `baris` is the column whose
values are the rows, `kolom` (optional) the column whose values are the columns, `periode`
the report quarter or everything up to it.

Value ids: lampiran.<id>.<row>.<col>, lampiran.<id>.<row>.total, lampiran.<id>.total.<col>,
lampiran.<id>.total (row/col = slug of the data value; a value whose slug is "total" becomes
"total_"). Every cell cites the file lines it counts, so Jejak Angka traces it.

Public edition, a dataset with personal columns: the table is suppressed like every count
table of persons (lkj.compute.smallcells): a count of 1 or 2 is the text "< 3", a figure that
would give it away through the totals "x" — in the registry itself, without rows, so neither
the book nor values.json holds the count.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lkj.compute import smallcells
from lkj.compute.appendices.common import lines, ordered, slug
from lkj.inputs import personal
from lkj.inputs.load import Inputs
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
        return f"{self.prefix}.{self._row_keys[row]}.{self._column_keys[column]}"

    def row_total(self, row: str) -> str:
        return f"{self.prefix}.{self._row_keys[row]}.{TOTAL}"

    def column_total(self, column: str) -> str:
        return f"{self.prefix}.{TOTAL}.{self._column_keys[column]}"

    @property
    def _row_keys(self) -> dict[str, str]:
        return keys(self.rows)

    @property
    def _column_keys(self) -> dict[str, str]:
        return keys(self.columns)

    @property
    def total(self) -> str:
        return f"{self.prefix}.{TOTAL}"


def key(value: str) -> str:
    """The id segment of a data value; never "total", which names the sums."""
    found = slug(value)
    return f"{found}_" if found == TOTAL else found


def keys(values: list[str]) -> dict[str, str]:
    """Each value's id segment; values that write alike ("Kab. A", "Kab A") get _2, _3 …"""
    out: dict[str, str] = {}
    for value in values:
        segment, n = key(value), 1
        while segment in out.values():
            n += 1
            segment = f"{key(value)}_{n}"
        out[value] = segment
    return out


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
    spec = inputs.datasets.tables.get(appendix.dataset)
    col = spec.col(column) if spec else None
    if col is not None and col.choices:
        return list(col.choices)
    if col is not None and col.ref and col.ref in inputs.references:
        return inputs.datasets.reference_values(col.ref, inputs.references[col.ref])
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
    return bool(personal.personal_columns(appendix.dataset, columns, inputs.datasets))


def period_phrase(appendix: Appendix, quarter: int, year: int) -> str:
    """'Triwulan II Tahun 2025' or 's.d. Triwulan II Tahun 2025' (titles and selections)."""
    tw = fmt.quarter_label(quarter)
    return f"{'s.d. ' if appendix.periode == 'sd_triwulan' else ''}{tw} Tahun {year}"


@dataclass(frozen=True)
class _Entry:
    """One figure of the table before it is registered: the rows it counts, and what."""

    value_id: str
    part: pd.DataFrame
    label: str
    where: list[str]


def compute(reg: Registry, inputs: Inputs) -> None:
    """Every declared appendix of the run, in unit.yml order."""
    for appendix in declared(inputs):
        _one(reg, inputs, appendix)


def _entries(inputs: Inputs, found: Layout) -> list[_Entry]:
    """Cells, row totals, column totals and the total, each with the rows it counts."""
    appendix = found.appendix
    title, by_row, by_col = appendix.judul, appendix.baris, appendix.kolom
    rows = period_rows(inputs, appendix)
    # Rows outside the listed values (an empty optional cell) are in no cell, so in no sum.
    counted = rows[rows[by_row].astype(str).isin(found.rows)]
    if by_col is not None:
        counted = counted[counted[by_col].astype(str).isin(found.columns)]
    out: list[_Entry] = []
    for row in found.rows:
        in_row = counted[counted[by_row].astype(str) == row]
        for column in found.columns:
            part = in_row[in_row[str(by_col)].astype(str) == column]
            where = [f"{by_row} = {row}", f"{by_col} = {column}"]
            out.append(_Entry(found.cell(row, column), part, f"{title}, {row}, {column}", where))
        out.append(
            _Entry(found.row_total(row), in_row, f"{title}, {row}, jumlah", [f"{by_row} = {row}"])
        )
    for column in found.columns:
        part = counted[counted[str(by_col)].astype(str) == column]
        where = [f"{by_col} = {column}"]
        out.append(_Entry(found.column_total(column), part, f"{title}, jumlah {column}", where))
    out.append(_Entry(found.total, counted, f"{title}, jumlah", []))
    return out


def grid(found: Layout, file: str) -> smallcells.Grid:
    """The table as a count grid; without `kolom` each row's total is its one cell."""
    appendix = found.appendix
    row_totals = tuple(found.row_total(r) for r in found.rows)
    if not found.columns:
        return smallcells.Grid(
            tuple((t,) for t in row_totals),
            row_totals,
            (found.total,),
            found.total,
            file,
            (appendix.baris,),
        )
    return smallcells.Grid(
        tuple(tuple(found.cell(r, c) for c in found.columns) for r in found.rows),
        row_totals,
        tuple(found.column_total(c) for c in found.columns),
        found.total,
        file,
        (appendix.baris, str(appendix.kolom)),
    )


def _one(reg: Registry, inputs: Inputs, appendix: Appendix) -> None:
    table = inputs.table(appendix.dataset)
    found = layout(inputs, appendix)
    params = inputs.run.params
    values = ValueFactory.for_run(reg, params, compute).using(lampiran=appendix.id)
    period = period_phrase(appendix, params.quarter, params.year)
    what = f"n(baris {inputs.datasets.label(appendix.dataset)})"
    for e in _entries(inputs, found):
        selection = "; ".join([period, *e.where])
        values.add(
            e.value_id,
            len(e.part),
            kind="count",
            label=e.label,
            formula=f"{what}, {selection}",
            sources=[Source(table.shown, lines(e.part), selection)],
        )
    if personal.is_public(params.edition) and is_personal(inputs, appendix):
        counted = grid(found, table.shown)
        counts = {i: int(reg[i].value) for i in counted.ids()}
        smallcells.apply(reg, [counted], smallcells.suppress([counted], counts))
