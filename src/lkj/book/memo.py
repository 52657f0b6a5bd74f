"""Loaded inputs and registry kept between notebooks that share a warm kernel.

Off unless a build's kernel turns it on (`memo.enable()`): in plain Jupyter every Book.open
reads the files again. Each notebook gets a deep copy, so what one notebook does to its Book
cannot reach the next; an entry is dropped as soon as any file it was loaded from changes.

A warm kernel without an entry takes the run the build handed off (lkj.render.handoff writes
`paths.handoff`) instead of reading and computing it again (≈ 0,8 s of CPU per kernel), but
only if it was written by the same lkj source and every file it was loaded from is unchanged;
otherwise it loads as usual. While the build has announced a hand-off (`paths.handoff_pending`)
a kernel that finds only an older one waits for the new one (computing it too would only take
the CPU from the build that is computing it) until it appears or the announcement goes.
`handoff_head` is the check both sides agree on.
"""

from __future__ import annotations

import copy
import pickle
import time
from pathlib import Path
from typing import TYPE_CHECKING

from lkj import paths
from lkj.files import file_digests, lkj_digest

if TYPE_CHECKING:
    from lkj.inputs.load import Inputs
    from lkj.inputs.params import Run
    from lkj.values.registry import Registry

KEEP = 4  # runs remembered per kernel: a batch visits a few runs at a time
WAIT = 30.0  # seconds a kernel waits for an announced hand-off at most

Digests = dict[str, str | None]
Head = tuple[str, str, Digests]  # (lkj source, params file, digests of the input files)
Entry = tuple[Digests, "Inputs", "Registry"]


def handoff_path(run: Run) -> Path:
    return paths.handoff(run.root, run.name)


def source() -> str:
    """The lkj source a hand-off must have been written by (patched by tests)."""
    return lkj_digest()


def handoff_head(run: Run, inputs: Inputs) -> Head:
    """What a hand-off of `run` records about where it came from, checked when it is read."""
    return source(), str(run.params_path), file_digests(inputs.files)


def _take_handoff(run: Run) -> Entry | None:
    deadline = time.monotonic() + WAIT
    tried: float | None = None
    while True:
        try:
            stamp: float | None = handoff_path(run).stat().st_mtime
        except OSError:
            stamp = None
        if stamp is not None and stamp != tried:
            tried = stamp
            entry = read_handoff(run)
            if entry is not None:
                return entry
        if not paths.handoff_pending(run.root, run.name).exists():
            return None
        if time.monotonic() > deadline:
            return None
        time.sleep(0.05)


def read_handoff(run: Run) -> Entry | None:
    """The handed-off run, or None when absent, damaged or not this run any more."""
    try:
        (origin, params, digests), inputs, reg = pickle.loads(handoff_path(run).read_bytes())
    except Exception:  # absent, half-written by an old build, or from other code: load anew
        return None
    if origin != source() or params != str(run.params_path):
        return None
    if file_digests(inputs.files) != digests:
        return None
    return digests, inputs, reg


class Memo:
    def __init__(self) -> None:
        self.enabled = False
        self._entries: dict[Path, Entry] = {}

    def enable(self) -> None:
        self.enabled = True

    def get(self, run: Run) -> tuple[Inputs, Registry] | None:
        if not self.enabled:
            return None
        entry = self._entries.get(run.params_path)
        if entry is not None and file_digests(entry[1].files) != entry[0]:
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
        self._keep(run, (file_digests(inputs.files), *kept))

    def _keep(self, run: Run, entry: Entry) -> None:
        while len(self._entries) >= KEEP:
            del self._entries[next(iter(self._entries))]
        self._entries[run.params_path] = entry


memo = Memo()
