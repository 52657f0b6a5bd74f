"""Small groups of persons in a public table: primary "< 3" and the cells that would give
them away through the printed totals ("*"). Grids worked out by hand."""

from __future__ import annotations

from lkj.compute.appendices.suppression import SECONDARY, TOTAL, hidden

T = TOTAL


def grid(cells: dict[tuple[str, str], int], rows: list[str], cols: list[str]):
    counts = dict(cells)
    for r in rows:
        counts[(r, T)] = sum(cells[(r, c)] for c in cols)
    for c in cols:
        counts[(T, c)] = sum(cells[(r, c)] for r in rows)
    counts[(T, T)] = sum(cells.values())
    return counts


def test_nothing_small_nothing_hidden() -> None:
    counts = grid(
        {("a", "L"): 3, ("a", "P"): 5, ("b", "L"): 0, ("b", "P"): 4}, ["a", "b"], ["L", "P"]
    )
    assert hidden(counts, ["a", "b"], ["L", "P"]) == {}


def test_one_small_cell_hides_a_partner_in_its_row_and_column() -> None:
    # the labnusa TW I training table: A 6/9, B 2/3, C 0/0 (L/P)
    rows, cols = ["A", "B", "C"], ["L", "P"]
    counts = grid(
        {("A", "L"): 6, ("A", "P"): 9, ("B", "L"): 2, ("B", "P"): 3, ("C", "L"): 0, ("C", "P"): 0},
        rows,
        cols,
    )
    marks = hidden(counts, rows, cols)
    assert marks == {
        ("B", "L"): "< 3",
        ("B", "P"): SECONDARY,  # row B: 5 − 3 would give L back
        ("A", "L"): SECONDARY,  # column L: 8 − 6 would
        ("A", "P"): SECONDARY,  # column P: 12 − 9 would give B/P back
    }
    # no row or column (totals included) is left with a single hidden entry
    for r in [*rows, T]:
        assert sum((r, c) in marks for c in [*cols, T]) != 1
    for c in [*cols, T]:
        assert sum((r, c) in marks for r in [*rows, T]) != 1


def test_a_single_column_table_hides_a_second_row() -> None:
    counts = {("a", T): 1, ("b", T): 7, ("c", T): 4, (T, T): 12}
    assert hidden(counts, ["a", "b", "c"], []) == {("a", T): "< 3", ("c", T): SECONDARY}


def test_zeros_are_not_hidden_and_end_the_search() -> None:
    counts = grid({("a", "L"): 0, ("a", "P"): 2}, ["a"], ["L", "P"])
    marks = hidden(counts, ["a"], ["L", "P"])
    assert ("a", "L") not in marks  # zero: nobody
    assert marks[("a", "P")] == "< 3" and marks[("a", T)] == "< 3"
