"""Charts of the book (matplotlib), labelled in Indonesian with the registry's own displays."""

from __future__ import annotations

import textwrap
from typing import Any

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from matplotlib.typing import RcKeyType

from lkj.book import chartkit as kit
from lkj.compute.appendices import penempatan_layout, slug
from lkj.inputs.load import Inputs
from lkj.values import formatting as fmt
from lkj.values.registry import Registry, Value

# Print-safe palette (distinct in greyscale too) and one font size for print.
COLORS = ("#1f4e79", "#9dc3e6", "#c55a11", "#7f7f7f")
STYLE: dict[RcKeyType, Any] = {
    "font.size": 9,  # ≥ kit.MIN_PT: figures are at most kit.MAX_WIDTH wide, never shrunk
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "lkj",
    "figure.dpi": 150,
}


def subplots(
    figsize: tuple[float, float], ncols: int = 1, nrows: int = 1
) -> tuple[Figure, list[Axes]]:
    """A Figure without pyplot: no global state, no backend, nothing shown twice in Jupyter.
    The axes come row by row.

    Constrained layout keeps room for legends outside the axes (lkj.book.chartkit)."""
    with rc_context(STYLE):
        fig = Figure(figsize=figsize, dpi=150, layout="constrained")
        # A real (Agg) canvas: its renderer measures the texts when chartkit lays out.
        FigureCanvasAgg(fig)
        axes = list(fig.subplots(nrows, ncols, squeeze=False).flat)
    return fig, axes


def label_values(fig: Figure, labelled: list[tuple[str, Value]]) -> None:
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
    """Horizontal bars per IKU against the annual target: this quarter's realisation alone and
    the cumulative one (s.d. this quarter), with the 100 % line."""
    q = inputs.run.params.quarter
    tw = fmt.quarter_label(q)
    ikus = list(reversed(inputs.pk.iku))
    term = inputs.unit.istilah.iku
    labels = [f"{term} {i.nomor}" for i in ikus]
    quarter = [reg[f"{i.key}.tw{q}.capaian_tahunan"] for i in ikus]
    cumulative = [reg[f"{i.key}.sd_tw{q}.capaian"] for i in ikus]
    fig, (ax,) = subplots(figsize=(kit.MAX_WIDTH, 0.36 * len(ikus) + 1.6))
    h = 0.4
    series = (
        (h / 2, quarter, COLORS[1], f"{tw} saja"),
        (-h / 2, cumulative, COLORS[0], f"s.d. {tw} (kumulatif)"),
    )
    texts = kit.paired_bars(ax, len(ikus), series, width=h, horizontal=True)
    every = [v.value for v in [*quarter, *cumulative]]
    ax.set_yticks(list(range(len(ikus))), labels)
    pct_axis(ax)
    ax.set_xlim(0, kit.axis_limit(every))
    ax.set_xlabel("Capaian terhadap target tahunan (%)")
    ax.set_title(f"Capaian {term} {tw} dan s.d. {tw} terhadap target tahunan", fontsize=9)
    kit.legend(fig, ax, every, ncols=4)
    kit.fit_labels(fig, ax, texts, horizontal=True)
    kit.reference_line(fig, ax, 100, texts, horizontal=True)
    label_values(
        fig,
        # in PK order (the bars run bottom-up, so the lists above are reversed)
        [(f"{label} {tw}", v) for label, v in zip(labels[::-1], quarter[::-1], strict=True)]
        + [
            (f"{label} s.d. {tw}", v)
            for label, v in zip(labels[::-1], cumulative[::-1], strict=True)
        ],
    )
    return fig


def penempatan_per_bulan(reg: Registry, inputs: Inputs) -> Figure:
    """Placements per month of the quarter, stacked by service point, totals on top."""
    q = inputs.run.params.quarter
    layanan = penempatan_layout(inputs)["layanan"]
    months = fmt.quarter_months(q)
    fig, (ax,) = subplots(figsize=(kit.MAX_WIDTH, 3.4))
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
    texts = [
        ax.annotate(
            value.display,
            (x, top),
            ha="center",
            va="bottom",
            fontsize=kit.MIN_PT,
            xytext=(0, 2),
            textcoords="offset points",
        )
        for x, (top, value) in enumerate(zip(bottoms, totals, strict=True))
    ]
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.number(v, 0)))
    ax.set_ylabel("Orang per bulan")
    ax.set_ylim(0, max(bottoms) * 1.1 if max(bottoms) else 1)
    ax.set_title(
        f"Penempatan PMI per bulan, {fmt.quarter_label(q)} {inputs.run.params.year}", fontsize=9
    )
    kit.legend(fig, ax, [], ncols=4)
    kit.fit_labels(fig, ax, texts, horizontal=False)
    label_values(fig, [(n, v) for n, v in zip(names, totals, strict=True)])
    return fig


def anggaran_vs_kinerja(reg: Registry, inputs: Inputs) -> Figure:
    """Per kegiatan, both up to this quarter: budget absorbed (realisation s.d. TW / pagu)
    next to the average cumulative capaian of its IKUs against the annual target."""
    q = inputs.run.params.quarter
    tw = fmt.quarter_label(q)
    kegiatan = [
        k for k in inputs.pk.kegiatan if f"kegiatan.{k.kode.lower()}.sd_tw{q}.capaian" in reg
    ]
    # "\$": a "$" in a kegiatan name is text, not mathtext (nor a parse error)
    labels = [textwrap.fill(k.nama, 26).replace("$", r"\$") for k in kegiatan]
    serap = [reg[f"anggaran.{k.kode.lower()}.persen"] for k in kegiatan]
    kinerja = [reg[f"kegiatan.{k.kode.lower()}.sd_tw{q}.capaian"] for k in kegiatan]
    fig, (ax,) = subplots(figsize=(kit.MAX_WIDTH, 3.6))
    w = 0.36
    series = (
        (-w / 2, serap, COLORS[1], f"Penyerapan anggaran s.d. {tw}"),
        (w / 2, kinerja, COLORS[0], f"Rata-rata capaian kinerja s.d. {tw}"),
    )
    texts = kit.paired_bars(ax, len(kegiatan), series, width=w, horizontal=False)
    ax.set_xticks(list(range(len(kegiatan))), labels, fontsize=kit.MIN_PT)
    pct_axis(ax, "y")
    ax.set_ylim(0, kit.axis_limit([v.value for v in [*serap, *kinerja]]))
    ax.set_ylabel("Persen (s.d. triwulan ini)")
    ax.set_title(f"Penyerapan anggaran dan capaian kinerja per kegiatan, s.d. {tw}", fontsize=9)
    kit.legend(fig, ax, [v.value for v in [*serap, *kinerja]], ncols=2)
    kit.fit_labels(fig, ax, texts, horizontal=False)
    kit.reference_line(fig, ax, 100, texts, horizontal=False)
    short = [k.kode for k in kegiatan]
    label_values(
        fig,
        [(f"Penyerapan {k} s.d. {tw}", v) for k, v in zip(short, serap, strict=True)]
        + [(f"Capaian {k} s.d. {tw}", v) for k, v in zip(short, kinerja, strict=True)],
    )
    return fig


# dataset → its monthly chart (buku.yml `grafik_bulanan` names datasets drawn here)
MONTHLY = {"penempatan": penempatan_per_bulan}
