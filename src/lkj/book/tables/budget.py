"""Tabel 18: the budget of each kegiatan beside the performance of its IKUs (BAB II C)."""

from __future__ import annotations

from lkj.book.tables.base import Row, Rows, TableBase, centred
from lkj.book.tablespec import Cell, TableSpec
from lkj.inputs.pk import Iku


class BudgetTables(TableBase):
    """Anggaran vs kinerja: one block of rows per kegiatan, its budget spanning its IKUs."""

    def anggaran(self) -> TableSpec:
        header: Rows = [
            [
                Cell("No", rowspan=2),
                Cell(self.t.sasaran, rowspan=2),
                Cell(self.t.iku, rowspan=2),
                Cell("Anggaran (Rp)", colspan=3),
                Cell("Kinerja", colspan=4),
            ],
            # Budget columns are cumulative, performance columns this quarter alone: said so.
            [
                "Pagu",
                f"Realisasi s.d. {self.tw}",
                f"% s.d. {self.tw}",
                "Target Tahunan",
                f"Realisasi {self.tw} saja",
                f"% {self.tw} thd. target tahunan",
                f"Rata-rata Capaian {self.tw} thd. target tahunan (%)",
            ],
        ]
        body: Rows = []
        for keg in self.pk.kegiatan:
            members = [i for i in self.pk.iku if i.kegiatan == keg.kode]
            if members:
                body.append([Cell(f"{self.t.kegiatan}: {keg.nama}", colspan=10, bold=True)])
                body += self._kegiatan_rows(keg.kode.lower(), members)
        body.append(self._total_row())
        return self.spec(
            "tbl-anggaran",
            header,
            body,
            font_size=7.5,
            landscape=True,
            widths=(0.4, 2, 3, 1.7, 1.7, 0.9, 1.1, 1.1, 1, 1.2),
            align=("center", "left", "left", "right", "right", *centred(5)),
            note=f"Anggaran: realisasi kumulatif s.d. {self.tw} dibandingkan dengan pagu. "
            f"Kinerja: realisasi {self.tw} saja dibandingkan dengan target tahunan; "
            "rata-rata capaian per kegiatan memakai capaian dengan batas atas sesuai "
            "Perjanjian Kinerja.",
        )

    def _kegiatan_rows(self, kk: str, members: list[Iku]) -> Rows:
        """The IKUs of one kegiatan; its budget and average capaian span all of them."""
        q, span = self.q, len(members)
        rows: Rows = []
        for number, uraian, ikus in self.grouped(members):
            for index, iku in enumerate(ikus):
                row: Row = []
                if index == 0:
                    row += [
                        Cell(f"{number}.", rowspan=len(ikus), align="center"),
                        Cell(uraian, rowspan=len(ikus)),
                    ]
                row.append(Cell(iku.nama))
                first = not rows
                if first:
                    row += [
                        self.cell(f"anggaran.{kk}.pagu", unit=False, rowspan=span),
                        self.cell(f"anggaran.{kk}.realisasi", unit=False, rowspan=span),
                        self.cell(f"anggaran.{kk}.persen", rowspan=span),
                    ]
                row += [
                    self.cell(f"{iku.key}.target"),
                    self.cell(f"{iku.key}.tw{q}.realisasi"),
                    self.cell(f"{iku.key}.tw{q}.capaian_tahunan"),
                ]
                if first:
                    row.append(self.cell(f"kegiatan.{kk}.tw{q}.capaian_tahunan", rowspan=span))
                rows.append(row)
        return rows

    def _total_row(self) -> Row:
        return [
            Cell("Jumlah", colspan=3, bold=True),
            self.cell("anggaran.total.pagu", unit=False, bold=True),
            self.cell("anggaran.total.realisasi", unit=False, bold=True),
            self.cell("anggaran.total.persen", bold=True),
            Cell(f"Rata-rata capaian seluruh {self.t.iku}", colspan=3, bold=True),
            self.cell(f"rata2.tw{self.q}.capaian_tahunan", bold=True),
        ]
