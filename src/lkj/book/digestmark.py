"""A file's sha256 in a table cell, left for the build to fill in when it assembles the book.

Lampiran Jejak Angka shows the sha256 of every file of the run. Computed in the notebook,
they made it depend on the content of every file, so any edit (a sentence of a text) ran it
again. The notebook writes a mark per hash instead, carrying only the file's shown path (in
hex: any name a file can have, nothing in it to escape) and how many hex digits to show;
`lkj.render.digestfill` puts in the hashes of the build's own snapshot, in every target,
after the chapters are read and before any writer runs.

No text from data or from an analyst can make a mark. Marks are only looked for in raw HTML
and raw typst (which only lkj code emits: texts may hold no raw markup, attributes or
divs, lkj.inputs.textcheck) and in the spans pandoc reads from raw HTML (the Word book):
- raw HTML: `<span data-lkj-sha256="HEX:N"></span>`. Text from data is always escaped there
  (`html.escape`), so a "<" is lkj's markup;
- raw typst: "<lkj-sha256", a line break, HEX, a line break, N, ">". Text from data only
  ever stands in string literals (`typst_str`), which never hold a raw line break, and the
  mark holds no quote: so it lies outside every literal, in code lkj wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ATTR = "lkj-sha256"  # pandoc drops the "data-" of an HTML attribute it reads into a Span
FULL = 64  # hex digits of a sha256
HTML_RE = re.compile(r'<span data-lkj-sha256="([0-9a-f]+):([0-9]+)"></span>')
TYPST_RE = re.compile(r"<lkj-sha256\n([0-9a-f]+)\n([0-9]+)>")
VALUE_RE = re.compile(r"([0-9a-f]+):([0-9]+)")  # the attribute's value, as in HTML_RE


@dataclass(frozen=True)
class Sha256:
    """The sha256 of one input file (its shown path), `chars` hex digits of it."""

    file: str
    chars: int = FULL

    def __post_init__(self) -> None:
        if not 1 <= self.chars <= FULL:
            raise ValueError(f"{self.file}: chars must be 1..{FULL}, got {self.chars}")

    @property
    def value(self) -> str:
        return f"{self.file.encode('utf-8').hex()}:{self.chars}"


def html_mark(ref: Sha256) -> str:
    return f'<span data-{ATTR}="{ref.value}"></span>'


def typst_mark(ref: Sha256) -> str:
    file, chars = ref.value.split(":")
    return f"<{ATTR}\n{file}\n{chars}>"


def reference(file_hex: str, chars: str) -> Sha256 | None:
    """The reference a mark's two fields stand for (None: not one lkj writes)."""
    try:
        ref = Sha256(bytes.fromhex(file_hex).decode("utf-8"), int(chars))
    except ValueError:
        return None
    return ref if ref.value == f"{file_hex}:{chars}" else None
