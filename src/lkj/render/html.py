"""The HTML book: one page per chapter, a navigation listing every chapter and its sections.

index.html is the first chapter under the cover; `daftar-isi.html` (Daftar Isi, Daftar Tabel,
Daftar Lampiran) follows the front matter, as in the printed report. Everything is local
(one CSS file, images under assets/img) so the book works from file:// and offline; no
script is needed (the phone menu is a CSS checkbox toggle).
"""

from __future__ import annotations

import hashlib
import html
import json
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lkj import paths
from lkj.render import pandoc
from lkj.render.assemble import LISTS_PAGE, BookDoc, BookMeta, ChapterDoc, Section

CSS = "assets/lkj.css"
e = html.escape


class Fragments:
    """Each chapter's HTML as pandoc wrote it, kept in the process by its AST's JSON.

    pandoc writes the same bytes for the same JSON (no filter, no template: the page around
    the fragment is written here), so a chapter whose AST is unchanged is not sent to pandoc
    again. In `lkj preview` a text edit then writes one chapter with pandoc instead of all of
    them (a subprocess each), and the full assembly after the served book writes none. Each
    chapter keeps its `per_chapter` most recent fragments: a count for the whole memo let
    Lampiran Jejak Angka (its file hashes change with every saved file, and its fragment is
    the book's largest) fill it with stale copies, ≈ 1,4 MB more per rebuild of the preview.
    """

    def __init__(self, per_chapter: int = 2):
        self.per_chapter = per_chapter
        self._done: dict[str, OrderedDict[str, str]] = {}
        self._lock = threading.Lock()

    def write(self, doc: ChapterDoc) -> str:
        data = json.dumps(doc.html).encode("utf-8")
        key = hashlib.sha256(data).hexdigest()
        chapter = doc.chapter.rel
        with self._lock:
            kept = self._done.setdefault(chapter, OrderedDict())
            found = kept.get(key)
            if found is not None:
                kept.move_to_end(key)
                return found
        text = pandoc.write_json(data, "html5", what=chapter)
        with self._lock:
            kept = self._done.setdefault(chapter, OrderedDict())
            kept[key] = text
            while len(kept) > self.per_chapter:
                kept.popitem(last=False)
        return text

    def clear(self) -> None:
        with self._lock:
            self._done.clear()


FRAGMENTS = Fragments()


@dataclass(frozen=True)
class Page:
    file: str
    title: str
    chapter: ChapterDoc | None  # None: the generated Daftar Isi page


def page_order(book: BookDoc) -> list[Page]:
    pages: list[Page] = []
    lists_added = False
    for doc in book.chapters:
        if not doc.chapter.front and not lists_added:
            pages.append(Page(LISTS_PAGE, "Daftar Isi", None))
            lists_added = True
        pages.append(Page(doc.page, doc.title, doc))
    if not lists_added:
        pages.append(Page(LISTS_PAGE, "Daftar Isi", None))
    return pages


def _sections(doc: ChapterDoc, depth: int = 2) -> list[Section]:
    return [s for s in doc.sections if s.level <= depth]


def _part(page: Page) -> str | None:
    return page.chapter.chapter.part if page.chapter is not None else None


def nav_html(pages: list[Page], current: str) -> str:
    """Every page with its sections; parts ("BAB II ...") and Lampiran as group labels."""
    out = ['<ol class="toc">']
    in_appendix = False
    part: str | None = None
    for page in pages:
        doc = page.chapter
        if doc is not None and doc.chapter.appendix and not in_appendix:
            out.append('<li class="toc-group" aria-hidden="true">Lampiran</li>')
            in_appendix = True
        if _part(page) and _part(page) != part:
            out.append(f'<li class="toc-part">{e(_part(page) or "")}</li>')
        part = _part(page)
        classes = (["current"] if page.file == current else []) + (["in-part"] if part else [])
        cls = f' class="{" ".join(classes)}"' if classes else ""
        aria = ' aria-current="page"' if page.file == current else ""
        out.append(f'<li{cls}><a href="{page.file}"{aria}>{e(page.title)}</a>')
        if doc is not None and doc.sections:
            out.append("<ol>")
            for s in _sections(doc):
                # one line each (ellipsis in CSS); the full title on hover
                out.append(
                    f'<li class="toc-l{s.level}"><a href="{page.file}#{e(s.id)}" '
                    f'title="{e(s.title)}">{e(s.title)}</a></li>'
                )
            out.append("</ol>")
        out.append("</li>")
    out.append("</ol>")
    return "\n".join(out)


def cover_html(meta: BookMeta) -> str:
    lines = ['<section class="cover" aria-label="Sampul">']
    if meta.parent:
        lines.append(f'<p class="cover-parent">{e(meta.parent)}</p>')
    if meta.year:
        lines.append(f'<p class="cover-year">{meta.year}</p>')
    lines.append(f'<p class="cover-title">{e(meta.title)}</p>')
    if meta.period:
        lines.append(f'<p class="cover-period">{e(meta.period)}</p>')
    if meta.unit:
        lines.append(f'<p class="cover-unit">{e(meta.unit)}</p>')
    if meta.subtitle:
        lines.append(f'<p class="cover-subtitle">{e(meta.subtitle)}</p>')
    if meta.contact:
        items = "".join(f"<li>{e(c)}</li>" for c in meta.contact)
        lines.append(f'<ul class="cover-contact">{items}</ul>')
    lines.append("</section>")
    return "\n".join(lines)


def lists_html(book: BookDoc, pages: list[Page]) -> str:
    out = ['<h1 id="daftar-isi">Daftar Isi</h1>', '<ol class="lkj-contents">']
    part: str | None = None
    for page in pages:
        if page.chapter is None:
            continue
        if part and _part(page) != part:
            out.append("</ol></li>")  # close the previous part
        if _part(page) and _part(page) != part:
            out.append(f"<li>{e(_part(page) or '')}<ol>")
        part = _part(page)
        out.append(f'<li><a href="{page.file}">{e(page.title)}</a>')
        subs = [] if part else _sections(page.chapter)  # inside a part: chapters only
        if subs:
            out.append("<ol>")
            out += [f'<li><a href="{page.file}#{e(s.id)}">{e(s.title)}</a></li>' for s in subs]
            out.append("</ol>")
        out.append("</li>")
    if part:
        out.append("</ol></li>")
    out.append("</ol>")
    for kind, title, anchor in (
        ("tabel", "Daftar Tabel", "daftar-tabel"),
        ("gambar", "Daftar Gambar", "daftar-gambar"),
        ("lampiran", "Daftar Lampiran", "daftar-lampiran"),
    ):
        entries = [x for x in book.entries if x.kind == kind]
        if not entries:
            continue
        out.append(f'<h2 id="{anchor}">{title}</h2>')
        out.append('<table class="lkj-list"><tbody>')
        for x in entries:
            out.append(
                f'<tr><th scope="row">{e(x.number)}</th>'
                f'<td><a href="{x.page}#{e(x.anchor)}">{e(x.caption)}</a></td></tr>'
            )
        out.append("</tbody></table>")
    return "\n".join(out)


def _banner(meta: BookMeta) -> str:
    if not meta.internal:
        return ""
    return (
        '<div class="restricted" role="note"><strong>TERBATAS</strong> — edisi internal, '
        "memuat data pribadi (UU 27/2022). Jangan disebarluaskan.</div>\n"
    )


def _pager(pages: list[Page], index: int) -> str:
    links = []
    if index > 0:
        prev = pages[index - 1]
        links.append(
            f'<a class="prev" rel="prev" href="{prev.file}"><span>Sebelumnya</span>'
            f"{e(prev.title)}</a>"
        )
    if index + 1 < len(pages):
        nxt = pages[index + 1]
        links.append(
            f'<a class="next" rel="next" href="{nxt.file}"><span>Berikutnya</span>'
            f"{e(nxt.title)}</a>"
        )
    return f'<nav class="pager" aria-label="Halaman">{"".join(links)}</nav>'


def page_html(
    meta: BookMeta, pages: list[Page], index: int, content: str, pdf_name: str | None
) -> str:
    page = pages[index]
    pdf = f'<a class="pdf-link" href="../{e(pdf_name)}">Unduh PDF</a>' if pdf_name else ""
    unit = f" · {e(meta.unit)}" if meta.unit else ""
    cover = cover_html(meta) + "\n" if index == 0 else ""
    if _part(page):
        cover += f'<p class="part-title">{e(_part(page) or "")}</p>\n'  # "BAB II ..." above A.
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(page.title)} · {e(meta.running)}</title>
<link rel="stylesheet" href="{CSS}">
</head>
<body class="edition-{e(meta.edition)}">
{_banner(meta)}<input type="checkbox" id="nav-toggle" class="nav-toggle">
<header class="topbar">
<label for="nav-toggle" class="nav-button" aria-label="Tampilkan daftar isi">☰ Daftar Isi</label>
<a class="book-title" href="index.html">{e(meta.running)}</a><span class="book-unit">{unit}</span>
{pdf}
</header>
<div class="layout">
<nav class="sidebar" aria-label="Daftar isi">
{nav_html(pages, page.file)}
</nav>
<main id="content">
{cover}{content}
{_pager(pages, index)}
</main>
</div>
<footer class="site-footer">{e(meta.running)}{unit}</footer>
</body>
</html>
"""


def write_html(
    book: BookDoc,
    meta: BookMeta,
    out_dir: Path,
    *,
    pdf_name: str | None = None,
    workers: int = 2,
    convert: Callable[[ChapterDoc], str] | None = None,
) -> list[Path]:
    """Write every page, the stylesheet and the images; return the page paths."""
    to_html = convert or FRAGMENTS.write
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        fragments = dict(
            zip(
                (d.page for d in book.chapters),
                pool.map(to_html, book.chapters),
                strict=True,
            )
        )
    pages = page_order(book)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "assets").mkdir(exist_ok=True)
    shutil.copyfile(paths.resource("html/lkj.css"), out_dir / CSS)
    for name, data in book.images.items():
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    written = []
    for index, page in enumerate(pages):
        content = lists_html(book, pages) if page.chapter is None else fragments[page.file]
        path = out_dir / page.file
        path.write_text(page_html(meta, pages, index, content, pdf_name), encoding="utf-8")
        written.append(path)
    return written
