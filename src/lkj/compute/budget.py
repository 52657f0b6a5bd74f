"""Budget: pagu per kegiatan and realisation up to the report quarter (Tabel 18, BAB II C).

Value ids: anggaran.pagu_awal, anggaran.<kegiatan>.pagu_awal, anggaran.<kegiatan>.pagu (revised),
anggaran.<kegiatan>.twQ.realisasi, anggaran.<kegiatan>.realisasi (up to the report quarter),
anggaran.<kegiatan>.persen, and the same under anggaran.total.
"""

from __future__ import annotations

from lkj.compute import rules
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt
from lkj.values.registry import Registry, Source


def _sum(values: list[int]) -> int:
    return int(sum(values))


def compute(reg: Registry, inputs: Inputs) -> None:
    run = inputs.run
    q, year = run.params.quarter, run.params.year
    params = {"unit": run.params.unit, "year": year, "quarter": q}
    pagu = inputs.table("pagu")
    spent = inputs.table("realisasi_anggaran")
    sd = f"s.d. {fmt.quarter_label(q)}"
    fn = compute

    totals: dict[str, list[str]] = {"pagu_awal": [], "pagu": [], "realisasi": []}
    quarter_totals: dict[int, list[str]] = {i: [] for i in range(1, q + 1)}
    for keg in inputs.pk.kegiatan:
        kk = keg.kode.lower()
        row = pagu.df[pagu.df["kegiatan"] == keg.kode].iloc[0]
        line = (int(row["_row"]),)
        reg.add(
            f"anggaran.{kk}.pagu_awal",
            int(row["pagu_awal"]),
            kind="money",
            unit="Rp",
            label=f"Pagu awal kegiatan {keg.nama}",
            formula="DIPA awal",
            sources=[Source(pagu.shown, line, f"kegiatan = {keg.kode}")],
            function=fn,
            params=params,
        )
        reg.add(
            f"anggaran.{kk}.pagu",
            int(row["pagu_revisi"]),
            kind="money",
            unit="Rp",
            label=f"Pagu (setelah revisi) kegiatan {keg.nama}",
            formula="DIPA setelah revisi",
            sources=[Source(pagu.shown, line, f"kegiatan = {keg.kode}")],
            function=fn,
            params=params,
        )
        totals["pagu_awal"].append(f"anggaran.{kk}.pagu_awal")
        totals["pagu"].append(f"anggaran.{kk}.pagu")
        mine = spent.df[spent.df["kegiatan"] == keg.kode]
        quarter_ids = []
        for i in range(1, q + 1):
            part = mine[mine["_quarter"] == i]
            key = f"anggaran.{kk}.tw{i}.realisasi"
            reg.add(
                key,
                _sum(part["realisasi"].tolist()),
                kind="money",
                unit="Rp",
                label=f"Realisasi anggaran {fmt.quarter_label(i)} kegiatan {keg.nama}",
                formula=f"Σ realisasi bulanan, {fmt.months_phrase(i, year)}",
                sources=[
                    Source(
                        spent.shown,
                        tuple(int(r) for r in part["_row"]),
                        f"kegiatan = {keg.kode}, {fmt.months_phrase(i, year)}",
                    )
                ],
                function=fn,
                params=params,
            )
            quarter_ids.append(key)
            quarter_totals[i].append(key)
        real_key = f"anggaran.{kk}.realisasi"
        reg.add(
            real_key,
            _sum([reg[k].value for k in quarter_ids]),
            kind="money",
            unit="Rp",
            label=f"Realisasi anggaran {sd} kegiatan {keg.nama}",
            formula=" + ".join(fmt.quarter_label(i) for i in range(1, q + 1)),
            inputs=quarter_ids,
            function=fn,
            params=params,
        )
        totals["realisasi"].append(real_key)
        reg.add(
            f"anggaran.{kk}.persen",
            rules.ratio_percent(reg[real_key].value, reg[f"anggaran.{kk}.pagu"].value),
            kind="percent",
            unit="%",
            label=f"Penyerapan anggaran {sd} kegiatan {keg.nama}",
            formula="realisasi / pagu × 100%",
            inputs=[real_key, f"anggaran.{kk}.pagu"],
            function=rules.ratio_percent,
            params=params,
        )

    labels = {
        "pagu_awal": "Pagu awal",
        "pagu": "Pagu (setelah revisi)",
        "realisasi": f"Realisasi anggaran {sd}",
    }

    def total(key: str, members: list[str], label: str) -> None:
        reg.add(
            key,
            _sum([reg[m].value for m in members]),
            kind="money",
            unit="Rp",
            label=f"{label}, seluruh kegiatan",
            formula="Σ seluruh kegiatan",
            inputs=members,
            function=fn,
            params=params,
        )

    for what, members in totals.items():
        total(f"anggaran.total.{what}", members, labels[what])
    for i, members in quarter_totals.items():
        total(
            f"anggaran.total.tw{i}.realisasi", members, f"Realisasi anggaran {fmt.quarter_label(i)}"
        )
    total_real, total_pagu = reg["anggaran.total.realisasi"].value, reg["anggaran.total.pagu"].value
    reg.add(
        "anggaran.total.persen",
        rules.ratio_percent(total_real, total_pagu),
        kind="percent",
        unit="%",
        label=f"Penyerapan anggaran {sd}, seluruh kegiatan",
        formula="realisasi / pagu × 100%",
        inputs=["anggaran.total.realisasi", "anggaran.total.pagu"],
        function=rules.ratio_percent,
        params=params,
    )
    reg.add(
        "anggaran.total.sisa",
        total_pagu - total_real,
        kind="money",
        unit="Rp",
        label=f"Sisa anggaran {sd}",
        formula="pagu − realisasi",
        inputs=["anggaran.total.pagu", "anggaran.total.realisasi"],
        function=fn,
        params=params,
    )
