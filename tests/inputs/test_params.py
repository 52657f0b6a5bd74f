"""params/<run>.yml: known keys, ranges, an existing unit and year folder."""

from __future__ import annotations

import pytest
from conftest import Project

from lkj.inputs.params import load_run

from .cases import PARAMS, Case, assert_reported, edit, problems_of

CASES = [
    Case(
        "params-quarter-5",
        edit(PARAMS, "quarter: 2", "quarter: 5"),
        "PARAMS",
        "quarter: 5",
        "quarter",
        "1, 2, 3 atau 4",
    ),
    Case(
        "params-unknown-unit",
        edit(PARAMS, "unit: mini", "unit: mimi"),
        "PARAMS",
        "unit: mimi",
        "unit",
        "pakai salah satu dari: mini",
    ),
    Case(
        "params-unknown-key",
        edit(PARAMS, "quarter: 2", "quarter: 2\nkwartal: 2"),
        "PARAMS",
        "kwartal",
        "kwartal",
        "perbaiki ejaannya",
    ),
    *[
        Case(
            f"params-appendix-max-rows-{bad}",
            edit(PARAMS, "quarter: 2", f"quarter: 2\nappendix_max_rows: {bad}"),
            "PARAMS",
            "appendix_max_rows",
            "appendix_max_rows",
            "bilangan bulat positif",
        )
        for bad in ("0", "-1", "banyak", '"200"')
    ],
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


def test_appendix_max_rows_is_optional(mini: Project) -> None:
    assert load_run(mini.params).params.appendix_max_rows is None  # absent: no cap
    mini.replace(PARAMS, "quarter: 2", "quarter: 2\nappendix_max_rows: null")
    assert load_run(mini.params).params.appendix_max_rows is None
    mini.replace(PARAMS, "appendix_max_rows: null", "appendix_max_rows: 5")
    assert load_run(mini.params).params.appendix_max_rows == 5


def test_appendix_max_rows_problem_reads_in_indonesian(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 2\nappendix_max_rows: banyak")
    (problem,) = problems_of(mini)
    assert problem.message == "nilai harus bilangan bulat" and problem.value == "banyak"
    mini.replace(PARAMS, "appendix_max_rows: banyak", "appendix_max_rows: 0")
    (problem,) = problems_of(mini)
    assert problem.message == "nilai di luar rentang (minimal 1)"
