"""Stage 1 of a build, `plan`: what this build has to do, decided before anything runs.

It reads the params file and `_quarto.yml`, picks the renderer, hashes every input file once
(render/cache.py's Snapshot: a file edited during the build mismatches at the next build
instead of being trusted) and asks the cache which notebooks it cannot answer. Nothing is
started or written here; the later stages (render/stages.py, render/outputs.py,
render/publish.py) only act on the `Plan`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from lkj import paths
from lkj.errors import BuildError
from lkj.inputs.params import ParamsError, Run, load_run
from lkj.render.book_kind import book_source
from lkj.render.cache import Cache, Snapshot
from lkj.render.execute import Job
from lkj.render.incremental import run_files
from lkj.render.progress import Reporter, Step
from lkj.render.quarto import Book, load_book

Renderer = Literal["auto", "pandoc", "quarto"]


@dataclass(frozen=True)
class Plan:
    """One build's decisions: the run, its book, the renderer, the notebooks to execute."""

    run: Run
    book: Book
    engine: str  # "pandoc" | "quarto"
    validate: bool  # False only for the toolchain's own fixture book (no real data)
    force: bool  # run and assemble everything again
    workers: int
    cache: Cache
    snapshot: Snapshot
    files: dict[str, str | None]  # every input file of the run (and the params) -> sha256
    jobs: list[Job]  # every chapter, in book order
    parameters: Mapping[str, Any]  # what papermill injects into every notebook
    misses: list[Job]  # the jobs the cache cannot answer: they will execute
    build_dir: Path  # _build/<run>/
    final: Path  # _output/<run>/ (or below the output root given)

    @property
    def reuse(self) -> Path | None:
        """The cache folder the assembly may reuse entries from (None: compute everything)."""
        return None if self.force else self.cache.root

    @property
    def xlsx(self) -> Path:
        return self.build_dir / paths.XLSX / f"{self.run.name}.xlsx"


def choose_renderer(renderer: Renderer) -> str:
    quarto = shutil.which("quarto")
    if renderer == "quarto" and quarto is None:
        raise BuildError(
            "renderer 'quarto' diminta tetapi perintah quarto tidak ada di PATH → pasang Quarto "
            "(https://quarto.org) atau pakai --renderer pandoc"
        )
    if renderer not in ("auto", "pandoc", "quarto"):
        raise BuildError(f"renderer tidak dikenal: {renderer!r} (auto, pandoc, quarto)")
    # auto is pandoc + typst even where Quarto is installed: the DOCX, reproducible PDF and
    # per-chapter caches are that renderer's; Quarto only when asked (docs/quarto.md).
    return "pandoc" if renderer == "auto" else renderer


def cache_misses(
    jobs: list[Job], run: Run, parameters: Mapping[str, Any], cache: Cache, snapshot: Snapshot
) -> list[Job]:
    """The jobs whose notebook has no cache entry, or one made from files changed since."""
    return [
        job
        for job in jobs
        if cache.lookup(cache.notebook_key(job.source, run.params_path, parameters), snapshot)
        is None
    ]


def plan(
    params_path: str | Path,
    *,
    renderer: Renderer,
    workers: int | None,
    output_root: str | Path | None,
    validate: bool,
    force: bool,
    report: Reporter,
) -> Plan:
    """Read the run and its book and decide what executes; raise on a bad params file."""
    with Step(report, "params", f"params {Path(params_path).name}") as step:
        run = _read_run(params_path)
        book = load_book(run.root, *book_source(run))  # kind's file; unit.yml `bab`, else ours
        engine = choose_renderer(renderer)
        step.detail = f"{run.name}, {len(book.chapters)} bab, renderer {engine}"
    cache = Cache(paths.cache_dir(run.root), force=force)
    snapshot = Snapshot(run.root)
    build_dir = paths.build_dir(run.root, run.name)
    out_root = Path(output_root) if output_root else paths.output_root(run.root)
    executed = build_dir / paths.EXECUTED
    jobs = [
        Job(source=ch.path, output=executed / ch.rel, shown=run.shown(ch.path))
        for ch in book.chapters
    ]
    parameters = {"params_file": str(run.params_path), "edition": run.params.edition}
    return Plan(
        run=run,
        book=book,
        engine=engine,
        validate=validate,
        force=force,
        workers=workers or os.cpu_count() or 1,
        cache=cache,
        snapshot=snapshot,
        files=run_files(run, snapshot),
        jobs=jobs,
        parameters=parameters,
        misses=cache_misses(jobs, run, parameters, cache, snapshot),
        build_dir=build_dir,
        final=out_root / run.name,
    )


def _read_run(params_path: str | Path) -> Run:
    """The run, or its params errors together with its data's errors (inputs.load.read_run).

    The data loader (pandas, pandera) is imported only when the params file is broken: a
    no-op build must not pay ≈ 0,8 s of imports for a run it will not load.
    """
    try:
        return load_run(params_path)
    except ParamsError:
        from lkj.inputs.load import read_run

        return read_run(params_path)
