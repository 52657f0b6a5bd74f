"""`lkj build A.yml B.yml …`: many runs, shared work done once, one failure stops nothing.

Shared: one KernelPool (warm kernels stay warm from run to run, each remembering the inputs
of the last runs), one cache (an identical notebook + inputs is executed once), one hash of
the lkj source per process. Runs go side by side (two at a time) so one run's assembly
overlaps another's notebooks; the pool alone decides how many kernels work at once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lkj.errors import InputError, LkjError
from lkj.render.build import Renderer, build
from lkj.render.kernels import KernelPool

RUNS_AT_ONCE = 2


@dataclass
class Outcome:
    params: str
    ok: bool
    seconds: float
    output: Path | None = None
    error: str = ""


def _message(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        first = exc.problems[0].render() if exc.problems else ""
        return f"{len(exc.problems)} masalah data masukan; pertama: {first}"
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def build_many(
    params: Sequence[str | Path],
    *,
    renderer: Renderer = "auto",
    workers: int | None = None,
    force: bool = False,
    shared_kernels: bool = True,
    progress: bool = False,
) -> list[Outcome]:
    """Build every params file; return one Outcome each, in the order given."""
    count = workers or os.cpu_count() or 1

    def one(path: str | Path, pool: KernelPool) -> Outcome:
        started = time.perf_counter()
        try:
            out = build(
                path,
                renderer=renderer,
                workers=count,
                progress=progress,
                force=force,
                pool=pool,
                shared_kernels=shared_kernels,
            )
        except LkjError as exc:  # a broken run is reported; the others go on
            return Outcome(str(path), False, time.perf_counter() - started, error=_message(exc))
        return Outcome(str(path), True, time.perf_counter() - started, out)

    with (
        KernelPool(count, shared=shared_kernels) as pool,
        ThreadPoolExecutor(max_workers=min(RUNS_AT_ONCE, len(params) or 1)) as runs,
    ):
        return list(runs.map(lambda p: one(p, pool), params))
