"""Which counts of a table of persons a public edition hides (docs/security.md, "< 3").

A group of 1 or 2 persons is shown as "< 3" (primary suppression). Hiding it is not enough
when the table also prints its row and column totals: with one hidden cell in a row, the total
minus the shown cells gives it back. So each row and column (totals included) that holds
exactly one hidden entry gets a second one hidden too — its smallest shown non-zero cell, a
total only when no cell is left — until no line has a single hidden entry (secondary
suppression, shown as "*"). Zeros stay shown: they describe nobody.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from lkj.inputs import personal

SECONDARY = "*"  # hidden so that a "< 3" cannot be worked out from the totals
TOTAL = "__total__"

Key = tuple[Hashable, Hashable]  # (row, column); TOTAL for the sums


def lines(rows: Sequence[Hashable], columns: Sequence[Hashable]) -> list[list[Key]]:
    """Every row and column of the table with its total: the entries that add up."""
    found: list[list[Key]] = []
    if columns:
        found += [[*((r, c) for c in columns), (r, TOTAL)] for r in [*rows, TOTAL]]
    found += [[*((r, c) for r in rows), (TOTAL, c)] for c in [*columns, TOTAL]]
    return found


def hidden(
    counts: dict[Key, int], rows: Sequence[Hashable], columns: Sequence[Hashable]
) -> dict[Key, str]:
    """The entries to hide → their mark ("< 3" or "*")."""
    marks: dict[Key, str] = {k: personal.SMALL for k, n in counts.items() if 0 < n < personal.K}
    table = lines(rows, columns)
    changed = bool(marks)
    while changed:
        changed = False
        for line in table:
            if sum(k in marks for k in line) != 1:
                continue
            shown = [k for k in line if k not in marks and counts[k] > 0]
            if not shown:
                continue  # the rest are zeros: nothing left that gives the hidden one away
            # A cell before a total, the smallest first: hide as little as possible.
            pick = min(shown, key=lambda k: (TOTAL in k, counts[k]))
            marks[pick] = SECONDARY
            changed = True
    return marks
