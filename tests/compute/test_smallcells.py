"""Small-cell suppression (k = 3): no count of 1–2 shown, none recoverable from the totals.

Each table here is small enough to check by brute force: every table of counts consistent
with what is published ("< 3" = 1 or 2, "x" = a hidden cell of at least 3 or a hidden total
of at least 1, shown figures exact, rows and columns adding up) is enumerated, and every
hidden figure must take at least two values among them.
"""

from __future__ import annotations

import itertools
import random

import pytest

from lkj.compute import smallcells as sc
from lkj.compute.reconcile import HIDDEN, Published, reconcile
from lkj.values.registry import Registry


def grid(rows: int, columns: int) -> sc.Grid:
    return sc.Grid(
        cells=tuple(tuple(f"c{i}{j}" for j in range(columns)) for i in range(rows)),
        row_totals=tuple(f"r{i}" for i in range(rows)),
        column_totals=tuple(f"k{j}" for j in range(columns)),
        total="g",
    )


def values_of(counts: list[list[int]]) -> dict[str, int]:
    out = {f"c{i}{j}": n for i, row in enumerate(counts) for j, n in enumerate(row)}
    out |= {f"r{i}": sum(row) for i, row in enumerate(counts)}
    out |= {f"k{j}": sum(col) for j, col in enumerate(zip(*counts, strict=True))}
    out["g"] = sum(map(sum, counts))
    return out


def possible_values(g: sc.Grid, values: dict[str, int], hidden: dict[str, str]) -> dict:
    """Hidden id -> every value it takes in some table consistent with what is published."""
    top = values["g"]

    def allowed(value_id: str, n: int, cell: bool) -> bool:
        kind = hidden.get(value_id)
        if kind == sc.PRIMARY:
            return 1 <= n <= 2
        if kind:
            return n >= (3 if cell else 1)
        return n == values[value_id]

    # Row by row (each row's options checked against its total), then the columns.
    options = []
    for row, row_total in zip(g.cells, g.row_totals, strict=True):
        ranges = [range(top + 1) if c in hidden else [values[c]] for c in row]
        options.append(
            [
                r
                for r in itertools.product(*ranges)
                if all(allowed(c, n, True) for c, n in zip(row, r, strict=True))
                and allowed(row_total, sum(r), False)
            ]
        )
    seen: dict[str, set[int]] = {i: set() for i in hidden}
    for table in itertools.product(*options):
        columns = [sum(col) for col in zip(*table, strict=True)]
        if not all(allowed(k, n, False) for k, n in zip(g.column_totals, columns, strict=True)):
            continue
        if not allowed(g.total, sum(columns), False):
            continue
        found = dict(zip(g.column_totals, columns, strict=True)) | {g.total: sum(columns)}
        for row, row_total, r in zip(g.cells, g.row_totals, table, strict=True):
            found |= dict(zip(row, r, strict=True)) | {row_total: sum(r)}
        for i in hidden:
            seen[i].add(found[i])
    return seen


def shown(g: sc.Grid, counts: list[list[int]]) -> tuple[dict[str, int], dict[str, str]]:
    values = values_of(counts)
    return values, sc.suppress([g], values)


def test_no_small_count_no_suppression() -> None:
    assert shown(grid(2, 2), [[3, 4], [5, 0]])[1] == {}


def test_a_row_total_would_give_the_small_cell_away() -> None:
    # 1 + 5 = 6: with the 5 and the 6 shown, the "< 3" is 1. Something more must go.
    g = grid(2, 2)
    values, hidden = shown(g, [[1, 5], [4, 6]])
    assert hidden["c00"] == sc.PRIMARY and len(hidden) > 1
    assert all(len(v) >= 2 for v in possible_values(g, values, hidden).values())
    assert "g" not in hidden  # the grand total (an IKU realisation) stays


def test_one_plus_one_under_a_total_of_two_hides_the_total() -> None:
    # "< 3" + "< 3" = "< 3" can only be 1 + 1: the row total reads "x" instead.
    g = grid(2, 2)
    values, hidden = shown(g, [[1, 1], [5, 4]])
    assert hidden["c00"] == hidden["c01"] == sc.PRIMARY
    assert hidden["r0"] == sc.COMPLEMENTARY
    assert all(len(v) >= 2 for v in possible_values(g, values, hidden).values())


def test_two_small_cells_adding_up_to_a_column_total() -> None:
    # 2 + 2 = 4 in a column of 4: both "< 3" would be 2 however the rest is hidden.
    g = grid(3, 2)
    values, hidden = shown(g, [[2, 3], [2, 4], [0, 5]])
    assert all(len(v) >= 2 for v in possible_values(g, values, hidden).values())


@pytest.mark.parametrize("seed", range(40))
def test_random_tables_keep_every_hidden_count_uncertain(seed: int) -> None:
    rng = random.Random(seed)
    rows, columns = rng.choice([(2, 2), (3, 2), (2, 3)])
    counts = [[rng.choice([0, 1, 2, 3, 4, 5]) for _ in range(columns)] for _ in range(rows)]
    g = grid(rows, columns)
    values, hidden = shown(g, counts)
    small = {i for i in g.ids() if 0 < values[i] < 3}
    assert small <= set(hidden)  # every 1 or 2 is hidden ...
    assert all(hidden[i] == sc.PRIMARY for i in small if i.startswith("c"))  # cells read "< 3"
    possible = possible_values(g, values, hidden)
    pinned = [i for i in small if len(possible[i]) < 2]
    if pinned:  # ... and none can be worked out, unless the grand total alone pins it
        assert all(i in hidden for i in g.ids() if i != "g" and values[i] > 0), (counts, pinned)


def test_the_public_form_of_a_hidden_count() -> None:
    reg = Registry()
    reg.add("x.l", 2, kind="count", unit="Orang", label="l")
    sc.apply(reg, [], {"x.l": sc.PRIMARY})
    value = reg["x.l"]
    assert (value.value, value.display, value.display_with_unit) == ("< 3", "< 3", "< 3")
    assert value.sources == () and sc.is_suppressed(value) and "k = 3" in value.note


def test_a_hidden_published_figure_is_reported_as_hidden_not_as_a_difference() -> None:
    reg = Registry()
    reg.add("kepulangan.negara.kamboja.l", 1, kind="count", unit="Orang", label="Kamboja L")
    sc.apply(reg, [], {"kepulangan.negara.kamboja.l": sc.PRIMARY})
    (outcome,) = reconcile(reg, [Published(2, "kepulangan.negara.kamboja.l", "IV", "1", "")], "f")
    assert outcome.status == HIDDEN and not outcome.unexplained
