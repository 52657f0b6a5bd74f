"""Lampiran II–IV: the migrant workers (PMI) the unit served this quarter.

Placements per month (II, the 4-level header), complaints per month, agency and country
(III) and returns of troubled workers (IV: aggregates in every edition, the list of persons
only in the internal one).
"""

from __future__ import annotations

from typing import cast

from lkj.book.tables.base import Row, Rows, TableBase, centred, text_of
from lkj.book.tablespec import Cell, TableSpec
from lkj.compute import smallcells
from lkj.compute.appendices import (
    SEXES,
    kepulangan_groups,
    penempatan_columns,
    penempatan_layout,
    pengaduan_rows,
    slug,
)
from lkj.values import formatting as fmt

# The dimensions Lampiran IV counts returns by, under their column headers.
KEPULANGAN_DIMENSIONS = {
    "kategori": "Kategori Permasalahan",
    "negara": "Negara Penempatan",
    "kabupaten_kota": "Kabupaten/Kota Asal",
}


class PmiAppendices(TableBase):
    """Lampiran II (penempatan), III (pengaduan) and IV (kepulangan)."""

    def lampiran_penempatan(self) -> TableSpec:
        """Lampiran II: layanan × skema × sektor × sex per month, with totals."""
        lay = penempatan_layout(self.inputs)
        cols = penempatan_columns(self.inputs)
        groups = [*lay["layanan"], "total"]
        n = len(cols)
        top: Row = [Cell("No", rowspan=4), Cell("Bulan", rowspan=4)]
        top += [Cell("TOTAL" if g == "total" else g, colspan=n) for g in groups]
        top.append(Cell("Jumlah", rowspan=4))
        skemas, sektors = lay["skema"], lay["sektor"]
        row2: Row = [Cell(f"PMI {s}", colspan=len(sektors) * 2) for _ in groups for s in skemas]
        row3: Row = [Cell(t.upper(), colspan=2) for _ in groups for _ in skemas for t in sektors]
        row4: Row = [sex for _ in groups for (_, _, sex) in cols]
        header: Rows = [top, row2, row3, row4]
        body: Rows = []
        for index, month in enumerate(fmt.quarter_months(self.q), start=1):
            mm = f"m{month:02d}"
            row: Row = [Cell(str(index), align="center"), fmt.month_name(month)]
            for g in groups:
                for s, t, sex in cols:
                    row.append(
                        self.cell(
                            f"penempatan.{mm}.{slug(g)}.{slug(s)}.{slug(t)}.{sex.lower()}",
                            unit=False,
                        )
                    )
            row.append(self.cell(f"penempatan.{mm}.total", unit=False, bold=True))
            body.append(row)
        total: Row = [Cell("TOTAL", colspan=2, bold=True)]
        for g in groups:
            for s, t, sex in cols:
                total.append(
                    self.cell(
                        f"penempatan.total.{slug(g)}.{slug(s)}.{slug(t)}.{sex.lower()}",
                        unit=False,
                        bold=True,
                    )
                )
        total.append(self.cell("penempatan.total", unit=False, bold=True))
        body.append(total)
        columns = 3 + len(groups) * n
        return self.spec(
            "lampiran-penempatan",
            header,
            body,
            font_size=6,
            landscape=True,
            widths=(0.5, 1.4, *([1] * (columns - 3)), 1.2),
            align=("center", "left", *centred(columns - 2)),
        )

    def lampiran_pengaduan(self) -> TableSpec:
        """Lampiran III: complaints per (month, P3MI, country) by type of problem and sex."""
        refs = self.inputs.references["jenis_masalah"]
        codes = refs["kode"].astype(str).tolist()
        header: Rows = [
            [
                Cell("No", rowspan=3),
                Cell("Bulan", rowspan=3),
                Cell("P3MI", rowspan=3),
                Cell("Negara Penempatan", rowspan=3),
                Cell("Jenis Masalah/Kendala", colspan=2 * len(codes)),
                Cell("Jumlah", colspan=3),
            ],
            [
                *[Cell(c, colspan=2) for c in codes],
                Cell("L", rowspan=2),
                Cell("P", rowspan=2),
                Cell("Total", rowspan=2),
            ],
            [sex for _ in codes for sex in SEXES],
        ]
        body: Rows = [
            self._pengaduan_row(item, codes) for item in pengaduan_rows(self.inputs, self.q)
        ]
        total: Row = [Cell("JUMLAH", colspan=4, bold=True)]
        total += [
            self.cell(f"pengaduan.jenis.{c.lower()}.{s.lower()}", unit=False, bold=True)
            for c in codes
            for s in SEXES
        ]
        total += [
            self.cell("pengaduan.total.l", unit=False, bold=True),
            self.cell("pengaduan.total.p", unit=False, bold=True),
            self.cell("pengaduan.total", unit=False, bold=True),
        ]
        body.append(total)
        legend = "; ".join(f"{r.kode}. {r.uraian}" for r in refs.itertuples())
        columns = 4 + 2 * len(codes) + 3
        return self.spec(
            "lampiran-pengaduan",
            header,
            body,
            font_size=5.5,
            landscape=True,
            widths=(0.5, 1.3, 2.6, 1.6, *([0.45] * (2 * len(codes))), 0.6, 0.6, 0.7),
            align=("center", "left", "left", "left", *centred(columns - 4)),
            note=f"Jenis masalah: {legend}.",
        )

    def _pengaduan_row(self, item: dict[str, object], codes: list[str]) -> Row:
        n = item["n"]
        row: Row = [
            Cell(str(n), align="center"),
            f"{fmt.month_name(cast(int, item['bulan']))} {self.year}",
            str(item["p3mi"]),
            str(item["negara"]),
        ]
        for code in codes:
            for sex in SEXES:
                key = f"pengaduan.r{n}.{code.lower()}.{sex.lower()}"
                row.append(self.cell(key, unit=False) if key in self.reg else Cell(""))
        row += [
            self.cell(f"pengaduan.r{n}.l", unit=False),
            self.cell(f"pengaduan.r{n}.p", unit=False),
            self.cell(f"pengaduan.r{n}.total", unit=False, bold=True),
        ]
        return row

    def lampiran_kepulangan(self) -> list[TableSpec]:
        """Lampiran IV (public): returns by category, country and district, one table each."""
        groups = kepulangan_groups(self.inputs, self.q)
        categories = self.inputs.references["kategori_kepulangan"]
        labels = dict(
            zip(
                categories["kode"].astype(str),
                categories["uraian"].astype(str),
                strict=False,
            )
        )
        specs: list[TableSpec] = []
        for dim, values in groups.items():
            name = KEPULANGAN_DIMENSIONS[dim]
            header: Rows = [
                [Cell("No", rowspan=2), Cell(name, rowspan=2), Cell("Pemulangan", colspan=3)],
                ["L", "P", "Jumlah"],
            ]
            body: Rows = []
            for n, value in enumerate(values, start=1):
                key = f"kepulangan.{dim}.{slug(value)}"
                body.append(
                    [
                        Cell(str(n), align="center"),
                        labels.get(value, value) if dim == "kategori" else value,
                        self.cell(f"{key}.l", unit=False),
                        self.cell(f"{key}.p", unit=False),
                        self.cell(f"{key}.total", unit=False, bold=True),
                    ]
                )
            body.append(
                [
                    Cell("JUMLAH", colspan=2, bold=True),
                    self.cell("kepulangan.total.l", unit=False, bold=True),
                    self.cell("kepulangan.total.p", unit=False, bold=True),
                    self.cell("kepulangan.total", unit=False, bold=True),
                ]
            )
            specs.append(
                TableSpec(
                    id=f"lampiran-kepulangan-{slug(dim)}",
                    caption=f"Kepulangan PMI bermasalah menurut {name.lower()}",
                    header=header,
                    body=body,
                    widths=(0.5, 4, 1, 1, 1.2),
                    align=("center", "left", "center", "center", "center"),
                    note=self._suppression_note(body),
                )
            )
        return specs

    def _suppression_note(self, body: Rows) -> str | None:
        """The public edition's key to "< 3" and "x", under a table that uses them."""
        ids = [c.value_id for row in body for c in row if isinstance(c, Cell) and c.value_id]
        if not any(smallcells.is_suppressed(self.reg[i]) for i in ids):
            return None
        return smallcells.TABLE_NOTE

    def lampiran_kepulangan_internal(self) -> TableSpec:
        """The full list: only in the internal edition (names, passport numbers, addresses)."""
        table = self.inputs.table("kepulangan")
        rows = table.df[table.df["_quarter"] == self.q]
        header: Rows = [
            [
                Cell("No", rowspan=2),
                Cell("Debarkasi", rowspan=2),
                Cell("Negara", rowspan=2),
                Cell("Nama PMI", rowspan=2),
                Cell("No ID", rowspan=2),
                Cell("Permasalahan", rowspan=2),
                Cell("Alamat PMI", rowspan=2),
                Cell("Pemulangan", colspan=2),
            ],
            ["L", "P"],
        ]
        body: Rows = []
        for n, r in enumerate(rows.itertuples(), start=1):
            body.append(
                [
                    Cell(str(n), align="center"),
                    text_of(r.debarkasi),
                    text_of(r.negara),
                    text_of(r.nama),
                    text_of(r.no_paspor),
                    text_of(r.keterangan) or text_of(r.kategori),
                    f"{text_of(r.alamat)}, {text_of(r.kabupaten_kota)}".strip(", "),
                    "1" if r.jenis_kelamin == "L" else "",
                    "1" if r.jenis_kelamin == "P" else "",
                ]
            )
        body.append(
            [
                Cell("JUMLAH", colspan=7, bold=True),
                self.cell("kepulangan.total.l", unit=False, bold=True),
                self.cell("kepulangan.total.p", unit=False, bold=True),
            ]
        )
        return TableSpec(
            id="lampiran-kepulangan-daftar",
            caption="Daftar PMI bermasalah yang dipulangkan (TERBATAS)",
            header=header,
            body=body,
            font_size=7,
            landscape=True,
            widths=(0.4, 1.6, 1.2, 2, 1.2, 2, 3.4, 0.5, 0.5),
            align=("center", "left", "left", "left", "left", "left", "left", "center", "center"),
        )
