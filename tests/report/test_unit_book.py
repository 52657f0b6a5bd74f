"""A unit's own book configuration (unit.yml `bab`, `istilah`, `tabel`) through a real build:
headings, per-chapter table numbers, titles and terms in the HTML, the PDF, the DOCX and the
XLSX. One pandoc build of the small fictional unit, in its own copy of the project."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from lkj.render.build import build

from .conftest import Report, copy_project

RUN = "nusantara-2025-tw1"
UNIT_YML = """\
istilah: {iku: IKK, iku_panjang: Indikator Kinerja Kegiatan}
tabel:
  penomoran: per_bab
  judul: {tbl-iku: "Capaian {iku} Nomor {nomor}"}
bab:
  - {berkas: notebooks/index.ipynb, depan: true}
  - {berkas: notebooks/ringkasan.ipynb, depan: true}
  - {berkas: notebooks/bab1.ipynb, judul: "BAB {bab} Pendahuluan"}
  - {berkas: notebooks/bab2a_capaian.ipynb, bagian: "BAB {bab} Hasil Kinerja"}
  - {berkas: notebooks/bab2b_evaluasi.ipynb, bagian: "BAB {bab} Hasil Kinerja"}
  - {berkas: notebooks/bab3.ipynb}
  - {berkas: notebooks/lampiran1_pk.ipynb, lampiran: true}
  - {berkas: notebooks/lampiran8_jejak.ipynb, lampiran: true}
"""


@pytest.fixture(scope="module")
def unit_book(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = copy_project(tmp_path_factory.mktemp("unitbook") / "lkj")
    (root / "data/nusantara/unit.yml").write_text(UNIT_YML, encoding="utf-8")
    out = build(root / "params" / f"{RUN}.yml", renderer="pandoc", progress=False)
    return Report(root, out, RUN)


def test_the_units_chapters_and_nothing_else(unit_book: Report) -> None:
    pages = sorted(p.name for p in unit_book.html.glob("*.html"))
    assert "bab2c_anggaran.html" not in pages and "bab2d_perbandingan.html" not in pages
    assert "lampiran2_penempatan.html" not in pages  # the unit has the data, not the chapter
    bab1 = (unit_book.html / "bab1.html").read_text(encoding="utf-8")
    assert "BAB I Pendahuluan" in bab1 and "Perencanaan Kinerja" not in bab1
    lists = (unit_book.html / "daftar-isi.html").read_text(encoding="utf-8")
    assert "BAB II Hasil Kinerja" in lists and "BAB III Permasalahan" in lists
    assert "Lampiran II" in lists and "Lampiran III" not in lists  # PK and Jejak Angka only


def test_per_chapter_numbers_titles_and_terms_in_html_and_pdf(unit_book: Report) -> None:
    capaian = (unit_book.html / "bab2a_capaian.html").read_text(encoding="utf-8")
    assert '<span class="lkj-table-number">Tabel 2.1</span>' in capaian
    assert ">IKK<" in capaian  # the table's header
    lists = (unit_book.html / "daftar-isi.html").read_text(encoding="utf-8")
    assert "Tabel 1.1" in lists and "Tabel 2.3" in lists and "Capaian IKK Nomor 1" in lists
    pdf = " ".join(p.extract_text() for p in PdfReader(unit_book.pdf).pages)
    assert "Tabel 2.1" in pdf and "Capaian IKK Nomor 1" in pdf and "BAB I Pendahuluan" in pdf
    assert "Indikator Kinerja Kegiatan (IKK)" in " ".join(pdf.split())


def test_per_chapter_numbers_in_docx_and_xlsx(unit_book: Report) -> None:
    sheets = load_workbook(unit_book.out / f"{RUN}.xlsx", read_only=True).sheetnames
    assert {"Tabel 1", "Tabel 1.1", "Tabel 2.1", "Tabel 2.2"} <= set(sheets)
    with zipfile.ZipFile(unit_book.out / f"{RUN}.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "Tabel 2.1" in body and "Capaian IKK Nomor 1" in body
