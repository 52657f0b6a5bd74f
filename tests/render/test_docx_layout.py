"""The Word edition's own layout (docx_layout, docx_tables, docx_package, docx_pages),
checked on chapters written with lkj.display and read by pandoc as the build reads them.
LibreOffice is not needed here (tests/report/test_office.py uses it)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from lkj.book import display
from lkj.book.tablespec import Cell, TableSpec
from lkj.render import docx, docx_pages, pandoc
from lkj.render.assemble import BookMeta
from lkj.render.docx_layout import PLACEHOLDER, layout, page_field
from lkj.render.docx_ooxml import PORTRAIT_TEXT
from lkj.render.docx_tables import cell_texts, text_twips
from lkj.render.quarto import Chapter

WIDE = "1.779.201.134.000,00"  # one unbreakable number in a column given 5 % of the width


def _capture(monkeypatch: pytest.MonkeyPatch, calls) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(display, "_publish", lambda md, preview, plain: shown.append(md))
    for fn, args, kwargs in calls:
        fn(*args, **kwargs)
    return shown


def _notebook(path: Path, outputs: list[str]) -> Path:
    nb = new_notebook()
    cell = new_code_cell("")
    cell.outputs = [
        new_output("display_data", data={"text/markdown": md, "text/plain": ""}) for md in outputs
    ]
    nb.cells = [cell]
    nbformat.write(nb, path)
    return path


def _spec(landscape: bool = False, number: str = "Tabel 1") -> TableSpec:
    return TableSpec(
        id=f"tbl-{number.split()[-1].lower()}",
        caption="Capaian",
        number=number,
        header=[
            [Cell("No", rowspan=2), Cell("Uraian", rowspan=2), Cell("Nilai", colspan=2)],
            ["Target", "Realisasi"],
        ],
        body=[
            ["1.", "Pagu anggaran kegiatan", WIDE, "100%"],
            ["2.", "Realisasi", "7.375", "10,5%"],
        ],
        widths=(1, 14, 1, 1),
        landscape=landscape,
    )


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Chapter], list[pandoc.Ast]]:
    """Front matter (with a signature), a chapter with a landscape table, an appendix."""
    root = tmp_path_factory.mktemp("docx")
    mp = pytest.MonkeyPatch()
    try:
        front = _capture(
            mp,
            [
                (display.heading, ("Kata Pengantar",), {"id": "kata-pengantar"}),
                (display.markdown, ("Puji syukur.",), {}),
                (
                    display.signatures,
                    (
                        {
                            "above": "Semarang,\nJuli 2025",
                            "role": "Kepala",
                            "name": "NAMA",
                            "nip": "1967",
                        },
                    ),
                    {},
                ),
            ],
        )
        main = _capture(
            mp,
            [
                (display.heading, ("BAB I Pendahuluan",), {"id": "bab-1"}),
                (display.heading, ("A. Latar",), {"level": 2, "id": "latar"}),
                (display.table, (_spec(),), {}),
                (display.table, (_spec(landscape=True, number="Tabel 2"),), {}),
                (display.markdown, ("Sesudah tabel.",), {}),
            ],
        )
        appendix = _capture(
            mp,
            [
                (display.lampiran, ("Lampiran I", "Data", "lampiran-data"), {"landscape": True}),
                (
                    display.table,
                    (
                        TableSpec(
                            id="lampiran-data-tabel", caption="", header=[["A"]], body=[["1"]]
                        ),
                    ),
                    {},
                ),
            ],
        )
    finally:
        mp.undo()
    chapters, asts = [], []
    for i, (name, outputs, front_matter) in enumerate(
        [("kata", front, True), ("bab1", main, False), ("lampiran", appendix, False)]
    ):
        path = _notebook(root / f"{name}.ipynb", outputs)
        chapter = Chapter(
            path=path, rel=f"{name}.ipynb", front=front_matter, appendix=name == "lampiran"
        )
        ast = pandoc.read_notebook(path, "docx", root / "media" / f"{i}")
        chapters.append(chapter)
        asts.append(docx.prepare_chapter(chapter, ast, root / "media"))
    return chapters, asts


def _xml(blocks: list) -> str:
    return "".join(b["c"][1] for b in blocks if b["t"] == "RawBlock")


def test_sections_follow_the_pdf(book) -> None:
    chapters, asts = book
    blocks, done = layout(chapters, asts, BookMeta(unit="Unit", year=2025))
    sections = [*re.findall(r"<w:sectPr>.*?</w:sectPr>", _xml(blocks)), done.final.xml()]
    kinds = [
        ("landscape" in s, re.search(r'w:fmt="(\w+)"', s).group(1), 'w:start="1"' in s)
        for s in sections
    ]
    assert kinds == [
        (False, "lowerRoman", False),  # cover
        (False, "lowerRoman", True),  # front matter from i, with the lists
        (False, "decimal", True),  # BAB I from 1, up to Tabel 2
        (True, "decimal", False),  # Tabel 2 alone, landscape
        (False, "decimal", False),  # the rest of BAB I
        (True, "decimal", False),  # the landscape appendix, the last section
    ]
    assert "rIdLkjHdrCover" in sections[0] and "rIdLkjHdrWide" in sections[3]


def test_lists_point_at_bookmarks(book) -> None:
    chapters, asts = book
    blocks, done = layout(chapters, asts, BookMeta())
    xml = "".join(n["c"][1] for n in pandoc.nodes(blocks) if n["t"] in ("RawBlock", "RawInline"))
    lists = {(e.list, e.number, e.text) for e in done.entries}
    assert {("tabel", "Tabel 1", "Capaian"), ("tabel", "Tabel 2", "Capaian")} <= lists
    assert ("lampiran", "Lampiran I", "Data") in lists
    assert ("isi", "", "BAB I Pendahuluan") in lists and ("isi", "", "Daftar Tabel") in lists
    for entry in done.entries:  # each listed item has its bookmark and a page field
        assert f'w:name="{entry.mark}"' in xml, entry
        assert page_field(entry.mark) in xml
    isi = [e.text for e in done.entries if e.list == "isi"]
    assert isi.index("Kata Pengantar") < isi.index("Daftar Isi") < isi.index("BAB I Pendahuluan")
    front = {e.text for e in done.entries if e.mark in done.front}
    assert front == {"Kata Pengantar", "Daftar Isi", "Daftar Tabel", "Daftar Lampiran"}


def test_table_columns_hold_their_longest_number(book) -> None:
    chapters, asts = book
    blocks, _ = layout(chapters, asts, BookMeta())
    table = next(
        b["c"][1]
        for b in blocks
        if b["t"] == "RawBlock" and "<w:tbl>" in b["c"][1] and WIDE in b["c"][1]
    )
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table)]
    assert sum(widths) <= PORTRAIT_TEXT
    assert widths[2] > text_twips(WIDE, 9)  # not the 5 % the spec gives it
    assert widths[1] > widths[3]  # the text column keeps the most room
    rows = re.findall(r"<w:tr>.*?</w:tr>", table)
    assert all("<w:tblHeader/>" in r for r in rows[:2]) and "<w:tblHeader/>" not in rows[2]
    assert 'w:vMerge w:val="restart"' in rows[0] and "<w:vMerge/>" in rows[1]
    texts = [t for t in cell_texts(table) if t]
    assert texts == [
        "No",
        "Uraian",
        "Nilai",
        "Target",
        "Realisasi",
        "1.",
        "Pagu anggaran kegiatan",
        WIDE,
        "100%",
        "2.",
        "Realisasi",
        "7.375",
        "10,5%",
    ]


def test_signature_lines_and_space(book) -> None:
    chapters, asts = book
    blocks, _ = layout(chapters, asts, BookMeta())
    sign = next(b["c"][1] for b in blocks if b["t"] == "RawBlock" and "NAMA" in b["c"][1])
    assert "Semarang," in sign and "<w:br/>" in sign  # the line break of "above" kept
    assert re.search(r'w:before="1300".*<w:u w:val="single"/>.*NAMA', sign)
    assert "NIP. 1967" in sign


def _written(book, meta: BookMeta, tmp_path: Path, monkeypatch, pages=None) -> bytes:
    chapters, asts = book
    measured = None
    if pages is not None:
        measured = docx_pages.Measured(pages, 9, None)
    monkeypatch.setattr(docx, "measure", lambda data, want_odt=True: measured)
    out = tmp_path / "book.docx"
    media = tmp_path / "media"
    media.mkdir(exist_ok=True)
    note = docx.write_docx(chapters, [c.path for c in chapters], media, out, meta, asts=asts)
    assert note
    return out.read_bytes()


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_internal_edition_marks_every_page(book, tmp_path: Path, monkeypatch) -> None:
    internal = _written(book, BookMeta(edition="internal"), tmp_path, monkeypatch, {})
    public = _written(book, BookMeta(), tmp_path, monkeypatch, {})
    for name in ("word/lkj-header.xml", "word/lkj-footer.xml", "word/lkj-footer-cover.xml"):
        assert "TERBATAS" in _part(internal, name)
        assert "TERBATAS" not in _part(public, name)


def test_page_numbers_filled_or_left_to_word(book, tmp_path: Path, monkeypatch) -> None:
    chapters, asts = book
    _, done = layout(chapters, asts, BookMeta())
    pages = {e.mark: ("iii" if e.mark in done.front else "7") for e in done.entries}
    filled = _written(book, BookMeta(), tmp_path, monkeypatch, pages)
    document = _part(filled, "word/document.xml")
    assert f"<w:t>{PLACEHOLDER}</w:t>" not in document
    assert document.count("PAGEREF") == len([e for e in done.entries if e.mark not in done.front])
    assert "<w:t>iii</w:t>" in document and "<w:t>7</w:t>" in document
    assert "updateFields" not in _part(filled, "word/settings.xml")
    # without LibreOffice: Word is asked to compute the fields when it opens the file
    alone = _written(book, BookMeta(), tmp_path, monkeypatch, None)
    assert '<w:updateFields w:val="true"/>' in _part(alone, "word/settings.xml")
    assert f"<w:t>{PLACEHOLDER}</w:t>" not in _part(alone, "word/document.xml")


def test_same_book_same_bytes(book, tmp_path: Path, monkeypatch) -> None:
    first = _written(book, BookMeta(), tmp_path, monkeypatch, {})
    assert _written(book, BookMeta(), tmp_path, monkeypatch, {}) == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2020, 1, 1, 0, 0, 0)}
