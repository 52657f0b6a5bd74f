"""The DOCX package after pandoc: headers and footers, the last section, settings, fixed
zip timestamps.

The header and footer parts depend on the run (running title, unit, contact on the cover,
TERBATAS in the internal edition), so they are written here rather than kept in
reference.docx. Every section of docx_layout refers to them by the relationship ids of
docx_ooxml.header_id / footer_id.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from lkj.render.assemble import BookMeta
from lkj.render.docx_layout import Layout
from lkj.render.docx_ooxml import LANDSCAPE_TEXT, PORTRAIT_TEXT, rpr, run
from lkj.render.docx_parts import restricted_mark

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
STAMP = (2020, 1, 1, 0, 0, 0)


def _part(tag: str, body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag} {NS}>{body}</w:{tag}>'


def _centred(runs: str, after: int = 0) -> str:
    return (
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="{after}"/><w:jc w:val="center"/>'
        f"</w:pPr>{runs}</w:p>"
    )


def header(meta: BookMeta, width: int) -> str:
    """Running title left, unit right, a thin rule under them (as the PDF's header)."""
    grey = rpr(size=8.5, color="5A5A5A")
    line = (
        f'<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" '
        f'w:color="A0A0A0"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="{width}"/></w:tabs>'
        f'<w:spacing w:before="0" w:after="0"/></w:pPr>{run(meta.running, grey)}'
        f"<w:r><w:tab/></w:r>{run(meta.unit or '', grey)}</w:p>"
    )
    mark = _centred(restricted_mark(), after=60) if meta.internal else ""
    return _part("hdr", mark + line)


def footer(meta: BookMeta) -> str:
    number = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    mark = _centred(restricted_mark()) if meta.internal else ""
    return _part("ftr", _centred(number, after=40) + mark)


def cover_header(meta: BookMeta) -> str:
    return _part("hdr", "<w:p/>")


def cover_footer(meta: BookMeta) -> str:
    """The contact lines at the foot of the cover, TERBATAS under them (internal)."""
    props = rpr(size=10, color="323232")
    lines = "".join(
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:ind w:left="1361"/></w:pPr>'
        f"{run(text, props)}</w:p>"
        for text in meta.contact
    )
    mark = _centred(restricted_mark()) if meta.internal else ""
    return _part("ftr", (lines or "<w:p/>") + mark)


def parts(meta: BookMeta) -> dict[str, tuple[str, str, str]]:
    """file name -> (relationship id, kind, XML)."""
    return {
        "word/lkj-header.xml": ("rIdLkjHdr", "header", header(meta, PORTRAIT_TEXT)),
        "word/lkj-header-wide.xml": ("rIdLkjHdrWide", "header", header(meta, LANDSCAPE_TEXT)),
        "word/lkj-header-cover.xml": ("rIdLkjHdrCover", "header", cover_header(meta)),
        "word/lkj-footer.xml": ("rIdLkjFtr", "footer", footer(meta)),
        "word/lkj-footer-cover.xml": ("rIdLkjFtrCover", "footer", cover_footer(meta)),
    }


TITLE_BLOCK = re.compile(
    r'<w:p>\s*<w:pPr>\s*<w:pStyle w:val="(?:Title|Subtitle)" />\s*</w:pPr>.*?</w:p>', re.S
)


def _last_section(document: str, layout: Layout) -> str:
    """The body-level w:sectPr (pandoc's copy of reference.docx's) -> the last section;
    pandoc's title block dropped (the cover shows title and unit; the title stays in the
    document properties)."""
    document = TITLE_BLOCK.sub("", document, count=2)
    end = document.rindex("</w:body>")
    start = document.rindex("<w:sectPr", 0, end)
    return document[:start] + layout.final.xml() + document[end:]


def settings(xml: str, update_fields: bool) -> str:
    if update_fields and "<w:updateFields" not in xml:
        xml = re.sub(r"(<w:settings[^>]*>)", r'\1<w:updateFields w:val="true"/>', xml, count=1)
    return xml


def package(
    docx: bytes,
    layout: Layout,
    meta: BookMeta,
    update_fields: bool = False,
    document_edit: Callable[[str], str] | None = None,
) -> bytes:
    """Rewrite pandoc's DOCX: parts added, last section set, zip entries with fixed times.
    document_edit: a function applied to word/document.xml last (the page numbers)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    extra = parts(meta)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in src.infolist():
            data = src.read(info.filename)
            name = info.filename
            if name == "word/document.xml":
                text = _last_section(data.decode("utf-8"), layout)
                if document_edit is not None:
                    text = document_edit(text)
                data = text.encode("utf-8")
            elif name == "word/_rels/document.xml.rels":
                rels = "".join(
                    f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{fn[5:]}"/>'
                    for fn, (rid, kind, _) in extra.items()
                )
                xml = data.decode("utf-8").replace("</Relationships>", rels + "</Relationships>")
                data = xml.encode("utf-8")
            elif name == "[Content_Types].xml":
                types = "".join(
                    f'<Override PartName="/{fn}" ContentType="{CT}.{kind}+xml"/>'
                    for fn, (_, kind, _) in extra.items()
                )
                data = data.decode("utf-8").replace("</Types>", types + "</Types>").encode()
            elif name == "word/settings.xml":
                data = settings(data.decode("utf-8"), update_fields).encode("utf-8")
            dest.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)
        for fn, (_, _, xml) in extra.items():
            dest.writestr(zipfile.ZipInfo(fn, STAMP), xml.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def normalized_odt(odt: bytes) -> bytes:
    """LibreOffice's ODT with the save time and editing stats fixed: same book, same bytes."""
    src = zipfile.ZipFile(io.BytesIO(odt))
    out = io.BytesIO()
    lists: dict[str, str] = {}  # LibreOffice names lists with random numbers

    def list_id(match: re.Match[str]) -> str:
        return lists.setdefault(match.group(0), f"lkjlist{len(lists) + 1}")

    with zipfile.ZipFile(out, "w") as dest:
        # LibreOffice writes the entries in an order that varies: "mimetype" first, then
        # sorted by name
        entries = sorted(src.infolist(), key=lambda i: (i.filename != "mimetype", i.filename))
        for info in entries:
            data = src.read(info.filename)
            if info.filename in ("content.xml", "styles.xml"):
                data = re.sub(r"\blist\d{5,}\b", list_id, data.decode("utf-8")).encode("utf-8")
            elif info.filename == "meta.xml":
                text = data.decode("utf-8")
                text = re.sub(r"<dc:date>[^<]*</dc:date>", "", text)
                text = re.sub(r"<meta:creation-date>[^<]*</meta:creation-date>", "", text)
                text = re.sub(r"<meta:editing-duration>[^<]*</meta:editing-duration>", "", text)
                text = re.sub(r"<meta:editing-cycles>[^<]*</meta:editing-cycles>", "", text)
                # counts of a layout LibreOffice may still be finishing when it saves
                text = re.sub(r"<meta:document-statistic[^>]*/>", "", text)
                data = text.encode("utf-8")
            elif info.filename.startswith("Thumbnails/"):
                continue  # a picture of page 1, drawn whenever LibreOffice gets to it
            elif info.filename == "META-INF/manifest.xml":
                text = re.sub(
                    r"<manifest:file-entry [^>]*Thumbnails/[^>]*/>", "", data.decode("utf-8")
                )
                data = text.encode("utf-8")
            elif info.filename == "settings.xml":  # a random revision id per session
                text = re.sub(
                    r'(config:name="Rsid(?:Root)?" config:type="int">)\d+<',
                    r"\g<1>1<",
                    data.decode("utf-8"),
                )
                # the window's view (visible area, cursor): not part of the book
                text = re.sub(
                    r'<config:config-item-set config:name="ooo:view-settings">.*?'
                    r"</config:config-item-set>(?=<config:config-item-set "
                    r'config:name="ooo:configuration-settings">)',
                    "",
                    text,
                    flags=re.S,
                )
                data = text.encode("utf-8")
            # ODF: "mimetype" first and stored uncompressed
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            dest.writestr(zipfile.ZipInfo(info.filename, STAMP), data, method)
    return out.getvalue()
