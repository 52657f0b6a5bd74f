"""Tabel 3 (per quarter), Tabel 4 (cumulative) and the one table per IKU of BAB II.

Which columns Tabel 3 and the per-IKU tables have follows the unit's settings
(lkj.book.tables.ikucolumns); without them they are today's.
"""

from __future__ import annotations

from dataclasses import replace

from lkj.book.catalog import iku_table_id
from lkj.book.tables.base import Rows, centred
from lkj.book.tables.ikucolumns import PARTS, PARTS_SHORT, Col, IkuColumns, cells_of, header
from lkj.book.tablespec import Cell, TableSpec
from lkj.inputs.pk import Iku
from lkj.values import formatting as fmt


class CapaianTables(IkuColumns):
    """The measurement tables of BAB II A (Capaian) and B (Evaluasi)."""

    def _quarter_cols(self, t: int) -> list[Col]:
        """Tabel 3's columns of quarter t: target, realisation (split), capaian, kriteria."""
        tw = fmt.quarter_label(t)
        # with extra columns the type is smaller, and figures need a little more room than
        # the abbreviated numerator / denominator
        w = 1.15 if self.any_ratio_columns or self.any_bands else 1
        cols = [Col(tw, "Target", w, lambda i: self.cell(self._quarter_target(i, t)))]
        if self.any_ratio_columns:
            parts = self.realisation_cols(tw, lambda i: f"{i.key}.tw{t}", w, True, short=True)
            cols += [Col(tw, c.sub, c.width, c.cell) for c in parts]
        else:
            cols.append(Col(tw, "Realisasi", w, lambda i: self.cell(f"{i.key}.tw{t}.realisasi")))
        cols.append(Col(tw, "Capaian", w, lambda i: self.cell(f"{i.key}.tw{t}.capaian")))
        if self.any_bands:
            cols.append(
                Col(tw, "Kriteria", 1.3, lambda i: self.kriteria_cell(i, f"{i.key}.tw{t}.capaian"))
            )
        return cols

    def _quarter_target(self, iku: Iku, t: int) -> str:
        """The target the quarter's capaian is against (with cumulative targets, a summed
        IKU's own share of the quarter)."""
        own = f"{iku.key}.tw{t}.target_triwulan"
        return own if own in self.reg else f"{iku.key}.tw{t}.target"

    def pengukuran(self) -> TableSpec:
        """Tabel 3: target, realisation and capaian of every quarter."""
        cols = [c for t in range(1, 5) for c in self._quarter_cols(t)]
        n = len(cols)
        note = (
            "Capaian = realisasi triwulan dibandingkan dengan target triwulan "
            "yang sama. Triwulan yang belum berjalan ditandai '-'."
        )
        if any(f"{i.key}.tw1.target_triwulan" in self.reg for i in self.pk.iku):
            note += (
                f" Target triwulan {self.t.iku} yang dijumlahkan = target s.d. triwulan itu "
                "dikurangi target s.d. triwulan sebelumnya."
            )
        if self.any_ratio_columns:
            note += f" Pemb. = pembilang, Peny. = penyebut ({self.t.iku} rasio)."
        bands = self.bands_note(self.pk.iku, "realisasi triwulan terhadap target triwulan")
        note += f" {bands}" if bands else ""
        wide = n > 12  # the columns of today's table: more need a smaller type and name columns
        return self.spec(
            "tbl-pengukuran",
            header(["No", self.t.sasaran, self.t.iku], cols),
            self.sasaran_rows(self.pk.iku, cells_of(cols)),
            font_size=6.5 if wide else 7.5,
            landscape=True,
            widths=(0.4, 1.8 if wide else 2.2, 2.6 if wide else 3.2, *[c.width for c in cols]),
            align=("center", "left", "left", *centred(n)),
            note=note,
        )

    def kumulatif(self) -> TableSpec:
        """Tabel 4: the realisation of each quarter and the cumulative capaian."""
        q = self.q
        against = f"target s.d. {self.tw}" if self.target_upto() else "target tahunan"
        header_rows: Rows = [
            [
                Cell("No", rowspan=2),
                Cell(self.t.sasaran, rowspan=2),
                Cell(self.t.iku, rowspan=2),
                Cell("Target Tahunan", rowspan=2),
                Cell("Realisasi per Triwulan", colspan=4),
                Cell(f"Realisasi s.d. {self.tw} (kumulatif)", rowspan=2),
                Cell(f"Capaian s.d. {self.tw} thd. {against}", rowspan=2),
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
            header_rows,
            body,
            font_size=8.5,
            # a quarter column holds "Dokumen" at 8,5 pt (narrower, it ran into the next cell)
            widths=(0.4, 2.0, 2.9, 1.2, 1.3, 1.3, 1.3, 1.3, 1.4, 1.3),
            align=("center", "left", "left", *centred(7)),
            note=f"Capaian s.d. {self.tw} = realisasi kumulatif dibandingkan dengan "
            f"{against}; jumlah dijumlahkan, persentase dihitung ulang dari "
            "pembilang dan penyebut, nilai dan kategori memakai triwulan terakhir.",
        )

    def _iku_cols(self, iku: Iku) -> list[Col]:
        """The per-IKU table's columns after the IKU's name, in the unit's headline order."""
        k, q, tw = iku.key, self.q, self.tw
        # kolom_rasio splits the realisation the table leads with (the other stays one cell)
        split_sd = self.ratio_columns(iku) and self.headline_sd
        split_tw = self.ratio_columns(iku) and not self.headline_sd
        upto = self.pk.cumulative_targets(iku)
        sd_against = f"target s.d. {tw}" if upto else "target tahunan"
        target = [
            Col("Target", "Tahunan", 1.2, lambda i: self.cell(f"{k}.target")),
            Col(
                "Target",
                f"s.d. {tw}" if upto else tw,
                1.2,
                lambda i: self.cell(f"{k}.tw{q}.target"),
            ),
        ]
        quarter = [
            *self.realisation_cols(
                f"Realisasi {tw} saja", lambda i: f"{k}.tw{q}", 1.4, split_tw, self._realisasi
            ),
            Col(
                f"Capaian realisasi {tw} thd. target",
                tw,
                1.1,
                lambda i: self.cell(f"{k}.tw{q}.capaian"),
            ),
            Col(
                f"Capaian realisasi {tw} thd. target",
                "Tahunan",
                1.1,
                lambda i: self.cell(f"{k}.tw{q}.capaian_tahunan"),
            ),
        ]
        cumulative = [
            *self.realisation_cols(
                f"Realisasi s.d. {tw} (kumulatif)", lambda i: f"{k}.sd_tw{q}", 1.3, split_sd
            ),
            Col(
                f"Capaian s.d. {tw} thd. {sd_against}",
                None,
                1.2,
                lambda i: self.cell(f"{k}.sd_tw{q}.capaian"),
            ),
        ]
        if self.has_bands(iku):
            kriteria = self.kriteria_col(
                lambda i: f"{k}.{'sd_' if self.headline_sd else ''}tw{q}.capaian"
            )
            (cumulative if self.headline_sd else quarter).append(kriteria)
        if self.headline_sd:
            return [*target, *cumulative, *quarter]
        return [*target, *quarter, *cumulative]

    def iku(self, iku: Iku) -> TableSpec:
        """Tabel 5..: one IKU's targets, realisation and capaian (quarter and cumulative)."""
        figures = self._iku_cols(iku)
        wide = len(figures) > 7  # today's seven: more need a smaller type and a narrower name
        split = any(c.sub in PARTS for c in figures)
        if wide:  # at 8 pt "Triwulan I" and "Tahunan" need 1,3; "Pembilang" does not fit: "Pemb."
            figures = [self._narrow(c) for c in figures]
        parts = "Pemb. = pembilang, Peny. = penyebut." if wide and split else None
        cols = [
            Col(self.t.iku_panjang, None, 2.3 if wide else 4, lambda i: Cell(i.nama)),
            *figures,
        ]
        return self.spec(
            iku_table_id(iku.key),
            header([], cols),
            [list[Cell | str](cells_of(cols)(iku))],
            widths=tuple(c.width for c in cols),
            align=("left", *centred(len(cols) - 1)),
            font_size=8 if wide else 9,
            note=" ".join(filter(None, [self.bands_note([iku], self._iku_band_basis()), parts]))
            or None,
        )

    @staticmethod
    def _narrow(col: Col) -> Col:
        if col.sub in PARTS:
            return replace(col, sub=PARTS_SHORT[PARTS.index(col.sub)], width=1.0)
        return replace(col, width=max(col.width, 1.3))

    def _iku_band_basis(self) -> str:
        if self.headline_sd:
            return f"realisasi s.d. {self.tw}"
        return f"realisasi {self.tw} terhadap target {self.tw}"

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
