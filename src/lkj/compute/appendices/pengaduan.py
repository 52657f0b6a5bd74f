"""Complaints (Lampiran Pengaduan): per (month, P3MI, country) row and per problem type × sex.

Value ids: pengaduan.rN.<jenis>.<sex>, pengaduan.rN.<sex>, pengaduan.rN.total,
pengaduan.jenis.<jenis>.<sex>, pengaduan.total[.<sex>].
"""

from __future__ import annotations

import pandas as pd

from lkj.compute.appendices.common import SEXES, Ctx
from lkj.inputs.load import Inputs, Table
from lkj.values.registry import Registry


def pengaduan_rows(inputs: Inputs, quarter: int) -> list[dict[str, object]]:
    """One row per (month, P3MI, country) in file order, as the report lists them."""
    df = inputs.table("pengaduan").df
    df = df[df["_quarter"] == quarter]
    out: list[dict[str, object]] = []
    if df.empty:
        return out
    keyed = df.assign(_bulan=df["tanggal"].dt.month, _p3mi=df["p3mi"].fillna("").astype(str))
    for (_, p3mi, negara), part in keyed.groupby(["_bulan", "_p3mi", "negara"], sort=False):
        out.append(
            {
                "n": len(out) + 1,
                "bulan": int(part["_bulan"].iloc[0]),
                "p3mi": p3mi or "-",
                "negara": negara,
                "rows": part,
            }
        )
    return out


def compute(reg: Registry, inputs: Inputs) -> None:
    ctx = Ctx.of(reg, inputs, compute, unit="Kasus")
    table = inputs.table("pengaduan")
    rows = ctx.rows(table)
    types = inputs.references["jenis_masalah"]["kode"].astype(str).tolist()
    for item in pengaduan_rows(inputs, ctx.quarter):
        _row(ctx, table, item, types)
    by_sex: dict[str, list[str]] = {s: [] for s in SEXES}
    for code in types:
        for sex in SEXES:
            key = f"pengaduan.jenis.{code.lower()}.{sex.lower()}"
            ctx.count(
                key,
                table,
                rows[(rows["jenis_masalah"] == code) & (rows["jenis_kelamin"] == sex)],
                f"Pengaduan jenis masalah {code}, {sex}",
                f"jenis_masalah = {code}, jenis_kelamin = {sex}",
            )
            by_sex[sex].append(key)
    for sex in SEXES:
        ctx.total(f"pengaduan.total.{sex.lower()}", by_sex[sex], f"Jumlah pengaduan {sex}")
    ctx.total(
        "pengaduan.total", [f"pengaduan.total.{s.lower()}" for s in SEXES], "Jumlah pengaduan"
    )


def _row(ctx: Ctx, table: Table, item: dict[str, object], types: list[str]) -> None:
    """One listed row: its cells by problem type and sex, by sex, and its total."""
    part: pd.DataFrame = item["rows"]  # type: ignore[assignment]
    where = f"bulan {item['bulan']}, p3mi = {item['p3mi']}, negara = {item['negara']}"
    members = []
    # One pass over the row's records instead of a mask per type and sex (≈ 1 000 masks for a
    # quarter: two thirds of computing the whole registry). groupby keeps each group's records
    # in file order, as the mask did, and drops empty combinations, which are not listed.
    cells = dict(list(part.groupby(["jenis_masalah", "jenis_kelamin"], sort=False)))
    for code in types:
        for sex in SEXES:
            cell = cells.get((code, sex))
            if cell is not None:
                key = f"pengaduan.r{item['n']}.{code.lower()}.{sex.lower()}"
                ctx.count(
                    key,
                    table,
                    cell,
                    f"Pengaduan baris {item['n']}, jenis {code}, {sex}",
                    f"{where}, jenis_masalah = {code}, jenis_kelamin = {sex}",
                )
    for sex in SEXES:
        key = f"pengaduan.r{item['n']}.{sex.lower()}"
        ctx.count(
            key,
            table,
            part[part["jenis_kelamin"] == sex],
            f"Pengaduan baris {item['n']}, {sex}",
            f"{where}, jenis_kelamin = {sex}",
        )
        members.append(key)
    ctx.total(f"pengaduan.r{item['n']}.total", members, f"Pengaduan baris {item['n']}, jumlah")
