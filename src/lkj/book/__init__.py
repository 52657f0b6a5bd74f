"""Stage 4, book: what a section notebook calls (Book, tables, narrative, charts, catalogue,
texts, display).

May import: lkj.errors, lkj.paths, lkj.inputs, lkj.values, lkj.compute.
"""

from lkj.book.core import Book

__all__ = ["Book"]
