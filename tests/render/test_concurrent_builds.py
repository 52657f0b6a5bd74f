"""Two `build` of one run at once: the second waits for the first; both succeed."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lkj import paths

from .conftest import RUN

pytestmark = pytest.mark.slow

BUILD = (
    "import sys\nfrom lkj.render.build import build\n"
    "build(sys.argv[1], validate=False, force=True, workers=1)\n"
)


def _held(lock: Path) -> bool:
    """Whether another process holds the lock file (taken and given back at once if not)."""
    if not lock.exists():
        return False
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases it, if it was taken here
    return False


def test_two_builds_of_one_run_at_once_both_succeed(built, fresh_book: Path, digest) -> None:
    params = str(fresh_book / "params" / f"{RUN}.yml")
    lock = paths.run_lock(fresh_book, RUN)

    def start() -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", BUILD, params],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    first = start()
    for _ in range(600):  # until the first build holds the run's lock
        if _held(lock) or first.poll() is not None:
            break
        time.sleep(0.1)
    second = start()
    results = [p.communicate(timeout=600) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    assert "menunggu sampai selesai" in results[1][1]  # stderr of the second
    out = fresh_book / "_output"
    assert sorted(p.name for p in out.iterdir()) == [RUN]  # no temporary folder left
    assert digest(out / RUN) == digest(built.out)
