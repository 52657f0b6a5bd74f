"""BAB II D's table, chart and sentences: this quarter against the earlier quarters of the year
and the same quarter of the previous year. The figures come from lkj.compute.comparison.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.text import Text

from lkj.book import chartkit as kit
from lkj.book.charts import COLORS, pct_axis, subplots
from lkj.book.core import Book
from lkj.book.tablespec import Align, Cell, TableSpec
from lkj.compute.comparison import Previous, previous_year_of, shown
from lkj.values import formatting as fmt
from lkj.values.registry import Value

__all__ = ["Previous", "chart", "previous", "summary", "table"]


def previous(book: Book) -> Previous:
    return previous_year_of(book.run)


def table(book: Book, prev: Previous | None = None) -> TableSpec:
    prev = prev or previous(book)
    q, year = book.params.quarter, book.params.year
    tables = book.tables
    entry = book.catalog.get("tbl-perbandingan")
    header = [
        [
            Cell("No", rowspan=2),
            Cell("Indikator Kinerja", rowspan=2),
            Cell(f"Realisasi {year}", colspan=q),
            Cell(f"Capaian {fmt.quarter_label(q)} {year}", rowspan=2),
            Cell(f"{fmt.quarter_label(q)} {prev.year}", colspan=2),
        ],
        [
            *[Cell(f"TW {fmt.roman(k)}") for k in range(1, q + 1)],
            Cell("Realisasi"),
            Cell("Capaian"),
        ],
    ]
    body = []
    for iku in book.pk.iku:
        row: list[Cell | str] = [f"{iku.nomor}.", iku.nama]
        row += [tables.cell(f"{iku.key}.tw{k}.realisasi") for k in range(1, q + 1)]
        row.append(tables.cell(f"{iku.key}.tw{q}.capaian"))
        row.append(Cell(shown(prev.registry, f"{iku.key}.tw{q}.realisasi")))
        row.append(Cell(shown(prev.registry, f"{iku.key}.tw{q}.capaian")))
        body.append(row)
    note = f"Sumber: data {year}" + (
        f" dan {prev.year}." if prev.registry is not None else f"; {prev.year}: {prev.reason}."
    )
    centred: list[Align] = ["center"] * (q + 3)
    return TableSpec(
        id=entry.id if entry else "tbl-perbandingan",
        caption=entry.title if entry else "Perbandingan Antarperiode",
        number=entry.number if entry else None,
        header=header,
        body=body,
        widths=(0.5, 5, *([1.2] * q), 1.2, 1.2, 1.2),
        align=("center", "left", *centred),
        note=note,
    )


def chart(book: Book, prev: Previous | None = None) -> Figure:
    """Capaian per IKU (quarter realisation vs quarter target) for each quarter of the year,
    and for the same quarter of the previous year when it exists. Horizontal bars in two
    panels (IKUs split in halves), so every bar keeps a legible value label."""
    prev = prev or previous(book)
    q, year = book.params.quarter, book.params.year
    ikus = list(book.pk.iku)
    series: list[tuple[str, list[Value | None]]] = [
        (f"TW {fmt.roman(k)} {year}", [book.reg.get(f"{i.key}.tw{k}.capaian") for i in ikus])
        for k in range(1, q + 1)
    ]
    if prev.registry is not None:
        values = [prev.registry.get(f"{i.key}.tw{q}.capaian") for i in ikus]
        series.append((f"TW {fmt.roman(q)} {prev.year}", values))
    half = (len(ikus) + 1) // 2
    panels = [range(0, half), range(half, len(ikus))] if len(ikus) > 6 else [range(len(ikus))]
    slot = 0.15 * len(series)  # inches per IKU: one bar label (8 pt) per series
    fig, axes = subplots((kit.MAX_WIDTH, slot * len(panels[0]) + 1.5), len(panels))
    # the reference line is orange (COLORS[2]): no series in that colour
    palette = [COLORS[0], COLORS[1], "#548235", COLORS[3], "#bf9000"]
    every: list[float | None] = []
    labelled: list[list[Text]] = []
    for ax, rows in zip(axes, panels, strict=True):
        texts = []
        height = 0.84 / len(series)
        for n, (label, values) in enumerate(series):
            shown = [values[i] for i in rows]
            numbers = [v.value if v is not None else None for v in shown]
            every += numbers
            positions = [
                len(rows) - 1 - r - (n - (len(series) - 1) / 2) * height for r in range(len(rows))
            ]
            _, labels = kit.bars(
                ax,
                positions,
                numbers,
                [v.display if v is not None else "" for v in shown],
                width=height,
                color=palette[n % len(palette)],
                label=label,
                horizontal=True,
            )
            texts += labels
        ticks = [len(rows) - 1 - r for r in range(len(rows))]
        ax.set_yticks(ticks, [f"{book.terms['iku']} {ikus[i].nomor}" for i in rows])
        pct_axis(ax)
        ax.set_xlim(0, kit.axis_limit([v.value if v else None for _, vs in series for v in vs]))
        ax.set_xlabel("Capaian terhadap target triwulan (%)")
        labelled.append(texts)
    fig.suptitle(f"Capaian {book.terms['iku']} per triwulan terhadap target triwulan", fontsize=9)
    kit.legend(fig, axes[0], every, ncols=5)
    for ax, texts in zip(axes, labelled, strict=True):  # after the legend took its room
        kit.fit_labels(fig, ax, texts, horizontal=True)
        kit.reference_line(fig, ax, 100, texts, horizontal=True)
    return fig


def summary(book: Book, prev: Previous | None = None) -> str:
    """The sentences under the heading (markdown)."""
    prev = prev or previous(book)
    q, year = book.params.quarter, book.params.year
    tw = fmt.quarter_label(q)
    text = (
        f"Sesuai Peraturan Menteri PAN-RB Nomor 53 Tahun 2014, capaian kinerja {tw} Tahun {year} "
        f"dibandingkan dengan triwulan sebelumnya pada tahun yang sama"
    )
    if q == 1:
        text += " (belum ada: ini triwulan pertama)"
    if prev.registry is not None:
        text += f" dan dengan {tw} Tahun {prev.year}."
    else:
        text += f". Perbandingan dengan {tw} Tahun {prev.year}: {prev.reason}."
    return text


def chart_alt(book: Book) -> str:
    """The alt text of the chart (what it shows, for readers who cannot see it)."""
    return (
        f"Diagram batang capaian setiap {book.terms['iku']} per triwulan; garis putus-putus "
        "menandai 100%."
    )
