"""The numbered tables, figures and appendices of the annual book (params `kind: tahunan`).

Same `Catalog` as the quarterly book (lkj.book.catalog), other entries: the annual chapters
(PermenPAN-RB 53/2014) show the PK, the Renstra path, the year per IKU, earlier years,
progress toward the end-of-plan target, efficiency and the budget per programme/kegiatan.
The national-standard table exists only when the unit gives a standard (standar.csv).
"""

from __future__ import annotations

from lkj.book.catalog import Catalog, Entry
from lkj.book.outline import Outline
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt
from lkj.values.registry import Registry


def has_standards(reg: Registry) -> bool:
    return bool(reg.ids("tahunan.iku*.standar"))


def annual_catalog(inputs: Inputs, reg: Registry | None = None) -> Catalog:
    """Titles from buku.yml (a unit's `tabel.judul` overrides them, as in the quarterly book)."""
    params, profile = inputs.run.params, inputs.profile
    title = Outline(inputs).title
    tables = ["tbl-renstra", "tbl-pk", "tbl-capaian-tahunan", "tbl-riwayat", "tbl-renstra-progres"]
    if reg is None or has_standards(reg):
        tables.append("tbl-standar")
    tables += ["tbl-efisiensi", "tbl-anggaran-tahunan"]
    figures = ["gambar-capaian-sasaran", "gambar-riwayat", "gambar-renstra"]
    entries = [Entry(i, f"Tabel {n}", "tabel", title(i)) for n, i in enumerate(tables, start=1)]
    entries += [Entry(i, f"Gambar {n}", "gambar", title(i)) for n, i in enumerate(figures, start=1)]
    appendix = ["lampiran-pk", *(["lampiran-jejak"] if params.trace_appendix else [])]
    people = {"kepala": profile.kepala.jabatan, "atasan": profile.atasan.jabatan}
    entries += [
        Entry(i, f"Lampiran {fmt.roman(n)}", "lampiran", title(i, **people), i == "lampiran-jejak")
        for n, i in enumerate(appendix, start=1)
    ]
    return Catalog(entries)
