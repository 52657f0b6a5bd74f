"""The book as a Word document (DOCX), for the head of office to review and sign.

Each executed notebook is read once more with the Lua filter's "docx" target (raw HTML tables
read back as pandoc tables), the chapters are laid out like the PDF by docx_layout (cover,
front matter with roman page numbers, Daftar Isi / Tabel / Gambar / Lampiran, landscape
sections, tables written by docx_tables with the widths of their specs, signature blocks),
pandoc's docx writer applies the reference document resources/docx/reference.docx (A4,
Indonesian heading, caption and table styles; see lkj.render.docx_reference), docx_package
adds the run's headers and footers (TERBATAS in the internal edition), and docx_pages has
LibreOffice measure the pages the lists point to (and write the ODT). Without LibreOffice
the DOCX asks Word to fill the page numbers when it is opened.
"""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lkj import paths
from lkj.errors import BuildError
from lkj.render import docx_pages, docx_reuse, pandoc
from lkj.render.assemble import BookMeta
from lkj.render.docx_layout import Layout, layout
from lkj.render.docx_package import normalized_odt, package
from lkj.render.docx_pages import fill, measure, soffice, soffice_version, unfilled
from lkj.render.quarto import Chapter

REFERENCE = "docx/reference.docx"
SOURCE_DATE_EPOCH = "1577836800"  # 2020-01-01
# The ODT beside the DOCX (written by the same LibreOffice run) is off: after
# docx_package.normalized_odt fixes ids, dates, thumbnail and entry order, two LibreOffice
# runs still give different bytes now and then (tests/render/test_assembly_cache.py), and
# every output must be reproducible. Turn on once the remaining difference is found.
WRITE_ODT = False


def _meta_text(text: str) -> dict:
    return {"t": "MetaInlines", "c": [{"t": "Str", "c": text}]}


def _shift(blocks: list) -> None:
    for node in pandoc.nodes(blocks):
        if node["t"] == "Header":
            node["c"][0] = min(6, node["c"][0] + 1)


def prepare_chapter(chapter: Chapter, ast: pandoc.Ast, media_root: Path) -> pandoc.Ast:
    """One chapter's "docx" read as the book needs it: a heading level lower inside a part,
    picture paths relative to media_root (pandoc runs there: the DOCX stores each path as the
    picture's name, and an absolute one would differ between project folders). Changes `ast`
    (a fresh read) in place and returns it; book_ast then only joins."""
    if chapter.part:
        _shift(ast["blocks"])
    for node in pandoc.nodes(ast["blocks"]):
        if node["t"] == "Image":
            target = Path(node["c"][2][0])
            if target.is_absolute() and target.is_relative_to(media_root):
                node["c"][2][0] = target.relative_to(media_root).as_posix()
    return ast


def book_ast(chapters: list[Chapter], asts: list[pandoc.Ast], meta: BookMeta) -> pandoc.Ast:
    """The chapters (prepared by prepare_chapter) laid out as one document (docx_layout)."""
    return book_layout(chapters, asts, meta)[0]


def book_layout(
    chapters: list[Chapter], asts: list[pandoc.Ast], meta: BookMeta
) -> tuple[pandoc.Ast, Layout]:
    # docx_layout edits nodes (bookmarks in headings): on a copy, so the reads stay as read
    copies = json.loads(json.dumps(asts))
    blocks, done = layout(chapters, copies, meta)
    subtitle = " ".join(x for x in (meta.unit, meta.subtitle) if x)
    fields = {"title": _meta_text(meta.running), "lang": _meta_text("id-ID")}
    if subtitle:
        fields["subtitle"] = _meta_text(subtitle)
    version = asts[0]["pandoc-api-version"] if asts else [1, 23, 1]
    return {"pandoc-api-version": version, "meta": fields, "blocks": blocks}, done


def write_docx(
    chapters: list[Chapter],
    executed: list[Path],
    media_root: Path,
    out: Path,
    meta: BookMeta,
    workers: int = 1,
    cache_dir: Path | None = None,
    asts: list[pandoc.Ast] | None = None,
) -> str:
    """Write the DOCX and, with LibreOffice, the ODT beside it (out.with_suffix(".odt"));
    return a line for the build's progress. With cache_dir, pandoc's reads and the
    documents are reused when their inputs (executed notebook; book AST, pictures,
    reference document, LibreOffice version) are unchanged and the stored entry still has
    its sha256 (cache.write_verified).
    asts: the chapters already read for the "docx" target and prepared (prepare_chapter, as
    render.reads does), else read here. Not changed, so a second call gives the same DOCX."""
    if asts is None:
        reads = paths.cache_part(cache_dir, "pandoc") if cache_dir is not None else None
        tasks = [
            (path, "docx", media_root / f"{i:02d}-{ch.stem}" / "docx", ch.rel, reads)
            for i, (ch, path) in enumerate(zip(chapters, executed, strict=True))
        ]
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            fresh = list(pool.map(lambda t: pandoc.read_notebook_cached(*t), tasks))
        asts = [
            prepare_chapter(ch, ast, media_root) for ch, ast in zip(chapters, fresh, strict=True)
        ]
    doc, done = book_layout(chapters, asts, meta)
    args = ["-f", "json", "-t", "docx"]
    args += ["--reference-doc", str(paths.resource(REFERENCE)), "-o", str(out.resolve())]
    # pandoc stamps the DOCX (zip entries, document properties) with the time unless
    # SOURCE_DATE_EPOCH is set: a fixed one keeps two builds of the same book byte-identical.
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    source = json.dumps(doc).encode("utf-8")
    odt = out.with_suffix(".odt")
    entry = _entry(doc, source, media_root, cache_dir) if cache_dir is not None else None
    if entry is not None:
        note = _cached(entry, out, odt)
        if note is not None:
            return note
        # not written before, or a damaged entry: run pandoc
    proc = subprocess.run(
        [pandoc.pandoc_path(), *args],
        input=source,
        capture_output=True,
        check=False,
        timeout=600,
        env=env,
        cwd=media_root,
    )
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip()
        raise BuildError(f"DOCX: pandoc gagal (kode {proc.returncode}): {message}")
    docx, odt_bytes, note = _paginate(out.read_bytes(), done, meta, cache_dir)
    out.write_bytes(docx)
    if odt_bytes is not None:
        odt.write_bytes(odt_bytes)
    if entry is not None:
        from lkj.render.cache import write_verified

        if odt_bytes is not None:
            write_verified(entry.with_suffix(".odt"), odt_bytes)
        write_verified(entry, docx)
        write_verified(entry.with_suffix(".txt"), note.encode("utf-8"))  # last: entry done
    return note


def _entry(doc: pandoc.Ast, source: bytes, media_root: Path, cache_dir: Path) -> Path:
    """The cache entry's path: its key covers everything the DOCX and ODT depend on."""
    from lkj.render.cache import digest_bytes, lkj_digest  # with the cache FORMAT

    parts = [b"docx", lkj_digest().encode(), pandoc.pandoc_version().encode(), source]
    parts.append(soffice_version().encode())
    for node in pandoc.nodes(doc["blocks"]):
        if node["t"] == "Image":  # the pictures pandoc embeds
            try:
                parts.append((media_root / node["c"][2][0]).read_bytes())
            except OSError:  # a data: URI or a missing file: its text is in the AST
                parts.append(b"")
    return paths.cache_part(cache_dir, "docx") / f"{digest_bytes(*parts)}.docx"


def _cached(entry: Path, out: Path, odt: Path) -> str | None:
    """Publish a complete cache entry (DOCX, ODT if any, progress line); None: a miss."""
    from lkj.render.cache import read_verified

    cached = read_verified(entry)
    note = read_verified(entry.with_suffix(".txt"))
    if cached is None or note is None:
        return None
    cached_odt = read_verified(entry.with_suffix(".odt"))
    if cached_odt is None and b"ODT" in note:  # written with an ODT that is now damaged
        return None
    out.write_bytes(cached)
    if cached_odt is not None:
        odt.write_bytes(cached_odt)
    return note.decode("utf-8")


def _measured(first: bytes, cache_dir: Path | None) -> tuple[docx_pages.Measured | None, str, str]:
    """(LibreOffice's pages of `first` or None, why None, how they were found). With
    cache_dir, a measurement of a document whose layout cannot differ (docx_reuse) is used
    instead of running LibreOffice, and a new one is stored for the next build."""
    key = None
    if cache_dir is not None and not WRITE_ODT and soffice() is not None:
        key = docx_reuse.layout_key(first)
        if key is not None and (reused := docx_reuse.stored(cache_dir, key)) is not None:
            return reused, "", "LibreOffice; tata letak sama, hanya sidik sha256 berubah"
    try:
        measured = measure(first, want_odt=WRITE_ODT)
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return None, f"LibreOffice gagal ({str(exc)[:200]})", ""
    if measured is None:
        return None, "LibreOffice (soffice) tidak terpasang", ""
    if key is not None and cache_dir is not None and measured.pages:
        docx_reuse.store(cache_dir, key, measured)
    return measured, "", "LibreOffice"


def _paginate(
    written: bytes, done: Layout, meta: BookMeta, cache_dir: Path | None = None
) -> tuple[bytes, bytes | None, str]:
    """(DOCX with the lists' page numbers, ODT or None, progress line)."""
    first = package(written, done, meta)
    measured, why, how = _measured(first, cache_dir)
    if measured is None or not measured.pages:
        docx = package(written, done, meta, True, lambda xml: unfilled(xml, done))
        return (
            docx,
            None,
            (f"{why}: nomor halaman daftar isi diisi Word saat dokumen dibuka; tanpa ODT"),
        )
    docx = package(written, done, meta, False, lambda xml: fill(xml, done, measured.pages))
    odt = normalized_odt(measured.odt) if measured.odt else None
    return docx, odt, f"{measured.page_count} halaman ({how}){', ODT' if odt else ''}"
