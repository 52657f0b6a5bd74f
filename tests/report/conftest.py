"""Builds of the real report (Jawa Tengah 2025 TW II) in a throw-away copy of the project.

The copy keeps the repository's own _output/ untouched; the builds are shared by the tests of
this folder (one public, one internal edition).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from lkj.render.build import build

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("data", "params", "notebooks", "_quarto.yml")


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
    dest.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            shutil.copy2(src, dest / part)
    return dest


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
