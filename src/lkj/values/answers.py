"""The reads a notebook's record names by key, asked again of a run (lkj.values.access).

A key is what lkj.values.access records beside a read's digest: "value:<id>",
"ids:<pattern>", "values" (the whole registry), "pk", "profile", "targets", "nihil",
"dataset:<name>", "reference:<name>". `answer_of` is the object the read returned (what the
digest describes); `ask` makes the read itself again (so it is recorded, files and digest,
as in the notebook); `replay` asks all of a record's reads of another run.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from lkj.values import deps
from lkj.values.observe import ABSENT

if TYPE_CHECKING:
    from lkj.inputs.load import Inputs
    from lkj.values.registry import Registry

INPUT_FIELDS = ("pk", "profile", "targets", "nihil")


class Reads(Protocol):
    """The reads of lkj.values.access.Reads that a key stands for (that module imports this)."""

    def find(self, value_id: str) -> Any: ...
    def ids(self, pattern: str = "*") -> list[str]: ...
    def every_value(self) -> Any: ...
    def dataset(self, name: str, reference: bool = False) -> Any: ...


def answer_of(inputs: Inputs, reg: Registry, key: str) -> object:
    """What the read `key` returns in this run (ABSENT for a missing id or dataset)."""
    kind, _, name = key.partition(":")
    if kind == "value" and name:
        return reg.find(name) or ABSENT
    if kind == "ids" and name:
        return reg.ids(name)
    if key == "values":
        return list(reg)
    if key in INPUT_FIELDS:
        return getattr(inputs, key)
    if kind in ("dataset", "reference") and name:
        return (inputs.references if kind == "reference" else inputs.tables).get(name, ABSENT)
    raise ValueError(f"unknown read {key!r}")


def ask(reads: Reads, key: str) -> None:
    kind, _, name = key.partition(":")
    if kind == "value" and name:
        reads.find(name)
    elif kind == "ids" and name:
        reads.ids(name)
    elif key == "values":
        reads.every_value()
    elif key in INPUT_FIELDS:
        getattr(reads, key)()
    elif kind in ("dataset", "reference") and name:
        with contextlib.suppress(KeyError):  # recorded as absent before it raised
            reads.dataset(name, kind == "reference")
    else:
        raise ValueError(f"unknown read {key!r}")


def replay(reads: Reads, keys: Iterable[str]) -> deps.Recorder:
    """Ask `reads` (another run) every read again, recording into a fresh recorder of this
    thread: its `observed` are the answers there, its `files` what they depend on there."""
    recorder = deps.Recorder(opened=True, armed=True)
    deps.into(recorder)
    try:
        for key in keys:
            ask(reads, key)
    finally:
        deps.into(None)
    return recorder
