"""The HTML-first assembly of `lkj preview`: the page first, the PDF and DOCX after it.

`lkj build` publishes HTML, PDF, DOCX, XLSX and values.json together. The preview needs only
the HTML to show a change, and typesetting the PDF and writing the DOCX take longer than the
HTML (docs/performance.md), so after the notebooks it writes the HTML book (with its
provenance panel and values.json) into `_build/<run>/preview/`, swapped in atomically like a
published folder; that is what the browser sees. The full assembly (render/outputs.py) and
publish then run as usual and refresh `_output/<run>/`, reusing the same chapter reads and
run data. The served pages link the PDF and DOCX of `_output/<run>/`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from lkj import paths
from lkj.render import trash
from lkj.render.assemble import BookDoc, assemble
from lkj.render.digestfill import fill
from lkj.render.html import write_html
from lkj.render.outputs import book_meta, file_hashes, tables_and_values
from lkj.render.plan import Plan
from lkj.render.progress import Reporter, Step
from lkj.render.reads import ChapterReads
from lkj.render.rundata import RunData
from lkj.render.stages import Executed


def served_folder(plan: Plan) -> Path:
    """Where the preview's HTML book lives: `_build/<run>/preview/`."""
    return plan.build_dir / paths.PREVIEW


def served_book(
    reads: ChapterReads, plan: Plan, notebooks: list[Path], report: Reporter
) -> BookDoc:
    """outputs.read_book on ASTs taken from the reads: assembling rewrites them in place
    (picture paths, numbering), and the full assembly after this one, off the critical
    path, reads them again (from the pandoc cache) instead of this path deep-copying them."""
    with Step(report, "pandoc", "pandoc: notebook → AST (pratinjau)"):
        digest_of = file_hashes(plan)  # Jejak Angka's hashes (render/digestfill.py)
        html = fill(reads.take("html", notebooks), digest_of)
        typst = fill(reads.take("typst", notebooks), digest_of)
        media = [m / "html" for m in reads.media]
        doc = assemble(list(plan.book.chapters), html, typst, media)
    for warning in doc.warnings:
        report.warn(warning)
    return doc


def write_served(plan: Plan, executed: Executed, report: Reporter) -> Path:
    """The HTML book (and values.json) of `executed`, swapped in as served_folder(plan).

    The chapter reads and the run data are left in `executed` for the full assembly: both
    keep their results, so nothing is read or computed twice.
    """
    if executed.reads is None:  # every notebook came from the cache
        cache = None if plan.force else paths.cache_part(plan.cache.root, "pandoc")
        media = plan.build_dir / paths.MEDIA
        executed.reads = ChapterReads(plan.book.chapters, media, cache, plan.workers)
    if plan.validate and executed.run_data is None:
        executed.run_data = RunData(plan.run, None, plan.xlsx)
    doc = served_book(executed.reads, plan, executed.notebooks, report)
    meta = book_meta(plan.book, plan.run, executed.notebooks)
    folder = served_folder(plan)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{paths.PREVIEW}.tmp-", dir=folder.parent))
    try:
        with Step(report, "html", "HTML (pratinjau)") as step:
            pdf = f"{plan.run.name}.pdf"
            pages = write_html(doc, meta, tmp / "html", pdf_name=pdf, workers=plan.workers)
            step.detail = f"{len(pages)} halaman"
        tables_and_values(plan, executed, tmp, report)
        trash.swap(tmp, folder)  # the old book is deleted in the background
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder
