"""`lkj trace`: a value's lineage as a tree down to the data rows, and search by label.

iku07.sd_tw2.realisasi = 13.871 Orang  (Realisasi s.d. Triwulan II IKU 7)
├── iku07.tw1.realisasi = 6.496 Orang
│   └── data/jateng/2025/penempatan.csv · 48 baris (2–49) · sha256 3f1a…
└── iku07.tw2.realisasi = 7.375 Orang
    └── data/jateng/2025/penempatan.csv · 48 baris (50–97) · sha256 3f1a…
"""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from lkj.inputs.load import Inputs
from lkj.provenance.manifest import code_location
from lkj.provenance.record import sha256
from lkj.provenance.rows import REDACTED, line_ranges, read_rows
from lkj.values.registry import Registry, Source, Value


def _head(v: Value) -> str:
    return (
        f"[bold]{escape(v.id)}[/] = [bold cyan]{escape(v.display_with_unit)}[/]  "
        f"[dim]({escape(v.label)})[/]"
    )


def _details(v: Value) -> list[str]:
    out = []
    if v.formula:
        out.append(f"[green]rumus[/] {escape(v.formula)}")
    if v.function:
        code = code_location(v.function)
        where = f" ({code['file']}:{code['line']})" if code.get("file") else ""
        out.append(f"[green]kode[/] {escape(v.function)}{escape(where)}")
    if v.note:
        out.append(f"[green]catatan[/] {escape(v.note)}")
    return out


def source_line(s: Source, root: Path) -> str:
    path = root / s.file
    digest = sha256(path)[:12] + "…" if path.is_file() else "berkas tidak ada"
    return (
        f"[magenta]{escape(s.file)}[/] · {len(s.rows)} baris ({line_ranges(s.rows)}) · "
        f"{escape(s.selection)} · sha256 {digest}"
    )


def lineage_tree(registry: Registry, value_id: str, root: Path) -> Tree:
    """The value, its inputs (recursively) and the file rows under each leaf."""
    top = registry[value_id]
    tree = Tree(_head(top))

    def grow(node: Tree, v: Value, seen: frozenset[str]) -> None:
        for line in _details(v):
            node.add(line)
        for s in v.sources:
            node.add(source_line(s, root))
        for child_id in v.inputs:
            child = registry[child_id]
            branch = node.add(_head(child))
            if child_id in seen:  # lineage is a DAG; a cycle would be a bug, not a hang
                branch.add("[red]siklus[/]")
                continue
            grow(branch, child, seen | {child_id})

    grow(tree, top, frozenset({value_id}))
    return tree


def leaf_sources(registry: Registry, value_id: str) -> list[Source]:
    """Every source under a value (its own and its inputs'), merged per file and selection."""
    merged: dict[tuple[str, str], set[int]] = {}
    stack, seen = [value_id], set()
    while stack:
        v = registry[stack.pop()]
        if v.id in seen:
            continue
        seen.add(v.id)
        for s in v.sources:
            merged.setdefault((s.file, s.selection), set()).update(s.rows)
        stack.extend(v.inputs)
    return [Source(f, tuple(sorted(rows)), sel) for (f, sel), rows in merged.items()]


def rows_tables(inputs: Inputs, registry: Registry, value_id: str) -> list[Table]:
    """One rich table per source file: the rows used, personal columns hidden (publik)."""
    run = inputs.run
    by_file: dict[str, set[int]] = {}
    for s in leaf_sources(registry, value_id):
        by_file.setdefault(s.file, set()).update(s.rows)
    out = []
    for file, lines in by_file.items():
        rows = read_rows(run.root, file, lines, run.params.edition)
        title = f"{file} — {len(rows.rows)} baris"
        if rows.hidden:
            title += f"; kolom {', '.join(rows.hidden)} {REDACTED} (edisi publik)"
        table = Table(title=escape(title), title_justify="left", show_lines=False)
        table.add_column("baris", justify="right", style="dim")
        for column in rows.columns:
            table.add_column(escape(column))
        for line, cells in rows.rows.items():
            table.add_row(str(line), *(escape(c) for c in cells))
        out.append(table)
    return out


def search_table(registry: Registry, text: str, limit: int = 40) -> Table:
    found = registry.search(text)
    table = Table(title=f"{len(found)} nilai cocok dengan '{escape(text)}'", title_justify="left")
    table.add_column("id")
    table.add_column("uraian")
    table.add_column("nilai", justify="right")
    for v in found[:limit]:
        table.add_row(escape(v.id), escape(v.label), escape(v.display_with_unit))
    if len(found) > limit:
        table.caption = f"{len(found) - limit} lainnya tidak ditampilkan: persempit pencarian"
    return table
