"""Aggregates behind Lampiran II–VI: cross-tabs with subtotals and totals, all in the registry.

Each appendix has a `*_layout` function that returns the row and column structure (labels and
value ids) so that the table code and the registry agree on ids without repeating the logic.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from fractions import Fraction

import pandas as pd

from lkj.inputs.load import Inputs, Table
from lkj.values import formatting as fmt
from lkj.values.registry import Registry, Source

SEXES = ("L", "P")


def slug(text: str) -> str:
    """'BP3MI Jawa Tengah/P4MI' → 'bp3mi_jawa_tengah_p4mi' (stable ids from data labels)."""
    return re.sub(r"[^a-z0-9]+", "_", str(text).lower()).strip("_") or "kosong"


def _lines(df: pd.DataFrame) -> tuple[int, ...]:
    return tuple(int(r) for r in df["_row"])


def _ordered(values: pd.Series) -> list[str]:
    """Distinct values in order of first appearance in the file (the analyst's order)."""
    return list(dict.fromkeys(values.astype(str).tolist()))


@dataclass
class _Ctx:
    reg: Registry
    inputs: Inputs
    quarter: int
    year: int
    params: dict = field(default_factory=dict)

    @property
    def period(self) -> str:
        return f"{fmt.quarter_label(self.quarter)} ({fmt.months_phrase(self.quarter, self.year)})"

    def rows(self, table: Table) -> pd.DataFrame:
        return table.df[table.df["_quarter"] == self.quarter]

    unit: str = "Orang"

    def count(
        self,
        key: str,
        table: Table,
        part: pd.DataFrame,
        label: str,
        selection: str,
        column: str | None = None,
    ) -> str:
        value = int(part[column].sum()) if column else len(part)
        formula = f"Σ {column}" if column else "n(baris)"
        self.reg.add(
            key,
            value,
            kind="count",
            unit=self.unit,
            label=label,
            formula=f"{formula}, {self.period}",
            sources=[Source(table.shown, _lines(part), f"{self.period}; {selection}")],
            function=compute,
            params=self.params,
        )
        return key

    def score(
        self,
        key: str,
        value: object,
        label: str,
        formula: str,
        *,
        inputs: list[str] | None = None,
        sources: list[Source] | None = None,
        kind: str = "score",
    ) -> None:
        """A value of a score card (IKPA): shown with its two decimals, as the card prints."""
        self.reg.add(
            key,
            value,
            kind=kind,
            unit="%" if kind == "percent" else "",
            keep_zeros=kind == "score",
            label=label,
            formula=formula,
            inputs=inputs or [],
            sources=sources or [],
            function=compute,
            params=self.params,
        )

    def total(self, key: str, members: list[str], label: str) -> str:
        value = int(sum(self.reg[m].value or 0 for m in members))
        self.reg.add(
            key,
            value,
            kind="count",
            unit=self.unit,
            label=label,
            formula="Σ " + ", ".join(members[:3]) + (" …" if len(members) > 3 else ""),
            inputs=members,
            function=compute,
            params=self.params,
        )
        return key


# --- Lampiran II: placements, month × layanan × skema × sektor × sex ----------------------------
def penempatan_layout(inputs: Inputs) -> dict[str, list[str]]:
    df = inputs.table("penempatan").df
    return {
        "layanan": _ordered(df["layanan"]),
        "skema": _ordered(df["skema"]),
        "sektor": _ordered(df["sektor"]),
    }


def penempatan_columns(inputs: Inputs) -> list[tuple[str, str, str]]:
    """(skema, sektor, sex) in table order: the 8 data columns under each layanan."""
    lay = penempatan_layout(inputs)
    return list(itertools.product(lay["skema"], lay["sektor"], SEXES))


def _penempatan(ctx: _Ctx) -> None:
    table = ctx.inputs.table("penempatan")
    rows = ctx.rows(table)
    layanan_list = penempatan_layout(ctx.inputs)["layanan"]
    columns = penempatan_columns(ctx.inputs)
    tw = fmt.quarter_label(ctx.quarter)
    months = []
    for month in fmt.quarter_months(ctx.quarter):
        mm, bulan, name = f"m{month:02d}", f"{ctx.year}-{month:02d}", fmt.month_name(month)
        months.append(mm)
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


# --- Lampiran III: complaints by P3MI, country, problem type × sex ---------------------------
def pengaduan_rows(inputs: Inputs, quarter: int) -> list[dict[str, object]]:
    """One row per (month, P3MI, country) in file order, as the report lists them."""
    df = inputs.table("pengaduan").df
    df = df[df["_quarter"] == quarter]
    out: list[dict[str, object]] = []
    if df.empty:
        return out
    keyed = df.assign(_bulan=df["tanggal"].dt.month, _p3mi=df["p3mi"].fillna("").astype(str))
    for (month, p3mi, negara), part in keyed.groupby(["_bulan", "_p3mi", "negara"], sort=False):
        out.append(
            {
                "n": len(out) + 1,
                "bulan": int(month),
                "p3mi": p3mi or "-",
                "negara": negara,
                "rows": part,
            }
        )
    return out


def _pengaduan(ctx: _Ctx) -> None:
    ctx.unit = "Kasus"
    table = ctx.inputs.table("pengaduan")
    rows = ctx.rows(table)
    types = ctx.inputs.references["jenis_masalah"]["kode"].astype(str).tolist()
    for item in pengaduan_rows(ctx.inputs, ctx.quarter):
        part: pd.DataFrame = item["rows"]  # type: ignore[assignment]
        where = f"bulan {item['bulan']}, p3mi = {item['p3mi']}, negara = {item['negara']}"
        members = []
        for code in types:
            for sex in SEXES:
                cell = part[(part["jenis_masalah"] == code) & (part["jenis_kelamin"] == sex)]
                if len(cell):
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


# --- Lampiran IV: returned troubled workers, aggregated ---------------------------------------
def kepulangan_groups(inputs: Inputs, quarter: int) -> dict[str, list[str]]:
    df = inputs.table("kepulangan").df
    df = df[df["_quarter"] == quarter]
    return {
        "kategori": _ordered(df["kategori"]),
        "negara": sorted(_ordered(df["negara"])),
        "kabupaten_kota": sorted(_ordered(df["kabupaten_kota"])),
    }


def _kepulangan(ctx: _Ctx) -> None:
    ctx.unit = "Orang"
    table = ctx.inputs.table("kepulangan")
    rows = ctx.rows(table)
    for dim, values in kepulangan_groups(ctx.inputs, ctx.quarter).items():
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


# --- Lampiran V: verification and test events ------------------------------------------------
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


def _counted(part: pd.DataFrame) -> int:
    """What the events count for the IKU: attendees where recorded, else those registered."""
    return int(part["hadir"].where(part["hadir"].notna(), part["jumlah"]).sum())


def _verifikasi(ctx: _Ctx) -> None:
    ctx.unit = "Orang"
    table = ctx.inputs.table("verifikasi")
    if verifikasi_capped(ctx.inputs, ctx.quarter):
        _verifikasi_recap(ctx)
        return
    totals: dict[str, list[str]] = {column: [] for column in VERIFIKASI_COLUMNS}
    for program, kelompok, part in verifikasi_groups(ctx.inputs, ctx.quarter):
        g = f"verifikasi.{slug(program)}.{slug(kelompok)}"
        group_members: dict[str, list[str]] = {k: [] for k in totals}
        for _, row in part.iterrows():
            rid = slug(row["id"])
            one = part[part["_row"] == row["_row"]]
            for column in VERIFIKASI_COLUMNS[:3]:
                if pd.isna(row[column]):
                    continue
                key = f"{g}.{rid}.{column}"
                ctx.count(
                    key,
                    table,
                    one,
                    f"{row['kegiatan']}: {column.replace('_', ' ')}",
                    f"id = {row['id']}",
                    column=column,
                )
                group_members[column].append(key)
            key = f"{g}.{rid}.dihitung"
            ctx.reg.add(
                key,
                _counted(one),
                kind="count",
                unit="Orang",
                label=f"{row['kegiatan']}: dihitung untuk IKU",
                formula="hadir bila tercatat, selain itu jumlah terdaftar",
                sources=[Source(table.shown, _lines(one), f"id = {row['id']}")],
                function=compute,
                params=ctx.params,
            )
            group_members["dihitung"].append(key)
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


def _verifikasi_recap(ctx: _Ctx) -> None:
    """Above the cap: group subtotals and totals straight from the rows, no per-event values.

    Per-event values would make the registry, the trace appendix and the build grow with the
    data; the ids of the sums stay those of the full list, so every other reader is unchanged.
    """
    table = ctx.inputs.table("verifikasi")
    settings = {**ctx.params, "appendix_max_rows": ctx.inputs.run.params.appendix_max_rows}
    people = replace(ctx, params=settings, unit="Orang")
    events = replace(ctx, params=settings, unit="Kegiatan")

    def sums(prefix: str, part: pd.DataFrame, who: str, where: str, always: bool) -> None:
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
        ctx.reg.add(
            f"{prefix}.dihitung",
            _counted(part),
            kind="count",
            unit="Orang",
            label=f"{who}: dihitung",
            formula=f"Σ (hadir bila tercatat, selain itu jumlah terdaftar), {ctx.period}",
            sources=[Source(table.shown, _lines(part), f"{ctx.period}; {where}")],
            function=compute,
            params=settings,
        )

    for program, kelompok, part in verifikasi_groups(ctx.inputs, ctx.quarter):
        sums(
            f"verifikasi.{slug(program)}.{slug(kelompok)}",
            part,
            f"{program}, {kelompok}",
            f"program = {program}, kelompok = {kelompok}",
            always=False,
        )
    sums(
        "verifikasi.total",
        ctx.rows(table),
        f"Verifikasi dokumen dan ujian {fmt.quarter_label(ctx.quarter)}",
        "semua program dan kelompok",
        always=True,
    )


# --- Lampiran VI: IKPA score card ------------------------------------------------------------
def ikpa_category(score: float, bands: pd.DataFrame) -> str:
    """Highest band whose lower bound the score reaches (bands from data, not code)."""
    for _, band in bands.sort_values("batas_bawah", ascending=False).iterrows():
        if score >= float(band["batas_bawah"]):
            return str(band["kategori"])
    return "-"


def _ikpa(ctx: _Ctx) -> None:
    if "ikpa" not in ctx.inputs.tables:
        return
    table = ctx.inputs.table("ikpa")
    rows = ctx.rows(table)
    if rows.empty:
        return
    weighted, weights, deductions = [], [], []
    for _, row in rows.iterrows():
        one = rows[rows["_row"] == row["_row"]]
        code, name = slug(row["kode"]), row["komponen"]
        src = [Source(table.shown, _lines(one), f"kode = {row['kode']}")]
        nilai, bobot = f"ikpa.{code}.nilai", f"ikpa.{code}.bobot"
        ctx.score(
            nilai,
            float(row["nilai"]),
            f"Nilai IKPA {name}",
            "dari aplikasi OM-SPAN/MonSAKTI",
            sources=src,
        )
        ctx.score(
            bobot,
            int(row["bobot"]),
            f"Bobot IKPA {name}",
            "ketentuan IKPA tahun berjalan",
            sources=src,
            kind="number",
        )
        if row["aspek"] == "Pengurang":
            deductions.append(nilai)
            continue
        applies = str(row["berlaku"]) == "ya"
        value = float(Fraction(str(row["nilai"])) * int(row["bobot"]) / 100) if applies else None
        ctx.score(
            f"ikpa.{code}.nilai_akhir",
            value,
            f"Nilai tertimbang IKPA {name}",
            "nilai × bobot / 100",
            inputs=[nilai, bobot],
        )
        if applies:
            weighted.append(f"ikpa.{code}.nilai_akhir")
            weights.append(bobot)

    def total(ids: list[str]) -> float:
        return float(sum(Fraction(str(ctx.reg[k].value)) for k in ids))

    ctx.score(
        "ikpa.nilai_total",
        total(weighted),
        "Nilai total IKPA",
        "Σ nilai × bobot / 100",
        inputs=weighted,
    )
    ctx.score(
        "ikpa.konversi_bobot",
        total(weights),
        "Konversi bobot IKPA",
        "Σ bobot indikator yang berlaku",
        inputs=weights,
        kind="percent",
    )
    ctx.score(
        "ikpa.pengurang",
        total(deductions),
        "Pengurang IKPA (Dispensasi SPM)",
        "Σ nilai pengurang",
        inputs=deductions,
    )
    parts = ["ikpa.nilai_total", "ikpa.konversi_bobot", "ikpa.pengurang"]
    t, c, d = (Fraction(str(ctx.reg[k].value)) for k in parts)
    final = float(t / c * 100 - d)
    ctx.score(
        "ikpa.nilai_akhir",
        final,
        "Nilai akhir IKPA",
        "nilai total / konversi bobot − pengurang",
        inputs=parts,
    )
    bands = ctx.inputs.references.get("ikpa_kategori")
    if bands is not None:
        ctx.reg.add(
            "ikpa.kategori",
            ikpa_category(final, bands),
            kind="category",
            unit="",
            label="Kategori nilai akhir IKPA",
            formula="kategori menurut batas nilai di data/referensi/ikpa_kategori.csv",
            inputs=["ikpa.nilai_akhir"],
            function=ikpa_category,
            params=ctx.params,
        )
    if "ikpa_aspek" in ctx.inputs.tables:
        aspects = ctx.inputs.table("ikpa_aspek")
        part = ctx.rows(aspects)
        for _, row in part.iterrows():
            one = part[part["_row"] == row["_row"]]
            ctx.score(
                f"ikpa.aspek.{slug(row['aspek'])}",
                float(row["nilai_aspek"]),
                f"Nilai aspek IKPA: {row['aspek']}",
                "nilai aspek sebagaimana tercantum di aplikasi (diimpor apa adanya)",
                sources=[Source(aspects.shown, _lines(one), f"aspek = {row['aspek']}")],
            )


def compute(reg: Registry, inputs: Inputs) -> None:
    run = inputs.run
    ctx = _Ctx(
        reg,
        inputs,
        run.params.quarter,
        run.params.year,
        {"unit": run.params.unit, "year": run.params.year, "quarter": run.params.quarter},
    )
    present = inputs.tables
    if "penempatan" in present:
        _penempatan(ctx)
    if "pengaduan" in present:
        _pengaduan(ctx)
    if "kepulangan" in present:
        _kepulangan(ctx)
    if "verifikasi" in present:
        _verifikasi(ctx)
    _ikpa(ctx)
