"""Tabel 1 (Ringkasan: the quarter's realisation per IKU) and Tabel 2 (the PK's targets)."""

from __future__ import annotations

from lkj.book.tables.base import Rows, TableBase
from lkj.book.tablespec import Cell, TableSpec


class SummaryTables(TableBase):
    """The tables of the Ringkasan Eksekutif and of BAB I."""

    def ringkasan(self) -> TableSpec:
        """Tabel 1: annual target, the quarter's realisation and its capaian per IKU."""
        q = self.q
        header: Rows = [
            [
                Cell("No", rowspan=2),
                Cell(self.t.sasaran, rowspan=2),
                Cell("Indikator Kinerja", rowspan=2),
                Cell(f"Realisasi Kinerja {self.tw}", colspan=3),
            ],
            ["Target Tahunan", f"Realisasi {self.tw}", "Capaian"],
        ]
        body = self.sasaran_rows(
            self.pk.iku,
            lambda i: [
                self.cell(f"{i.key}.target"),
                self.cell(f"{i.key}.tw{q}.realisasi"),
                self.cell(f"{i.key}.tw{q}.capaian_tahunan"),
            ],
        )
        return self.spec(
            "tbl-ringkasan",
            header,
            body,
            widths=(0.5, 3, 4, 1.4, 1.4, 1.2),
            align=("center", "left", "left", "center", "center", "center"),
            note=f"Capaian = realisasi {self.tw} dibandingkan dengan target tahunan.",
        )

    def perjanjian(self) -> TableSpec:
        """Tabel 2: the PK itself (targets), as the BAB I presents it."""
        header: Rows = [["No", self.t.sasaran, "Indikator Kinerja", "Target Tahunan"]]
        body = self.sasaran_rows(self.pk.iku, lambda i: [self.cell(f"{i.key}.target")])
        return self.spec(
            "tbl-pk",
            header,
            body,
            widths=(0.5, 3.5, 5, 1.5),
            align=("center", "left", "left", "center"),
        )
