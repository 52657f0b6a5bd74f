"""Which input files a notebook used: the dependency record behind the build cache.

The build turns recording on in the kernel before a notebook runs (`start()`) and reads it
afterwards (`dump(path)`); in plain Jupyter nothing is recorded and nothing costs anything.

The rule (docs/performance.md): a notebook depends on
  - every file a registry value it looked up was computed from (`Value.sources[].file`,
    followed through `Value.inputs`),
  - every input dataset it reached through `book.inputs` / `book.pk` / `book.profile`
    (`pk.yml`, `profil.yml`, `target.csv`, a CSV of `inputs.tables`, a reference list),
    including asking whether an optional dataset exists,
  - every text or published-figures file it asked for (missing ones too: creating one
    changes the page),
  - all input files, when it asked a question whose answer any file could change: a value id
    that does not exist, an id pattern matching nothing, or iterating the whole registry.
Reads made by `Book.open` itself (validation and computing the registry) are not recorded:
the build validates every input file before any notebook runs, so a file that breaks
validation fails the build whatever the cache holds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lkj.values.registry import Registry, Value

ALL = "*"  # recorded when any input file could change what the notebook saw


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


EXISTS = "exists:"  # prefix of a dependency on a file's existence, not on its content


def exists(shown: str) -> None:
    """The notebook asked whether an input file exists (e.g. an optional dataset): its answer
    changes when the file appears or disappears, not when its content changes."""
    file(EXISTS + shown)


def everything() -> None:
    file(ALL)


def value(registry: Registry, item: Value) -> None:
    """The notebook used this value: depend on its sources and those of its inputs."""
    if _active is None or not _active.armed:
        return
    seen: set[str] = set()
    todo = [item]
    while todo:
        current = todo.pop()
        if current.id in seen:
            continue
        seen.add(current.id)
        for source in current.sources:
            _active.files.add(source.file)
        for name in current.inputs:
            found = registry._values.get(name)
            if found is not None:
                todo.append(found)


def missing(registry: Registry, value_id: str) -> None:
    """The notebook asked for a value that does not exist (e.g. a later quarter's realisation).

    Whether a value of a family (the id's first segment: `iku07`, `pengaduan`, `anggaran` …)
    exists is decided by the code that computes that family from its own files; so the answer
    can only change when one of those files changes (or the params/code, which are in the cache
    key anyway). An id of an unknown family could be created by any file.
    """
    if _active is None or not _active.armed:
        return
    files = registry.family_files(value_id.split(".", 1)[0])
    if files:
        _active.files.update(files)
    else:
        everything()


def sources_of(registry: Registry, items: Iterable[Value]) -> set[str]:
    """Every file behind the given values, following their inputs."""
    files: set[str] = set()
    seen: set[str] = set()
    todo = list(items)
    while todo:
        current = todo.pop()
        if current.id in seen:
            continue
        seen.add(current.id)
        files.update(source.file for source in current.sources)
        todo.extend(v for v in (registry._values.get(n) for n in current.inputs) if v)
    return files


def snapshot() -> dict[str, object]:
    """The record as JSON-able data; files=None when no Book was opened (depend on all)."""
    if _active is None or not _active.opened:
        return {"files": None}
    files = set(_active.files)
    if ALL in files:
        files = (files - {ALL}) | _active.all_files
    return {"files": sorted(files)}


def dump(path: str | os.PathLike[str]) -> None:
    """Write the record for the build process (then stop recording)."""
    Path(path).write_text(json.dumps(snapshot()), encoding="utf-8")
    stop()
