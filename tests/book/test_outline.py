"""The unit's book configuration (unit.yml `bab`, `judul`, `istilah`, `tabel`) reaching the
book: chapter numbers, table numbers per chapter, title templates and terms."""

from __future__ import annotations

import pytest
from conftest import Project

from lkj.book.core import Book
from lkj.book.tablespec import TableSpec

BAB = """\
bab:
  - {berkas: notebooks/index.ipynb, depan: true}
  - {berkas: notebooks/ringkasan.ipynb, depan: true}
  - berkas: notebooks/bab1.ipynb
  - {berkas: notebooks/bab2a_capaian.ipynb, bagian: "BAB {bab} Akuntabilitas Kinerja"}
  - {berkas: notebooks/bab2b_evaluasi.ipynb, bagian: "BAB {bab} Akuntabilitas Kinerja"}
  - {berkas: notebooks/bab2c_anggaran.ipynb, bagian: "BAB {bab} Akuntabilitas Kinerja"}
  - {berkas: notebooks/bab2d_perbandingan.ipynb, bagian: "BAB {bab} Akuntabilitas Kinerja"}
  - berkas: notebooks/bab3.ipynb
  - {berkas: notebooks/lampiran1_pk.ipynb, lampiran: true}
"""


def notebooks(project: Project, *stems: str) -> None:
    """The chapter files unit.yml names (their content does not matter to the catalogue)."""
    project.path("notebooks").mkdir(exist_ok=True)
    for stem in stems:
        project.write(f"notebooks/{stem}.ipynb", "{}")


def open_book(project: Project, unit_yml: str) -> Book:
    notebooks(
        project,
        "index",
        "ringkasan",
        "bab1",
        "bab2a_capaian",
        "bab2b_evaluasi",
        "bab2c_anggaran",
        "bab2d_perbandingan",
        "bab3",
        "lampiran1_pk",
    )
    project.write("data/mini/unit.yml", unit_yml)
    return Book.open(project.params)


def header_text(spec: TableSpec) -> list[str]:
    return [getattr(c, "text", c) for row in spec.header for c in row]


def test_per_bab_numbers_tables_within_their_chapter(mini: Project) -> None:
    book = open_book(mini, BAB + "tabel: {penomoran: per_bab}\n")
    ikus = [i.key for i in book.pk.iku]
    numbers = {e.id: e.number for e in book.catalog.tables()}
    # front matter counts on its own; BAB I holds the PK; BAB II (A–D, one part) the rest
    assert numbers["tbl-ringkasan"] == "Tabel 1"
    assert numbers["tbl-pk"] == "Tabel 1.1"
    assert numbers["tbl-pengukuran"] == "Tabel 2.1"
    assert numbers["tbl-kumulatif"] == "Tabel 2.2"
    assert [numbers[f"tbl-{k}"] for k in ikus] == [f"Tabel 2.{n}" for n in range(3, 3 + len(ikus))]
    assert numbers["tbl-anggaran"] == f"Tabel 2.{3 + len(ikus)}"
    assert numbers["tbl-perbandingan"] == f"Tabel 2.{4 + len(ikus)}"
    assert book.catalog["gambar-capaian-iku"].number == "Gambar 2.1"
    # the caption the table carries (HTML, typst, DOCX and XLSX read it from the spec)
    assert book.tables.pengukuran().number == "Tabel 2.1"
    assert book.heading("bab-3")["text"] == "BAB III Permasalahan dan Tindak Lanjut"
    # the mini unit has the data of five more appendices, but their notebooks are not listed
    assert [(e.id, e.number) for e in book.catalog.appendices()] == [("lampiran-pk", "Lampiran I")]


def test_global_numbering_stays_the_default(mini: Project) -> None:
    book = open_book(mini, BAB)
    numbers = [e.number for e in book.catalog.tables()]
    assert numbers == [f"Tabel {n}" for n in range(1, len(numbers) + 1)]
    assert book.catalog["tbl-pk"].number == "Tabel 2"


def test_a_title_template_and_the_terms_make_the_iku_tables_titles(mini: Project) -> None:
    book = open_book(
        mini,
        "istilah: {iku: IKK, iku_panjang: Indikator Kinerja Kegiatan}\n"
        'tabel: {judul: {tbl-iku: "Capaian {iku} {nomor} Tahun {tahun}", '
        'lampiran-pk: "Perjanjian Kinerja {unit}"}}\n',
    )
    first = book.pk.iku[0]
    assert book.catalog[f"tbl-{first.key}"].title == f"Capaian IKK {first.nomor} Tahun 2025"
    assert book.catalog["lampiran-pk"].title == f"Perjanjian Kinerja {book.profile.nama_singkat}"
    # the set's own template takes the term too
    title = book.catalog["tbl-perbandingan"].title
    assert title.startswith("Perbandingan Realisasi dan Capaian IKK")


def test_a_term_reaches_a_heading_a_table_header_and_a_sentence(mini: Project) -> None:
    book = open_book(
        mini,
        "istilah: {iku: IKK, iku_panjang: Indikator Kinerja Kegiatan, sasaran: Sasaran Program}\n",
    )
    sasaran = book.pk.sasaran[0]
    heading = book.heading("sasaran", nomor=1, uraian=sasaran.uraian)
    assert heading["text"] == f"Capaian IKK pada Sasaran Program 1: {sasaran.uraian}"
    assert heading["level"] == 2
    assert "IKK" in header_text(book.tables.pengukuran())
    assert "Sasaran Program" in header_text(book.tables.anggaran())
    overview = book.writer.overview(book.profile.nama_singkat)
    assert "Indikator Kinerja Kegiatan (IKK)" in overview and "Sasaran Program" in overview
    assert "IKU" not in overview and "Strategis" not in overview


def test_a_units_chapter_list_with_its_own_headings(mini: Project) -> None:
    book = open_book(
        mini,
        "bab:\n"
        "  - {berkas: notebooks/index.ipynb, depan: true}\n"
        "  - {berkas: notebooks/bab3.ipynb, judul: 'BAB {bab} Pendahuluan'}\n"
        "  - berkas: notebooks/bab1.ipynb\n"
        "judul:\n"
        "  rencana-strategis: A. Rencana Strategis Labkes\n"
        "  kata-pengantar: {teks: Sambutan, tingkat: 1}\n"
        "tabel: {penomoran: per_bab}\n",
    )
    assert book.heading("bab-3") == {"text": "BAB I Pendahuluan", "level": 1, "id": "bab-3"}
    assert book.heading("bab-1")["text"] == "BAB II Perencanaan Kinerja"  # numbered by place
    assert book.heading("rencana-strategis")["text"] == "A. Rencana Strategis Labkes"
    assert book.heading("kata-pengantar")["text"] == "Sambutan"
    assert book.heading("permasalahan")["text"] == "A. Permasalahan"  # the set's default
    # only the tables of the listed chapters are in the book, numbered in BAB II
    assert [(e.id, e.number) for e in book.catalog.tables()] == [("tbl-pk", "Tabel 2.1")]


def test_an_unknown_heading_says_which_exist(mini: Project) -> None:
    book = open_book(mini, BAB)
    with pytest.raises(Exception, match="judul 'bab-9' tidak dikenal"):
        book.heading("bab-9")


def test_a_units_own_notebook_gets_its_chapter_heading_by_its_name(mini: Project) -> None:
    notebooks(mini, "inovasi")
    book = open_book(
        mini,
        "bab:\n"
        "  - {berkas: notebooks/index.ipynb, depan: true}\n"
        "  - berkas: notebooks/bab1.ipynb\n"
        "  - {berkas: notebooks/inovasi.ipynb, judul: 'BAB {bab} Inovasi Layanan'}\n",
    )
    assert book.heading("inovasi") == {
        "text": "BAB II Inovasi Layanan",
        "level": 1,
        "id": "inovasi",
    }
