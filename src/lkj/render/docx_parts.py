"""Pieces of the Word edition drawn in OOXML: the cover, the TERBATAS mark, signatures."""

from __future__ import annotations

from lkj.render import pandoc
from lkj.render.assemble import BookMeta
from lkj.render.docx_ooxml import (
    ACCENT,
    GOLD,
    RESTRICTED,
    block_inlines,
    inline_runs,
    raw,
    rpr,
    run,
)

# ---------------------------------------------------------------- cover


def cover_blocks(meta: BookMeta) -> list:
    """The PDF's cover: a dark band with year, title and period, then the unit."""
    white = "FFFFFF"
    inner: list[str] = [_p("", after=1200)]
    if meta.internal:
        inner.append(
            _p(
                run(
                    "TERBATAS",
                    rpr(
                        bold=True,
                        color=white,
                        size=11,
                        extra='<w:bdr w:val="single" w:sz="6" w:space="1" w:color="FFFFFF"/>',
                    ),
                ),
                after=300,
            )
        )
    if meta.parent:
        inner.append(_p(run(meta.parent.upper(), rpr(color=white, size=11)), after=800))
    if meta.year:
        inner.append(_p(run(str(meta.year), rpr(bold=True, color=white, size=40)), after=60))
    inner.append(_p(run(meta.title.upper(), rpr(bold=True, color=white, size=26)), after=40))
    if meta.period:
        inner.append(_p(run(meta.period, rpr(color=white, size=18))))
    band = (
        # CT_TblPr order: tblW, tblInd, tblBorders, tblLayout, tblCellMar
        '<w:tbl><w:tblPr><w:tblW w:w="11906" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>'
        '<w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/>'
        '<w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/>'
        # no cell margins: LibreOffice moves a table left by its cell margin (as Word does)
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
        '<w:tblGrid><w:gridCol w:w="11906"/></w:tblGrid>'
        '<w:tr><w:trPr><w:trHeight w:val="6400" w:hRule="exact"/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:w="11906" w:type="dxa"/><w:shd w:val="clear" '
        f'w:color="auto" w:fill="{ACCENT}"/></w:tcPr>{"".join(inner)}</w:tc></w:tr></w:tbl>'
    )
    rule = (
        '<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="24" w:space="1" '
        f'w:color="{GOLD}"/></w:pBdr><w:spacing w:before="400" w:after="300"/>'
        f'<w:ind w:left="1361" w:right="{11906 - 1361 - 1701}"/></w:pPr></w:p>'
    )
    unit = ""
    if meta.unit:
        unit = _p(run(meta.unit.upper(), rpr(bold=True, color=ACCENT, size=20)))
    if meta.subtitle:
        unit += _p(run(meta.subtitle, rpr(color="3C3C3C", size=12)))
    return [raw(band + rule + unit)]


def _p(runs: str, after: int = 0, indent: bool = True) -> str:
    ind = '<w:ind w:left="1361" w:right="1361"/>' if indent else ""
    return (
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="{after}"/>{ind}'
        f'<w:jc w:val="left"/></w:pPr>{runs}</w:p>'
    )


def restricted_mark() -> str:
    """The red TERBATAS box of the internal edition (header and footer)."""
    return run(
        "TERBATAS",
        rpr(
            bold=True,
            color=RESTRICTED,
            size=9,
            extra=f'<w:bdr w:val="single" w:sz="6" w:space="1" w:color="{RESTRICTED}"/>',
        ),
    )


# ---------------------------------------------------------------- signatures


def signatures_xml(div: dict, width: int) -> str:
    """lkj.display.signatures as a borderless table: one column per party, centred lines,
    room for the wet signature above the underlined name."""
    parties = [d for d in div["c"][1] if d["t"] == "Div"]
    col = width // max(1, len(parties))
    cells = []
    for party in parties:
        lines: dict[str, list] = {}
        for part in party["c"][1]:
            if part["t"] == "Div":
                cls = (pandoc.attr(part) or ("", [], {}))[1]
                kind = next((c[len("lkj-sign-") :] for c in cls if c.startswith("lkj-sign-")), "")
                lines[kind] = [x for b in block_inlines(part["c"][1]) for x in b]
        paras = []
        for kind in ("above", "role", "name", "nip"):
            if kind not in lines:
                continue
            name = kind == "name"
            runs = inline_runs(lines[kind], soft="\n")
            if name:
                runs = runs.replace("<w:r>", f"<w:r>{rpr(bold=True, underline=True)}")
            paras.append(
                f'<w:p><w:pPr><w:keepNext/><w:spacing w:before="{1300 if name else 0}" '
                f'w:after="40"/><w:jc w:val="center"/></w:pPr>{runs}</w:p>'
            )
        cells.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{col}" w:type="dxa"/></w:tcPr>'
            f"{''.join(paras) or '<w:p/>'}</w:tc>"
        )
    grid = "".join(f'<w:gridCol w:w="{col}"/>' for _ in parties)
    none = "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:p><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="0"/></w:pPr></w:p>'
        f'<w:tbl><w:tblPr><w:tblW w:w="{col * len(parties)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{none}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr></w:tbl>"
    )
