"""The data rows behind a value, as written in the file, with personal columns redacted.

Rows are read from the files again (not from the typed frames) so that the panel and
`lkj trace --rows` show exactly what the analyst typed, at the line numbers the values cite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lkj import paths
from lkj.inputs import declarations
from lkj.inputs.reading import read_csv_text

REDACTED = "(disembunyikan)"


@dataclass
class Rows:
    """Some lines of one input file: CSV (header + cells) or YAML (the lines' text)."""

    file: str
    columns: list[str]
    rows: dict[int, list[str]]  # line number -> cells (YAML: one cell, the line text)
    hidden: list[str] = field(default_factory=list)  # columns left out (personal data)


def hidden_columns(
    file: str, columns: list[str], edition: str, root: Path | None = None
) -> list[str]:
    """Personal columns of a dataset (as its unit declares them); empty for internal."""
    if edition == "internal":
        return []
    path = Path(file)
    if path.parent.name == paths.REFERENCE:  # reference lists hold no persons (negara.nama)
        return []
    decl = declarations.for_file(root, file) if root is not None else declarations.default()
    return decl.personal_columns(path.stem, columns)


def read_rows(root: Path, file: str, lines: set[int], edition: str) -> Rows:
    path = root / file
    if path.suffix.lower() != ".csv":
        text = path.read_text(encoding="utf-8").splitlines()
        picked = {n: [text[n - 1].rstrip()] for n in sorted(lines) if 0 < n <= len(text)}
        return Rows(file, ["baris"], picked)
    raw, _ = read_csv_text(path, file)
    if raw is None:  # unreadable files never get this far: load_inputs checked them
        return Rows(file, [], {})
    hidden = hidden_columns(file, raw.header, edition, root)
    shown = [c for c in raw.header if c not in hidden]
    # One selection of the wanted records and columns, not a pandas lookup per cell.
    wanted = [(index, int(line)) for index, line in raw.lines.items() if int(line) in lines]
    block = raw.cells.loc[[index for index, _ in wanted], shown].to_numpy(dtype=object).tolist()
    picked = {line: [str(x) for x in cells] for (_, line), cells in zip(wanted, block, strict=True)}
    return Rows(file, shown, dict(sorted(picked.items())), hidden)


def line_ranges(lines: list[int] | tuple[int, ...]) -> str:
    """'2–49, 52, 60–61': line numbers as short ranges."""
    out: list[str] = []
    ordered = sorted(set(lines))
    start = prev = None
    for n in [*ordered, None]:
        if start is not None and n is not None and prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            out.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    return ", ".join(out)
