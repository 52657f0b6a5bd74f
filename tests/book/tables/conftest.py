"""One computed Jawa Tengah TW II run for the table tests, and what reads as a figure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lkj.book.tables import Tables
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run

ROOT = Path(__file__).resolve().parents[3]
PARAMS = ROOT / "params/jateng-2025-tw2.yml"


@pytest.fixture(scope="package")
def built():
    inputs = load_inputs(load_run(PARAMS))
    reg = compute(inputs)
    return inputs, reg, Tables(inputs, reg)


def figures(text: str) -> list[str]:
    """Number tokens that read as figures: not part of a name (BP3MI) and not a year or date."""
    tokens = re.findall(r"(?<![\w.,])\d[\d.,]*%?(?![\w])", text)
    return [t for t in tokens if not re.fullmatch(r"20\d\d", t)]


def texts(rows) -> list[list[str]]:
    return [[c.text for c in row] for row in rows]
