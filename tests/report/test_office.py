"""The Word and Excel editions of the real report, checked with real clients.

DOCX: LibreOffice (headless) converts it to PDF, and that PDF holds the book's tables and
figures. XLSX: every number cell equals the registry value as the book shows it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkj.book.core import Book
from lkj.render.xlsx import book_tables, list_sheets
from lkj.values import formatting as fmt

from .conftest import Report


def _soffice() -> str:
    found = shutil.which("soffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("soffice tidak ada di CI: make test memasang libreoffice-writer-nogui")
    pytest.skip("LibreOffice (soffice) tidak terpasang dan tidak dapat dipasang tanpa root")


@pytest.fixture(scope="module")
def docx_pdf_text(public: Report, tmp_path_factory: pytest.TempPathFactory) -> str:
    soffice = _soffice()
    out = tmp_path_factory.mktemp("docx")
    docx = public.out / f"{public.run}.docx"
    # A private profile folder: parallel or earlier LibreOffice runs cannot lock it.
    profile = f"-env:UserInstallation=file://{out / 'profile'}"
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = out / f"{public.run}.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text


def test_docx_is_a4_with_page_numbers_and_toc(public: Report) -> None:
    with zipfile.ZipFile(public.out / f"{public.run}.docx") as z:
        document = z.read("word/document.xml").decode("utf-8")
        names = z.namelist()
    page = re.search(r"<w:pgSz [^>]*/>", document)
    assert page and 'w:w="11906"' in page.group(0) and 'w:h="16838"' in page.group(0)  # A4
    assert "TOC \\o" in document  # Daftar Isi field, filled in by Word
    assert any(n.startswith("word/footer") for n in names)
    assert sum(n.startswith("word/media/") for n in names) >= 3  # the figures


def test_docx_through_libreoffice_holds_tables_and_figures(docx_pdf_text: str) -> None:
    text = " ".join(docx_pdf_text.split())
    for caption in ("Tabel 1 ", "Tabel 3 ", "Tabel 18 ", "Tabel 19 ", "Kata Pengantar"):
        assert caption in text
    assert "7.375" in text  # TW II placements (Tabel 3/4, Lampiran II)
    assert "1.779.201.134" in text  # budget spent (Tabel 18)
    assert "Capaian IKU Triwulan II dan s.d. Triwulan II" in text  # a figure caption


def test_xlsx_numbers_equal_registry(public: Report) -> None:
    wb = load_workbook(public.out / f"{public.run}.xlsx")
    book = Book.open(public.root / "params" / f"{public.run}.yml")
    tables = book_tables(book)
    # Full-list sheets of capped appendices hold raw data rows, not registry values: they are
    # checked against the CSV in tests/test_xlsx_export.py; every other sheet is a book table.
    raw = {sheet.name for sheet in list_sheets(book)}
    assert [n for n, _, _ in tables] == [n for n in wb.sheetnames if n not in raw]
    assert wb.sheetnames[:19] == [f"Tabel {n}" for n in range(1, 20)]
    checked = 0
    for name, _, spec in tables:
        ws = wb[name]
        cells = [c for row in ws.iter_rows(min_row=3) for c in row if c.value is not None]
        typed = [c for c in cells if isinstance(c.value, int | float)]
        ids = [c.value_id for row in (*spec.header_rows, *spec.body_rows) for c in row]
        values = [book.reg[i] for i in ids if i and book.reg[i].kind != "category"]
        numeric = [v for v in values if isinstance(v.value, int | float)]
        assert len(typed) == len(numeric), name
        for cell, value in zip(typed, numeric, strict=True):
            decimals, mode = book.reg.rounding_for(value.id)
            shown = float(fmt.round_decimal(value.value, decimals, mode))
            expected = shown / 100 if value.kind == "percent" else shown
            assert cell.value == pytest.approx(expected, abs=1e-12), (name, value.id)
            checked += 1
    assert checked > 300
    tabel3 = wb["Tabel 3"]
    formats = {c.number_format for row in tabel3.iter_rows(min_row=3) for c in row}
    assert any(f.startswith("0.00%") for f in formats) and any("#,##0" in f for f in formats)


def test_outputs_listed(public: Report) -> None:
    assert Path(public.out / f"{public.run}.docx").stat().st_size > 20_000
    assert Path(public.out / f"{public.run}.xlsx").stat().st_size > 10_000
