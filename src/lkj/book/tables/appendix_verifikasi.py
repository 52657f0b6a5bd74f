"""Lampiran V: the verification events of the quarter, or a recap when they are too many.

Above params `appendix_max_rows` events the book shows one recap per program and kelompok;
the XLSX then carries the full list on the sheet `full_list_sheet` names.
"""

from __future__ import annotations

from typing import cast

import pandas as pd

from lkj.book.tables.base import DASH, Row, Rows, TableBase
from lkj.book.tablespec import Cell, TableSpec
from lkj.compute.appendices import (
    VERIFIKASI_COLUMNS,
    slug,
    verifikasi_capped,
    verifikasi_groups,
)
from lkj.values import formatting as fmt

# verifikasi.csv columns under the headers the book's Lampiran V uses (the XLSX full list).
VERIFIKASI_HEADERS = {
    "id": "ID",
    "program": "Program",
    "kelompok": "Kelompok",
    "kegiatan": "Kegiatan",
    "tanggal_mulai": "Tanggal Mulai",
    "tanggal_selesai": "Tanggal Selesai",
    "lokasi": "Lokasi",
    "jumlah": "Jumlah",
    "hadir": "Hadir",
    "tidak_hadir": "Tidak Hadir",
}


def full_list_sheet(number: str) -> str:
    """The XLSX sheet with every event of a capped appendix: 'Lampiran V (daftar kegiatan)'."""
    return f"{number} (daftar kegiatan)"[:31]  # Excel's limit on sheet names


class VerifikasiAppendix(TableBase):
    """Lampiran V: one table per program and kelompok, or the recap."""

    @property
    def verifikasi_capped(self) -> bool:
        """More events this quarter than params appendix_max_rows: a recap, not the list."""
        return verifikasi_capped(self.inputs, self.q)

    def lampiran_verifikasi(self) -> list[TableSpec]:
        if self.verifikasi_capped:
            return [self.lampiran_verifikasi_rekap()]
        return [
            self._verifikasi_group(position, program, kelompok, part)
            for position, (program, kelompok, part) in enumerate(
                verifikasi_groups(self.inputs, self.q)
            )
        ]

    def _verifikasi_group(
        self, position: int, program: str, kelompok: str, part: pd.DataFrame
    ) -> TableSpec:
        """The events of one program and kelompok, with their total."""
        g = f"verifikasi.{slug(program)}.{slug(kelompok)}"
        header: Rows = [
            ["No", "Kegiatan", "Tanggal Pelaksanaan", "Lokasi", "Jumlah", "Hadir", "Tidak Hadir"]
        ]
        body: Rows = []
        for n, row in enumerate(part.itertuples(), start=1):
            rid = slug(str(row.id))
            start = cast(pd.Timestamp, row.tanggal_mulai).date()
            end = cast(pd.Timestamp, row.tanggal_selesai).date()
            when = (
                fmt.long_date(start)
                if start == end
                else f"{fmt.long_date(start)} – {fmt.long_date(end)}"
            )
            lokasi = row.lokasi if isinstance(row.lokasi, str) else DASH
            body.append(
                [
                    Cell(str(n), align="center"),
                    str(row.kegiatan),
                    when,
                    lokasi,
                    self.cell(f"{g}.{rid}.jumlah", unit=False),
                    self.cell(f"{g}.{rid}.hadir", unit=False),
                    self.cell(f"{g}.{rid}.tidak_hadir", unit=False),
                ]
            )
        body.append(
            [
                Cell("TOTAL", colspan=4, bold=True),
                self.cell(f"{g}.jumlah", unit=False, bold=True),
                self.cell(f"{g}.hadir", unit=False, bold=True),
                self.cell(f"{g}.tidak_hadir", unit=False, bold=True),
            ]
        )
        return TableSpec(
            id=f"lampiran-verifikasi-{position + 1}",
            caption=f"{program} — {kelompok}, {self.tw} Tahun {self.year}",
            header=header,
            body=body,
            widths=(0.4, 5, 2.2, 1.6, 1, 1, 1),
            align=("center", "left", "left", "left", "center", "center", "center"),
            font_size=9,
        )

    def lampiran_verifikasi_rekap(self) -> TableSpec:
        """Events and people per program and kelompok, the form of the report's other recaps."""
        header: Rows = [
            [
                Cell("No", rowspan=2),
                Cell("Program", rowspan=2),
                Cell("Kelompok", rowspan=2),
                Cell("Banyak Kegiatan", rowspan=2),
                Cell("Peserta", colspan=4),
            ],
            ["Jumlah", "Hadir", "Tidak Hadir", "Dihitung untuk IKU"],
        ]
        columns = ("kegiatan", *VERIFIKASI_COLUMNS)
        programs: dict[str, list[str]] = {}
        for program, kelompok, _ in verifikasi_groups(self.inputs, self.q):
            programs.setdefault(program, []).append(kelompok)
        body: Rows = []
        for number, (program, groups) in enumerate(programs.items(), start=1):
            for index, kelompok in enumerate(groups):
                g = f"verifikasi.{slug(program)}.{slug(kelompok)}"
                lead: Row = []
                if index == 0:
                    lead = [
                        Cell(f"{number}.", rowspan=len(groups), align="center"),
                        Cell(program, rowspan=len(groups)),
                    ]
                body.append(
                    [*lead, kelompok, *[self.cell(f"{g}.{c}", unit=False) for c in columns]]
                )
        body.append(
            [
                Cell("TOTAL", colspan=3, bold=True),
                *[self.cell(f"verifikasi.total.{c}", unit=False, bold=True) for c in columns],
            ]
        )
        return TableSpec(
            id="lampiran-verifikasi-rekap",
            caption=f"Rekap per program dan kelompok, {self.tw} Tahun {self.year}",
            header=header,
            body=body,
            widths=(0.4, 3.2, 2.2, 1.1, 1, 1, 1, 1.2),
            align=("center", "left", "left", "center", "center", "center", "center", "center"),
            font_size=9,
            note="Dihitung untuk IKU: peserta hadir bila tercatat, selain itu jumlah terdaftar.",
        )
