"""BAB II D: this quarter against the earlier quarters of the year and the same quarter of the
previous year (PermenPAN-RB 53/2014 asks the performance report for this comparison).

The earlier quarters come from the run's own registry (ikuNN.twQ.*). The previous year is a
second computation from the same params with year − 1, when data/<unit>/<year − 1>/ exists and
is valid; IKUs are matched by code (a new PK may add or drop IKUs). Previous-year figures are
shown as text: their value ids belong to the other year's registry, not to this book's.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.figure import Figure

from lkj.book.charts import COLORS, pct_axis, subplots
from lkj.book.core import Book
from lkj.book.tablespec import Cell, TableSpec
from lkj.compute.engine import compute
from lkj.errors import InputError
from lkj.inputs.load import load_inputs
from lkj.inputs.params import Run
from lkj.values import formatting as fmt
from lkj.values.registry import Registry

DASH = fmt.DASH


@dataclass(frozen=True)
class Previous:
    year: int
    registry: Registry | None
    reason: str  # why there is no registry ("" when there is one)


def previous_year_of(run: Run) -> Previous:
    """The previous year's registry computed from this run's params (or why there is none)."""
    year = run.params.year
    prev = Run(
        params=run.params.model_copy(update={"year": year - 1}),
        params_path=run.params_path,
        root=run.root,
    )
    if not prev.year_dir.is_dir():
        return Previous(year - 1, None, "belum ada data tahun sebelumnya")
    try:
        return Previous(year - 1, compute(load_inputs(prev)), "")
    except InputError as exc:
        return Previous(
            year - 1,
            None,
            f"data tahun {year - 1} belum sah ({len(exc.problems)} masalah; "
            f"jalankan lkj check dengan year: {year - 1})",
        )


def previous(book: Book) -> Previous:
    return previous_year_of(book.run)


def _text(reg: Registry | None, value_id: str, unit: bool = True) -> str:
    value = reg.get(value_id) if reg is not None else None
    if value is None or value.value is None:
        return DASH
    return value.display_with_unit if unit else value.display


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
        row.append(Cell(_text(prev.registry, f"{iku.key}.tw{q}.realisasi")))
        row.append(Cell(_text(prev.registry, f"{iku.key}.tw{q}.capaian")))
        body.append(row)
    note = f"Sumber: data {year}" + (
        f" dan {prev.year}." if prev.registry is not None else f"; {prev.year}: {prev.reason}."
    )
    return TableSpec(
        id=entry.id if entry else "tbl-perbandingan",
        caption=entry.title if entry else "Perbandingan Antarperiode",
        number=entry.number if entry else None,
        header=header,
        body=body,
        widths=(0.5, 5, *([1.2] * q), 1.2, 1.2, 1.2),
        align=("center", "left", *(["center"] * q), "center", "center", "center"),
        note=note,
    )


def chart(book: Book, prev: Previous | None = None) -> Figure:
    """Capaian per IKU (quarter realisation vs quarter target) for each quarter of the year,
    and for the same quarter of the previous year when it exists."""
    prev = prev or previous(book)
    q, year = book.params.quarter, book.params.year
    ikus = list(book.pk.iku)
    series: list[tuple[str, list[float]]] = []
    for k in range(1, q + 1):
        values = [book.reg.get(f"{i.key}.tw{k}.capaian") for i in ikus]
        series.append((f"TW {fmt.roman(k)} {year}", [v.value or 0 if v else 0 for v in values]))
    if prev.registry is not None:
        values = [prev.registry.get(f"{i.key}.tw{q}.capaian") for i in ikus]
        series.append(
            (f"TW {fmt.roman(q)} {prev.year}", [v.value or 0 if v else 0 for v in values])
        )
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
