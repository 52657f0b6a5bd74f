"""nihil.csv: a quarter declared empty is checked like every input and realises 0."""

from __future__ import annotations

import pytest
from conftest import Project

from lkj.errors import InputError
from lkj.inputs import declarations

from .cases import Case, Y, assert_reported, load, problems_of

NIHIL = Y + "nihil.csv"
HEADER = "dataset,triwulan,keterangan\n"


def declare(*lines: str):
    return lambda p: p.write(NIHIL, HEADER + "".join(line + "\n" for line in lines))


CASES = [
    Case("unknown dataset", declare("kerjasma,3,tidak ada"), NIHIL, 2, "dataset", "kerjasama"),
    Case("quarter 5", declare("kerjasama,5,tidak ada"), NIHIL, 2, "triwulan", ""),
    Case("quarter 0", declare("kerjasama,3,x", "kerjasama,0,x"), NIHIL, 3, "triwulan", ""),
    Case(
        "quarter with rows",  # kerjasama.csv has one row in May (TW II)
        declare("kerjasama,2,tidak ada"),
        NIHIL,
        2,
        "triwulan",
        "hapus baris ini dari nihil.csv",
    ),
    Case(
        "declared twice",
        declare("kerjasama,3,a", "kerjasama,3,b"),
        NIHIL,
        3,
        "triwulan",
        "hapus baris duplikat",
    ),
    Case("a reading", declare("nilai,3,belum dinilai"), NIHIL, 2, "dataset", ""),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_declaration_is_reported_where_it_is(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


def test_quarter_with_rows_names_the_rows(mini: Project) -> None:
    declare("kerjasama,2,tidak ada")(mini)
    (problem,) = problems_of(mini)
    assert "kerjasama.csv punya 1 baris pada triwulan itu (baris 2)" in problem.message


def test_all_cell_problems_at_once(mini: Project) -> None:
    # Rows against the datasets are checked once the file itself is valid, as for every file.
    declare("kerjasma,3,x", "kerjasama,4,x", "pengaduan,7,x")(mini)
    rows = sorted(p.row for p in problems_of(mini) if p.file.endswith("nihil.csv"))
    assert rows == [2, 4]


def test_valid_declaration_is_loaded(mini: Project) -> None:
    declare("kerjasama,3,", "kepulangan,1,tidak ada kepulangan")(mini)
    mini.replace(Y + "kepulangan.csv", "PLG-01,2025-01-08", "PLG-01,2025-02-08")
    with pytest.raises(InputError):  # kepulangan has a row in TW I (now February)
        load(mini)
    mini.replace(Y + "kepulangan.csv", "PLG-01,2025-02-08", "PLG-01,2025-07-08")
    inputs = load(mini)
    assert inputs.nihil == {("kerjasama", 3): 2, ("kepulangan", 1): 3}
    # nihil.csv is a known file, not "tidak dikenal" (the July row is warned about, rightly)
    assert [w.file for w in inputs.warnings] == ["data/mini/2025/kepulangan.csv"]


def test_without_the_file_nothing_is_declared(mini: Project) -> None:
    assert load(mini).nihil == {}


def test_readings_cannot_be_declared() -> None:
    declarable = declarations.default().declarable
    assert "nilai" not in declarable and "ikpa" not in declarable
    assert {"pengaduan", "kepulangan", "kerjasama", "penempatan"} <= set(declarable)
