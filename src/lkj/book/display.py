"""What the section notebooks call to put content into the book, and the markup they emit.

Each function (`heading`, `markdown`, `table`, `figure`, `lampiran`, `signatures`,
`pagebreak`, `meta`) publishes one notebook output; `value` returns the inline span of a
number for a sentence (`lkj.book.narrative` and `lkj.book.texts` build on it, with
`escape_markdown`). The build reads these outputs back: `lkj.render.pandoc` converts each
executed notebook with `resources/lkj-filter.lua`, `lkj.render.assemble` joins the chapters
and reads `meta` (`META_MIME`). Nothing here computes a figure: tables come as
`lkj.book.tablespec.TableSpec`s (built by `lkj.book.tables`), numbers as registry values.

The protocol
------------
Every piece of content is ONE notebook output (one `display_data`) carrying a MIME bundle:

- ``text/markdown`` -- what the book build reads: pandoc markdown, possibly holding raw
  blocks ```` ```{=html} ```` and ```` ```{=typst} ```` so that each target gets exact markup,
  and fenced divs/bracketed spans with attributes;
- ``text/html`` -- a preview for people running the notebook in Jupyter (Jupyter prefers it
  over markdown, and would otherwise show the raw blocks as code); the build ignores it;
- ``text/plain`` -- a one-line description for terminals.

The build (the Lua filter) drops code, stream output (print, warnings) and any output that is
not one of the above (a stray ``image/png`` of a figure not passed to `figure` is kept as a
plain image).
Functions return ``None`` so nothing is echoed as a cell result. Markdown cells are content
too, except cells tagged ``remove-cell`` (e.g. a title for reviewers). A chapter notebook
that shows nothing (an appendix only the internal edition has) is left out of the book.

Structure (``_quarto.yml``, see `lkj.render.quarto`)
--------------------------------------------------
One notebook = one chapter = one HTML page. The chapters listed in ``lkj.front-matter``
come before Daftar Isi (roman page numbers). A ``part:`` ("BAB II Akuntabilitas Kinerja")
groups notebooks: the part title becomes the chapter heading of the PDF and each notebook's
level-1 heading ("A. Capaian Kinerja Triwulan") is shown one level below it.
Appendix notebooks go under ``appendices:``.

Functions and conventions for notebook authors
----------------------------------------------
``heading(text, level=1, id=None, unnumbered=True)``
    Each chapter notebook starts with exactly one level-1 heading: its title in the
    navigation, in "Daftar Isi" and at the top of the PDF page (chapters start on a new page).
    Section notebooks take text, level and id from the unit's book configuration:
    ``heading(**book.heading("bab-1"))`` gives "BAB I Perencanaan Kinerja" (the chapter label
    is part of the text; resources/sets/<jenis>/buku.yml, unit.yml `bab`/`judul`). Level 2
    ("A. Rencana Strategis") appears in the table of contents; levels 3+ do not. Headings are
    never numbered by the renderer.
``markdown(text)``
    Narrative. Pandoc markdown; put numbers in with `value`. Indented triple-quoted strings
    are dedented.
``value(v, text=None, *, unit=False)`` -> str
    Inline span for a number in a sentence: ``[7.375]{.lkj-value data-value-id="iku07..."}``.
    `v` is a registry value (anything with ``.id`` and ``.display``) or an id string
    together with `text`. HTML keeps it as ``<span class="lkj-value" data-value-id=...>``;
    typst calls ``lkj-value(id)[text]``, which links the number to its "Jejak Angka" entry
    when the book has one (``resources/typst/lkj.typ``).
``table(spec)``
    A `lkj.book.tablespec.TableSpec`, usually from ``book.tables`` (`lkj.book.tables`).
    Numbers ("Tabel 5", "Lampiran II") come from the catalogue (`lkj.book.catalog`).
    Listed in Daftar Tabel (kind "tabel") or Daftar Lampiran (kind "lampiran") when
    numbered. Ids must be unique in the whole book.
``figure(fig, caption, id, alt=None, number=None, width=None)``
    A matplotlib figure as a deterministic PNG (150 dpi, no timestamps), embedded for both
    targets, with alt text. A pyplot figure is closed so Jupyter does not show it twice
    (`lkj.book.charts` makes figures without pyplot). The registry values a chart of
    `lkj.book.charts` prints are listed under it in HTML, each with its value id. With a
    `number` from the catalogue ("Gambar 2", `Book.figure_caption`) the caption starts with
    it and the figure is listed in Daftar Gambar.
``lampiran(number, title, id, landscape=False)``
    Starts one appendix ("Lampiran I Perjanjian Kinerja ..."): a level-1 heading in HTML, a
    titled page in the PDF, listed in Daftar Lampiran. Use it at the top of each appendix
    notebook (listed under ``appendices:`` in _quarto.yml) instead of `heading`; the tables
    under it are then unnumbered TableSpecs (number=None) so they are not listed twice.
    ``landscape=True`` turns the PDF pages of this appendix to landscape.
``signatures(*parties)``
    Signature blocks side by side (Kata Pengantar, the PK in Lampiran I), e.g. the dicts
    ``book.head_signature()`` and ``book.pk_signatures()`` return.
``pagebreak()``
    A page break in the PDF only.
``meta(**fields)``
    Book metadata for the cover, e.g. ``meta(unit="BP3MI Jawa Tengah", parent="Kementerian
    ...", contact=["Jl. ...", "(024) ..."])``, usually ``meta(**book.cover())``. Invisible;
    read by `lkj.render.assemble.read_meta` from the executed notebooks (later calls
    override earlier ones, notebooks in chapter order). Keys shown:
    title, subtitle (an extra line under the unit), unit, parent, period ("Triwulan II"; the
    key quarter is accepted too), year, contact. Period and year default to the params;
    the edition always comes from the params.
"""

from __future__ import annotations

import base64
import html
import io
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lkj.book.tablespec import TableSpec, ValueLike, typst_str, typst_text
from lkj.book.tablespec import to_html as table_html
from lkj.book.tablespec import to_typst as table_typst

META_MIME = "application/vnd.lkj.meta+json"
_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.:-]*$")
_SPAN_RE = re.compile(r"\[([^\[\]]*)\]\{([^{}]*)\}")
_RAW_RE = re.compile(r"^(`{3,})\{=(\w+)\}[ \t]*\n(.*?)\n\1[ \t]*$", re.S | re.M)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+|~^$@])")


# ------------------------------------------------------------ building blocks


def _publish(markdown_text: str, preview_html: str, plain: str) -> None:
    """Send one output with the three representations (see module docstring)."""
    from IPython.display import display

    bundle = {"text/markdown": markdown_text, "text/html": preview_html, "text/plain": plain}
    display(bundle, raw=True)


def fence(fmt: str, body: str) -> str:
    """A pandoc raw block; the fence is longer than any backtick run inside."""
    longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{{={fmt}}}\n{body}\n{ticks}"


def escape_markdown(text: str) -> str:
    """Escape pandoc markdown syntax in plain text (data must not become markup)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _attr_value(text: str) -> str:
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _check_id(id_: str | None, what: str) -> None:
    if id_ is not None and not _ID_RE.match(id_):
        raise ValueError(
            f"{what} id {id_!r}: use letters, digits, '-', '_', '.', ':' and start with a letter"
        )


def _markdown_preview(text: str) -> str:
    """Approximate HTML of pandoc markdown for Jupyter (raw typst dropped, spans kept)."""
    from markdown_it import MarkdownIt

    def raw(match: re.Match[str]) -> str:
        return f"\n{match.group(3)}\n" if match.group(2) == "html" else ""

    text = _RAW_RE.sub(raw, text)

    def span(match: re.Match[str]) -> str:
        classes = " ".join(c[1:] for c in match.group(2).split() if c.startswith("."))
        return f'<span class="{html.escape(classes)}">{match.group(1)}</span>'

    text = _SPAN_RE.sub(span, text)
    text = re.sub(r"\s*\{[#.][^{}]*\}\s*$", "", text, flags=re.M)  # heading attributes
    text = re.sub(r"^:::.*$", "", text, flags=re.M)  # fenced div markers
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


# ------------------------------------------------------------ public API


def markdown(text: str) -> None:
    """Narrative text in pandoc markdown (use `value` for numbers)."""
    text = textwrap.dedent(text).strip("\n")
    _publish(text, _markdown_preview(text), text)


def heading(text: str, level: int = 1, id: str | None = None, unnumbered: bool = True) -> None:
    """A heading; level 1 = the chapter title (one per chapter notebook)."""
    if not 1 <= level <= 6:
        raise ValueError(f"heading level must be 1..6, got {level}")
    _check_id(id, "heading")
    attrs = [f"#{id}"] if id else []
    if unnumbered:
        attrs.append(".unnumbered")
    suffix = f" {{{' '.join(attrs)}}}" if attrs else ""
    md = f"{'#' * level} {escape_markdown(text)}{suffix}"
    id_attr = f' id="{html.escape(id)}"' if id else ""
    _publish(md, f"<h{level}{id_attr}>{html.escape(text)}</h{level}>", text)


def value(v: ValueLike | str, text: str | None = None, *, unit: bool = False) -> str:
    """Inline markdown span for a number in a sentence; returns the markdown string."""
    if isinstance(v, str):
        if text is None:
            raise ValueError("value(id_string) needs text=...: the shown text of the value")
        value_id, shown = v, text
    else:
        value_id = v.id
        shown = (
            text
            if text is not None
            else (getattr(v, "display_with_unit", v.display) if unit else v.display)
        )
    return f"[{escape_markdown(shown)}]{{.lkj-value data-value-id={_attr_value(value_id)}}}"


def table(spec: TableSpec) -> None:
    """Show a TableSpec (HTML and typst rendered exactly, listed if numbered)."""
    attrs = [f"#{spec.id}", ".lkj-table", f"lkj-kind={_attr_value(spec.kind)}"]
    if spec.number:
        attrs.append(f"lkj-number={_attr_value(spec.number)}")
    attrs.append(f"lkj-caption={_attr_value(spec.caption)}")
    if spec.landscape:
        attrs.append('lkj-landscape="true"')
    html_part = table_html(spec)
    md = "\n\n".join(
        [
            f"::: {{{' '.join(attrs)}}}",
            fence("html", html_part),
            fence("typst", table_typst(spec)),
            ":::",
        ]
    )
    label = f"{spec.number} " if spec.number else ""
    _publish(md, html_part, f"[{label}{spec.caption}]")


def tables(specs: Iterable[TableSpec]) -> None:
    """Show several TableSpecs in order (an appendix made of one table per group)."""
    for spec in specs:
        table(spec)


def figure_png(fig: Any, dpi: int = 150) -> bytes:
    """PNG bytes of a matplotlib figure, identical for identical figures (no metadata)."""
    buf = io.BytesIO()
    # "Software" is the only metadata matplotlib writes into PNGs; None removes it.
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None}, bbox_inches="tight")
    return buf.getvalue()


def figure(
    fig: Any,
    caption: str,
    id: str,
    alt: str | None = None,
    number: str | None = None,
    width: str | None = None,
) -> None:
    """A matplotlib figure with caption (shown under it) and alt text; closes the figure."""
    _check_id(id, "figure")
    png = figure_png(fig)
    try:
        import matplotlib.pyplot as plt

        plt.close(fig)
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        pass
    data = base64.b64encode(png).decode("ascii")
    shown = f"{number} {caption}" if number else caption
    alt_text = alt or caption
    attrs = [f"#{id}", f"alt={_attr_value(alt_text)}"]
    if width:
        attrs.append(f"width={_attr_value(width)}")
    md = f"![{escape_markdown(shown)}](data:image/png;base64,{data}){{{' '.join(attrs)}}}"
    # Charts made by lkj.book.charts say which registry values they print; HTML lists them under
    # the figure so that every number of the chart is traceable (the PDF keeps the image).
    labelled = getattr(fig, "lkj_values", None)
    if labelled:
        items = ", ".join(
            f'<span class="lkj-value" data-value-id="{html.escape(vid)}">{html.escape(text)}</span>'
            for text, vid in labelled
        )
        md += "\n\n" + fence("html", f'<p class="lkj-chart-values">Angka pada grafik: {items}</p>')
    if number:
        # The entry div lists the figure in Daftar Gambar (HTML) and tells the typst build to
        # show the catalogue's number (lkj.render.figures); like tables, typst never counts.
        entry = [".lkj-figure", 'lkj-kind="gambar"', f"lkj-number={_attr_value(number)}"]
        entry += [f"lkj-caption={_attr_value(caption)}", f"lkj-anchor={_attr_value(id)}"]
        md = f"::: {{{' '.join(entry)}}}\n\n{md}\n\n:::"
    preview = (
        f'<figure id="{html.escape(id)}"><img src="data:image/png;base64,{data}" '
        f'alt="{html.escape(alt_text)}"><figcaption>{html.escape(shown)}</figcaption></figure>'
    )
    _publish(md, preview, f"[gambar: {shown}]")


def lampiran(number: str, title: str, id: str, landscape: bool = False) -> None:
    """Start an appendix: its title (HTML heading / PDF title page) and Daftar Lampiran entry."""
    _check_id(id, "lampiran")
    attrs = [".lkj-lampiran", 'lkj-kind="lampiran"', f"lkj-number={_attr_value(number)}"]
    attrs += [f"lkj-caption={_attr_value(title)}", f"lkj-anchor={_attr_value(id)}"]
    if landscape:  # the Word edition turns the same pages (lkj.render.docx_layout)
        attrs.append('lkj-landscape="true"')
    html_heading = (
        f"# [{escape_markdown(number)}]{{.lkj-number}} {escape_markdown(title)} "
        f"{{#{id} .unnumbered .lkj-lampiran}}"
    )
    typst = (
        (f"#set page(flipped: {'true' if landscape else 'false'})\n")
        + f'#figure(kind: "lkj-lampiran", supplement: none, numbering: (..) => '
        f"{typst_str(number)}, caption: {typst_text(title)}, []) <{id}>"
    )
    md = "\n\n".join(
        [
            '::: {.content-visible when-format="html"}',
            html_heading,
            ":::",
            '::: {.content-visible when-format="typst"}',
            fence("typst", typst),
            ":::",
        ]
    )
    # The entry div lets the HTML build list the lampiran; it carries no content.
    md = f"::: {{{' '.join(attrs)}}}\n:::\n\n" + md
    preview = f'<h1 id="{html.escape(id)}">{html.escape(number)} {html.escape(title)}</h1>'
    _publish(md, preview, f"{number} {title}")


def pagebreak() -> None:
    """A page break in the PDF (the HTML book has no pages)."""
    _publish(fence("typst", "#pagebreak(weak: true)"), "<hr>", "[pagebreak]")


def meta(**fields: Any) -> None:
    """Book metadata for the cover (unit, parent, contact, ...); invisible in the book."""
    from IPython.display import display

    _check_meta(fields)
    display({META_MIME: fields, "text/markdown": "", "text/plain": ""}, raw=True)


def _check_meta(fields: Mapping[str, Any]) -> None:
    for key, item in fields.items():
        ok = isinstance(item, str | int | float | bool) or (
            isinstance(item, Sequence) and all(isinstance(x, str) for x in item)
        )
        if not ok:
            raise TypeError(f"meta {key}: use a string, number or list of strings, got {item!r}")


def signatures(*parties: Mapping[str, str | None]) -> None:
    """Signature blocks side by side (one party: on the right, as on a letter).

    Each party: ``{"above": "Semarang, Juli 2025", "role": "Kepala ...", "name": "...",
    "nip": "..."}`` (``above`` and ``nip`` optional). The space between role and name is left
    for the wet signature and stamp.
    """
    if not parties:
        raise ValueError("signatures() needs at least one party")

    def lines(p: Mapping[str, str | None]) -> list[tuple[str, str]]:
        out = [("above", p.get("above") or ""), ("role", p.get("role") or "")]
        out += [("name", p.get("name") or "")]
        if p.get("nip"):
            out.append(("nip", f"NIP. {p['nip']}"))
        return out

    cells_html = []
    cells_typst = []
    for p in parties:
        parts = [
            f'<div class="lkj-sign-{kind}">{html.escape(text)}</div>' for kind, text in lines(p)
        ]
        cells_html.append('<div class="lkj-sign">' + "".join(parts) + "</div>")
        t = []
        for kind, text in lines(p):
            body = typst_text(text) if text else "[]"
            if kind == "name":
                t.append("v(3.2em)")
                t.append(f"underline(strong({body}))")
            else:
                t.append(body)
        cells_typst.append("align(center, stack(spacing: 0.45em, " + ", ".join(t) + "))")
    if len(parties) == 1:
        cells_html.insert(0, '<div class="lkj-sign lkj-sign-empty"></div>')
        cells_typst.insert(0, "[]")
    html_part = '<div class="lkj-signatures">' + "".join(cells_html) + "</div>"
    columns = ", ".join(["1fr"] * len(cells_typst))
    typst_part = (
        f"#block(breakable: false, above: 2em, grid(columns: ({columns}), "
        f"column-gutter: 2em, {', '.join(cells_typst)}))"
    )
    md = "\n\n".join([fence("html", html_part), fence("typst", typst_part)])
    _publish(md, html_part, "[tanda tangan]")
