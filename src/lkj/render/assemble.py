"""The book as one object: chapter ASTs for both targets, with what spans chapters resolved.

Chapters are read separately, so anything that crosses them is settled here, once, for HTML
and typst alike:
- ids: explicit ids of tables, figures and lampiran must be unique in the book (error);
  heading ids that repeat in a later chapter ("a.-informasi-kinerja") get a suffix;
- links `#id` to another chapter become `page.html#id` in HTML; in typst (one document)
  they stay labels, and a link to an id that exists nowhere is unwrapped (typst would fail);
- images (data: URIs from `lkj.book.display.figure`, files extracted by pandoc) get content-hash
  names under `assets/img/`, the same for both targets;
- the navigation (chapter titles, sections) and the entries of Daftar Tabel / Daftar
  Lampiran come from the HTML AST;
- a chapter that shows nothing (e.g. an appendix the public edition leaves out) is dropped;
- in the PDF, the chapters of a `part:` sit one level below the part title (their level-1
  heading "A. Capaian Kinerja Triwulan" becomes level 2 under "BAB II ..."), so their
  headings are shifted down one level in the typst AST.
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkj.book.display import META_MIME
from lkj.errors import BuildError
from lkj.render.pandoc import Ast, Node, attr, nodes, set_id, splice, stringify
from lkj.render.quarto import Chapter

IMG_DIR = "assets/img"
LISTS_PAGE = "daftar-isi.html"


@dataclass(frozen=True)
class Section:
    level: int
    id: str
    title: str


@dataclass(frozen=True)
class Entry:
    """One line of Daftar Tabel, Daftar Gambar or Daftar Lampiran."""

    kind: str  # "tabel" | "gambar" | "lampiran"
    number: str
    caption: str
    anchor: str
    page: str


@dataclass
class ChapterDoc:
    chapter: Chapter
    page: str  # HTML file name
    title: str
    sections: list[Section]
    html: Ast
    typst: Ast


@dataclass
class BookMeta:
    """What the cover, running header and HTML frame show."""

    title: str = "Laporan Kinerja"
    subtitle: str | None = None
    unit: str | None = None
    parent: str | None = None
    period: str | None = None  # "Triwulan II"
    year: int | None = None
    contact: list[str] = field(default_factory=list)
    edition: str = "publik"

    @property
    def internal(self) -> bool:
        return self.edition == "internal"

    @property
    def running(self) -> str:
        """'Laporan Kinerja Triwulan II Tahun 2025' (header line and HTML titles)."""
        parts = [self.title]
        if self.period:
            parts.append(self.period)
        if self.year:
            parts.append(f"Tahun {self.year}")
        return " ".join(parts)

    def update(self, fields: dict[str, Any]) -> None:
        for key, value in fields.items():
            if key == "contact":
                self.contact = [value] if isinstance(value, str) else [str(v) for v in value]
            elif key == "year":
                self.year = int(value)
            elif key in ("title", "subtitle", "unit", "parent", "period", "edition"):
                setattr(self, key, str(value))
            elif key == "quarter" and isinstance(value, str):
                self.period = value  # "Triwulan II" (lkj.book.core.Book.cover() calls it quarter)
            # unknown keys are kept for later templates but not shown


@dataclass
class BookDoc:
    chapters: list[ChapterDoc]
    entries: list[Entry]
    images: dict[str, bytes]  # "assets/img/<hash>.png" -> bytes
    warnings: list[str]
    skipped: list[str] = field(default_factory=list)  # chapters that showed nothing

    @property
    def front(self) -> list[ChapterDoc]:
        return [c for c in self.chapters if c.chapter.front]

    def has(self, kind: str) -> bool:
        return any(e.kind == kind for e in self.entries)


def read_meta(executed: list[Path]) -> dict[str, Any]:
    """Fields given with lkj.book.display.meta, in chapter order (later ones win)."""
    fields: dict[str, Any] = {}
    for path in executed:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb.get("cells", []):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if META_MIME in data and isinstance(data[META_MIME], dict):
                    fields.update(data[META_MIME])
    return fields


def page_names(chapters: list[Chapter]) -> list[str]:
    names: list[str] = []
    taken = {LISTS_PAGE}
    for index, chapter in enumerate(chapters):
        base = "index" if index == 0 else chapter.stem
        name, n = f"{base}.html", 2
        while name in taken:
            name, n = f"{base}-{n}.html", n + 1
        taken.add(name)
        names.append(name)
    return names


def _explicit_ids(ast: Ast) -> list[str]:
    """Ids the author chose on purpose: tables, figures, lampiran."""
    found: list[str] = []
    for node in nodes(ast["blocks"]):
        a = attr(node)
        if a is None:
            continue
        ident, classes, kv = a
        if ident and (node["t"] == "Figure" or (node["t"] == "Div" and "lkj-table" in classes)):
            found.append(ident)
        elif node["t"] == "Div" and "lkj-lampiran" in classes and kv.get("lkj-anchor"):
            found.append(kv["lkj-anchor"])
    return found


def assemble(
    chapters: list[Chapter],
    html_asts: list[Ast],
    typst_asts: list[Ast],
    media_dirs: list[Path],
) -> BookDoc:
    keep = [i for i, a in enumerate(html_asts) if a["blocks"] or typst_asts[i]["blocks"]]
    skipped = [chapters[i].rel for i in range(len(chapters)) if i not in keep]
    chapters = [chapters[i] for i in keep]
    html_asts = [html_asts[i] for i in keep]
    typst_asts = [typst_asts[i] for i in keep]
    media_dirs = [media_dirs[i] for i in keep]
    if not chapters:
        raise BuildError("semua bab kosong: tidak ada yang ditampilkan notebook")
    pages = page_names(chapters)
    warnings: list[str] = []
    owner = _explicit_owners(chapters, html_asts)
    where, renames = _unique_ids(chapters, pages, html_asts, owner)
    for mine, ast in zip(renames, typst_asts, strict=True):
        for node in nodes(ast["blocks"]):
            a = attr(node)
            if a is not None and node["t"] == "Header" and a[0] in mine:
                set_id(node, mine[a[0]])

    # 3. links and images
    images: dict[str, bytes] = {}
    docs: list[ChapterDoc] = []
    for index, chapter in enumerate(chapters):
        links = _Links(chapter.rel, pages[index], renames[index], where, warnings)
        html_ast, typst_ast = html_asts[index], typst_asts[index]
        html_ast["blocks"] = splice(html_ast["blocks"], links.fix_html)
        typst_ast["blocks"] = splice(typst_ast["blocks"], links.fix_typst)
        for ast in (html_ast, typst_ast):
            _localise_images(ast, chapter, media_dirs[index], images, warnings)

        title, sections = _outline(html_ast)
        if title is None:
            warnings.append(f"{chapter.rel}: tidak ada judul (heading(..., 1))")
            title = chapter.stem
        if chapter.part:
            _shift_headings(typst_ast)
        docs.append(ChapterDoc(chapter, pages[index], title, sections, html_ast, typst_ast))

    entries = _entries(docs)
    return BookDoc(docs, entries, images, warnings, skipped)


def _explicit_owners(chapters: list[Chapter], html_asts: list[Ast]) -> dict[str, str]:
    """1. explicit ids: unique across the book (id -> the chapter that has it)."""
    owner: dict[str, str] = {}
    for chapter, ast in zip(chapters, html_asts, strict=True):
        for ident in _explicit_ids(ast):
            if ident in owner:
                raise BuildError(
                    f"id '{ident}' dipakai dua kali: {owner[ident]} dan {chapter.rel} "
                    "→ beri setiap tabel/gambar/lampiran id yang unik"
                )
            owner[ident] = chapter.rel
    return owner


def _unique_ids(
    chapters: list[Chapter], pages: list[str], html_asts: list[Ast], owner: dict[str, str]
) -> tuple[dict[str, str], list[dict[str, str]]]:
    """2. other ids (headings): a repeat in a later chapter gets a suffix.

    Returns where each final id lives (id -> page) and each chapter's renames (old -> new).
    """
    where: dict[str, str] = {}
    renames: list[dict[str, str]] = []
    for chapter, page, ast in zip(chapters, pages, html_asts, strict=True):
        mine: dict[str, str] = {}
        for node in nodes(ast["blocks"]):
            a = attr(node)
            if a is None or not a[0] or node["t"] not in ("Header", "Div", "Figure", "Span"):
                continue
            ident = final = a[0]
            n = 2
            while final in where:
                final, n = f"{ident}-{n}", n + 1
            if final != ident:
                if ident in owner:
                    raise BuildError(
                        f"id '{ident}' di {chapter.rel} sudah dipakai judul bab sebelumnya "
                        "→ pilih id lain untuk tabel/gambar/lampiran ini"
                    )
                mine.setdefault(ident, final)
                set_id(node, final)
            where[final] = page
        renames.append(mine)
    return where, renames


@dataclass
class _Links:
    """Links `#id` of one chapter, resolved against the ids of the whole book."""

    rel: str
    page: str
    mine: dict[str, str]  # this chapter's renamed ids
    where: dict[str, str]  # final id -> page
    warnings: list[str]

    def resolve(self, target: str) -> str | None:
        ident = target[1:]
        local = self.mine.get(ident, ident)
        return local if local in self.where else None

    def fix_html(self, node: Node) -> list[Node] | None:
        if node["t"] == "Link" and node["c"][2][0].startswith("#"):
            final = self.resolve(node["c"][2][0])
            if final is None:
                self.warnings.append(f"{self.rel}: tautan ke '{node['c'][2][0]}' tidak ada")
            elif self.where[final] != self.page:
                node["c"][2][0] = f"{self.where[final]}#{final}"
            else:
                node["c"][2][0] = f"#{final}"
        return None

    def fix_typst(self, node: Node) -> list[Node] | None:
        if node["t"] == "Link" and node["c"][2][0].startswith("#"):
            final = self.resolve(node["c"][2][0])
            if final is None:
                return list(node["c"][1])  # the text without the (dangling) link
            node["c"][2][0] = f"#{final}"
        return None


def _shift_headings(ast: Ast) -> None:
    """One level down (max 6): a chapter inside a part is a section of the part."""
    for node in nodes(ast["blocks"]):
        if node["t"] == "Header":
            node["c"][0] = min(6, node["c"][0] + 1)


def _outline(ast: Ast) -> tuple[str | None, list[Section]]:
    """Chapter title (first level-1 heading, else the first heading) and sections (1–2)."""
    headers = [n["c"] for n in nodes(ast["blocks"]) if n["t"] == "Header"]
    if not headers:
        return None, []
    first = next((h for h in headers if h[0] == 1), headers[0])
    sections = [
        Section(h[0], h[1][0], stringify(h[2])) for h in headers if h is not first and h[0] <= 2
    ]
    return stringify(first[2]), sections


def _entries(docs: list[ChapterDoc]) -> list[Entry]:
    out: list[Entry] = []
    for doc in docs:
        for node in nodes(doc.html["blocks"]):
            if node["t"] != "Div":
                continue
            ident, _, kv = attr(node) or ("", [], {})
            number = kv.get("lkj-number")
            if not number:
                continue
            kind = kv.get("lkj-kind", "tabel")
            anchor = kv.get("lkj-anchor", ident)
            out.append(Entry(kind, number, kv.get("lkj-caption", ""), anchor, doc.page))
    return out


def _localise_images(
    ast: Ast, chapter: Chapter, media: Path, images: dict[str, bytes], warnings: list[str]
) -> None:
    for node in nodes(ast["blocks"]):
        if node["t"] != "Image":
            continue
        target = node["c"][2]
        src: str = target[0]
        data, ext = _image_bytes(src, chapter, media)
        if data is None:
            if src.startswith(("http://", "https://")):
                warnings.append(f"{chapter.rel}: gambar dari internet tidak didukung: {src}")
            else:
                warnings.append(f"{chapter.rel}: gambar tidak ditemukan: {src}")
            continue
        name = f"{IMG_DIR}/{hashlib.sha256(data).hexdigest()[:20]}{ext}"
        images[name] = data
        target[0] = name


def _image_bytes(src: str, chapter: Chapter, media: Path) -> tuple[bytes | None, str]:
    if src.startswith("data:"):
        header, _, payload = src.partition(",")
        mime = header[5:].split(";")[0]
        ext = mimetypes.guess_extension(mime) or ".bin"
        raw = base64.b64decode(payload) if ";base64" in header else payload.encode()
        return raw, ext
    if src.startswith(("http://", "https://")):
        return None, ""
    path = Path(src)
    for candidate in (path, chapter.path.parent / path, media / path):
        if candidate.is_file():
            return candidate.read_bytes(), candidate.suffix.lower()
    return None, ""
