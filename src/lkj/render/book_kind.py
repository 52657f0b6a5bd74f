"""Which book file lists the chapters of a run: the quarterly `_quarto.yml` or another kind's.

The one place that maps params `kind` to a chapter list, kept apart so that a per-unit chapter
list (unit.yml `bab`) can take its place in one function. The files are data at the project
root, in Quarto's project-profile naming (`_quarto-<profile>.yml`).
"""

from __future__ import annotations

from lkj.inputs.params import Params

BOOK_FILES = {"triwulanan": "_quarto.yml", "tahunan": "_quarto-tahunan.yml"}


def book_file(params: Params) -> str:
    """The book file (chapter list) of a run's kind of book."""
    return BOOK_FILES[params.kind]
