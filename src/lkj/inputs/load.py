"""Load and validate every input of a run; collect all problems before failing.

Reading order: reference lists → profil.yml and pk.yml → target.csv → every CSV dataset of the
year folder → rules across files. A broken file never stops the others from being checked, so
the analyst sees every problem in one `lkj check`.

Table.df dtypes are described in lkj.inputs.parsing; every table also has `_row` (line in the file,
header = 1) and, when data/README.md assigns records to quarters, `_quarter` (1–4). Both int64.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel

from lkj import paths
from lkj.errors import InputError, LkjError, Problem
from lkj.inputs import declarations, nihil
from lkj.inputs.annual import read_annual
from lkj.inputs.appendices import appendix_problems
from lkj.inputs.buku import book_problems
from lkj.inputs.confine import as_written, outside_problem
from lkj.inputs.crossfile import (
    budget_problems,
    ikpa_warnings,
    pk_problems,
    unit_problems,
    value_problems,
)
from lkj.inputs.declarations import Declarations
from lkj.inputs.frames import FrameCache
from lkj.inputs.hints import suggest
from lkj.inputs.models import load_model
from lkj.inputs.params import ParamsError, Run, load_run
from lkj.inputs.pk import PK, Profile
from lkj.inputs.quarters import later_rows
from lkj.inputs.specs import Spec
from lkj.inputs.targets import target_problems
from lkj.inputs.textfiles import quarter_texts, text_problems
from lkj.inputs.unit import FILE as UNIT_FILE
from lkj.inputs.unit import Unit
from lkj.inputs.yamlio import KeyPath

# --- the result --------------------------------------------------------------------------


@dataclass
class Table:
    """One validated CSV dataset of the year folder."""

    name: str
    path: Path
    shown: str
    df: pd.DataFrame


@dataclass
class Inputs:
    """Everything a run reads, validated."""

    run: Run
    profile: Profile
    pk: PK
    targets: pd.DataFrame  # iku, periode, target (text as written), _row
    tables: dict[str, Table]
    references: dict[str, pd.DataFrame]
    files: dict[str, Path] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    nihil: nihil.Declared = field(default_factory=dict)  # quarters declared empty (nihil.csv)
    unit: Unit = field(default_factory=Unit)  # unit.yml, or today's BP3MI defaults without it
    # The unit's declared datasets (unit.yml `jenis` and `dataset`; without it the BP3MI set).
    datasets: Declarations = field(default_factory=declarations.default)

    def table(self, name: str) -> Table:
        if name in self.tables:
            return self.tables[name]
        if name not in self.datasets.tables:
            known = ", ".join(sorted(self.datasets.tables))
            raise LkjError(f"dataset '{name}' tidak dikenal; dataset yang ada: {known}")
        path = self.run.shown(self.run.year_dir / f"{name}.csv")
        raise LkjError(
            f"dataset '{name}' tidak tersedia: berkas {path} tidak ada "
            f"(buat berkas itu; tanpa data cukup baris header saja)"
        )


# --- putting it together -----------------------------------------------------------------


def _referenced_datasets(pk: PK | None, pk_data: Any) -> dict[str, list[str]]:
    """dataset → IKU codes using it (from the raw YAML when pk.yml itself is invalid)."""
    used: dict[str, list[str]] = {}
    if pk is not None:
        for iku in pk.iku:
            used.setdefault(iku.sumber.dataset, []).append(iku.kode)
        return used
    items = pk_data.get("iku") if isinstance(pk_data, dict) else None
    for item in items if isinstance(items, list) else []:
        src = item.get("sumber") if isinstance(item, dict) else None
        if isinstance(src, dict) and isinstance(src.get("dataset"), str):
            used.setdefault(src["dataset"], []).append(str(item.get("kode")))
    return used


def _missing(shown: str, spec: Spec, why: str) -> Problem:
    return Problem(
        shown,
        f"berkas tidak ditemukan ({why})",
        fix=f"buat berkas ini; tanpa data cukup baris header: {','.join(spec.names)}",
    )


def _unknown_files(run: Run, known: Iterable[str]) -> list[Problem]:
    found = []
    for path in sorted(run.year_dir.glob("*.csv")):
        name = path.stem
        if name in known:
            continue
        hint = suggest(name, list(known))
        found.append(
            Problem(
                run.shown(path),
                "berkas CSV tidak dikenal; tidak dibaca",
                fix=f"ganti namanya menjadi {hint}.csv"
                if hint
                else "hapus atau pindahkan berkas ini, atau deklarasikan datasetnya di unit.yml "
                "(dataset:, lihat data/README.md); dataset yang dikenal: " + ", ".join(known),
                severity="warning",
            )
        )
    return found


@dataclass
class _Loader:
    """One run's reading: every problem found so far and every file read (for provenance)."""

    run: Run
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    decl: Declarations = field(default_factory=declarations.default)
    frames: FrameCache | None = None  # per-file results kept between runs (lkj.inputs.frames)

    def confined(self, path: Path) -> bool:
        """False (and a problem) when a file leaves the project folder through a symlink."""
        shown = as_written(path, self.run.root)
        problem = outside_problem(path, self.run.root, shown, "berkas ini")
        if problem is not None:
            self.problems.append(problem)
        return problem is None

    def csv(self, spec: Spec, path: Path, refs: dict[str, list[str]]) -> pd.DataFrame | None:
        shown = self.run.shown(path)
        if not self.confined(path):
            return None
        self.files[shown] = path
        if self.frames is None:
            from lkj.inputs.validation import load_csv  # pandera: ≈ 0.3 s to import

            df, found = load_csv(spec, path, shown, self.run.params.year, refs)
        else:  # pandera is imported only if a file has to be read again
            df, found = self.frames.load_csv(spec, path, shown, self.run.params.year, refs)
        self.problems.extend(found)
        return df

    def missing(self, path: Path, spec: Spec, why: str) -> None:
        self.problems.append(_missing(self.run.shown(path), spec, why))

    def references(self) -> dict[str, pd.DataFrame]:
        """Reference lists first: other files are checked against them."""
        references: dict[str, pd.DataFrame] = {}
        ref_dir = paths.reference_dir(self.run.data_root)
        for name, spec in self.decl.reference_specs.items():
            path = ref_dir / f"{name}.csv"
            if not path.is_file():
                if name in self.decl.required_references:
                    self.missing(path, spec, "daftar referensi wajib")
                continue
            df = self.csv(spec, path, {})
            if df is not None:
                references[name] = df
        return references

    def model(self, model: type[BaseModel], path: Path) -> tuple[Any, Any, dict[KeyPath, int]]:
        """(model or None, raw data, key lines) of one YAML file."""
        if path.is_file() and not self.confined(path):
            return None, None, {}
        found, data, lines, problems = load_model(model, path, self.run.shown(path))
        self.problems += problems
        if path.is_file():
            self.files[self.run.shown(path)] = path
        return found, data, lines

    def targets(self, refs: dict[str, list[str]]) -> pd.DataFrame | None:
        path = self.run.year_dir / "target.csv"
        if path.is_file():
            return self.csv(self.decl.target, path, refs)
        self.missing(path, self.decl.target, "target setiap IKU")
        return None

    def tables(self, used: dict[str, list[str]], refs: dict[str, list[str]]) -> dict[str, Table]:
        """Every CSV dataset of the year folder; a missing one is a problem when it is needed."""
        tables: dict[str, Table] = {}
        for name, spec in self.decl.tables.items():
            path = self.run.year_dir / f"{name}.csv"
            if not path.is_file():
                why = self.decl.required(name)
                if why is not None:
                    self.missing(path, spec, why)
                elif name in used:
                    self.missing(path, spec, f"dipakai oleh {', '.join(used[name])} di pk.yml")
                continue
            df = self.csv(spec, path, refs)
            if df is not None:
                tables[name] = Table(name, path, self.run.shown(path), df)
        known = [*self.decl.tables, declarations.TARGET, *declarations.RESERVED]
        self.problems += _unknown_files(self.run, known)
        return tables

    def nihil(self, tables: dict[str, Table], refs: dict[str, list[str]]) -> nihil.Declared:
        """nihil.csv (optional): quarters declared empty, none of which may hold rows."""
        path = self.run.year_dir / nihil.FILE
        if not path.is_file():
            return {}
        found = nihil.declared(self.csv(nihil.spec(self.decl), path, refs))
        self.problems += nihil.problems(found, tables, self.run.shown(path))
        return found


def _text_problems(run: Run) -> list[Problem]:
    from lkj.inputs.textcheck import check_texts

    folder = paths.text_dir(run.year_dir, run.params.quarter)
    return check_texts(folder, {p: run.shown(p) for p in folder.rglob("*.md")})


def _unit(loader: _Loader, path: Path) -> tuple[Unit | None, dict[KeyPath, int]]:
    """unit.yml (and its key lines) when the unit has one; without it the defaults (BP3MI).

    Its declared datasets become the loader's: every file after it is read by them. With a
    broken unit.yml the shipped default set checks the other files, so `lkj check` still
    reports all their problems at once.
    """
    if not path.is_file():
        return Unit(), {}
    found, _, lines = loader.model(Unit, path)
    if found is not None:
        decl, problems = declarations.build(found, loader.run.shown(path), lines)
        loader.problems += problems
        if decl is None:
            return None, lines
        loader.decl = decl
    return found, lines


def load_inputs(run: Run, frames: FrameCache | None = None) -> Inputs:
    """Read and validate every input of the run; raise InputError listing every problem.

    frames: reuse each CSV file's own reading and checks while the file, its declaration and
    what it is checked against are unchanged; the rules across files run again either way.
    """
    loader = _Loader(run, files={run.shown(run.params_path): run.params_path}, frames=frames)
    unit, unit_lines = _unit(loader, run.unit_dir / UNIT_FILE)
    decl = loader.decl
    references = loader.references()
    refs = {name: decl.reference_values(name, df) for name, df in references.items()}
    profile, _, profile_lines = loader.model(Profile, run.unit_dir / "profil.yml")
    pk, pk_data, pk_lines = loader.model(PK, run.year_dir / "pk.yml")
    targets = loader.targets(refs)
    tables = loader.tables(_referenced_datasets(pk, pk_data), refs)
    declared = loader.nihil(tables, refs)

    problems = loader.problems
    if pk is not None:
        problems += pk_problems(run, pk, pk_lines, pk_data, refs, decl)
        if targets is not None:
            problems += target_problems(pk, targets, run.shown(run.year_dir / "target.csv"))
        problems += budget_problems(pk, tables)
        problems += value_problems(pk, tables)
    if profile is not None:
        problems += unit_problems(run, profile, profile_lines)
    if unit is not None:
        known = {name: spec.names for name, spec in decl.tables.items()}
        shown = run.shown(run.unit_dir / UNIT_FILE)
        problems += appendix_problems(unit, unit_lines, shown, known, run.year_dir)
    if unit is not None and pk is not None:
        problems += book_problems(run, unit, pk)  # unit.yml's chapters, headings, titles
    problems += ikpa_warnings(tables)
    problems += later_rows(run.params.quarter, tables, decl.tables)
    texts = quarter_texts(run.year_dir, run.params.quarter)
    unreadable = text_problems([(p, as_written(p, run.root)) for p in texts], run.root)
    problems += unreadable
    if not unreadable:  # texts stay text: checked before any notebook runs
        problems += _text_problems(run)
    if pk is not None and run.params.kind == "tahunan":  # the annual book's own files
        problems += read_annual(run, pk, loader.files, targets)[1]

    if any(p.severity == "error" for p in problems):
        raise InputError(problems)
    assert profile is not None and pk is not None and targets is not None and unit is not None
    return Inputs(
        run=run,
        profile=profile,
        pk=pk,
        targets=targets,
        tables=tables,
        references=references,
        files=loader.files,
        warnings=[p for p in problems if p.severity != "error"],
        nihil=declared,
        unit=unit,
        datasets=decl,
    )


def read_run(params_path: str | Path) -> Run:
    """load_run, except that a params error comes with every data error too.

    When the params file has errors but says where the data are (unit, year, data_dir), the
    data are validated with the keys that could be read and all problems raised together:
    fixing the params first and only then learning about the data costs the analyst a round.
    """
    try:
        return load_run(params_path)
    except ParamsError as exc:
        if exc.partial is None:
            raise
        try:
            found = load_inputs(exc.partial).warnings
        except InputError as data:
            found = [*data.problems, *data.warnings]
        raise InputError([*exc.problems, *exc.warnings, *found]) from None
