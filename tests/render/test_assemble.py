"""What crosses chapters: ids, links, images, navigation and the lists of tables."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from lkj.errors import BuildError
from lkj.render.assemble import BookMeta, assemble, page_names, read_meta
from lkj.render.pandoc import Ast, nodes, pandoc_path
from lkj.render.quarto import Chapter
from lkj.render.typst import typst_document

PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAAAAgAB"
    "4iG8MwAAAABJRU5ErkJggg=="
)


def ast(markdown: str) -> Ast:
    out = subprocess.run(
        [pandoc_path(), "-f", "markdown", "-t", "json"],
        input=markdown.encode(),
        capture_output=True,
        check=True,
    ).stdout
    return json.loads(out)


def chapters(
    tmp_path: Path, *texts: str, front: int = 1
) -> tuple[list[Chapter], list[Ast], list[Ast]]:
    chs = [
        Chapter(tmp_path / f"c{i}.ipynb", f"c{i}.ipynb", front=i < front, appendix=False)
        for i in range(len(texts))
    ]
    return chs, [ast(t) for t in texts], [ast(t) for t in texts]


def links(doc: Ast) -> list[str]:
    return [n["c"][2][0] for n in nodes(doc["blocks"]) if n["t"] == "Link"]


def test_titles_sections_and_entries(tmp_path: Path) -> None:
    chs, html, typ = chapters(
        tmp_path,
        "# Kata Pengantar\n\nteks",
        "# BAB I Satu\n\n## A. Bagian\n\n### detail\n\n"
        '::: {#tbl-a .lkj-table lkj-kind="tabel" lkj-number="Tabel 1" lkj-caption="Satu"}\n:::\n',
    )
    book = assemble(chs, html, typ, [tmp_path, tmp_path])
    assert [c.page for c in book.chapters] == ["index.html", "c1.html"]
    assert [c.title for c in book.chapters] == ["Kata Pengantar", "BAB I Satu"]
    assert [(s.level, s.title) for s in book.chapters[1].sections] == [(2, "A. Bagian")]
    (entry,) = book.entries
    assert (entry.number, entry.caption, entry.anchor, entry.page) == (
        "Tabel 1",
        "Satu",
        "tbl-a",
        "c1.html",
    )


def test_repeated_heading_ids_get_a_suffix_in_both_targets(tmp_path: Path) -> None:
    chs, html, typ = chapters(
        tmp_path, "# A\n\n## Informasi", "# B\n\n## Informasi\n\n[lihat](#informasi)"
    )
    book = assemble(chs, html, typ, [tmp_path, tmp_path])
    assert [s.id for s in book.chapters[1].sections] == ["informasi-2"]
    typst_ids = [
        n["c"][1][0] for n in nodes(book.chapters[1].typst["blocks"]) if n["t"] == "Header"
    ]
    assert typst_ids == ["b", "informasi-2"]
    assert links(book.chapters[1].html) == ["#informasi-2"]  # the local one wins


def test_links_across_chapters(tmp_path: Path) -> None:
    chs, html, typ = chapters(
        tmp_path,
        "# A\n\nke [tabel](#tbl-b) dan [hilang](#nope)",
        "# B\n\n::: {#tbl-b .lkj-table}\n:::\n",
    )
    book = assemble(chs, html, typ, [tmp_path, tmp_path])
    assert links(book.chapters[0].html) == ["c1.html#tbl-b", "#nope"]
    assert links(book.chapters[0].typst) == ["#tbl-b"]  # the dangling one is unwrapped
    assert any("nope" in w for w in book.warnings)


def test_explicit_ids_must_be_unique(tmp_path: Path) -> None:
    chs, html, typ = chapters(
        tmp_path, "# A\n\n::: {#tbl-x .lkj-table}\n:::", "# B\n\n::: {#tbl-x .lkj-table}\n:::"
    )
    with pytest.raises(BuildError, match=r"id 'tbl-x' dipakai dua kali: c0\.ipynb dan c1\.ipynb"):
        assemble(chs, html, typ, [tmp_path, tmp_path])


def test_images_get_content_hash_names(tmp_path: Path) -> None:
    chs, html, typ = chapters(tmp_path, f"# A\n\n![satu]({PNG})\n\n![dua]({PNG})")
    book = assemble(chs, html, typ, [tmp_path])
    (name,) = book.images
    assert name.startswith("assets/img/") and name.endswith(".png")
    for doc in (book.chapters[0].html, book.chapters[0].typst):
        assert {n["c"][2][0] for n in nodes(doc["blocks"]) if n["t"] == "Image"} == {name}


def test_chapter_without_title_is_a_warning(tmp_path: Path) -> None:
    chs, html, typ = chapters(tmp_path, "teks saja")
    book = assemble(chs, html, typ, [tmp_path])
    assert book.chapters[0].title == "c0" and book.warnings


def test_page_names_are_unique() -> None:
    chs = [Chapter(Path(f"/x/{n}.ipynb"), f"{n}.ipynb") for n in ("a", "index", "daftar-isi")]
    assert page_names(chs) == ["index.html", "index-2.html", "daftar-isi-2.html"]


def test_meta_from_notebooks_and_running_title(tmp_path: Path) -> None:
    nb = {
        "cells": [
            {"outputs": [{"data": {"application/vnd.lkj.meta+json": {"unit": "A", "year": 2025}}}]},
            {"outputs": [{"data": {"application/vnd.lkj.meta+json": {"unit": "B"}}}]},
        ]
    }
    (tmp_path / "n.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    fields = read_meta([tmp_path / "n.ipynb"])
    assert fields == {"unit": "B", "year": 2025}
    meta = BookMeta(period="Triwulan II")
    meta.update({**fields, "contact": "Jl. Satu"})
    assert meta.running == "Laporan Kinerja Triwulan II Tahun 2025"
    assert meta.contact == ["Jl. Satu"]


def test_empty_chapters_are_dropped_and_parts_shift_typst_headings(tmp_path: Path) -> None:
    chs, html, typ = chapters(tmp_path, "# A", "", "# B. Bagian\n\n## Rinci")
    chs[2] = Chapter(chs[2].path, chs[2].rel, part="BAB II Bertingkat")
    book = assemble(chs, html, typ, [tmp_path] * 3)
    assert book.skipped == ["c1.ipynb"]
    assert [c.page for c in book.chapters] == ["index.html", "c2.html"]
    levels = [n["c"][0] for n in nodes(book.chapters[1].typst["blocks"]) if n["t"] == "Header"]
    assert levels == [2, 3]  # below the part title in the PDF
    assert [s.level for s in book.chapters[1].sections] == [2]  # HTML pages keep their h1


def test_typst_document_part_title_and_landscape_reset(tmp_path: Path) -> None:
    landscape = "```{=typst}\n#set page(flipped: true)\n```\n\n# Lampiran"
    chs, html, typ = chapters(tmp_path, "# Pengantar", "# A. Satu", "# B. Dua", landscape, "# Z")
    chs[1] = Chapter(chs[1].path, chs[1].rel, part="BAB II")
    chs[2] = Chapter(chs[2].path, chs[2].rel, part="BAB II")
    source = typst_document(assemble(chs, html, typ, [tmp_path] * 5), BookMeta(year=2025))
    assert source.count('#heading(level: 1, "BAB II")') == 1
    # a page reset only after the chapter that turned landscape (a reset breaks the page)
    assert source.count("#set page(flipped: false)") == 1
    assert source.index("= Lampiran") < source.index("#set page(flipped: false)")
    assert source.index("#lkj-lists(") < source.index('"BAB II"')
