"""params `kind: tahunan`: the year as at the end of TW IV, its own chapter list."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project

from lkj.inputs.params import ParamsError, load_run
from lkj.render.book_kind import book_file
from lkj.render.quarto import load_book

ROOT = Path(__file__).resolve().parents[2]
PARAMS = "params/mini-2025-tw2.yml"


def test_an_annual_run_names_no_quarter_and_counts_as_tw4(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "kind: tahunan")
    params = load_run(mini.params).params
    assert (params.kind, params.quarter) == ("tahunan", 4)


def test_quarter_4_is_accepted_in_an_annual_run(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "kind: tahunan\nquarter: 4")
    assert load_run(mini.params).params.quarter == 4


def test_another_quarter_in_an_annual_run_is_a_located_error(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "kind: tahunan\nquarter: 2")
    with pytest.raises(ParamsError) as caught:
        load_run(mini.params)
    (problem,) = caught.value.problems
    line = mini.read(PARAMS).splitlines().index("quarter: 2") + 1
    assert (problem.row, problem.column, problem.value) == (line, "quarter", 2)
    assert "hapus kunci quarter" in problem.fix
    assert caught.value.partial is not None and caught.value.partial.params.quarter == 4


def test_a_quarterly_run_still_needs_its_quarter(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2\n", "")
    with pytest.raises(ParamsError) as caught:
        load_run(mini.params)
    assert [p.column for p in caught.value.problems] == ["quarter"]


def test_an_unknown_kind_is_a_located_error(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 2\nkind: bulanan")
    with pytest.raises(ParamsError) as caught:
        load_run(mini.params)
    (problem,) = caught.value.problems
    assert problem.column == "kind" and "tahunan" in problem.fix


def test_each_kind_has_its_own_chapter_list() -> None:
    quarterly = load_run(ROOT / "params/jateng-2025-tw4.yml").params
    annual = load_run(ROOT / "params/jateng-2025-tahunan.yml").params
    assert book_file(quarterly) == "_quarto.yml"
    chapters = [c.rel for c in load_book(ROOT, name=book_file(annual)).chapters]
    assert "notebooks/tahunan_bab3a.ipynb" in chapters
    assert "notebooks/bab2b_evaluasi.ipynb" not in chapters
    assert chapters[-1] == "notebooks/lampiran8_jejak.ipynb"
