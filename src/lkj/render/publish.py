"""Stage 4 of a build, `publish`: the assembled folder becomes `_output/<run>/`, atomically.

The temporary folder is swapped in with two renames (`swap_in`); the previous output is
removed only afterwards, and restored if the second rename fails. Only then is
`assembly.key` written, so a no-op rebuild trusts exactly what was published. On any failure
the temporary folder is deleted and the previous `_output/<run>/` is untouched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lkj.files import write_atomic
from lkj.inputs.params import Run
from lkj.render import trash
from lkj.render.outputs import Assembled, stamp_text
from lkj.render.progress import Reporter, Step


def swap_in(tmp: Path, final: Path) -> None:
    """Swap tmp in as final with renames; the previous final is removed only afterwards."""
    trash.swap(tmp, final, ".old-", lambda old: shutil.rmtree(old, ignore_errors=True))


def publish(assembled: Assembled, run: Run, report: Reporter) -> Path:
    """Swap the assembled folder in (nothing to do when it was up to date); return final."""
    if assembled.folder is None:
        return assembled.final
    try:
        with Step(report, "publish", f"terbitkan {run.shown(assembled.final)}"):
            swap_in(assembled.folder, assembled.final)
    except BaseException:
        shutil.rmtree(assembled.folder, ignore_errors=True)
        raise
    write_atomic(assembled.stamp, stamp_text(assembled.key, assembled.final).encode())
    return assembled.final
