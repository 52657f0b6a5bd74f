"""Sections of the book that repeat per sasaran or per IKU, so notebooks hold no loops.

Each function emits its content through lkj.book.display, in the order the book shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lkj.book import display as d

if TYPE_CHECKING:
    from lkj.book.core import Book


def evaluation(book: Book) -> None:
    """BAB II B per sasaran: each IKU's table, "a. Informasi Kinerja", "b. Evaluasi Kinerja"."""
    for number, sasaran, ikus in book.sasaran_groups():
        heading = book.heading("sasaran", nomor=number, uraian=sasaran.uraian)
        d.heading(heading["text"], heading["level"], id=f"sasaran-{number}")
        for iku in ikus:
            d.heading(iku.nama, 3, id=f"evaluasi-{iku.key}")
            d.table(book.tables.iku(iku))
            d.markdown(f"**{d.escape_markdown(book.label('informasi-kinerja'))}**")
            d.markdown(d.escape_markdown(iku.informasi_kinerja))  # pk.yml text: no markup
            d.markdown(f"**{d.escape_markdown(book.label('evaluasi-iku'))}**")
            d.markdown(book.writer.evaluation(iku))
            d.markdown(book.iku_text(iku))
            if chart := book.iku_chart(iku):
                d.figure(**chart)


def summary(book: Book) -> None:
    """Ringkasan Eksekutif: the sentence leading in, then one paragraph per IKU, in PK order."""
    unit = d.escape_markdown(book.profile.nama_singkat)  # text from profil.yml: no markup
    d.markdown(
        f"Capaian {book.terms['iku']} {unit} {book.quarter_label} tahun {book.params.year} "
        "adalah sebagai berikut:"
    )
    for iku in book.pk.iku:
        d.markdown(f"**{iku.nomor}. {d.escape_markdown(iku.nama)}**")
        d.markdown(book.writer.summary(iku))


def kepulangan(book: Book) -> None:
    """Lampiran of returned workers: aggregates; the named list only in the internal edition."""
    for spec in book.tables.lampiran_kepulangan():
        d.table(spec)
    if not book.public:
        d.table(book.tables.lampiran_kepulangan_internal())


def verifikasi(book: Book) -> None:
    """Lampiran of verification events: the list, or the recap with its note above the cap."""
    for spec in book.tables.lampiran_verifikasi():
        d.table(spec)
    note = book.verification_note()  # only when the list is over params appendix_max_rows
    if note:
        d.markdown(note)
