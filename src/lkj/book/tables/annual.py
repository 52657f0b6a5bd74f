"""The tables of the annual book (params `kind: tahunan`, PermenPAN-RB 53/2014).

The year's figures are TW IV's cumulative values (`ikuNN.sd_tw4.*`) and the budget's
`anggaran.*` at TW IV: the same registry values the TW IV book shows, never computed twice.
The annual values (Renstra, earlier years, standards, efficiency) are lkj.compute.annual's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from lkj.book.tables.base import Row, Rows, TableBase, centred
from lkj.book.tablespec import Cell, TableSpec
from lkj.inputs.pk import Iku

YEAR_ID = re.compile(r"\.(\d{4})$")


def _years(ids: list[str]) -> list[int]:
    return sorted({int(m.group(1)) for i in ids if (m := YEAR_ID.search(i))})


class AnnualTables(TableBase):
    """PK, Renstra path, the year per IKU, earlier years, progress, standards, efficiency."""

    if TYPE_CHECKING:  # from SummaryTables, beside this mixin in lkj.book.tables.Tables

        def perjanjian(self) -> TableSpec: ...

    def sd(self, iku: Iku, what: str) -> str:
        return f"{iku.key}.sd_tw{self.q}.{what}"

    def annual_id(self, iku: Iku, *parts: str | int) -> str:
        return ".".join(["tahunan", iku.key, *map(str, parts)])

    def renstra_years(self) -> list[int]:
        return _years(self.reg.ids("tahunan.iku*.renstra.*"))

    def history_years(self) -> list[int]:
        return [y for y in _years(self.reg.ids("tahunan.iku*.riwayat.*")) if y < self.year]

    def _lead(self) -> list[Cell]:
        return [Cell("No"), Cell(self.t.sasaran), Cell(self.t.iku_panjang)]

    def renstra_targets(self) -> TableSpec:
        years = self.renstra_years()
        header: Rows = [[*self._lead(), *[Cell(str(y)) for y in years]]]
        body = self.sasaran_rows(
            self.pk.iku, lambda i: [self.cell(self.annual_id(i, "renstra", y)) for y in years]
        )
        return self.spec(
            "tbl-renstra",
            header,
            body,
            font_size=8.5,
            widths=(0.4, 2.4, 3.6, *([1.1] * len(years))),
            align=("center", "left", "left", *centred(len(years))),
            note="Target per tahun rencana menurut Rencana Strategis (renstra.csv).",
        )

    def capaian_tahunan(self) -> TableSpec:
        """The year per IKU: target, realisation (= s.d. TW IV), capaian; criterion if banded."""
        banded = any(self.sd(i, "kriteria") in self.reg for i in self.pk.iku)  # issue 12 bands
        extra = ["Kriteria"] if banded else []
        header: Rows = [
            [*self._lead(), "Target", "Realisasi", "Capaian", *extra],
        ]

        def cells(iku: Iku) -> list[Cell]:
            out = [
                self.cell(f"{iku.key}.target"),
                self.cell(self.sd(iku, "realisasi")),
                self.cell(self.sd(iku, "capaian")),
            ]
            return out + ([self.cell(self.sd(iku, "kriteria"))] if banded else [])

        body = self.sasaran_rows(self.pk.iku, cells)
        body.append(
            [
                Cell(f"Rata-rata capaian seluruh {self.t.iku}", colspan=5, bold=True),
                self.cell(f"rata2.sd_tw{self.q}.capaian", bold=True),
                *([Cell("")] if banded else []),
            ]
        )
        n = 3 + len(extra)
        return self.spec(
            "tbl-capaian-tahunan",
            header,
            body,
            widths=(0.4, 2.6, 4, 1.3, 1.4, 1.2, *([1.2] * len(extra))),
            align=("center", "left", "left", *centred(n)),
            note=f"Realisasi tahun {self.year} = realisasi kumulatif sampai dengan Triwulan IV "
            "(jumlah dijumlahkan, persentase dihitung ulang dari pembilang dan penyebut, nilai "
            "dan kategori memakai triwulan terakhir); capaian terhadap target Perjanjian Kinerja.",
        )

    def riwayat(self) -> TableSpec:
        years = self.history_years()
        last = self.year - 1
        header: Rows = [
            [
                *self._lead(),
                *[Cell(str(y)) for y in years],
                Cell(str(self.year)),
                Cell(f"Selisih {self.year} thd. {last}"),
            ]
        ]
        body = self.sasaran_rows(
            self.pk.iku,
            lambda i: [
                *[self.cell(self.annual_id(i, "riwayat", y)) for y in years],
                self.cell(self.sd(i, "realisasi")),
                self.cell(self.annual_id(i, "selisih_lalu")),
            ],
        )
        n = len(years) + 2
        return self.spec(
            "tbl-riwayat",
            header,
            body,
            font_size=8.5,
            widths=(0.4, 2.4, 3.6, *([1.2] * n)),
            align=("center", "left", "left", *centred(n)),
            note=f"Realisasi tahun sebelum {self.year} dari riwayat.csv; selisih persentase "
            "dalam poin persen. Kategori tidak diselisihkan ('-').",
        )

    def renstra_progres(self) -> TableSpec:
        years = self.renstra_years()
        end = years[-1] if years else self.year
        header: Rows = [
            [
                *self._lead(),
                Cell(f"Realisasi {self.year}"),
                Cell(f"Target Renstra {self.year}"),
                Cell(f"Capaian thd. target Renstra {self.year}"),
                Cell(f"Target akhir Renstra ({end})"),
                Cell("Capaian thd. target akhir"),
            ]
        ]
        body = self.sasaran_rows(
            self.pk.iku,
            lambda i: [
                self.cell(self.sd(i, "realisasi")),
                self.cell(self.annual_id(i, "renstra", self.year)),
                self.cell(self.annual_id(i, "renstra", "capaian")),
                self.cell(self.annual_id(i, "renstra", "akhir")),
                self.cell(self.annual_id(i, "renstra", "capaian_akhir")),
            ],
        )
        return self.spec(
            "tbl-renstra-progres",
            header,
            body,
            font_size=8.5,
            widths=(0.4, 2.2, 3.4, 1.2, 1.2, 1.2, 1.2, 1.2),
            align=("center", "left", "left", *centred(5)),
            note="Capaian thd. target akhir = realisasi tahun ini dibandingkan dengan target "
            f"tahun terakhir Rencana Strategis, dengan rumus capaian {self.t.iku} itu (tanpa batas "
            "capaian); untuk kategori: 100% bila kategori target akhir sudah dicapai.",
        )

    def standar(self) -> TableSpec:
        ikus = [i for i in self.pk.iku if self.annual_id(i, "standar") in self.reg]
        header: Rows = [[*self._lead(), "Standar Nasional", f"Realisasi {self.year}", "Capaian"]]
        body = self.sasaran_rows(
            ikus,
            lambda i: [
                self.cell(self.annual_id(i, "standar")),
                self.cell(self.sd(i, "realisasi")),
                self.cell(self.annual_id(i, "standar", "capaian")),
            ],
        )
        sources = "; ".join(
            f"{self.t.iku} {i.nomor}: {self.reg[self.annual_id(i, 'standar')].note}"
            for i in ikus
            if self.reg[self.annual_id(i, "standar")].note
        )
        return self.spec(
            "tbl-standar",
            header,
            body,
            widths=(0.4, 2.6, 4, 1.4, 1.4, 1.2),
            align=("center", "left", "left", *centred(3)),
            note=f"Sumber standar: {sources}." if sources else None,
        )

    def efisiensi(self) -> TableSpec:
        q = self.q
        header: Rows = [
            [
                self.t.kegiatan,
                "Pagu (Rp)",
                f"Realisasi {self.year} (Rp)",
                "Penyerapan",
                f"Rata-rata Capaian {self.t.iku}",
                "Indeks Efisiensi",
            ]
        ]
        body: Rows = []
        for keg in self.pk.kegiatan:
            kk = keg.kode.lower()
            if f"tahunan.{kk}.efisiensi" not in self.reg:
                continue
            body.append(
                [
                    Cell(keg.nama),
                    self.cell(f"anggaran.{kk}.pagu", unit=False),
                    self.cell(f"anggaran.{kk}.realisasi", unit=False),
                    self.cell(f"anggaran.{kk}.persen"),
                    self.cell(f"kegiatan.{kk}.sd_tw{q}.capaian"),
                    self.cell(f"tahunan.{kk}.efisiensi"),
                ]
            )
        body.append(
            [
                Cell("Seluruh kegiatan", bold=True),
                self.cell("anggaran.total.pagu", unit=False, bold=True),
                self.cell("anggaran.total.realisasi", unit=False, bold=True),
                self.cell("anggaran.total.persen", bold=True),
                self.cell(f"rata2.sd_tw{q}.capaian", bold=True),
                self.cell("tahunan.total.efisiensi", bold=True),
            ]
        )
        return self.spec(
            "tbl-efisiensi",
            header,
            body,
            widths=(3, 2.4, 2.4, 1.1, 1.1, 1.0),
            align=("left", "right", "right", *centred(3)),
            note=f"Indeks efisiensi = rata-rata capaian {self.t.iku} kegiatan (%) dibagi "
            "persentase penyerapan anggaran kegiatan (%). Indeks 1 berarti kinerja sejalan "
            "dengan anggaran yang diserap; di atas 1, capaian lebih tinggi daripada "
            "penyerapan; di bawah 1, capaian tertinggal dari penyerapan.",
        )

    def anggaran_tahunan(self) -> TableSpec:
        header: Rows = [
            [
                "Program / Kegiatan",
                "Pagu Awal (Rp)",
                "Pagu setelah Revisi (Rp)",
                f"Realisasi {self.year} (Rp)",
                "Penyerapan",
            ]
        ]
        body: Rows = []
        programs: dict[str, list[str]] = {}
        for keg in self.pk.kegiatan:
            programs.setdefault(keg.program or "", []).append(keg.kode)
        for program, codes in programs.items():
            if program:
                body.append([Cell(f"Program: {program}", colspan=5, bold=True)])
            for code in codes:
                kk = code.lower()
                body.append(self._budget_row(kk, self.pk_kegiatan_name(code)))
        total: Row = [
            Cell("Jumlah", bold=True),
            self.cell("anggaran.total.pagu_awal", unit=False, bold=True),
            self.cell("anggaran.total.pagu", unit=False, bold=True),
            self.cell("anggaran.total.realisasi", unit=False, bold=True),
            self.cell("anggaran.total.persen", bold=True),
        ]
        body.append(total)
        return self.spec(
            "tbl-anggaran-tahunan",
            header,
            body,
            widths=(3.4, 2.4, 2.4, 2.4, 1.1),
            align=("left", "right", "right", "right", "center"),
            note="Realisasi = belanja Januari–Desember; penyerapan = realisasi dibandingkan "
            "dengan pagu setelah revisi.",
        )

    def pk_kegiatan_name(self, code: str) -> str:
        return next(k.nama for k in self.pk.kegiatan if k.kode == code)

    def _budget_row(self, kk: str, nama: str) -> Row:
        return [
            Cell(f"Kegiatan: {nama}"),
            self.cell(f"anggaran.{kk}.pagu_awal", unit=False),
            self.cell(f"anggaran.{kk}.pagu", unit=False),
            self.cell(f"anggaran.{kk}.realisasi", unit=False),
            self.cell(f"anggaran.{kk}.persen"),
        ]

    def annual_makers(self) -> dict[str, Callable[[], list[TableSpec]]]:
        """Catalogue id → tables of an annual run, for the XLSX ({} for a quarterly run)."""
        if self.inputs.run.params.kind != "tahunan":
            return {}
        makers: dict[str, Callable[[], TableSpec]] = {
            "tbl-renstra": self.renstra_targets,
            "tbl-pk": self.perjanjian,  # the quarterly book's Tabel 2 (perspektif, terms)
            "tbl-capaian-tahunan": self.capaian_tahunan,
            "tbl-riwayat": self.riwayat,
            "tbl-renstra-progres": self.renstra_progres,
            "tbl-standar": self.standar,
            "tbl-efisiensi": self.efisiensi,
            "tbl-anggaran-tahunan": self.anggaran_tahunan,
        }
        return {k: _listed(make) for k, make in makers.items() if k in self.catalog}


def _listed(make: Callable[[], TableSpec]) -> Callable[[], list[TableSpec]]:
    return lambda: [make()]
