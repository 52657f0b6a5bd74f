"""The declared appendices of a unit (unit.yml `lampiran:`), so their notebook holds no loop.

Each appendix is a Lampiran of its own (number and title from the catalogue) with one recap
table (lkj.book.tables.appendix_declared). A unit without declarations shows nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lkj.book import display as d
from lkj.compute.appendices.declared import entry_id

if TYPE_CHECKING:
    from lkj.book.core import Book


def declared_appendices(book: Book) -> None:
    for appendix in book.tables.declared_appendices():
        entry = book.catalog[entry_id(appendix)]
        d.lampiran(entry.number, entry.title, id=entry.id, landscape=entry.landscape)
        d.table(book.tables.lampiran_rekap(appendix))
