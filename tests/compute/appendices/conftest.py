"""The mini project's registry (tests/fixtures/mini, TW II 2025): small enough that every
expected figure below is counted by hand from its CSV files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.compute.engine import compute_run
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import load_run
from lkj.values.registry import Registry

MINI = Path(__file__).resolve().parents[2] / "fixtures/mini/params/mini-2025-tw2.yml"


@pytest.fixture(scope="package")
def mini_inputs() -> Inputs:
    return load_inputs(load_run(MINI))


@pytest.fixture(scope="package")
def mini_reg() -> Registry:
    return compute_run(MINI)
