"""The page rules' former reader, pdfplumber (pdfminer), kept for the tests as an oracle: the
pdfium reader (lkj.render.pdfgeometry) must read the same pages. pdfplumber is a dev
dependency only (pyproject `dev`); the build does not import it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pdfplumber

from lkj.render.pdfgeometry import PageGeometry


def plumber_pages(pdf_path: Path) -> Iterator[PageGeometry]:
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            yield PageGeometry(
                page.page_number,
                float(page.width),
                float(page.height),
                [{k: ln[k] for k in ("top", "bottom", "text")} for ln in page.extract_text_lines()],
                [{k: c[k] for k in ("x0", "top", "text", "size")} for c in page.chars],
                [dict(e) for e in page.lines],
                [dict(r) for r in page.rects],
                len(page.images),
            )
            page.close()
