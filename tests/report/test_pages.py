"""Every book the shipped params build keeps the page rules, and numbers its figures once."""

from __future__ import annotations

import re

import pdfplumber

from lkj.render.pagerules import check_pdf


def test_every_built_book_keeps_the_page_rules(batch):
    assert len(batch.outputs) >= 9
    found = {
        run: [f.line() for f in check_pdf(out / f"{run}.pdf")] for run, out in batch.outputs.items()
    }
    assert {run: lines for run, lines in found.items() if lines} == {}


def test_figures_are_numbered_once_and_listed_in_html_and_pdf(batch):
    run = "jateng-2025-tw3"
    out = batch.outputs[run]
    lists = (out / "html" / "daftar-isi.html").read_text(encoding="utf-8")
    assert "Daftar Gambar" in lists
    listed = re.findall(r">(Gambar \d+)<", lists)
    assert listed == [f"Gambar {n}" for n in range(1, len(listed) + 1)] and len(listed) >= 3
    with pdfplumber.open(out / f"{run}.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "DAFTAR GAMBAR" in text
    for number in listed:
        # in Daftar Gambar and under the chart; typst adds no number of its own
        assert len(re.findall(rf"{number}\b", text)) == 2, number
        assert not re.search(rf"{number}\s+Gambar", text)
