"""Inputs whose reads are recorded for the build cache (lkj.values.deps).

`Book.open` wraps the loaded inputs with `tracked` while a build records, so every dataset,
reference list, PK, profile or target file a notebook reaches is noted as a dependency.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from lkj import paths
from lkj.inputs.load import Inputs
from lkj.values import deps


class _TrackedDatasets(dict[str, Any]):
    """inputs.tables / inputs.references that tell lkj.values.deps which datasets were used."""

    def __init__(self, data: dict[str, Any], path_of: Callable[[str], str]):
        super().__init__(data)
        self._path_of = path_of

    def __getitem__(self, name: str) -> Any:
        deps.file(self._path_of(name))
        return super().__getitem__(name)

    def get(self, name: str, default: Any = None) -> Any:
        deps.file(self._path_of(name))
        return super().get(name, default)

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str):
            deps.exists(self._path_of(name))  # the answer changes only if the file comes or goes
        return super().__contains__(name)

    # Listing the datasets depends on which files exist: any of them.
    def __iter__(self) -> Iterator[str]:
        deps.everything()
        return super().__iter__()

    def keys(self) -> Any:
        deps.everything()
        return super().keys()

    def values(self) -> Any:
        deps.everything()
        return super().values()

    def items(self) -> Any:
        deps.everything()
        return super().items()


class _TrackedInputs(Inputs):
    """Inputs whose reads are recorded; used by Book.open while a build records."""

    def __getattribute__(self, name: str) -> Any:
        found = super().__getattribute__(name)
        if name in ("pk", "profile", "targets"):
            run = super().__getattribute__("run")
            place = {
                "pk": run.year_dir / "pk.yml",
                "profile": run.unit_dir / "profil.yml",
                "targets": run.year_dir / "target.csv",
            }[name]
            deps.file(run.shown(place))
        return found


def tracked(inputs: Inputs) -> Inputs:
    """A copy of `inputs` that records which files the caller uses (lkj.values.deps)."""
    run = inputs.run
    fields = {f.name: getattr(inputs, f.name) for f in dataclasses.fields(inputs)}
    fields["tables"] = _TrackedDatasets(
        inputs.tables, lambda name: run.shown(run.year_dir / f"{name}.csv")
    )
    fields["references"] = _TrackedDatasets(
        inputs.references, lambda name: run.shown(paths.reference_file(run.data_root, name))
    )
    return _TrackedInputs(**fields)
