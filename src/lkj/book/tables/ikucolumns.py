"""The IKU tables' columns as data, so a unit's settings add or reorder them in one place.

unit.yml and pk.yml decide which columns Tabel 1, Tabel 3 and the per-IKU tables have:
criterion bands add a "Kriteria" column, `kolom_rasio` splits a ratio's realisation into
Pembilang / Penyebut / Persentase, `headline: sd_triwulan` puts the cumulative figures first,
cumulative targets (`target_triwulan: kumulatif`) say "s.d." in the target headers. A unit
without any of them gets exactly today's columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lkj.book.tables.base import DASH, Rows, TableBase
from lkj.book.tablespec import Cell
from lkj.compute.kriteria import describe, kriteria_id
from lkj.inputs.pk import Iku
from lkj.inputs.unit import Unit

Cells = Callable[[Iku], list[Cell]]
PARTS = ("Pembilang", "Penyebut")  # the sub-heads of a split ratio (kolom_rasio)
PARTS_SHORT = ("Pemb.", "Peny.")


@dataclass(frozen=True)
class Col:
    """One column: its header (a group head and a sub-head, or one head spanning both rows),
    its relative width and the cell of one IKU."""

    head: str
    sub: str | None
    width: float
    cell: Callable[[Iku], Cell]


def header(lead: Sequence[str], cols: Sequence[Col]) -> Rows:
    """Two header rows: `lead` heads and sub-less columns span both; equal heads in a row
    share one spanning cell."""
    top: list[Cell | str] = [Cell(h, rowspan=2) for h in lead]
    below: list[Cell | str] = []
    i = 0
    while i < len(cols):
        col = cols[i]
        if col.sub is None:
            top.append(Cell(col.head, rowspan=2))
            i += 1
            continue
        span = 1
        while i + span < len(cols) and cols[i + span].head == col.head and cols[i + span].sub:
            span += 1
        top.append(Cell(col.head, colspan=span))
        below += [c.sub or "" for c in cols[i : i + span]]
        i += span
    return [top, below]


class IkuColumns(TableBase):
    """The unit's IKU settings as the tables ask for them, and the shared columns."""

    @property
    def unit(self) -> Unit:
        return self.inputs.unit

    @property
    def headline_sd(self) -> bool:
        return self.unit.headline == "sd_triwulan"

    def has_bands(self, iku: Iku) -> bool:
        return bool(self.pk.bands(iku, self.unit.kriteria))

    @property
    def any_bands(self) -> bool:
        return any(self.has_bands(i) for i in self.pk.iku)

    def ratio_columns(self, iku: Iku) -> bool:
        return self.unit.kolom_rasio and iku.sumber.aturan == "rasio"

    @property
    def any_ratio_columns(self) -> bool:
        return any(self.ratio_columns(i) for i in self.pk.iku)

    def target_upto(self, ikus: Sequence[Iku] | None = None) -> str:
        """'s.d. ' when every IKU's quarter targets are cumulative ("Target s.d. TW II")."""
        ikus = self.pk.iku if ikus is None else ikus
        return "s.d. " if all(self.pk.cumulative_targets(i) for i in ikus) else ""

    def bands_note(self, ikus: Sequence[Iku], basis: str) -> str | None:
        """The note under a table with a Kriteria column: which capaian, which bands."""
        banded = [i for i in ikus if self.has_bands(i)]
        if not banded:
            return None
        kinds = {describe(self.pk.bands(i, self.unit.kriteria)) for i in banded}
        per_iku = f"ditetapkan per {self.t.iku} dalam Perjanjian Kinerja"
        bands = kinds.pop() if len(kinds) == 1 else per_iku
        return f"Kriteria menurut capaian {basis}: {bands}."

    def kriteria_cell(self, iku: Iku, capaian_id: str) -> Cell:
        return self.cell(kriteria_id(capaian_id)) if self.has_bands(iku) else Cell(DASH)

    def kriteria_col(self, capaian_of: Callable[[Iku], str], head: str = "Kriteria") -> Col:
        return Col(head, None, 1.3, lambda i: self.kriteria_cell(i, capaian_of(i)))

    def realisation_cols(
        self,
        head: str,
        prefix_of: Callable[[Iku], str],
        width: float,
        split: bool,
        plain: Callable[[Iku], Cell] | None = None,
        short: bool = False,
    ) -> list[Col]:
        """A realisation column (`plain` or the value), or when `split` (kolom_rasio and a
        ratio) Pembilang / Penyebut / Realisasi under one head; other IKUs show '-' there.
        The parts show no unit (the head says what they count); `short` abbreviates their
        heads for the narrow columns of Tabel 3 (the table's note spells them out)."""
        if not split:
            cell = plain or (lambda i: self.cell(f"{prefix_of(i)}.realisasi"))
            return [Col(head, None, width, cell)]

        def part(name: str) -> Callable[[Iku], Cell]:
            return lambda i: (
                self.cell(f"{prefix_of(i)}.{name}", unit=False)
                if self.ratio_columns(i)
                else Cell(DASH)
            )

        names = PARTS_SHORT if short else PARTS
        return [
            Col(head, names[0], 0.8 if short else 1.6, part("pembilang")),
            Col(head, names[1], 0.8 if short else 1.6, part("penyebut")),
            Col(head, "Realisasi", width, lambda i: self.cell(f"{prefix_of(i)}.realisasi")),
        ]

    def by_perspective(
        self, ikus: Sequence[Iku], columns: int, rows_of: Callable[[list[Iku]], Rows]
    ) -> Rows:
        """`rows_of(ikus)`, or with pk.yml perspektif one heading row per perspective above
        the rows of its sasaran (sasaran keep their PK numbers)."""
        if not self.pk.perspektif:
            return rows_of(list(ikus))
        term = self.unit.istilah.perspektif
        out: Rows = []
        for p in self.pk.perspektif:
            codes = {s.kode for s in self.pk.sasaran if s.perspektif == p.kode}
            members = [i for i in ikus if i.sasaran in codes]
            if members:
                out.append([Cell(f"{term} {p.uraian}", colspan=columns, bold=True, align="left")])
                out += rows_of(members)
        return out


def cells_of(cols: Sequence[Col]) -> Cells:
    return lambda iku: [c.cell(iku) for c in cols]
