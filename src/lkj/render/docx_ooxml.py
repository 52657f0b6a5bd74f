"""Small WordprocessingML (OOXML) writers for the Word edition: runs, paragraphs, sections.

Everything the book's own layout needs beyond what pandoc's docx writer makes (cover,
lists with page numbers, tables with exact widths, section breaks) is written as raw
"openxml" blocks that pandoc copies verbatim into word/document.xml. Text always goes
through `esc`, so text from data can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from lkj.render import pandoc

# Twentieths of a point. A4 = 210 × 297 mm; margins as in reference.docx (left 3 cm).
A4_W, A4_H = 11906, 16838
MARGIN, BINDING = 1418, 1701
PORTRAIT_TEXT = A4_W - BINDING - MARGIN  # 8787
LANDSCAPE_TEXT = A4_H - 2 * MARGIN  # 14002
ACCENT = "1F3B63"
GOLD = "C9A227"
RESTRICTED = "B00020"


def esc(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def raw(xml: str) -> dict:
    return {"t": "RawBlock", "c": ["openxml", xml]}


def raw_inline(xml: str) -> dict:
    return {"t": "RawInline", "c": ["openxml", xml]}


def rpr(
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    color: str | None = None,
    underline: bool = False,
    extra: str = "",
) -> str:
    # in the order of the schema (CT_RPr): Word refuses a document with them out of order
    parts = []
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        half = round(size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    parts.append(extra)  # w:bdr
    body = "".join(parts)
    return f"<w:rPr>{body}</w:rPr>" if body else ""


def run(text: str, props: str = "") -> str:
    """A run; "\\n" in text becomes a line break."""
    pieces = []
    for i, part in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        if part:
            pieces.append(f'<w:t xml:space="preserve">{esc(part)}</w:t>')
    return f"<w:r>{props}{''.join(pieces)}</w:r>"


def para(runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"


def bookmark(name: str, ident: int, inner: str) -> str:
    return (
        f'<w:bookmarkStart w:id="{ident}" w:name="{esc(name)}"/>{inner}'
        f'<w:bookmarkEnd w:id="{ident}"/>'
    )


def field(instr: str, result: str, props: str = "") -> str:
    """A complex field with a cached result (what Word shows until the field is updated)."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {esc(instr)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{props}<w:t>{esc(result)}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


@dataclass(frozen=True)
class Section:
    """Page setup of one section of the document."""

    kind: str  # "cover", "front" (roman numbers) or "main" (arabic)
    landscape: bool = False
    restart: bool = False  # page numbers start again at 1

    def xml(self) -> str:
        if self.landscape:
            size = f'<w:pgSz w:w="{A4_H}" w:h="{A4_W}" w:orient="landscape"/>'
            margins = (MARGIN, MARGIN, MARGIN, MARGIN)
        else:
            size = f'<w:pgSz w:w="{A4_W}" w:h="{A4_H}"/>'
            margins = (MARGIN, MARGIN, MARGIN, BINDING)
        if self.kind == "cover":
            margins = (0, 0, MARGIN, 0)
        top, right, bottom, left = margins
        refs = f'<w:headerReference w:type="default" r:id="{header_id(self)}"/>'
        refs += f'<w:footerReference w:type="default" r:id="{footer_id(self)}"/>'
        fmt = "lowerRoman" if self.kind in ("cover", "front") else "decimal"
        start = ' w:start="1"' if self.restart else ""
        return (
            f"<w:sectPr>{refs}{size}"
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
            'w:header="709" w:footer="709" w:gutter="0"/>'
            f'<w:pgNumType w:fmt="{fmt}"{start}/></w:sectPr>'
        )

    def text_width(self) -> int:
        return LANDSCAPE_TEXT if self.landscape else PORTRAIT_TEXT


def header_id(section: Section) -> str:
    if section.kind == "cover":
        return "rIdLkjHdrCover"
    return "rIdLkjHdrWide" if section.landscape else "rIdLkjHdr"


def footer_id(section: Section) -> str:
    return "rIdLkjFtrCover" if section.kind == "cover" else "rIdLkjFtr"


def section_break(section: Section) -> dict:
    """The paragraph that ends a section (OOXML keeps a section's setup at its end)."""
    return raw(f"<w:p><w:pPr>{section.xml()}</w:pPr></w:p>")


# ---------------------------------------------------------------- inlines -> runs


def inline_runs(  # noqa: C901 (one branch per pandoc inline type: a dispatch table reads worse)
    inlines: list,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    soft: str = " ",
) -> str:
    """Runs for the inlines found in table cells and captions (text, emphasis, breaks).
    soft: what a SoftBreak (a newline in the source text) becomes."""
    out: list[str] = []
    text: list[str] = []

    def flush() -> None:
        if text:
            out.append(run("".join(text), rpr(bold=bold, italic=italic, size=size)))
            text.clear()

    for node in inlines:
        kind = node.get("t")
        if kind == "Str":
            text.append(node["c"])
        elif kind == "Space":
            text.append(" ")
        elif kind == "SoftBreak":
            text.append(soft)
        elif kind == "LineBreak":
            text.append("\n")
        elif kind in ("Strong", "Emph"):
            flush()
            out.append(
                inline_runs(
                    node["c"],
                    bold=bold or kind == "Strong",
                    italic=italic or kind == "Emph",
                    size=size,
                    soft=soft,
                )
            )
        elif kind in ("Span", "Link"):
            flush()
            out.append(inline_runs(node["c"][1], bold=bold, italic=italic, size=size, soft=soft))
        elif kind in ("RawInline", "Note", "Image"):
            continue
        else:
            text.append(pandoc.stringify([node]))
    flush()
    return "".join(out)


def block_inlines(blocks: list) -> list[list]:
    """The inline lists of a cell's blocks (one per paragraph)."""
    out: list[list] = []
    for block in blocks:
        if block["t"] in ("Plain", "Para"):
            out.append(block["c"])
        elif block["t"] == "Div":
            out += block_inlines(block["c"][1])
        elif block["t"] == "LineBlock":
            out += list(block["c"])
    return out
