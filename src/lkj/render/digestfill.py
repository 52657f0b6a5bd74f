"""The file hashes of Lampiran Jejak Angka, filled in when the book is assembled.

The notebook writes a mark per hash (lkj.book.digestmark) so that its output, and with it
the pandoc AST cached per chapter (keyed by the executed notebook), depends only on which
files the run has. Here each mark becomes the sha256 the build's snapshot took of that file
(`Plan.files`, lkj.files), after the chapters are read and before any writer runs, in the
ASTs of every target: raw HTML (the HTML pages), raw typst (the PDF), and the spans pandoc
read from the raw HTML for the Word book. values.json and the provenance panel take their
hashes from the files themselves (lkj.provenance.manifest), at assembly too.

Only those nodes are searched: digestmark says why nothing written by an analyst or taken
from data can look like a mark there. A chapter holding no mark is returned as it is; one
that holds marks is filled in a copy, so the reads (reused by the next build of
`lkj preview`) keep their marks.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from lkj.book import digestmark
from lkj.book.digestmark import Sha256
from lkj.book.tablespec import typst_str
from lkj.errors import BuildError
from lkj.files import file_digest
from lkj.render import pandoc

Digests = Callable[[str], str]  # shown path of a file -> its sha256 (hex)
_MARKS = {"html": digestmark.HTML_RE, "typst": digestmark.TYPST_RE}
_SHOWN = {"html": lambda h: h, "typst": lambda h: "#" + typst_str(h)}
_HINTS = ('data-lkj-sha256="', "<lkj-sha256\n")


def digests(root: Path, known: Mapping[str, str | None]) -> Digests:
    """The hash of a shown path: from the build's snapshot, else read now (a file outside
    the folders the snapshot hashes, e.g. the published figures)."""

    def of(shown: str) -> str:
        found = known.get(shown) or file_digest(root / shown)
        if found is None:
            raise BuildError(
                f"{shown}: berkas yang didaftar Lampiran Jejak Angka tidak ada lagi → "
                "jalankan build sekali lagi"
            )
        return found

    return of


def _text(fmt: str, text: str, digest_of: Digests) -> str:
    """Raw `text` of format `fmt` with its marks replaced by the hashes as that format shows
    them; a mark that names no valid reference stays (it is not lkj's)."""
    pattern, shown = _MARKS[fmt], _SHOWN[fmt]

    def put(match: re.Match[str]) -> str:
        ref = digestmark.reference(match.group(1), match.group(2))
        return match.group(0) if ref is None else shown(_short(ref, digest_of))

    return pattern.sub(put, text)


def _short(ref: Sha256, digest_of: Digests) -> str:
    return digest_of(ref.file)[: ref.chars]


def _span_ref(node: dict[str, Any]) -> Sha256 | None:
    """The reference of an empty Span read from an HTML mark (the Word book's tables)."""
    if node.get("t") != "Span" or node["c"][1]:
        return None
    attr = node["c"][0]
    if attr[:2] != ["", []] or len(attr[2]) != 1 or attr[2][0][0] != digestmark.ATTR:
        return None
    match = digestmark.VALUE_RE.fullmatch(attr[2][0][1])
    return None if match is None else digestmark.reference(match.group(1), match.group(2))


def _fill(value: Any, digest_of: Digests) -> None:
    """Fill every mark under `value` in place (raw text, and Spans replaced by a Str)."""
    if isinstance(value, dict):
        if value.get("t") in ("RawBlock", "RawInline") and value["c"][0] in _MARKS:
            value["c"][1] = _text(value["c"][0], value["c"][1], digest_of)
            return
        for child in value.values():
            _fill(child, digest_of)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            ref = _span_ref(item) if isinstance(item, dict) else None
            if ref is None:
                _fill(item, digest_of)
            else:
                value[i] = {"t": "Str", "c": _short(ref, digest_of)}


def _has_marks(ast: pandoc.Ast) -> bool:
    for node in pandoc.nodes(ast["blocks"]):
        if node["t"] in ("RawBlock", "RawInline") and any(h in node["c"][1] for h in _HINTS):
            return True
        if node["t"] == "Span" and _span_ref(node) is not None:
            return True
    return False


def fill(asts: list[pandoc.Ast], digest_of: Digests) -> list[pandoc.Ast]:
    """The chapters with every mark replaced by its hash (copies where there were marks)."""
    out = []
    for ast in asts:
        if _has_marks(ast):
            ast = copy.deepcopy(ast)
            _fill(ast["blocks"], digest_of)
        out.append(ast)
    return out


# The Quarto renderer reads the staged notebooks' markdown itself: there the marks are filled
# inside the raw blocks lkj.book.display.fence writes (an analyst's text cannot open one).
_FENCE = re.compile(r"^(`{3,})\{=(\w+)\}[ \t]*\n(.*?)\n\1[ \t]*$", re.S | re.M)


def fill_markdown(text: str, digest_of: Digests) -> str:
    """Pandoc markdown with the marks of its raw HTML and typst blocks filled."""

    def raw(match: re.Match[str]) -> str:
        ticks, fmt, body = match.groups()
        if fmt not in _MARKS:
            return match.group(0)
        return f"{ticks}{{={fmt}}}\n{_text(fmt, body, digest_of)}\n{ticks}"

    return _FENCE.sub(raw, text)


def fill_notebook(notebook: dict[str, Any], digest_of: Digests) -> None:
    """Fill the marks of a staged notebook's markdown cells in place (lkj.render.quarto_stage
    writes each as a list of lines)."""
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        if any(h in text for h in _HINTS):
            filled = fill_markdown(text, digest_of)
            cell["source"] = (
                filled.splitlines(keepends=True) if isinstance(source, list) else filled
            )
