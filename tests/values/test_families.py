"""The declared family table (lkj.values.families) covers what lkj.compute really reads.

For every shipped params file and the mini project: each value's family is declared, and
every file a value cites (through its inputs too) is among its family's declared datasets.
A new family, or a family's code reading a new file, fails here until the table says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.values.access import Reads
from lkj.values.families import family, family_datasets

ROOT = Path(__file__).resolve().parents[2]
PARAMS = [
    *sorted((ROOT / "params").glob("*.yml")),
    ROOT / "tests" / "fixtures" / "mini" / "params" / "mini-2025-tw2.yml",
]


@pytest.mark.parametrize("params", PARAMS, ids=lambda p: p.stem)
def test_every_cited_file_is_declared_for_its_family(params: Path) -> None:
    inputs = load_inputs(load_run(params))
    reg = compute(inputs)
    reads = Reads(inputs, reg)
    table = family_datasets(inputs.pk, inputs.unit)
    wrong = []
    for value in reg:
        declared = table.get(family(value.id))
        if declared is None:
            wrong.append(f"{value.id}: family {family(value.id)!r} not declared")
            continue
        files = {reads.file_of(d) for d in declared}
        extra = reg.lineage([value]).files - files
        if extra:
            wrong.append(f"{value.id} cites {sorted(extra)}, not declared for its family")
    assert not wrong, "\n".join(wrong[:20])
