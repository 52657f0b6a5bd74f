"""Charts of the annual book: capaian per sasaran (Ikhtisar), each IKU's years (small
multiples) and progress toward the end-of-plan Renstra target, with the plan's own place.

Drawn with the quarterly book's style and parts (lkj.book.charts, lkj.book.chartkit): missing
values get a dash, never a zero bar; labels are the registry's displays.
"""

from __future__ import annotations

import math
import textwrap

from matplotlib.figure import Figure

from lkj.book import chartkit as kit
from lkj.book.charts import COLORS, label_values, pct_axis, subplots
from lkj.inputs.pk import PK, Iku
from lkj.inputs.unit import Terms
from lkj.values.registry import Registry, Value


def capaian_sasaran(reg: Registry, pk: PK, t: Terms) -> Figure:
    """One bar per sasaran: the mean capaian of its IKUs in the year, with the 100 % line."""
    sasaran = [s for s in pk.sasaran if f"tahunan.{s.kode.lower()}.capaian" in reg]
    values = [reg[f"tahunan.{s.kode.lower()}.capaian"] for s in sasaran][::-1]
    labels = [
        textwrap.shorten(f"{n}. {s.uraian}", 48, placeholder="…")
        for n, s in enumerate(sasaran, start=1)
    ][::-1]
    fig, (ax,) = subplots(figsize=(kit.MAX_WIDTH, 0.34 * len(sasaran) + 1.3))
    _, texts = kit.bars(
        ax,
        list(range(len(values))),
        [v.value for v in values],
        [v.display for v in values],
        width=0.6,
        color=COLORS[0],
        label=f"Rata-rata capaian {t.iku} sasaran",
        horizontal=True,
    )
    ax.set_yticks(list(range(len(values))), labels, fontsize=kit.MIN_PT)
    pct_axis(ax)
    ax.set_xlim(0, kit.axis_limit([v.value for v in values]))
    ax.set_xlabel("Capaian terhadap target Perjanjian Kinerja (%)")
    kit.legend(fig, ax, [v.value for v in values], ncols=2)
    kit.fit_labels(fig, ax, texts, horizontal=True)
    kit.reference_line(fig, ax, 100, texts, horizontal=True)
    label_values(fig, [(f"Sasaran {len(values) - i}", v) for i, v in enumerate(values)][::-1])
    return fig


def _series(reg: Registry, iku: Iku, year: int) -> list[tuple[int, Value]]:
    years = sorted(int(i.rsplit(".", 1)[1]) for i in reg.ids(f"tahunan.{iku.key}.riwayat.*"))
    out = [(y, reg[f"tahunan.{iku.key}.riwayat.{y}"]) for y in years if y < year]
    return [*out, (year, reg[f"{iku.key}.sd_tw4.realisasi"])]


def riwayat(reg: Registry, pk: PK, year: int, t: Terms) -> Figure:
    """Small multiples: each numeric IKU's realisation per year, the report year dark."""
    ikus = [i for i in pk.iku if i.jenis != "kategori"]
    ncols = 3
    nrows = max(1, math.ceil(len(ikus) / ncols))
    fig, axes = subplots((kit.MAX_WIDTH, 1.75 * nrows + 0.4), ncols, nrows)
    labelled: list[tuple[str, Value]] = []
    for index, ax in enumerate(axes):
        if index >= len(ikus):
            ax.set_visible(False)
            continue
        iku = ikus[index]
        series = _series(reg, iku, year)
        heights = [float(v.value) if v.value is not None else 0.0 for _, v in series]
        colors = [COLORS[0] if y == year else COLORS[1] for y, _ in series]
        bars = ax.bar([str(y) for y, _ in series], heights, color=colors, width=0.7)
        shown = [kit.MISSING if v.value is None else v.display for _, v in series]
        ax.bar_label(bars, labels=shown, padding=1, fontsize=kit.MIN_PT)
        ax.set_title(f"{t.iku} {iku.nomor} ({iku.satuan or 'nilai'})", fontsize=kit.MIN_PT)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="x", labelsize=kit.MIN_PT)
        ax.set_ylim(0, max([*heights, 1.0]) * 1.35)
        labelled += [(f"{t.iku} {iku.nomor} {y}", v) for y, v in series]
    label_values(fig, labelled)
    return fig


def renstra(reg: Registry, pk: PK, t: Terms) -> Figure:
    """Per IKU: % of the end-of-plan target reached (bar) and where the plan itself stands
    this year (marker), with the 100 % line (the end target)."""
    ikus = [i for i in pk.iku if f"tahunan.{i.key}.renstra.capaian_akhir" in reg][::-1]
    reached = [reg[f"tahunan.{i.key}.renstra.capaian_akhir"] for i in ikus]
    fig, (ax,) = subplots(figsize=(kit.MAX_WIDTH, 0.36 * len(ikus) + 1.6))
    _, texts = kit.bars(
        ax,
        list(range(len(ikus))),
        [v.value for v in reached],
        [v.display for v in reached],
        width=0.6,
        color=COLORS[0],
        label="Realisasi tahun ini, % target akhir Renstra",
        horizontal=True,
    )
    path = [
        (n, reg[f"tahunan.{i.key}.renstra.posisi"])
        for n, i in enumerate(ikus)
        if f"tahunan.{i.key}.renstra.posisi" in reg
    ]
    ax.scatter(
        [min(float(v.value), kit.CLIP) for _, v in path],
        [n for n, _ in path],
        marker="|",
        s=260,
        linewidths=2.5,
        color=COLORS[2],
        zorder=2.5,
        label="Jalur Renstra tahun ini, % target akhir",
    )
    for text in texts:  # the plan's marker may sit under a label: the label stays readable
        text.set_bbox({"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85})
    ax.set_yticks(list(range(len(ikus))), [f"{t.iku} {i.nomor}" for i in ikus])
    pct_axis(ax)
    every = [v.value for v in reached]
    ax.set_xlim(0, kit.axis_limit(every))
    ax.set_xlabel("Persentase target akhir Renstra (%)")
    kit.legend(fig, ax, every, ncols=2)
    kit.fit_labels(fig, ax, texts, horizontal=True)
    kit.reference_line(fig, ax, 100, texts, horizontal=True)
    label_values(
        fig,
        [(f"{t.iku} {i.nomor}", v) for i, v in zip(ikus, reached, strict=True)][::-1]
        + [(f"Jalur {t.iku} {ikus[n].nomor}", v) for n, v in path][::-1],
    )
    return fig
