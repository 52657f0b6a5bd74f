"""Warm kernels: run many notebooks in a few long-lived kernels, each in a clean namespace.

One papermill run costs ≈ 2 s, nearly all of it kernel start, `import pandas, matplotlib`
and `Book.open` (validation + computing the registry). A `KernelPool` keeps `workers`
kernels alive; each has those modules imported and remembers the loaded inputs of a run
(lkj.book.memo, handed out as deep copies). Between notebooks the worker wipes the user
namespace (`%reset -f`), sets the execution counter back to 1 and resets warning registries,
so a notebook sees what a fresh kernel would show it.
tests/report/test_incremental.py (test_shared_kernels_give_byte_identical_notebooks) checks
that the executed notebooks are byte-identical to isolated runs (`shared=False`: a new kernel
per notebook, the same code path otherwise).

Failures are re-run through papermill in a fresh kernel (`execute_notebook`), so an error
reads exactly as it always has and a broken kernel state never explains a failure.
Every run also records which input files the notebook used (lkj.values.deps) for the cache.
"""

from __future__ import annotations

import contextlib
import json
import queue
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkj.render.execute import KERNEL, Job, clean_notebook, execute_notebook

if TYPE_CHECKING:
    import nbformat
    from jupyter_client.client import KernelClient

# Imported once per kernel, silently, before the first notebook.
WARM_UP = """\
import lkj.book.core, lkj.book.charts, lkj.book.display, lkj.values.deps
import matplotlib, pandas
lkj.book.memo.memo.enable()
"""

# `%reset -f` with IPython's full garbage collection (displayhook.flush: gc.collect(), ≈ 0,2 s
# of a warm kernel's 0,3 s per notebook, more under load) left out: COLLECT runs it when the
# kernel is idle instead, after the notebook's result is handed back. Executed in a dict of
# its own, which the reset cannot clear while it runs.
_QUIET_RESET = """\
import gc
collect = gc.collect
gc.collect = lambda generation=2: 0
try:
    get_ipython().run_line_magic("reset", "-f")
finally:
    gc.collect = collect
"""

# Before each notebook: what a fresh kernel would look like to the notebook's code.
RESET = f"""\
exec({_QUIET_RESET!r}, {{"get_ipython": get_ipython}})
get_ipython().execution_count = 1
import sys as _s, warnings as _w
for _m in list(_s.modules.values()):
    _r = getattr(_m, "__warningregistry__", None)
    if isinstance(_r, dict): _r.clear()
_w._filters_mutated() if hasattr(_w, "_filters_mutated") else None
del _s, _w, _m, _r
"""

# After a notebook, when no other is queued: the collection the reset left out.
COLLECT = "__import__('gc').collect()"

# Isolated kernels only need the recorder.
START = "__import__('lkj.values.deps').values.deps.start()"  # binds no name the notebook could see


@dataclass
class Executed:
    """One executed notebook and the input files it used (None: not known, assume all)."""

    path: Path
    files: list[str] | None
    # What its reads returned (lkj.values.deps): None means no second chance for the cache.
    observed: dict[str, str] | None = None
    exact: list[str] | None = None


class _Kernel:
    """One kernel and its nbclient client, used by one thread only."""

    def __init__(self, cwd: Path, warm: bool):
        import nbformat
        from nbclient import NotebookClient

        self.cwd = cwd
        self.client = NotebookClient(
            nbformat.v4.new_notebook(),
            kernel_name=KERNEL,
            timeout=None,
            resources={"metadata": {"path": str(cwd)}},
            extra_arguments=["--log-level=CRITICAL"],
        )
        self.client.km = self.client.create_kernel_manager()
        # The kernel's own stderr is not the notebook's (that arrives as outputs): on Ctrl-C,
        # which reaches the kernels too, ipykernel prints zmq tracebacks there.
        self.client.start_new_kernel(stderr=subprocess.DEVNULL)
        self.client.start_new_kernel_client()
        reply = self.client.wait_for_reply(self.kc.kernel_info())
        if reply is None:  # no timeout is set, so only a kernel that went away gets here
            raise RuntimeError("kernel did not answer kernel_info")
        self.language_info = reply["content"]["language_info"]
        if warm:
            self.silent(WARM_UP)

    @property
    def kc(self) -> KernelClient:
        """The client start_new_kernel_client made (set for the kernel's whole life)."""
        kc = self.client.kc
        if kc is None:
            raise RuntimeError("kernel client not started")
        return kc

    def silent(self, code: str) -> None:
        kc = self.kc
        reply = self.client.wait_for_reply(kc.execute(code, silent=True, store_history=False))
        content = reply["content"] if reply else {}
        if content.get("status") != "ok":
            raise RuntimeError(f"kernel setup failed: {content.get('evalue', content)}")

    def run(self, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
        """Execute every cell as nbclient.execute() would, in this kernel."""
        client = self.client
        client.nb = nb
        client.reset_execution_trackers()
        nb.metadata["language_info"] = self.language_info
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        client.set_widgets_metadata()
        return nb

    def close(self) -> None:
        # A kernel that already died has nothing left to stop.
        with contextlib.suppress(Exception):
            self.client._cleanup_kernel()


def prepare(job: Job, parameters: Mapping[str, Any]) -> nbformat.NotebookNode:
    """The notebook with papermill's injected-parameters cell, outputs cleared."""
    from papermill.execute import remove_error_markers
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    # The same steps as papermill.execute_notebook, so both produce the same notebook.
    nb = load_notebook_node(str(job.source))
    nb = parameterize_notebook(nb, dict(parameters), False, kernel_name=KERNEL)
    nb = remove_error_markers(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


_WARM: Any = object()  # queue item: start a kernel, run nothing


class KernelPool:
    """`workers` threads, each owning one kernel; `submit` is safe from any thread."""

    def __init__(self, workers: int, *, shared: bool = True):
        self.workers = max(1, workers)
        self.shared = shared
        self._queue: queue.Queue[tuple[Job, Mapping[str, Any], Future[Executed]] | None] = (
            queue.Queue()
        )
        self._threads = [
            threading.Thread(target=self._serve, name=f"lkj-kernel-{i}", daemon=True)
            for i in range(self.workers)
        ]
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, job: Job, parameters: Mapping[str, Any]) -> Future[Executed]:
        future: Future[Executed] = Future()
        self._queue.put((job, parameters, future))
        return future

    def run(self, job: Job, parameters: Mapping[str, Any]) -> Executed:
        return self.submit(job, parameters).result()

    def prestart(self, cwd: Path, count: int) -> None:
        """Start up to `count` warm kernels in `cwd` now, in the worker threads, so that
        their ≈ 2–3 s of start-up and imports overlaps whatever the caller does next
        (validating the inputs). Only for shared kernels: isolated runs start their own."""
        if not self.shared:
            return
        for _ in range(min(count, self.workers)):
            self._queue.put((_WARM, {"cwd": cwd}, Future()))

    def cancel_pending(self) -> None:
        """Cancel every queued notebook (the running ones finish): `lkj preview` stopped in
        the middle of a build must not first work through the rest of it."""
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not None:
                item[2].cancel()

    def close(self) -> None:
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join()

    # --- worker thread ---------------------------------------------------------------------
    def _serve(self) -> None:
        kernels: dict[Path, _Kernel] = {}  # one per working folder (normally notebooks/)
        try:
            while (item := self._queue.get()) is not None:
                job, parameters, future = item
                if job is _WARM:
                    cwd = parameters["cwd"]
                    if cwd not in kernels:
                        with contextlib.suppress(Exception):  # the first real job retries
                            kernels[cwd] = _Kernel(cwd, warm=True)
                    continue
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    future.set_result(self._one(kernels, job, parameters))
                except BaseException as exc:  # handed to the caller, never lost in a thread
                    future.set_exception(exc)
                self._idle(kernels.get(job.cwd))
        finally:
            for kernel in kernels.values():
                kernel.close()

    def _idle(self, kernel: _Kernel | None) -> None:
        """The kernel's deferred garbage collection, once nothing waits for it (so between
        builds, not between a build's notebooks): memory stays flat over many builds."""
        if kernel is None or not self._queue.empty():
            return
        with contextlib.suppress(Exception):  # a dead kernel is replaced by the next job
            kernel.silent(COLLECT)

    def _one(
        self, kernels: dict[Path, _Kernel], job: Job, parameters: Mapping[str, Any]
    ) -> Executed:
        nb = prepare(job, parameters)
        kernel = kernels.pop(job.cwd, None) if self.shared else None
        try:
            if kernel is None:
                kernel = _Kernel(job.cwd, warm=self.shared)
            if self.shared:
                kernel.silent(RESET)
            kernel.silent(START)
            executed = kernel.run(nb)
            with tempfile.TemporaryDirectory(prefix="lkj-deps-") as tmp:
                record = Path(tmp) / "deps.json"
                kernel.silent(f"__import__('lkj.values.deps').values.deps.dump({str(record)!r})")
                found = json.loads(record.read_text(encoding="utf-8"))
        except Exception:
            # A failing cell or a dead kernel: run it the way the error is reported best
            # (papermill, fresh kernel). It raises NotebookError; if it passes, the outcome
            # of an isolated run is what counts.
            if kernel is not None:
                kernel.close()
            return Executed(execute_notebook(job, parameters), None)
        if self.shared:
            kernels[job.cwd] = kernel
        else:
            kernel.close()
        import nbformat

        job.output.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(clean_notebook(executed), job.output)
        return Executed(job.output, found["files"], found.get("observed"), found.get("exact"))
