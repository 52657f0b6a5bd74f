"""The aggregates behind the appendices, one module per subject (penempatan, pengaduan,
kepulangan, verifikasi, ikpa) and `declared` for the appendices a unit declares in unit.yml:
cross-tabs with subtotals and totals, all in the registry.

Each subject also has layout functions (`*_layout`, `*_rows`, `*_groups`) that return the row
and column structure (labels and value ids), so the book's tables and the registry agree on ids
without repeating the logic. They are re-exported here for the book and the XLSX export.
"""

from __future__ import annotations

from lkj.compute.appendices import declared, ikpa, kepulangan, penempatan, pengaduan, verifikasi
from lkj.compute.appendices.common import SEXES, slug
from lkj.compute.appendices.ikpa import ikpa_category
from lkj.compute.appendices.kepulangan import kepulangan_groups
from lkj.compute.appendices.penempatan import penempatan_columns, penempatan_layout
from lkj.compute.appendices.pengaduan import pengaduan_rows
from lkj.compute.appendices.verifikasi import (
    VERIFIKASI_COLUMNS,
    verifikasi_capped,
    verifikasi_events,
    verifikasi_groups,
    verifikasi_rows,
)
from lkj.inputs.load import Inputs
from lkj.values.registry import Registry

__all__ = [
    "SEXES",
    "VERIFIKASI_COLUMNS",
    "compute",
    "ikpa_category",
    "kepulangan_groups",
    "penempatan_columns",
    "penempatan_layout",
    "pengaduan_rows",
    "slug",
    "verifikasi_capped",
    "verifikasi_events",
    "verifikasi_groups",
    "verifikasi_rows",
]

# Appendix order = registry order: values.json and the trace list them as computed.
_SUBJECTS = (
    ("penempatan", penempatan.compute),
    ("pengaduan", pengaduan.compute),
    ("kepulangan", kepulangan.compute),
    ("verifikasi", verifikasi.compute),
    ("ikpa", ikpa.compute),
)


def compute(reg: Registry, inputs: Inputs) -> None:
    """Every appendix aggregate of the run's datasets (a unit may lack any of them)."""
    for dataset, compute_subject in _SUBJECTS:
        if dataset in inputs.tables:
            compute_subject(reg, inputs)
    declared.compute(reg, inputs)  # unit.yml `lampiran:` (none for a BP3MI office)
