"""One table read as text → typed and checked, with every problem in Bahasa Indonesia.

`parse_columns` reports unreadable cells with their raw text; the pandera schema of
`TableSchema` checks what is left (required cells, allowed values, ranges, dates in the PK
year, unique ids and keys, row rules); `schema_problems` translates pandera's failure cases
into `Problem`s, each with a fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lkj.errors import Problem
from lkj.inputs.declarations import TARGET
from lkj.inputs.hints import suggest
from lkj.inputs.parsing import CellError, finalize, parse_columns
from lkj.inputs.reading import read_csv_text
from lkj.inputs.specs import RowRule, Spec
from lkj.inputs.tableschema import TableSchema


@dataclass(frozen=True)
class Located:
    """What `TableSchema.problems` needs to know about the file: its name and its lines."""

    shown: str
    raw: pd.DataFrame  # the text cells, as read
    typed: pd.DataFrame
    lines: pd.Series  # line number of each record (header = 1), same index as raw


def _raw(where: Located, index: int, column: str | None) -> object:
    if column is None or column not in where.raw.columns:
        return None
    return where.raw.at[index, column]


def cell_problems(where: Located, errors: list[CellError]) -> list[Problem]:
    return [
        Problem(
            where.shown,
            e.message,
            fix=e.fix,
            row=int(where.lines[e.index]),
            column=e.column,
            value=_raw(where, e.index, e.column),
        )
        for e in errors
    ]


def _duplicates(
    schema: TableSchema, where: Located, columns: list[str], key: bool
) -> list[Problem]:
    """One problem per repeated row, naming the line it repeats."""
    frame = where.typed[columns]
    repeated = frame.duplicated(keep="first") & frame.notna().all(axis=1)
    found = []
    for index in frame.index[repeated]:
        same = (frame == frame.loc[index]).all(axis=1)
        first = int(where.lines[same.idxmax()])
        if key:
            desc = " × ".join(f"{c}={_raw(where, index, c)}" for c in columns)
            message = f"kombinasi {desc} sudah ada di baris {first}"
            fix = schema.spec.key_fix
        else:
            message = f"{columns[0]} sudah dipakai di baris {first}"
            fix = (
                "hapus baris duplikat atau beri id lain"
                if columns[0] == "id"
                else ("hapus baris duplikat")
            )
        found.append(
            Problem(
                where.shown,
                message,
                fix=fix,
                row=int(where.lines[index]),
                column=columns[-1] if key else columns[0],
                value=_raw(where, index, columns[-1] if key else columns[0]),
            )
        )
    return found


def _columns_problems(spec: Spec, cases: pd.DataFrame, shown: str) -> list[Problem]:
    found = []
    for _, case in cases.iterrows():
        name = str(case["failure_case"])
        if case["check"] == "column_in_schema":
            hint = suggest(name, spec.names)
            guess = f" (maksudnya '{hint}'?)" if hint else ""
            found.append(
                Problem(
                    shown,
                    "kolom tidak dikenal",
                    fix=f"hapus kolom atau perbaiki ejaannya{guess}; kolom yang sah: "
                    + ", ".join(spec.names),
                    row=1,
                    column=name,
                )
            )
        else:
            found.append(
                Problem(
                    shown,
                    "kolom wajib tidak ada",
                    fix=f"tambahkan kolom '{name}' pada baris header (baris 1)",
                    row=1,
                    column=name,
                )
            )
    return found


def schema_problems(
    schema: TableSchema, where: Located, cases: pd.DataFrame, unreadable: set[tuple[int, str]]
) -> list[Problem]:
    """Turn pandera failure cases into problems; skip cells already reported as unreadable."""
    spec = schema.spec
    found: list[Problem] = []
    header = cases["check"].isin(["column_in_schema", "column_in_dataframe"])
    found += _columns_problems(spec, cases[header], where.shown)
    # A key column missing from the header is reported above; its rows cannot be compared.
    has_key = bool(spec.key) and set(spec.key) <= set(where.typed.columns)
    if has_key and cases["check"].eq("multiple_fields_uniqueness").any():
        found += _duplicates(schema, where, list(spec.key), key=True)
    seen_rules: set[tuple[str, int]] = set()
    for _, case in cases[~header].iterrows():
        check, column, index = str(case["check"]), case["column"], case["index"]
        if check in ("multiple_fields_uniqueness", "field_uniqueness") or index is None:
            continue
        if pd.isna(index) or (int(index), column) in unreadable:
            continue
        index = int(index)
        if case["schema_context"] == "DataFrameSchema":  # a row rule: one problem per row
            rule = next(r for r in spec.rules if r.name == check)
            if (check, index) in seen_rules or any((index, c) in unreadable for c in rule.needs):
                continue  # one problem per row; an unreadable cell is already reported
            seen_rules.add((check, index))
            found.append(_rule_problem(where, rule, index))
        else:
            found.append(_cell_problem(schema, where, check, column, index))
    repeated = set(cases.loc[cases["check"].eq("field_uniqueness"), "column"])
    for column in spec.names:
        if column in repeated:
            found += _duplicates(schema, where, [column], key=False)
    return found


def _rule_problem(where: Located, rule: RowRule, index: int) -> Problem:
    return Problem(
        where.shown,
        rule.message(where.typed.loc[index]),  # type: ignore[arg-type]  # one row: a Series
        fix=rule.fix,
        row=int(where.lines[index]),
        column=rule.column,
        value=_raw(where, index, rule.column),
    )


def _cell_problem(
    schema: TableSchema, where: Located, check: str, column: str, index: int
) -> Problem:
    """One failed column check, explained by the check's own message and fix."""
    row, value = int(where.lines[index]), _raw(where, index, column)
    if check == "not_nullable":
        return Problem(
            where.shown,
            "sel kosong, padahal kolom ini wajib diisi",
            fix=f"isi kolom {column} pada baris ini (lihat data/README.md)",
            row=row,
            column=column,
        )
    explain = schema.explain.get((column, check))
    if explain is None:  # a dtype failure cannot happen after parsing; keep it readable anyway
        return Problem(
            where.shown,
            f"nilai tidak sah ({check})",
            row=row,
            column=column,
            value=value,
            fix="periksa nilai ini sesuai data/README.md",
        )
    return Problem(
        where.shown,
        explain.message(value),
        fix=explain.fix(value),
        row=row,
        column=column,
        value=value,
    )


def validate_table(
    schema: TableSchema, shown: str, raw: pd.DataFrame, lines: pd.Series
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Parse and validate one table read as text; the final frame (None if invalid) and problems."""
    typed, errors = parse_columns(schema.spec, raw)
    where = Located(shown, raw, typed, lines)
    problems = cell_problems(where, errors)
    cases = schema.validate(typed)
    if cases is not None:
        unreadable = {(e.index, e.column) for e in errors}
        problems += schema_problems(schema, where, cases, unreadable)
    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return finalize(schema.spec, typed), problems


# --- one CSV table -----------------------------------------------------------------------


def load_csv(
    spec: Spec,
    path: Path,
    shown: str,
    year: int,
    references: dict[str, list[str]],
    *,
    data: bytes | None = None,
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validated frame with `_row` (and `_quarter`), or None and the problems found.

    data: the file's bytes when the caller read them already (lkj.inputs.frames keys its
    entry by exactly the bytes parsed)."""
    numeric = {c.name: c.kind for c in spec.columns if c.is_numeric}
    if spec.name == TARGET:  # a target is a number unless the IKU is a category
        numeric["target"] = "number"
    raw, problems = read_csv_text(path, shown, numeric, data=data)
    if raw is None:
        return None, problems
    schema = TableSchema(spec, year, references)
    df, found = validate_table(schema, shown, raw.cells, raw.lines)
    problems += found
    if df is None or any(p.severity == "error" for p in problems):
        return None, problems
    df["_row"] = raw.lines.astype("int64")
    if spec.quarter_from:
        df["_quarter"] = _quarters(df[spec.quarter_from])
    return df.reset_index(drop=True), problems


def _quarters(values: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values):
        months = values.dt.month
    elif pd.api.types.is_integer_dtype(values):  # triwulan is the quarter itself
        return values.astype("int64")
    else:  # "YYYY-MM"
        months = values.str[5:7].astype("int64")
    return ((months - 1) // 3 + 1).astype("int64")
