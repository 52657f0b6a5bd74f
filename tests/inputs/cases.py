"""Shared by the tests of lkj.inputs: the mini project's files, one-change cases, small tables.

A `Case` changes one thing in a copy of the mini project and names the file, row and column
where a problem must appear and a piece of its fix; each test module holds the cases of the
module whose rule catches them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from conftest import Project

from lkj.errors import InputError, Problem
from lkj.inputs import declarations
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import load_run
from lkj.inputs.tableschema import TableSchema
from lkj.inputs.validation import validate_table

REPO = Path(__file__).parents[2]
Y = "data/mini/2025/"
PK = Y + "pk.yml"
PROFIL = "data/mini/profil.yml"
PARAMS = "params/mini-2025-tw2.yml"


def load(project: Project) -> Inputs:
    return load_inputs(load_run(project.params))


def problems_of(project: Project) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load(project)
    assert caught.value.problems, "InputError without problems"
    return caught.value.problems


def line_with(project: Project, rel: str, text: str) -> int:
    """Line number (1-based) of the only line of a file containing text."""
    found = [i for i, line in enumerate(project.read(rel).splitlines(), 1) if text in line]
    assert len(found) == 1, f"{text!r} on lines {found} of {rel}"
    return found[0]


def append(project: Project, rel: str, line: str) -> None:
    project.write(rel, project.read(rel) + line + "\n")


def drop_column(project: Project, rel: str, column: str) -> None:
    rows = list(csv.reader(io.StringIO(project.read(rel))))
    at = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:at] + r[at + 1 :] for r in rows])
    project.write(rel, out.getvalue())


@dataclass(frozen=True)
class Case:
    """Change one thing; expect a problem at file/row/column whose fix mentions `fix`."""

    id: str
    change: Callable[[Project], None]
    file: str
    row: int | str | None  # a line number, or text found on the expected line
    column: str | None
    fix: str


def edit(rel: str, old: str, new: str) -> Callable[[Project], None]:
    return lambda p: p.replace(rel, old, new)


def assert_reported(mini: Project, case: Case) -> None:
    case.change(mini)
    # load_run names the params file as it was given (here: an absolute path).
    file = str(mini.params) if case.file == "PARAMS" else case.file
    rel = PARAMS if case.file == "PARAMS" else case.file
    row = line_with(mini, rel, case.row) if isinstance(case.row, str) else case.row
    problems = problems_of(mini)
    rendered = "\n".join(p.render() for p in problems)
    matching = [p for p in problems if (p.file, p.row, p.column) == (file, row, case.column)]
    assert matching, f"no problem at {file}, row {row}, column {case.column}:\n{rendered}"
    assert any(case.fix in p.fix for p in matching), rendered
    assert all(p.message and p.fix for p in problems), rendered


# --- small hand-written tables (no files) ------------------------------------------------

REFS = {
    "jenis_masalah": list("ABCDEFGHIJKLMNO"),
    "kategori_kepulangan": ["SAKIT", "MENINGGAL"],
    "negara": ["Malaysia", "Taiwan"],
}


def validate(
    name: str, header: str, *rows: str | list[str], refs: dict[str, list[str]] | None = None
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validate rows written like CSV lines (split on commas) or given as lists of cells."""
    decl = declarations.default()
    spec = {**decl.specs, **decl.reference_specs}[name]
    columns = header.split(",")
    cells = [r.split(",") if isinstance(r, str) else r for r in rows]
    raw = pd.DataFrame(cells, columns=columns, dtype="str")
    if not rows:
        raw = pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
    lines = pd.Series(range(2, len(rows) + 2), index=raw.index, dtype="int64")
    schema = TableSchema(spec, 2025, REFS if refs is None else refs)
    return validate_table(schema, f"{name}.csv", raw, lines)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.render() for p in problems]
    return problems[0]


PENEMPATAN = "bulan,layanan,skema,sektor,jenis_kelamin,jumlah"
VERIFIKASI = (
    "id,program,kelompok,kegiatan,tanggal_mulai,tanggal_selesai,lokasi,jumlah,hadir,tidak_hadir"
)
