"""The one list of numbered tables, figures and appendices of a run (Daftar Tabel, Daftar
Gambar, Daftar Lampiran).

Numbers follow from the PK (one table per IKU) and from which appendices the run has, so a
unit with six IKUs gets different numbers than one with thirteen — from the same code.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkj.compute.appendices.declared import catalog_entries
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt


@dataclass(frozen=True)
class Entry:
    id: str  # anchor of the table in HTML and label in typst
    number: str  # "Tabel 5", "Gambar 2", "Lampiran II"
    kind: str  # "tabel" | "gambar" | "lampiran"
    title: str
    landscape: bool = False  # appendices with wide tables get landscape pages


class Catalog:
    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._by_id = {e.id: e for e in entries}

    def __getitem__(self, entry_id: str) -> Entry:
        return self._by_id[entry_id]

    def get(self, entry_id: str) -> Entry | None:
        """None when the run has no such table (e.g. a unit without IKPA data)."""
        return self._by_id.get(entry_id)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def tables(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "tabel"]

    def figures(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "gambar"]

    def appendices(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "lampiran"]


def iku_table_id(iku_key: str) -> str:
    return f"tbl-{iku_key}"


def iku_figure_id(iku_key: str) -> str:
    return f"gambar-{iku_key}"


def charted_ikus(inputs: Inputs) -> list[str]:
    """Keys of the IKUs whose evaluation shows a chart: counts of placements (monthly data)."""
    return [i.key for i in inputs.pk.iku if i.sumber.dataset == "penempatan"]


def _figures(inputs: Inputs) -> list[Entry]:
    """The charts in book order: BAB II A, the IKU charts of B, C, D. Each title says which
    comparison the chart draws (this quarter, s.d. this quarter, against which target)."""
    year, tw = inputs.run.params.year, fmt.quarter_label(inputs.run.params.quarter)
    titles = [
        (
            "gambar-capaian-iku",
            f"Capaian IKU {tw} dan s.d. {tw} terhadap target tahunan {year}",
        )
    ]
    titles += [
        (iku_figure_id(k), f"Penempatan PMI per bulan, {tw} {year}") for k in charted_ikus(inputs)
    ]
    titles.append(
        (
            "gambar-anggaran",
            f"Penyerapan anggaran dan capaian kinerja per kegiatan, s.d. {tw} {year}",
        )
    )
    titles.append(
        ("gambar-perbandingan", f"Capaian IKU per triwulan {year} terhadap target triwulan")
    )
    return [Entry(i, f"Gambar {n}", "gambar", t) for n, (i, t) in enumerate(titles, start=1)]


def build_catalog(inputs: Inputs) -> Catalog:
    params, pk, profile = inputs.run.params, inputs.pk, inputs.profile
    year, tw = params.year, fmt.quarter_label(params.quarter)
    titles: list[tuple[str, str]] = [
        ("tbl-ringkasan", f"Ringkasan Capaian Kinerja Berdasarkan Perjanjian Kinerja Tahun {year}"),
        ("tbl-pk", f"Perjanjian Kinerja {profile.nama_singkat} Tahun {year}"),
        ("tbl-pengukuran", "Pengukuran Capaian Kinerja Triwulan"),
        ("tbl-kumulatif", f"Capaian Kinerja Tahun {year} Berdasarkan Realisasi Triwulan"),
    ]
    titles += [(iku_table_id(i.key), f"Capaian IKU {i.nomor}") for i in pk.iku]
    titles.append(("tbl-anggaran", f"Capaian Anggaran dan Kinerja {tw} Tahun {year}"))
    # BAB II D compares quarters; it comes after Tabel anggaran so earlier numbers stay put.
    titles.append(("tbl-perbandingan", f"Perbandingan Realisasi dan Capaian IKU {tw} Tahun {year}"))
    entries = [Entry(i, f"Tabel {n}", "tabel", t) for n, (i, t) in enumerate(titles, start=1)]
    entries += _figures(inputs)

    tables = inputs.tables
    appendix: list[tuple[str, str]] = [
        (
            "lampiran-pk",
            f"Perjanjian Kinerja {profile.kepala.jabatan} dengan "
            f"{profile.atasan.jabatan} Tahun {year}",
        ),
    ]
    if "penempatan" in tables:
        appendix.append(("lampiran-penempatan", f"Data Pelaksanaan OPP {tw} Tahun {year}"))
    if "pengaduan" in tables:
        appendix.append(
            ("lampiran-pengaduan", f"Data Rekapitulasi Penanganan Kasus {tw} Tahun {year}")
        )
    if "kepulangan" in tables:
        appendix.append(
            (
                "lampiran-kepulangan",
                f"Data Rekapitulasi Kepulangan PMI Bermasalah {tw} Tahun {year}",
            )
        )
    if "verifikasi" in tables:
        appendix.append(
            (
                "lampiran-verifikasi",
                f"Data Rekapitulasi Verifikasi Dokumen Penempatan PMI {tw} Tahun {year}",
            )
        )
    if "ikpa" in tables:
        appendix.append(("lampiran-ikpa", "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)"))
    appendix += catalog_entries(inputs)  # unit.yml `lampiran:` (unit3 hook; none for BP3MI)
    if params.reconciliation_appendix and params.published_figures:
        appendix.append(("lampiran-rekonsiliasi", "Catatan Rekonsiliasi dengan Laporan Terbitan"))
    if params.trace_appendix:
        appendix.append(("lampiran-jejak", "Jejak Angka"))
    wide = {"lampiran-penempatan", "lampiran-pengaduan", "lampiran-jejak"}
    if params.edition == "internal":
        wide.add("lampiran-kepulangan")  # the full list has seven text columns
    entries += [
        Entry(i, f"Lampiran {fmt.roman(n)}", "lampiran", t, i in wide)
        for n, (i, t) in enumerate(appendix, start=1)
    ]
    return Catalog(entries)
