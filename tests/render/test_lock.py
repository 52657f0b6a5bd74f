"""render.lock: one build of a run at a time; the lock dies with its process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lkj import paths
from lkj.errors import BuildError
from lkj.render import lock
from lkj.render.progress import Silent

from .conftest import RUN


class Warnings(Silent):
    """A reporter that keeps the warnings and can signal the first one."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.warned = threading.Event()

    def warn(self, message: str) -> None:
        self.messages.append(message)
        self.warned.set()


def take(path: Path, run: str) -> None:
    """Take the lock as a second build would, giving up quickly."""
    with lock.hold(path, run, Silent(), wait=0.3):
        pytest.fail("two holders at once")


def test_a_second_holder_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "_build" / "run" / "build.lock"
    order: list[str] = []
    second = Warnings()

    def later() -> None:
        with lock.hold(path, "run", second, wait=60):
            order.append("second")

    with lock.hold(path, "run", Silent()):
        thread = threading.Thread(target=later)
        thread.start()
        assert second.warned.wait(30)  # it waits for us instead of going ahead
        order.append("first done")
    thread.join(60)
    assert order == ["first done", "second"]
    assert "build lain untuk run run sedang berjalan" in second.messages[0]
    assert f"pid {os.getpid()}" in second.messages[0]


def test_waiting_too_long_ends_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "build.lock"
    with lock.hold(path, "jateng-2025-tw2", Silent()), pytest.raises(BuildError) as info:
        take(path, "jateng-2025-tw2")
    message = str(info.value)
    assert "jateng-2025-tw2 masih berjalan" in message and str(path) in message
    assert "hentikan prosesnya" in message


def test_a_killed_holder_leaves_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "build.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(path)!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(600)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait(30)
    report = Warnings()
    with lock.hold(path, "run", report, wait=5):
        pass
    assert report.messages == []  # taken at once: nobody to wait for


def test_guard_takes_the_run_lock_and_removes_leftovers(fresh_book: Path) -> None:
    out = fresh_book / "_output"
    (out / RUN).mkdir(parents=True)
    (out / RUN / "index.html").write_text("terakhir yang baik", encoding="utf-8")
    for name in (f".{RUN}.tmp-abc123", f".{RUN}.old-1234abcd", ".lain-2025-tw2.tmp-xyz"):
        (out / name).mkdir()
        (out / name / "half.pdf").write_bytes(b"%PDF-")
    report = Warnings()
    params = fresh_book / "params" / f"{RUN}.yml"
    # Inside the guard the run's lock is held: another holder gives up.
    with lock.guard(params, None, report), pytest.raises(BuildError):
        take(paths.run_lock(fresh_book, RUN), RUN)
    assert sorted(p.name for p in out.iterdir()) == [".lain-2025-tw2.tmp-xyz", RUN]
    assert (out / RUN / "index.html").read_text(encoding="utf-8") == "terakhir yang baik"
    assert any("2 folder sisa build" in m for m in report.messages)


def test_guard_puts_back_the_output_a_build_killed_while_publishing_moved_away(
    fresh_book: Path,
) -> None:
    out = fresh_book / "_output"
    old = out / f".{RUN}.old-1234abcd"  # publish renamed the good output, then was killed
    old.mkdir(parents=True)
    (old / "index.html").write_text("terakhir yang baik", encoding="utf-8")
    (out / f".{RUN}.tmp-abc123").mkdir()
    with lock.guard(fresh_book / "params" / f"{RUN}.yml", None, Silent()):
        pass
    assert sorted(p.name for p in out.iterdir()) == [RUN]
    assert (out / RUN / "index.html").read_text(encoding="utf-8") == "terakhir yang baik"


def test_guard_lets_bad_params_reach_the_build(tmp_path: Path) -> None:
    params = tmp_path / "params" / "rusak.yml"
    params.parent.mkdir()
    params.write_text("quarter: [\n", encoding="utf-8")
    entered = False
    with lock.guard(params, None, Silent()):
        entered = True  # the build's params step reports the problems, with their lines
    assert entered
