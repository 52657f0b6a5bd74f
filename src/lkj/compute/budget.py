"""Budget: pagu per kegiatan and realisation up to the report quarter (Tabel 18, BAB II C).

Value ids: anggaran.pagu_awal, anggaran.<kegiatan>.pagu_awal, anggaran.<kegiatan>.pagu (revised),
anggaran.<kegiatan>.twQ.realisasi, anggaran.<kegiatan>.realisasi (up to the report quarter),
anggaran.<kegiatan>.persen, and the same under anggaran.total.
"""

from __future__ import annotations

from lkj.compute import rules
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt
from lkj.values.factory import ValueFactory
from lkj.values.registry import Registry, Source


def _sum(values: list[int]) -> int:
    return int(sum(values))


def compute(reg: Registry, inputs: Inputs) -> None:
    values = ValueFactory.for_run(reg, inputs.run.params, compute)
    totals: dict[str, list[str]] = {"pagu_awal": [], "pagu": [], "realisasi": []}
    quarter_totals: dict[int, list[str]] = {i: [] for i in range(1, inputs.run.params.quarter + 1)}
    for keg in inputs.pk.kegiatan:
        kk = keg.kode.lower()
        _pagu(values, inputs, keg.kode, keg.nama)
        totals["pagu_awal"].append(f"anggaran.{kk}.pagu_awal")
        totals["pagu"].append(f"anggaran.{kk}.pagu")
        quarter_ids = _quarters(values, inputs, keg.kode, keg.nama)
        for i, key in enumerate(quarter_ids, start=1):
            quarter_totals[i].append(key)
        totals["realisasi"].append(_realisation(values, inputs, keg.kode, keg.nama, quarter_ids))
    _totals(values, inputs, totals, quarter_totals)


def _pagu(values: ValueFactory, inputs: Inputs, kode: str, nama: str) -> None:
    pagu = inputs.table("pagu")
    kk = kode.lower()
    row = pagu.df[pagu.df["kegiatan"] == kode].iloc[0]
    line = (int(row["_row"]),)
    values.add(
        f"anggaran.{kk}.pagu_awal",
        int(row["pagu_awal"]),
        kind="money",
        unit="Rp",
        label=f"Pagu awal kegiatan {nama}",
        formula="DIPA awal",
        sources=[Source(pagu.shown, line, f"kegiatan = {kode}")],
    )
    values.add(
        f"anggaran.{kk}.pagu",
        int(row["pagu_revisi"]),
        kind="money",
        unit="Rp",
        label=f"Pagu (setelah revisi) kegiatan {nama}",
        formula="DIPA setelah revisi",
        sources=[Source(pagu.shown, line, f"kegiatan = {kode}")],
    )


def _quarters(values: ValueFactory, inputs: Inputs, kode: str, nama: str) -> list[str]:
    """Spending of one kegiatan per quarter up to the report quarter; returns the value ids."""
    spent = inputs.table("realisasi_anggaran")
    q, year = inputs.run.params.quarter, inputs.run.params.year
    mine = spent.df[spent.df["kegiatan"] == kode]
    quarter_ids = []
    for i in range(1, q + 1):
        part = mine[mine["_quarter"] == i]
        key = f"anggaran.{kode.lower()}.tw{i}.realisasi"
        values.add(
            key,
            _sum(part["realisasi"].tolist()),
            kind="money",
            unit="Rp",
            label=f"Realisasi anggaran {fmt.quarter_label(i)} kegiatan {nama}",
            formula=f"Σ realisasi bulanan, {fmt.months_phrase(i, year)}",
            sources=[
                Source(
                    spent.shown,
                    tuple(int(r) for r in part["_row"]),
                    f"kegiatan = {kode}, {fmt.months_phrase(i, year)}",
                )
            ],
        )
        quarter_ids.append(key)
    return quarter_ids


def _realisation(
    values: ValueFactory, inputs: Inputs, kode: str, nama: str, quarter_ids: list[str]
) -> str:
    """Spending up to the report quarter and the share of the pagu it is; returns its id."""
    reg, q = values.registry, inputs.run.params.quarter
    kk = kode.lower()
    sd = f"s.d. {fmt.quarter_label(q)}"
    real_key = f"anggaran.{kk}.realisasi"
    values.add(
        real_key,
        _sum([reg[k].value for k in quarter_ids]),
        kind="money",
        unit="Rp",
        label=f"Realisasi anggaran {sd} kegiatan {nama}",
        formula=" + ".join(fmt.quarter_label(i) for i in range(1, q + 1)),
        inputs=quarter_ids,
    )
    values.by(rules.ratio_percent).add(
        f"anggaran.{kk}.persen",
        rules.ratio_percent(reg[real_key].value, reg[f"anggaran.{kk}.pagu"].value),
        kind="percent",
        unit="%",
        label=f"Penyerapan anggaran {sd} kegiatan {nama}",
        formula="realisasi / pagu × 100%",
        inputs=[real_key, f"anggaran.{kk}.pagu"],
    )
    return real_key


def _totals(
    values: ValueFactory,
    inputs: Inputs,
    totals: dict[str, list[str]],
    quarter_totals: dict[int, list[str]],
) -> None:
    reg = values.registry
    sd = f"s.d. {fmt.quarter_label(inputs.run.params.quarter)}"
    labels = {
        "pagu_awal": "Pagu awal",
        "pagu": "Pagu (setelah revisi)",
        "realisasi": f"Realisasi anggaran {sd}",
    }

    def total(key: str, members: list[str], label: str) -> None:
        values.add(
            key,
            _sum([reg[m].value for m in members]),
            kind="money",
            unit="Rp",
            label=f"{label}, seluruh kegiatan",
            formula="Σ seluruh kegiatan",
            inputs=members,
        )

    for what, members in totals.items():
        total(f"anggaran.total.{what}", members, labels[what])
    for i, members in quarter_totals.items():
        total(
            f"anggaran.total.tw{i}.realisasi", members, f"Realisasi anggaran {fmt.quarter_label(i)}"
        )
    total_real, total_pagu = reg["anggaran.total.realisasi"].value, reg["anggaran.total.pagu"].value
    values.by(rules.ratio_percent).add(
        "anggaran.total.persen",
        rules.ratio_percent(total_real, total_pagu),
        kind="percent",
        unit="%",
        label=f"Penyerapan anggaran {sd}, seluruh kegiatan",
        formula="realisasi / pagu × 100%",
        inputs=["anggaran.total.realisasi", "anggaran.total.pagu"],
    )
    values.add(
        "anggaran.total.sisa",
        total_pagu - total_real,
        kind="money",
        unit="Rp",
        label=f"Sisa anggaran {sd}",
        formula="pagu − realisasi",
        inputs=["anggaran.total.pagu", "anggaran.total.realisasi"],
    )
