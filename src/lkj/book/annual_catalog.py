"""The numbered tables, figures and appendices of the annual book (params `kind: tahunan`).

Same `Catalog` as the quarterly book (lkj.book.catalog), other entries: the annual chapters
(PermenPAN-RB 53/2014) show the PK, the Renstra path, the year per IKU, earlier years,
progress toward the end-of-plan target, efficiency and the budget per programme/kegiatan.
The national-standard table exists only when the unit gives a standard (standar.csv).
"""

from __future__ import annotations

from lkj.book.catalog import Catalog, Entry
from lkj.book.outline import Outline
from lkj.inputs.buku import Entry as Entry_
from lkj.inputs.buku import numbered
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt
from lkj.values.registry import Registry


def has_standards(reg: Registry) -> bool:
    return bool(reg.ids("tahunan.iku*.standar"))


# The annual book's chapters as _quarto-tahunan.yml orders them (tests/book/test_annual_catalog.py
# holds the two together): which BAB a table or figure of buku.yml's `tabel`/`gambar` is in.
CHAPTERS = numbered(
    [
        Entry_("notebooks/tahunan_index.ipynb", depan=True),
        Entry_("notebooks/tahunan_ikhtisar.ipynb", depan=True),
        Entry_("notebooks/tahunan_bab1.ipynb"),
        Entry_("notebooks/tahunan_bab2.ipynb"),
        Entry_("notebooks/tahunan_bab3a.ipynb", bagian="BAB III Akuntabilitas Kinerja"),
        Entry_("notebooks/tahunan_bab3b.ipynb", bagian="BAB III Akuntabilitas Kinerja"),
        Entry_("notebooks/tahunan_bab4.ipynb"),
    ]
)


def _numbered(outline: Outline, kind: str, label: str, left_out: frozenset[str]) -> list[Entry]:
    """The tables (figures) of the annual chapters in reading order, numbered as the unit
    numbers its books ("Tabel 5", or with `tabel.penomoran: per_bab` "Tabel 3.2")."""
    items = [
        (chapter, i)
        for chapter in CHAPTERS
        for i in getattr(outline.defaults.bab.get(chapter.stem), kind, None) or []
        if i not in left_out
    ]
    numbers = outline.numbers(label, [chapter for chapter, _ in items])
    return [Entry(i, n, kind, outline.title(i)) for (_, i), n in zip(items, numbers, strict=True)]


def annual_catalog(inputs: Inputs, reg: Registry | None = None) -> Catalog:
    """Titles from buku.yml (a unit's `tabel.judul` overrides them, as in the quarterly book)."""
    params, profile = inputs.run.params, inputs.profile
    outline = Outline(inputs)
    no_standards = frozenset() if reg is None or has_standards(reg) else frozenset({"tbl-standar"})
    tables = _numbered(outline, "tabel", "Tabel", no_standards)
    entries = [*tables, *_numbered(outline, "gambar", "Gambar", frozenset())]
    appendix = ["lampiran-pk", *(["lampiran-jejak"] if params.trace_appendix else [])]
    people = {"kepala": profile.kepala.jabatan, "atasan": profile.atasan.jabatan}
    entries += [
        Entry(
            i,
            f"Lampiran {fmt.roman(n)}",
            "lampiran",
            outline.title(i, **people),
            i == "lampiran-jejak",
        )
        for n, i in enumerate(appendix, start=1)
    ]
    return Catalog(entries)
