"""File hashes filled in at assembly (lkj.render.digestfill): the same bytes as a hash typed
into the table, in every target, and nothing an analyst or a data file writes is filled."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

import pytest

from lkj.book import digestmark
from lkj.book.digestmark import Sha256
from lkj.book.display import escape_markdown, fence
from lkj.book.tablespec import Cell, TableSpec, to_html, to_typst
from lkj.errors import BuildError
from lkj.render import digestfill
from lkj.tools import pandoc_path

FILES = {
    "data/u/2025/a.csv": hashlib.sha256(b"a").hexdigest(),
    "data/u/2025/teks/tw2/ringkasan.md": hashlib.sha256(b"teks").hexdigest(),
}


def digest_of(shown: str) -> str:
    return FILES[shown]


def spec(cells: list[list[Cell | str]]) -> TableSpec:
    return TableSpec(id="tbl-x", caption="Berkas", header=[["Berkas", "sha256"]], body=cells)


def marked() -> TableSpec:
    a, t = "data/u/2025/a.csv", "data/u/2025/teks/tw2/ringkasan.md"
    return spec(
        [
            [a, Cell("sha256", align="left", digests=(Sha256(a),))],
            [t, Cell("sha256", digests=(Sha256(a, 12), "?", Sha256(t, 12)))],
        ]
    )


def typed() -> TableSpec:
    """The same table with the hashes typed in: what the notebook printed before."""
    a, t = FILES["data/u/2025/a.csv"], FILES["data/u/2025/teks/tw2/ringkasan.md"]
    return spec(
        [
            ["data/u/2025/a.csv", Cell(a, align="left")],
            ["data/u/2025/teks/tw2/ringkasan.md", f"{a[:12]}\n?\n{t[:12]}"],
        ]
    )


def raw_ast(fmt: str, text: str) -> dict:
    return {"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": [raw_block(fmt, text)]}


def raw_block(fmt: str, text: str) -> dict:
    return {"t": "RawBlock", "c": [fmt, text]}


def test_filled_table_is_the_table_with_the_hashes_typed_in() -> None:
    for fmt, render in (("html", to_html), ("typst", to_typst)):
        before = render(marked())
        assert FILES["data/u/2025/a.csv"] not in before  # the notebook holds marks only
        [filled] = digestfill.fill([raw_ast(fmt, before)], digest_of)
        assert filled["blocks"][0]["c"][1] == render(typed()), fmt


def test_word_tables_read_from_the_html_get_the_same_cells() -> None:
    def read(html: str) -> dict:
        proc = subprocess.run(
            [str(pandoc_path()), "-f", "html", "-t", "json"],
            input=html,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(proc.stdout)

    marked_ast, typed_ast = read(to_html(marked())), read(to_html(typed()))
    assert marked_ast != typed_ast
    assert digestfill.fill([marked_ast], digest_of) == [typed_ast]


def test_chapters_without_marks_are_passed_through_and_reads_are_not_changed() -> None:
    plain = raw_ast("html", to_html(typed()))
    with_marks = raw_ast("typst", to_typst(marked()))
    kept = json.dumps(with_marks)
    out = digestfill.fill([plain, with_marks], digest_of)
    assert out[0] is plain
    assert json.dumps(with_marks) == kept  # filled in a copy: the next build needs the marks


def test_a_mark_written_as_data_or_text_is_shown_as_written() -> None:
    ref = Sha256("data/u/2025/a.csv")
    for written in (digestmark.html_mark(ref), digestmark.typst_mark(ref)):
        # in a table cell (a file's name, a label from a CSV): escaped, never filled
        table = spec([[written, Cell(written)], [Cell(written, colspan=2)]])
        for fmt, render in (("html", to_html), ("typst", to_typst)):
            text = render(table)
            assert digestfill.fill([raw_ast(fmt, text)], digest_of)[0]["blocks"][0]["c"][1] == text
        # in a sentence: pandoc text, not a raw block
        para = {"t": "Para", "c": [{"t": "Str", "c": written}]}
        ast = {"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": [para]}
        assert digestfill.fill([ast], digest_of)[0] is ast
        # in the markdown Quarto reads (escaped, outside a raw block)
        markdown = escape_markdown(written) + "\n\n" + fence("html", "<p>x</p>")
        assert digestfill.fill_markdown(markdown, digest_of) == markdown


def test_quarto_markdown_is_filled_inside_raw_blocks() -> None:
    md = "\n\n".join([fence("html", to_html(marked())), fence("typst", to_typst(marked()))])
    expected = "\n\n".join([fence("html", to_html(typed())), fence("typst", to_typst(typed()))])
    assert digestfill.fill_markdown(md, digest_of) == expected
    notebook = {"cells": [{"cell_type": "markdown", "source": md.splitlines(keepends=True)}]}
    digestfill.fill_notebook(notebook, digest_of)
    assert "".join(notebook["cells"][0]["source"]) == expected


def test_a_mark_of_a_file_that_is_gone_names_it(tmp_path: Path) -> None:
    of = digestfill.digests(tmp_path, {"data/x.csv": None})
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "y.csv").write_bytes(b"y")
    assert of("data/y.csv") == hashlib.sha256(b"y").hexdigest()  # outside the snapshot
    with pytest.raises(BuildError, match=re.escape("data/x.csv")):
        of("data/x.csv")
