"""Stage 4, book: what a section notebook calls (Book, tables, narrative, charts, catalogue,
texts, display).

May import: lkj.errors, lkj.paths, lkj.inputs, lkj.values, lkj.compute.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lkj.book.core import Book

__all__ = ["Book"]


def __getattr__(name: str) -> Any:
    # Lazy: the assembly imports small modules of this package (digestmark, tablespec), and a
    # no-op build must not pay for pandas, which Book pulls in (≈ 0,8 s of a 1,3 s no-op).
    if name == "Book":
        from lkj.book.core import Book

        return Book
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
