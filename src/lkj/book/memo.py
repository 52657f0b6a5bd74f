"""Loaded inputs and registry kept between notebooks that share a warm kernel.

Off unless a build's kernel turns it on (`memo.enable()`): in plain Jupyter every Book.open
reads the files again. Each notebook gets a deep copy, so what one notebook does to its Book
cannot reach the next; an entry is dropped as soon as any file it was loaded from changes.

Hand-off: `lkj build` loads and computes the run anyway (validation, values manifest, XLSX)
and writes it to `_build/<run>/book.pickle` (`publish`). A warm kernel without an entry
takes it from there instead of reading and computing again (≈ 0,8 s of CPU per kernel),
but only if it was written by the same lkj source and every file it was loaded from is
unchanged; otherwise it loads as usual. The file is a build artefact of this machine, in
the same trust as the rest of `_build/` (pickle runs code when loaded: never share it).
The build starts its kernels before the run is computed, so it first `announce`s the
hand-off (`book.pickle.pending`): a kernel that finds only an older pickle then waits for
the new one (computing it too would only take the CPU from the build that is computing
it) until it appears or the announcement is withdrawn.
"""

from __future__ import annotations

import copy
import hashlib
import pickle
import time
from pathlib import Path
from typing import TYPE_CHECKING

from lkj import paths

if TYPE_CHECKING:
    from lkj.inputs.load import Inputs
    from lkj.inputs.params import Run
    from lkj.values.registry import Registry

KEEP = 4  # runs remembered per kernel: a batch visits a few runs at a time
WAIT = 30.0  # seconds a kernel waits for an announced hand-off at most


def handoff_path(run: Run) -> Path:
    return paths.handoff(run.root, run.name)


def _pending(run: Run) -> Path:
    return paths.handoff_pending(run.root, run.name)


def announce(run: Run) -> None:
    """A build will publish this run's hand-off soon: kernels wait for it (see above)."""
    path = _pending(run)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")


def withdraw(run: Run) -> None:
    """The hand-off was published, or will not be: waiting kernels stop waiting. Folders
    that only the announcement created go too (a build that failed validation leaves no
    `_build/`)."""
    path = _pending(run)
    path.unlink(missing_ok=True)
    for folder in (path.parent, path.parent.parent):
        try:
            folder.rmdir()  # only when empty
        except OSError:
            break


def _source() -> str:
    from lkj.render.cache import lkj_digest

    return lkj_digest()


def publish(run: Run, inputs: Inputs, reg: Registry) -> None:
    """Leave the loaded run for the build's kernels (see the module docstring)."""
    from lkj.render.cache import write_atomic

    head = (_source(), str(run.params_path), _digests(inputs.files))
    write_atomic(handoff_path(run), pickle.dumps((head, inputs, reg), protocol=5))


def _take_handoff(run: Run) -> tuple[dict[str, str | None], Inputs, Registry] | None:
    deadline = time.monotonic() + WAIT
    tried: float | None = None
    while True:
        try:
            stamp = handoff_path(run).stat().st_mtime
        except OSError:
            stamp = None
        if stamp is not None and stamp != tried:
            tried = stamp
            entry = _read_handoff(run)
            if entry is not None:
                return entry
        if not _pending(run).exists() or time.monotonic() > deadline:
            return None
        time.sleep(0.05)


def _read_handoff(run: Run) -> tuple[dict[str, str | None], Inputs, Registry] | None:
    try:
        (source, params, digests), inputs, reg = pickle.loads(handoff_path(run).read_bytes())
    except Exception:  # absent, half-written by an old build, or from other code: load anew
        return None
    if source != _source() or params != str(run.params_path):
        return None
    if _digests(inputs.files) != digests:
        return None
    return digests, inputs, reg


def _digests(files: dict[str, Path]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for shown, path in files.items():
        try:
            out[shown] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            out[shown] = None
    return out


class Memo:
    def __init__(self) -> None:
        self.enabled = False
        self._entries: dict[Path, tuple[dict[str, str | None], Inputs, Registry]] = {}

    def enable(self) -> None:
        self.enabled = True

    def get(self, run: Run) -> tuple[Inputs, Registry] | None:
        if not self.enabled:
            return None
        entry = self._entries.get(run.params_path)
        if entry is not None and _digests(entry[1].files) != entry[0]:
            del self._entries[run.params_path]  # a file changed since: not this run any more
            entry = None
        if entry is None:
            entry = _take_handoff(run)  # checked against the files already
            if entry is None:
                return None
            self._keep(run, entry)
        _, inputs, reg = entry
        return copy.deepcopy((inputs, reg))

    def put(self, run: Run, inputs: Inputs, reg: Registry) -> None:
        if not self.enabled:
            return
        kept = copy.deepcopy((inputs, reg))
        self._keep(run, (_digests(inputs.files), *kept))

    def _keep(self, run: Run, entry: tuple[dict[str, str | None], Inputs, Registry]) -> None:
        while len(self._entries) >= KEEP:
            del self._entries[next(iter(self._entries))]
        self._entries[run.params_path] = entry


memo = Memo()
