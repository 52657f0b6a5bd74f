"""The appendices a unit declares in unit.yml (`lampiran:`): one recap table each.

Rows are the values of `baris`, columns the values of `kolom` (or one count column), a
"Jumlah" column and a JUMLAH row; every figure is a registry value of
lkj.compute.appendices.declared, so it links to its Jejak Angka entry. No persons: a zero is
shown as "-", and a public edition's small groups of persons arrive as "< 3" (and the
figures that would give them away as "x", lkj.compute.smallcells) already.
"""

from __future__ import annotations

from lkj.book.tables.base import DASH, Row, Rows, TableBase, centred
from lkj.book.tablespec import Cell, TableSpec
from lkj.compute import smallcells
from lkj.compute.appendices.declared import Layout, declared, entry_id, layout
from lkj.inputs.unit import Appendix


def column_heading(name: str) -> str:
    """'jenis_sampel' → 'Jenis Sampel' (a declared column without its own heading)."""
    return " ".join(word.capitalize() for word in name.split("_"))


class DeclaredAppendices(TableBase):
    """The tables of unit.yml `lampiran:`."""

    def declared_appendices(self) -> list[Appendix]:
        """The declared appendices this run shows (their dataset is in the year folder)."""
        return declared(self.inputs)

    def lampiran_rekap(self, appendix: Appendix) -> TableSpec:
        found = layout(self.inputs, appendix)
        header = self._header(found)
        body: Rows = [self._row(found, n, row) for n, row in enumerate(found.rows, start=1)]
        total: Row = [Cell("JUMLAH", colspan=2, bold=True)]
        total += [self._count(found.column_total(c), bold=True) for c in found.columns]
        total.append(self._count(found.total, bold=True))
        body.append(total)
        figures = len(found.columns) + 1
        return self.spec(
            entry_id(appendix),
            header,
            body,
            widths=(0.5, 4, *([1.2] * figures)),
            align=("center", "left", *centred(figures)),
            note=self._note(appendix, found),
        )

    def _header(self, found: Layout) -> Rows:
        appendix = found.appendix
        lead = [
            Cell("No", rowspan=2 if found.columns else 1),
            Cell(
                appendix.judul_baris or column_heading(appendix.baris),
                rowspan=2 if found.columns else 1,
            ),
        ]
        if not found.columns:
            return [[*lead, Cell("Jumlah")]]
        assert appendix.kolom is not None
        heading = appendix.judul_kolom or column_heading(appendix.kolom)
        top: Row = [*lead, Cell(heading, colspan=len(found.columns)), Cell("Jumlah", rowspan=2)]
        return [top, list(found.columns)]

    def _row(self, found: Layout, n: int, row: str) -> Row:
        cells: Row = [Cell(str(n), align="center"), row]
        cells += [self._count(found.cell(row, c)) for c in found.columns]
        cells.append(self._count(found.row_total(row), bold=True))
        return cells

    def _count(self, value_id: str, bold: bool = False) -> Cell:
        value = self.reg.get(value_id)
        if value is not None and value.value == 0:
            # Nothing counted: the report's dash, still tied to its value.
            return Cell(DASH, value_id=value_id, bold=bold)
        return self.cell(value_id, unit=False, bold=bold)

    def _note(self, appendix: Appendix, found: Layout) -> str | None:
        notes = [appendix.catatan] if appendix.catatan else []
        ids = [v.id for v in self.reg if v.id.startswith(f"{found.prefix}.")]
        if any(smallcells.is_suppressed(self.reg[i]) for i in ids):
            notes.append(smallcells.TABLE_NOTE)
        return " ".join(notes) or None
