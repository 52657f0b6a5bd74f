"""The Word edition laid out like the PDF (lkj.render.typst): the book AST with raw OOXML.

    cover (own section, no page number) → front-matter chapters, Daftar Isi, Daftar Tabel,
    Daftar Gambar, Daftar Lampiran (roman numbers from i) → BAB I … appendices (arabic from 1)

Landscape pages where the PDF has them: a table whose spec says `landscape` (div attribute
lkj-landscape) gets a landscape section of its own, an appendix started with
`lampiran(..., landscape=True)` is landscape until its end. Every listed heading, table,
figure and appendix gets a bookmark; the lists show a PAGEREF field to it whose cached
number lkj.render.docx_pages fills in from LibreOffice's layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkj.render import pandoc
from lkj.render.assemble import BookMeta
from lkj.render.docx_ooxml import (
    PORTRAIT_TEXT,
    Section,
    bookmark,
    esc,
    raw,
    raw_inline,
    rpr,
    run,
    section_break,
)
from lkj.render.docx_parts import cover_blocks, signatures_xml
from lkj.render.docx_tables import caption_xml, table_xml
from lkj.render.quarto import Chapter

FIRST_ID = 900_000  # bookmark ids above any pandoc gives
PLACEHOLDER = "00"  # cached page number before LibreOffice measured the layout


@dataclass
class Entry:
    list: str  # "isi", "tabel", "gambar", "lampiran"
    mark: str  # bookmark name
    text: str
    number: str = ""
    level: int = 1


@dataclass
class Layout:
    """What docx_pages needs after pandoc wrote the document."""

    final: Section  # the last section: word/document.xml's body-level w:sectPr
    entries: list[Entry] = field(default_factory=list)
    front: set[str] = field(default_factory=set)  # marks on roman-numbered pages

    @property
    def marks(self) -> list[str]:
        return sorted({e.mark for e in self.entries})


class _Book:
    """Walks the chapters once, keeping the current section and the bookmarks."""

    def __init__(self) -> None:
        self.next_id = FIRST_ID
        self.entries: list[Entry] = []
        self.front: set[str] = set()
        self.in_front = True
        self.section = Section("cover")
        self.blocks: list = []
        self.pending_lampiran: dict[str, tuple[str, str]] = {}
        self.started = 0  # len(blocks) when the current section began
        self.ended: Section | None = None  # the section the last break ended

    def mark(self, prefix: str) -> tuple[str, int]:
        self.next_id += 1
        name = f"_Lkj{prefix}{self.next_id - FIRST_ID}"
        if self.in_front:
            self.front.add(name)
        return name, self.next_id

    def switch(self, section: Section) -> None:
        """End the current section here; what follows is laid out as `section`. A section
        with nothing in it is not ended but replaced (it would be an empty page); a page
        number restart it asked for passes to its replacement."""
        if len(self.blocks) == self.started and self.ended is not None:
            if self.section.restart and not section.restart:
                section = Section(section.kind, section.landscape, restart=True)
        else:
            self.blocks.append(section_break(self.section))
            self.ended = self.section
        self.section = section
        self.started = len(self.blocks)

    def close(self) -> Section:
        """The last section (the document's own w:sectPr): an empty one is dropped."""
        if len(self.blocks) == self.started and self.ended is not None:
            self.blocks.pop()
            return self.ended
        return self.section

    # ------------------------------------------------------------ blocks

    def heading(self, node: dict) -> dict:
        level, attr, inlines = node["c"]
        text = pandoc.stringify(inlines)
        name, ident = self.mark("H")
        node["c"][2] = [
            raw_inline(f'<w:bookmarkStart w:id="{ident}" w:name="{name}"/>'),
            *inlines,
            raw_inline(f'<w:bookmarkEnd w:id="{ident}"/>'),
        ]
        if level <= 2:
            self.entries.append(Entry("isi", name, text, level=level))
        if attr[0] in self.pending_lampiran:
            number, caption = self.pending_lampiran.pop(attr[0])
            self.entries.append(Entry("lampiran", name, caption, number=number))
        return node

    def figure(self, node: dict) -> dict:
        caption = node["c"][1][1]
        text = pandoc.stringify(caption)
        if text and caption and caption[0]["t"] in ("Plain", "Para"):
            name, ident = self.mark("G")
            inlines = caption[0]["c"]
            caption[0]["c"] = [
                raw_inline(f'<w:bookmarkStart w:id="{ident}" w:name="{name}"/>'),
                *inlines,
                raw_inline(f'<w:bookmarkEnd w:id="{ident}"/>'),
            ]
            self.entries.append(Entry("gambar", name, text))
        return node

    def table(self, div: dict) -> None:
        ident, _, attrs = pandoc.attr(div) or ("", [], {})
        landscape = attrs.get("lkj-landscape") == "true" and not self.section.landscape
        if landscape:
            self.switch(Section(self.section.kind, landscape=True))
        number = attrs.get("lkj-number")
        caption = attrs.get("lkj-caption", "")
        table = next((n for n in pandoc.nodes(div["c"][1]) if n["t"] == "Table"), None)
        if table is not None:
            if number or caption:
                self.blocks.append(raw(self.caption(ident, number, caption)))
            self.blocks.append(raw(table_xml(table, self.section.text_width())[0]))
        # what follows the table inside the div: its note ("Sumber: ...")
        self.walk([b for b in div["c"][1] if not _has_table(b)])
        if landscape:
            self.switch(Section(self.section.kind))

    def caption(self, ident: str, number: str | None, caption: str) -> str:
        name, bid = self.mark("T")
        start = f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>'
        end = f'<w:bookmarkEnd w:id="{bid}"/>'
        if ident:  # the target of links "#tbl-..." in the text
            start += f'<w:bookmarkStart w:id="{bid + 500_000}" w:name="{esc(ident)}"/>'
            end += f'<w:bookmarkEnd w:id="{bid + 500_000}"/>'
        if number:
            self.entries.append(Entry("tabel", name, caption, number=number))
        return caption_xml(number, caption, start).replace("</w:p>", end + "</w:p>")

    def walk(self, blocks: list) -> None:
        for node in blocks:
            kind = node["t"]
            classes = (pandoc.attr(node) or ("", [], {}))[1]
            if kind == "Header":
                self.blocks.append(self.heading(node))
            elif kind == "Figure":
                self.blocks.append(self.figure(node))
            elif kind == "Div" and "lkj-table" in classes:
                self.table(node)
            elif kind == "Div" and "lkj-signatures" in classes:
                self.blocks.append(raw(signatures_xml(node, self.section.text_width())))
            elif kind == "Div" and "lkj-lampiran" in classes:
                attrs = (pandoc.attr(node) or ("", [], {}))[2]
                self.pending_lampiran[attrs.get("lkj-anchor", "")] = (
                    attrs.get("lkj-number", ""),
                    attrs.get("lkj-caption", ""),
                )
            elif kind == "Div":
                self.walk(node["c"][1])
            else:
                self.blocks.append(node)


def _has_table(node: dict) -> bool:
    return any(n["t"] == "Table" for n in pandoc.nodes(node))


def _landscape_appendix(blocks: list) -> bool:
    for node in pandoc.nodes(blocks):
        if node["t"] == "Div" and "lkj-lampiran" in (pandoc.attr(node) or ("", [], {}))[1]:
            return (pandoc.attr(node) or ("", [], {}))[2].get("lkj-landscape") == "true"
    return False


def part_header(text: str, ident: str) -> dict:
    return {"t": "Header", "c": [1, [ident, ["unnumbered"], []], [{"t": "Str", "c": text}]]}


def layout(chapters: list[Chapter], asts: list[pandoc.Ast], meta: BookMeta) -> tuple[list, Layout]:
    """The book's blocks, laid out, and what the page numbers need."""
    book = _Book()
    book.blocks += cover_blocks(meta)
    book.switch(Section("front", restart=True))
    lists_at: int | None = None
    part: str | None = None
    for i, (chapter, ast) in enumerate(zip(chapters, asts, strict=True)):
        body = ast["blocks"]
        if not body:
            continue
        if not chapter.front and lists_at is None:
            lists_at = len(book.blocks)
            book.in_front = False
            book.started = -1  # the lists go here: the front section is never empty
            book.switch(Section("main", restart=True))
        if chapter.part and chapter.part != part:
            book.blocks.append(book.heading(part_header(chapter.part, f"lkj-part-{i}")))
        part = chapter.part
        turn = _landscape_appendix(body) and not book.section.landscape
        if turn:
            book.switch(Section(book.section.kind, landscape=True))
        book.walk(body)
        if turn:
            book.switch(Section(book.section.kind))
    if lists_at is None:
        lists_at = len(book.blocks)
    done = Layout(final=book.close(), entries=book.entries, front=book.front)
    lists, marks = lists_blocks(done)
    done.front |= marks
    blocks = book.blocks[:lists_at] + lists + book.blocks[lists_at:]
    return blocks, done


# ---------------------------------------------------------------- lists


LIST_TITLES = {
    "isi": "Daftar Isi",
    "tabel": "Daftar Tabel",
    "gambar": "Daftar Gambar",
    "lampiran": "Daftar Lampiran",
}


def page_field(mark: str) -> str:
    """The page number of a bookmark (Word updates it with F9; LibreOffice computes it)."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> PAGEREF {mark} \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{PLACEHOLDER}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def entry_xml(entry: Entry) -> str:
    right = PORTRAIT_TEXT
    tabs = f'<w:tab w:val="right" w:leader="dot" w:pos="{right}"/>'
    bold = entry.list == "isi" and entry.level == 1
    if entry.number:
        label = 1800 if entry.list == "lampiran" else 1100
        tabs = f'<w:tab w:val="left" w:pos="{label}"/>' + tabs
        indent = f'<w:ind w:left="{label}" w:right="567" w:hanging="{label}"/>'
    else:
        left = 400 if entry.level > 1 else 0
        indent = f'<w:ind w:left="{left + 400}" w:right="567" w:hanging="400"/>'
    before = 120 if bold else 0
    ppr = (
        f'<w:pPr><w:tabs>{tabs}</w:tabs><w:spacing w:before="{before}" w:after="40"/>'
        f'{indent}<w:jc w:val="left"/></w:pPr>'
    )
    props = rpr(bold=bold)
    text = run(entry.number, props) + "<w:r><w:tab/></w:r>" if entry.number else ""
    text += run(entry.text, props) + "<w:r><w:tab/></w:r>" + page_field(entry.mark)
    return f'<w:p>{ppr}<w:hyperlink w:anchor="{entry.mark}">{text}</w:hyperlink></w:p>'


def lists_blocks(done: Layout) -> tuple[list, set[str]]:
    """Daftar Isi, then the lists that have entries; each title is a listed heading."""
    kinds = ["isi"] + [
        k for k in ("tabel", "gambar", "lampiran") if any(e.list == k for e in done.entries)
    ]
    titles: list[Entry] = []
    ident = FIRST_ID + 400_000
    heads = []
    for k, kind in enumerate(kinds):
        mark = f"_LkjL{k}"
        titles.append(Entry("isi", mark, LIST_TITLES[kind]))
        heads.append(
            '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
            + bookmark(mark, ident + k, run(LIST_TITLES[kind]))
            + "</w:p>"
        )
    # the lists are listed in Daftar Isi after the front-matter chapters, as in the PDF
    isi = [e for e in done.entries if e.list == "isi"]
    front_isi = [e for e in isi if e.mark in done.front]
    done.entries[:] = front_isi + titles + [e for e in done.entries if e not in front_isi]
    blocks = []
    for k, kind in enumerate(kinds):
        body = "".join(entry_xml(e) for e in done.entries if e.list == kind)
        blocks.append(raw(heads[k] + body))
    return blocks, {t.mark for t in titles}
