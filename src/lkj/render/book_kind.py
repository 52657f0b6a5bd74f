"""Which chapter list a run's book has: the quarterly `_quarto.yml` (or the unit's own, unit.yml
`bab`) or another kind's book file.

The one place that maps params `kind` to a chapter list. The files are data at the project
root, in Quarto's project-profile naming (`_quarto-<profile>.yml`). A unit's declared chapters
(`bab`, lkj.inputs.buku) are its quarterly book's, so an annual run keeps the annual file.
"""

from __future__ import annotations

from lkj.inputs.buku import Entry, read_unit, unit_entries
from lkj.inputs.params import Params, Run

BOOK_FILES = {"triwulanan": "_quarto.yml", "tahunan": "_quarto-tahunan.yml"}


def book_file(params: Params) -> str:
    """The book file (chapter list) of a run's kind of book."""
    return BOOK_FILES[params.kind]


def book_source(run: Run) -> tuple[list[Entry] | None, str]:
    """(the unit's declared chapters or None, the book file): render.quarto.load_book's input."""
    if run.params.kind == "tahunan":
        return None, book_file(run.params)
    return unit_entries(read_unit(run)), book_file(run.params)
