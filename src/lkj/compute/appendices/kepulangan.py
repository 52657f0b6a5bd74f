"""Returned troubled workers (Lampiran Kepulangan), aggregated by kategori, negara and
kabupaten/kota × sex: no names or passport numbers reach the registry.

Value ids: kepulangan.<dimension>.<value>.<sex|total>, kepulangan.total[.<sex>].
"""

from __future__ import annotations

from lkj.compute import smallcells
from lkj.compute.appendices.common import SEXES, Ctx, ordered, slug
from lkj.inputs import personal
from lkj.inputs.load import Inputs
from lkj.values.registry import Registry


def kepulangan_groups(inputs: Inputs, quarter: int) -> dict[str, list[str]]:
    df = inputs.table("kepulangan").df
    df = df[df["_quarter"] == quarter]
    return {
        "kategori": ordered(df["kategori"]),
        "negara": sorted(ordered(df["negara"])),
        "kabupaten_kota": sorted(ordered(df["kabupaten_kota"])),
    }


def kepulangan_grids(inputs: Inputs, quarter: int) -> list[smallcells.Grid]:
    """Lampiran IV's three count tables (dimension × sex), as the public edition hides them."""
    sexes = [s.lower() for s in SEXES]
    grids = []
    for dim, values in kepulangan_groups(inputs, quarter).items():
        keys = [f"kepulangan.{dim}.{slug(v)}" for v in values]
        grids.append(
            smallcells.Grid(
                cells=tuple(tuple(f"{k}.{s}" for s in sexes) for k in keys),
                row_totals=tuple(f"{k}.total" for k in keys),
                column_totals=tuple(f"kepulangan.total.{s}" for s in sexes),
                total="kepulangan.total",
                file=inputs.table("kepulangan").shown,
                by=(dim, "jenis_kelamin"),
            )
        )
    return grids


def compute(reg: Registry, inputs: Inputs) -> None:
    ctx = Ctx.of(reg, inputs, compute)
    table = inputs.table("kepulangan")
    rows = ctx.rows(table)
    for dim, values in kepulangan_groups(inputs, ctx.quarter).items():
        for value in values:
            members = []
            for sex in SEXES:
                key = f"kepulangan.{dim}.{slug(value)}.{sex.lower()}"
                ctx.count(
                    key,
                    table,
                    rows[(rows[dim] == value) & (rows["jenis_kelamin"] == sex)],
                    f"Kepulangan PMI bermasalah, {dim} {value}, {sex}",
                    f"{dim} = {value}, jenis_kelamin = {sex}",
                )
                members.append(key)
            ctx.total(
                f"kepulangan.{dim}.{slug(value)}.total",
                members,
                f"Kepulangan PMI bermasalah, {dim} {value}",
            )
    for sex in SEXES:
        ctx.count(
            f"kepulangan.total.{sex.lower()}",
            table,
            rows[rows["jenis_kelamin"] == sex],
            f"Kepulangan PMI bermasalah {sex}",
            f"jenis_kelamin = {sex}",
        )
    ctx.total(
        "kepulangan.total",
        [f"kepulangan.total.{s.lower()}" for s in SEXES],
        "Jumlah kepulangan PMI bermasalah",
    )
    if personal.is_public(inputs.run.params.edition):
        grids = kepulangan_grids(inputs, ctx.quarter)
        counts = {i: int(reg[i].value) for g in grids for i in g.ids()}
        smallcells.apply(reg, grids, smallcells.suppress(grids, counts))
