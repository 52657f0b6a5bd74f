"""`--renderer quarto`: the HTML book and the typst PDF made by the Quarto CLI.

The executed notebooks are staged as a Quarto book project in `_build/<run>/quarto/`
(lkj.render.quarto_stage) with a `_quarto.yml` made from the project's own one: its
chapters under their staged names, Quarto's execution off (the build has run them), and
what makes the book lkj's rather than Quarto's default article:
  - typst: lkj.typ (read from the package resources, the same file the pandoc renderer
    imports) as header include, and a `typst-show.typ` template partial that applies
    `lkj-book` and places `lkj-cover` instead of Quarto's title block;
  - html: the content rules of lkj.css (tables, headings, signatures) and, in the
    internal edition, the TERBATAS banner on every page;
  - both: lkj-quarto.lua (value spans → `lkj-value` in typst; wrappers unwrapped).
One `quarto render` makes both formats; the PDF is moved beside html/ as `<run>.pdf`.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from lkj import paths
from lkj.book.tablespec import typst_str
from lkj.errors import BuildError
from lkj.render.assemble import BookMeta
from lkj.render.digestfill import Digests, fill_notebook
from lkj.render.quarto import Book
from lkj.render.quarto_offline import make_offline
from lkj.render.quarto_stage import chapter_entries, stage_chapters, write_notebooks
from lkj.render.typst import cover, source_epoch

FILTER = "lkj-quarto.lua"
TYPST_STYLE = "_lkj.typ"
TYPST_SHOW = "typst-show.typ"
HTML_CSS = "lkj-quarto.css"
HTML_BANNER = "_lkj-banner.html"
BANNER = (
    '<div class="lkj-restricted" role="note"><strong>TERBATAS</strong> — edisi internal, '
    "memuat data pribadi (UU 27/2022). Jangan disebarluaskan.</div>\n"
)
EXTRA_CSS = (
    # the provenance panel above Quarto's fixed page parts (its outline button, navbar)
    "aside.lkj-trace { z-index: 10000; }\n"
    ".lkj-restricted { position: sticky; top: 0; z-index: 1100; background: #b00020; "
    "color: #fff; text-align: center; padding: 0.35rem 1rem; font-size: 0.85rem; }\n"
)


def content_css(css: str) -> str:
    """The parts of lkj.css about the content (Quarto brings its own frame and sidebar)."""
    root_end = css.index("}", css.index(":root")) + 1
    start = css.index("/* ---", css.index("content */") - 80)
    end = css.index("/* ---", start + 10)
    tail = css[css.index("/* Signature blocks") :] if "/* Signature blocks" in css else ""
    return css[css.index(":root") : root_end] + "\n\n" + css[start:end] + tail


def typst_show(meta: BookMeta) -> str:
    """The template partial: lkj's page style and cover, roman page numbers until BAB I."""
    return (
        # Quarto's typst books call #part[...] and `#show: appendices.with(...)` (orange-book,
        # the book template this partial replaces, defines them): a part title is a
        # chapter-level heading, as in the pandoc renderer's PDF; appendices need no rule.
        "#let part(body) = heading(level: 1, body)\n"
        "#let appendices(title, hide-parent: false, body) = body\n"
        "#show: lkj-book.with(\n"
        f"  title: {typst_str(meta.running)},\n"
        f"  running: {typst_str(meta.running)},\n"
        f"  author: {typst_str(meta.unit or '')},\n"
        f"  internal: {'true' if meta.internal else 'false'},\n"
        ")\n" + cover(meta) + '#set page(numbering: "i")\n#counter(page).update(1)\n'
    )


def project_config(book: Book, meta: BookMeta, chapters: list[Any], appendices: list[str]) -> dict:
    """The staged _quarto.yml: the project's own settings, lkj's additions, staged chapters."""
    config = copy.deepcopy(yaml.safe_load(book.config_path.read_text(encoding="utf-8")) or {})
    config.pop("lkj", None)  # ours, not Quarto's
    project = config.setdefault("project", {})
    project.pop("output-dir", None)  # the build says where (a temporary folder)
    project["type"] = "book"
    entries = config.setdefault("book", {})
    entries.update(title=meta.running, chapters=chapters)
    entries["author"] = meta.unit or entries.get("author")
    entries.pop("appendices", None)
    if appendices:
        entries["appendices"] = appendices
    config.setdefault("lang", book.lang)
    config.setdefault("execute", {})["enabled"] = False
    filters = config.setdefault("filters", [])
    filters.append(FILTER)
    formats = config.setdefault("format", {})
    html = formats.setdefault("html", {}) or {}
    formats["html"] = html
    html.setdefault("number-sections", False)
    html.setdefault("toc", True)
    html["css"] = [*_listed(html.get("css")), HTML_CSS]
    if meta.internal:
        html["include-before-body"] = [*_listed(html.get("include-before-body")), HTML_BANNER]
    typ = formats.setdefault("typst", {}) or {}
    formats["typst"] = typ
    typ.setdefault("papersize", "a4")
    # lkj gives typst its own table markup; Quarto would also turn the raw HTML of each table
    # into a second typst table (with juice, a CSS inliner it downloads when first used).
    typ["html-table-processing"] = "none"
    typ.setdefault("number-sections", False)
    typ["include-in-header"] = [*_listed(typ.get("include-in-header")), TYPST_STYLE]
    typ["template-partials"] = [*_listed(typ.get("template-partials")), TYPST_SHOW]
    return config


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def stage_project(
    book: Book,
    executed: list[Path],
    folder: Path,
    meta: BookMeta,
    digest_of: Digests | None = None,
) -> list[str]:
    """Write the Quarto project into folder (emptied first); return the chapters left out.
    `digest_of` gives Jejak Angka's file hashes (lkj.render.digestfill)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    staged, skipped = stage_chapters(book, executed)
    if digest_of is not None:
        for item in staged:
            fill_notebook(item.notebook, digest_of)
    write_notebooks(staged, folder)
    chapters, appendices = chapter_entries(staged)
    config = project_config(book, meta, chapters, appendices)
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (folder / "_quarto.yml").write_text(text, encoding="utf-8")
    shutil.copyfile(paths.resource(f"quarto/{FILTER}"), folder / FILTER)
    shutil.copyfile(paths.resource("typst/lkj.typ"), folder / TYPST_STYLE)
    (folder / TYPST_SHOW).write_text(typst_show(meta), encoding="utf-8")
    css = content_css(paths.resource("html/lkj.css").read_text(encoding="utf-8"))
    (folder / HTML_CSS).write_text(css + EXTRA_CSS, encoding="utf-8")
    (folder / HTML_BANNER).write_text(BANNER, encoding="utf-8")
    return skipped


def run_quarto(folder: Path, dest: Path, epoch: int | None = None) -> None:
    """`quarto render` of the staged project into dest (HTML pages and the PDF)."""
    command = ["quarto", "render", str(folder), "--output-dir", str(dest)]
    env = {**os.environ, "QUARTO_LOG_LEVEL": os.environ.get("QUARTO_LOG_LEVEL", "WARNING")}
    if epoch is not None:  # the typst CLI dates the PDF with it (as the pandoc renderer does)
        env.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    try:
        proc = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    except OSError as exc:
        raise BuildError(f"quarto tidak dapat dijalankan: {exc} → periksa PATH") from None
    if proc.returncode != 0:
        tail = (proc.stderr.strip() or proc.stdout.strip())[-3000:]
        raise BuildError(f"quarto render gagal (kode {proc.returncode}):\n{tail}")


def render_quarto(
    book: Book,
    executed: list[Path],
    build_dir: Path,
    tmp: Path,
    name: str,
    meta: BookMeta,
    digest_of: Digests | None = None,
) -> list[str]:
    """tmp/html (the Quarto book) and tmp/<name>.pdf; returns warnings for the build."""
    folder = build_dir / paths.QUARTO_STAGE
    skipped = stage_project(book, executed, folder, meta, digest_of)
    html = tmp / "html"
    run_quarto(folder, html, source_epoch(meta))
    pdfs = sorted(html.glob("*.pdf"))
    if len(pdfs) != 1:
        raise BuildError(f"quarto render: diharapkan satu PDF di {html}, ada {len(pdfs)}")
    shutil.move(pdfs[0], tmp / f"{name}.pdf")
    (html / "assets").mkdir(exist_ok=True)  # the provenance panel's scripts go there
    warnings = make_offline(html)
    if skipped:
        warnings.append(f"bab tanpa isi dilewati: {', '.join(skipped)}")
    return warnings
