"""What the public edition shows of the rows behind a value of a personal dataset: counts.

One count table per column a person could be recognised by (date as its month, kabupaten,
sex, category, country, …). Groups of fewer than K persons are not named: they are merged into
one row "lainnya" (its count shown as "< 3" when it is that small too), so no published
combination of values describes fewer than K persons. Never a line number, never a row.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lkj.inputs import declarations, personal
from lkj.inputs.reading import read_csv_text

Group = list[str]  # [label, count or "< 3"]


OTHERS = "(lainnya)"


def suppressed(counts: Counter[str]) -> list[Group]:
    """Groups of at least K in descending size, then the smaller ones merged into "lainnya"."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    out = [[label, str(n)] for label, n in ordered if n >= personal.K]
    rest = sum(n for _, n in ordered if n < personal.K)
    if rest:
        out.append([OTHERS, str(rest) if rest >= personal.K else personal.SMALL])
    return out


class Counts:
    """The cells of one personal CSV file, read once, counted for any set of its lines."""

    def __init__(self, root: Path, file: str, skip: set[str] | None = None):
        self.dataset = Path(file).stem
        raw, _ = read_csv_text(root / file, file)
        self.columns: list[str] = []
        self.by_line: dict[int, dict[str, str]] = {}
        if raw is None:  # unreadable files never get this far: load_inputs checked them
            return
        decl = declarations.for_file(root, file)
        columns = personal.quasi_identifiers(self.dataset, list(raw.header), decl)
        self.columns = [c for c in columns if c not in (skip or set())]
        dates = personal.date_columns(self.dataset, decl)
        cells = raw.cells.loc[raw.lines.index, self.columns].to_numpy(dtype=object).tolist()
        for (_, line), row in zip(raw.lines.items(), cells, strict=True):
            record = {c: str(x).strip() for c, x in zip(self.columns, row, strict=True)}
            for c in dates & set(record):
                record[c] = record[c][:7]  # the month only: a day picks out one person
            self.by_line[int(line)] = record

    def tables(self, lines: list[int]) -> list[dict[str, object]]:
        """[{column, groups}] over the given lines, small groups suppressed."""
        records = [self.by_line[n] for n in lines if n in self.by_line]
        out: list[dict[str, object]] = []
        for column in self.columns:
            counts = Counter(r[column] or "(kosong)" for r in records)
            if counts:
                out.append({"column": column, "groups": suppressed(counts)})
        return out
