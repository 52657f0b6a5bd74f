"""The page rules' pdfium reader reads what pdfplumber (the former reader, kept as an oracle
in tests/plumber_pages.py) reads: the same findings, tables, row bands and header rows."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
import typst
from plumber_pages import plumber_pages

from lkj.render.pagerules import _rule_page, check_pages
from lkj.render.pdfgeometry import read_pages

PAGE = '#set page(paper: "a4", margin: (top: 2.6cm, bottom: 2.4cm, x: 2.4cm), numbering: "1")\n'
OPENING = '#text(size: 14pt, weight: "bold")[BAB III PENUTUP]\n\n'
CAPTION = "#align(center)[*Tabel 7* \\ Judul]\n"


def _rows(n: int, cols: int = 2) -> str:
    cells = ", ".join(["[#(i + 1).]"] + ["[#lorem(6)]"] * (cols - 1))
    return f"..range({n}).map(i => ({cells})).flatten()"


def _table(rows: str, repeat: str = "true", breakable: str = "false", cols: int = 2) -> str:
    header = ", ".join(f"[*K{i}*]" for i in range(cols))
    return (
        f"#set table.cell(breakable: {breakable})\n"
        f"#table(columns: (1cm,) + ({cols - 1} * (1fr,)), stroke: 0.5pt,\n"
        "  fill: (_, y) => if y < 1 { luma(232) },\n"
        f"  table.header(repeat: {repeat}, {header}),\n  {rows}\n)\n"
    )


SPLIT_ROW = f"{_rows(30)}, [31.], [#lorem(300)], {_rows(3)}"
BOOKS = {
    # a continued table with its header repeated and a caption kept with it, a wide table on
    # a landscape page, a chapter opening
    "continued": f"#lorem(300)\n\n{CAPTION}{_table(_rows(50))}"
    f"#page(flipped: true)[{CAPTION}{_table(_rows(40, 6), cols=6)}]\n"
    f"{OPENING}Satu baris.\n",
    # a caption alone at the foot of a page, then a table whose header is not repeated
    "broken": f"#lorem(400)\n#v(1fr)\n{CAPTION}#pagebreak()\n{_table(_rows(60), repeat='false')}",
    # a row split over two pages, a page with two lines
    "split": _table(SPLIT_ROW, breakable="true")
    + "#pagebreak()\n#lorem(700)\n\nDua baris penutup.\n",
}


def _flat(pairs: Iterable[tuple[float, float]]) -> list[float]:
    return [value for pair in pairs for value in pair]


@pytest.fixture(scope="module", params=sorted(BOOKS))
def pdf(request, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp(request.param)
    (folder / "t.typ").write_text(PAGE + BOOKS[request.param], encoding="utf-8")
    typst.compile(str(folder / "t.typ"), output=str(folder / "t.pdf"))
    return folder / "t.pdf"


def test_both_readers_find_the_same(pdf):
    assert check_pages(read_pages(pdf)) == check_pages(plumber_pages(pdf))


def test_both_readers_see_the_same_tables_rows_and_header_rows(pdf):
    pages = [_rule_page(p) for p in read_pages(pdf)]
    oracle = [_rule_page(p) for p in plumber_pages(pdf)]
    assert len(pages) == len(oracle)
    assert sum(len(p.tables) for p in oracle) >= 2  # the PDF has tables to compare
    for page, expected in zip(pages, oracle, strict=True):
        assert [t.header for t in page.tables] == [t.header for t in expected.tables]
        for table, other in zip(page.tables, expected.tables, strict=True):
            assert _flat(table.rows) == pytest.approx(_flat(other.rows), abs=0.5)
            assert (table.x0, table.x1) == pytest.approx((other.x0, other.x1), abs=0.5)
        assert (page.images, page.opening, page.landscape) == (
            expected.images,
            expected.opening,
            expected.landscape,
        )


def test_both_readers_see_the_same_text_lines(pdf):
    for page, expected in zip(read_pages(pdf), plumber_pages(pdf), strict=True):
        assert [ln["text"] for ln in page.lines] == [ln["text"] for ln in expected.lines]
        bands = _flat((ln["top"], ln["bottom"]) for ln in page.lines)
        assert bands == pytest.approx(
            _flat((ln["top"], ln["bottom"]) for ln in expected.lines), abs=0.5
        )


def test_the_pdfs_break_the_rules_they_are_made_to_break(pdf):
    """So the comparison above compares findings, not two empty lists."""
    rules = {f.rule for f in check_pages(plumber_pages(pdf))}
    expected = {
        "continued": set(),
        "broken": {"judul-terpisah", "kepala-hilang"},
        "split": {"baris-terpotong", "halaman-pendek"},
    }
    assert expected[pdf.parent.name.rstrip("0123456789")] <= rules
