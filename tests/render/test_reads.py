"""render.reads: chapters read while later notebooks still run give the same ASTs."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from PIL import Image

from lkj.render import docx, pandoc
from lkj.render.quarto import Chapter
from lkj.render.reads import ChapterReads


def _notebook(path: Path, words: str) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (31, 78, 121)).save(buffer, format="PNG")
    code = new_code_cell("d.figure(...)")
    code.outputs = [
        new_output("display_data", data={"text/markdown": f"## Bagian\n\n{words}\n"}),
        new_output(
            "display_data",
            data={"image/png": base64.b64encode(buffer.getvalue()).decode(), "text/plain": "<F>"},
        ),
    ]
    nb = new_notebook()
    nb.cells = [new_markdown_cell("# Judul Bab"), code]
    nbformat.write(nb, path)
    return path


def _chapters(tmp_path: Path) -> tuple[list[Chapter], list[Path]]:
    paths = [_notebook(tmp_path / f"bab{i}.ipynb", f"Isi bab {i}.") for i in (1, 2)]
    chapters = [
        Chapter(paths[0], "bab1.ipynb"),
        Chapter(paths[1], "bab2.ipynb", part="BAB II Akuntabilitas Kinerja"),
    ]
    return chapters, paths


def _headers(ast: pandoc.Ast) -> list[int]:
    return [node["c"][0] for node in pandoc.nodes(ast["blocks"]) if node["t"] == "Header"]


def test_early_reads_equal_reads_made_at_the_end(tmp_path: Path) -> None:
    chapters, paths = _chapters(tmp_path)
    with ChapterReads(chapters, tmp_path / "early" / "media", None, 2) as early:
        early.start(1, paths[1])  # the second chapter finished first
        early.start(0, paths[0])
        got = {t: early.asts(t, paths) for t in ("html", "typst")}
    with ChapterReads(chapters, tmp_path / "late" / "media", None, 2) as late:
        want = {t: late.asts(t, paths) for t in ("html", "typst")}
    # The media folder is part of what pandoc writes into the AST; compare without it.
    for target in got:
        early_text = json.dumps(got[target]).replace(str(tmp_path / "early"), "")
        assert early_text == json.dumps(want[target]).replace(str(tmp_path / "late"), "")
    assert sorted(p.name for p in (tmp_path / "early" / "media").rglob("*.png"))


def test_a_chapter_executed_again_is_read_again(tmp_path: Path) -> None:
    chapters, paths = _chapters(tmp_path)
    with ChapterReads(chapters, tmp_path / "media", None, 1) as reads:
        reads.start(0, paths[0])
        other = _notebook(tmp_path / "bab1-lagi.ipynb", "Isi yang diperbaiki.")
        (html, _) = reads.asts("html", [other, paths[1]])
    assert "diperbaiki." in json.dumps(html)


def test_docx_reads_come_prepared_for_the_book(tmp_path: Path) -> None:
    chapters, paths = _chapters(tmp_path)
    with ChapterReads(chapters, tmp_path / "media", None, 2) as reads:
        first, second = reads.asts("docx", paths)
        plain = reads.asts("html", paths)
    assert _headers(first) == _headers(plain[0])  # outside a part: as read
    assert _headers(second) == [h + 1 for h in _headers(plain[1])]  # inside BAB II: one lower
    pictures = [n["c"][2][0] for n in pandoc.nodes(second["blocks"]) if n["t"] == "Image"]
    assert pictures and all(not Path(p).is_absolute() for p in pictures)
    # Joining does not change the prepared chapters: a second DOCX is the same document.
    meta = docx.BookMeta(title="Uji", unit="Unit")
    once = json.dumps(docx.book_ast(chapters, [first, second], meta))
    assert json.dumps(docx.book_ast(chapters, [first, second], meta)) == once
