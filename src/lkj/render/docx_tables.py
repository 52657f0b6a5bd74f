"""A book table (an `lkj-table` div read back from lkj.tablespec's HTML) as a Word table.

Pandoc's own docx tables take the page width as it comes and let Word squeeze columns until
numbers break ("10 / 0%"). Here the table is written directly: fixed layout with the
column shares of the TableSpec (the HTML <colgroup>), widened where a column's longest word
or number would not fit and narrowed where there is room, the font size of the spec
(smaller for very wide tables, as in the PDF), header rows repeated on every page and rows
that never split across pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lkj.render import pandoc
from lkj.render.docx_digests import digest_columns, digest_run, digest_twips, is_digest
from lkj.render.docx_ooxml import block_inlines, esc, inline_runs, rpr, run

BODY_PT = 11.0
DEFAULT_PT = 9.0  # the reference document's table style
MIN_PT = 5.5
CELL_PAD = 160 + 40  # left + right cell margins (reference.docx) and a little air
HEADER_FILL = "E8E8E8"
_NARROW = set(".,:;'!|()[]/- ")


def _char_em(ch: str) -> float:
    """Rough advance of a character in em: DejaVu Sans (LibreOffice's stand-in for Arial
    where Arial is missing), which is wider than Arial, so the widths hold for both."""
    if ch.isdigit():
        return 0.64
    if ch in _NARROW:
        return 0.37
    if ch in "%@MWmw":
        return 1.0
    if ch.isupper():
        return 0.78
    if ch in "ijlftr":
        return 0.42
    return 0.63


def _twips(em: float, pt: float, bold: bool) -> int:
    return round(em * pt * 20 * (1.1 if bold else 1.0))


def text_twips(text: str, pt: float, bold: bool = False) -> int:
    return _twips(sum(_char_em(c) for c in text), pt, bold)


@dataclass(frozen=True)
class Placed:
    row: int
    col: int
    cell: list  # pandoc Cell: [attr, align, rowspan, colspan, blocks]
    header: bool

    @property
    def rowspan(self) -> int:
        return self.cell[2]

    @property
    def colspan(self) -> int:
        return self.cell[3]

    @property
    def text(self) -> str:
        return pandoc.stringify(self.cell[4])

    @property
    def bold(self) -> bool:
        return self.header or any(n["t"] == "Strong" for n in pandoc.nodes(self.cell[4]))

    @property
    def align(self) -> str:
        classes = self.cell[0][1]
        for name in classes:
            if name.startswith("al-"):
                return name[3:]
        return "center" if self.header else "left"


def _rows(table: dict) -> tuple[list[list], list[list]]:
    """(header rows, body rows) of a pandoc Table, each row a list of pandoc Cells."""
    head = [row[1] for row in table["c"][3][1]]
    body: list[list] = []
    for tbody in table["c"][4]:
        body += [row[1] for row in tbody[2]] + [row[1] for row in tbody[3]]
    body += [row[1] for row in table["c"][5][1]]
    return head, body


def place(rows: list[list], header: bool, start: int = 0) -> list[list[Placed]]:
    """Each cell with its grid column (rowspans from rows above taken into account)."""
    taken: set[tuple[int, int]] = set()
    out: list[list[Placed]] = []
    for r, row in enumerate(rows):
        c = 0
        placed: list[Placed] = []
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append(Placed(start + r, c, cell, header))
            for dr in range(cell[2]):
                for dc in range(cell[3]):
                    taken.add((r + dr, c + dc))
            c += cell[3]
        out.append(placed)
    return out


def font_size(table: dict) -> float:
    style = dict(table["c"][0][2]).get("style", "")
    match = re.search(r"font-size:\s*([0-9.]+)em", style)
    return round(float(match.group(1)) * BODY_PT, 1) if match else DEFAULT_PT


def column_widths(
    shares: list[float],
    cells: list[Placed],
    pt: float,
    avail: int,
    digests: frozenset[int] = frozenset(),
) -> tuple[list[int], float]:
    """Twips per column and the font size: the shares of the spec, but every column at
    least as wide as its longest word or number (smaller font if the page cannot hold
    them all). digests: the columns of sha256 digests (docx_digests), in monospace."""
    n = len(shares)
    total = sum(shares) or 1.0
    share = [s / total if s > 0 else 1.0 / n for s in shares]

    # each cell's words once (bold walks the cell's nodes): the font size may be tried often
    words: list[tuple[int, bool, list[tuple[str, float | None]]]] = []
    for p in cells:
        if p.colspan == 1:
            mono = p.col in digests and not p.header
            measured = [
                (w, None if mono and is_digest(w) else sum(_char_em(c) for c in w))
                for w in p.text.split() or [""]
            ]
            words.append((p.col, p.bold, measured))

    def needs(size: float) -> list[int]:
        need = [CELL_PAD] * n
        for col, bold, measured in words:
            widest = max(
                digest_twips(w, size) if em is None else _twips(em, size, bold)
                for w, em in measured
            )
            need[col] = max(need[col], widest + CELL_PAD)
        return need

    need = needs(pt)
    while sum(need) > avail and pt > MIN_PT:
        pt = max(MIN_PT, round(pt - 0.5, 1))
        need = needs(pt)
    widths = [max(need[i], round(share[i] * avail)) for i in range(n)]
    for _ in range(4):  # give back what the widened columns took, from those with room
        excess = sum(widths) - avail
        slack = [max(0, widths[i] - need[i]) for i in range(n)]
        if excess <= 0 or sum(slack) == 0:
            break
        cut = min(1.0, excess / sum(slack))
        widths = [widths[i] - round(slack[i] * cut) for i in range(n)]
    return widths, pt


def _cell_xml(p: Placed, width: int, pt: float, digests: bool = False) -> str:
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if p.colspan > 1:
        props.append(f'<w:gridSpan w:val="{p.colspan}"/>')
    if p.rowspan > 1:
        props.append('<w:vMerge w:val="restart"/>')
    if p.header:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>')
    props.append('<w:vAlign w:val="center"/>')
    paras = []
    ppr = f'<w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="{p.align}"/></w:pPr>'
    for inlines in block_inlines(p.cell[4]) or [[]]:
        text = pandoc.stringify(inlines)
        if digests and not p.header and is_digest(text):
            paras.append(f"<w:p>{ppr}{digest_run(text, pt)}</w:p>")
        else:
            paras.append(f"<w:p>{ppr}{inline_runs(inlines, bold=p.header, size=pt)}</w:p>")
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{''.join(paras)}</w:tc>"


def _merged_xml(width: int, span: int) -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}<w:vMerge/></w:tcPr><w:p/></w:tc>'
    )


def _section_rows(
    placed: list[list[Placed]], widths: list[int], pt: float, digests: frozenset[int]
) -> list[str]:
    below: dict[tuple[int, int], int] = {}  # (row, col) covered by a rowspan -> its colspan
    out = []
    for row in placed:
        if not row:
            continue
        r = row[0].row
        for p in row:
            for dr in range(1, p.rowspan):
                below[(r + dr, p.col)] = p.colspan
        cells = {p.col: p for p in row}
        xml, c = [], 0
        while c < len(widths):
            if (r, c) in below:
                span = below[(r, c)]
                xml.append(_merged_xml(sum(widths[c : c + span]), span))
                c += span
            elif c in cells:
                p = cells[c]
                width = sum(widths[c : c + p.colspan])
                xml.append(_cell_xml(p, width, pt, p.col in digests))
                c += p.colspan
            else:  # a ragged row (the spec checks the grid; HTML tables from elsewhere)
                xml.append(_merged_xml(widths[c], 1).replace("<w:vMerge/>", ""))
                c += 1
        head = "<w:tblHeader/>" if row[0].header else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>{''.join(xml)}</w:tr>")
    return out


def table_xml(table: dict, avail: int) -> tuple[str, list[list[Placed]]]:
    """The Word table for a pandoc Table and its placed cells (tests read them back)."""
    head, body = _rows(table)
    shares = [
        spec[1].get("c", 0.0) if spec[1]["t"] == "ColWidth" else 0.0 for spec in table["c"][2]
    ]
    placed_head = place(head, True)
    placed_body = place(body, False, start=len(head))
    cells = [p for row in placed_head + placed_body for p in row]
    digests = digest_columns([p for row in placed_head for p in row])
    widths, pt = column_widths(shares, cells, font_size(table), avail, digests)
    rows = _section_rows(placed_head, widths, pt, digests)
    rows += _section_rows(placed_body, widths, pt, digests)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    props = (
        '<w:tblPr><w:tblStyle w:val="Table"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>", (
        placed_head + placed_body
    )


def caption_xml(number: str | None, caption: str, mark: str = "") -> str:
    """Caption over a table, as in the PDF: "Tabel 3" over the title, bold and centred.
    mark: bookmark XML opening (start) — the caller closes it (see docx_layout)."""
    text = "\n".join(x for x in (number, caption) if x)
    ppr = '<w:pPr><w:pStyle w:val="TableCaption"/><w:keepNext/><w:jc w:val="center"/></w:pPr>'
    return f"<w:p>{ppr}{mark}{run(text, rpr(bold=True))}</w:p>"


def cell_texts(xml: str) -> list[str]:
    """The text of each cell of a Word table (w:tc) in row order, for checks; the cells a
    row span covers (w:vMerge continuations) are left out, as in the TableSpec."""
    out = []
    for cell in re.findall(r"<w:tc>.*?</w:tc>", xml, re.S):
        if "<w:vMerge/>" in cell:
            continue
        cell = cell.replace("<w:br/>", "<w:t> </w:t>")
        parts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", cell)
        out.append(" ".join("".join(parts).split()))
    return out


__all__ = ["caption_xml", "cell_texts", "column_widths", "esc", "table_xml", "text_twips"]
