"""The Quarto project a `--renderer quarto` build hands to `quarto render`.

Quarto reads the executed notebooks, but not quite as they are:
- a book needs its home page at the project root (`index.*`), while `_quarto.yml` lists
  `notebooks/index.ipynb`: every chapter is copied flat, under the page name the pandoc
  renderer gives it (`lkj.render.assemble.page_names`), so both books have the same pages;
- for HTML Quarto prefers an output's `text/html` (lkj.display's Jupyter preview, which
  drops the value ids) over its `text/markdown` (what the book is made of), and it wraps
  outputs in divs of its own: each markdown output becomes a markdown cell, so that its
  headings (the chapter title in Quarto's sidebar), fenced divs and raw blocks are part
  of the document, as they are in the pandoc renderer;
- code and stream output never reach the book (as in the pandoc renderer).
The Daftar Isi/Tabel/Lampiran of the PDF and the page numbering switch are added as raw
typst where the pandoc renderer puts them (before the first chapter after the front matter).
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkj.book.display import META_MIME
from lkj.render.assemble import page_names
from lkj.render.quarto import Book, Chapter

CELL_OPTIONS = "#| echo: false\n"
IMAGES = "img"
# A fenced div whose id has a Quarto cross-reference prefix becomes a Quarto float (its own
# "Tabel 1.1" numbering, the raw typst inside a figure); lkj numbers its tables itself.
_XREF_DIV = re.compile(r"^(:{3,}[ \t]*)\{#((?:tbl|fig|lst)-[^\s}]+)[ \t]*", re.M)
_DATA_URI = re.compile(r"\]\(data:image/(png|jpeg|gif|svg\+xml);base64,([A-Za-z0-9+/=]+)\)")
_HEADING = re.compile(r"^(#{1,5}[ \t]+.+?)(?:[ \t]*\{([^{}]*)\})?[ \t]*$", re.M)
_SUFFIX = {"png": "png", "jpeg": "jpg", "gif": "gif", "svg+xml": "svg"}
MAINMATTER = '#set page(numbering: "1", flipped: false)\n#counter(page).update(1)'


@dataclass(frozen=True)
class Staged:
    """One chapter as Quarto reads it."""

    chapter: Chapter
    name: str  # file name in the staged project, e.g. "bab1.ipynb"
    notebook: dict[str, Any]

    @property
    def shows_something(self) -> bool:
        return any(_cell_shows(cell) for cell in self.notebook["cells"])


def _removed(cell: dict[str, Any]) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return any(tag in ("remove-cell", "remove_cell") for tag in tags)


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def _clean_output(output: dict[str, Any]) -> dict[str, Any] | None:
    """The output as the book reads it (markdown, else an image), or None."""
    if output.get("output_type") not in ("display_data", "execute_result"):
        return None  # stream (print, warnings) and errors
    data = output.get("data", {})
    if META_MIME in data:
        return None  # lkj.display.meta: read by the build, invisible
    if "text/markdown" in data:
        if not _text(data["text/markdown"]).strip():
            return None
        kept = {"text/markdown": data["text/markdown"]}
    else:
        images = {k: v for k, v in data.items() if k.startswith("image/")}
        if not images:
            return None
        kept = images
    return {"output_type": "display_data", "data": kept, "metadata": {}}


def _clean_cell(cell: dict[str, Any]) -> list[dict[str, Any]]:
    """The cell as Quarto should read it: markdown outputs become markdown cells."""
    if _removed(cell):
        return []
    if cell.get("cell_type") == "markdown":
        return [copy.deepcopy(cell)]
    if cell.get("cell_type") != "code":
        return []
    cells: list[dict[str, Any]] = []
    outputs = [o for o in map(_clean_output, cell.get("outputs", [])) if o is not None]
    for n, output in enumerate(outputs):
        cell_id = f"{cell.get('id', 'cell')}-{n}"
        if "text/markdown" in output["data"]:
            text = _XREF_DIV.sub(r'\1{lkj-id="\2" ', _text(output["data"]["text/markdown"]))
            cells.append(_markdown_cell(text, cell_id))
        else:  # an image that did not go through lkj.display.figure
            cells.append(
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "id": cell_id,
                    "metadata": {},
                    "outputs": [output],
                    "source": CELL_OPTIONS,
                }
            )
    return cells


def _cell_shows(cell: dict[str, Any]) -> bool:
    if cell["cell_type"] == "markdown":
        return bool(_text(cell.get("source")).strip())
    return bool(cell.get("outputs"))


def _markdown_cell(text: str, cell_id: str) -> dict[str, Any]:
    # nbformat's on-disk form: a list of lines (Quarto joins a plain string's lines wrongly)
    lines = text.splitlines(keepends=True)
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": lines}


def _raw_typst(text: str, cell_id: str) -> dict[str, Any]:
    return _markdown_cell(f"```{{=typst}}\n{text}\n```\n", cell_id)


def clean_notebook(executed: Path) -> dict[str, Any]:
    nb = json.loads(executed.read_text(encoding="utf-8"))
    cells = [c for cell in nb.get("cells", []) for c in _clean_cell(cell)]
    metadata = {k: v for k, v in nb.get("metadata", {}).items() if k in ("kernelspec",)}
    # Quarto must not run them again: they are already executed by the build.
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def _markdown(staged: list[Staged]) -> str:
    """Every markdown the staged book shows, as one text (to look for lkj.display marks)."""
    cells = [cell for item in staged for cell in item.notebook["cells"]]
    return "\n".join(_text(c["source"]) for c in cells if c["cell_type"] == "markdown")


def stage_chapters(book: Book, executed: list[Path]) -> tuple[list[Staged], list[str]]:
    """The chapters that show something (and the shown names of those left out)."""
    names = page_names(list(book.chapters))
    staged: list[Staged] = []
    skipped: list[str] = []
    for chapter, path, page in zip(book.chapters, executed, names, strict=True):
        item = Staged(chapter, page.removesuffix(".html") + ".ipynb", clean_notebook(path))
        if chapter.part:
            _mark_headings(item.notebook)
        if item.shows_something:
            staged.append(item)
        else:
            skipped.append(chapter.rel)
    _add_lists(staged)
    return staged, skipped


def _mark_headings(nb: dict[str, Any]) -> None:
    """Headings of a chapter inside a part get `.lkj-in-part`: in the PDF the part title is
    the chapter heading and these go one level below it (lkj-quarto.lua), as in the pandoc
    renderer's PDF; Quarto's HTML keeps them as they are."""

    def mark(match: re.Match[str]) -> str:
        attrs = (match.group(2) or "").strip()
        return f"{match.group(1)} {{{(attrs + ' ') if attrs else ''}.lkj-in-part}}"

    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            text = _HEADING.sub(mark, _text(cell["source"]))
            cell["source"] = text.splitlines(keepends=True)


def _add_lists(staged: list[Staged]) -> None:
    """Daftar Isi/Tabel/Lampiran + arabic page numbers before the first main chapter."""
    shown = _markdown(staged)  # numbered tables and lampiran are listed (lkj.display)
    tables = 'lkj-kind="tabel" lkj-number=' in shown
    appendices = 'lkj-kind="lampiran"' in shown
    lists = f"#lkj-lists(tables: {str(tables).lower()}, appendices: {str(appendices).lower()})"
    # At the end of the front matter: Quarto puts a chapter's title before all its cells.
    front = [item for item in staged if item.chapter.front] or staged[:1]
    if front and len(front) < len(staged):
        front[-1].notebook["cells"].append(_raw_typst(f"{lists}\n{MAINMATTER}", "lkj-lists"))
    elif front:
        front[-1].notebook["cells"].append(_raw_typst(lists, "lkj-lists"))


def chapter_entries(staged: list[Staged]) -> tuple[list[Any], list[str]]:
    """book.chapters and book.appendices of the staged _quarto.yml (parts kept)."""
    chapters: list[Any] = []
    appendices: list[str] = []
    for item in staged:
        if item.chapter.appendix:
            appendices.append(item.name)
        elif item.chapter.part:
            last = chapters[-1] if chapters else None
            if isinstance(last, dict) and last.get("part") == item.chapter.part:
                last["chapters"].append(item.name)
            else:
                chapters.append({"part": item.chapter.part, "chapters": [item.name]})
        else:
            chapters.append(item.name)
    return chapters, appendices


def write_notebooks(staged: list[Staged], folder: Path) -> None:
    for item in staged:
        for cell in item.notebook["cells"]:
            if cell["cell_type"] == "markdown":
                cell["source"] = [_image_files(line, folder) for line in cell["source"]]
        text = json.dumps(item.notebook, ensure_ascii=False, indent=1) + "\n"
        (folder / item.name).write_text(text, encoding="utf-8")


def _image_files(text: str, folder: Path) -> str:
    """Embedded images (lkj.display.figure) as files: Quarto names the files it extracts
    for typst after the end of the base64 text, which is the same for many PNGs."""

    def extract(match: re.Match[str]) -> str:
        data = base64.b64decode(match.group(2))
        name = f"{IMAGES}/{hashlib.sha256(data).hexdigest()[:20]}.{_SUFFIX[match.group(1)]}"
        (folder / IMAGES).mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
        return f"]({name})"

    return _DATA_URI.sub(extract, text)
