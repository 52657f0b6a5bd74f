"""Make src/lkj/resources/docx/reference.docx: the Word styles of the book's DOCX edition.

    .venv/bin/python -m lkj.render.docx_reference      # rewrites the file in the repository

Starts from pandoc's own default reference document (`pandoc --print-default-data-file
reference.docx`) and changes only what the report needs: A4 with the margins of Indonesian
official documents, Arial 11 pt in Indonesian, black bold headings with each chapter on a new
page, tables with full borders and a shaded header row, and a page number centred in the
footer, table captions bold and centred over the table, chart captions small and italic
under it. The zip is written with fixed timestamps so the same pandoc gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile

from lkj.paths import resource
from lkj.render.pandoc import run_pandoc

FONT = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial" />'
# Twentieths of a point: A4 = 210 × 297 mm; margins left 3 cm (binding), others 2.5 cm.
SECTION = (
    "<w:sectPr>"
    '<w:footerReference w:type="default" r:id="rIdLkjFooter" />'
    '<w:pgSz w:w="11906" w:h="16838" />'
    '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1701" w:header="709" '
    'w:footer="709" w:gutter="0" />'
    '<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
    "</w:sectPr>"
)
FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<w:p><w:pPr><w:jc w:val="center" /></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin" /></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
    "<w:r><w:t>1</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end" /></w:r></w:p></w:ftr>'
)
HEADING_SIZES = {1: 28, 2: 24, 3: 22}  # half-points: 14, 12, 11 pt
TABLE_STYLE = """<w:style w:type="table" w:default="1" w:styleId="Table">
    <w:name w:val="Table" />
    <w:basedOn w:val="TableNormal" />
    <w:qFormat />
    <w:pPr><w:spacing w:before="20" w:after="20" /></w:pPr>
    <w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>
    <w:tblPr>
      <w:tblInd w:w="0" w:type="dxa" />
      <w:tblBorders>
        <w:top w:val="single" w:sz="4" w:space="0" w:color="000000" />
        <w:left w:val="single" w:sz="4" w:space="0" w:color="000000" />
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000" />
        <w:right w:val="single" w:sz="4" w:space="0" w:color="000000" />
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000" />
        <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000" />
      </w:tblBorders>
      <w:tblCellMar>
        <w:top w:w="20" w:type="dxa" />
        <w:left w:w="80" w:type="dxa" />
        <w:bottom w:w="20" w:type="dxa" />
        <w:right w:w="80" w:type="dxa" />
      </w:tblCellMar>
    </w:tblPr>
    <w:tblStylePr w:type="firstRow">
      <w:rPr><w:b /></w:rPr>
      <w:tcPr>
        <w:shd w:val="clear" w:color="auto" w:fill="E8E8E8" />
        <w:vAlign w:val="center" />
      </w:tcPr>
    </w:tblStylePr>
  </w:style>"""


CAPTIONS = {
    # "Tabel 3" over the title, bold, centred, kept with its table
    "TableCaption": """<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableCaption">
    <w:name w:val="Table Caption" />
    <w:basedOn w:val="Caption" />
    <w:pPr><w:keepNext /><w:spacing w:before="240" w:after="120" /><w:jc w:val="center" /></w:pPr>
    <w:rPr><w:b /><w:bCs /><w:i w:val="0" /><w:iCs w:val="0" /></w:rPr>
  </w:style>""",
    # under a chart: small italic, centred
    "ImageCaption": """<w:style w:type="paragraph" w:customStyle="1" w:styleId="ImageCaption">
    <w:name w:val="Image Caption" />
    <w:basedOn w:val="Caption" />
    <w:pPr><w:spacing w:before="60" w:after="240" /><w:jc w:val="center" /></w:pPr>
    <w:rPr><w:sz w:val="19" /><w:szCs w:val="19" /></w:rPr>
  </w:style>""",
    "CaptionedFigure": """<w:style w:type="paragraph" w:customStyle="1"
    w:styleId="CaptionedFigure">
    <w:name w:val="Captioned Figure" />
    <w:basedOn w:val="Figure" />
    <w:pPr><w:keepNext /><w:jc w:val="center" /></w:pPr>
  </w:style>""",
}


def _style(xml: str, style_id: str) -> re.Match[str]:
    match = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', xml, re.S)
    if match is None:
        raise ValueError(f"style {style_id} not in pandoc's reference.docx")
    return match


def _set_rpr(style: str, rpr: str) -> str:
    """Replace the run properties of one style (or add them)."""
    if "<w:rPr>" in style:
        return re.sub(r"<w:rPr>.*?</w:rPr>", f"<w:rPr>{rpr}</w:rPr>", style, flags=re.S)
    return style.replace("</w:style>", f"<w:rPr>{rpr}</w:rPr></w:style>")


def styles(xml: str) -> str:
    xml = re.sub(r"<w:rFonts [^>]*/>", FONT, xml, count=1)  # docDefaults come first
    xml = re.sub(
        r'<w:sz w:val="24" />\s*<w:szCs w:val="24" />',
        '<w:sz w:val="22" /><w:szCs w:val="22" />',
        xml,
        count=1,
    )
    xml = xml.replace('<w:lang w:val="en-US"', '<w:lang w:val="id-ID"', 1)
    for level, size in HEADING_SIZES.items():
        match = _style(xml, f"Heading{level}")
        style = _set_rpr(
            match.group(0),
            f'{FONT}<w:b /><w:bCs /><w:color w:val="000000" /><w:sz w:val="{size}" />'
            f'<w:szCs w:val="{size}" />',
        )
        if level == 1:  # chapters start on a new page and are centred, as in the PDF
            style = style.replace(
                "<w:keepNext />", '<w:pageBreakBefore /><w:keepNext /><w:jc w:val="center" />', 1
            )
        xml = xml[: match.start()] + style + xml[match.end() :]
    for style_id, size in (("Title", 32), ("Subtitle", 26)):
        match = _style(xml, style_id)
        style = _set_rpr(
            match.group(0), f'{FONT}<w:b /><w:sz w:val="{size}" /><w:szCs w:val="{size}" />'
        )
        xml = xml[: match.start()] + style + xml[match.end() :]
    for style_id, replacement in CAPTIONS.items():  # as the PDF sets them
        match = _style(xml, style_id)
        xml = xml[: match.start()] + replacement + xml[match.end() :]
    match = _style(xml, "Table")
    return xml[: match.start()] + TABLE_STYLE + xml[match.end() :]


def document(xml: str) -> str:
    return re.sub(r"<w:sectPr>.*?</w:sectPr>", SECTION, xml, flags=re.S)


def rels(xml: str) -> str:
    footer = (
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/footer" Id="rIdLkjFooter" Target="footer1.xml" />'
    )
    return xml.replace("</Relationships>", footer + "</Relationships>")


def content_types(xml: str) -> str:
    footer = (
        '<Override PartName="/word/footer1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" />'
    )
    return xml.replace("</Types>", footer + "</Types>")


EDITS = {
    "word/styles.xml": styles,
    "word/document.xml": document,
    "word/_rels/document.xml.rels": rels,
    "[Content_Types].xml": content_types,
}


def make_reference(default: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(default))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            data = src.read(info.filename)
            if info.filename in EDITS:
                data = EDITS[info.filename](data.decode("utf-8")).encode("utf-8")
            dest.writestr(
                zipfile.ZipInfo(info.filename, (2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
        dest.writestr(
            zipfile.ZipInfo("word/footer1.xml", (2020, 1, 1, 0, 0, 0)), FOOTER, zipfile.ZIP_DEFLATED
        )
    return out.getvalue()


def main() -> None:
    default = run_pandoc(["--print-default-data-file", "reference.docx"], what="reference.docx")
    target = resource("docx/reference.docx")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(make_reference(default))
    print(target)


if __name__ == "__main__":
    main()
