"""What the page rules read from a PDF, page by page, through pdfium (C, via pypdfium2).

pdfplumber (pdfminer, pure Python) read the same data in ≈ 12 s for a 73-page book, on the
critical path of every build; pdfium takes a fraction of it. The data keeps pdfplumber's
conventions, so the rules did not change with the reader: coordinates in points from the
top-left corner; a character's box from its origin, its font's descent and its size (as
pdfminer builds it: `top` = baseline − descent − size); text lines grouped as
pdfplumber's `extract_text_lines` groups them; paths split into subpaths and sorted into
lines (one segment) and rects (an axis-aligned closed box) as pdfminer sorts them.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from lkj.render.textlines import text_lines

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass
class PageGeometry:
    """One page as drawn: every text line, character, line segment, rect and image."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[dict[str, Any]]  # text lines: top, bottom, text
    chars: list[dict[str, Any]]  # x0, top, text, size (and x1, bottom, upright)
    segments: list[dict[str, Any]] = field(default_factory=list)  # x0, x1, top, bottom, ...
    rects: list[dict[str, Any]] = field(default_factory=list)  # + fill, non_stroking_color
    images: int = 0


def read_pages(pdf_path: Path) -> Iterator[PageGeometry]:
    """The pages of the PDF in order; each page's pdfium objects closed before the next."""
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                yield _page(index + 1, page)
            finally:
                page.close()
    finally:
        pdf.close()


def _page(number: int, page: pdfium.PdfPage) -> PageGeometry:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage, height)
    finally:
        textpage.close()
    shapes = _Shapes(height)
    shapes.walk(page.raw, _IDENTITY, form=None)
    return PageGeometry(
        number,
        float(width),
        float(height),
        text_lines(chars),
        chars,
        shapes.segments,
        shapes.rects,
        shapes.images,
    )


def _chars(textpage: pdfium.PdfTextPage, height: float) -> list[dict[str, Any]]:
    """The page's characters in content order (pdfium's generated spaces and line breaks
    left out: they are not in the PDF, pdfminer has none)."""
    tp = textpage.raw
    count = raw.FPDFText_CountChars(tp)
    text = _text(tp, count)
    box = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    chars: list[dict[str, Any]] = []
    last_object, style = None, _Style(0.0, 0.0, _IDENTITY)
    text_object, loose_box, origin = _TEXT_OBJECT, raw.FPDFText_GetLooseCharBox, _ORIGIN
    for i in range(count):
        address = text_object(tp, i)  # an int (None: a character pdfium made up)
        if address is None:
            continue
        if address != last_object:
            last_object, style = address, _style(tp, i, address)
        loose_box(tp, i, box)
        advance = box.right - box.left
        if advance == 0 and text[i] == " ":
            continue  # a space pdfium puts at a kerning gap inside a text object: made up too
        origin(tp, i, ox, oy)
        chars.append(style.char(text[i], ox.value, oy.value, advance, height))
    return chars


def _returning_address(function: Any) -> Any:
    """A copy of a ctypes function of pdfium that returns the pointer as an int: comparing
    two characters' text objects then costs no ctypes cast."""
    copy = type(function).from_address(ctypes.addressof(function))
    copy.argtypes, copy.restype = function.argtypes, ctypes.c_void_p
    return copy


_TEXT_OBJECT = _returning_address(raw.FPDFText_GetTextObject)
_ORIGIN = raw.FPDFText_GetCharOrigin


@dataclass(frozen=True)
class _Style:
    """What the characters of one text object share: the font's descent (per unit of font
    size, from the font descriptor as pdfminer reads it), the font size and the text matrix."""

    descent: float
    size: float
    matrix: Matrix

    def char(self, text: str, x: float, y: float, advance: float, height: float) -> dict:
        """pdfminer's LTChar box: the corners (0, descent) and (advance, descent + size) of
        text space carried to the page by the matrix, put at the origin (x, y)."""
        a, b, c, d, _, _ = self.matrix
        low, high = self.descent * self.size, (self.descent + 1) * self.size
        if b == 0 and c == 0 and a > 0 and d > 0:  # upright, as all of typst's text
            return {
                "text": text,
                "x0": x,
                "x1": x + advance,
                "top": height - y - d * high,
                "bottom": height - y - d * low,
                "size": d * (high - low),
                "upright": True,
            }
        run = advance / a if abs(a) > 1e-9 else advance  # the loose box is in page space
        xs = (x + c * low, x + a * run + c * high)
        ys = (y + d * low, y + b * run + d * high)
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        return {
            "text": text,
            "x0": x0,
            "x1": x1,
            "top": height - y1,
            "bottom": height - y0,
            "size": y1 - y0,
            "upright": a * d > 0 and b * c <= 0,
        }


def _text(tp: Any, count: int) -> str:
    """The characters' text, one str character per pdfium character."""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    raw.FPDFText_GetText(tp, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:
        # Outside the BMP (a surrogate pair is two UTF-16 units): ask character by character.
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(count))
    # pdfium marks a hyphen that ends a line (typst's hyphenation) as U+FFFE; the PDF, and
    # pdfminer, have "-" there
    return text.replace("\ufffe", "-")


def _style(tp: Any, index: int, address: int) -> _Style:
    descent = ctypes.c_float()
    font = raw.FPDFTextObj_GetFont(ctypes.cast(address, raw.FPDF_PAGEOBJECT))
    if not font or not raw.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), descent):
        descent.value = 0.0
    m = raw.FS_MATRIX()
    matrix = (m.a, m.b, m.c, m.d, m.e, m.f) if raw.FPDFText_GetMatrix(tp, index, m) else _IDENTITY
    # pdfminer makes a positive descent negative, as PDF means it
    return _Style(-abs(descent.value) / 1000.0, raw.FPDFText_GetFontSize(tp, index), matrix)


def _multiply(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _matrix(obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


class _Shapes:
    """The paths and images of a page, form XObjects opened (pdfminer descends into them)."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.segments: list[dict[str, Any]] = []
        self.rects: list[dict[str, Any]] = []
        self.images = 0

    def walk(self, parent: Any, outer: Matrix, form: Any) -> None:
        count = raw.FPDFFormObj_CountObjects(form) if form else raw.FPDFPage_CountObjects(parent)
        for i in range(count):
            obj = raw.FPDFFormObj_GetObject(form, i) if form else raw.FPDFPage_GetObject(parent, i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                self.images += 1
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                self.walk(parent, _multiply(_matrix(obj), outer), form=obj)
            elif kind == raw.FPDF_PAGEOBJ_PATH:
                self._path(obj, _multiply(_matrix(obj), outer))

    def _path(self, obj: Any, matrix: Matrix) -> None:
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
            return
        fill = fill_mode.value != raw.FPDF_FILLMODE_NONE
        if not fill and not stroke.value:
            return  # a clipping path only: pdfminer paints none
        colour = _fill_colour(obj) if fill else None
        for ops, points in _subpaths(obj, matrix):
            self._classify(ops, points, fill, colour)

    def _classify(self, ops: str, pts: list[tuple[float, float]], fill: bool, colour: Any) -> None:
        # pdfminer's paint_path: drop a redundant "l" closed by "h", then one segment is a
        # line and an axis-aligned closed box a rect (anything else a curve, not read here)
        if len(ops) > 3 and ops[-2:] == "lh" and pts[-2] == pts[0]:
            ops = ops[:-2] + "h"
            pts = pts[:-1]
        if ops in ("ml", "mlh"):
            self.segments.append(self._box(pts[:2]))
        elif ops in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            closed = pts[0] == pts[4]
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if closed and square:
                rect = self._box([pts[0], pts[2]])
                rect.update(fill=fill, non_stroking_color=colour)
                self.rects.append(rect)

    def _box(self, pts: list[tuple[float, float]]) -> dict[str, Any]:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        return {
            "x0": x0,
            "x1": x1,
            "top": self.height - y1,
            "bottom": self.height - y0,
            "width": x1 - x0,
            "height": y1 - y0,
        }


def _fill_colour(obj: Any) -> tuple[float, ...]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return ()
    rgb = (r.value / 255, g.value / 255, b.value / 255)
    return rgb[:1] if rgb[0] == rgb[1] == rgb[2] else rgb


def _subpaths(obj: Any, matrix: Matrix) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """The path's subpaths as pdfminer writes them: m, l, c (a Bézier's end point) and h
    (back to the subpath's start), points in page space (PDF's bottom-up y)."""
    a, b, c, d, e, f = matrix
    ops: list[str] = []
    points: list[tuple[float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    bezier, start = 0, 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(segment)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = len(ops)
            ops.append("m")
            points.append(point)
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1  # pdfium gives a Bézier's three points as three segments
            if bezier % 3 == 0:
                ops.append("c")
                points.append(point)
        else:
            ops.append("l")
            points.append(point)
        if raw.FPDFPathSegment_GetClose(segment):
            ops.append("h")
            points.append(points[start] if points else point)
    yield from _split(ops, points)


def _split(
    ops: list[str], points: list[tuple[float, float]]
) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    starts = [i for i, op in enumerate(ops) if op == "m"] + [len(ops)]
    for begin, end in pairwise(starts):
        yield "".join(ops[begin:end]), points[begin:end]
