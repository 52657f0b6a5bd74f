"""Bars that stay legible whatever the data: the parts every chart of the book shares.

- A missing value (no realisation yet) gets no bar and the label "–", never a bar at 0 %.
- A bar beyond CLIP % is cut there, hatched, and labelled with its true value, so one outlier
  (424,8 %) does not squash the others; the legend says so.
- Axis limits grow until every value label fits inside the axes (headroom for labels).
- The 100 % reference line is drawn in pieces that leave out the labels it would cross.
- Legends sit outside the axes (constrained layout), so they cover neither bars nor labels.
Font sizes are at least MIN_PT at the figure's own size; figures are at most MAX_WIDTH wide
so that the PDF (A4 text width 16,2 cm) never shrinks them below that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text

CLIP = 200.0
MIN_PT = 8.0
MAX_WIDTH = 6.3  # inches; A4 minus the book's margins is 6,38 in
MISSING = "–"
LINE_COLOR = "#c55a11"


def bars(
    ax: Axes,
    positions: Sequence[float],
    values: Sequence[float | None],
    shown: Sequence[str],
    *,
    width: float,
    color: str,
    label: str,
    horizontal: bool,
) -> tuple[BarContainer, list[Text]]:
    """One series of bars with its value labels; returns the bars and the labels."""
    lengths = [0.0 if v is None else min(float(v), CLIP) for v in values]
    draw = ax.barh if horizontal else ax.bar
    container = draw(list(positions), lengths, width, color=color, label=label)
    for patch, value in zip(container.patches, values, strict=True):
        if value is not None and value > CLIP:
            patch.set_hatch("////")
            patch.set_edgecolor("white")
    labels = [MISSING if v is None else s for v, s in zip(values, shown, strict=True)]
    texts = ax.bar_label(container, labels=labels, padding=2, fontsize=MIN_PT)
    return container, list(texts)


def paired_bars(
    ax: Axes,
    count: int,
    series: Sequence[tuple[float, Sequence[Any], str, str]],
    *,
    width: float,
    horizontal: bool,
) -> list[Text]:
    """Several series of registry values side by side per slot: (offset, values, colour,
    legend label) each; returns every value label (for fit_labels and reference_line)."""
    texts: list[Text] = []
    for offset, values, color, name in series:
        _, shown = bars(
            ax,
            [p + offset for p in range(count)],
            [v.value for v in values],
            [v.display for v in values],
            width=width,
            color=color,
            label=name,
            horizontal=horizontal,
        )
        texts += shown
    return texts


def axis_limit(values: Sequence[float | None], floor: float = 110.0) -> float:
    """A first limit of the value axis: every (cut) bar inside; fit_labels adds label room."""
    longest = max((min(float(v), CLIP) for v in values if v is not None), default=0.0)
    return max(floor, longest * 1.05)


def legend_extras(values: Sequence[float | None]) -> list[Any]:
    """Legend entries that explain a dash label and a cut bar, only when the chart has one."""
    extras: list[Any] = []
    if any(v is None for v in values):
        extras.append(Patch(facecolor="none", edgecolor="none", label=f"{MISSING} belum ada data"))
    if any(v is not None and v > CLIP for v in values):
        extras.append(
            Patch(
                facecolor="#7f7f7f",
                hatch="////",
                edgecolor="white",
                label=f"dipotong pada {CLIP:.0f}%, nilai pada label",
            )
        )
    return extras


def legend(fig: Figure, ax: Axes, values: Sequence[float | None], ncols: int) -> None:
    """The legend under the axes, outside them (constrained layout keeps room for it)."""
    handles, names = ax.get_legend_handles_labels()
    extras = legend_extras(values)
    handles += extras
    names += [str(e.get_label()) for e in extras]
    fig.legend(
        handles,
        names,
        loc="outside lower center",
        ncols=min(ncols, len(handles)),
        fontsize=MIN_PT,
        frameon=False,
    )


def fit_labels(fig: Figure, ax: Axes, texts: Sequence[Text], *, horizontal: bool) -> None:
    """Grow the value axis until every label lies inside the axes."""
    for _ in range(4):
        # Lay out and measure without rasterising: the same layout and text extents as
        # canvas.draw() (the PNG is byte-identical), at half the cost of a chart.
        fig.draw_without_rendering()
        box = ax.get_window_extent()
        inverse = ax.transData.inverted()
        ends = [t.get_window_extent() for t in texts if t.get_text()]
        if horizontal:
            need = max((b.x1 for b in ends), default=box.x1)
            if need <= box.x1 - 2:
                return
            limit = inverse.transform((need + 6, 0))[0]
            ax.set_xlim(0, limit)
        else:
            need = max((b.y1 for b in ends), default=box.y1)
            if need <= box.y1 - 2:
                return
            limit = inverse.transform((0, need + 6))[1]
            ax.set_ylim(0, limit)


def reference_line(
    fig: Figure, ax: Axes, value: float, texts: Sequence[Text], *, horizontal: bool
) -> None:
    """The line at `value` % across the axes, interrupted where a label would be crossed.

    `horizontal` as for the bars: horizontal bars get a vertical line.
    """
    fig.draw_without_rendering()
    inverse = ax.transData.inverted()
    pixel = ax.transData.transform((value, 0) if horizontal else (0, value))
    at = pixel[0] if horizontal else pixel[1]
    gaps = []
    for text in texts:
        b = text.get_window_extent().expanded(1.0, 1.0).padded(2)
        lo, hi = (b.x0, b.x1) if horizontal else (b.y0, b.y1)
        if lo <= at <= hi:
            gaps.append((b.y0, b.y1) if horizontal else (b.x0, b.x1))
    box = ax.get_window_extent()
    start, stop = (box.y0, box.y1) if horizontal else (box.x0, box.x1)
    pieces = []
    for lo, hi in sorted(gaps):
        if lo > start:
            pieces.append((start, lo))
        start = max(start, hi)
    if start < stop:
        pieces.append((start, stop))
    limits = ax.get_xlim(), ax.get_ylim()
    style: dict[str, Any] = {
        "color": LINE_COLOR,
        "linewidth": 1,
        "linestyle": "--",
        "gid": "lkj-reference",
    }
    for lo, hi in pieces:
        if horizontal:
            y0, y1 = inverse.transform((0, lo))[1], inverse.transform((0, hi))[1]
            ax.plot([value, value], [y0, y1], **style)
        else:
            x0, x1 = inverse.transform((lo, 0))[0], inverse.transform((hi, 0))[0]
            ax.plot([x0, x1], [value, value], **style)
    # plotting would otherwise widen the limits to the line's ends
    ax.set_xlim(*limits[0])
    ax.set_ylim(*limits[1])
