"""Read the book structure from `_quarto.yml` (the file Quarto itself would read).

The file stays valid for real Quarto::

    project:
      type: book
    lang: id
    book:
      title: "Laporan Kinerja"
      subtitle: "..."              # optional
      author: "..."                # optional, cover fallback for the unit name
      chapters:
        - index.ipynb              # first chapter = HTML index page (after the cover)
        - kata-pengantar.ipynb
        - part: "Isi"              # parts are allowed; their chapters are flattened
          chapters: [bab1.ipynb]
      appendices:
        - lampiran1.ipynb
    lkj:                           # our own key, ignored by Quarto
      front-matter: [index.ipynb, kata-pengantar.ipynb]

`lkj.front-matter` names the chapters before "Daftar Isi" (roman page numbers in the PDF);
it must be a prefix of `chapters`. Default: only the first chapter. `lkj.cover` may set cover
fields (unit, parent, contact, ...), though notebooks usually give them from data with
`lkj.book.display.meta`.

Where: `notebooks/_quarto.yml` under the project folder, else `_quarto.yml` in it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lkj.errors import BuildError
from lkj.inputs.buku import Entry
from lkj.inputs.yamlmessages import explain
from lkj.values import formatting as fmt

QUARTO_FILES = ("notebooks/_quarto.yml", "_quarto.yml")


@dataclass(frozen=True)
class Chapter:
    """One chapter file of the book, in reading order."""

    path: Path  # absolute path of the source notebook
    rel: str  # path as written in _quarto.yml (relative to the _quarto.yml folder)
    part: str | None = None
    front: bool = False  # before Daftar Isi (roman page numbers)
    appendix: bool = False

    @property
    def stem(self) -> str:
        """File name without suffix: the HTML page name (made unique by the assembler)."""
        return Path(self.rel).stem


@dataclass(frozen=True)
class Book:
    """The parsed `_quarto.yml`."""

    config_path: Path
    title: str
    subtitle: str | None
    author: str | None
    lang: str
    chapters: tuple[Chapter, ...]
    extra: dict[str, Any] = field(default_factory=dict)  # the `lkj:` block

    @property
    def folder(self) -> Path:
        return self.config_path.parent


def find_config(root: Path, name: str = "_quarto.yml") -> Path:
    """`notebooks/<name>`, else `<name>` at the project root (another book kind: another name)."""
    tried = tuple(rel.replace("_quarto.yml", name) for rel in QUARTO_FILES)
    for rel in tried:
        candidate = root / rel
        if candidate.is_file():
            return candidate
    raise BuildError(
        f"tidak ada {name} di {root} (dicari: {', '.join(tried)}) → "
        f"buat {name} berisi project/book/chapters"
    )


def _entries(items: Any, where: str, shown: str) -> list[tuple[str, str | None]]:
    """Flatten chapter entries (strings, {href: ...}, {part: ..., chapters: [...]})."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise BuildError(f"{shown}: book.{where} harus berupa daftar berkas")
    out: list[tuple[str, str | None]] = []
    for item in items:
        if isinstance(item, str):
            out.append((item, None))
        elif isinstance(item, dict) and "part" in item:
            part = item["part"]
            for rel, _ in _entries(item.get("chapters") or [], where, shown):
                out.append((rel, str(part)))
        elif isinstance(item, dict) and "href" in item:
            out.append((str(item["href"]), None))
        else:
            raise BuildError(f"{shown}: entri book.{where} tidak dikenal: {item!r}")
    return out


def load_book(  # noqa: C901 (reworked with the real-Quarto renderer)
    root: Path, declared: list[Entry] | None = None, name: str = "_quarto.yml"
) -> Book:
    """Parse `_quarto.yml` (or another kind of book's file `name`) under the project folder
    `root`; `declared` (unit.yml `bab`, lkj.inputs.buku) replaces its chapter list."""
    path = find_config(root, name)
    shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:  # PyYAML's English text, translated with its line
        why = explain(exc)
        line = f", baris {why.row}" if why.row else ""
        raise BuildError(f"{shown}{line}: {why.message} → {why.fix}") from None
    if not isinstance(data, dict):
        raise BuildError(f"{shown}: isi harus berupa pemetaan kunci: nilai")
    project = data.get("project") or {}
    if project.get("type") != "book":
        raise BuildError(f"{shown}: project.type harus 'book'")
    book = data.get("book") or {}
    if not isinstance(book, dict) or not book.get("title"):
        raise BuildError(f"{shown}: book.title wajib diisi")
    extra = data.get("lkj") or {}
    if not isinstance(extra, dict):
        raise BuildError(f"{shown}: kunci lkj harus berupa pemetaan")

    main = _entries(book.get("chapters"), "chapters", shown)
    appendices = _entries(book.get("appendices"), "appendices", shown)
    if declared:
        return _declared_book(root, path, data, book, extra, declared)
    if not main:
        raise BuildError(f"{shown}: book.chapters kosong")
    front = extra.get("front-matter", [main[0][0]])
    if isinstance(front, str):
        front = [front]
    if [rel for rel, _ in main[: len(front)]] != list(front):
        raise BuildError(
            f"{shown}: lkj.front-matter {front} harus sama dengan bab-bab pertama "
            f"book.chapters ({[rel for rel, _ in main[: len(front)]]})"
        )

    chapters: list[Chapter] = []
    seen: set[str] = set()
    for index, (rel, part) in enumerate(main + appendices):
        source = (path.parent / rel).resolve()
        if rel in seen:
            raise BuildError(f"{shown}: {rel} terdaftar dua kali")
        seen.add(rel)
        if source.suffix != ".ipynb":
            raise BuildError(f"{shown}: {rel}: hanya notebook .ipynb yang didukung")
        if not source.is_file():
            raise BuildError(f"{shown}: bab {rel} tidak ditemukan ({source})")
        chapters.append(
            Chapter(
                path=source,
                rel=rel,
                part=part,
                front=index < len(front),
                appendix=index >= len(main),
            )
        )
    return _book(path, data, book, extra, chapters)


def _book(
    path: Path,
    data: dict[str, Any],
    book: dict[str, Any],
    extra: dict[str, Any],
    chapters: list[Chapter],
) -> Book:
    return Book(
        config_path=path,
        title=str(book["title"]),
        subtitle=str(book["subtitle"]) if book.get("subtitle") else None,
        author=_author(book.get("author")),
        lang=str(data.get("lang", "id")),
        chapters=tuple(chapters),
        extra=extra,
    )


def _declared_book(
    root: Path,
    path: Path,
    data: dict[str, Any],
    book: dict[str, Any],
    extra: dict[str, Any],
    declared: list[Entry],
) -> Book:
    """The book with the unit's chapters (checked with its inputs: lkj.inputs.buku)."""
    chapters = []
    for entry in declared:
        part = entry.bagian
        if part is not None and entry.nomor:
            part = part.replace("{bab}", fmt.roman(entry.nomor))
        source = (root / entry.berkas).resolve()
        if not source.is_file():
            raise BuildError(f"unit.yml: bab {entry.berkas} tidak ditemukan ({source})")
        rel = os.path.relpath(source, path.parent)
        chapters.append(Chapter(source, rel, part, entry.depan, entry.lampiran))
    return _book(path, data, book, extra, chapters)


def _author(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v.get("name", v)) if isinstance(v, dict) else str(v) for v in value)
    return str(value)
