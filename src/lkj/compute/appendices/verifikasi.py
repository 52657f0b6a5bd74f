"""Verification and test events (Lampiran Verifikasi): per event, per (program, kelompok) group
and in total; above the params cap (`appendix_max_rows`) only the group sums.

Value ids: verifikasi.<program>.<kelompok>.<event>.<column>, verifikasi.<program>.<kelompok>.
<column>, verifikasi.total.<column> (columns: VERIFIKASI_COLUMNS; capped also `.kegiatan`).
"""

from __future__ import annotations

import pandas as pd

from lkj.compute.appendices.common import Ctx, lines, slug
from lkj.inputs.load import Inputs, Table
from lkj.values import formatting as fmt
from lkj.values.registry import Registry, Source

VERIFIKASI_COLUMNS = ("jumlah", "hadir", "tidak_hadir", "dihitung")


def verifikasi_rows(inputs: Inputs, quarter: int) -> pd.DataFrame:
    """The quarter's verification events (one row each): the list Lampiran V shows."""
    df = inputs.table("verifikasi").df
    return df[df["_quarter"] == quarter]


def verifikasi_groups(inputs: Inputs, quarter: int) -> list[tuple[str, str, pd.DataFrame]]:
    df = verifikasi_rows(inputs, quarter)
    return [
        (str(p), str(k), part) for (p, k), part in df.groupby(["program", "kelompok"], sort=False)
    ]


def verifikasi_events(inputs: Inputs, quarter: int) -> int:
    """How many verification events the quarter has (rows of the event list)."""
    return len(verifikasi_rows(inputs, quarter))


def verifikasi_capped(inputs: Inputs, quarter: int) -> bool:
    """Whether Lampiran V shows a recap per group instead of every event (params cap)."""
    cap = inputs.run.params.appendix_max_rows
    return cap is not None and verifikasi_events(inputs, quarter) > cap


def counted(part: pd.DataFrame) -> int:
    """What the events count for the IKU: attendees where recorded, else those registered."""
    return int(part["hadir"].where(part["hadir"].notna(), part["jumlah"]).sum())


def compute(reg: Registry, inputs: Inputs) -> None:
    ctx = Ctx.of(reg, inputs, compute)
    if verifikasi_capped(inputs, ctx.quarter):
        _recap(ctx)
        return
    table = inputs.table("verifikasi")
    totals: dict[str, list[str]] = {column: [] for column in VERIFIKASI_COLUMNS}
    for program, kelompok, part in verifikasi_groups(inputs, ctx.quarter):
        g = f"verifikasi.{slug(program)}.{slug(kelompok)}"
        group_members: dict[str, list[str]] = {k: [] for k in totals}
        for _, row in part.iterrows():
            for column, key in _event(ctx, table, part[part["_row"] == row["_row"]], row, g):
                group_members[column].append(key)
        for column, members in group_members.items():
            if members:
                ctx.total(
                    f"{g}.{column}", members, f"{program}, {kelompok}: {column.replace('_', ' ')}"
                )
                totals[column].append(f"{g}.{column}")
    for column, members in totals.items():
        ctx.total(
            f"verifikasi.total.{column}",
            members,
            f"Verifikasi dokumen dan ujian {fmt.quarter_label(ctx.quarter)}: "
            + column.replace("_", " "),
        )


def _event(
    ctx: Ctx, table: Table, one: pd.DataFrame, row: pd.Series, group: str
) -> list[tuple[str, str]]:
    """One event's values (the recorded columns and what it counts); (column, id) of each."""
    rid = slug(row["id"])
    added = []
    for column in VERIFIKASI_COLUMNS[:3]:
        if pd.isna(row[column]):
            continue
        key = f"{group}.{rid}.{column}"
        ctx.count(
            key,
            table,
            one,
            f"{row['kegiatan']}: {column.replace('_', ' ')}",
            f"id = {row['id']}",
            column=column,
        )
        added.append((column, key))
    key = f"{group}.{rid}.dihitung"
    ctx.values.add(
        key,
        counted(one),
        kind="count",
        unit="Orang",
        label=f"{row['kegiatan']}: dihitung untuk IKU",
        formula="hadir bila tercatat, selain itu jumlah terdaftar",
        sources=[Source(table.shown, lines(one), f"id = {row['id']}")],
    )
    added.append(("dihitung", key))
    return added


def _recap(ctx: Ctx) -> None:
    """Above the cap: group subtotals and totals straight from the rows, no per-event values.

    Per-event values would make the registry, the trace appendix and the build grow with the
    data; the ids of the sums stay those of the full list, so every other reader is unchanged.
    """
    table = ctx.inputs.table("verifikasi")
    cap = ctx.inputs.run.params.appendix_max_rows
    for program, kelompok, part in verifikasi_groups(ctx.inputs, ctx.quarter):
        _sums(
            ctx.using("Orang", appendix_max_rows=cap),
            table,
            f"verifikasi.{slug(program)}.{slug(kelompok)}",
            part,
            f"{program}, {kelompok}",
            f"program = {program}, kelompok = {kelompok}",
            always=False,
        )
    _sums(
        ctx.using("Orang", appendix_max_rows=cap),
        table,
        "verifikasi.total",
        ctx.rows(table),
        f"Verifikasi dokumen dan ujian {fmt.quarter_label(ctx.quarter)}",
        "semua program dan kelompok",
        always=True,
    )


def _sums(
    people: Ctx,
    table: Table,
    prefix: str,
    part: pd.DataFrame,
    who: str,
    where: str,
    *,
    always: bool,
) -> None:
    """One group's (or the quarter's) count of events and sums of each column."""
    events = people.using("Kegiatan")
    events.count(f"{prefix}.kegiatan", table, part, f"{who}: jumlah kegiatan", where)
    for column in VERIFIKASI_COLUMNS[:3]:
        recorded = part[part[column].notna()]
        if recorded.empty and not always:
            continue  # as in the full list: no subtotal of a column nobody recorded
        people.count(
            f"{prefix}.{column}",
            table,
            recorded,
            f"{who}: {column.replace('_', ' ')}",
            f"{where}, {column} tercatat",
            column=column,
        )
    people.values.add(
        f"{prefix}.dihitung",
        counted(part),
        kind="count",
        unit="Orang",
        label=f"{who}: dihitung",
        formula=f"Σ (hadir bila tercatat, selain itu jumlah terdaftar), {people.period}",
        sources=[Source(table.shown, lines(part), f"{people.period}; {where}")],
    )
