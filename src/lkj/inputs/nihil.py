"""`<year>/nihil.csv`: quarters in which a dataset recorded nothing, on purpose.

A dataset with no rows for a quarter means "not entered yet" (shown "-"). A line of nihil.csv
(dataset, triwulan, keterangan) says instead that nothing happened: IKUs counting or summing
that dataset then realise 0 in that quarter. Readings (declared `nihil: false`: nilai, ikpa,
ikpa_aspek) have no "nothing happened": a score is either published or not yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import pandas as pd

from lkj.errors import Problem
from lkj.inputs import specs
from lkj.inputs.declarations import Declarations

FILE = "nihil.csv"
NAME = "nihil"


def spec(decl: Declarations) -> specs.Spec:
    """nihil.csv of a unit: its `dataset` is one of the unit's declarable record datasets.

    Declarable are the datasets assigned to quarters whose declaration allows nihil (not the
    score readings, `nihil: false`, nor the budget files).
    """
    return specs.Spec(
        NAME,
        (
            specs.Col("dataset", choices=decl.declarable),
            specs.Col("triwulan", "int", min=1, max=4),
            specs.Col("keterangan", nullable=True),
        ),
        key=("dataset", "triwulan"),
        quarter_from="triwulan",
        key_fix="satu dataset cukup dinyatakan nihil sekali per triwulan: hapus baris duplikat",
    )


HEADER = "dataset,triwulan,keterangan"
_ROMAN = ("I", "II", "III", "IV")


def _tw(quarter: int) -> str:
    return f"Triwulan {_ROMAN[quarter - 1]}"


Declared = dict[tuple[str, int], int]  # (dataset, quarter) → line of nihil.csv


class HasFrame(Protocol):
    df: pd.DataFrame


def declared(df: pd.DataFrame | None) -> Declared:
    """(dataset, quarter) → line in nihil.csv, from the validated file (empty when absent)."""
    if df is None:
        return {}
    return {
        (str(name), int(quarter)): int(line)
        for name, quarter, line in zip(df["dataset"], df["triwulan"], df["_row"], strict=True)
    }


def problems(found: Declared, tables: Mapping[str, HasFrame], shown: str) -> list[Problem]:
    """A quarter declared nihil must hold no rows of its dataset (else which one is true?)."""
    out: list[Problem] = []
    for (name, quarter), line in found.items():
        table = tables.get(name)
        if table is None:
            continue
        rows = table.df[table.df["_quarter"] == quarter]["_row"].tolist()
        if not rows:
            continue
        shown_rows = ", ".join(str(r) for r in rows[:5]) + (", …" if len(rows) > 5 else "")
        out.append(
            Problem(
                shown,
                f"{_tw(quarter)} dinyatakan nihil untuk dataset {name}, padahal "
                f"{name}.csv punya {len(rows)} baris pada triwulan itu (baris {shown_rows})",
                fix=f"hapus baris ini dari {FILE}, atau hapus baris {_tw(quarter)} "
                f"dari {name}.csv bila memang tidak ada kegiatan",
                row=line,
                column="triwulan",
                value=quarter,
            )
        )
    return out


def how_to_declare(dataset: str, quarter: int, shown: str) -> str:
    """The line an analyst adds when a quarter really had nothing (for new-quarter's list)."""
    return (
        f"bila memang tidak ada kegiatan, nyatakan nihil: tambahkan baris "
        f"'{dataset},{quarter},<keterangan>' ke {shown} (header: {HEADER})"
    )
