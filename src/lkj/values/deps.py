"""Which input files a notebook used: the dependency record behind the build cache.

The build turns recording on in the kernel before a notebook runs (`start()`) and reads it
afterwards (`dump(path)`); in plain Jupyter nothing is recorded and nothing costs anything.

This module only holds the record. What goes into it is decided in one place,
`lkj.values.access` (the reads a notebook makes of values, datasets and texts), with the
rule of docs/performance.md ("The dependency rule"). Registry and Inputs record nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
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


_active: Recorder | None = None


def start() -> None:
    """Begin a fresh record (called by the build before each notebook)."""
    global _active
    _active = Recorder()


def stop() -> None:
    global _active
    _active = None


def arm(all_files: Iterable[str]) -> None:
    """Book.open is done: record from here on; `all_files` is what ALL stands for."""
    if _active is not None:
        _active.opened = True
        _active.all_files.update(all_files)
        _active.armed = True


def recording() -> bool:
    return _active is not None and _active.armed


def file(shown: str) -> None:
    """The notebook used this input file (path relative to the project folder)."""
    if _active is not None and _active.armed:
        _active.files.add(shown)


def files(shown: Iterable[str]) -> None:
    if _active is not None and _active.armed:
        _active.files.update(shown)


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


def snapshot() -> dict[str, object]:
    """The record as JSON-able data; files=None when no Book was opened (depend on all)."""
    if _active is None or not _active.opened:
        return {"files": None}
    found = set(_active.files)
    if ALL in found:
        found = (found - {ALL}) | _active.all_files
    return {"files": sorted(found)}


def dump(path: str | os.PathLike[str]) -> None:
    """Write the record for the build process (then stop recording)."""
    Path(path).write_text(json.dumps(snapshot()), encoding="utf-8")
    stop()
