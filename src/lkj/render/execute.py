"""Run the chapter notebooks with papermill, in parallel, into reproducible executed copies.

`execute_notebook` runs one notebook and is all a cache or a warm-kernel pool has to wrap;
`execute_all` runs many in a thread pool. Threads, not processes: the work happens in the
kernels (one process each); the threads only wait on them. Papermill's own `cwd=` does
`os.chdir` on the whole process, which races between threads, so the kernel's working
folder is passed to nbclient instead (`resources.metadata.path`), which starts the kernel
there without touching ours.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkj.errors import BuildError

if TYPE_CHECKING:
    import nbformat

KERNEL = "python3"
INJECTED_TAG = "injected-parameters"


class NotebookError(BuildError):
    """A notebook raised while executing; says which notebook and which cell."""

    def __init__(self, notebook: str, message: str, executed: Path | None = None):
        self.notebook = notebook
        self.executed = executed
        super().__init__(message)


@dataclass(frozen=True)
class Job:
    """One notebook to run: source, destination, and the folder the kernel runs in."""

    source: Path
    output: Path
    shown: str  # how messages name the notebook, e.g. "notebooks/bab1.ipynb"

    @property
    def cwd(self) -> Path:
        return self.source.parent


def execute_notebook(
    job: Job,
    parameters: Mapping[str, Any],
    *,
    kernel_name: str = KERNEL,
    timeout: float | None = None,
) -> Path:
    """Execute one notebook; write the cleaned result to job.output; raise NotebookError."""
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    job.output.parent.mkdir(parents=True, exist_ok=True)
    # Papermill warns on its logger for every parameter a notebook does not declare; the
    # build passes the same two to every notebook, so that is noise here.
    logging.getLogger("papermill").setLevel(logging.ERROR)
    try:
        pm.execute_notebook(
            str(job.source),
            str(job.output),
            parameters=dict(parameters),
            kernel_name=kernel_name,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            resources={"metadata": {"path": str(job.cwd)}},
            # The kernel logs to our stderr: a TCP-encryption warning on every start and, now and
            # then, "KeyboardInterrupt caught" when jupyter_client interrupts it to shut it down.
            extra_arguments=["--log-level=CRITICAL"],
        )
    except PapermillExecutionError as exc:
        raise _cell_error(job, exc) from None
    except Exception as exc:  # kernel died, timeout, unreadable notebook, ...
        raise NotebookError(
            job.shown, f"{job.shown}: eksekusi gagal: {type(exc).__name__}: {exc}"
        ) from exc
    nb = nbformat.read(job.output, as_version=4)
    nbformat.write(clean_notebook(nb), job.output)
    return job.output


def _cell_error(job: Job, exc: Any) -> NotebookError:
    """Name the cell as the author counts it: injected parameters cell not included."""
    number = exc.cell_index + 1
    import nbformat

    try:
        nb = nbformat.read(job.output, as_version=4)
        before = nb.cells[: exc.cell_index]
        number = 1 + sum(1 for c in before if INJECTED_TAG not in c.metadata.get("tags", []))
    except Exception:  # the partial notebook is only for the message; keep the raw index
        pass
    lines = [line for line in (exc.source or "").splitlines() if line.strip()]
    first = lines[0].strip() if lines else ""
    if len(first) > 80:
        first = first[:77] + "..."
    count = f", In [{exc.exec_count}]" if exc.exec_count else ""
    message = (
        f"{job.shown}: sel ke-{number}{count} gagal: {exc.ename}: {exc.evalue}\n"
        f"    baris pertama sel: {first}\n"
        f"    notebook hasil eksekusi (dengan traceback): {job.output}"
    )
    return NotebookError(job.shown, message, job.output)


def clean_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run: timestamps, durations, random cell ids."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index:03d}"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    return nb


Callback = Callable[[Job, str, float | None], None]


def execute_all(
    jobs: Sequence[Job],
    parameters: Mapping[str, Any],
    *,
    workers: int | None = None,
    on_event: Callback | None = None,
    run: Callable[[Job, Mapping[str, Any]], Path] | None = None,
    first: Callable[[Job], float] | None = None,
) -> list[Path]:
    """Run every job (at most `workers` at once); raise one BuildError naming every failure.

    on_event(job, "start"|"done"|"fail", seconds) reports progress from worker threads.
    `run` replaces `execute_notebook` (tests, a later cache). `first`: jobs with a larger
    value start earlier (the longest first keeps the workers busy to the end); the result
    is in the order of `jobs` whatever the order of execution.
    """
    runner = run or (lambda job, params: execute_notebook(job, params))
    count = max(1, min(workers or os.cpu_count() or 1, len(jobs) or 1))

    def one(job: Job) -> Path:
        if on_event:
            on_event(job, "start", None)
        started = time.perf_counter()
        try:
            path = runner(job, parameters)
        except BuildError:
            if on_event:
                on_event(job, "fail", time.perf_counter() - started)
            raise
        if on_event:
            on_event(job, "done", time.perf_counter() - started)
        return path

    order = sorted(range(len(jobs)), key=lambda i: -first(jobs[i])) if first else range(len(jobs))
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="lkj-nb") as pool:
        submitted = {i: pool.submit(one, jobs[i]) for i in order}
    return _results([submitted[i] for i in range(len(jobs))])


def _results(futures: Sequence[Future[Path]]) -> list[Path]:
    """Every result in order, or one BuildError naming every failed notebook."""
    failures: list[BuildError] = []
    results: list[Path] = []
    for future in futures:
        exc = future.exception()
        if exc is None:
            results.append(future.result())
        elif isinstance(exc, BuildError):
            failures.append(exc)
        else:
            raise exc
    if failures:
        if len(failures) == 1:
            raise failures[0]
        raise BuildError(f"{len(failures)} notebook gagal:\n" + "\n".join(str(f) for f in failures))
    return results
