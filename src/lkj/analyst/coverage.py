"""Which quarters have data: per IKU (rows its rule reads) and for the budget.

Shared by `lkj new-quarter` (what is still missing for the new quarter) and `lkj check`
(warnings about a past quarter without any data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lkj.book import texts
from lkj.book.annual import PER_SASARAN
from lkj.book.annual import TEXTS as ANNUAL_TEXTS
from lkj.inputs import nihil
from lkj.inputs.annual import text_dir as annual_text_dir
from lkj.inputs.load import Inputs
from lkj.inputs.params import Run
from lkj.inputs.pk import Iku
from lkj.values import formatting as fmt


@dataclass(frozen=True)
class Gap:
    """No data in one quarter for one IKU (or for the budget, iku=None)."""

    quarter: int
    file: str
    iku: Iku | None = None

    def message(self) -> str:
        tw = fmt.quarter_label(self.quarter)
        if self.iku is None:
            return f"{self.file}: belum ada realisasi anggaran {tw}"
        zero = " (dihitung 0: kosong: nol)" if self.iku.sumber.kosong == "nol" else ""
        return (
            f"{self.file}: belum ada data {tw} untuk IKU {self.iku.nomor} "
            f"({self.iku.kode}, {self.iku.sumber.aturan}){zero}"
        )


def _rows_of(df: pd.DataFrame, iku: Iku) -> pd.DataFrame:
    mask = pd.Series(True, index=df.index)
    for column, wanted in iku.sumber.saring.items():
        if column in df.columns:
            values = wanted if isinstance(wanted, list) else [wanted]
            mask &= df[column].astype("str").isin([str(v) for v in values])
    return df[mask]


def gaps(inputs: Inputs, quarters: list[int]) -> list[Gap]:
    """Quarters in which an IKU's dataset (filtered by saring) or the budget has no row."""
    found: list[Gap] = []
    run = inputs.run
    for iku in inputs.pk.iku:
        name = iku.sumber.dataset
        table = inputs.tables.get(name)
        shown = run.shown(run.year_dir / f"{name}.csv")
        have = set() if table is None else set(_rows_of(table.df, iku)["_quarter"])
        have |= {q for (dataset, q) in inputs.nihil if dataset == name}  # declared empty
        found += [Gap(q, shown, iku) for q in quarters if q not in have]
    budget = inputs.tables.get("realisasi_anggaran")
    have = set() if budget is None else set(budget.df["_quarter"])
    shown = run.shown(run.year_dir / "realisasi_anggaran.csv")
    found += [Gap(q, shown) for q in quarters if q not in have]
    return found


def undeclared_empty(inputs: Inputs, quarter: int) -> list[str]:
    """Datasets IKUs read that have no row in `quarter` and no nihil line: how to declare it."""
    run, found = inputs.run, []
    used = dict.fromkeys(iku.sumber.dataset for iku in inputs.pk.iku)
    for name in used:
        table = inputs.tables.get(name)
        declarable = name in inputs.datasets.declarable
        if not declarable or (name, quarter) in inputs.nihil or table is None:
            continue
        if quarter in set(table.df["_quarter"]):
            continue
        shown = run.shown(table.path)
        where = run.shown(run.year_dir / nihil.FILE)
        found.append(
            f"{shown}: belum ada baris {fmt.quarter_label(quarter)}; "
            + nihil.how_to_declare(name, quarter, where)
        )
    return found


def book_texts(run: Run, iku_codes: list[str], sasaran_codes: list[str]) -> list[Path]:
    """The texts the run's book prints: a quarter's (with one per IKU), or for the annual book
    teks/tahunan/ (with the cause and programme texts per sasaran)."""
    if run.params.kind == "tahunan":
        folder = annual_text_dir(run)
        found = [folder / f"{name}.md" for name in ANNUAL_TEXTS]
        return found + [folder / what / f"{c}.md" for what in PER_SASARAN for c in sasaran_codes]
    found = [texts.text_path(run, name) for name in texts.QUARTER_TEXTS]
    return found + [texts.text_dir(run) / "iku" / f"{code}.md" for code in iku_codes]


def unwritten_texts(run: Run, iku_codes: list[str], sasaran_codes: list[str]) -> list[str]:
    """The run's texts that are missing or hold only the new-quarter/new-year prompt."""
    return [run.shown(p) for p in book_texts(run, iku_codes, sasaran_codes) if not written(p)]


def written(path: Path) -> bool:
    """A text that exists and holds more than the prompt (an HTML comment)."""
    if not path.is_file():
        return False
    text = path.read_bytes().decode("utf-8", "replace")  # lkj check reports the encoding itself
    body = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return bool(body.strip())
