"""Charts of the book (matplotlib), labelled in Indonesian with the registry's own displays."""

from __future__ import annotations

import textwrap
from typing import Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from matplotlib.typing import RcKeyType

from lkj.compute.appendices import penempatan_layout, slug
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt
from lkj.values.registry import Registry, Value

# Print-safe palette (distinct in greyscale too) and one font size for print.
COLORS = ("#1f4e79", "#9dc3e6", "#c55a11", "#7f7f7f")
STYLE: dict[RcKeyType, Any] = {
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "lkj",
    "figure.dpi": 150,
}


def subplots(figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    """A Figure without pyplot: no global state, no backend, nothing shown twice in Jupyter."""
    with rc_context(STYLE):
        fig = Figure(figsize=figsize, dpi=150)
        ax = fig.add_subplot()
    return fig, ax


def _label_values(fig: Figure, labelled: list[tuple[str, Value]]) -> None:
    """Remember which registry values the chart prints: lkj.book.display.figure lists them as
    clickable numbers under the chart in HTML (a PNG's labels cannot carry ids)."""
    # An attribute of our own on the Figure: it travels with the figure to display.figure.
    fig.lkj_values = [  # type: ignore[attr-defined]
        (f"{name}: {v.display_with_unit}", v.id) for name, v in labelled
    ]


def pct_axis(ax: Axes, axis: str = "x") -> None:
    """Tick labels of the axis as Indonesian percentages ('75%')."""
    formatter = FuncFormatter(lambda v, _: fmt.percent(v, 0))
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(formatter)


def capaian_per_iku(reg: Registry, inputs: Inputs) -> Figure:
    """Horizontal bars per IKU: TW realisation vs annual target, and cumulative, against 100 %."""
    q = inputs.run.params.quarter
    ikus = list(reversed(inputs.pk.iku))
    labels = [f"IKU {i.nomor}" for i in ikus]
    tw = [reg[f"{i.key}.tw{q}.capaian_tahunan"] for i in ikus]
    sd = [reg[f"{i.key}.sd_tw{q}.capaian"] for i in ikus]
    fig, ax = subplots(figsize=(7, 0.38 * len(ikus) + 1.2))
    y = range(len(ikus))
    h = 0.38
    bars_tw = ax.barh(
        [p + h / 2 for p in y],
        [v.value or 0 for v in tw],
        h,
        color=COLORS[1],
        label=f"{fmt.quarter_label(q)} terhadap target tahunan",
    )
    bars_sd = ax.barh(
        [p - h / 2 for p in y],
        [v.value or 0 for v in sd],
        h,
        color=COLORS[0],
        label=f"s.d. {fmt.quarter_label(q)} terhadap target tahunan",
    )
    for bars, values in ((bars_tw, tw), (bars_sd, sd)):
        shown = [v.display if v.value is not None else "belum terealisasi" for v in values]
        ax.bar_label(bars, labels=shown, padding=2, fontsize=7)
    ax.axvline(100, color=COLORS[2], linewidth=1, linestyle="--")
    ax.set_yticks(list(y), labels)
    pct_axis(ax)
    ax.set_xlim(0, max(130, max((v.value or 0) for v in [*tw, *sd]) * 1.15))
    ax.set_xlabel("Capaian (%)")
    fig.legend(loc="lower center", ncols=2, fontsize=7, frameon=False)
    ax.set_title("Capaian IKU terhadap target tahunan", fontsize=10)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    tw_label, sd_label = fmt.quarter_label(q), f"s.d. {fmt.quarter_label(q)}"
    _label_values(
        fig,
        # in PK order (the bars run bottom-up, so the lists above are reversed)
        [(f"{label} {tw_label}", v) for label, v in zip(labels[::-1], tw[::-1], strict=True)]
        + [(f"{label} {sd_label}", v) for label, v in zip(labels[::-1], sd[::-1], strict=True)],
    )
    return fig


def penempatan_per_bulan(reg: Registry, inputs: Inputs) -> Figure:
    """Placements per month of the quarter, stacked by service point."""
    q = inputs.run.params.quarter
    layanan = penempatan_layout(inputs)["layanan"]
    months = fmt.quarter_months(q)
    fig, ax = subplots(figsize=(6.5, 3.2))
    bottoms = [0] * len(months)
    names = [fmt.month_name(m) for m in months]
    for color, name in zip(COLORS, layanan, strict=False):
        values = []
        for m in months:
            ids = reg.ids(f"penempatan.m{m:02d}.{slug(name)}.*")
            values.append(sum(reg[i].value for i in ids))
        ax.bar(names, values, bottom=bottoms, color=color, label=name)
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    totals = [reg[f"penempatan.m{m:02d}.total"] for m in months]
    for x, (top, value) in enumerate(zip(bottoms, totals, strict=True)):
        ax.annotate(
            value.display,
            (x, top),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, 0)))
    ax.set_ylabel("Orang")
    ax.set_ylim(0, max(bottoms) * 1.15 if max(bottoms) else 1)
    ax.legend(fontsize=7, frameon=False, loc="upper left")
    ax.set_title(
        f"Penempatan PMI per bulan, {fmt.quarter_label(q)} {inputs.run.params.year}", fontsize=10
    )
    fig.tight_layout()
    _label_values(fig, [(n, v) for n, v in zip(names, totals, strict=True)])
    return fig


def anggaran_vs_kinerja(reg: Registry, inputs: Inputs) -> Figure:
    """Per kegiatan: budget absorption next to average performance."""
    q = inputs.run.params.quarter
    kegiatan = [
        k for k in inputs.pk.kegiatan if f"kegiatan.{k.kode.lower()}.tw{q}.capaian_tahunan" in reg
    ]
    # "\$": a "$" in a kegiatan name is text, not mathtext (nor a parse error)
    labels = [textwrap.fill(k.nama, 34).replace("$", r"\$") for k in kegiatan]
    serap = [reg[f"anggaran.{k.kode.lower()}.persen"] for k in kegiatan]
    kinerja = [reg[f"kegiatan.{k.kode.lower()}.tw{q}.capaian_tahunan"] for k in kegiatan]
    fig, ax = subplots(figsize=(6.5, 3.2))
    x = range(len(kegiatan))
    w = 0.36
    b1 = ax.bar(
        [p - w / 2 for p in x],
        [v.value or 0 for v in serap],
        w,
        color=COLORS[1],
        label="Penyerapan anggaran",
    )
    b2 = ax.bar(
        [p + w / 2 for p in x],
        [v.value or 0 for v in kinerja],
        w,
        color=COLORS[0],
        label="Rata-rata capaian kinerja",
    )
    ax.bar_label(b1, labels=[v.display for v in serap], padding=2, fontsize=8)
    ax.bar_label(b2, labels=[v.display for v in kinerja], padding=2, fontsize=8)
    ax.set_xticks(list(x), labels, fontsize=7)
    pct_axis(ax, "y")
    ax.set_ylim(0, max(110, max((v.value or 0) for v in [*serap, *kinerja]) * 1.2))
    ax.legend(fontsize=7, frameon=False, loc="upper right")
    ax.set_title(
        f"Penyerapan anggaran dan capaian kinerja per kegiatan, s.d. {fmt.quarter_label(q)}",
        fontsize=10,
    )
    fig.tight_layout()
    short = [k.kode for k in kegiatan]
    _label_values(
        fig,
        [(f"Penyerapan {k}", v) for k, v in zip(short, serap, strict=True)]
        + [(f"Capaian {k}", v) for k, v in zip(short, kinerja, strict=True)],
    )
    return fig
