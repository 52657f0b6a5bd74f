"""Rows of a table that must share a page in the PDF (typst has no widow control for rows).

lkj.book.tablespec.to_typst gives such a table a last, zero-width column; one unbreakable
cell of that column spans each run of rows returned here, so typst moves the run as a whole.
Rows are lists of lkj.book.tablespec.Cell (only `colspan` is read).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# The last rows of a table go to the next page together (and with the note): a page never
# holds only a table's last row or its note under the repeated header.
KEEP_LAST_ROWS = 4


def kept_groups(body: Sequence[Sequence[Any]], columns: int, note: bool) -> list[tuple[int, int]]:
    """Runs of rows (first, last; the note counts as the row after the body) that must share
    a page: the closing rows with the note, and each group heading row (one cell across the
    table, "Kegiatan: ...") with the row under it."""
    rows = len(body) + (1 if note else 0)
    groups = []
    for r, row in enumerate(body):
        if len(row) == 1 and row[0].colspan == columns and r + 1 < rows:
            groups.append((r, r + 1))
    closing = min(KEEP_LAST_ROWS, len(body)) + (1 if note else 0)
    if closing >= 2:
        groups.append((rows - closing, rows - 1))
    merged: list[tuple[int, int]] = []
    for first, last in sorted(groups):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def spacer_cells(body: Sequence[Sequence[Any]], columns: int, note: bool) -> list[str] | None:
    """The cell of the zero-width column for each body row and the note row ("" where a
    spanning cell above covers it); None when nothing needs keeping together."""
    groups = kept_groups(body, columns, note)
    if not groups:
        return None
    out = [", []"] * (len(body) + (1 if note else 0))
    for first, last in groups:
        out[first] = f", table.cell(rowspan: {last - first + 1}, inset: 0pt)[]"
        for r in range(first + 1, last + 1):
            out[r] = ""
    return out
