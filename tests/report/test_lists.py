"""Daftar Tabel and Daftar Lampiran come from one catalogue and agree in HTML and PDF."""

from __future__ import annotations

import html
import re

from pypdf import PdfReader

from lkj.book.catalog import build_catalog
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run


def html_list(report, heading: str) -> list[tuple[str, str]]:
    page = (report.html / "daftar-isi.html").read_text(encoding="utf-8")
    part = page[page.index(f"{heading}</h2>") :]
    part = part[: part.index("</table>")]
    rows = re.findall(r'<th scope="row">([^<]+)</th><td><a [^>]*>(.*?)</a>', part, re.S)
    return [(n, html.unescape(re.sub(r"\s+", " ", t)).strip()) for n, t in rows]


def test_html_lists_equal_the_catalogue(public):
    catalog = build_catalog(load_inputs(load_run(public.root / "params" / f"{public.run}.yml")))
    tables = [(e.number, e.title) for e in catalog.tables()]
    appendices = [(e.number, e.title) for e in catalog.appendices()]
    assert html_list(public, "Daftar Tabel") == tables
    assert html_list(public, "Daftar Lampiran")[: len(appendices)] == appendices


def test_pdf_lists_the_same_numbers(public):
    pages = [p.extract_text() or "" for p in PdfReader(public.pdf).pages]
    # the page whose title (first line under the running header) is the list, not Daftar Isi
    daftar_tabel = next(p for p in pages if "\nDAFTAR TABEL\n" in p)
    numbers = [int(n) for n in re.findall(r"^Tabel (\d+)", daftar_tabel, re.M)]
    assert numbers == list(range(1, len(html_list(public, "Daftar Tabel")) + 1))
    daftar_lampiran = next(p for p in pages if "\nDAFTAR LAMPIRAN\n" in p)
    romans = re.findall(r"^Lampiran ([IVX]+)\b", daftar_lampiran, re.M)
    assert romans == [n.split()[1] for n, _ in html_list(public, "Daftar Lampiran")]
