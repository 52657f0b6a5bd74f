"""`build(params)`: validate inputs, run the notebooks, assemble HTML + PDF, publish atomically.

    from lkj.render.build import build
    out = build("params/jateng-2025-tw2.yml")          # -> _output/jateng-2025-tw2/
    out / "html" / "index.html", out / "jateng-2025-tw2.pdf"

Folders (under the project folder, the one holding data/ and notebooks/):
  _build/<run>/notebooks/   executed notebooks (cleaned: no timestamps, fixed cell ids)
  _build/<run>/media/       what pandoc extracted, per chapter and target
  _build/<run>/typst/       main.typ, lkj.typ and images: the exact PDF source
  _output/<run>/            html/, <run>.pdf, <run>.docx (Word) and <run>.xlsx (the book's
                            tables); replaced only when everything succeeded
The new output is written to `_output/.<run>.tmp-XXXX` and swapped in with two renames; on
any failure the temporary folder is deleted and the previous `_output/<run>/` is untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml

from lkj import paths
from lkj.book import memo as bookmemo
from lkj.errors import BuildError
from lkj.inputs.params import Run, load_run
from lkj.render import pagerules
from lkj.render.assemble import BookMeta, assemble, read_meta
from lkj.render.cache import Cache, Snapshot, assembly_key, digest_bytes, write_atomic
from lkj.render.docx import write_docx
from lkj.render.execute import Job, execute_all
from lkj.render.html import write_html
from lkj.render.incremental import (
    NotebookRunner,
    Timings,
    cached_or_new_pool,
    run_files,
    validation_key,
)
from lkj.render.kernels import KernelPool
from lkj.render.progress import Reporter, reporter
from lkj.render.quarto import Book, load_book
from lkj.render.reads import ChapterReads
from lkj.render.rundata import RunData
from lkj.render.typst import write_pdf

if TYPE_CHECKING:  # imported when used: a no-op rebuild never loads pandas
    from lkj.inputs.load import Inputs

Renderer = Literal["auto", "pandoc", "quarto"]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def output_paths(out: Path, run_name: str) -> tuple[Path, Path]:
    """(index.html, PDF) inside a published output folder."""
    return out / "html" / "index.html", out / f"{run_name}.pdf"


def choose_renderer(renderer: Renderer) -> str:
    quarto = shutil.which("quarto")
    if renderer == "quarto" and quarto is None:
        raise BuildError(
            "renderer 'quarto' diminta tetapi perintah quarto tidak ada di PATH → pasang Quarto "
            "(https://quarto.org) atau pakai --renderer pandoc"
        )
    if renderer not in ("auto", "pandoc", "quarto"):
        raise BuildError(f"renderer tidak dikenal: {renderer!r} (auto, pandoc, quarto)")
    if renderer == "auto":
        return "quarto" if quarto else "pandoc"
    return renderer


def validate_inputs(run: Run) -> Inputs:
    """lkj.inputs.load.load_inputs: every problem of every input file, or the loaded inputs."""
    from lkj.inputs.load import load_inputs

    return load_inputs(run)


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


def build(
    params_path: str | Path,
    *,
    renderer: Renderer = "auto",
    workers: int | None = None,
    output_root: str | Path | None = None,
    progress: bool = True,
    validate: bool = True,
    force: bool = False,
    pool: KernelPool | None = None,
    shared_kernels: bool = True,
) -> Path:
    """Build the book of one params file; return the published `_output/<run>/` folder.

    validate=False skips lkj.inputs.load validation (only for the toolchain's own tests, whose
    fixture book has no real data). Unchanged work is skipped (render/cache.py);
    force=True runs everything again. `pool` is a batch's shared KernelPool;
    shared_kernels=False runs every notebook in a fresh kernel.
    """
    report = reporter(progress)
    options = _Options(force, pool, shared_kernels)
    try:
        return _build(params_path, renderer, workers, output_root, validate, report, options)
    finally:
        report.close()


@dataclass(frozen=True)
class _Options:
    force: bool = False
    pool: KernelPool | None = None
    shared_kernels: bool = True


class Step:
    """One line of progress: marked failed if its block raises, done otherwise."""

    def __init__(self, report: Reporter, key: str, label: str):
        self.report, self.key, self.label = report, key, label
        self.detail = ""

    def __enter__(self) -> Step:
        self.report.start(self.key, self.label)
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None:
            self.report.done(self.key, self.detail)
        else:
            self.report.fail(self.key)


def _build(
    params_path: str | Path,
    renderer: Renderer,
    workers: int | None,
    output_root: str | Path | None,
    validate: bool,
    report: Reporter,
    options: _Options | None = None,
) -> Path:
    options = options or _Options()
    with Step(report, "params", f"params {Path(params_path).name}") as step:
        run = load_run(params_path)
        book = load_book(run.root)
        engine = choose_renderer(renderer)
        step.detail = f"{run.name}, {len(book.chapters)} bab, renderer {engine}"

    # Hash every input file once, before anything runs (render/cache.py, render/incremental.py).
    cache = Cache(paths.cache_dir(run.root), force=options.force)
    snapshot = Snapshot(run.root)
    files = run_files(run, snapshot)
    build_dir = paths.build_dir(run.root, run.name)
    out_root = Path(output_root) if output_root else paths.output_root(run.root)
    count = workers or os.cpu_count() or 1
    jobs = [
        Job(source=ch.path, output=build_dir / "notebooks" / ch.rel, shown=run.shown(ch.path))
        for ch in book.chapters
    ]
    parameters = {"params_file": str(run.params_path), "edition": run.params.edition}
    pool, close_pool = cached_or_new_pool(options.pool, count, options.shared_kernels)
    run_data: RunData | None = None
    reads: ChapterReads | None = None
    try:
        runner = NotebookRunner(run, cache, snapshot, pool, files)
        # Kernels take seconds to start: begin now for the notebooks the cache cannot answer,
        # so that their start overlaps the validation below.
        misses = [job for job in jobs if not runner.cached(job, parameters)]
        if misses:
            if validate:  # RunData will hand the kernels the loaded run (lkj.book.memo)
                bookmemo.announce(run)
            pool.prestart(misses[0].cwd, len(misses))

        inputs: Inputs | None = None
        if validate:
            # Before any notebook runs: bad data should fail in a second, with every problem.
            with Step(report, "inputs", "validasi data masukan") as step:
                key = validation_key(files)
                if cache.validated(key):
                    step.detail = "tidak berubah sejak validasi terakhir"
                else:
                    inputs = validate_inputs(run)
                    step.detail = f"{len(inputs.files)} berkas"
                    cache.mark_validated(key)
            if misses:  # the book will almost surely be assembled again: start on its data
                run_data = RunData(run, inputs, build_dir / "xlsx" / f"{run.name}.xlsx")

        # 1. execute: what the cache cannot answer first, the slowest of those first
        took = Timings(build_dir / "timings.json")
        missed = {job.shown for job in misses}
        index = {job.shown: i for i, job in enumerate(jobs)}
        if misses and engine == "pandoc":  # read each chapter as soon as it is executed
            reuse_reads = _reads_cache(None if options.force else cache.root)
            reads = ChapterReads(book.chapters, build_dir / "media", reuse_reads, count)

        def on_event(job: Job, what: str, seconds: float | None) -> None:
            key = "nb:" + job.shown
            if what == "start":
                report.start(key, f"notebook {job.shown}")
            elif what == "done":
                report.done(key)
                if job.shown in missed and seconds is not None:
                    took.record(job.shown, seconds)
                if reads is not None:
                    reads.start(index[job.shown], job.output)
            else:
                report.fail(key)

        def first(job: Job) -> float:
            return took.last(job.shown) + 1e6 if job.shown in missed else 0.0

        executed = execute_all(
            jobs, parameters, workers=count, on_event=on_event, run=runner, first=first
        )
        took.save()
    except BaseException:
        _close(run_data, reads)
        bookmemo.withdraw(run)  # e.g. validation failed: RunData never started
        raise
    finally:
        close_pool()
    if runner.hits:
        report.warn(f"{len(runner.hits)} notebook dipakai ulang dari cache (tidak berubah)")

    # 2. render into a temporary folder next to the final one, unless nothing it reads changed
    out_root.mkdir(parents=True, exist_ok=True)
    final = out_root / run.name
    extra = [book.config_path.read_bytes(), run.params_path.read_bytes(), str(validate).encode()]
    extra += [f"{k}\t{v}".encode() for k, v in sorted(files.items())]  # provenance reads data
    assembled = assembly_key(executed, extra, engine, final)
    stamp = build_dir / "assembly.key"
    published = _read(stamp)
    unchanged = published is not None and published.split("\n")[0] == assembled
    if unchanged and not options.force and published == _stamp(assembled, final):
        report.warn("buku tidak berubah: penyusunan HTML/PDF dilewati")
        _close(run_data, reads)
        return final
    if unchanged and not options.force:  # same inputs, but someone changed _output/<run>/
        report.warn(
            f"{run.shown(final)} diubah atau tidak lengkap sejak build terakhir: disusun ulang"
        )
    stamp.unlink(missing_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{run.name}.tmp-", dir=out_root))
    shown = [(job.shown, path) for job, path in zip(jobs, executed, strict=True)]

    def tables_and_values() -> None:
        # provenance and the book's tables need the run's data; the fixture book has none.
        if not validate:
            return
        data = run_data or RunData(run, None, build_dir / "xlsx" / f"{run.name}.xlsx")
        try:
            run_book, xlsx_detail = data.result()  # inputs and registry: loaded once for both
        finally:
            data.close()
        with Step(report, "jejak", "jejak angka (values.json, panel HTML)") as step:
            from lkj.provenance.output import write_provenance

            step.detail = write_provenance(
                run,
                shown,
                tmp,
                build_dir,
                engine,
                inputs=run_book.inputs,
                registry=run_book.reg,
            )
        with Step(report, "xlsx", "XLSX (tabel buku)") as step:
            shutil.copyfile(data.xlsx, tmp / f"{run.name}.xlsx")
            step.detail = xlsx_detail

    try:
        if engine == "quarto":
            _render_quarto(book, executed, build_dir, tmp, run.name, report)
            tables_and_values()
        else:
            meta = book_meta(book, run, executed)
            reuse = None if options.force else cache.root
            _render_pandoc(
                book,
                executed,
                build_dir,
                tmp,
                run.name,
                meta,
                count,
                report,
                reuse,
                after_html=tables_and_values,
                reads=reads,
            )
        with Step(report, "publish", f"terbitkan {run.shown(final)}"):
            publish(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        _close(run_data)
        raise
    finally:
        _close(reads)
    write_atomic(stamp, _stamp(assembled, final).encode())
    return final


def _close(*started: RunData | ChapterReads | None) -> None:
    """Stop what a build started in the background (each may be absent)."""
    for work in started:
        if work is not None:
            work.close()


def _reads_cache(cache_root: Path | None) -> Path | None:
    return cache_root / "pandoc" if cache_root is not None else None


def _stamp(assembled: str, final: Path) -> str:
    """assembly.key: the assembly's input key, then the sha256 of what was published, so a
    no-op rebuild also notices an output file deleted or edited by hand (≈ 10 ms to hash)."""
    files = sorted(p for p in final.rglob("*") if p.is_file()) if final.is_dir() else []
    listing = [f"{p.relative_to(final).as_posix()}\t{digest_bytes(p.read_bytes())}" for p in files]
    return assembled + "\n" + digest_bytes("\n".join(listing).encode("utf-8"))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _render_pandoc(
    book: Book,
    executed: list[Path],
    build_dir: Path,
    tmp: Path,
    name: str,
    meta: BookMeta,
    workers: int,
    report: Reporter,
    cache_root: Path | None = None,
    after_html: Callable[[], None] | None = None,
    reads: ChapterReads | None = None,
) -> None:
    """Pandoc reads (cached per chapter and target), then HTML (+ after_html), PDF and DOCX
    side by side: they read the same chapter ASTs and write different files. `reads`: the
    reads the build started while the notebooks ran (render.reads), else started here.

    cache_root: the build cache (None: compute everything, store nothing). Reused there:
    each chapter's pandoc AST (keyed by the executed notebook), the PDF (by main.typ and
    its images) and the DOCX (by its pandoc AST and pictures).
    """
    media_root = build_dir / "media"
    chapters = list(book.chapters)
    if reads is None:
        with ChapterReads(chapters, media_root, _reads_cache(cache_root), workers) as own:
            return _render_pandoc(
                book,
                executed,
                build_dir,
                tmp,
                name,
                meta,
                workers,
                report,
                cache_root,
                after_html,
                own,
            )
    with Step(report, "pandoc", "pandoc: notebook → AST") as step:
        media = reads.media
        html_asts, typst_asts = reads.asts("html", executed), reads.asts("typst", executed)
        doc = assemble(chapters, html_asts, typst_asts, [m / "html" for m in media])
        step.detail = f"{len(doc.entries)} tabel/lampiran terdaftar"
        if doc.skipped:  # e.g. an appendix only the internal edition shows
            step.detail += f"; bab tanpa isi dilewati: {', '.join(doc.skipped)}"
    for warning in doc.warnings:
        report.warn(warning)

    def html() -> None:
        with Step(report, "html", "HTML") as step:
            pages = write_html(doc, meta, tmp / "html", pdf_name=f"{name}.pdf", workers=workers)
            step.detail = f"{len(pages)} halaman"
        if after_html is not None:
            after_html()  # the provenance panel edits the HTML pages

    def pdf() -> None:
        with Step(report, "pdf", "PDF (typst)"):
            pdf_cache = cache_root / "pdf" if cache_root is not None else None
            warnings = write_pdf(doc, meta, build_dir / "typst", tmp / f"{name}.pdf", pdf_cache)
        warnings += pagerules.report_lines(tmp / f"{name}.pdf")
        for warning in warnings:
            report.warn(warning)

    def docx() -> None:
        with Step(report, "docx", "DOCX (Word)"):
            out = tmp / f"{name}.docx"
            asts = reads.asts("docx", executed)
            write_docx(chapters, executed, media_root, out, meta, workers, cache_root, asts)

    # Threads: typst, pandoc (subprocesses) and the Python steps overlap on the cores.
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(fn) for fn in (html, pdf, docx)]
    for future in futures:  # all finished; the first failure (in this order) is raised
        future.result()


def _render_quarto(
    book: Book, executed: list[Path], build_dir: Path, tmp: Path, name: str, report: Reporter
) -> None:
    """Render the executed notebooks with the Quarto CLI (HTML book and typst PDF).

    Quarto does not execute .ipynb files by default, so it uses the outputs made above.
    Untested where Quarto is not installed (see DESIGN.md).
    """
    project = build_dir / "notebooks"
    # The raw typst of lkj.book.display calls lkj-value() and lkj-table-note(); Quarto's typst
    # template does not define them, so the copy of _quarto.yml includes our definitions.
    config = yaml.safe_load(book.config_path.read_text(encoding="utf-8"))
    helpers = "_lkj-helpers.typ"
    (project / helpers).write_text(QUARTO_TYPST_HELPERS, encoding="utf-8")
    typst_format = config.setdefault("format", {}).setdefault("typst", {}) or {}
    config["format"]["typst"] = typst_format
    typst_format.setdefault("include-in-header", helpers)
    (project / "_quarto.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    for fmt, dest in (("html", tmp / "html"), ("typst", tmp / "quarto-typst")):
        with Step(report, f"quarto-{fmt}", f"quarto render --to {fmt}"):
            proc = subprocess.run(
                ["quarto", "render", str(project), "--to", fmt, "--output-dir", str(dest)],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                tail = proc.stderr.strip()[-3000:]
                raise BuildError(f"quarto render --to {fmt} gagal:\n{tail}")
    pdfs = sorted((tmp / "quarto-typst").rglob("*.pdf"))
    if not pdfs:
        raise BuildError("quarto render --to typst tidak menghasilkan PDF")
    shutil.move(str(pdfs[0]), tmp / f"{name}.pdf")
    shutil.rmtree(tmp / "quarto-typst", ignore_errors=True)


QUARTO_TYPST_HELPERS = """\
#let lkj-value(id, body) = context {
  let target = label("jejak:" + id)
  if query(target).len() > 0 { link(target, body) } else { body }
}
#let lkj-anchor(name, body) = [#body#label(name)]
#let lkj-table-note(body) = block(above: 0.5em, text(size: 8.5pt, style: "italic", body))
"""


def publish(tmp: Path, final: Path) -> None:
    """Swap tmp in as final with renames; the previous final is removed only afterwards."""
    old: Path | None = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
        final.rename(old)
    try:
        tmp.rename(final)
    except BaseException:
        if old is not None:
            old.rename(final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
