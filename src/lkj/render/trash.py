"""Removing a build folder without waiting for it: rename now, delete in the background.

`shutil.rmtree` of a folder of pictures or of a whole HTML book takes ≈ 0,1–0,5 s on a
loaded machine, and a rebuild needs only the name to be free, not the disk space back.
`discard(path)` renames the folder to `.<name>.trash-XXXXXXXX` beside it (one rename: the
path is free at once, and no reader ever sees a half-deleted folder under the old name) and
deletes it in a non-daemon thread, so a one-shot process still finishes the deletion before
it exits. A process killed in between leaves a `.trash-` folder, which the next discard in
that parent folder removes (nothing else ever uses those names).
"""

from __future__ import annotations

import shutil
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

MARK = ".trash-"

_threads: list[threading.Thread] = []
_lock = threading.Lock()


def trashed(parent: Path) -> list[Path]:
    """The folders discard() renamed in `parent` and has not deleted yet (or was killed)."""
    try:
        return sorted(p for p in parent.iterdir() if p.name.startswith(".") and MARK in p.name)
    except OSError:
        return []


def _delete(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def discard(path: Path) -> None:
    """Make `path` not exist now; its files are deleted in the background (see module)."""
    if not path.exists():
        return
    if not path.is_dir() or path.is_symlink():
        path.unlink()
        return
    target = path.with_name(f".{path.name}{MARK}{uuid.uuid4().hex[:8]}")
    stale = trashed(path.parent)  # left by a killed process: deleted with this one
    path.rename(target)
    thread = threading.Thread(target=_delete, args=([target, *stale],), name="lkj-trash")
    with _lock:
        _threads[:] = [t for t in _threads if t.is_alive()]
        _threads.append(thread)
    thread.start()


def swap(
    tmp: Path, final: Path, mark: str = MARK, remove: Callable[[Path], None] | None = None
) -> None:
    """Swap tmp in as final with two renames; the previous final, renamed `.<name><mark>…`,
    is removed only afterwards: by default discarded (deleted in the background, for folders
    no other tool restores), `remove` for _output/ (publish.swap_in: prune.py knows `.old-`)."""
    old: Path | None = None
    if final.exists():
        old = final.with_name(f".{final.name}{mark}{uuid.uuid4().hex[:8]}")
        final.rename(old)
    try:
        tmp.rename(final)
    except BaseException:
        if old is not None:
            old.rename(final)
        raise
    if old is not None:
        (remove or discard)(old)


def wait() -> None:
    """Block until every deletion started so far is done (tests, a clean stop)."""
    with _lock:
        pending = list(_threads)
    for thread in pending:
        thread.join()
