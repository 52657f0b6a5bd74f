"""Notebooks stay thin: a parameters cell, then calls into lkj (DESIGN.md, issue 10).

A section notebook must read like a table of contents a reviewer can open: it imports lkj,
opens the run's Book and hands lkj's tables, sentences and charts to lkj.book.display. Any
loop over data, arithmetic, subscript or number typed into a cell is logic that belongs in
src/lkj, where it is tested; labels (strings, f-strings) are allowed.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIXTURE_NOTEBOOKS = sorted((ROOT / "tests/fixtures/book/notebooks").glob("*.ipynb"))

FORBIDDEN = (
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
    ast.BinOp,
    ast.AugAssign,
    ast.UnaryOp,
    ast.Compare,
    ast.BoolOp,
    ast.Subscript,
    ast.NamedExpr,
    ast.Try,
    ast.Global,
    ast.Delete,
)


def code_cells(path: Path) -> list[tuple[list[str], str]]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        (c.get("metadata", {}).get("tags", []), "".join(c["source"]))
        for c in nb["cells"]
        if c["cell_type"] == "code"
    ]


def heading_levels(tree: ast.AST) -> set[int]:
    """The ids of the number literals that are a heading's level (`d.heading(title, 2)`)."""
    allowed = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "heading"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
        ):
            allowed.add(id(node.args[1]))
    return allowed


def problems(source: str) -> list[str]:
    tree = ast.parse(source)
    found = []
    levels = heading_levels(tree)
    for node in ast.walk(tree):
        where = f"baris {getattr(node, 'lineno', '?')}"
        if isinstance(node, FORBIDDEN):
            found.append(f"{where}: {type(node).__name__} (logika milik src/lkj)")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            if not (module or "").startswith("lkj"):
                found.append(f"{where}: impor {module} (hanya lkj)")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, int | float)
            and not isinstance(node.value, bool)
            and id(node) not in levels
        ):
            found.append(f"{where}: angka {node.value!r} diketik di notebook")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_a_parameters_cell_and_calls_into_lkj(path: Path) -> None:
    cells = code_cells(path)
    assert cells, f"{path.name} has no code"
    tags, first = cells[0]
    assert "parameters" in tags, f"{path.name}: the first code cell must be tagged 'parameters'"
    for node in ast.parse(first).body:
        assert isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant), (
            f"{path.name}: the parameters cell holds only `name = literal` lines"
        )
    found = [
        f"{path.name} sel {i}: {p}"
        for i, (_, src) in enumerate(cells[1:], 2)
        for p in problems(src)
    ]
    assert not found, "\n".join(found)


def test_the_rule_catches_logic() -> None:
    """The checker itself: each kind of logic a notebook must not hold is reported."""
    assert problems("for x in book.rows():\n    d.table(x)")
    assert problems("total = book.a + book.b")
    assert problems("d.markdown(book.reg['iku07.tw2.realisasi'].display)")
    assert problems("d.table(book.tables.top(5))")
    assert problems("import pandas as pd")
    assert problems("rows = [r for r in book.rows()]")
    assert not problems("from lkj.book import Book\nbook = Book.open(params_file)")
    assert not problems('d.heading("BAB I", 1, id="bab-1")\nd.table(book.tables.perjanjian())')


def typed_headings(source: str) -> list[str]:
    """Headings whose text is typed into the cell instead of taken from `book.heading`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("heading", "lampiran")
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("d", "display")  # lkj.book.display, not book.heading
            and node.args
            and isinstance(node.args[0], ast.Constant | ast.JoinedStr)
        ):
            found.append(f"baris {node.lineno}: {ast.unparse(node.args[0])}")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_headings_come_from_the_book_configuration(path: Path) -> None:
    """Headings are the unit's (unit.yml `bab`/`judul`, else resources/sets/*/buku.yml):
    `d.heading(**book.heading("<id>"))`, never a text typed into the notebook."""
    found = [f"{path.name}: {h}" for _, src in code_cells(path) for h in typed_headings(src)]
    assert not found, "\n".join(found)


def test_the_heading_rule_catches_typed_text() -> None:
    assert typed_headings('d.heading("BAB I Perencanaan Kinerja", 1, id="bab-1")')
    assert typed_headings('d.heading(f"Capaian IKU {n}", 2)')
    assert not typed_headings('d.heading(**book.heading("bab-1"))')
    assert not typed_headings("d.lampiran(entry.number, entry.title, id=entry.id)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_committed_without_outputs(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert not cell.get("outputs") and not cell.get("execution_count"), path.name


def test_fixture_notebooks_exist() -> None:
    # The renderer tests use these; they are allowed raw content on purpose (they test it).
    assert FIXTURE_NOTEBOOKS
