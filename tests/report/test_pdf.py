"""The PDF of the default report: every table, the key figures, no lost glyphs, A4."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader


@pytest.fixture(scope="module")
def pages(public) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(public.pdf).pages]


@pytest.fixture(scope="module")
def text(pages) -> str:
    return re.sub(r"\s+", " ", " ".join(pages))


def test_a4_and_numbered(public, pages):
    reader = PdfReader(public.pdf)
    box = reader.pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert len(pages) > 20
    # a page number in the footer of a body page (arabic) and of the front matter (roman)
    assert any(re.search(r"\n\s*ii\s*$", p) for p in pages)
    assert any(re.search(r"\n\s*1\s*$", p) for p in pages)


def test_every_table_caption_of_the_reference_report(text):
    for n in range(1, 19):
        assert f"Tabel {n}" in text, n
    assert "Capaian Anggaran dan Kinerja Triwulan II Tahun 2025" in text
    for title in ("Daftar Isi", "Daftar Tabel", "Daftar Lampiran"):
        assert title.upper() in text.upper()


def test_appendix_tables(text):
    for roman in ("I", "II", "III", "IV", "V", "VI", "VII"):
        assert f"Lampiran {roman}" in text.replace("LAMPIRAN", "Lampiran")
    for title in (
        "DATA PELAKSANAAN OPP",
        "REKAPITULASI PENANGANAN KASUS",
        "IKPA",
        "CATATAN REKONSILIASI",
    ):
        assert title in text.upper()


@pytest.mark.parametrize(
    "figure",
    [
        "7.375",
        "23,79%",
        "13.871",
        "44,74%",
        "25.488",
        "109,98%",
        "94,48",
        "Rp 1.779.201.134,00",
        "25,61%",
        "33,64%",
        "106,2%",
        "16,96%",
        "45,24%",
    ],
)
def test_key_figures(text, figure):
    assert figure in text


def test_no_lost_glyphs(public, text):
    # typst draws a character it has no glyph for as an empty box, without a warning; such a
    # character then cannot be extracted from the PDF. Every non-ASCII letter or sign of the
    # typst source must come back out of the PDF.
    source = (public.root / "_build" / public.run / "typst" / "main.typ").read_text("utf-8")
    wanted = {c for c in source if ord(c) > 127 and not c.isspace()}
    assert {"–", "“", "”"} <= wanted  # the book does use non-ASCII punctuation
    missing = sorted(c for c in wanted if c not in text)
    assert missing == []
    assert "\ufffd" not in text


def test_signature_blocks(text):
    assert "PUJIONO, S.H., M.H." in text
    assert "Semarang, Juli 2025" in text
    assert "Pihak Kedua" in text and "Pihak Pertama" in text
