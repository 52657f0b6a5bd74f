"""Builds of the real report (Jawa Tengah 2025 TW II) in a throw-away copy of the project.

The copy keeps the repository's own _output/ untouched; the builds are shared by the tests of
this folder (one public, one internal edition).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from lkj.dev import synth
from lkj.render.build import build

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Report:
    root: Path
    out: Path
    run: str

    @property
    def html(self) -> Path:
        return self.out / "html"

    @property
    def pdf(self) -> Path:
        return self.out / f"{self.run}.pdf"


def copy_project(dest: Path) -> Path:
    """The shipped project (data, params, notebooks, _quarto.yml) copied to dest."""
    return synth.copy_project(ROOT, dest)


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("report") / "lkj")


def _build(project: Path, run: str) -> Report:
    out = build(project / "params" / f"{run}.yml", renderer="pandoc", progress=False)
    return Report(project, out, run)


@pytest.fixture(scope="session")
def public(project: Path) -> Report:
    return _build(project, "jateng-2025-tw2")


@pytest.fixture(scope="session")
def internal(project: Path) -> Report:
    return _build(project, "jateng-2025-tw2-internal")


@dataclass(frozen=True)
class Batch:
    root: Path
    outputs: dict[str, Path]  # run name -> _output/<run>/ of every shipped params file


@pytest.fixture(scope="session")
def batch(project: Path) -> Batch:
    """`lkj build params/*.yml` once: every shipped params file as one batch (shared kernels).
    The TW II builds of `public`/`internal` then come from its caches."""
    from lkj.render.batch import build_many

    params = sorted((project / "params").glob("*.yml"))
    outcomes = build_many(params, renderer="pandoc")
    failed = {o.params: o.error for o in outcomes if not o.ok}
    assert failed == {}
    return Batch(project, {Path(o.params).stem: o.output for o in outcomes if o.output})
