"""The numbered tables, figures and appendices of the annual book (params `kind: tahunan`).

Same `Catalog` as the quarterly book (lkj.book.catalog), other entries: the annual chapters
(PermenPAN-RB 53/2014) show the PK, the Renstra path, the year per IKU, earlier years,
progress toward the end-of-plan target, efficiency and the budget per programme/kegiatan.
The national-standard table exists only when the unit gives a standard (standar.csv).
"""

from __future__ import annotations

from lkj.book.catalog import Catalog, Entry
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt
from lkj.values.registry import Registry


def has_standards(reg: Registry) -> bool:
    return bool(reg.ids("tahunan.iku*.standar"))


def annual_catalog(inputs: Inputs, reg: Registry | None = None) -> Catalog:
    params, profile = inputs.run.params, inputs.profile
    year, periode = params.year, profile.renstra.periode.replace("-", "–")
    tables = [
        ("tbl-renstra", f"Target Rencana Strategis {periode} per IKU"),
        ("tbl-pk", f"Perjanjian Kinerja {profile.nama_singkat} Tahun {year}"),
        ("tbl-capaian-tahunan", f"Capaian Kinerja Tahun {year} per IKU"),
        ("tbl-riwayat", f"Realisasi IKU Tahun {year} Dibandingkan dengan Tahun-Tahun Sebelumnya"),
        ("tbl-renstra-progres", f"Kemajuan Menuju Target Akhir Rencana Strategis {periode}"),
    ]
    if reg is None or has_standards(reg):
        tables.append(("tbl-standar", f"Realisasi IKU Tahun {year} terhadap Standar Nasional"))
    tables += [
        ("tbl-efisiensi", f"Efisiensi Penggunaan Sumber Daya Tahun {year}"),
        ("tbl-anggaran-tahunan", f"Realisasi Anggaran per Program dan Kegiatan Tahun {year}"),
    ]
    figures = [
        ("gambar-capaian-sasaran", f"Capaian kinerja per sasaran strategis tahun {year}"),
        ("gambar-riwayat", f"Realisasi IKU per tahun sampai dengan {year}"),
        (
            "gambar-renstra",
            f"Persentase target akhir Renstra yang dicapai pada {year} dan posisi jalur rencana",
        ),
    ]
    entries = [Entry(i, f"Tabel {n}", "tabel", t) for n, (i, t) in enumerate(tables, start=1)]
    entries += [Entry(i, f"Gambar {n}", "gambar", t) for n, (i, t) in enumerate(figures, start=1)]
    appendix = [
        (
            "lampiran-pk",
            f"Perjanjian Kinerja {profile.kepala.jabatan} dengan "
            f"{profile.atasan.jabatan} Tahun {year}",
        )
    ]
    if params.trace_appendix:
        appendix.append(("lampiran-jejak", "Jejak Angka"))
    entries += [
        Entry(i, f"Lampiran {fmt.roman(n)}", "lampiran", t, i == "lampiran-jejak")
        for n, (i, t) in enumerate(appendix, start=1)
    ]
    return Catalog(entries)
