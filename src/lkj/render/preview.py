"""`lkj preview PARAMS`: build once, serve the book, rebuild on every saved change.

One resident process holds what a one-shot `lkj build` pays for every time: a KernelPool
(warm kernels with pandas, matplotlib and lkj imported, and the loaded run remembered,
lkj.book.memo), the imports of the build itself and the cache's in-process digests. Each
change runs the build's stages (plan, execute), so only what depends on the changed files is
executed again (render/cache.py); then the HTML book is written and swapped in where the
server reads it (render/preview_stages.py) and the page reloads; assemble_outputs and publish
refresh `_output/<run>/` (PDF, DOCX) in a background thread. A failed build leaves the last
good book served, with the failure shown over the page (render/preview_server.py). Builds run
one after another (the next waits for the PDF of the last): saves made meanwhile are collected
by watchfiles and rebuilt together, so what is served is always one whole build. A change
under src/lkj restarts the kernels and forgets the digest of lkj's source (cache keys).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

import lkj
from lkj import files, paths
from lkj.errors import BuildError, InputError, LkjError
from lkj.render import cache
from lkj.render.kernels import KernelPool
from lkj.render.outputs import assemble_outputs
from lkj.render.plan import Plan, plan
from lkj.render.preview_server import Server, Status
from lkj.render.preview_stages import write_served
from lkj.render.progress import Reporter, reporter
from lkj.render.publish import publish
from lkj.render.stages import Executed, execute

SOURCE = Path(lkj.__file__).resolve().parent  # src/lkj: a change here restarts the kernels
# watchfiles: a batch is yielded STEP ms after its last event (an editor's save is a few
# events within a millisecond or two: write, rename, chmod), at most DEBOUNCE ms after its
# first. Every ms of STEP is waited for on every edit (before: 400/100).
STEP = 30
DEBOUNCE = 300


@dataclass(frozen=True)
class Outcome:
    """One rebuild: what ran, how long it took, or why it failed."""

    ok: bool
    seconds: float  # until the served HTML was swapped in
    executed: list[str]  # notebooks executed (the others came from the cache)
    error: str = ""


def describe(exc: BaseException) -> str:
    """The failure as the page and the terminal show it: every problem with file, line, fix."""
    if isinstance(exc, InputError):
        lines = [f"{len(exc.problems)} masalah ditemukan pada data masukan:"]
        lines += [f"  ✗ {problem.render()}" for problem in exc.problems]
        lines += [f"  ! {warning.render()}" for warning in exc.warnings]
        lines.append("Perbaiki masalah di atas lalu simpan lagi.")
        return "\n".join(lines)
    if isinstance(exc, LkjError):
        return str(exc).strip() or type(exc).__name__
    # A bug in lkj, not in the analyst's files: the traceback is what a developer needs.
    return "".join(traceback.format_exception(exc)).strip()


def watched(root: Path) -> list[Path]:
    """data/, params/, notebooks/ (with _quarto.yml), any _quarto.yml at the root, src/lkj."""
    candidates = [root / paths.DATA, root / "params", root / "notebooks", root / "_quarto.yml"]
    return [p for p in [*candidates, SOURCE] if p.exists()]


def ignored(path: str) -> bool:
    """Files the build itself writes or editors leave behind: never a reason to rebuild."""
    parts = Path(path).parts
    noise = {paths.BUILD, paths.OUTPUT, ".ipynb_checkpoints", "__pycache__"}
    return bool(noise.intersection(parts)) or Path(path).name.startswith(".~")


def release_memory() -> None:
    """Give the assembly's freed heap back to the system (glibc keeps it otherwise): measured
    688 → 509 MB resident after one text-edit build with its PDF and DOCX. Elsewhere a no-op."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


class Preview:
    """The resident process: `start()` builds and serves, `watch()` rebuilds until Ctrl-C."""

    def __init__(
        self,
        params: str | Path,
        *,
        port: int = 4848,
        workers: int | None = None,
        validate: bool = True,
        console: Console | None = None,
    ):
        self.params = Path(params)
        self.port = port
        self.workers = workers
        self.validate = validate
        self.console = console or Console(highlight=False)
        self.status = Status()
        self.pool: KernelPool | None = None
        self.server: Server | None = None
        self.stop_event = threading.Event()
        self.root: Path | None = None  # the project folder, known after the first build
        self.outputs: threading.Thread | None = None  # the PDF/DOCX of the last build

    # --- one build -------------------------------------------------------------------------
    def rebuild(self) -> Outcome:
        """Plan, execute and the served HTML with the warm pool, then PDF/DOCX in the
        background (the next rebuild waits for them: builds never overlap)."""
        self.finish_outputs()
        started = time.perf_counter()
        self.status.update(building=True)
        if self.pool is None:
            self.pool = KernelPool(self.workers or os.cpu_count() or 1, shared=True)
        report = reporter(False)
        try:
            planned = plan(
                self.params,
                renderer="pandoc",
                workers=self.workers,
                output_root=None,
                validate=self.validate,
                force=False,
                report=report,
            )
            executed = execute(planned, report, pool=self.pool)
            write_served(planned, executed, report)
        except Exception as exc:  # shown in the page; the last good book stays served
            report.close()
            outcome = Outcome(False, time.perf_counter() - started, [], describe(exc))
            self.status.update(building=False, error=outcome.error)
            return outcome
        shown = [job.shown for job in planned.misses]
        outcome = Outcome(True, time.perf_counter() - started, shown)
        if planned.jobs and not planned.misses:
            # Nothing ran (a first build from the cache): no kernel is warm, and the first
            # edit would wait for one to start (≈ 2–3 s). Started now, beside the PDF/DOCX.
            self.pool.prestart(planned.jobs[0].cwd, len(planned.jobs))
        # after the swap: the pages are told (pushed) only of a whole book
        version = self.status.version + 1  # only this thread changes the version
        self.status.update(error="", building=False, version=version)
        self.outputs = threading.Thread(
            target=self.write_outputs,
            args=(planned, executed, report, version),
            name="lkj-preview-outputs",
        )
        self.outputs.start()
        return outcome

    def write_outputs(
        self, planned: Plan, executed: Executed, report: Reporter, version: int
    ) -> None:
        """The full assembly and publish of `_output/<run>/` (PDF, DOCX, XLSX, HTML)."""
        started = time.perf_counter()
        try:
            publish(assemble_outputs(planned, executed, report), planned.run, report)
        except Exception as exc:
            self.status.update(error=describe(exc))
            self.console.print("[red]✗[/] PDF/DOCX gagal disusun:")
            self.console.print(describe(exc), markup=False, soft_wrap=True)
            return
        finally:
            report.close()
            release_memory()
        took = f"{time.perf_counter() - started:.1f} s".replace(".", ",")
        self.status.update(published=version)
        self.console.print(f"  [green]✓[/] PDF dan DOCX diperbarui ({took})", soft_wrap=True)

    def finish_outputs(self) -> None:
        """Wait for the background PDF/DOCX of the previous build."""
        if self.outputs is not None:
            self.outputs.join()
            self.outputs = None

    def restart_workers(self) -> None:
        """lkj's code changed: new kernels (they import it anew) and a new source digest."""
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        files.lkj_digest.cache_clear()
        cache.lkj_digest.cache_clear()

    # --- the process -----------------------------------------------------------------------
    def start(self) -> Outcome:
        """Take the port (a clear error before any work when it is in use), build, serve."""
        from lkj.inputs.load import read_run

        run = read_run(self.params)  # a broken params file: its problems, nothing started
        self.root = run.root
        folder = paths.build_dir(run.root, run.name) / paths.PREVIEW
        folder.mkdir(parents=True, exist_ok=True)
        downloads = paths.output_root(run.root) / run.name
        try:
            self.server = Server(folder, downloads, self.status, self.port)
        except OSError as exc:
            raise BuildError(
                f"port {self.port} di 127.0.0.1 tidak dapat dipakai ({exc.strerror}) → tutup "
                "pratinjau lain yang masih berjalan atau pakai --port lain (--port 0: bebas)"
            ) from exc
        self.console.print(f"[bold]lkj preview[/] {self.params}: build pertama …", soft_wrap=True)
        outcome = self.rebuild()
        self.report(outcome, [])
        self.server.start()
        url = self.server.url
        self.console.print(f"Buku dilayani di [bold]{url}[/] (Ctrl-C: berhenti)", soft_wrap=True)
        return outcome

    def watch(self) -> None:
        """Rebuild after every batch of saved changes until stop() or Ctrl-C."""
        from watchfiles import watch

        batches = watch(
            *watched(self.root or self.params.resolve().parent),
            debounce=DEBOUNCE,
            step=STEP,
            stop_event=self.stop_event,
            raise_interrupt=True,
        )
        for batch in batches:
            changed = sorted({path for _, path in batch if not ignored(path)})
            if not changed:
                continue
            if any(Path(path).resolve().is_relative_to(SOURCE) for path in changed):
                self.console.print("[yellow]kode lkj berubah: kernel dimulai ulang[/]")
                self.restart_workers()
            self.report(self.rebuild(), changed)

    def stop(self) -> None:
        """Stop watching, serving and every kernel; safe to call more than once."""
        self.stop_event.set()
        if self.pool is not None:  # stopped during a build: its queued notebooks never run
            self.pool.cancel_pending()
        self.finish_outputs()
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def report(self, outcome: Outcome, changed: Iterable[str]) -> None:
        """One line per rebuild in the terminal: what changed, what ran, how long it took."""
        names = [self._shown(path) for path in changed]
        cause = f"{', '.join(names[:3])}{' …' if len(names) > 3 else ''}: " if names else ""
        took = f"{outcome.seconds:.1f} s".replace(".", ",")
        if not outcome.ok:
            self.console.print(f"[red]✗[/] {cause}build gagal ({took}); buku lama tetap tampil")
            self.console.print(outcome.error, markup=False, highlight=False, soft_wrap=True)
            return
        ran = f"{len(outcome.executed)} notebook dieksekusi" if outcome.executed else "cache"
        self.console.print(f"[green]✓[/] {cause}{ran}, HTML tampil ({took})", soft_wrap=True)

    def _shown(self, path: str) -> str:
        try:
            return Path(path).relative_to(self.root).as_posix() if self.root else path
        except ValueError:
            return Path(path).name


def preview(
    params: str | Path, *, port: int = 4848, workers: int | None = None, validate: bool = True
) -> None:
    """Run `lkj preview` until Ctrl-C (SIGINT) or SIGTERM; nothing it started is left."""
    import signal

    session = Preview(params, port=port, workers=workers, validate=validate)

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    # Ctrl-C must stop it even when started in the background, where SIGINT is inherited
    # as ignored (Python then installs no KeyboardInterrupt handler of its own).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        session.start()
        session.watch()
    except KeyboardInterrupt:
        session.console.print("pratinjau dihentikan")
    finally:
        session.stop()
