"""The one list of numbered tables, figures and appendices of a run (Daftar Tabel, Daftar
Gambar, Daftar Lampiran).

Numbers follow from the PK (one table per IKU) and from which appendices the run has, so a
unit with six IKUs gets different numbers than one with thirteen — from the same code.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkj.book.outline import Outline
from lkj.inputs import buku
from lkj.inputs.buku import Entry as Entry_
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
    """Keys of the IKUs whose evaluation shows a monthly chart: those measured on a dataset
    of buku.yml / unit.yml `grafik_bulanan` (the BP3MI book: counts of placements)."""
    datasets = set(Outline(inputs).monthly_chart_datasets())
    return [i.key for i in inputs.pk.iku if i.sumber.dataset in datasets]


def _expanded(inputs: Inputs, shown: list[tuple[Entry_, str]]) -> list[tuple[Entry_, str, str]]:
    """(chapter, id, title) with the generic ids made one per IKU (charted IKU)."""
    outline, charted = Outline(inputs), charted_ikus(inputs)
    out = []
    for chapter, entry_id in shown:
        if entry_id == buku.IKU_TABLE:
            out += [
                (
                    chapter,
                    iku_table_id(i.key),
                    outline.title(iku_table_id(i.key), entry_id, nomor=i.nomor),
                )
                for i in inputs.pk.iku
            ]
        elif entry_id == buku.IKU_FIGURE:
            out += [
                (chapter, iku_figure_id(k), outline.title(iku_figure_id(k), entry_id))
                for k in charted
            ]
        else:
            out.append((chapter, entry_id, outline.title(entry_id)))
    return out


def _numbered(inputs: Inputs, kind: str, label: str) -> list[Entry]:
    """The tables (figures) of the book's chapters in reading order, numbered; each title
    says which comparison it shows (this quarter, s.d. this quarter, against which target)."""
    outline = Outline(inputs)
    items = _expanded(inputs, outline.shown(kind))
    numbers = outline.numbers(label, [chapter for chapter, _, _ in items])
    return [
        Entry(entry_id, number, kind, title)
        for (_, entry_id, title), number in zip(items, numbers, strict=True)
    ]


# appendix → the dataset it shows (no data file, no appendix)
APPENDIX_DATA = {
    "lampiran-penempatan": "penempatan",
    "lampiran-pengaduan": "pengaduan",
    "lampiran-kepulangan": "kepulangan",
    "lampiran-verifikasi": "verifikasi",
    "lampiran-ikpa": "ikpa",
}
WIDE = frozenset({"lampiran-penempatan", "lampiran-pengaduan", "lampiran-jejak"})


def _appendix_ids(inputs: Inputs) -> list[str]:
    """The appendices this run has, in book order: the PK, one per dataset present, the
    reconciliation notes and Jejak Angka when the params ask for them; only those whose
    notebook is in the book's chapters (an appendix buku.yml does not know is kept)."""
    params = inputs.run.params
    ids = ["lampiran-pk", *(a for a, d in APPENDIX_DATA.items() if d in inputs.tables)]
    if params.reconciliation_appendix and params.published_figures:
        ids.append("lampiran-rekonsiliasi")
    if params.trace_appendix:
        ids.append("lampiran-jejak")
    outline = Outline(inputs)
    known = {i for nb in outline.defaults.bab.values() for i in nb.lampiran}
    shown = {i for _, i in outline.shown("lampiran")}
    return [i for i in ids if i in shown or i not in known]


def build_catalog(inputs: Inputs) -> Catalog:
    entries = _numbered(inputs, "tabel", "Tabel") + _numbered(inputs, "gambar", "Gambar")
    outline, profile = Outline(inputs), inputs.profile
    wide = set(WIDE)
    if inputs.run.params.edition == "internal":
        wide.add("lampiran-kepulangan")  # the full list has seven text columns
    entries += [
        Entry(
            i,
            f"Lampiran {fmt.roman(n)}",
            "lampiran",
            outline.title(i, kepala=profile.kepala.jabatan, atasan=profile.atasan.jabatan),
            i in wide,
        )
        for n, i in enumerate(_appendix_ids(inputs), start=1)
    ]
    return Catalog(entries)
