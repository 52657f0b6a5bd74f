"""The sha256 digests of the Word edition (Lampiran Jejak Angka) set in a monospace font.

Every data file's digest is printed in the book, so any data change changes those strings.
In a monospace font every hex digit has the same advance, and a string of hex digits alone in
its paragraph has no break opportunity that depends on which digits it holds (Unicode line
breaking keeps letters and digits together; the book has no hyphenation), so two digests of
the same length take exactly the same room: the pages cannot move. docx_reuse uses that to
keep LibreOffice's page measurement when only digests changed. A proportional font would not
allow it ('f' is about half as wide as '0' in DejaVu Sans, LibreOffice's stand-in for Arial).

Which cells: the body cells of a table column headed "sha256", each paragraph of which is a
lowercase hex string (a missing digest "?" or "—" stays in the table's font). The column
widths count a digest at the monospace advance, so they depend on the digests' lengths only.
"""

from __future__ import annotations

import re

from lkj.render.docx_ooxml import esc

MONO = "Courier New"  # Windows and macOS have it; fontconfig maps it to DejaVu Sans Mono here
MONO_EM = 0.61  # advance of every character in em: Courier New 0.600, DejaVu Sans Mono 0.602
HEADER = "sha256"
_HEX = re.compile(r"[0-9a-f]+")


def is_digest(text: str) -> bool:
    return _HEX.fullmatch(text) is not None


def digest_columns(header_cells: list) -> frozenset[int]:
    """Grid columns headed "sha256" (header_cells: docx_tables.Placed of the header rows)."""
    return frozenset(
        p.col for p in header_cells if p.colspan == 1 and p.text.strip().lower() == HEADER
    )


def digest_twips(text: str, pt: float) -> int:
    return round(len(text) * MONO_EM * pt * 20)


def _props(pt: float | None) -> str:
    size = ""
    if pt:
        half = round(pt * 2)
        size = f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    fonts = f'<w:rFonts w:ascii="{MONO}" w:hAnsi="{MONO}" w:cs="{MONO}"/>'
    return f"<w:rPr>{fonts}{size}</w:rPr>"  # rFonts first: the schema's order (CT_RPr)


def digest_run(text: str, pt: float | None) -> str:
    return f'<w:r>{_props(pt)}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


# A paragraph holding nothing but one digest run, as digest_run writes it: its digits may be
# masked without changing the layout (see the module docstring).
_ALONE = re.compile(
    r"(</w:pPr><w:r><w:rPr><w:rFonts w:ascii=\""
    + re.escape(MONO)
    + r"\" w:hAnsi=\""
    + re.escape(MONO)
    + r"\" w:cs=\""
    + re.escape(MONO)
    + r"\"/>(?:<w:sz w:val=\"\d+\"/><w:szCs w:val=\"\d+\"/>)?</w:rPr>"
    r"<w:t xml:space=\"preserve\">)([0-9a-f]+)(</w:t></w:r></w:p>)"
)


def masked(document: str) -> str:
    """word/document.xml with every digest paragraph's digits replaced by zeros (same
    length): equal for two documents whose layout differs in nothing else."""
    return _ALONE.sub(lambda m: m.group(1) + "0" * len(m.group(2)) + m.group(3), document)
