"""The run's registry and the book's tables (XLSX), prepared while the notebooks run.

During execution the build process only waits for its kernels, so `RunData` uses that time:
it computes the registry from the inputs validation already loaded (or loads them), leaves
the loaded run for the kernels (render.handoff.publish) and writes the XLSX into `_build/`;
the assembly then takes the result instead of spending its critical path on them.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from lkj import paths
from lkj.inputs.params import Run
from lkj.render import handoff, runmemo

if TYPE_CHECKING:  # imported when used: a no-op rebuild never loads pandas
    from lkj.book.core import Book as RunBook
    from lkj.inputs.load import Inputs
    from lkj.values.registry import Registry


def load_cached(run: Run, cache_root: Path | None, *, read: bool = True) -> Inputs:
    """lkj.inputs.load.load_inputs, each CSV file unchanged since an earlier build (or earlier
    in this process: lkj preview) taken from its entry (lkj.inputs.frames) instead of being
    read and checked again; the rules across files always run. read=False (--force) checks
    every file and refreshes the entries."""
    from lkj.inputs.frames import FrameCache
    from lkj.inputs.load import load_inputs

    folder = None if cache_root is None else paths.cache_part(cache_root, "frames")
    return load_inputs(run, FrameCache(folder, read=read))


class RunData:
    """One background thread: registry (+ hand-off to the kernels) and XLSX of one run."""

    def __init__(self, run: Run, inputs: Inputs | None, xlsx: Path):
        self.xlsx = xlsx
        # What the kernels are handed, as soon as it is computed (before the XLSX): the
        # notebook cache compares a notebook's reads against it (render/observed.py).
        self.handed: Future[tuple[Inputs, Registry]] = Future()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lkj-rundata")
        self._future = self._executor.submit(self._prepare, run, inputs)

    def _prepare(self, run: Run, inputs: Inputs | None) -> tuple[RunBook, str]:
        from lkj.book.core import Book as RunBook
        from lkj.inputs.personal import redacted
        from lkj.render.xlsx import write_tables_xlsx

        try:
            if inputs is None:  # unchanged since validated: each CSV comes from its cache entry
                inputs = load_cached(run, paths.cache_dir(run.root))
            from lkj.compute.engine import compute

            key = runmemo.key_of(inputs)  # lkj preview: unchanged inputs, nothing recomputed
            book = RunBook(inputs, runmemo.registry(inputs, key, compute))
            # Public runs leave no personal column on disk, not even in _build/ (security.md).
            shown = redacted(book.inputs)
            self.handed.set_result((shown, book.reg))
            handoff.publish(run, shown, book.reg)  # for the kernels (book.memo)
        except BaseException as exc:
            if not self.handed.done():
                self.handed.set_exception(exc)
            raise
        finally:
            handoff.withdraw(run)  # published, or failed: the kernels stop waiting either way
        self.xlsx.parent.mkdir(parents=True, exist_ok=True)
        return book, runmemo.xlsx(key, self.xlsx, lambda out: write_tables_xlsx(book, out))

    def result(self) -> tuple[RunBook, str]:
        """(book, XLSX description); raises what preparing raised."""
        return self._future.result()

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        if self._future.cancelled():  # never started: nobody may wait for the hand-off
            self.handed.cancel()
