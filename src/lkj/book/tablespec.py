"""One table of the book, described once and rendered to HTML and to typst.

A `TableSpec` is plain data: caption, the number label given by the caller ("Tabel 5",
"Lampiran II"), an anchor id, header rows and body rows of `Cell`s with row and column spans.
`to_html` and `to_typst` render it exactly; `lkj.book.display.table` wraps both into the one
notebook output the book build reads.

Conventions (why they are so):
- Numbers are assigned by the caller from one catalogue, never by a renderer: typst gets a
  `numbering` function that returns the given label, so the caption, the reference and the
  "Daftar Tabel"/"Daftar Lampiran" entries all show exactly "Tabel 5".
- `kind="tabel"` tables with a number are listed in Daftar Tabel, `kind="lampiran"` ones in
  Daftar Lampiran; a table without a number is shown with its caption (if any) and listed
  nowhere (e.g. the table inside Lampiran I, whose title is the lampiran itself).
- The grid is checked when the spec is made: every row must fill the same number of columns
  once row and column spans are counted. A wrong span is a programming error and typst would
  otherwise fail later with a message that points at generated code.
- Cell text is plain text ("\\n" = line break). It is escaped for both targets, so text from
  data can never inject markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from lkj.book.digestmark import Sha256, html_mark, typst_mark
from lkj.book.tablekeep import kept_groups, spacer_cells

Align = Literal["left", "center", "right"]
Kind = Literal["tabel", "lampiran"]
_ALIGNS = ("left", "center", "right")
_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.:-]*$")
# Body text of the book is 11 pt; HTML font sizes are relative to it.
BODY_PT = 11.0


class ValueLike(Protocol):
    """What a cell needs from a registry value (`lkj.values.registry.Value` fits)."""

    id: str
    display: str


@dataclass(frozen=True)
class Cell:
    """One table cell. `value_id` ties a shown number to its registry value."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    align: Align | None = None  # None: the column's alignment (header cells: centred)
    bold: bool = False
    value_id: str | None = None
    anchor: str | None = None  # a link target: HTML id and typst label (Jejak Angka entries)
    pdf_link: bool = True  # False: no PDF link to the entry (a cell inside that very entry)
    # Lines of file hashes the build fills in (lkj.book.digestmark), text lines between them;
    # when given, they are what the cell shows (`text` then only names the cell in errors).
    digests: tuple[str | Sha256, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Cell.text must be str, got {type(self.text).__name__}: {self.text!r}")
        if self.colspan < 1 or self.rowspan < 1:
            raise ValueError(f"cell {self.text!r}: colspan and rowspan must be >= 1")
        if self.align is not None and self.align not in _ALIGNS:
            raise ValueError(f"cell {self.text!r}: align must be one of {_ALIGNS}")

    @classmethod
    def of(cls, value: ValueLike, *, unit: bool = False, **kwargs: Any) -> Cell:
        """A cell showing a registry value: its display text and its id."""
        text = getattr(value, "display_with_unit", value.display) if unit else value.display
        return cls(text, value_id=value.id, **kwargs)


CellLike = Cell | str | int | float | ValueLike


def as_cell(item: CellLike) -> Cell:
    """Accept a Cell, a plain string/number, or a registry value."""
    if isinstance(item, Cell):
        return item
    if isinstance(item, str):
        return Cell(item)
    if hasattr(item, "id") and hasattr(item, "display"):
        return Cell.of(item)
    if isinstance(item, (int, float)):
        # Numbers must be formatted by the registry (Indonesian separators, rounding rules);
        # a raw float here would print "23.79" instead of "23,79".
        raise TypeError(
            f"raw number {item!r} in a table: format it first "
            "(lkj.values.formatting or a registry value)"
        )
    raise TypeError(f"cannot put {type(item).__name__} into a table cell: {item!r}")


@dataclass
class TableSpec:
    """A table as data. See the module docstring for the conventions."""

    id: str
    caption: str
    header: Sequence[Sequence[CellLike]]
    body: Sequence[Sequence[CellLike]]
    number: str | None = None  # "Tabel 5" / "Lampiran II"; None: unnumbered, not listed
    kind: Kind = "tabel"
    widths: Sequence[float] | None = None  # relative column widths, e.g. (1, 4, 2)
    align: Sequence[Align] | None = None  # per-column alignment of body cells
    font_size: float | None = None  # points; e.g. 7 for the 26 columns of Lampiran II
    landscape: bool = False  # PDF: the table gets landscape page(s) of its own
    note: str | None = None  # small text under the table ("Sumber: ...", "Catatan: ...")
    header_rows: list[list[Cell]] = field(init=False, repr=False)
    body_rows: list[list[Cell]] = field(init=False, repr=False)
    columns: int = field(init=False)

    def __post_init__(self) -> None:
        if not _ID_RE.match(self.id):
            raise ValueError(
                f"table id {self.id!r}: use letters, digits, '-', '_', '.', ':' "
                "and start with a letter (it becomes an HTML anchor and a typst label)"
            )
        if self.kind not in ("tabel", "lampiran"):
            raise ValueError(f"table {self.id}: kind must be 'tabel' or 'lampiran'")
        self.header_rows = [[as_cell(c) for c in row] for row in self.header]
        self.body_rows = [[as_cell(c) for c in row] for row in self.body]
        if not self.header_rows and not self.body_rows:
            raise ValueError(f"table {self.id}: no rows")
        head_cols = _check_grid(self.id, "header", self.header_rows) if self.header_rows else None
        body_cols = _check_grid(self.id, "body", self.body_rows) if self.body_rows else None
        if head_cols and body_cols and head_cols != body_cols:
            raise ValueError(
                f"table {self.id}: header has {head_cols} columns but body has {body_cols}"
            )
        self.columns = head_cols or body_cols or 0
        for name, seq in (("widths", self.widths), ("align", self.align)):
            if seq is not None and len(seq) != self.columns:
                raise ValueError(
                    f"table {self.id}: {name} has {len(seq)} entries for {self.columns} columns"
                )
        if self.widths is not None and any(w <= 0 for w in self.widths):
            raise ValueError(f"table {self.id}: widths must be positive")
        if self.align is not None and any(a not in _ALIGNS for a in self.align):
            raise ValueError(f"table {self.id}: align entries must be one of {_ALIGNS}")

    @property
    def listed(self) -> bool:
        """Whether the table appears in Daftar Tabel / Daftar Lampiran."""
        return self.number is not None


def _check_grid(table_id: str, section: str, rows: list[list[Cell]]) -> int:
    """Lay the cells out like HTML does; return the column count or raise on a ragged grid."""
    taken: set[tuple[int, int]] = set()
    widths: list[int] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if r + cell.rowspan > len(rows):
                raise ValueError(
                    f"table {table_id}: {section} row {r + 1}, cell {cell.text!r} spans "
                    f"{cell.rowspan} rows but only {len(rows) - r} remain in the {section}"
                )
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
        widths.append(max((col + 1 for (rr, col) in taken if rr == r), default=0))
    expected = max(widths)
    for r, width in enumerate(widths):
        filled = sum(1 for (rr, _) in taken if rr == r)
        if width != expected or filled != expected:
            raise ValueError(
                f"table {table_id}: {section} row {r + 1} fills {filled} of {expected} columns "
                "(check colspan/rowspan)"
            )
    return expected


# ---------------------------------------------------------------- HTML


def _html_text(text: str) -> str:
    return "<br>".join(html.escape(part) for part in text.split("\n"))


def _html_cell(tag: str, cell: Cell, default_align: str | None) -> str:
    attrs: list[str] = []
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if tag == "th":
        attrs.append('scope="colgroup"' if cell.colspan > 1 else 'scope="col"')
    align = cell.align or default_align
    if align:
        attrs.append(f'class="al-{align}"')
    if cell.value_id:
        attrs.append(f'data-value-id="{html.escape(cell.value_id)}"')
    if cell.anchor:
        attrs.append(f'id="{html.escape(cell.anchor)}"')
    body = _html_text(cell.text)
    if cell.digests:
        body = "<br>".join(
            html.escape(p) if isinstance(p, str) else html_mark(p) for p in _lines(cell)
        )
    if cell.bold and tag == "td":
        body = f"<strong>{body}</strong>"
    return f"<{tag}{' ' if attrs else ''}{' '.join(attrs)}>{body}</{tag}>"


def _lines(cell: Cell) -> list[str | Sha256]:
    """The lines of a cell with digests: its text parts split at line breaks."""
    return [x for p in cell.digests for x in (p.split("\n") if isinstance(p, str) else [p])]


def _body_aligns(spec: TableSpec) -> list[str | None]:
    """Column alignment of each body cell, following the same layout as _check_grid."""
    return list(spec.align) if spec.align is not None else [None] * spec.columns


def placed_cells(rows: list[list[Cell]]) -> list[list[tuple[int, Cell]]]:
    """Each cell with the index of the column it starts in (needed for per-column alignment)."""
    taken: set[tuple[int, int]] = set()
    out: list[list[tuple[int, Cell]]] = []
    for r, row in enumerate(rows):
        c = 0
        placed: list[tuple[int, Cell]] = []
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
        out.append(placed)
    return out


def to_html(spec: TableSpec) -> str:
    """`<table>` with caption, colgroup, thead and tbody; spans and value ids kept."""
    style = ""
    if spec.font_size:
        style = f' style="font-size: {spec.font_size / BODY_PT:.3f}em"'
    out = [f'<table class="lkj-table"{style}>']
    if spec.caption or spec.number:
        number = (
            f'<span class="lkj-table-number">{html.escape(spec.number)}</span> '
            if spec.number
            else ""
        )
        title = f'<span class="lkj-table-title">{_html_text(spec.caption)}</span>'
        out.append(f"<caption>{number}{title}</caption>")
    if spec.widths:
        total = sum(spec.widths)
        cols = "".join(f'<col style="width: {100 * w / total:.2f}%">' for w in spec.widths)
        out.append(f"<colgroup>{cols}</colgroup>")
    if spec.header_rows:
        out.append("<thead>")
        for row in spec.header_rows:
            out.append("<tr>" + "".join(_html_cell("th", c, "center") for c in row) + "</tr>")
        out.append("</thead>")
    aligns = _body_aligns(spec)
    out.append("<tbody>")
    for placed in placed_cells(spec.body_rows):
        cells = "".join(_html_cell("td", cell, aligns[col]) for col, cell in placed)
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody>")
    out.append("</table>")
    table = "\n".join(out)
    note = f'\n<p class="lkj-table-note">{_html_text(spec.note)}</p>' if spec.note else ""
    return f'<div class="table-wrap">\n{table}\n</div>{note}'


# ---------------------------------------------------------------- typst


def typst_str(text: str) -> str:
    """A typst string literal: shown verbatim, so data can never become markup."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "")
    escaped = escaped.replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def typst_text(text: str) -> str:
    """Content for plain text with line breaks: [#"a"#linebreak()#"b"]."""
    parts = text.split("\n")
    return "[" + "#linebreak()".join(f"#{typst_str(p)}" for p in parts) + "]"


def _typst_cell(cell: Cell, *, header: bool, default_align: str | None) -> str:
    body = typst_text(cell.text)
    if cell.digests:
        parts = (f"#{typst_str(p)}" if isinstance(p, str) else typst_mark(p) for p in _lines(cell))
        body = "[" + "#linebreak()".join(parts) + "]"
    if header or cell.bold:
        body = f"[#strong{body}]"
    if cell.value_id and cell.pdf_link:
        body = f"[#lkj-value({typst_str(cell.value_id)}){body}]"
    if cell.anchor:
        body = f"[#lkj-anchor({typst_str(cell.anchor)}){body}]"
    args: list[str] = []
    if cell.colspan > 1:
        args.append(f"colspan: {cell.colspan}")
    if cell.rowspan > 1:
        args.append(f"rowspan: {cell.rowspan}")
    align = cell.align or ("center" if header else None)
    if align and align != default_align:
        args.append(f"align: {align} + horizon")
    if not args:
        return body
    return f"table.cell({', '.join(args)}){body}"


def _typst_rows(spec: TableSpec, aligns: Sequence[str | None]) -> list[str]:
    """Header and body rows; with a note, the note is the table's last row.

    typst has no widow control for table rows. So a table gets a last, zero-width column
    whose cells span the rows to keep together (lkj.book.tablekeep): cells are unbreakable
    (lkj.typ), so those rows (and the note, a row of its own) always share a page. The
    stroke function leaves the extra column and the note row unruled (0.5pt + luma(90) is
    the template's rule).
    """
    n = spec.columns
    spacers = spacer_cells(spec.body_rows, spec.columns, bool(spec.note))
    extra = ", []" if spacers else ""
    lines = []
    if spacers:
        ruled = len(spec.header_rows) + len(spec.body_rows)
        lines.append(f"  stroke: (x, y) => if x < {n} and y < {ruled} {{ 0.5pt + luma(90) }},")
    if spec.header_rows:
        lines.append("  table.header(repeat: true,")
        for row in spec.header_rows:
            cells = ", ".join(_typst_cell(c, header=True, default_align=None) for c in row)
            lines.append(f"    {cells}{extra},")
        lines.append("  ),")
    for r, placed in enumerate(placed_cells(spec.body_rows)):
        cells = ", ".join(
            _typst_cell(cell, header=False, default_align=aligns[col] or "left")
            for col, cell in placed
        )
        lines.append(f"  {cells}{spacers[r] if spacers else ''},")
    if spec.note:
        note = f"lkj-table-note({typst_text(spec.note)})"
        inset = "(x: 0pt, top: 4pt, bottom: 0pt)"
        end = spacers[-1] if spacers else ""
        lines.append(f"  table.cell(colspan: {n}, inset: {inset}, align: left)[#{note}]{end},")
    return lines


def to_typst(spec: TableSpec) -> str:
    """A `#figure` holding a `table` whose header repeats on every page.

    The figure kind is "lkj-tabel" or "lkj-lampiran" (the book template styles and lists
    them); its numbering returns the caller's label so typst never numbers tables itself.
    """
    if spec.widths:
        columns = "(" + ", ".join(f"{w:g}fr" for w in spec.widths) + ","
    else:
        columns = "(" + "auto, " * spec.columns
    # The closing rows are kept together by a last, zero-width column: see _typst_rows.
    columns += " 0pt)" if kept_groups(spec.body_rows, spec.columns, bool(spec.note)) else ")"
    aligns = _body_aligns(spec)
    col_align = "(" + "".join(f"{a or 'left'} + horizon, " for a in aligns) + ")"
    lines = ["table(", f"  columns: {columns},", f"  align: {col_align},"]
    if spec.header_rows:
        lines.append(f"  fill: (_, y) => if y < {len(spec.header_rows)} {{ luma(232) }},")
    lines += _typst_rows(spec, aligns)
    lines.append(")")
    table = "\n".join(lines)
    if spec.font_size:
        # A show-set rule, because the template's `show table: set text(size: 9pt)` would
        # override a plain `set text` around the table.
        table = f"{{ show table: set text(size: {spec.font_size:g}pt)\n{table} }}"
    kind = f"lkj-{spec.kind}"
    numbering = f"(..) => {typst_str(spec.number)}" if spec.number else "none"
    caption = typst_text(spec.caption) if spec.caption else "none"
    figure = (
        f'#figure(kind: "{kind}", supplement: none, numbering: {numbering}, '
        f"outlined: {'true' if spec.number else 'false'},\n"
        f"  caption: {caption},\n{table}\n) <{spec.id}>"
    )
    if spec.landscape:
        figure = f"#page(flipped: true)[\n{figure}\n]"
    return figure
