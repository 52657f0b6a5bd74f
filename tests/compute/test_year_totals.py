"""At Triwulan IV, "s.d. TW IV" is the year: every cumulative figure equals the year's rows.

The expected figures are summed here straight from the CSV files with pandas, by the rule
each IKU states in pk.yml (data, not code), so the engine's quarter assignment, filters and
cumulative rules are checked against an independent count of the whole year.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lkj.compute.engine import compute_run
from lkj.inputs.params import load_run
from lkj.inputs.pk import Iku

ROOT = Path(__file__).resolve().parents[2]
YEAR_END = sorted(p for p in (ROOT / "params").glob("*.yml") if load_run(p).params.quarter == 4)


def rows(year_dir: Path, iku: Iku) -> pd.DataFrame:
    df = pd.read_csv(year_dir / f"{iku.sumber.dataset}.csv", dtype=str, keep_default_na=False)
    for column, wanted in (iku.sumber.saring or {}).items():
        allowed = wanted if isinstance(wanted, list) else [wanted]
        df = df[df[column].isin([str(v) for v in allowed])]
    return df


def matching(df: pd.DataFrame, where: dict[str, object]) -> pd.DataFrame:
    for column, wanted in where.items():
        allowed = wanted if isinstance(wanted, list) else [wanted]
        df = df[df[column].isin([str(v) for v in allowed])]
    return df


def first_filled(df: pd.DataFrame, columns: list[str]) -> int:
    total = 0
    for _, row in df.iterrows():
        total += int(next(row[c] for c in columns if row[c] != ""))
    return total


@pytest.mark.parametrize("params", YEAR_END, ids=lambda p: p.stem)
def test_cumulative_at_tw4_is_the_whole_year(params: Path) -> None:
    run = load_run(params)
    reg = compute_run(params)
    checked = 0
    for iku in load_run_pk(params):
        rule, key = iku.sumber.aturan, iku.key
        if iku.kumulatif == "terakhir":  # a stock (e.g. data documents held): the latest quarter
            assert reg[f"{key}.sd_tw4.realisasi"].value == reg[f"{key}.tw4.realisasi"].value
            continue
        df = rows(run.year_dir, iku)
        if rule == "hitung":
            assert reg[f"{key}.sd_tw4.realisasi"].value == len(df), iku.kode
        elif rule == "jumlah":
            columns = iku.sumber.kolom if isinstance(iku.sumber.kolom, list) else [iku.sumber.kolom]
            assert reg[f"{key}.sd_tw4.realisasi"].value == first_filled(df, columns), iku.kode
        elif rule == "rasio":
            numerator = matching(df, dict(iku.sumber.pembilang or {}))
            assert reg[f"{key}.sd_tw4.pembilang"].value == len(numerator), iku.kode
            assert reg[f"{key}.sd_tw4.penyebut"].value == len(df), iku.kode
        else:
            continue  # nilai / kategori: the latest reading, not a sum over the year
        checked += 1
    assert checked >= 4  # the shipped year-end runs have several summed IKUs


@pytest.mark.parametrize("params", YEAR_END, ids=lambda p: p.stem)
def test_budget_at_tw4_is_the_years_spending(params: Path) -> None:
    run = load_run(params)
    reg = compute_run(params)
    spent = pd.read_csv(run.year_dir / "realisasi_anggaran.csv", dtype=str)
    assert reg["anggaran.total.realisasi"].value == spent["realisasi"].astype(int).sum()


def load_run_pk(params: Path) -> list[Iku]:
    from lkj.inputs.load import load_inputs

    return list(load_inputs(load_run(params)).pk.iku)
