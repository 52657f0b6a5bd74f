"""One build of the fixture book per test session, shared by the render tests.

The fixture (tests/fixtures/book) is a tiny project: three notebooks (front matter, one
chapter, appendices) that use lkj.book.display. Its data folder is empty, so lkj.inputs.load cannot
validate it: the builds here pass validate=False, which exists only for these tests.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from lkj.render.build import build

BOOK = Path(__file__).parents[1] / "fixtures" / "book"
RUN = "demo-2025-tw2"
RUN_INTERNAL = "demo-2025-tw2-internal"


@dataclass(frozen=True)
class Built:
    project: Path
    out: Path  # _output/<run>/
    run: str

    @property
    def html(self) -> Path:
        return self.out / "html"

    @property
    def pdf(self) -> Path:
        return self.out / f"{self.run}.pdf"

    def page(self, name: str) -> str:
        return (self.html / name).read_text(encoding="utf-8")


def copy_book(dest: Path) -> Path:
    shutil.copytree(BOOK, dest, ignore=shutil.ignore_patterns("_build", "_output"))
    return dest


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under folder, by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def book_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_book(tmp_path_factory.mktemp("render") / "book")


@pytest.fixture(scope="session")
def built(book_project: Path) -> Built:
    out = build(book_project / "params" / f"{RUN}.yml", validate=False, progress=False)
    return Built(book_project, out, RUN)


@pytest.fixture(scope="session")
def built_internal(book_project: Path) -> Built:
    params = book_project / "params" / f"{RUN_INTERNAL}.yml"
    out = build(params, validate=False, progress=False)
    return Built(book_project, out, RUN_INTERNAL)


@pytest.fixture(scope="session")
def digest():
    """tree_digest, for tests that compare whole output folders."""
    return tree_digest


@pytest.fixture
def fresh_book(tmp_path: Path) -> Path:
    """A private copy of the fixture book, safe to break."""
    return copy_book(tmp_path / "book")
