"""The one access layer through which a notebook's reads are recorded (lkj.values.deps).

`Reads` holds one run's inputs and registry and answers every question a notebook asks of
them (a value, an id pattern, a dataset, the PK, a text file); each method records what the
answer depends on and returns it (docs/performance.md, "The dependency rule"). Registry and
Inputs are plain data and record nothing.

Code written against `Registry` and `Inputs` (tables, charts, the appendix layouts) gets the
views `RecordedRegistry` / `RecordedInputs` while a build records: they are those classes
with every read answered by `Reads`. tests/values/test_access.py fails when Registry, Inputs
or a dataset mapping gains a public member the views do not answer, so a new access path
cannot silently under-record.
Each read of a value, an id pattern or a dataset also records its answer's digest
(lkj.values.observe), which lkj.values.answers.replay checks against another run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from lkj import paths
from lkj.inputs.annual import text_dir as annual_text_dir
from lkj.inputs.load import Inputs, Table
from lkj.inputs.nihil import FILE as NIHIL_FILE
from lkj.inputs.params import Run
from lkj.inputs.pk import PK, Profile
from lkj.inputs.textfiles import read_text
from lkj.inputs.unit import FILE as UNIT_FILE
from lkj.inputs.unit import Unit
from lkj.values import answers, deps
from lkj.values.families import (
    PK_FILE,
    PROFILE,
    REFERENCE,
    TARGETS,
    UNIT,
    UNIT_CSV,
    family,
    family_datasets,
)
from lkj.values.observe import digest
from lkj.values.registry import Registry, Value

# Members of Registry that answer no question about the run's values (formatting helpers,
# construction): the views need not record them.
REGISTRY_NOT_READS = frozenset({"add", "replace", "render", "rounding_for", "rounding", "desimal"})


class Reads:
    """Every read a notebook makes of one run, recorded as it is answered."""

    def __init__(self, inputs: Inputs, registry: Registry):
        self.run: Run = inputs.run  # params are in the cache key: reading them is free
        self._inputs, self._reg = inputs, registry
        self._families = family_datasets(inputs.pk, inputs.unit)
        self._answers: dict[str, str] = {}  # key → digest of its answer in this run

    # --- where a dataset lives -------------------------------------------------------------
    def file_of(self, dataset: str) -> str:
        """The shown path of a dataset name of lkj.values.families."""
        run = self.run
        if dataset == PK_FILE:
            path = run.year_dir / "pk.yml"
        elif dataset == PROFILE:
            path = run.unit_dir / "profil.yml"
        elif dataset == UNIT:
            path = run.unit_dir / UNIT_FILE
        elif dataset == TARGETS:
            path = run.year_dir / "target.csv"
        elif dataset.startswith(UNIT_CSV):
            path = run.unit_dir / f"{dataset.removeprefix(UNIT_CSV)}.csv"
        elif dataset.startswith(REFERENCE):
            path = paths.reference_file(run.data_root, dataset.removeprefix(REFERENCE))
        else:
            path = run.year_dir / f"{dataset}.csv"
        return run.shown(path)

    def _family_files(self, value_id: str) -> frozenset[str] | None:
        datasets = self._families.get(family(value_id))
        return None if datasets is None else frozenset(self.file_of(d) for d in datasets)

    # --- what a read returned (the observations) -------------------------------------------
    def answer(self, key: str) -> str:
        """The digest of a read's answer in this run (keys: lkj.values.answers)."""
        if key not in self._answers:
            self._answers[key] = digest(answers.answer_of(self._inputs, self._reg, key))
        return self._answers[key]

    def _observe(self, key: str, files: Iterable[str]) -> None:
        """Record the read's answer; its files are covered by it, or exact if it has none."""
        (deps.covered if deps.observe(key, partial(self.answer, key)) else deps.files)(files)

    # --- values ----------------------------------------------------------------------------
    def _used(self, items: Iterable[Value], whole: bool = False) -> None:
        """Depend on the files behind each value and its inputs, and on its family's files,
        covered by each value's observation (whole: of every value of the lineage)."""
        if not deps.recording():
            return
        found = list(items)
        lineage = self._reg.lineage(found)
        shown = set(lineage.files)
        for value_id in lineage.ids:
            shown.update(self._family_files(value_id) or ())
        keys = [f"value:{i}" for i in (lineage.ids if whole else {item.id for item in found})]
        observed = all(deps.observe(key, partial(self.answer, key)) for key in keys)
        (deps.covered if observed else deps.files)(shown)
        if lineage.ids:
            deps.file(self.file_of(UNIT))  # unit.yml's desimal decides how every value reads

    def _missing(self, value_id: str, key: str) -> None:
        """Rule 4: an id that does not exist can only appear through its family's files."""
        found = self._family_files(value_id)
        if found is None:
            deps.everything()  # a family nobody declared: any file could create it
        else:
            self._observe(key, found)

    def value(self, value_id: str) -> Value:
        item = self._reg.find(value_id)
        if item is None:
            self._missing(value_id, f"value:{value_id}")
            raise KeyError(f"no value with id {value_id!r}")
        self._used([item])
        return item

    def find(self, value_id: str) -> Value | None:
        item = self._reg.find(value_id)
        if item is None:
            self._missing(value_id, f"value:{value_id}")
        else:
            self._used([item])
        return item

    def has(self, value_id: object) -> bool:
        if not isinstance(value_id, str):
            deps.everything()
            return False
        return self.find(value_id) is not None

    def ids(self, pattern: str = "*") -> list[str]:
        """Matching ids (observed: the list). No match and a wildcard family: any file could
        add one (no observation then)."""
        found = self._reg.ids(pattern)
        head = family(pattern)
        if any(c in head for c in "*?["):
            if not found:
                deps.everything()
            else:
                self._observe(f"ids:{pattern}", ())
        else:
            self._missing(pattern, f"ids:{pattern}")
        self._used(v for v in (self._reg.find(k) for k in found) if v is not None)
        return found

    def every_value(self) -> list[Value]:
        # Every input file (compute reads no text, no published figures) and which there are.
        self._observe("values", self._inputs.files)
        self._listing()
        return list(self._reg)

    # --- datasets --------------------------------------------------------------------------
    def pk(self) -> PK:
        self._observe("pk", [self.file_of(PK_FILE)])
        return self._inputs.pk

    def profile(self) -> Profile:
        self._observe("profile", [self.file_of(PROFILE)])
        return self._inputs.profile

    def unit(self) -> Unit:
        """unit.yml's settings; recorded even when the file is absent (writing it changes pages)."""
        deps.file(self.file_of(UNIT))
        return self._inputs.unit

    def targets(self) -> pd.DataFrame:
        self._observe("targets", [self.file_of(TARGETS)])
        return self._inputs.targets

    def dataset(self, name: str, reference: bool = False) -> Any:
        """A CSV of inputs.tables (a Table) or a reference list (a DataFrame); KeyError."""
        shown = self.file_of(REFERENCE + name if reference else name)
        self._observe(f"{'reference' if reference else 'dataset'}:{name}", [shown])
        found = self._inputs.references if reference else self._inputs.tables
        return found[name]

    def has_dataset(self, name: str, reference: bool = False) -> bool:
        """Only the file's existence matters to the answer, not its content."""
        deps.exists(self.file_of(REFERENCE + name if reference else name))
        return name in (self._inputs.references if reference else self._inputs.tables)

    def every_dataset(self, reference: bool = False) -> dict[str, Any]:
        deps.everything()  # which datasets exist: any file
        return dict(self._inputs.references if reference else self._inputs.tables)

    def every_file(self) -> dict[str, Path]:
        deps.everything()
        return self._inputs.files

    def file_names(self) -> list[str]:
        """The shown name of every file of the run (`run_files`, in its order), recorded as
        which files exist, not what they hold (rule 5): Lampiran Jejak Angka lists them, and
        the build fills in their hashes (lkj.book.digestmark)."""
        found = list(run_files(self._inputs))
        self._listing()
        for name in found:
            deps.exists(name)
        deps.file(self.file_of(UNIT))  # its declarations decide which files are read at all
        return found

    def _listing(self) -> None:
        """Depend on which files exist where a run's files can appear (a file added or
        removed changes the answer), and on the published figures being there."""
        run = self.run
        for folder in (run.unit_dir, paths.reference_dir(run.data_root)):
            deps.listing(run.shown(folder))
        if run.params.published_figures:
            deps.exists(run.shown(run.root / run.params.published_figures))

    def warnings(self) -> list[Any]:
        deps.everything()  # validation warnings come from any file
        return self._inputs.warnings

    def nihil(self) -> Any:
        """The quarters declared empty (nihil.csv); recorded even when the file is absent."""
        self._observe("nihil", [self.run.shown(self.run.year_dir / NIHIL_FILE)])
        return self._inputs.nihil

    # --- files a notebook reads itself ----------------------------------------------------
    def text(self, path: Path) -> str | None:
        """A text file's content, None when missing (recorded too: writing it changes the page)."""
        shown = self.run.shown(path)
        deps.file(shown)
        return read_text(path, shown) if path.is_file() else None  # UTF-8 or a named error

    def file(self, path: Path) -> Path:
        """A file the caller reads itself (the published figures)."""
        deps.file(self.run.shown(path))
        return path

    # --- views for code written against Registry / Inputs ---------------------------------
    def views(self) -> tuple[Inputs, Registry]:
        """What Book.open hands out: recording views during a build, else the plain data."""
        if not deps.recording():
            return self._inputs, self._reg
        return RecordedInputs(self), RecordedRegistry(self, self._reg)


def run_files(inputs: Inputs) -> dict[str, Path]:
    """Every file a run's notebooks can read: the inputs, the quarter's texts, the published
    figures. This is what a dependency on everything (deps.ALL) stands for."""
    run = inputs.run
    files = dict(inputs.files)
    texts = paths.text_dir(run.year_dir, run.params.quarter)
    if run.params.kind == "tahunan":  # the annual book reads teks/tahunan/ (lkj.book.annual)
        texts = annual_text_dir(run)
    if texts.is_dir():
        files.update({run.shown(p): p for p in sorted(texts.rglob("*.md"))})
    if run.params.published_figures:
        path = run.root / run.params.published_figures
        if path.is_file():
            files[run.shown(path)] = path
    return files


def reads_of(inputs: Inputs, registry: Registry) -> Reads:
    """The Reads behind views, or a fresh one over plain data."""
    if isinstance(registry, RecordedRegistry):
        return registry.reads
    return Reads(inputs, registry)


def _read_only(*_: Any, **__: Any) -> NoReturn:
    raise TypeError("data yang dibaca buku tidak boleh diubah")


class RecordedRegistry(Registry):
    """A Registry whose every lookup is answered (and so recorded) by `Reads`."""

    def __init__(self, reads: Reads, plain: Registry):
        super().__init__(plain.rounding, plain.desimal)
        self.reads = reads
        self._values = plain._values  # the same values; reads go through `reads` below

    def __getitem__(self, value_id: str) -> Value:
        return self.reads.value(value_id)

    def get(self, value_id: str) -> Value | None:
        return self.reads.find(value_id)

    def find(self, value_id: str) -> Value | None:
        return self.reads.find(value_id)

    def __contains__(self, value_id: object) -> bool:
        return self.reads.has(value_id)

    def __iter__(self) -> Iterator[Value]:
        return iter(self.reads.every_value())

    def __len__(self) -> int:
        return len(self.reads.every_value())

    def ids(self, pattern: str = "*") -> list[str]:
        return self.reads.ids(pattern)

    def lineage(self, items: Iterable[Value]) -> Any:
        found = list(items)
        self.reads._used(found, whole=True)  # the caller sees every value of the lineage
        return super().lineage(found)

    def search(self, text: str) -> list[Value]:
        deps.everything()
        return super().search(text)

    def as_records(self) -> list[dict[str, Any]]:
        deps.everything()
        return super().as_records()


class RecordedDatasets(dict[str, Any]):
    """inputs.tables / inputs.references: each name asked for is answered by `Reads`."""

    def __init__(self, reads: Reads, data: dict[str, Any], reference: bool):
        super().__init__(data)
        self._reads, self._reference = reads, reference

    def __getitem__(self, name: str) -> Any:
        return self._reads.dataset(name, self._reference)

    def get(self, name: str, default: Any = None) -> Any:
        if not self._reads.has_dataset(name, self._reference):
            return default
        return self._reads.dataset(name, self._reference)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        return self._reads.has_dataset(name, self._reference)

    def _all(self) -> dict[str, Any]:
        return self._reads.every_dataset(self._reference)

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __eq__(self, other: object) -> bool:
        return self._all() == other

    __hash__ = None  # a dict is unhashable; keep it so

    def keys(self) -> Any:
        return self._all().keys()

    def values(self) -> Any:
        return self._all().values()

    def items(self) -> Any:
        return self._all().items()

    def copy(self) -> dict[str, Any]:
        return self._all()

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _read_only
    __ior__ = _read_only


class RecordedInputs(Inputs):
    """Inputs whose every field is answered (and so recorded) by `Reads`."""

    def __init__(self, reads: Reads):  # no dataclass __init__: the fields are properties
        self._reads = reads
        plain = reads._inputs
        self._tables = RecordedDatasets(reads, plain.tables, reference=False)
        self._references = RecordedDatasets(reads, plain.references, reference=True)

    run = property(lambda self: self._reads.run, _read_only)
    pk = property(lambda self: self._reads.pk(), _read_only)
    profile = property(lambda self: self._reads.profile(), _read_only)
    unit = property(lambda self: self._reads.unit(), _read_only)
    targets = property(lambda self: self._reads.targets(), _read_only)
    tables = property(lambda self: self._tables, _read_only)
    references = property(lambda self: self._references, _read_only)
    files = property(lambda self: self._reads.every_file(), _read_only)
    warnings = property(lambda self: self._reads.warnings(), _read_only)
    nihil = property(lambda self: self._reads.nihil(), _read_only)
    # unit.yml is a file of every run (recorded as read already); these are its contents.
    unit = property(lambda self: self._reads._inputs.unit, _read_only)
    datasets = property(lambda self: self._reads._inputs.datasets, _read_only)
    unit = property(lambda self: self._reads.unit(), _read_only)

    def table(self, name: str) -> Table:
        return super().table(name)  # through self.tables, so recorded there
