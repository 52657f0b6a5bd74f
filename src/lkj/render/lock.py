"""One build of a run at a time: a lock file per run, `_build/<run>/build.lock`.

Two builds of one run write the same `_build/<run>/` files (executed notebooks, typst
sources, the assembly stamp) and swap the same `_output/<run>/`: run side by side they broke
each other (a main.pdf missing, a half-written pandoc input). The lock is an flock on the
file: the kernel releases it when the process ends, however it ends (killed included), so a
stale lock cannot outlive its build and the file itself is never removed. A second build
says that it waits for the first and goes on when that one ends, or stops with a clear
message after WAIT_SECONDS.

`guard(params_path, output_root, report)` is what render.build wraps a build in: the run
lock, then the leftovers of killed builds removed, the build registered as a user of the
shared cache, and after a successful build the cache capped (render.prune).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from lkj import paths
from lkj.errors import BuildError, LkjError
from lkj.inputs.params import load_run
from lkj.render import prune
from lkj.render.progress import Reporter

WAIT_SECONDS = 30 * 60.0  # longer than any real build: a second build normally just waits
POLL_SECONDS = 0.2


def _holder(path: Path) -> str:
    """Who holds the lock, as its build wrote it ("pid 123, sejak 10:42:07"), or ""."""
    try:
        pid, since = path.read_text(encoding="utf-8").split("\n")[:2]
    except (OSError, ValueError):
        return ""
    return f"pid {pid}, sejak {since}"


@contextmanager
def hold(path: Path, run_name: str, report: Reporter, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock file at `path` for the block; wait up to `wait` s for another holder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, run_name, report, wait)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n{datetime.now():%H:%M:%S}\n".encode())
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, path: Path, run_name: str, report: Reporter, wait: float) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    holder = _holder(path)
    who = f" ({holder})" if holder else ""
    report.warn(
        f"build lain untuk run {run_name} sedang berjalan{who}: menunggu sampai selesai "
        f"(paling lama {wait / 60:.0f} menit)"
    )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            continue
    raise BuildError(
        f"build lain untuk run {run_name} masih berjalan{who} setelah ditunggu "
        f"{wait / 60:.0f} menit; kunci: {path} → tunggu build itu selesai atau hentikan "
        "prosesnya, lalu jalankan lagi"
    )


@contextmanager
def guard(
    params_path: str | Path, output_root: str | Path | None, report: Reporter
) -> Iterator[None]:
    """Everything a build of one run needs around it (module docstring)."""
    try:
        run = load_run(params_path)
    except LkjError:  # the build reports the params' problems at its first step
        run = None
    if run is None:
        yield
        return
    out_root = Path(output_root) if output_root else paths.output_root(run.root)
    cache = paths.cache_dir(run.root)
    with hold(paths.run_lock(run.root, run.name), run.name, report), prune.using(cache):
        removed = prune.remove_leftovers(out_root, run.name)
        if removed:
            report.warn(f"{removed} folder sisa build yang terhenti dihapus dari {out_root}")
        yield
        for warning in prune.cap(cache):
            report.warn(warning)
