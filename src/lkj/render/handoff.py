"""The build's side of the kernel hand-off: the loaded run left for the warm kernels.

`lkj build` loads and computes the run anyway (validation, values manifest, XLSX) and writes
it to `paths.handoff` (`publish`); a warm kernel takes it from there (lkj.book.memo, which
checks it against the lkj source and the input files) instead of computing it again. The file
is a build artefact of this machine, in the same trust as the rest of the build folder
(pickle runs code when loaded: never share it).

The build starts its kernels before the run is computed, so it first `announce`s the
hand-off (`paths.handoff_pending`): a kernel that finds only an older pickle then waits for
the new one, until it appears or the announcement is `withdraw`n.
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

from lkj import paths
from lkj.book.memo import handoff_head, handoff_path
from lkj.files import write_atomic

if TYPE_CHECKING:
    from lkj.inputs.load import Inputs
    from lkj.inputs.params import Run
    from lkj.values.registry import Registry


def announce(run: Run) -> None:
    """A build will publish this run's hand-off soon: kernels wait for it (see above)."""
    path = paths.handoff_pending(run.root, run.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")


def withdraw(run: Run) -> None:
    """The hand-off was published, or will not be: waiting kernels stop waiting. Folders
    that only the announcement created go too (a build that failed validation leaves no
    build folder)."""
    path = paths.handoff_pending(run.root, run.name)
    path.unlink(missing_ok=True)
    for folder in (path.parent, path.parent.parent):
        try:
            folder.rmdir()  # only when empty
        except OSError:
            break


def publish(run: Run, inputs: Inputs, reg: Registry) -> None:
    """Leave the loaded run for the build's kernels, whole or not at all."""
    head = handoff_head(run, inputs)
    write_atomic(handoff_path(run), pickle.dumps((head, inputs, reg), protocol=5))
