"""The recording views cover every way into Registry, Inputs and the dataset mappings.

A new public method on Registry or a new field on Inputs is a new way for a notebook to read
the run; if the views did not answer it, the read would go unrecorded and leave a stale
cache. These tests fail until the view (lkj.values.access) answers the new member.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lkj.compute.engine import compute
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import load_run
from lkj.values import deps
from lkj.values.access import (
    REGISTRY_NOT_READS,
    Reads,
    RecordedDatasets,
    RecordedInputs,
    RecordedRegistry,
)
from lkj.values.registry import Registry

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


def public(cls: type) -> set[str]:
    names = {n for n in dir(cls) if not n.startswith("_")}
    special = {"__getitem__", "__contains__", "__iter__", "__len__", "__eq__"}
    return names | (special & set(dir(cls)))


def test_every_registry_member_is_answered_by_the_view() -> None:
    own = set(vars(RecordedRegistry))
    uncovered = public(Registry) - own - REGISTRY_NOT_READS - {"__eq__"}
    assert not uncovered, f"add these to RecordedRegistry (they read values): {uncovered}"


def test_every_inputs_field_and_method_is_answered_by_the_view() -> None:
    members = {f.name for f in dataclasses.fields(Inputs)} | {
        n for n in vars(Inputs) if not n.startswith("_") and callable(vars(Inputs)[n])
    }
    assert not members - set(vars(RecordedInputs)), "add them to RecordedInputs"


def test_every_dict_member_is_answered_or_refused_by_the_dataset_view() -> None:
    uncovered = public(dict) - set(vars(RecordedDatasets)) - {"fromkeys"}
    assert not uncovered, f"add these to RecordedDatasets: {uncovered}"


@pytest.fixture(scope="module")
def run() -> tuple[Inputs, Registry]:
    inputs = load_inputs(load_run(MINI / "params" / "mini-2025-tw2.yml"))
    return inputs, compute(inputs)


def test_views_give_the_plain_answers_and_record_them(run: tuple[Inputs, Registry]) -> None:
    inputs, reg = run
    deps.start()
    deps.arm(["ALL"])
    try:
        view_inputs, view_reg = Reads(inputs, reg).views()
        assert isinstance(view_reg, RecordedRegistry)
        assert view_reg["iku01.tw2.realisasi"] is reg["iku01.tw2.realisasi"]
        assert view_reg.ids("penempatan.total*") == reg.ids("penempatan.total*")
        assert view_inputs.pk is inputs.pk
        assert view_inputs.table("kepulangan") is inputs.table("kepulangan")
        assert ("ikpa" in view_inputs.tables) == ("ikpa" in inputs.tables)
        files = deps.snapshot()["files"]
    finally:
        deps.stop()
    assert isinstance(files, list)
    assert {
        "data/mini/2025/pengaduan.csv",
        "data/mini/2025/pk.yml",
        "data/mini/2025/penempatan.csv",
        "data/mini/2025/kepulangan.csv",
        "exists:data/mini/2025/ikpa.csv",
    } <= set(files)


def test_outside_a_build_the_book_gets_the_plain_data(run: tuple[Inputs, Registry]) -> None:
    inputs, reg = run
    deps.stop()
    assert Reads(inputs, reg).views() == (inputs, reg)


def test_the_dataset_view_refuses_changes(run: tuple[Inputs, Registry]) -> None:
    inputs, reg = run
    view = RecordedInputs(Reads(inputs, reg))
    with pytest.raises(TypeError):
        view.tables["baru"] = None
