"""The PDF of the fixture build: A4, cover, lists with page numbers, glyphs, TERBATAS."""

from __future__ import annotations

import re

import pypdf
import pytest

from lkj.render.assemble import BookMeta
from lkj.render.typst import source_epoch

A4 = (595, 842)


@pytest.fixture(scope="module")
def pdf(built) -> pypdf.PdfReader:
    return pypdf.PdfReader(built.pdf)


@pytest.fixture(scope="module")
def texts(pdf) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


def page_with(texts: list[str], heading: str) -> int:
    return next(i for i, t in enumerate(texts) if heading in t)


def test_a4_pages_and_one_landscape_appendix(pdf, texts) -> None:
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages]
    landscape = page_with(texts, "LAMPIRAN I\n")
    for i, size in enumerate(sizes):
        assert size == (A4[::-1] if i == landscape else A4), (i, size)


def test_cover_then_roman_front_matter_then_arabic(pdf, texts) -> None:
    assert "LAPORAN KINERJA" in texts[0] and "BALAI CONTOH JAWA TENGAH" in texts[0]
    assert "Triwulan II" in texts[0] and "2025" in texts[0]
    labels = pdf.page_labels
    assert labels[0] == ""  # the cover has no number
    assert labels[page_with(texts, "KATA PENGANTAR")] == "i"
    assert labels[page_with(texts, "BAB I CAPAIAN KINERJA")] == "1"
    assert labels[-1] == str(len(labels) - labels.index("1"))
    # the number is printed in the footer too
    bab1 = page_with(texts, "BAB I CAPAIAN KINERJA")
    assert texts[bab1].rstrip().endswith("\n1")


def entries(text: str) -> dict[str, str]:
    """'Tabel 1 Caption . . . . 1' lines -> {'Tabel 1 Caption': '1'}."""
    out = {}
    for line in text.splitlines():
        m = re.match(r"(.+?)\s*(?:\. ?)+\s*([ivx]+|\d+)$", line)
        if m:
            out[m.group(1).strip()] = m.group(2)
    return out


def test_daftar_isi_tabel_lampiran_with_page_numbers(texts) -> None:
    isi = entries(texts[page_with(texts, "DAFTAR ISI")])
    assert isi["Kata Pengantar"] == "i"
    assert isi["BAB I Capaian Kinerja"] == "1"
    assert isi["A. Capaian Triwulan"] == "1"
    # a part: its title is the chapter, its notebooks the sections (level 3 is not listed)
    assert isi["BAB II Bab Bertingkat"] == "3"
    assert isi["A. Bagian Pertama"] == "3" and isi["B. Bagian Kedua"] == "3"
    assert "Rincian" not in isi
    tabel = entries(texts[page_with(texts, "DAFTAR TABEL")])
    assert tabel == {
        "Tabel 1 Capaian IKU Triwulan II Tahun 2025": "1",
        "Tabel 2 Daftar Kegiatan (tabel panjang)": "1",
    }
    lampiran = entries(texts[page_with(texts, "DAFTAR LAMPIRAN")])
    assert lampiran == {
        "Lampiran I Data Pelaksanaan OPP Triwulan II Tahun 2025": "4",
        "Lampiran II Tabel Lampiran Bernomor": "5",
    }


def test_listed_page_numbers_are_where_the_content_is(pdf, texts) -> None:
    labels = pdf.page_labels
    assert labels[page_with(texts, "LAMPIRAN I\nDATA PELAKSANAAN OPP")] == "4"
    assert labels[page_with(texts, "BAB II BAB BERTINGKAT")] == "3"
    # the two notebooks of the part follow on one page: no page break between sections
    assert "B. Bagian Kedua" in texts[page_with(texts, "BAB II BAB BERTINGKAT")]


def test_reviewer_titles_and_code_are_left_out(texts) -> None:
    text = "\n".join(texts)
    assert "Notebook uji" not in text and "load_run" not in text


def test_captions_show_the_given_numbers_once(texts) -> None:
    body = "\n".join(texts[page_with(texts, "BAB I CAPAIAN KINERJA") :])
    assert "Tabel 1\nCapaian IKU Triwulan II Tahun 2025" in body
    assert "Tabel 2\nDaftar Kegiatan (tabel panjang)" in body
    assert "Tabel 1:" not in body and "Gambar 1" not in body  # typst did not number them


def test_long_table_repeats_its_header(texts) -> None:
    pages = [t for t in texts if "Kegiatan contoh nomor" in t]
    assert len(pages) >= 2
    assert all("No Kegiatan Jumlah" in t for t in pages)


def test_indonesian_text_and_symbols_have_glyphs(texts) -> None:
    """A character no embedded font has would be missing from the text (an empty box)."""
    kata = texts[page_with(texts, "KATA PENGANTAR")]
    assert "“kutip”, – (en dash), ≥ 95, Σ skor × bobot, 25,61 %." in kata
    assert "7.375 Orang" in texts[page_with(texts, "BAB I CAPAIAN KINERJA")]


def test_public_edition_is_not_marked(texts) -> None:
    assert not any("TERBATAS" in t for t in texts)


def test_internal_edition_is_marked_on_every_page(built_internal) -> None:
    reader = pypdf.PdfReader(built_internal.pdf)
    for number, page in enumerate(reader.pages):
        assert "TERBATAS" in page.extract_text(), f"page {number + 1} is not marked"
    # and it has the appendix the public edition leaves out
    daftar = next(p.extract_text() for p in reader.pages if "DAFTAR LAMPIRAN" in p.extract_text())
    assert "Lampiran III Daftar Nama (terbatas)" in daftar


def test_fixed_timestamp(pdf, monkeypatch: pytest.MonkeyPatch) -> None:
    assert pdf.metadata["/CreationDate"] == "D:20250101000000Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")
    assert source_epoch(BookMeta(year=2025)) == 1751328000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert source_epoch(BookMeta(year=2024)) == 1704067200
