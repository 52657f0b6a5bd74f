"""BAB II D's table, chart and sentences: this quarter against the earlier quarters of the year
and the same quarter of the previous year. The figures come from lkj.compute.comparison.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from lkj.book.charts import COLORS, pct_axis, subplots
from lkj.book.core import Book
from lkj.book.tablespec import Align, Cell, TableSpec
from lkj.compute.comparison import Previous, capaian, previous_year_of, shown
from lkj.values import formatting as fmt

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
    centred: list[Align] = ["center"] * q
    return TableSpec(
        id=entry.id if entry else "tbl-perbandingan",
        caption=entry.title if entry else "Perbandingan Antarperiode",
        number=entry.number if entry else None,
        header=header,
        body=body,
        widths=(0.5, 5, *([1.2] * q), 1.2, 1.2, 1.2),
        align=("center", "left", *centred, "center", "center", "center"),
        note=note,
    )


def chart(book: Book, prev: Previous | None = None) -> Figure:
    """Capaian per IKU (quarter realisation vs quarter target) for each quarter of the year,
    and for the same quarter of the previous year when it exists."""
    prev = prev or previous(book)
    q, year = book.params.quarter, book.params.year
    ikus = list(book.pk.iku)
    series = [(f"TW {fmt.roman(k)} {year}", capaian(book.reg, ikus, k)) for k in range(1, q + 1)]
    if prev.registry is not None:
        series.append((f"TW {fmt.roman(q)} {prev.year}", capaian(prev.registry, ikus, q)))
    fig, ax = subplots(figsize=(7, 3.2))
    width = 0.8 / len(series)
    palette = [*COLORS, "#548235"]
    for n, (label, values) in enumerate(series):
        xs = [i + (n - (len(series) - 1) / 2) * width for i in range(len(ikus))]
        ax.bar(xs, values, width, label=label, color=palette[n % len(palette)])
    ax.axhline(100, color=COLORS[2], linewidth=1, linestyle="--")
    ax.set_xticks(range(len(ikus)), [f"IKU {i.nomor}" for i in ikus], rotation=45, fontsize=7)
    pct_axis(ax, "y")
    ax.set_ylabel("Capaian (%)")
    ax.legend(
        fontsize=7,
        frameon=False,
        ncols=len(series),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.25),
    )
    ax.set_title("Capaian IKU per triwulan terhadap target triwulan", fontsize=10)
    fig.tight_layout()
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
