"""The tables of the book (Tabel 1–N and the appendices) as TableSpecs built from the registry.

Every number in a cell is a registry value (Cell.of), so it carries its value id; only labels
and the report's own dashes are plain text.
"""

from __future__ import annotations

from collections.abc import Iterable

from lkj.book.catalog import Catalog, build_catalog, iku_table_id
from lkj.book.tablespec import Cell, TableSpec
from lkj.compute.appendices import (
    SEXES,
    VERIFIKASI_COLUMNS,
    kepulangan_groups,
    penempatan_columns,
    penempatan_layout,
    pengaduan_rows,
    slug,
    verifikasi_capped,
    verifikasi_groups,
)
from lkj.compute.reconcile import Outcome
from lkj.inputs.load import Inputs
from lkj.inputs.pk import Iku
from lkj.values import formatting as fmt
from lkj.values.registry import Registry

DASH = fmt.DASH

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


class Tables:
    """Builds the TableSpecs of one run."""

    def __init__(self, inputs: Inputs, reg: Registry, catalog: Catalog | None = None):
        self.inputs, self.reg = inputs, reg
        self.pk = inputs.pk
        self.q, self.year = inputs.run.params.quarter, inputs.run.params.year
        self.tw = fmt.quarter_label(self.q)
        self.catalog = catalog or build_catalog(inputs)

    # --- helpers ---------------------------------------------------------------------------
    def cell(self, value_id: str, *, unit: bool = True, **kw: object) -> Cell:
        """A value cell; '-' (no value id) when the value does not exist for this run."""
        value = self.reg.get(value_id)
        if value is None or value.value is None:
            return Cell(DASH, **kw)  # type: ignore[arg-type]
        return Cell.of(value, unit=unit, **kw)  # type: ignore[arg-type]

    def spec(
        self,
        entry_id: str,
        header: list[list[Cell | str]],
        body: list[list[Cell | str]],
        **kw: object,
    ) -> TableSpec:
        """A numbered table (Tabel N) or the table of an appendix.

        An appendix is numbered by its heading (display.lampiran), so its tables are not
        numbered again; their ids get a suffix to stay unique next to the heading's anchor,
        and the whole appendix (not the table) turns landscape.
        """
        entry = self.catalog[entry_id]
        if entry.kind == "lampiran":
            kw.pop("landscape", None)
            return TableSpec(id=f"{entry.id}-tabel", caption="", header=header, body=body, **kw)  # type: ignore[arg-type]
        return TableSpec(
            id=entry.id,
            caption=entry.title,
            number=entry.number,
            kind="tabel",
            header=header,
            body=body,
            **kw,  # type: ignore[arg-type]
        )

    def grouped(self, ikus: Iterable[Iku]) -> list[tuple[int, str, list[Iku]]]:
        """IKUs grouped by sasaran, numbered 1.. in PK order (the 'No' column of the report)."""
        order = [s.kode for s in self.pk.sasaran]
        groups: dict[str, list[Iku]] = {}
        for iku in ikus:
            groups.setdefault(iku.sasaran, []).append(iku)
        return [
            (order.index(code) + 1, self.pk.sasaran_by_code(code).uraian, members)
            for code, members in sorted(groups.items(), key=lambda kv: order.index(kv[0]))
        ]

    def _sasaran_rows(self, ikus: Iterable[Iku], cells_of) -> list[list[Cell | str]]:
        """Rows with 'No' and 'Sasaran' spanning the IKUs of each sasaran."""
        body: list[list[Cell | str]] = []
        for number, uraian, members in self.grouped(ikus):
            for index, iku in enumerate(members):
                lead: list[Cell | str] = []
                if index == 0:
                    lead = [
                        Cell(f"{number}.", rowspan=len(members), align="center"),
                        Cell(uraian, rowspan=len(members)),
                    ]
                body.append([*lead, Cell(iku.nama), *cells_of(iku)])
        return body

    # --- Tabel 1 and 2 ---------------------------------------------------------------------
    def _summary(self, entry_id: str) -> TableSpec:
        q = self.q
        header: list[list[Cell | str]] = [
            [
                Cell("No", rowspan=2),
                Cell("Sasaran Strategis", rowspan=2),
                Cell("Indikator Kinerja", rowspan=2),
                Cell(f"Realisasi Kinerja {self.tw}", colspan=3),
            ],
            ["Target Tahunan", f"Realisasi {self.tw}", "Capaian"],
        ]
        body = self._sasaran_rows(
            self.pk.iku,
            lambda i: [
                self.cell(f"{i.key}.target"),
                self.cell(f"{i.key}.tw{q}.realisasi"),
                self.cell(f"{i.key}.tw{q}.capaian_tahunan"),
            ],
        )
        return self.spec(
            entry_id,
            header,
            body,
            widths=(0.5, 3, 4, 1.4, 1.4, 1.2),
            align=("center", "left", "left", "center", "center", "center"),
            note=f"Capaian = realisasi {self.tw} dibandingkan dengan target tahunan.",
        )

    def ringkasan(self) -> TableSpec:
        return self._summary("tbl-ringkasan")

    def perjanjian(self) -> TableSpec:
        """Tabel 2: the PK itself (targets), as the BAB I presents it."""
        header: list[list[Cell | str]] = [
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Target Tahunan"]
        ]
        body = self._sasaran_rows(self.pk.iku, lambda i: [self.cell(f"{i.key}.target")])
        return self.spec(
            "tbl-pk",
            header,
            body,
            widths=(0.5, 3.5, 5, 1.5),
            align=("center", "left", "left", "center"),
        )

    # --- Tabel 3: per quarter ----------------------------------------------------------------
    def pengukuran(self) -> TableSpec:
        header: list[list[Cell | str]] = [
            [Cell("No", rowspan=2), Cell("Sasaran Strategis", rowspan=2), Cell("IKU", rowspan=2)]
            + [Cell(fmt.quarter_label(t), colspan=3) for t in range(1, 5)],
            [h for _ in range(4) for h in ("Target", "Realisasi", "Capaian")],
        ]

        def cells(iku: Iku) -> list[Cell]:
            out = []
            for t in range(1, 5):
                out.append(self.cell(f"{iku.key}.tw{t}.target"))
                out.append(self.cell(f"{iku.key}.tw{t}.realisasi"))
                out.append(self.cell(f"{iku.key}.tw{t}.capaian"))
            return out

        body = self._sasaran_rows(self.pk.iku, cells)
        return self.spec(
            "tbl-pengukuran",
            header,
            body,
            font_size=7.5,
            landscape=True,
            widths=(0.4, 2.2, 3.2, *([1] * 12)),
            align=("center", "left", "left", *(["center"] * 12)),
            note="Capaian = realisasi triwulan dibandingkan dengan target triwulan "
            "yang sama. Triwulan yang belum berjalan ditandai '-'.",
        )

    # --- Tabel 4: cumulative ----------------------------------------------------------------
    def kumulatif(self) -> TableSpec:
        q = self.q
        header: list[list[Cell | str]] = [
            [
                Cell("No", rowspan=2),
                Cell("Sasaran Strategis", rowspan=2),
                Cell("IKU", rowspan=2),
                Cell("Target Tahunan", rowspan=2),
                Cell("Realisasi", colspan=4),
                Cell(f"Realisasi s.d. {self.tw}", rowspan=2),
                Cell(f"Capaian s.d. {self.tw}", rowspan=2),
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

        body = self._sasaran_rows(self.pk.iku, cells)
        return self.spec(
            "tbl-kumulatif",
            header,
            body,
            font_size=8.5,
            widths=(0.4, 2.4, 3.4, 1.2, 1, 1, 1, 1, 1.3, 1.2),
            align=("center", "left", "left", *(["center"] * 7)),
            note=f"Capaian s.d. {self.tw} = realisasi kumulatif dibandingkan dengan "
            "target tahunan; jumlah dijumlahkan, persentase dihitung ulang dari "
            "pembilang dan penyebut, nilai dan kategori memakai triwulan terakhir.",
        )

    # --- Tabel 5..: one per IKU --------------------------------------------------------------
    def iku(self, iku: Iku) -> TableSpec:
        k, q = iku.key, self.q
        header: list[list[Cell | str]] = [
            [
                Cell("Indikator Kinerja Utama", rowspan=2),
                Cell("Target", colspan=2),
                Cell(f"Realisasi {self.tw}", rowspan=2),
                Cell("Capaian terhadap target", colspan=2),
                Cell(f"Realisasi s.d. {self.tw}", rowspan=2),
                Cell(f"Capaian s.d. {self.tw}", rowspan=2),
            ],
            ["Tahunan", self.tw, self.tw, "Tahunan"],
        ]
        real = self.cell(f"{k}.tw{q}.realisasi")
        if iku.sumber.aturan == "rasio" and self.reg[f"{k}.tw{q}.realisasi"].value is not None:
            num, den = self.reg[f"{k}.tw{q}.pembilang"], self.reg[f"{k}.tw{q}.penyebut"]
            real = Cell(
                f"{self.reg[f'{k}.tw{q}.realisasi'].display}\n"
                f"({num.display} dari {den.display_with_unit})",
                value_id=f"{k}.tw{q}.realisasi",
            )
        body: list[list[Cell | str]] = [
            [
                Cell(iku.nama),
                self.cell(f"{k}.target"),
                self.cell(f"{k}.tw{q}.target"),
                real,
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
            align=("left", *(["center"] * 7)),
            font_size=9,
        )

    # --- Tabel 18: budget vs performance ------------------------------------------------------
    def anggaran(self) -> TableSpec:
        q = self.q
        header: list[list[Cell | str]] = [
            [
                Cell("No", rowspan=2),
                Cell("Sasaran Strategis", rowspan=2),
                Cell("IKU", rowspan=2),
                Cell("Anggaran (Rp)", colspan=3),
                Cell("Kinerja", colspan=4),
            ],
            [
                "Pagu",
                "Realisasi",
                "%",
                "Target Tahunan",
                f"Realisasi {self.tw}",
                "%",
                f"Rata-rata Capaian {self.tw} (%)",
            ],
        ]
        body: list[list[Cell | str]] = []
        for keg in self.pk.kegiatan:
            members = [i for i in self.pk.iku if i.kegiatan == keg.kode]
            if not members:
                continue
            kk = keg.kode.lower()
            body.append([Cell(f"Kegiatan: {keg.nama}", colspan=10, bold=True)])
            first = True
            for number, uraian, ikus in self.grouped(members):
                for index, iku in enumerate(ikus):
                    row: list[Cell | str] = []
                    if index == 0:
                        row += [
                            Cell(f"{number}.", rowspan=len(ikus), align="center"),
                            Cell(uraian, rowspan=len(ikus)),
                        ]
                    row.append(Cell(iku.nama))
                    if first:
                        span = len(members)
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
                        row.append(
                            self.cell(f"kegiatan.{kk}.tw{q}.capaian_tahunan", rowspan=len(members))
                        )
                        first = False
                    body.append(row)
        body.append(
            [
                Cell("Jumlah", colspan=3, bold=True),
                self.cell("anggaran.total.pagu", unit=False, bold=True),
                self.cell("anggaran.total.realisasi", unit=False, bold=True),
                self.cell("anggaran.total.persen", bold=True),
                Cell("Rata-rata capaian seluruh IKU", colspan=3, bold=True),
                self.cell(f"rata2.tw{q}.capaian_tahunan", bold=True),
            ]
        )
        return self.spec(
            "tbl-anggaran",
            header,
            body,
            font_size=7.5,
            landscape=True,
            widths=(0.4, 2, 3, 1.7, 1.7, 0.9, 1.1, 1.1, 1, 1.2),
            align=("center", "left", "left", "right", "right", *(["center"] * 5)),
            note=f"% kinerja = realisasi {self.tw} dibandingkan dengan target "
            "tahunan; rata-rata capaian per kegiatan memakai capaian dengan "
            "batas atas sesuai Perjanjian Kinerja.",
        )

    # --- Lampiran I: the PK -------------------------------------------------------------------
    def lampiran_pk(self) -> TableSpec:
        header: list[list[Cell | str]] = [
            ["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"]
        ]
        body: list[list[Cell | str]] = []
        for _, uraian, members in self.grouped(self.pk.iku):
            for index, iku in enumerate(members):
                lead = [Cell(uraian, rowspan=len(members))] if index == 0 else []
                body.append([*lead, Cell(iku.nama_pk or iku.nama), self.cell(f"{iku.key}.target")])
        body.append(
            [
                Cell("Jumlah pagu anggaran", colspan=2, bold=True),
                self.cell("anggaran.total.pagu_awal", bold=True),
            ]
        )
        return self.spec(
            "lampiran-pk", header, body, widths=(4, 5, 2), align=("left", "left", "center")
        )

    # --- Lampiran II: placements -------------------------------------------------------------
    def lampiran_penempatan(self) -> TableSpec:
        lay = penempatan_layout(self.inputs)
        cols = penempatan_columns(self.inputs)
        groups = [*lay["layanan"], "total"]
        n = len(cols)
        top: list[Cell | str] = [Cell("No", rowspan=4), Cell("Bulan", rowspan=4)]
        top += [Cell("TOTAL" if g == "total" else g, colspan=n) for g in groups]
        top.append(Cell("Jumlah", rowspan=4))
        skemas, sektors = lay["skema"], lay["sektor"]
        row2 = [Cell(f"PMI {s}", colspan=len(sektors) * 2) for _ in groups for s in skemas]
        row3 = [Cell(t.upper(), colspan=2) for _ in groups for _ in skemas for t in sektors]
        row4: list[Cell | str] = [sex for _ in groups for (_, _, sex) in cols]
        header: list[list[Cell | str]] = [top, row2, row3, row4]
        body: list[list[Cell | str]] = []
        for index, month in enumerate(fmt.quarter_months(self.q), start=1):
            mm = f"m{month:02d}"
            row: list[Cell | str] = [Cell(str(index), align="center"), fmt.month_name(month)]
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
        total: list[Cell | str] = [Cell("TOTAL", colspan=2, bold=True)]
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
            align=("center", "left", *(["center"] * (columns - 2))),
        )

    # --- Lampiran III: complaints -------------------------------------------------------------
    def lampiran_pengaduan(self) -> TableSpec:
        refs = self.inputs.references["jenis_masalah"]
        codes = refs["kode"].astype(str).tolist()
        header: list[list[Cell | str]] = [
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
        body: list[list[Cell | str]] = []
        for item in pengaduan_rows(self.inputs, self.q):
            n = item["n"]
            row: list[Cell | str] = [
                Cell(str(n), align="center"),
                f"{fmt.month_name(int(item['bulan']))} {self.year}",  # type: ignore[arg-type]
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
            body.append(row)
        total: list[Cell | str] = [Cell("JUMLAH", colspan=4, bold=True)]
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
            align=("center", "left", "left", "left", *(["center"] * (columns - 4))),
            note=f"Jenis masalah: {legend}.",
        )

    # --- Lampiran IV: returns (public: aggregates; internal: the list) ---------------------------
    def lampiran_kepulangan(self) -> list[TableSpec]:
        groups = kepulangan_groups(self.inputs, self.q)
        names = {
            "kategori": "Kategori Permasalahan",
            "negara": "Negara Penempatan",
            "kabupaten_kota": "Kabupaten/Kota Asal",
        }
        labels = dict(
            zip(
                self.inputs.references["kategori_kepulangan"]["kode"].astype(str),
                self.inputs.references["kategori_kepulangan"]["uraian"].astype(str),
                strict=False,
            )
        )
        specs: list[TableSpec] = []
        for dim, values in groups.items():
            header: list[list[Cell | str]] = [
                [Cell("No", rowspan=2), Cell(names[dim], rowspan=2), Cell("Pemulangan", colspan=3)],
                ["L", "P", "Jumlah"],
            ]
            body: list[list[Cell | str]] = []
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
            caption = f"Kepulangan PMI bermasalah menurut {names[dim].lower()}"
            specs.append(
                TableSpec(
                    id=f"lampiran-kepulangan-{slug(dim)}",
                    caption=caption,
                    header=header,
                    body=body,
                    widths=(0.5, 4, 1, 1, 1.2),
                    align=("center", "left", "center", "center", "center"),
                )
            )
        return specs

    def lampiran_kepulangan_internal(self) -> TableSpec:
        """The full list: only in the internal edition (names, passport numbers, addresses)."""
        table = self.inputs.table("kepulangan")
        rows = table.df[table.df["_quarter"] == self.q]
        header: list[list[Cell | str]] = [
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
        body: list[list[Cell | str]] = []
        for n, r in enumerate(rows.itertuples(), start=1):

            def text(x: object) -> str:
                return "" if x is None or (isinstance(x, float) and x != x) else str(x)

            body.append(
                [
                    Cell(str(n), align="center"),
                    text(r.debarkasi),
                    text(r.negara),
                    text(r.nama),
                    text(r.no_paspor),
                    text(r.keterangan) or text(r.kategori),
                    f"{text(r.alamat)}, {text(r.kabupaten_kota)}".strip(", "),
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

    # --- Lampiran V: verification events ------------------------------------------------------
    @property
    def verifikasi_capped(self) -> bool:
        """More events this quarter than params appendix_max_rows: a recap, not the list."""
        return verifikasi_capped(self.inputs, self.q)

    def lampiran_verifikasi(self) -> list[TableSpec]:
        if self.verifikasi_capped:
            return [self.lampiran_verifikasi_rekap()]
        specs: list[TableSpec] = []
        for position, (program, kelompok, part) in enumerate(
            verifikasi_groups(self.inputs, self.q)
        ):
            g = f"verifikasi.{slug(program)}.{slug(kelompok)}"
            header: list[list[Cell | str]] = [
                [
                    "No",
                    "Kegiatan",
                    "Tanggal Pelaksanaan",
                    "Lokasi",
                    "Jumlah",
                    "Hadir",
                    "Tidak Hadir",
                ]
            ]
            body: list[list[Cell | str]] = []
            for n, row in enumerate(part.itertuples(), start=1):
                rid = slug(row.id)
                start, end = row.tanggal_mulai.date(), row.tanggal_selesai.date()
                when = (
                    fmt.long_date(start)
                    if start == end
                    else f"{fmt.long_date(start)} – {fmt.long_date(end)}"
                )
                lokasi = row.lokasi if isinstance(row.lokasi, str) else DASH
                body.append(
                    [
                        Cell(str(n), align="center"),
                        row.kegiatan,
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
            caption = f"{program} — {kelompok}, {self.tw} Tahun {self.year}"
            kw = dict(
                header=header,
                body=body,
                widths=(0.4, 5, 2.2, 1.6, 1, 1, 1),
                align=("center", "left", "left", "left", "center", "center", "center"),
                font_size=9,
            )
            specs.append(TableSpec(id=f"lampiran-verifikasi-{position + 1}", caption=caption, **kw))  # type: ignore[arg-type]
        return specs

    def lampiran_verifikasi_rekap(self) -> TableSpec:
        """Events and people per program and kelompok, the form of the report's other recaps."""
        header: list[list[Cell | str]] = [
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
        body: list[list[Cell | str]] = []
        for number, (program, groups) in enumerate(programs.items(), start=1):
            for index, kelompok in enumerate(groups):
                g = f"verifikasi.{slug(program)}.{slug(kelompok)}"
                lead: list[Cell | str] = []
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

    # --- Lampiran VI: IKPA ----------------------------------------------------------------------
    def lampiran_ikpa(self) -> TableSpec:
        table = self.inputs.table("ikpa")
        rows = table.df[(table.df["_quarter"] == self.q) & (table.df["aspek"] != "Pengurang")]
        header: list[list[Cell | str]] = [
            ["Aspek", "Indikator", "Nilai", "Bobot", "Nilai Akhir", "Nilai Aspek"]
        ]
        body: list[list[Cell | str]] = []
        for aspek, part in rows.groupby("aspek", sort=False):
            for index, row in enumerate(part.itertuples()):
                code = slug(row.kode)
                lead = [Cell(str(aspek), rowspan=len(part))] if index == 0 else []
                tail = (
                    [self.cell(f"ikpa.aspek.{slug(str(aspek))}", rowspan=len(part))]
                    if index == 0
                    else []
                )
                body.append(
                    [
                        *lead,
                        row.komponen,
                        self.cell(f"ikpa.{code}.nilai"),
                        self.cell(f"ikpa.{code}.bobot"),
                        self.cell(f"ikpa.{code}.nilai_akhir"),
                        *tail,
                    ]
                )
        body += [
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
        return self.spec(
            "lampiran-ikpa",
            header,
            body,
            widths=(2.2, 3, 1, 0.8, 1.1, 1.1),
            align=("left", "left", "center", "center", "center", "center"),
            note=f"Posisi s.d. akhir {self.tw} {self.year}. Nilai indikator dan nilai "
            "aspek diimpor apa adanya dari aplikasi Kementerian Keuangan.",
        )

    # --- Catatan Rekonsiliasi ------------------------------------------------------------------
    def rekonsiliasi(self, outcomes: list[Outcome]) -> TableSpec:
        header: list[list[Cell | str]] = [
            [
                "No",
                "Angka",
                "Tempat dalam laporan terbitan",
                "Tercetak",
                "Dalam buku ini",
                "Keterangan",
            ]
        ]
        body: list[list[Cell | str]] = []
        for n, o in enumerate((o for o in outcomes if not o.matches), start=1):
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
        return self.spec(
            "lampiran-rekonsiliasi",
            header,
            body,
            font_size=8,
            widths=(0.4, 2.6, 1.6, 1.3, 1.3, 5),
            align=("center", "left", "left", "center", "center", "left"),
            note=f"{len(outcomes)} angka laporan terbitan dibandingkan; {matched} sama "
            "persis dengan buku ini, sisanya tercantum di atas.",
        )
