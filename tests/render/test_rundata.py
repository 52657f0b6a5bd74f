"""render.rundata: the registry and XLSX a build prepares while its notebooks run."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.errors import InputError
from lkj.render.rundata import RunData


def test_run_data_prepared_in_the_background_equals_a_fresh_book(mini, tmp_path: Path) -> None:
    from lkj.book.core import Book
    from lkj.inputs.load import load_inputs
    from lkj.inputs.params import load_run
    from lkj.render.xlsx import write_tables_xlsx

    run = load_run(mini.params)
    fresh = Book.open(mini.params)
    write_tables_xlsx(fresh, tmp_path / "fresh.xlsx")
    for name, inputs in (("validated", load_inputs(run)), ("loaded", None)):
        data = RunData(run, inputs, tmp_path / name / "book.xlsx")
        book, detail = data.result()
        data.close()
        assert [(v.id, v.value) for v in book.reg] == [(v.id, v.value) for v in fresh.reg]
        assert data.xlsx.read_bytes() == (tmp_path / "fresh.xlsx").read_bytes()
        assert detail.endswith("lembar")


def test_run_data_failure_is_raised_where_the_result_is_needed(mini, tmp_path: Path) -> None:
    from lkj.inputs.params import load_run

    run = load_run(mini.params)
    mini.path("data").rename(mini.path("data-hilang"))  # nothing left to load
    data = RunData(run, None, tmp_path / "book.xlsx")
    with pytest.raises(InputError):
        data.result()
    data.close()
