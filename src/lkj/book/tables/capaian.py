"""Tabel 3 (per quarter), Tabel 4 (cumulative) and the one table per IKU of BAB II."""

from __future__ import annotations

from lkj.book.catalog import iku_table_id
from lkj.book.tables.base import Rows, TableBase, centred
from lkj.book.tablespec import Cell, TableSpec
from lkj.inputs.pk import Iku
from lkj.values import formatting as fmt


class CapaianTables(TableBase):
    """The measurement tables of BAB II A (Capaian) and B (Evaluasi)."""

    def pengukuran(self) -> TableSpec:
        """Tabel 3: target, realisation and capaian of every quarter."""
        header: Rows = [
            [
                Cell("No", rowspan=2),
                Cell(self.t.sasaran, rowspan=2),
                Cell(self.t.iku, rowspan=2),
                *[Cell(fmt.quarter_label(t), colspan=3) for t in range(1, 5)],
            ],
            [h for _ in range(4) for h in ("Target", "Realisasi", "Capaian")],
        ]

        def cells(iku: Iku) -> list[Cell]:
            out = []
            for t in range(1, 5):
                out.append(self.cell(f"{iku.key}.tw{t}.target"))
                out.append(self.cell(f"{iku.key}.tw{t}.realisasi"))
                out.append(self.cell(f"{iku.key}.tw{t}.capaian"))
            return out

        body = self.sasaran_rows(self.pk.iku, cells)
        return self.spec(
            "tbl-pengukuran",
            header,
            body,
            font_size=7.5,
            landscape=True,
            widths=(0.4, 2.2, 3.2, *([1] * 12)),
            align=("center", "left", "left", *centred(12)),
            note="Capaian = realisasi triwulan dibandingkan dengan target triwulan "
            "yang sama. Triwulan yang belum berjalan ditandai '-'.",
        )

    def kumulatif(self) -> TableSpec:
        """Tabel 4: the realisation of each quarter and the cumulative capaian."""
        q = self.q
        header: Rows = [
            [
                Cell("No", rowspan=2),
                Cell(self.t.sasaran, rowspan=2),
                Cell(self.t.iku, rowspan=2),
                Cell("Target Tahunan", rowspan=2),
                Cell("Realisasi per Triwulan", colspan=4),
                Cell(f"Realisasi s.d. {self.tw} (kumulatif)", rowspan=2),
                Cell(f"Capaian s.d. {self.tw} thd. target tahunan", rowspan=2),
            ],
            [f"TW {fmt.roman(t)}" for t in range(1, 5)],
        ]

        def cells(iku: Iku) -> list[Cell]:
            return [
                self.cell(f"{iku.key}.target"),
                *[self.cell(f"{iku.key}.tw{t}.realisasi") for t in range(1, 5)],
                self.cell(f"{iku.key}.sd_tw{q}.realisasi"),
                self.cell(f"{iku.key}.sd_tw{q}.capaian"),
            ]

        body = self.sasaran_rows(self.pk.iku, cells)
        return self.spec(
            "tbl-kumulatif",
            header,
            body,
            font_size=8.5,
            # a quarter column holds "Dokumen" at 8,5 pt (narrower, it ran into the next cell)
            widths=(0.4, 2.0, 2.9, 1.2, 1.3, 1.3, 1.3, 1.3, 1.4, 1.3),
            align=("center", "left", "left", *centred(7)),
            note=f"Capaian s.d. {self.tw} = realisasi kumulatif dibandingkan dengan "
            "target tahunan; jumlah dijumlahkan, persentase dihitung ulang dari "
            "pembilang dan penyebut, nilai dan kategori memakai triwulan terakhir.",
        )

    def iku(self, iku: Iku) -> TableSpec:
        """Tabel 5..: one IKU's targets, realisation and capaian (quarter and cumulative)."""
        k, q = iku.key, self.q
        header: Rows = [
            [
                Cell(self.t.iku_panjang, rowspan=2),
                Cell("Target", colspan=2),
                Cell(f"Realisasi {self.tw} saja", rowspan=2),
                Cell(f"Capaian realisasi {self.tw} thd. target", colspan=2),
                Cell(f"Realisasi s.d. {self.tw} (kumulatif)", rowspan=2),
                Cell(f"Capaian s.d. {self.tw} thd. target tahunan", rowspan=2),
            ],
            ["Tahunan", self.tw, self.tw, "Tahunan"],
        ]
        body: Rows = [
            [
                Cell(iku.nama),
                self.cell(f"{k}.target"),
                self.cell(f"{k}.tw{q}.target"),
                self._realisasi(iku),
                self.cell(f"{k}.tw{q}.capaian"),
                self.cell(f"{k}.tw{q}.capaian_tahunan"),
                self.cell(f"{k}.sd_tw{q}.realisasi"),
                self.cell(f"{k}.sd_tw{q}.capaian"),
            ]
        ]
        return self.spec(
            iku_table_id(k),
            header,
            body,
            widths=(4, 1.2, 1.2, 1.4, 1.1, 1.1, 1.3, 1.2),
            align=("left", *centred(7)),
            font_size=9,
        )

    def _realisasi(self, iku: Iku) -> Cell:
        """The quarter's realisation; a ratio also shows what it is made of ('a dari b')."""
        k, q = iku.key, self.q
        real = self.cell(f"{k}.tw{q}.realisasi")
        if iku.sumber.aturan == "rasio" and self.reg[f"{k}.tw{q}.realisasi"].value is not None:
            num, den = self.reg[f"{k}.tw{q}.pembilang"], self.reg[f"{k}.tw{q}.penyebut"]
            real = Cell(
                f"{self.reg[f'{k}.tw{q}.realisasi'].display}\n"
                f"({num.display} dari {den.display_with_unit})",
                value_id=f"{k}.tw{q}.realisasi",
            )
        return real
