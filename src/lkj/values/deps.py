"""Which input files a notebook used: the dependency record behind the build cache.

The build turns recording on in the kernel before a notebook runs (`start()`) and reads it
afterwards (`dump(path)`); in plain Jupyter nothing is recorded and nothing costs anything.

This module only holds the record. What goes into it is decided in one place,
`lkj.values.access` (the reads a notebook makes of values, datasets and texts), with the
rule of docs/performance.md ("The dependency rule"). Registry and Inputs record nothing.

Beside the files, the record holds what each read returned, as digests (`observe`,
lkj.values.observe): a file whose every read was observed that way is *covered* (the entry
stays valid while the answers are the same, even if the file changed); a file read in any
other way (a text, an existence question, …) is *exact* (its content must match). A
question about everything (`everything()`) leaves no observations at all: only the files
decide, as before.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ALL = "*"  # recorded when any input file could change what the notebook saw
EXISTS = "exists:"  # prefix of a dependency on a file's existence, not on its content
LISTING = "listing:"  # prefix of a dependency on which files a folder holds (names only)


@dataclass
class Recorder:
    """Files used by one notebook; `armed` once Book.open has finished its own reads."""

    files: set[str] = field(default_factory=set)
    all_files: set[str] = field(default_factory=set)
    opened: bool = False
    armed: bool = False
    exact: set[str] = field(default_factory=set)  # files read other than through observations
    observed: dict[str, str] = field(default_factory=dict)  # read → digest of its answer
    observable: bool = True  # False once a read's answer could not be described


_active: Recorder | None = None
# A recorder for one thread only: the build process replays a notebook's reads against the
# current run in several threads at once (lkj.values.access.replay); kernels use _active.
_local = threading.local()


def _current() -> Recorder | None:
    return getattr(_local, "recorder", None) or _active


def into(recorder: Recorder | None) -> None:
    """Record this thread's reads into `recorder` (None: stop)."""
    _local.recorder = recorder


def start() -> None:
    """Begin a fresh record (called by the build before each notebook)."""
    global _active
    _active = Recorder()


def stop() -> None:
    global _active
    _active = None


def arm(all_files: Iterable[str]) -> None:
    """Book.open is done: record from here on; `all_files` is what ALL stands for."""
    active = _current()
    if active is not None:
        active.opened = True
        active.all_files.update(all_files)
        active.armed = True


def recording() -> bool:
    active = _current()
    return active is not None and active.armed


def _armed() -> Recorder | None:
    active = _current()
    return active if active is not None and active.armed else None


def file(shown: str) -> None:
    """The notebook used this input file (path relative to the project folder)."""
    files((shown,))


def files(shown: Iterable[str]) -> None:
    """Files read in a way no observation describes: their content must match."""
    active = _armed()
    if active is not None:
        found = set(shown)
        active.files.update(found)
        active.exact.update(found)


def covered(shown: Iterable[str]) -> None:
    """Files whose every use by this read is described by the read's observation."""
    active = _armed()
    if active is not None:
        active.files.update(shown)


def observe(key: str, answer: Callable[[], str]) -> bool:
    """Record the digest of a read's answer (computed once per read); False when there is no
    record or the answer could not be described (the caller then records exact files)."""
    from lkj.values.observe import Undigestable

    active = _armed()
    if active is None:
        return False
    if key not in active.observed:
        try:
            active.observed[key] = answer()
        except Undigestable:
            return False
    return True


def exists(shown: str) -> None:
    """The notebook asked whether an input file exists (e.g. an optional dataset): its answer
    changes when the file appears or disappears, not when its content changes."""
    file(EXISTS + shown)


def listing(shown_folder: str) -> None:
    """The notebook's answer depends on which files the folder holds (at any depth), not on
    their content: a file added or removed there changes it."""
    file(LISTING + shown_folder)


def everything() -> None:
    file(ALL)
    active = _armed()
    if active is not None:
        active.observable = False  # a question about the whole run: only files decide


def snapshot() -> dict[str, object]:
    """The record as JSON-able data; files=None when no Book was opened (depend on all).
    observed=None: no second chance (only the files decide)."""
    active = _current()
    if active is None or not active.opened:
        return {"files": None}
    found = set(active.files)
    if ALL in found:
        found = (found - {ALL}) | active.all_files
    if not active.observable or ALL in active.files:
        return {"files": sorted(found), "observed": None}
    return {
        "files": sorted(found),
        "observed": dict(sorted(active.observed.items())),
        "exact": sorted(active.exact),
    }


def dump(path: str | os.PathLike[str]) -> None:
    """Write the record for the build process (then stop recording)."""
    Path(path).write_text(json.dumps(snapshot()), encoding="utf-8")
    stop()
