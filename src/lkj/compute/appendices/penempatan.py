"""Placements (Lampiran Penempatan): month × layanan × skema × sektor × sex, with totals.

Value ids: penempatan.mMM.<layanan>.<skema>.<sektor>.<sex>, penempatan.mMM.total[.…],
penempatan.total[.<layanan or total>.<skema>.<sektor>.<sex>].
"""

from __future__ import annotations

import itertools

import pandas as pd

from lkj.compute.appendices.common import SEXES, Ctx, ordered, slug
from lkj.inputs.load import Inputs, Table
from lkj.values import formatting as fmt
from lkj.values.registry import Registry


def penempatan_layout(inputs: Inputs) -> dict[str, list[str]]:
    df = inputs.table("penempatan").df
    return {
        "layanan": ordered(df["layanan"]),
        "skema": ordered(df["skema"]),
        "sektor": ordered(df["sektor"]),
    }


def penempatan_columns(inputs: Inputs) -> list[tuple[str, str, str]]:
    """(skema, sektor, sex) in table order: the 8 data columns under each layanan."""
    lay = penempatan_layout(inputs)
    return list(itertools.product(lay["skema"], lay["sektor"], SEXES))


def compute(reg: Registry, inputs: Inputs) -> None:
    ctx = Ctx.of(reg, inputs, compute)
    table = inputs.table("penempatan")
    rows = ctx.rows(table)
    layanan_list = penempatan_layout(inputs)["layanan"]
    columns = penempatan_columns(inputs)
    tw = fmt.quarter_label(ctx.quarter)
    months = []
    for month in fmt.quarter_months(ctx.quarter):
        months.append(_month(ctx, table, rows, month, layanan_list, columns))
    for group in [*layanan_list, "total"]:
        who = "semua layanan" if group == "total" else group
        for skema, sektor, sex in columns:
            tail = f"{slug(group)}.{slug(skema)}.{slug(sektor)}.{sex.lower()}"
            label = f"Penempatan {tw}, {who}, {skema}, {sektor}, {sex}"
            ctx.total(
                f"penempatan.total.{tail}", [f"penempatan.{mm}.{tail}" for mm in months], label
            )
    ctx.total(
        "penempatan.total", [f"penempatan.{mm}.total" for mm in months], f"Jumlah penempatan {tw}"
    )


def _month(
    ctx: Ctx,
    table: Table,
    rows: pd.DataFrame,
    month: int,
    layanan_list: list[str],
    columns: list[tuple[str, str, str]],
) -> str:
    """One month's cells, their totals over layanan and the month's total; returns 'mMM'."""
    mm, bulan, name = f"m{month:02d}", f"{ctx.year}-{month:02d}", fmt.month_name(month)
    month_rows = rows[rows["bulan"] == bulan]
    for skema, sektor, sex in columns:
        tail = f"{slug(skema)}.{slug(sektor)}.{sex.lower()}"
        members = []
        for layanan in layanan_list:
            part = month_rows[
                (month_rows["layanan"] == layanan)
                & (month_rows["skema"] == skema)
                & (month_rows["sektor"] == sektor)
                & (month_rows["jenis_kelamin"] == sex)
            ]
            where = (
                f"bulan = {bulan}, layanan = {layanan}, skema = {skema}, "
                f"sektor = {sektor}, jenis_kelamin = {sex}"
            )
            label = f"Penempatan {name} {layanan}, {skema}, {sektor}, {sex}"
            key = f"penempatan.{mm}.{slug(layanan)}.{tail}"
            members.append(ctx.count(key, table, part, label, where, column="jumlah"))
        label = f"Penempatan {name}, semua layanan, {skema}, {sektor}, {sex}"
        ctx.total(f"penempatan.{mm}.total.{tail}", members, label)
    month_members = [
        f"penempatan.{mm}.total.{slug(s)}.{slug(t)}.{x.lower()}" for s, t, x in columns
    ]
    ctx.total(f"penempatan.{mm}.total", month_members, f"Jumlah penempatan {name}")
    return mm
