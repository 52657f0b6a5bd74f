"""Small-cell suppression of the public edition's count tables over personal datasets.

A count table (`Grid`) is rows × columns of counts of persons, a total per row and per
column and a grand total, each a registry value. In the public edition:

- **primary**: every count of 1 or 2 (below k = 3) is shown as "< 3"; 0 stays "-";
- **complementary**: while the exact count of a "< 3" cell can still be worked out from
  what the tables show (its row or column total minus the cells shown, two "< 3" adding up
  to a total of 2 or 4, or any other combination of the sums), one more figure is hidden
  and shown as "x" — preferably a total of 1–2 of the same row or column, then a cell of
  the same row or column, then another cell, a row total, and a column total last; the
  grand total (the quarter's count, published as an IKU realisation anyway) is never hidden.
  Afterwards every "x" the others protect without it is shown again (largest first).

"Can be worked out" is decided exactly: a hidden cell is safe when the published figures
(shown counts exactly, "< 3" as 1–2, "x" as at least 3 in a cell and at least 1 in a total,
every row and column summing to its total) admit at least two values for it. Row and
column sums of a table with margins form a network, so that question is one
feasible-circulation test per bound (max-flow).
Tables that share their margins (the same value ids) are suppressed together; tables over
different columns of one dataset share no cell, so they cannot be combined to narrow a cell
further than their shared margins already do.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from lkj.inputs import personal
from lkj.values.registry import Registry, Value

K = personal.K
SMALL = personal.SMALL  # "< 3": a count of 1 or 2
HIDDEN = "x"  # hidden so that no "< 3" can be worked out from the totals
PRIMARY, COMPLEMENTARY = "kecil", "pelengkap"
MARK = "disembunyikan"  # Value.params key of a suppressed value
TABLED = "tabel_publik"  # Value.params key: [file, columns] of the public table it is in
# Short: Jejak Angka repeats it for every hidden value (the table note says it in full).
NOTE = (
    f"Disembunyikan di edisi publik (k = {K}): < 3 = 1 atau 2 orang, x = pelengkap; "
    "angka persisnya di edisi internal."
)

# Under a public table that hides figures.
TABLE_NOTE = (
    f"Edisi publik (k = {K}): < 3 = 1 atau 2 orang; x = disembunyikan agar angka < 3 tidak "
    "dapat dihitung dari jumlah baris atau kolomnya; 0 = tidak ada. Edisi internal memuat "
    "angka persisnya."
)

Bounds = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class Grid:
    """One count table: value ids of its cells (rows × columns) and of its totals."""

    cells: tuple[tuple[str, ...], ...]
    row_totals: tuple[str, ...]
    column_totals: tuple[str, ...]
    total: str
    file: str = ""  # the personal data file counted, as shown
    by: tuple[str, ...] = ()  # its columns the table counts by (rows, columns)

    def ids(self) -> Iterator[str]:
        """Cells first, then row totals, column totals, the grand total (order of hiding)."""
        for row in self.cells:
            yield from row
        yield from self.row_totals
        yield from self.column_totals
        yield self.total

    def lines_of(self, value_id: str) -> list[str]:
        """The ids that share a row or a column with value_id (its first candidates)."""
        out: list[str] = []
        for i, row in enumerate(self.cells):
            for j, cell in enumerate(row):
                if cell == value_id:
                    out += [*row, self.row_totals[i]]
                    out += [r[j] for r in self.cells] + [self.column_totals[j]]
        if value_id in self.row_totals:
            out += list(self.cells[self.row_totals.index(value_id)]) + list(self.row_totals)
        if value_id in self.column_totals:
            j = self.column_totals.index(value_id)
            out += [r[j] for r in self.cells] + list(self.column_totals)
        return out


def _max_flow(capacity: dict[str, dict[str, int]], source: str, sink: str) -> int:
    flow = 0
    while True:
        parent: dict[str, str] = {source: source}
        queue = deque([source])
        while queue and sink not in parent:
            u = queue.popleft()
            for v, c in capacity.get(u, {}).items():
                if c > 0 and v not in parent:
                    parent[v] = u
                    queue.append(v)
        if sink not in parent:
            return flow
        path, v = [], sink
        while v != source:
            path.append((parent[v], v))
            v = parent[v]
        push = min(capacity[u][v] for u, v in path)
        for u, v in path:
            capacity[u][v] -= push
            capacity.setdefault(v, {}).setdefault(u, 0)
            capacity[v][u] += push
        flow += push


def feasible(grid: Grid, bounds: Bounds) -> bool:
    """Whether counts within `bounds` exist whose rows and columns add up to their totals."""
    edges = [("s", f"r{i}", grid.row_totals[i]) for i in range(len(grid.cells))]
    edges += [
        (f"r{i}", f"c{j}", cell) for i, row in enumerate(grid.cells) for j, cell in enumerate(row)
    ]
    edges += [(f"c{j}", "t", total) for j, total in enumerate(grid.column_totals)]
    edges.append(("t", "s", grid.total))
    capacity: dict[str, dict[str, int]] = {}
    excess: dict[str, int] = {}
    for u, v, value_id in edges:
        lo, hi = bounds[value_id]
        if hi < lo:
            return False
        capacity.setdefault(u, {}).setdefault(v, 0)
        capacity[u][v] += hi - lo
        excess[v] = excess.get(v, 0) + lo
        excess[u] = excess.get(u, 0) - lo
    need = 0
    for node, amount in excess.items():
        if amount > 0:
            capacity.setdefault("S", {})[node] = amount
            need += amount
        elif amount < 0:
            capacity.setdefault(node, {})["T"] = -amount
    return _max_flow(capacity, "S", "T") == need


def bounds_of(grid: Grid, values: Mapping[str, int], hidden: Mapping[str, str]) -> Bounds:
    """What a reader knows of each figure of the table: exact, 1–2, at least 3 or 1."""
    top = max(values[i] for i in grid.ids())
    cells = {c for row in grid.cells for c in row}
    out: Bounds = {}
    for value_id in grid.ids():
        kind, n = hidden.get(value_id), values[value_id]
        if kind == PRIMARY:
            out[value_id] = (1, K - 1)
        elif kind:  # a cell of 1–2 would read "< 3"; only a total of 1–2 can read "x"
            out[value_id] = (K if value_id in cells else 1, top)
        else:
            out[value_id] = (n, n)
    return out


def recoverable(
    grid: Grid, values: Mapping[str, int], hidden: Mapping[str, str], value_id: str
) -> bool:
    """Whether the published figures leave a hidden count exactly one possible value."""
    bounds = bounds_of(grid, values, hidden)
    n = values[value_id]
    lo, hi = bounds[value_id]
    return not any(
        a <= b and feasible(grid, {**bounds, value_id: (a, b)})
        for a, b in ((lo, n - 1), (n + 1, hi))
    )


def suppress(grids: list[Grid], values: Mapping[str, int]) -> dict[str, str]:
    """Value id -> PRIMARY or COMPLEMENTARY for every figure the public tables hide.

    Hiding more only widens what a reader must consider, so a "< 3" found safe stays safe
    while complements are added: each is checked until it is safe, never again.
    """
    hidden = {i: PRIMARY for g in grids for i in g.ids() if 0 < values[i] < K}
    pending = [(g, i) for g in grids for i in g.ids() if hidden.get(i) == PRIMARY]
    while pending:
        grid, target = pending[0]
        if hidden.get(target) != PRIMARY or not recoverable(grid, values, hidden, target):
            pending.pop(0)
            continue
        choice = _complement(grid, values, hidden, target)
        if choice is None:  # only the grand total is left: nothing in the table can help
            pending.pop(0)
            continue
        hidden[choice] = COMPLEMENTARY
    # Show again every complementary figure the others protect without it (largest first);
    # only the tables holding it can lose by that.
    extra = sorted((i for i, k in hidden.items() if k == COMPLEMENTARY), key=lambda i: -values[i])
    for value_id in extra:
        trial = {i: k for i, k in hidden.items() if i != value_id}
        if values[value_id] < K:
            trial[value_id] = PRIMARY
        holding = [g for g in grids if value_id in set(g.ids())]
        if not _exposed(holding, values, trial):
            hidden = trial
    return hidden


def _exposed(
    grids: list[Grid], values: Mapping[str, int], hidden: Mapping[str, str]
) -> tuple[Grid, str] | None:
    """The first "< 3" whose exact count the tables still give away."""
    for grid in grids:
        for value_id in grid.ids():
            if hidden.get(value_id) == PRIMARY and recoverable(grid, values, hidden, value_id):
                return grid, value_id
    return None


def _complement(
    grid: Grid, values: Mapping[str, int], hidden: Mapping[str, str], target: str
) -> str | None:
    """The figure to hide next: one that protects target alone, else a neighbour of it.

    A "< 3" total of target's lines first (1 + 1 = 2 gives both cells away whatever else is
    hidden), then cells before row totals, a column total (shared by every table of the
    dataset) only when nothing else is left; small counts first.
    """
    near = set(grid.lines_of(target))
    totals = set(grid.row_totals) | set(grid.column_totals)

    def open_(i: str) -> bool:
        if i == grid.total or values[i] == 0:
            return False
        return i not in hidden or (hidden[i] == PRIMARY and i in totals)

    candidates = sorted(
        (i for i in grid.ids() if open_(i)),
        key=lambda i: (
            i in grid.column_totals,
            not (i in hidden and i in near),
            i not in near,
            i in grid.row_totals,
            values[i],
        ),
    )
    inner = [i for i in candidates if i not in grid.column_totals]
    for value_id in inner:
        if not recoverable(grid, values, {**hidden, value_id: COMPLEMENTARY}, target):
            return value_id
    left = inner or candidates
    return left[0] if left else None


def is_suppressed(value: Value) -> bool:
    return bool(value.params.get(MARK))


def tabled_columns(registry: Registry) -> dict[str, set[str]]:
    """File -> the columns the public tables count it by (the panel must not count by them
    again: its count tables per value would give back the hidden cells)."""
    out: dict[str, set[str]] = {}
    for value in registry:
        file, *columns = value.params.get(TABLED) or [""]
        if file:
            out.setdefault(file, set()).update(columns)
    return out


def apply(registry: Registry, grids: list[Grid], hidden: Mapping[str, str]) -> None:
    """Replace each hidden value by its public form ("< 3" or "x", no rows, no count) and
    mark every figure of the tables with the columns they count by."""
    for grid in grids:
        for value_id in grid.ids():
            value = registry[value_id]
            mark = {TABLED: [grid.file, *grid.by]}
            registry.replace(replace(value, params={**value.params, **mark}))
    for value_id, kind in hidden.items():
        value = registry[value_id]
        shown = SMALL if kind == PRIMARY else HIDDEN
        registry.replace(
            replace(
                value,
                value=shown,
                kind="text",
                display=shown,
                sources=(),  # their line count would be the count itself
                params={**value.params, MARK: kind},
                note=NOTE,
            )
        )
