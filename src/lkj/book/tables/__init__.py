"""The tables of the book (Tabel 1–N and the appendices) as TableSpecs built from the registry.

One module per part of the book, each a mixin on `base.TableBase` (the run and the cell
helpers: every number in a cell is a registry value, so it carries its value id):

- `summary`: Tabel 1 (Ringkasan) and Tabel 2 (Perjanjian Kinerja);
- `capaian`: Tabel 3 (per quarter), Tabel 4 (cumulative) and one table per IKU;
- `budget`: Tabel 18 (anggaran vs kinerja);
- `appendix_pmi`: Lampiran II–IV (placements, complaints, returns of PMI);
- `appendix_verifikasi`: Lampiran V (verification events or their recap);
- `appendix_unit`: Lampiran I (PK), Lampiran VI (IKPA) and the Catatan Rekonsiliasi;
- `appendix_declared`: the recap tables a unit declares in unit.yml (`lampiran:`).
- `annual`: the annual book's tables (params `kind: tahunan`).

`Tables` joins them, so a notebook calls `book.tables.ringkasan()` whichever module builds it.

May import: lkj.book.catalog, lkj.book.tablespec, lkj.inputs, lkj.values, lkj.compute.
"""

from __future__ import annotations

from lkj.book.tables.annual import AnnualTables
from lkj.book.tables.appendix_declared import DeclaredAppendices
from lkj.book.tables.appendix_pmi import PmiAppendices
from lkj.book.tables.appendix_unit import UnitAppendices
from lkj.book.tables.appendix_verifikasi import (
    VERIFIKASI_HEADERS,
    VerifikasiAppendix,
    full_list_sheet,
)
from lkj.book.tables.budget import BudgetTables
from lkj.book.tables.capaian import CapaianTables
from lkj.book.tables.summary import SummaryTables


class Tables(
    SummaryTables,
    CapaianTables,
    BudgetTables,
    PmiAppendices,
    VerifikasiAppendix,
    UnitAppendices,
    DeclaredAppendices,
    AnnualTables,
):
    """Builds the TableSpecs of one run: every table of the book, from one object."""


__all__ = ["VERIFIKASI_HEADERS", "Tables", "full_list_sheet"]
