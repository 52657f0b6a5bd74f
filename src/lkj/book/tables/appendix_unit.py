"""The unit's own appendices: Lampiran I (its PK), VI (its IKPA score) and the
Catatan Rekonsiliasi (this book against the published report)."""

from __future__ import annotations

from lkj.book.tables.base import Row, Rows
from lkj.book.tables.ikucolumns import IkuColumns
from lkj.book.tablespec import Cell, TableSpec
from lkj.compute.appendices import slug
from lkj.compute.reconcile import Outcome
from lkj.inputs.pk import Iku


class UnitAppendices(IkuColumns):
    """Lampiran I (PK), Lampiran VI (IKPA) and the reconciliation table."""

    def lampiran_pk(self) -> TableSpec:
        """Lampiran I: the PK's sasaran, indicators and targets, and the budget ceiling."""
        header: Rows = [["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"]]
        body = self.by_perspective(self.pk.iku, 3, self._pk_rows)
        body.append(
            [
                Cell("Jumlah pagu anggaran", colspan=2, bold=True),
                self.cell("anggaran.total.pagu_awal", bold=True),
            ]
        )
        return self.spec(
            "lampiran-pk", header, body, widths=(4, 5, 2), align=("left", "left", "center")
        )

    def _pk_rows(self, ikus: list[Iku]) -> Rows:
        body: Rows = []
        for _, uraian, members in self.grouped(ikus):
            for index, iku in enumerate(members):
                lead = [Cell(uraian, rowspan=len(members))] if index == 0 else []
                body.append([*lead, Cell(iku.nama_pk or iku.nama), self.cell(f"{iku.key}.target")])
        return body

    def lampiran_ikpa(self) -> TableSpec:
        """Lampiran VI: the IKPA indicators by aspect, the total and the final score."""
        table = self.inputs.table("ikpa")
        rows = table.df[(table.df["_quarter"] == self.q) & (table.df["aspek"] != "Pengurang")]
        header: Rows = [["Aspek", "Indikator", "Nilai", "Bobot", "Nilai Akhir", "Nilai Aspek"]]
        body: Rows = []
        for aspek, part in rows.groupby("aspek", sort=False):
            for index, row in enumerate(part.itertuples()):
                code = slug(str(row.kode))
                lead = [Cell(str(aspek), rowspan=len(part))] if index == 0 else []
                tail = (
                    [self.cell(f"ikpa.aspek.{slug(str(aspek))}", rowspan=len(part))]
                    if index == 0
                    else []
                )
                body.append(
                    [
                        *lead,
                        str(row.komponen),
                        self.cell(f"ikpa.{code}.nilai"),
                        self.cell(f"ikpa.{code}.bobot"),
                        self.cell(f"ikpa.{code}.nilai_akhir"),
                        *tail,
                    ]
                )
        body += self._ikpa_totals()
        return self.spec(
            "lampiran-ikpa",
            header,
            body,
            widths=(2.2, 3, 1, 0.8, 1.1, 1.1),
            align=("left", "left", "center", "center", "center", "center"),
            note=f"Posisi s.d. akhir {self.tw} {self.year}. Nilai indikator dan nilai "
            "aspek diimpor apa adanya dari aplikasi Kementerian Keuangan.",
        )

    def _ikpa_totals(self) -> list[Row]:
        return [
            [
                Cell("Nilai total", colspan=4, bold=True),
                self.cell("ikpa.nilai_total", bold=True),
                "",
            ],
            [Cell("Konversi bobot", colspan=4), self.cell("ikpa.konversi_bobot"), ""],
            [Cell("Dispensasi SPM (pengurang)", colspan=4), self.cell("ikpa.pengurang"), ""],
            [
                Cell(
                    "Nilai akhir (nilai total / konversi bobot − pengurang)", colspan=4, bold=True
                ),
                self.cell("ikpa.nilai_akhir", bold=True),
                self.cell("ikpa.kategori", bold=True),
            ],
        ]

    def rekonsiliasi(self, outcomes: list[Outcome]) -> TableSpec:
        """Catatan Rekonsiliasi: the published figures this book does not reproduce exactly."""
        header: Rows = [
            [
                "No",
                "Angka",
                "Tempat dalam laporan terbitan",
                "Tercetak",
                "Dalam buku ini",
                "Keterangan",
            ]
        ]
        body: Rows = []
        # A figure the public edition hides is left out: its printed value is the count.
        differ = [o for o in outcomes if not o.matches and not o.hidden]
        for n, o in enumerate(differ, start=1):
            value = self.reg[o.item.id]
            body.append(
                [
                    Cell(str(n), align="center"),
                    value.label,
                    o.item.place,
                    o.item.printed,
                    Cell.of(value, unit=True),
                    o.item.note or "Belum ada penjelasan.",
                ]
            )
        matched = sum(o.matches for o in outcomes)
        hidden = sum(o.hidden for o in outcomes)
        return self.spec(
            "lampiran-rekonsiliasi",
            header,
            body,
            font_size=8,
            widths=(0.4, 2.6, 1.6, 1.3, 1.3, 5),
            align=("center", "left", "left", "center", "center", "left"),
            note=f"{len(outcomes)} angka laporan terbitan dibandingkan; {matched} sama "
            "persis dengan buku ini, "
            + (f"{hidden} disembunyikan di edisi publik (k = 3), " if hidden else "")
            + "sisanya tercantum di atas.",
        )
