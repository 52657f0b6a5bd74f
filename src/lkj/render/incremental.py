"""What `build` skips: validation, notebooks and assembly whose inputs have not changed.

Glue between the cache (render/cache.py), the kernel pool (render/kernels.py) and
`execute_all`: `NotebookRunner` is the `run=` callable that answers from the cache or
executes in a warm kernel and stores the result. An entry whose files changed but whose
reads may still return the same (render/observed.py) is decided once `observer` is set,
which waits for the run's registry.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from lkj import paths
from lkj.inputs.params import Run
from lkj.render.cache import (
    Cache,
    Observer,
    Snapshot,
    digest_bytes,
    may_observe,
    unchanged,
    write_atomic,
)
from lkj.render.execute import Job
from lkj.render.kernels import KernelPool


def run_folders(run: Run) -> list[Path]:
    """Everything lkj.inputs.load may read for a run: the unit folder and the reference lists."""
    return [run.unit_dir, paths.reference_dir(run.data_root)]


def run_files(run: Run, snapshot: Snapshot) -> dict[str, str | None]:
    """Hashes of every input file of the run and of its params file."""
    files = snapshot.tree(run_folders(run))
    files[run.shown(run.params_path)] = snapshot.digest(run.shown(run.params_path))
    return files


def validation_key(files: Mapping[str, str | None]) -> str:
    from lkj.render.cache import lkj_digest

    listing = "\n".join(f"{k}\t{v}" for k, v in sorted(files.items()))
    return digest_bytes(b"validate", lkj_digest().encode(), listing.encode())


class NotebookRunner:
    """execute_all's `run`: cache hit → copy the stored notebook; miss → execute and store."""

    def __init__(
        self,
        run: Run,
        cache: Cache,
        snapshot: Snapshot,
        pool: KernelPool,
        all_files: Iterable[str],
    ):
        self.run, self.cache, self.snapshot, self.pool = run, cache, snapshot, pool
        self.all_files = sorted(all_files)
        self.hits: list[str] = []
        self.observed: list[str] = []  # hits because every read returned the same
        self.executed: list[str] = []
        self.observer: Observer | None = None  # set once the run is being computed
        self._lock = threading.Lock()

    def cached(self, job: Job, parameters: Mapping[str, Any]) -> bool:
        """Whether the cache can answer this job (nothing it used has changed)."""
        key = self.cache.notebook_key(job.source, self.run.params_path, parameters)
        return self.cache.lookup(key, self.snapshot) is not None

    def candidates(self, jobs: Iterable[Job], parameters: Mapping[str, Any]) -> set[str]:
        """The jobs (shown names) whose entry's files changed but which hold observations
        and whose exact files are unchanged: they may not need a kernel."""
        found = set()
        for job in jobs:
            entry = self.cache.entry(
                self.cache.notebook_key(job.source, self.run.params_path, parameters)
            )
            if entry is None or unchanged(entry["files"], self.snapshot):
                continue
            if may_observe(entry, self.snapshot):
                found.add(job.shown)
        return found

    def __call__(self, job: Job, parameters: Mapping[str, Any]) -> Path:
        key = self.cache.notebook_key(job.source, self.run.params_path, parameters)
        text = self.cache.lookup(key, self.snapshot)
        if text is None and self.observer is not None:
            text = self.cache.lookup(key, self.snapshot, self.observer)
            if text is not None:
                with self._lock:
                    self.observed.append(job.shown)
        if text is not None:
            job.output.parent.mkdir(parents=True, exist_ok=True)
            # Rewrite only on change: an unchanged file keeps no-op rebuilds cheap.
            if not job.output.is_file() or job.output.read_text(encoding="utf-8") != text:
                job.output.write_text(text, encoding="utf-8")
            with self._lock:
                self.hits.append(job.shown)
            return job.output
        result = self.pool.run(job, parameters)
        used = self.all_files if result.files is None else result.files
        observed = None if result.files is None else result.observed
        self.cache.store(
            key,
            result.path.read_text(encoding="utf-8"),
            self.snapshot.digests(used),
            observed,
            result.exact or (),
        )
        with self._lock:
            self.executed.append(job.shown)
        return result.path


def cached_or_new_pool(
    pool: KernelPool | None, workers: int, shared: bool
) -> tuple[KernelPool, Callable[[], None]]:
    """The batch's pool, or one for this build that the caller closes."""
    if pool is not None:
        return pool, lambda: None
    own = KernelPool(workers, shared=shared)
    return own, own.close


class Timings:
    """How long each notebook took when it last ran (_build/<run>/timings.json): the build
    starts the slowest first. Only a scheduling hint; a missing or damaged file is empty."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.seconds: dict[str, float] = {
                str(k): float(v) for k, v in json.loads(path.read_text("utf-8")).items()
            }
        except (OSError, ValueError, AttributeError, TypeError):
            self.seconds = {}
        self._lock = threading.Lock()

    def last(self, shown: str) -> float:
        return self.seconds.get(shown, 0.0)

    def record(self, shown: str, seconds: float) -> None:
        with self._lock:
            self.seconds[shown] = round(seconds, 3)

    def save(self) -> None:
        text = json.dumps(self.seconds, indent=1, sort_keys=True)
        write_atomic(self.path, text.encode("utf-8"))
