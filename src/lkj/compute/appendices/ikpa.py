"""The IKPA score card (Lampiran IKPA): weighted component scores, totals, the final score and
its category, and the aspect scores as the application prints them.

Value ids: ikpa.<kode>.nilai/.bobot/.nilai_akhir, ikpa.nilai_total, ikpa.konversi_bobot,
ikpa.pengurang, ikpa.nilai_akhir, ikpa.kategori, ikpa.aspek.<aspek>.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import pandas as pd

from lkj.compute.appendices.common import Ctx, lines, slug
from lkj.inputs.load import Inputs
from lkj.values.registry import Registry, Source


def ikpa_category(score: float, bands: pd.DataFrame) -> str:
    """Highest band whose lower bound the score reaches (bands from data, not code)."""
    for _, band in bands.sort_values("batas_bawah", ascending=False).iterrows():
        if score >= float(band["batas_bawah"]):
            return str(band["kategori"])
    return "-"


@dataclass
class _Parts:
    """Ids of the components that enter each total."""

    weighted: list[str] = field(default_factory=list)
    weights: list[str] = field(default_factory=list)
    deductions: list[str] = field(default_factory=list)


def compute(reg: Registry, inputs: Inputs) -> None:
    if "ikpa" not in inputs.tables:
        return
    ctx = Ctx.of(reg, inputs, compute)
    rows = ctx.rows(inputs.table("ikpa"))
    if rows.empty:
        return
    parts = _Parts()
    for _, row in rows.iterrows():
        _component(ctx, rows, row, parts)
    _totals(ctx, parts)
    if "ikpa_aspek" in inputs.tables:
        _aspects(ctx)


def _component(ctx: Ctx, rows: pd.DataFrame, row: pd.Series, parts: _Parts) -> None:
    """One component's score and weight, and its weighted score unless it is a deduction."""
    table = ctx.inputs.table("ikpa")
    one = rows[rows["_row"] == row["_row"]]
    code, name = slug(row["kode"]), row["komponen"]
    src = [Source(table.shown, lines(one), f"kode = {row['kode']}")]
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
        parts.deductions.append(nilai)
        return
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
        parts.weighted.append(f"ikpa.{code}.nilai_akhir")
        parts.weights.append(bobot)


def _totals(ctx: Ctx, parts: _Parts) -> None:
    """The card's totals (exact sums: fractions, not floats), final score and category."""

    def total(ids: list[str]) -> float:
        return float(sum(Fraction(str(ctx.reg[k].value)) for k in ids))

    ctx.score(
        "ikpa.nilai_total",
        total(parts.weighted),
        "Nilai total IKPA",
        "Σ nilai × bobot / 100",
        inputs=parts.weighted,
    )
    ctx.score(
        "ikpa.konversi_bobot",
        total(parts.weights),
        "Konversi bobot IKPA",
        "Σ bobot indikator yang berlaku",
        inputs=parts.weights,
        kind="percent",
    )
    ctx.score(
        "ikpa.pengurang",
        total(parts.deductions),
        "Pengurang IKPA (Dispensasi SPM)",
        "Σ nilai pengurang",
        inputs=parts.deductions,
    )
    ids = ["ikpa.nilai_total", "ikpa.konversi_bobot", "ikpa.pengurang"]
    t, c, d = (Fraction(str(ctx.reg[k].value)) for k in ids)
    final = float(t / c * 100 - d)
    ctx.score(
        "ikpa.nilai_akhir",
        final,
        "Nilai akhir IKPA",
        "nilai total / konversi bobot − pengurang",
        inputs=ids,
    )
    bands = ctx.inputs.references.get("ikpa_kategori")
    if bands is not None:
        ctx.values.by(ikpa_category).add(
            "ikpa.kategori",
            ikpa_category(final, bands),
            kind="category",
            unit="",
            label="Kategori nilai akhir IKPA",
            formula="kategori menurut batas nilai di data/referensi/ikpa_kategori.csv",
            inputs=["ikpa.nilai_akhir"],
        )


def _aspects(ctx: Ctx) -> None:
    """Aspect scores are imported as printed: the card's own rounding, not recomputed."""
    aspects = ctx.inputs.table("ikpa_aspek")
    part = ctx.rows(aspects)
    for _, row in part.iterrows():
        one = part[part["_row"] == row["_row"]]
        ctx.score(
            f"ikpa.aspek.{slug(row['aspek'])}",
            float(row["nilai_aspek"]),
            f"Nilai aspek IKPA: {row['aspek']}",
            "nilai aspek sebagaimana tercantum di aplikasi (diimpor apa adanya)",
            sources=[Source(aspects.shown, lines(one), f"aspek = {row['aspek']}")],
        )
