"""Page rules every built PDF must keep, checked on the PDF itself (its geometry as
lkj.render.pdfgeometry reads it: pdfium, in pdfplumber's conventions).

The rules (issue 11): a table caption is never at the foot of a page without the table's
first body row under it; no page holds only a footnote or a few lines unless it opens a
chapter; no table row is split across pages; a table continued on the next page repeats its
header rows and brings more than its last row. The PDF is read as drawn, so any PDF of this
project (typst or quarto) can be checked: tables are the ruled grids of the book template
(horizontal rules joined by vertical ones), header rows are the grey-filled cells, captions
are a line "Tabel N".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from lkj.render.pdfgeometry import PageGeometry, read_pages

_CAPTION = re.compile(r"^Tabel \d+(?:\.\d+)?$")  # "Tabel 5", per chapter "Tabel 3.5"
# The book template's margins (resources/typst/lkj.typ): the running header sits above the
# body, the page number below it. Text there is not content of the page.
HEADER_PT = 72.0
FOOTER_PT = 66.0
OPENING_SIZE = 12.9  # chapter titles (14 pt) and lampiran titles (13 pt); level 2 is 12 pt
# A page whose content covers less than this share of the body is "short" (a tenth of an A4
# body is about six lines of text, or a repeated header and one row).
SHORT_SHARE = 0.1


@dataclass(frozen=True)
class Finding:
    page: int  # 1-based page of the PDF
    # "judul-terpisah" | "halaman-pendek" | "baris-terpotong" | "kepala-hilang" |
    # "baris-sendiri" (a table's last row alone on the next page)
    rule: str
    message: str  # Indonesian, for the build's output

    def line(self) -> str:
        return f"halaman {self.page}: {self.message}"


@dataclass
class _Table:
    """One ruled grid on one page: its row bands (top, bottom) and which are header rows."""

    rows: list[tuple[float, float]]
    header: list[bool]
    x0: float
    x1: float

    @property
    def top(self) -> float:
        return self.rows[0][0]

    @property
    def bottom(self) -> float:
        return self.rows[-1][1]


@dataclass
class _Page:
    number: int
    height: float
    lines: list[dict[str, Any]]  # text lines of the body (as pdfplumber's extract_text_lines)
    tables: list[_Table]
    verticals: list[dict[str, Any]] = field(default_factory=list)
    chars: list[dict[str, Any]] = field(default_factory=list)
    images: int = 0
    opening: bool = False
    landscape: bool = False

    def content_extent(self) -> float:
        tops = [ln["top"] for ln in self.lines] + [t.top for t in self.tables]
        bottoms = [ln["bottom"] for ln in self.lines] + [t.bottom for t in self.tables]
        return (max(bottoms) - min(tops)) if tops else 0.0


def _grids(page: PageGeometry) -> tuple[list[_Table], list[dict[str, Any]]]:
    """The tables of a page: horizontal rules joined into one grid while a vertical rule
    spans the gap between two of them."""
    segments = page.segments
    edges = [e for e in segments if abs(e["top"] - e["bottom"]) < 0.5 and e["width"] > 10]
    verticals = [e for e in segments if abs(e["x0"] - e["x1"]) < 0.5 and e["height"] > 2]
    fills = [r for r in page.rects if r.get("fill") and _is_grey(r.get("non_stroking_color"))]
    ys = sorted({round(e["top"], 1) for e in edges})
    tables: list[_Table] = []
    for upper, lower in pairwise(ys):
        spanning = [v for v in verticals if v["top"] <= upper + 1 and v["bottom"] >= lower - 1]
        if not spanning:
            continue
        x0, x1 = min(v["x0"] for v in spanning), max(v["x0"] for v in spanning)
        header = any(f["top"] <= upper + 1 and f["bottom"] >= lower - 1 for f in fills)
        if tables and abs(tables[-1].bottom - upper) < 0.2:
            tables[-1].rows.append((upper, lower))
            tables[-1].header.append(header)
        else:
            tables.append(_Table([(upper, lower)], [header], x0, x1))
    return tables, verticals


def _is_grey(color: Any) -> bool:
    values = color if isinstance(color, list | tuple) else [color]
    try:
        numbers = [float(v) for v in values]
    except (TypeError, ValueError):
        return False
    return len(numbers) in (1, 3) and all(0.8 < v < 0.97 for v in numbers)


def _rule_page(page: PageGeometry) -> _Page:
    """What the rules read of a page: the body's text lines (not the running header and the
    page number), the ruled tables, the characters for the cells of a row."""
    body = [
        {k: ln[k] for k in ("top", "bottom", "text")}
        for ln in page.lines
        if ln["top"] >= HEADER_PT and ln["bottom"] <= page.height - FOOTER_PT
    ]
    tables, verticals = _grids(page)
    return _Page(
        page.number,
        page.height,
        body,
        tables,
        [{k: v[k] for k in ("top", "bottom", "x0")} for v in verticals],
        [{k: c[k] for k in ("x0", "top", "text")} for c in page.chars],
        page.images,
        any(c["size"] >= OPENING_SIZE for c in page.chars),
        page.width > page.height,
    )


def _filled_cells(page: _Page, band: tuple[float, float], table: _Table) -> tuple[int, int]:
    """(cells with text, cells) of one row band, cells bounded by the band's vertical rules."""
    upper, lower = band
    xs = sorted(
        {
            round(v["x0"], 1)
            for v in page.verticals
            if v["top"] <= upper + 1 and v["bottom"] >= lower - 1 and table.x0 - 1 <= v["x0"]
            if v["x0"] <= table.x1 + 1
        }
    )
    cells = list(pairwise(xs))
    inked = [c["x0"] for c in page.chars if upper < c["top"] < lower and c["text"].strip()]
    filled = sum(1 for left, right in cells if any(left < x0 < right for x0 in inked))
    return filled, len(cells)


def _first_body(page: _Page) -> float:
    tops = [ln["top"] for ln in page.lines] + [t.top for t in page.tables]
    return min(tops) if tops else page.height


def _last_body(page: _Page) -> float:
    bottoms = [ln["bottom"] for ln in page.lines] + [t.bottom for t in page.tables]
    return max(bottoms) if bottoms else 0.0


def _captions(page: _Page) -> list[Finding]:
    out = []
    for ln in page.lines:
        if not _CAPTION.match(ln["text"].strip()):
            continue
        below = [t for t in page.tables if t.top > ln["top"]]
        first = below[0] if below else None
        if first is None or all(first.header):
            out.append(
                Finding(
                    page.number,
                    "judul-terpisah",
                    f"judul {ln['text'].strip()} di kaki halaman, baris pertama tabelnya "
                    "di halaman berikutnya",
                )
            )
    return out


def _short(page: _Page) -> list[Finding]:
    if page.opening or page.images or not (page.lines or page.tables):
        return []
    body = page.height - HEADER_PT - FOOTER_PT
    if page.content_extent() >= SHORT_SHARE * body:
        return []
    shown = " / ".join(ln["text"].strip()[:40] for ln in page.lines[:2])
    return [
        Finding(
            page.number,
            "halaman-pendek",
            f"halaman hanya berisi {len(page.lines)} baris teks ({shown}); "
            "satukan dengan halaman sebelumnya",
        )
    ]


def _continuation(before: _Page, page: _Page) -> list[Finding]:
    """A table that ends page `before` and goes on at the top of `page`."""
    if not before.tables or not page.tables:
        return []
    last, first = before.tables[-1], page.tables[0]
    continues = (
        abs(_last_body(before) - last.bottom) < 1
        and abs(_first_body(page) - first.top) < 1
        and abs(last.x0 - first.x0) < 2
        and abs(last.x1 - first.x1) < 2
    )
    if not continues:
        return []
    out = []
    if any(last.header) and not first.header[0]:
        out.append(
            Finding(page.number, "kepala-hilang", "tabel berlanjut tanpa mengulang baris kepala")
        )
    body_rows = [r for r, h in zip(first.rows, first.header, strict=True) if not h]
    last_rows = [r for r, h in zip(last.rows, last.header, strict=True) if not h]
    if len(body_rows) == 1 and len(page.tables[0].rows) == len(first.rows):
        out.append(
            Finding(
                page.number,
                "baris-sendiri",
                f"hanya baris terakhir tabel dari halaman {before.number} yang pindah ke sini",
            )
        )
    if body_rows and last_rows:
        now, cells = _filled_cells(page, body_rows[0], first)
        was, cells_before = _filled_cells(before, last_rows[-1], last)
        if cells == cells_before and cells > 1 and now < was and now <= cells // 2:
            out.append(
                Finding(
                    page.number,
                    "baris-terpotong",
                    f"baris tabel terpotong dari halaman {before.number}",
                )
            )
    return out


def check_pdf(pdf_path: Path) -> list[Finding]:
    """Every place the PDF breaks a page rule, in page order."""
    return check_pages(read_pages(pdf_path))


def check_pages(geometry: Iterable[PageGeometry]) -> list[Finding]:
    """Every place these pages (a PDF's, in order) break a page rule, in page order."""
    pages = [_rule_page(page) for page in geometry]
    findings: list[Finding] = []
    for n, page in enumerate(pages):
        findings += _captions(page)
        # A page before a turn to landscape (a wide table) ends where it ends: nothing after
        # it could have filled it.
        turns = n + 1 < len(pages) and pages[n + 1].landscape != page.landscape
        findings += [] if turns else _short(page)
        if n:
            findings += _continuation(pages[n - 1], page)
    return sorted(findings, key=lambda f: f.page)


def report_lines(pdf_path: Path) -> list[str]:
    """What the build prints: one Indonesian line per finding, with the page number."""
    return [f"aturan halaman: {f.line()}" for f in check_pdf(pdf_path)]
