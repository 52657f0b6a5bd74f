"""The Word and Excel editions of the real report, checked with real clients.

DOCX: LibreOffice (headless) converts it to PDF once (module fixture); that PDF has the
cover, about as many pages as the typst PDF, every table caption, lists whose page numbers
are the pages the items stand on, and every number of the main tables unbroken.
XLSX: every number cell equals the registry value as the book shows it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from lkj.book.core import Book
from lkj.render.docx_tables import cell_texts
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


@dataclass(frozen=True)
class OfficePdf:
    """The Word edition as LibreOffice prints it: one text per page."""

    pages: list[str]

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.pages).split())

    def label(self, page: int) -> str:
        """The page number printed in the footer (the page's last line)."""
        lines = self.pages[page].strip().splitlines()
        return lines[-1].strip() if lines else ""

    def find(self, pattern: str, skip: set[int] = frozenset()) -> int:
        """The first page (0-based) with a line matching pattern, outside `skip`."""
        rx = re.compile(pattern, re.M)
        for i, text in enumerate(self.pages):
            if i not in skip and rx.search(text):
                return i
        raise AssertionError(f"no page with {pattern!r}")


@pytest.fixture(scope="module")
def office_pdf(public: Report, tmp_path_factory: pytest.TempPathFactory) -> OfficePdf:
    """The DOCX converted once by LibreOffice (shared by the tests of this module)."""
    soffice = _soffice()
    out = tmp_path_factory.mktemp("docx")
    docx = public.out / f"{public.run}.docx"
    # A private profile folder: parallel or earlier LibreOffice runs cannot lock it.
    profile = f"-env:UserInstallation=file://{out / 'profile'}"
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    reader = PdfReader(out / f"{public.run}.pdf")
    return OfficePdf([page.extract_text() or "" for page in reader.pages])


def test_docx_is_a4_with_page_numbers(public: Report) -> None:
    with zipfile.ZipFile(public.out / f"{public.run}.docx") as z:
        document = z.read("word/document.xml").decode("utf-8")
        settings = z.read("word/settings.xml").decode("utf-8")
        names = z.namelist()
    page = re.search(r"<w:pgSz [^>]*/>", document)
    assert page and 'w:w="11906"' in page.group(0) and 'w:h="16838"' in page.group(0)  # A4
    assert 'w:orient="landscape"' in document
    assert (
        'w:fmt="lowerRoman" w:start="1"' in document and 'w:fmt="decimal" w:start="1"' in document
    )
    assert "PAGEREF _Lkj" in document  # the lists' page numbers, cached for Word
    assert "updateFields" not in settings  # LibreOffice measured them: nothing to update
    assert any(n.startswith("word/lkj-footer") for n in names)
    assert sum(n.startswith("word/media/") for n in names) >= 3  # the figures


def test_docx_through_libreoffice_holds_tables_and_figures(office_pdf: OfficePdf) -> None:
    text = office_pdf.text
    for caption in ("Tabel 1 ", "Tabel 3 ", "Tabel 18 ", "Tabel 19 ", "Kata Pengantar"):
        assert caption in text
    assert "7.375" in text  # TW II placements (Tabel 3/4, Lampiran II)
    assert "1.779.201.134" in text  # budget spent (Tabel 18)
    assert "Capaian IKU Triwulan II dan s.d. Triwulan II" in text  # a figure caption


def test_docx_pages_within_a_quarter_of_the_pdf(public: Report, office_pdf: OfficePdf) -> None:
    typst_pages = len(PdfReader(public.pdf).pages)
    assert abs(len(office_pdf.pages) - typst_pages) <= 0.25 * typst_pages, (
        len(office_pdf.pages),
        typst_pages,
    )


def test_docx_cover(office_pdf: OfficePdf) -> None:
    cover = " ".join(office_pdf.pages[0].split())
    for shown in ("2025", "LAPORAN KINERJA", "Triwulan II", "BP3MI JAWA TENGAH", "KEMENTERIAN"):
        assert shown in cover
    assert not re.fullmatch(r"[0-9ivx]+", office_pdf.label(0))  # no page number on the cover
    assert office_pdf.label(1) == "i"  # the front matter counts from i


def _numbers(public: Report) -> list[str]:
    book = Book.open(public.root / "params" / f"{public.run}.yml")
    return [name for name, _, _ in book_tables(book) if re.fullmatch(r"Tabel \d+", name)]


def test_docx_every_table_caption(public: Report, office_pdf: OfficePdf) -> None:
    numbers = _numbers(public)
    assert numbers == [f"Tabel {n}" for n in range(1, len(numbers) + 1)] and len(numbers) >= 19
    for number in numbers:  # the caption: the number alone on its line, over the title
        office_pdf.find(rf"^{number}$")


def _list_pages(pdf: OfficePdf) -> dict[str, int]:
    return {
        title: pdf.find(rf"^{title}$")
        for title in ("Daftar Isi", "Daftar Tabel", "Daftar Gambar", "Daftar Lampiran")
    }


def test_docx_lists_hold_the_right_page_numbers(public: Report, office_pdf: OfficePdf) -> None:
    lists = _list_pages(office_pdf)
    skip = set(lists.values())
    tables = " ".join(office_pdf.pages[lists["Daftar Tabel"]].split())
    listed = dict(re.findall(r"(Tabel \d+) .*?\.{3,} ?(\d+|[ivxl]+)\b", tables))
    assert list(listed) == _numbers(public)
    for number, page in listed.items():
        assert office_pdf.label(office_pdf.find(rf"^{number}$", skip)) == page, number
    contents = " ".join(office_pdf.pages[lists["Daftar Isi"]].split())
    entries = dict(re.findall(r"((?:BAB [IV]+|Lampiran [IVX]+) [^.]*?)\.{3,} ?(\d+)\b", contents))
    assert sum(k.startswith("BAB") for k in entries) == 3 and len(entries) >= 10
    for title, page in entries.items():
        head = re.escape(title.split()[0] + " " + title.split()[1]) + " "
        assert office_pdf.label(office_pdf.find(rf"^{head}", skip)) == page, title
    assert re.search(r"Kata Pengantar\.{3,} ?i\b", contents)  # roman in the front matter
    figures = " ".join(office_pdf.pages[lists["Daftar Gambar"]].split())
    assert len(re.findall(r"\.{3,} ?\d+\b", figures)) >= 4


def _docx_table(document: str, number: str) -> str:
    at = document.index(f">{number}</w:t><w:br/>")
    start = document.index("<w:tbl>", at)
    return document[start : document.index("</w:tbl>", start)]


def test_docx_figures_whole_in_their_cells(public: Report, office_pdf: OfficePdf) -> None:
    values = json.loads((public.out / "values.json").read_text(encoding="utf-8"))["values"]
    with zipfile.ZipFile(public.out / f"{public.run}.docx") as z:
        document = z.read("word/document.xml").decode("utf-8")
    book = Book.open(public.root / "params" / f"{public.run}.yml")
    specs = {name: spec for name, _, spec in book_tables(book)}
    checked = 0
    for number in ("Tabel 1", "Tabel 3", "Tabel 4", "Tabel 18"):
        spec = specs[number]
        cells = [c for row in (*spec.header_rows, *spec.body_rows) for c in row]
        shown = cell_texts(_docx_table(document, number))
        assert shown == [" ".join(c.text.split()) for c in cells], number
        first = office_pdf.find(rf"^{number}$")
        pages = " ".join(" ".join(office_pdf.pages[first : first + 3]).split())
        for cell in cells:
            if not cell.value_id:
                continue
            value = values[cell.value_id]
            assert cell.text in (value["display"], value["display_with_unit"]), cell.value_id
            # unbroken on the page: as often as the table shows it (a "10 0%" counts not)
            expected = sum(c.text == cell.text for c in cells)
            assert pages.count(cell.text) >= expected, (number, cell.text)
            checked += 1
    assert checked > 100


def test_internal_docx_marks_pages_terbatas(public: Report, internal: Report) -> None:
    for report, marked in ((internal, True), (public, False)):
        with zipfile.ZipFile(report.out / f"{report.run}.docx") as z:
            for part in ("word/lkj-header.xml", "word/lkj-footer.xml"):
                assert ("TERBATAS" in z.read(part).decode("utf-8")) is marked


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
