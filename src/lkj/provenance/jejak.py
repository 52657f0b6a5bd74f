"""The "Jejak Angka" appendix: every value of the run with its lineage, as TableSpecs.

Every number of the PDF links here (typst `lkj-value` → label "jejak:<id>"); the HTML book
has the same list, its values clickable into the provenance panel. The appendix lists all
values of the registry, not only the ones a page shows: the notebooks run in parallel, so
none knows what the others display, and the inputs of a shown value (e.g. a capaian before
its cap) belong to its lineage anyway. values.json says which are shown where.

The files' sha256 are not computed here: each is a mark (lkj.book.digestmark) that the build
fills in when it assembles the book (lkj.render.digestfill). So this appendix depends on
which files the run has, not on what they hold (docs/performance.md, rule 5): editing a text
no longer runs it again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from lkj.book.digestmark import Sha256
from lkj.book.tablespec import Cell, TableSpec
from lkj.provenance.manifest import withheld_files
from lkj.provenance.record import sha256
from lkj.provenance.rows import line_ranges
from lkj.values.registry import Value

PREFIX = "jejak:"  # typst label / HTML id of an entry: "jejak:iku07.tw2.realisasi"
MAX_RANGES = 48  # characters of row ranges before "…": the full list is in values.json
SHORT = 12  # hex digits of a source file's sha256 in the value table
GROUPS = {
    "renstra": "Rencana strategis",
    "pk": "Perjanjian kinerja",
    "rata2": "Rata-rata capaian",
    "kegiatan": "Capaian per kegiatan",
    "anggaran": "Anggaran",
    "penempatan": "Lampiran: penempatan PMI",
    "pengaduan": "Lampiran: pengaduan",
    "kepulangan": "Lampiran: kepulangan PMI bermasalah",
    "verifikasi": "Lampiran: verifikasi dokumen",
    "ikpa": "IKPA",
}


def anchor(value_id: str) -> str:
    return PREFIX + value_id


def group_title(value_id: str, iku_names: dict[str, str]) -> str:
    head = value_id.split(".", 1)[0]
    if head in iku_names:
        return iku_names[head]
    return GROUPS.get(head, head)


def rows_text(rows: Iterable[int]) -> str:
    rows = list(rows)
    text = line_ranges(rows)
    if len(text) > MAX_RANGES:
        text = text[:MAX_RANGES].rsplit(",", 1)[0] + ", …"
    return f"{len(rows)} baris: {text}" if rows else "—"


def _source_cells(
    v: Value, files: Collection[str], withheld: frozenset[str] = frozenset()
) -> tuple[str, Cell | str]:
    # Public edition, personal data: the count only (line numbers could be intersected).
    where = [
        f"{Path(s.file).name}, "
        + (f"{len(s.rows)} baris" if s.file in withheld else rows_text(s.rows))
        for s in v.sources
    ]
    short: tuple[str | Sha256, ...] = tuple(
        Sha256(s.file, SHORT) if s.file in files else "?" for s in v.sources
    )
    shown = Cell("sha256", digests=short) if short else "—"
    return "\n".join(where) or "—", shown


def files_table(files: Iterable[str], table_id: str = "tbl-jejak-berkas") -> TableSpec:
    body: list[list[Cell | str]] = [
        [name, Cell("sha256", align="left", digests=(Sha256(name),))] for name in files
    ]
    return TableSpec(
        id=table_id,
        caption="Berkas masukan dan sidik sha256-nya",
        header=[["Berkas", "sha256"]],
        body=body,
        widths=(2, 3),
        font_size=7,
        note="Berkas yang berbeda satu byte pun memberi sidik yang lain sama sekali; "
        "periksa dengan perintah sha256sum BERKAS.",
    )


def values_table(
    values: Iterable[Value],
    files: Collection[str],
    iku_names: dict[str, str],
    withheld: frozenset[str] = frozenset(),
) -> TableSpec:
    header = [
        ["Id", "Uraian", "Nilai", "Rumus", "Dihitung dari", "Sumber (berkas, baris)", "sha256"]
    ]
    body: list[list[Cell | str]] = []
    group = None
    for v in values:
        title = group_title(v.id, iku_names)
        if title != group:
            body.append([Cell(title, colspan=7, bold=True, align="left")])
            group = title
        where, short = _source_cells(v, files, withheld)
        formula = v.formula + (f"\n({v.note})" if v.note else "")
        body.append(
            [
                Cell(v.id, anchor=anchor(v.id)),
                v.label,
                # In the PDF this number would link to the row it stands in: no link, which
                # also spares typst ≈ 65 MB and 0,3 s (HTML keeps the click into the panel).
                Cell.of(v, unit=True, pdf_link=False),
                formula or "nilai dari data",
                ", ".join(v.inputs) or "—",
                where,
                short,
            ]
        )
    return TableSpec(
        id="tbl-jejak",
        caption="",
        header=header,
        body=body,
        widths=(2.3, 2.6, 1.1, 2.6, 2.3, 2.6, 1.2),
        align=("left", "left", "right", "left", "left", "left", "left"),
        font_size=6.5,
    )


def jejak_tables(book) -> list[TableSpec]:  # book: lkj.book.core.Book (import cycle otherwise)
    files = book.reads.file_names()  # which files the run has: their hashes come later
    term = book.inputs.unit.istilah.iku  # the unit's word for IKU (unit.yml `istilah`)
    names = {i.key: f"{term} {i.nomor}" for i in book.pk.iku}
    withheld = frozenset(withheld_files(book.inputs, files))
    return [files_table(files), values_table(book.reg, files, names, withheld)]


def intro(book) -> str:
    run = book.run
    params = run.shown(run.params_path)
    return (
        "Lampiran ini mencantumkan setiap angka buku ini beserta "
        "asal-usulnya: rumus, nilai lain yang menjadi masukannya, berkas data dan nomor baris "
        "yang dipakai, serta sidik sha256 berkas itu. Di PDF, angka pada tabel dan kalimat "
        "dapat diklik untuk menuju entrinya di sini; di buku HTML, klik sebuah angka untuk "
        "membuka panel jejaknya sampai ke baris data. Run ini memakai parameter "
        f"`{params}` (sha256 `{sha256(run.params_path)[:12]}…`). Rekaman build lengkap "
        "(commit, versi perangkat lunak) ada di `values.json` di samping buku; "
        "`lkj trace` menampilkan jejak satu angka di terminal."
    )
