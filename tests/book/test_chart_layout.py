"""Every chart of every shipped params file, as matplotlib draws it: no value label, tick
label, title or legend overlaps another, a bar, or the 100 % line; nothing is cut off; fonts
are at least 8 pt at a width the A4 page does not shrink. Boxes come from the drawn figure
(`fig.canvas.draw()`, `get_window_extent()`), not from our own layout arithmetic."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from lkj.book import charts, comparison
from lkj.book.annual import Annual
from lkj.book.chartkit import CLIP, MISSING
from lkj.book.core import Book

ROOT = Path(__file__).resolve().parents[2]
PARAMS = sorted((ROOT / "params").glob("*.yml"))
TOLERANCE = 1.0  # pixels at 150 dpi: boxes that only touch do not overlap


def _charts(book: Book) -> dict[str, Figure]:
    if book.params.kind == "tahunan":  # the annual book's own charts (lkj.book.annual_charts)
        annual = Annual(book)
        ids = ("gambar-capaian-sasaran", "gambar-riwayat", "gambar-renstra")
        return {i: annual.figure(i)["fig"] for i in ids}
    out = {
        "capaian": charts.capaian_per_iku(book.reg, book.inputs),
        "anggaran": charts.anggaran_vs_kinerja(book.reg, book.inputs),
        "perbandingan": comparison.chart(book),
    }
    for iku in book.pk.iku:
        chart = book.iku_chart(iku)
        if chart:
            out[f"penempatan-{iku.key}"] = chart["fig"]  # type: ignore[assignment]
    return out


@pytest.fixture(scope="module")
def figures() -> dict[str, Figure]:
    """All charts of all runs, computed once for the module."""
    out = {}
    for params in PARAMS:
        book = Book.open(params)
        for name, fig in _charts(book).items():
            out[f"{params.stem}:{name}"] = fig
    return out


def _overlap(a: Bbox, b: Bbox) -> bool:
    return (
        min(a.x1, b.x1) - max(a.x0, b.x0) > TOLERANCE
        and min(a.y1, b.y1) - max(a.y0, b.y0) > TOLERANCE
    )


def _parts(fig: Figure) -> tuple[list[Text], list[Legend], list[Rectangle], list[Line2D]]:
    fig.canvas.draw()
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    skipped = {id(t) for lg in legends for t in lg.get_texts()}
    # matplotlib keeps Tick objects beyond the view limits but does not draw them
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    skipped |= {id(tick.label1), id(tick.label2)}
    texts = [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in skipped
        if t.get_window_extent().width > 0
    ]
    bars = [
        p
        for ax in fig.axes
        for p in ax.patches
        if isinstance(p, Rectangle) and p.get_visible() and p.get_width() and p.get_height()
    ]
    lines = [ln for ax in fig.axes for ln in ax.lines if ln.get_gid() == "lkj-reference"]
    return texts, legends, bars, lines


def _problems(fig: Figure) -> list[str]:
    texts, legends, bars, lines = _parts(fig)
    boxes = [(t.get_text(), t.get_window_extent()) for t in texts]
    out = []
    for (a, box_a), (b, box_b) in combinations(boxes, 2):
        if _overlap(box_a, box_b):
            out.append(f"label {a!r} overlaps label {b!r}")
    for text, box in boxes:
        out += [
            f"label {text!r} overlaps a bar" for p in bars if _overlap(box, p.get_window_extent())
        ]
        out += [
            f"label {text!r} crosses the 100% line"
            for ln in lines
            if _overlap(box, ln.get_window_extent())
        ]
        edge = fig.bbox
        if min(box.x0 - edge.x0, box.y0 - edge.y0, edge.x1 - box.x1, edge.y1 - box.y1) < 0:
            out.append(f"label {text!r} is cut off")
    for lg in legends:
        box = lg.get_window_extent()
        out += [f"legend overlaps {t!r}" for t, b in boxes if _overlap(box, b)]
        out += ["legend overlaps a bar" for p in bars if _overlap(box, p.get_window_extent())]
    return out


def test_every_chart_has_no_overlap_and_nothing_cut_off(figures):
    found = {name: _problems(fig) for name, fig in figures.items()}
    assert {n: p for n, p in found.items() if p} == {}
    assert len(figures) >= 3 * len(PARAMS)  # every run drew its charts


def test_every_chart_is_legible_in_print(figures):
    for name, fig in figures.items():
        texts, legends, _, _ = _parts(fig)
        sizes = [t.get_fontsize() for t in texts] + [
            t.get_fontsize() for lg in legends for t in lg.get_texts()
        ]
        assert min(sizes) >= 8, name
        # at most the A4 text width (16,2 cm): the PDF shows the chart at its own size or larger
        assert fig.get_size_inches()[0] <= 16.2 / 2.54, name


def test_every_bar_has_a_value_label_and_a_missing_one_is_a_dash(figures):
    """Grouped bar charts: one label per bar; no realisation reads "–", never "0%"."""
    seen_dash = seen_cut = False
    for name, fig in figures.items():
        if "penempatan" in name:
            continue  # stacked: one total per month above the stack
        for ax in fig.axes:
            bars = sum(len(c.patches) for c in ax.containers)
            shown = [t.get_text() for t in ax.texts]
            assert len([s for s in shown if s]) == bars, name
            seen_dash |= MISSING in shown
            for patch in ax.patches:
                cut = CLIP in (pytest.approx(patch.get_width()), pytest.approx(patch.get_height()))
                seen_cut |= bool(patch.get_hatch()) and cut
    # The shipped runs hold both cases (IKU 12 has no data in TW III; IKU 10 TW II 424,8 %)
    assert seen_dash and seen_cut


def test_the_budget_chart_compares_cumulative_with_cumulative():
    book = Book.open(ROOT / "params" / "jateng-2025-tw3.yml")
    fig = charts.anggaran_vs_kinerja(book.reg, book.inputs)
    title = fig.axes[0].get_title()
    assert "s.d. Triwulan III" in title
    labels = {v for _, v in fig.lkj_values}  # type: ignore[attr-defined]
    assert all(".sd_tw3." in v or v.startswith("anggaran.") for v in labels)
    assert not any(".tw3." in v for v in labels)


def test_the_check_sees_a_legend_on_the_bars_and_labels_on_each_other():
    """The check itself: a legend inside the axes over a bar, two labels on one spot."""
    fig, (ax,) = charts.subplots((4, 3))
    ax.bar([0, 1], [100, 90], label="seri dengan nama yang panjang sekali")
    ax.legend(loc="center")
    ax.text(0, 50, "100%")
    ax.text(0, 50, "90%")
    found = _problems(fig)
    assert any(p.startswith("legend overlaps a bar") for p in found)
    assert any("overlaps label" in p for p in found)
