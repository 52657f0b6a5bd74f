"""Stage 2 of a build, `execute`: validate the inputs and run the notebooks the plan names.

Kernels take seconds to start, so they start first, for the notebooks the cache cannot
answer, and overlap the validation; bad data still fails before any notebook runs, with
every problem at once. While the notebooks run, the build process itself would only wait,
so it prepares the run's data (render/rundata.py: registry, hand-off to the kernels, XLSX)
and the pandoc reads of each chapter as soon as it is executed (render/reads.py). Both
travel on in `Executed` to the assembly, which takes their results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lkj import paths
from lkj.render import handoff
from lkj.render.execute import Job, execute_all
from lkj.render.incremental import NotebookRunner, Timings, cached_or_new_pool, validation_key
from lkj.render.kernels import KernelPool
from lkj.render.observed import RunObserver, run_reads
from lkj.render.plan import Plan
from lkj.render.progress import Reporter, Step
from lkj.render.reads import ChapterReads
from lkj.render.rundata import RunData, load_cached

if TYPE_CHECKING:  # imported when used: a no-op rebuild never loads pandas
    from lkj.inputs.load import Inputs
    from lkj.inputs.params import Run


@dataclass
class Executed:
    """Every chapter's executed notebook (book order) and the work started beside them."""

    notebooks: list[Path]
    hits: list[str] = field(default_factory=list)  # answered by the cache
    run_data: RunData | None = None  # registry + XLSX being prepared (validated runs)
    reads: ChapterReads | None = None  # pandoc reads started as chapters finished

    def close(self) -> None:
        """Stop what runs in the background (each may be absent or already consumed)."""
        for work in (self.run_data, self.reads):
            if work is not None:
                work.close()


def validate_inputs(run: Run, cache_root: Path | None = None, *, read: bool = True) -> Inputs:
    """Every problem of every input file, or the loaded inputs (render.rundata.load_cached:
    with cache_root, an unchanged CSV file is not read or checked again; read=False for
    --force)."""
    return load_cached(run, cache_root, read=read)


def validated(plan: Plan, report: Reporter) -> Inputs | None:
    """The loaded inputs when they had to be checked; None when unchanged since last time."""
    with Step(report, "inputs", "validasi data masukan") as step:
        key = validation_key(plan.files)
        if plan.cache.validated(key):
            step.detail = "tidak berubah sejak validasi terakhir"
            return None
        inputs = validate_inputs(plan.run, plan.cache.root, read=not plan.force)
        step.detail = f"{len(inputs.files)} berkas"
        plan.cache.mark_validated(key)
        return inputs


def execute(
    plan: Plan, report: Reporter, *, pool: KernelPool | None = None, shared: bool = True
) -> Executed:
    """Validate (plan.validate), then execute plan.misses and copy the rest from the cache.

    `pool`: a batch's shared KernelPool (else one for this build, closed here); shared=False
    runs every notebook in a fresh kernel. On failure nothing started is left running.
    """
    kernels, close_kernels = cached_or_new_pool(pool, plan.workers, shared)
    started = Executed([])
    try:
        runner = NotebookRunner(plan.run, plan.cache, plan.snapshot, kernels, plan.files)
        if plan.misses:
            if plan.validate:  # RunData will hand the kernels the loaded run (lkj.book.memo)
                handoff.announce(plan.run)
            maybe = runner.candidates(plan.misses, plan.parameters) if plan.validate else set()
            kernels.prestart(plan.misses[0].cwd, kernels_to_start(len(plan.misses), len(maybe)))
        if plan.validate:
            inputs = validated(plan, report)  # before any notebook runs: fail in a second
            if plan.misses:  # the book will almost surely be assembled again: start on it
                data = started.run_data = RunData(plan.run, inputs, plan.xlsx)
                runner.observer = RunObserver(lambda: run_reads(data))
        if plan.misses and plan.engine == "pandoc":  # read each chapter once it is executed
            cache = None if plan.force else paths.cache_part(plan.cache.root, "pandoc")
            media = plan.build_dir / paths.MEDIA
            started.reads = ChapterReads(plan.book.chapters, media, cache, plan.workers)
        started.notebooks = run_notebooks(plan, runner, report, started.reads)
    except BaseException:
        started.close()
        handoff.withdraw(plan.run)  # e.g. validation failed: RunData never started
        raise
    finally:
        close_kernels()
    started.hits = list(runner.hits)
    same = len(runner.hits) - len(runner.observed)
    if same:
        report.warn(f"{same} notebook dipakai ulang dari cache (tidak berubah)")
    if runner.observed:
        report.warn(
            f"{len(runner.observed)} notebook dipakai ulang dari cache: berkas yang dipakainya "
            "berubah, tetapi semua yang dibacanya sama"
        )
    return started


def kernels_to_start(misses: int, maybe: int) -> int:
    """Kernels worth starting before validation: one per notebook that will surely run, and
    one when some may still be answered by their observations (starting more would cost the
    CPU the checks need, and two seconds each when none of them runs)."""
    return misses - maybe + (1 if maybe else 0)


def run_notebooks(
    plan: Plan, runner: NotebookRunner, report: Reporter, reads: ChapterReads | None
) -> list[Path]:
    """execute_all over the plan's jobs: the misses first, the slowest of those first."""
    took = Timings(plan.build_dir / paths.TIMINGS)
    missed = {job.shown for job in plan.misses}
    index = {job.shown: i for i, job in enumerate(plan.jobs)}

    def on_event(job: Job, what: str, seconds: float | None) -> None:
        key = "nb:" + job.shown
        if what == "start":
            report.start(key, f"notebook {job.shown}")
        elif what == "done":
            report.done(key)
            if job.shown in runner.executed and seconds is not None:
                took.record(job.shown, seconds)
            if reads is not None:
                reads.start(index[job.shown], job.output)
        else:
            report.fail(key)

    def first(job: Job) -> float:
        return took.last(job.shown) + 1e6 if job.shown in missed else 0.0

    executed = execute_all(
        plan.jobs, plan.parameters, workers=plan.workers, on_event=on_event, run=runner, first=first
    )
    took.save()
    return executed
