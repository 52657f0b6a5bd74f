"""The declared datasets of one unit: the shipped set its unit.yml picks, plus its own.

`Declarations` is what every reader of data/ asks (load, validation, personal data, quarters,
nihil, the Excel template, new-quarter): which CSV files a year folder may hold, their specs,
labels and help texts, which columns are personal, which reference lists exist. A unit without
unit.yml reads the shipped `bp3mi` set: today's datasets, rules and messages, unchanged.

Every declaration is checked before use (a column in `kunci` that is not declared, an unknown
`referensi`, a rule naming a missing column, …); each problem names the file, line and key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from lkj import paths
from lkj.errors import LkjError, Problem
from lkj.inputs.declaration import KINDS, ColumnDecl, DatasetDecl, SetFile
from lkj.inputs.declcheck import Origin, dataset_problems
from lkj.inputs.hints import suggest, with_hint
from lkj.inputs.rowrules import row_rule
from lkj.inputs.specs import Col, Spec
from lkj.inputs.unit import FILE as UNIT_FILE
from lkj.inputs.unit import Unit
from lkj.inputs.yamlio import KeyPath, line_of

DEFAULT_SET = "bp3mi"
TARGET = "target"  # target.csv: read on its own into Inputs.targets
RESERVED = ("nihil",)  # files of the year folder that are not datasets
# A column of one of these names is personal even when its declaration forgets `pribadi`.
PERSONAL_NAMES = frozenset({"nama", "no_paspor", "nik", "alamat", "no_hp", "email"})
DEFAULT_KEY_FIX = DatasetDecl.model_fields["pesan_kunci"].default


def sets_dir() -> Path:
    return paths.resource("sets")


def shipped_sets() -> list[str]:
    return sorted(p.parent.name for p in sets_dir().glob("*/datasets.yml"))


def _column(col: ColumnDecl) -> Col:
    return Col(
        col.nama,
        KINDS[col.jenis],  # type: ignore[arg-type]  # the Literal values of Kind
        nullable=not col.wajib,
        choices=tuple(col.pilihan) if col.pilihan is not None else None,
        ref=col.referensi,
        min=col.min,
        max=col.max,
        unique=col.unik,
        in_year=col.dalam_tahun,
        pattern=col.pola,
        pattern_hint=col.pola_contoh,
    )


def to_spec(decl: DatasetDecl) -> Spec:
    """The in-memory spec of a checked declaration."""
    return Spec(
        decl.nama,
        tuple(_column(c) for c in decl.kolom),
        key=tuple(decl.kunci),
        rules=tuple(row_rule(r, i) for i, r in enumerate(decl.aturan_baris)),
        quarter_from=decl.triwulan_dari,
        key_fix=decl.pesan_kunci,
    )


@dataclass(frozen=True)
class Declarations:
    """Every dataset and reference list one unit declares, in declaration order."""

    datasets: dict[str, DatasetDecl]  # target.csv and every CSV of the year folder
    references: dict[str, DatasetDecl]  # data/referensi
    help: dict[str, str] = field(default_factory=dict)  # column name → help text
    kind: str = DEFAULT_SET
    specs: dict[str, Spec] = field(init=False, repr=False, compare=False)
    reference_specs: dict[str, Spec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "specs", {n: to_spec(d) for n, d in self.datasets.items()})
        refs = {n: to_spec(d) for n, d in self.references.items()}
        object.__setattr__(self, "reference_specs", refs)

    @property
    def tables(self) -> dict[str, Spec]:
        """Every CSV dataset the year folder may hold (target.csv is read on its own)."""
        return {n: s for n, s in self.specs.items() if n != TARGET}

    @property
    def target(self) -> Spec:
        return self.specs[TARGET]

    def spec(self, name: str) -> Spec | None:
        return self.specs.get(name)

    def required(self, name: str) -> str | None:
        """Why the file must exist, or None when it is needed only if an IKU reads it."""
        wajib = self.datasets[name].wajib
        if wajib is False:
            return None
        return wajib if isinstance(wajib, str) else "berkas wajib"

    @property
    def records(self) -> list[str]:
        """The datasets besides target and the required files (budget): the record files."""
        return [n for n in self.tables if self.required(n) is None]

    @property
    def required_files(self) -> list[str]:
        return [n for n in self.tables if self.required(n) is not None]

    def label(self, name: str) -> str:
        decl = self.datasets.get(name)
        return decl.label if decl is not None else name

    def row_unit(self, name: str) -> str:
        decl = self.datasets.get(name)
        return decl.satuan_baris if decl is not None else ""

    def sheet_meaning(self, name: str) -> str:
        decl = self.datasets.get(name)
        return (decl.bantuan or decl.label) if decl is not None else ""

    def meaning(self, name: str, column: str) -> str:
        decl = self.datasets.get(name)
        own = next((c.bantuan for c in decl.kolom if c.nama == column), "") if decl else ""
        return own or self.help.get(column, "")

    def personal(self, name: str) -> tuple[str, ...]:
        decl = self.datasets.get(name)
        return tuple(c.nama for c in decl.kolom if c.pribadi) if decl is not None else ()

    def personal_columns(self, name: str, columns: list[str]) -> list[str]:
        listed = self.personal(name)
        return [c for c in columns if c in listed or c in PERSONAL_NAMES]

    @property
    def declarable(self) -> tuple[str, ...]:
        """Record datasets a quarter can be declared empty of (nihil.csv)."""
        return tuple(
            n
            for n, d in self.datasets.items()
            if n != TARGET and d.triwulan_dari and d.nihil and self.required(n) is None
        )

    @property
    def required_references(self) -> tuple[str, ...]:
        return tuple(n for n, d in self.references.items() if d.wajib is not False)

    def reference_values(self, name: str, df: pd.DataFrame) -> list[str]:
        """The allowed values a reference list gives: its first (key) column."""
        return [str(v) for v in df[self.reference_specs[name].columns[0].name].dropna()]


# --- reading the sets -------------------------------------------------------------------


@dataclass
class _Found:
    """Declarations gathered so far, with where each was written (for located problems)."""

    datasets: dict[str, tuple[DatasetDecl, Origin]] = field(default_factory=dict)
    references: dict[str, tuple[DatasetDecl, Origin]] = field(default_factory=dict)
    help: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _shown_set(name: str) -> str:
    return f"lkj/resources/sets/{name}/datasets.yml"


def _read_set(name: str, found: _Found, seen: tuple[str, ...]) -> None:
    from lkj.inputs.models import load_model  # models imports pk; keep this module light

    shown = _shown_set(name)
    model, _, lines, problems = load_model(SetFile, sets_dir() / name / "datasets.yml", shown)
    found.problems += problems
    if model is None:
        return
    for i, inner in enumerate(model.termasuk):
        if inner in seen or inner not in shipped_sets():
            found.problems.append(
                Problem(
                    shown,
                    f"set '{inner}' tidak ada atau saling memuat",
                    fix=f"pakai salah satu set: {', '.join(shipped_sets())}",
                    row=line_of(lines, ("termasuk", i)),
                    column=f"termasuk[{i}]",
                    value=inner,
                )
            )
            continue
        _read_set(inner, found, (*seen, inner))
    found.help.update(model.bantuan_kolom)
    for i, decl in enumerate(model.dataset):
        found.datasets[decl.nama] = (decl, Origin(shown, lines, ("dataset", i)))
    for i, decl in enumerate(model.referensi):
        found.references[decl.nama] = (decl, Origin(shown, lines, ("referensi", i)))
    _reorder(found, model.urutan, Origin(shown, lines, ()))


def _reorder(found: _Found, order: list[str], origin: Origin) -> None:
    """Put the datasets named in `urutan` first, in that order."""
    for i, name in enumerate(order):
        if name not in found.datasets:
            found.problems.append(
                origin.problem(
                    ("urutan", i),
                    f"dataset '{name}' pada urutan tidak dideklarasikan",
                    f"pakai nama dataset: {', '.join(found.datasets)}",
                    name,
                )
            )
    listed = [n for n in order if n in found.datasets]
    rest = [n for n in found.datasets if n not in listed]
    found.datasets = {n: found.datasets[n] for n in [*listed, *rest]}


@lru_cache(maxsize=8)
def _shipped(name: str) -> _Found:
    found = _Found()
    _read_set(name, found, (name,))
    return found


def build(
    unit: Unit, shown: str = UNIT_FILE, lines: dict[KeyPath, int] | None = None
) -> tuple[Declarations | None, list[Problem]]:
    """The unit's declarations (None when any is wrong) and every problem, located."""
    lines = lines or {}
    if unit.jenis not in shipped_sets():
        known = shipped_sets()
        fix = with_hint("pakai salah satu jenis", suggest(unit.jenis, known))
        problem = Problem(
            shown,
            f"jenis '{unit.jenis}' tidak dikenal: tidak ada set dataset dengan nama itu",
            fix=f"{fix}: {', '.join(known)}",
            row=line_of(lines, ("jenis",)),
            column="jenis",
            value=unit.jenis,
        )
        return None, [problem]
    base = _shipped(unit.jenis)
    datasets, lists = dict(base.datasets), dict(base.references)
    for i, decl in enumerate(unit.dataset):  # a name already in the set replaces it
        datasets[decl.nama] = (decl, Origin(shown, lines, ("dataset", i)))
    for i, decl in enumerate(unit.referensi):
        lists[decl.nama] = (decl, Origin(shown, lines, ("referensi", i)))
    problems = list(base.problems)
    references = {n: d for n, (d, _) in lists.items()}
    for decl, origin in datasets.values():
        problems += dataset_problems(decl, origin, references, reserved=RESERVED)
    for decl, origin in lists.values():
        problems += dataset_problems(decl, origin, {}, reserved=())
    if TARGET not in datasets and not problems:
        problems.append(Problem(shown, "dataset 'target' tidak dideklarasikan", column="jenis"))
    if problems:
        return None, problems
    found = Declarations(
        {n: d for n, (d, _) in datasets.items()}, references, dict(base.help), unit.jenis
    )
    return found, []


@lru_cache(maxsize=1)
def default() -> Declarations:
    """The shipped BP3MI set: what a unit without unit.yml declares."""
    found, problems = build(Unit())
    if found is None:  # a shipped set is part of the program: it must be valid
        raise LkjError("; ".join(p.render() for p in problems))
    return found


_BY_UNIT: dict[Path, tuple[tuple[int, int], Declarations]] = {}


def for_unit_dir(unit_dir: Path) -> Declarations:
    """The declarations of data/<unit>/ (for readers that have a path, not a loaded run).

    A unit.yml that cannot be read gives the shipped default: `lkj check` reports its
    problems; readers asking here (personal data of provenance panels) then still hide the
    default's personal columns and every column of PERSONAL_NAMES.
    """
    path = unit_dir / UNIT_FILE
    try:
        stat = path.stat()
    except OSError:
        return default()
    stamp = (stat.st_mtime_ns, stat.st_size)
    kept = _BY_UNIT.get(path)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    from lkj.inputs.models import load_model

    unit, _, lines, problems = load_model(Unit, path, UNIT_FILE)
    found = build(unit, UNIT_FILE, lines)[0] if unit is not None and not problems else None
    result = found or default()
    _BY_UNIT[path] = (stamp, result)
    return result


def of_unit(unit_dir: Path, shown: str) -> Declarations:
    """The declarations of data/<unit>/, or InputError naming every problem of its unit.yml.

    For commands that read a unit without loading the whole run (template, new-quarter).
    """
    from lkj.errors import InputError
    from lkj.inputs.models import load_model

    path = unit_dir / UNIT_FILE
    if not path.is_file():
        return default()
    unit, _, lines, problems = load_model(Unit, path, shown)
    if unit is None:
        raise InputError(problems)
    found, problems = build(unit, shown, lines)
    if found is None:
        raise InputError(problems)
    return found


def for_file(root: Path, file: str) -> Declarations:
    """The declarations of the unit a data file (data/<unit>/<year>/<name>.csv) belongs to."""
    return for_unit_dir((root / file).parent.parent)


def is_reference_file(file: str) -> bool:
    return Path(file).parent.name == paths.REFERENCE
