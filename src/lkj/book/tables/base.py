"""What every table of the book shares: the run it describes and the cell helpers.

A table module (summary, capaian, budget, appendix_*) is a mixin on `TableBase`; `Tables`
in the package joins them, so a notebook calls `book.tables.ringkasan()` whatever module
builds it. Every number in a cell is a registry value (`cell`), so it carries its value id;
only labels and the report's own dashes are plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from lkj.book.catalog import Catalog, build_catalog
from lkj.book.tablespec import Align, Cell, TableSpec
from lkj.inputs.load import Inputs
from lkj.inputs.pk import Iku
from lkj.values import formatting as fmt
from lkj.values.registry import Registry

DASH = fmt.DASH

Row = list[Cell | str]
Rows = list[Row]


class TableBase:
    """One run's inputs, registry and catalogue, and the helpers every table uses."""

    def __init__(self, inputs: Inputs, reg: Registry, catalog: Catalog | None = None):
        self.inputs, self.reg = inputs, reg
        self.pk = inputs.pk
        self.q, self.year = inputs.run.params.quarter, inputs.run.params.year
        self.tw = fmt.quarter_label(self.q)
        self.catalog = catalog or build_catalog(inputs)
        self.t = inputs.unit.istilah  # the unit's words for IKU, Sasaran Strategis … (unit.yml)

    def cell(
        self,
        value_id: str,
        *,
        unit: bool = True,
        rowspan: int = 1,
        colspan: int = 1,
        bold: bool = False,
    ) -> Cell:
        """A value cell; '-' (no value id) when the value does not exist for this run."""
        value = self.reg.get(value_id)
        if value is None or value.value is None:
            return Cell(DASH, rowspan=rowspan, colspan=colspan, bold=bold)
        return Cell.of(value, unit=unit, rowspan=rowspan, colspan=colspan, bold=bold)

    def spec(
        self,
        entry_id: str,
        header: Rows,
        body: Rows,
        *,
        widths: Sequence[float] | None = None,
        align: Sequence[Align] | None = None,
        font_size: float | None = None,
        landscape: bool = False,
        note: str | None = None,
    ) -> TableSpec:
        """A numbered table (Tabel N) or the table of an appendix.

        An appendix is numbered by its heading (display.lampiran), so its tables are not
        numbered again; their ids get a suffix to stay unique next to the heading's anchor,
        and the whole appendix (not the table) turns landscape.
        """
        entry = self.catalog[entry_id]
        if entry.kind == "lampiran":
            return TableSpec(
                id=f"{entry.id}-tabel",
                caption="",
                header=header,
                body=body,
                widths=widths,
                align=align,
                font_size=font_size,
                note=note,
            )
        return TableSpec(
            id=entry.id,
            caption=entry.title,
            number=entry.number,
            kind="tabel",
            header=header,
            body=body,
            widths=widths,
            align=align,
            font_size=font_size,
            landscape=landscape,
            note=note,
        )

    def grouped(self, ikus: Iterable[Iku]) -> list[tuple[int, str, list[Iku]]]:
        """IKUs grouped by sasaran, numbered 1.. in PK order (the 'No' column of the report)."""
        order = [s.kode for s in self.pk.sasaran]
        groups: dict[str, list[Iku]] = {}
        for iku in ikus:
            groups.setdefault(iku.sasaran, []).append(iku)
        return [
            (order.index(code) + 1, self.pk.sasaran_by_code(code).uraian, members)
            for code, members in sorted(groups.items(), key=lambda kv: order.index(kv[0]))
        ]

    def sasaran_rows(self, ikus: Iterable[Iku], cells_of: Callable[[Iku], Sequence[Cell]]) -> Rows:
        """Rows with 'No' and 'Sasaran' spanning the IKUs of each sasaran."""
        body: Rows = []
        for number, uraian, members in self.grouped(ikus):
            for index, iku in enumerate(members):
                lead: Row = []
                if index == 0:
                    lead = [
                        Cell(f"{number}.", rowspan=len(members), align="center"),
                        Cell(uraian, rowspan=len(members)),
                    ]
                body.append([*lead, Cell(iku.nama), *cells_of(iku)])
        return body


def centred(n: int) -> list[Align]:
    """n centred columns (the figures of a table)."""
    return ["center"] * n


def text_of(x: object) -> str:
    """A data field as cell text: '' for a missing one (None or NaN)."""
    return "" if x is None or (isinstance(x, float) and x != x) else str(x)
