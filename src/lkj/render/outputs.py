"""Stage 3 of a build, `assemble_outputs`: every output file, in a temporary folder.

From the executed notebooks it writes HTML, PDF, DOCX (pandoc path; or Quarto's HTML and PDF)
and, for a run with data, values.json with the provenance panel and the XLSX, all into
`_output/.<run>.tmp-XXXX` next to the published folder; render/publish.py swaps it in. When
nothing the assembly reads has changed and the published folder is still what the last build
published (`assembly.key`), nothing is assembled at all.
"""

from __future__ import annotations

import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lkj import paths
from lkj.inputs.params import Run
from lkj.render import digestfill, pagerules
from lkj.render.assemble import BookDoc, BookMeta, assemble, read_meta
from lkj.render.cache import assembly_key, digest_bytes
from lkj.render.docx import write_docx
from lkj.render.html import write_html
from lkj.render.plan import Plan
from lkj.render.progress import Reporter, Step
from lkj.render.quarto import Book
from lkj.render.reads import ChapterReads
from lkj.render.rundata import RunData
from lkj.render.stages import Executed
from lkj.render.typst import write_pdf

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Assembled:
    """The assembly's result: `folder` holds every output file, or is None when the
    published `final` is already what these inputs make (`key`, recorded in `stamp`)."""

    folder: Path | None
    key: str
    final: Path
    stamp: Path


def book_meta(book: Book, run: Run, executed: list[Path]) -> BookMeta:
    """_quarto.yml, then the params, then lkj.book.display.meta() calls in the notebooks."""
    meta = BookMeta(title=book.title, subtitle=book.subtitle, unit=book.author)
    meta.update({k: v for k, v in (book.extra.get("cover") or {}).items()})
    meta.year = run.params.year
    meta.period = f"Triwulan {ROMAN[run.params.quarter]}"
    if run.params.title:
        meta.title = run.params.title
    meta.update(read_meta(executed))
    meta.edition = run.params.edition  # never overridable: it decides what may be shown
    return meta


def input_key(plan: Plan, executed: list[Path]) -> str:
    """What the assembly reads: executed notebooks, _quarto.yml, params, data, templates."""
    extra = [plan.book.config_path.read_bytes(), plan.run.params_path.read_bytes()]
    extra.append(str(plan.validate).encode())
    extra += [f"{k}\t{v}".encode() for k, v in sorted(plan.files.items())]  # provenance
    return assembly_key(executed, extra, plan.engine, plan.final)


def stamp_text(key: str, final: Path) -> str:
    """assembly.key: the assembly's input key, then the sha256 of what was published, so a
    no-op rebuild also notices an output file deleted or edited by hand (≈ 10 ms to hash)."""
    files = sorted(p for p in final.rglob("*") if p.is_file()) if final.is_dir() else []
    listing = [f"{p.relative_to(final).as_posix()}\t{digest_bytes(p.read_bytes())}" for p in files]
    return key + "\n" + digest_bytes("\n".join(listing).encode("utf-8"))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def up_to_date(plan: Plan, key: str, stamp: Path, report: Reporter) -> bool:
    """Whether the published output is what `key` would assemble, untouched since."""
    published = _read(stamp)
    if plan.force or published is None or published.split("\n")[0] != key:
        return False
    if published == stamp_text(key, plan.final):
        report.warn("buku tidak berubah: penyusunan HTML/PDF dilewati")
        return True
    shown = plan.run.shown(plan.final)
    report.warn(f"{shown} diubah atau tidak lengkap sejak build terakhir: disusun ulang")
    return False


def quarto_book(plan: Plan, executed: Executed, tmp: Path, report: Reporter) -> None:
    """The Quarto path: Quarto's HTML book and typst PDF, lkj's tables and values beside."""
    from lkj.render.quarto_render import render_quarto

    meta = book_meta(plan.book, plan.run, executed.notebooks)
    with Step(report, "quarto", "quarto render (HTML + PDF typst)"):
        warnings = render_quarto(
            plan.book,
            executed.notebooks,
            plan.build_dir,
            tmp,
            plan.run.name,
            meta,
            file_hashes(plan),
        )
    for warning in warnings:
        report.warn(warning)
    tables_and_values(plan, executed, tmp, report)


def assemble_outputs(plan: Plan, executed: Executed, report: Reporter) -> Assembled:
    """Every output file into a new temporary folder (deleted again if anything fails)."""
    key = input_key(plan, executed.notebooks)
    stamp = plan.build_dir / paths.ASSEMBLY_STAMP
    if up_to_date(plan, key, stamp, report):
        executed.close()
        return Assembled(None, key, plan.final, stamp)
    stamp.unlink(missing_ok=True)
    plan.final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{plan.run.name}.tmp-", dir=plan.final.parent))
    try:
        if plan.engine == "quarto":
            quarto_book(plan, executed, tmp, report)
        else:
            render_pandoc(plan, executed, tmp, report)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        executed.close()
        raise
    if executed.reads is not None:
        executed.reads.close()
    return Assembled(tmp, key, plan.final, stamp)


def tables_and_values(plan: Plan, executed: Executed, tmp: Path, report: Reporter) -> None:
    """values.json + provenance panel and the XLSX; the fixture book (no data) has none."""
    if not plan.validate:
        return
    data = executed.run_data or RunData(plan.run, None, plan.xlsx)
    try:
        run_book, xlsx_detail = data.result()  # inputs and registry: loaded once for both
    finally:
        data.close()
    shown = [(job.shown, path) for job, path in zip(plan.jobs, executed.notebooks, strict=True)]
    with Step(report, "jejak", "jejak angka (values.json, panel HTML)") as step:
        from lkj.provenance.output import write_provenance

        step.detail = write_provenance(
            plan.run,
            shown,
            tmp,
            plan.build_dir,
            plan.engine,
            inputs=run_book.inputs,
            registry=run_book.reg,
        )
    with Step(report, "xlsx", "XLSX (tabel buku)") as step:
        shutil.copyfile(data.xlsx, tmp / f"{plan.run.name}.xlsx")
        step.detail = xlsx_detail


def file_hashes(plan: Plan) -> digestfill.Digests:
    """The sha256 of each file of the run as this build's snapshot took it."""
    return digestfill.digests(plan.run.root, plan.files)


def read_book(reads: ChapterReads, plan: Plan, executed: list[Path], report: Reporter) -> BookDoc:
    """The chapters' pandoc ASTs as one book (render/assemble.py)."""
    with Step(report, "pandoc", "pandoc: notebook → AST") as step:
        html_asts, typst_asts = reads.asts("html", executed), reads.asts("typst", executed)
        digest_of = file_hashes(plan)  # Jejak Angka's hashes (not in the notebook's output)
        html_asts, typst_asts = (
            digestfill.fill(html_asts, digest_of),
            digestfill.fill(typst_asts, digest_of),
        )
        media = [m / "html" for m in reads.media]
        doc = assemble(list(plan.book.chapters), html_asts, typst_asts, media)
        step.detail = f"{len(doc.entries)} tabel/lampiran terdaftar"
        if doc.skipped:  # e.g. an appendix only the internal edition shows
            step.detail += f"; bab tanpa isi dilewati: {', '.join(doc.skipped)}"
    for warning in doc.warnings:
        report.warn(warning)
    return doc


def render_pandoc(plan: Plan, executed: Executed, tmp: Path, report: Reporter) -> None:
    """Pandoc reads (cached per chapter and target), then HTML (+ tables and values), PDF and
    DOCX side by side: they read the same chapter ASTs and write different files.

    Reused from the cache (plan.reuse; none with force): each chapter's pandoc AST (keyed by
    the executed notebook), the PDF (by main.typ and its images) and the DOCX (by its pandoc
    AST and pictures). The reads the execute stage started are used, else started here.
    """
    cache_root, name, notebooks = plan.reuse, plan.run.name, executed.notebooks
    media_root = plan.build_dir / paths.MEDIA
    chapters = list(plan.book.chapters)
    if executed.reads is None:
        pandoc_cache = paths.cache_part(cache_root, "pandoc") if cache_root is not None else None
        executed.reads = ChapterReads(chapters, media_root, pandoc_cache, plan.workers)
    reads = executed.reads
    meta = book_meta(plan.book, plan.run, notebooks)
    doc = read_book(reads, plan, notebooks, report)

    def html() -> None:
        with Step(report, "html", "HTML") as step:
            pages = write_html(
                doc, meta, tmp / "html", pdf_name=f"{name}.pdf", workers=plan.workers
            )
            step.detail = f"{len(pages)} halaman"
        tables_and_values(plan, executed, tmp, report)  # the provenance panel edits the pages

    def pdf() -> None:
        with Step(report, "pdf", "PDF (typst)"):
            pdf_cache = paths.cache_part(cache_root, "pdf") if cache_root is not None else None
            source = plan.build_dir / paths.TYPST_SOURCE
            warnings = write_pdf(doc, meta, source, tmp / f"{name}.pdf", pdf_cache)
        warnings += pagerules.report_lines(tmp / f"{name}.pdf")  # what a reader would see
        for warning in warnings:
            report.warn(warning)

    def docx() -> None:
        with Step(report, "docx", "DOCX (Word)") as step:
            asts = digestfill.fill(reads.asts("docx", notebooks), file_hashes(plan))
            out = tmp / f"{name}.docx"
            step.detail = write_docx(
                chapters, notebooks, media_root, out, meta, plan.workers, cache_root, asts
            )

    # Threads: typst, pandoc (subprocesses) and the Python steps overlap on the cores.
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(fn) for fn in (html, pdf, docx)]
    for future in futures:  # all finished; the first failure (in this order) is raised
        future.result()
