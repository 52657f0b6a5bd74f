"""The layout rule of src/lkj (docs/architecture.md): data flows one way through the stages.

Read from the source with ast, so an import inside a function or under TYPE_CHECKING counts
like any other: a module imports only from its own stage or a lower one, no two modules
import each other (directly or round a longer loop), and no module reaches for another
module's `_private` names.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "lkj"

# Lowest first. A stage may import its own modules and those of every stage before it.
STAGES = [
    ("lkj", "lkj.errors", "lkj.paths", "lkj.files", "lkj.tools"),
    ("lkj.inputs",),
    ("lkj.values",),
    ("lkj.compute",),
    ("lkj.book",),
    ("lkj.provenance",),
    ("lkj.render",),
    ("lkj.analyst",),
    ("lkj.cli",),
    ("lkj.dev",),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage_of(module: str) -> int:
    best = None
    for level, prefixes in enumerate(STAGES):
        for prefix in prefixes:
            if module == prefix or (prefix != "lkj" and module.startswith(prefix + ".")):
                best = level
    assert best is not None, f"{module} belongs to no stage: add it to STAGES"
    return best


def resolve(name: str) -> str:
    """The module an imported dotted name lives in (a name inside a module → that module)."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def imports(module: str) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, names) for every lkj import anywhere in the module."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, []) for a in node.names if a.name.startswith("lkj")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("lkj"):
                continue
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if full in MODULES:  # `from lkj.book import display`: the submodule itself
                    found.append((node.lineno, full, []))
                else:
                    found.append((node.lineno, node.module, [alias.name]))
    return [(line, resolve(target), names) for line, target, names in found]


def edges() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module in MODULES:
        for _, target, _ in imports(module):
            if target != module:
                graph[module].add(target)
    return graph


def test_every_module_belongs_to_a_stage() -> None:
    for module in MODULES:
        stage_of(module)


def test_no_import_runs_against_the_flow() -> None:
    wrong = []
    for module in MODULES:
        for line, target, _ in imports(module):
            if target in MODULES and stage_of(target) > stage_of(module):
                wrong.append(f"{module}:{line} imports {target} (a later stage)")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles() -> None:
    graph = edges()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "\n".join(" → ".join(c) for c in cycles)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_aliases(tree: ast.AST) -> dict[str, str]:
    """Local names bound to an imported lkj module (`from lkj.book import charts as c`)."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lkj"):
            for a in node.names:
                if f"{node.module}.{a.name}" in MODULES:
                    aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            aliases |= {
                a.asname: a.name for a in node.names if a.name.startswith("lkj") and a.asname
            }
    return aliases


def test_no_private_name_crosses_modules() -> None:
    wrong = []
    for module in MODULES:
        for line, target, names in imports(module):
            wrong += [f"{module}:{line} imports {target}.{n}" for n in names if _private(n)]
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        aliases = _module_aliases(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and _private(node.attr)
            ):
                wrong.append(f"{module}:{node.lineno} uses {aliases[node.value.id]}.{node.attr}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if MODULES[m].name == "__init__.py"))
def test_every_package_says_what_it_owns(module: str) -> None:
    doc = ast.get_docstring(ast.parse(MODULES[module].read_text(encoding="utf-8")))
    assert doc, f"{module} has no docstring saying what it owns and may import"
