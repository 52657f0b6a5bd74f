"""Which data describe persons, and what of them a public edition may hold (docs/security.md).

Personal datasets (a column declared `pribadi: true` in the unit's declarations, or any column
named in `declarations.PERSONAL_NAMES`) are published in the public edition only as counts:
no names, passport numbers or addresses, no record-level rows, no line numbers or row hashes
that pick out one record, and every count of a group of fewer than `K` persons shown as "< 3".
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from lkj import paths
from lkj.inputs import declarations
from lkj.inputs.declarations import Declarations

if TYPE_CHECKING:
    from lkj.inputs.load import Inputs

K = 3  # smallest group of persons a public edition shows as a number
SMALL = f"< {K}"
REDACTED = "(disembunyikan)"


def is_public(edition: str) -> bool:
    return edition != "internal"


def personal_columns(dataset: str, columns: list[str], decl: Declarations) -> list[str]:
    """The columns of a dataset that identify a person (none for reference lists)."""
    return decl.personal_columns(dataset, columns)


def _header(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


def is_personal_file(root: Path, file: str) -> bool:
    """A data file (path relative to the project) that describes persons."""
    path = Path(file)
    if path.suffix.lower() != ".csv" or path.parent.name == paths.REFERENCE:
        return False
    decl = declarations.for_file(root, file)
    if decl.personal(path.stem):
        return True
    return bool(personal_columns(path.stem, _header(root / file), decl))


def quasi_identifiers(dataset: str, columns: list[str], decl: Declarations) -> list[str]:
    """Columns a public edition may count by: not personal, not a record's own id."""
    spec = decl.tables.get(dataset)
    unique = {c.name for c in spec.columns if c.unique} if spec else {"id"}
    hidden = set(personal_columns(dataset, columns, decl))
    return [c for c in columns if c not in hidden and c not in unique and c != "id"]


def date_columns(dataset: str, decl: Declarations) -> set[str]:
    spec = decl.tables.get(dataset)
    return {c.name for c in spec.columns if c.kind == "date"} if spec else set()


def redacted(inputs: Inputs) -> Inputs:
    """The inputs with personal columns blanked, for anything a public run writes to disk."""
    if not is_public(inputs.run.params.edition):
        return inputs
    tables = dict(inputs.tables)
    for name, table in inputs.tables.items():
        hidden = personal_columns(name, list(table.df.columns), inputs.datasets)
        if hidden:
            df = table.df.copy()
            df[hidden] = REDACTED
            tables[name] = dataclasses.replace(table, df=df)
    return dataclasses.replace(inputs, tables=tables)
