"""Loaded inputs and registry kept between notebooks that share a warm kernel.

Off unless a build's kernel turns it on (`memo.enable()`): in plain Jupyter every Book.open
reads the files again. Each notebook gets a deep copy, so what one notebook does to its Book
cannot reach the next; an entry is dropped as soon as any file it was loaded from changes.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lkj.inputs import Inputs
    from lkj.params import Run
    from lkj.registry import Registry

KEEP = 4  # runs remembered per kernel: a batch visits a few runs at a time


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
        if entry is None:
            return None
        digests, inputs, reg = entry
        if _digests(inputs.files) != digests:
            del self._entries[run.params_path]
            return None
        return copy.deepcopy((inputs, reg))

    def put(self, run: Run, inputs: Inputs, reg: Registry) -> None:
        if not self.enabled:
            return
        while len(self._entries) >= KEEP:
            del self._entries[next(iter(self._entries))]
        kept = copy.deepcopy((inputs, reg))
        self._entries[run.params_path] = (_digests(inputs.files), *kept)


memo = Memo()
