"""LibreOffice's page measurement reused when only sha256 digests changed (docx_digests,
docx_reuse). The tests with LibreOffice are skipped where it is not installed."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from lkj.book import display
from lkj.book.tablespec import TableSpec
from lkj.render import docx, docx_pages, docx_reuse, pandoc
from lkj.render.assemble import BookMeta
from lkj.render.docx_digests import MONO, digest_run, masked
from lkj.render.docx_layout import page_field
from lkj.render.docx_ooxml import rpr, run
from lkj.render.docx_tables import cell_texts, table_xml
from lkj.render.quarto import Chapter

NARROW, WIDE = "f" * 64, "0" * 64  # in a proportional font 'f' is about half of '0'
needs_soffice = pytest.mark.skipif(
    docx_pages.soffice() is None, reason="LibreOffice (soffice) tidak terpasang"
)


def _files_spec(digests: list[str], note: str = "Catatan.") -> TableSpec:
    body = [[f"berkas{i}.csv", d] for i, d in enumerate(digests)]
    return TableSpec(
        id="tbl-berkas", caption="Berkas", header=[["Berkas", "sha256"]], body=body, note=note
    )


def _chapters(root: Path, digests: list[str], tail: str = "Penutup.") -> list[tuple]:
    """Two chapters: a table of digests, then a listed heading whose page LibreOffice finds."""
    shown: list[str] = []
    mp = pytest.MonkeyPatch()
    mp.setattr(display, "_publish", lambda md, preview, plain: shown.append(md))
    try:
        display.heading("BAB I Berkas", id="bab-1")
        display.table(_files_spec(digests))
        display.heading("BAB II Sesudahnya", id="bab-2")
        display.markdown(tail)
    finally:
        mp.undo()
    nb = new_notebook()
    cell = new_code_cell("")
    cell.outputs = [
        new_output("display_data", data={"text/markdown": md, "text/plain": ""}) for md in shown
    ]
    nb.cells = [cell]
    path = root / "bab.ipynb"
    nbformat.write(nb, path)
    chapter = Chapter(path=path, rel="bab.ipynb")
    ast = pandoc.read_notebook(path, "docx", root / "media" / "0")
    return [(chapter, docx.prepare_chapter(chapter, ast, root / "media"))]


def _word_table(tmp_path: Path, digests: list[str]) -> str:
    _, ast = _chapters(tmp_path, digests)[0]
    table = next(n for n in pandoc.nodes(ast["blocks"]) if n["t"] == "Table")
    return table_xml(table, 8787)[0]


def test_digests_in_monospace_and_columns_sized_by_length(tmp_path: Path) -> None:
    narrow = _word_table(tmp_path, [NARROW, "?"])
    wide = _word_table(tmp_path, [WIDE, "?"])
    assert cell_texts(narrow) == ["Berkas", "sha256", "berkas0.csv", NARROW, "berkas1.csv", "?"]
    # the digest, not its header nor a missing digest, in the monospace font
    assert narrow.count(f'w:ascii="{MONO}"') == 1
    assert digest_run(NARROW, 9.0) in narrow
    # same grid whatever the digits (the text widths of a proportional font would differ)
    grid = re.compile(r"<w:(?:gridCol|tcW) [^>]*>")
    assert grid.findall(narrow) == grid.findall(wide)
    assert masked(narrow) == masked(wide) != narrow


def test_mask_covers_only_whole_digest_paragraphs() -> None:
    ppr = "<w:pPr><w:jc/></w:pPr>"
    alone = f"<w:p>{ppr}{digest_run(NARROW, 7)}</w:p>"
    other = f"<w:p>{ppr}{digest_run(WIDE, 7)}</w:p>"
    assert masked(alone) == masked(other)
    assert masked(f"<w:p>{ppr}{digest_run(NARROW[:12], 7)}</w:p>") != masked(alone)  # length
    with_text = f"<w:p>{ppr}{run('sha256 ')}{digest_run(NARROW, 7)}</w:p>"
    assert masked(with_text) == with_text  # not alone in its paragraph
    plain = f"<w:p>{ppr}{run(NARROW, rpr(size=7))}</w:p>"
    assert masked(plain) == plain  # not in the monospace font
    assert masked(f"<w:p>{ppr}{digest_run('ABCDEF', 7)}</w:p>").count("ABCDEF") == 1


def _lines_docx(tmp_path: Path, texts: list[str], mono: bool) -> bytes:
    """Paragraphs of 40 pt text that wrap over several lines, then a bookmarked paragraph
    whose page a PAGEREF at the top asks for."""
    paras = [f"<w:p>{page_field('_LkjEnd')}</w:p>"]
    for text in texts:
        runs = digest_run(text, 40) if mono else run(text, rpr(size=40))
        paras.append(f"<w:p><w:pPr><w:jc w:val='left'/></w:pPr>{runs}</w:p>")
    paras.append(
        '<w:p><w:bookmarkStart w:id="1" w:name="_LkjEnd"/>Akhir<w:bookmarkEnd w:id="1"/></w:p>'
    )
    ast = {
        "pandoc-api-version": [1, 23, 1],
        "meta": {},
        "blocks": [{"t": "RawBlock", "c": ["openxml", p]} for p in paras],
    }
    out = tmp_path / f"lines-{mono}-{texts[0][0]}.docx"
    subprocess.run(
        [pandoc.pandoc_path(), "-f", "json", "-t", "docx", "-o", str(out)],
        input=json.dumps(ast).encode(),
        check=True,
        capture_output=True,
    )
    return out.read_bytes()


def _pages(data: bytes) -> tuple[dict[str, str], int]:
    measured = docx_pages.measure(data, want_odt=False)
    assert measured is not None and measured.pages
    return measured.pages, measured.page_count


@needs_soffice
def test_libreoffice_lays_out_digests_alike_in_monospace_only(tmp_path: Path) -> None:
    """The property the reuse rests on, on the LibreOffice and fonts of this machine: digits
    that wrap differently in a proportional font take the same pages in MONO."""
    mono = [_pages(_lines_docx(tmp_path, [t] * 30, True)) for t in (NARROW, WIDE)]
    proportional = [_pages(_lines_docx(tmp_path, [t] * 30, False)) for t in (NARROW, WIDE)]
    assert proportional[0] != proportional[1]  # the document is sensitive to the widths
    assert mono[0] == mono[1]
    document = [
        zipfile.ZipFile(io.BytesIO(_lines_docx(tmp_path, [t] * 30, True))).read("word/document.xml")
        for t in (NARROW, WIDE)
    ]
    assert masked(document[0].decode()) == masked(document[1].decode())


def _write(root: Path, digests: list[str], cache: Path | None, tail: str = "Penutup.") -> tuple:
    pairs = _chapters(root, digests, tail)
    chapters, asts = [c for c, _ in pairs], [a for _, a in pairs]
    (root / "media").mkdir(exist_ok=True)
    out = root / "book.docx"
    note = docx.write_docx(
        chapters,
        [c.path for c in chapters],
        root / "media",
        out,
        BookMeta(),
        cache_dir=cache,
        asts=asts,
    )
    return note, out.read_bytes()


@needs_soffice
def test_reused_pages_are_those_libreoffice_measures(tmp_path: Path, monkeypatch) -> None:
    runs: list[int] = []
    real = docx.measure

    def counted(data: bytes, want_odt: bool = True):
        runs.append(1)
        return real(data, want_odt=want_odt)

    monkeypatch.setattr(docx, "measure", counted)
    assert docx_reuse.fonts() is not None  # the digests' font is monospace here
    cache = tmp_path / "cache"
    first = [f"{i:064x}" for i in range(40)]
    second = [NARROW if i % 2 else WIDE for i in range(40)]
    note, _ = _write(tmp_path, first, cache)
    assert "LibreOffice)" in note and len(runs) == 1
    note, reused = _write(tmp_path, second, cache)
    assert "hanya sidik sha256 berubah" in note and len(runs) == 1  # not measured again
    note, fresh = _write(tmp_path, second, tmp_path / "other-cache")
    assert "LibreOffice)" in note and len(runs) == 2
    assert reused == fresh  # the same page numbers as LibreOffice's own measurement
    assert NARROW in zipfile.ZipFile(io.BytesIO(reused)).read("word/document.xml").decode()


@needs_soffice
def test_a_longer_text_is_measured_again(tmp_path: Path, monkeypatch) -> None:
    runs: list[int] = []
    real = docx.measure
    monkeypatch.setattr(
        docx, "measure", lambda data, want_odt=True: runs.append(1) or real(data, want_odt)
    )
    cache = tmp_path / "cache"
    digests = [f"{i:064x}" for i in range(40)]
    _write(tmp_path, digests, cache)
    note, longer = _write(tmp_path, digests, cache, tail="Penutup. " * 400)
    assert len(runs) == 2 and "hanya sidik" not in note
    # and one digest more (a row more) is measured again too
    _write(tmp_path, [*digests, WIDE], cache)
    assert len(runs) == 3
    assert (
        "Penutup. Penutup."
        in zipfile.ZipFile(io.BytesIO(longer)).read("word/document.xml").decode()
    )
