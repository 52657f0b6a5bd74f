"""Criterion bands (pk.yml `iku[].kriteria`, else unit.yml `kriteria`): a label per capaian.

A band is chosen by the capaian as the book shows it (rounded by the params' rules), so a
reader never sees "90%" labelled below the band that starts at 90. Each label is a value of
its own (`ikuNN.twQ.kriteria`, `.kriteria_tahunan`, `ikuNN.sd_twQ.kriteria`) computed from the
capaian and citing the file the bands come from.
"""

from __future__ import annotations

from lkj.inputs.unit import Band
from lkj.values import formatting as fmt
from lkj.values.factory import ValueFactory
from lkj.values.registry import Registry, Source

# capaian value id's last segment → the id of its label
KRITERIA_OF = {"capaian": "kriteria", "capaian_tahunan": "kriteria_tahunan"}


def band(capaian: float | None, bands: list[Band]) -> str | None:
    """The label of the first band (highest first) whose lower bound the capaian reaches."""
    if capaian is None:
        return None
    return next((b.label for b in bands if capaian >= b.batas_bawah), None)


def kriteria_id(capaian_id: str) -> str:
    """iku01.tw2.capaian → iku01.tw2.kriteria; …capaian_tahunan → …kriteria_tahunan."""
    head, last = capaian_id.rsplit(".", 1)
    return f"{head}.{KRITERIA_OF[last]}"


def describe(bands: list[Band]) -> str:
    """'≥ 90: Sangat Baik; ≥ 80: Baik; …' (the formula of a label)."""
    return "; ".join(f"≥ {fmt.number(b.batas_bawah)}: {b.label}" for b in bands)


def add_kriteria(
    values: ValueFactory, reg: Registry, capaian_id: str, bands: list[Band], source: Source
) -> str:
    """Register the band label of one capaian; returns its id."""
    item = reg[capaian_id]
    shown = None
    if isinstance(item.value, int | float):
        decimals, mode = reg.rounding_for(capaian_id)
        shown = float(fmt.round_decimal(item.value, decimals, mode))
    label = band(shown, bands)
    note = ""
    if shown is not None and label is None:
        note = "capaian di bawah batas kriteria terendah"
    key = kriteria_id(capaian_id)
    values.by(band).add(
        key,
        label,
        kind="text",
        label=f"Kriteria {item.label[0].lower()}{item.label[1:]}",
        formula=f"kriteria menurut capaian (dibulatkan seperti tampilannya): {describe(bands)}",
        inputs=[capaian_id],
        sources=[source],
        note=note,
    )
    return key
