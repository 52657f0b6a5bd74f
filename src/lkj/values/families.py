"""Which input files each value family is computed from: declared data, not id conventions.

A value id's family is its first segment (`iku07`, `anggaran`, `pengaduan` …). The recorder
(lkj.values.access) uses this table for two questions a file list of the values alone cannot
answer: an id that does not exist (a later quarter, an empty appendix cell: only the code
computing that family from these files, or params and code, can create it), and the files a
family's code reads besides the rows a value cites (a reference list deciding rows and
categories, `pk.yml` deciding units and rules).

Names are datasets as lkj.inputs knows them: a CSV of `inputs.tables` (`penempatan`), a
reference list (`referensi/jenis_masalah`), or `pk`, `profile`, `targets`. When the code in
lkj.compute starts reading another file for a family, add it here (tests/values/
test_families.py checks every value's cited files against this table).
"""

from __future__ import annotations

from lkj.inputs.pk import PK
from lkj.inputs.unit import Unit

PK_FILE, PROFILE, TARGETS, UNIT = "pk", "profile", "targets", "unit"
REFERENCE = "referensi/"

# family → datasets its code reads (lkj.compute.budget, lkj.compute.appendices, engine counts)
FAMILIES: dict[str, tuple[str, ...]] = {
    "pk": (PK_FILE,),
    "renstra": (PROFILE,),
    "anggaran": (PK_FILE, "pagu", "realisasi_anggaran"),
    "penempatan": ("penempatan",),
    "pengaduan": ("pengaduan", REFERENCE + "jenis_masalah"),
    "kepulangan": ("kepulangan",),
    "verifikasi": ("verifikasi",),
    "ikpa": ("ikpa", "ikpa_aspek", REFERENCE + "ikpa_kategori"),
}

# An IKU's values (family = its key, `iku07`) come from the dataset its PK entry names, the
# targets, the PK itself (rule, unit, kind, bands) and unit.yml (the unit's criterion bands);
# averages over IKUs from all of those.
IKU_FILES = (PK_FILE, TARGETS, UNIT)
AVERAGES = ("rata2", "kegiatan")
ANNUAL = "tahunan"
UNIT_CSV = "unit/"  # a CSV of the unit folder, not of the year folder (lkj.inputs.annual)
ANNUAL_FILES = tuple(UNIT_CSV + name for name in ("renstra", "riwayat", "standar"))


# The declared appendices of unit.yml (lkj.compute.appendices.declared) read their datasets.
DECLARED_APPENDICES = "lampiran"


def family_datasets(pk: PK, unit: Unit | None = None) -> dict[str, frozenset[str]]:
    """Every known family of a run with the datasets behind it (IKU families from the PK,
    the declared appendices' from unit.yml)."""
    table = {name: frozenset(datasets) for name, datasets in FAMILIES.items()}
    if unit is not None and unit.lampiran:
        table[DECLARED_APPENDICES] = frozenset(a.dataset for a in unit.lampiran)
    every_iku: set[str] = set(IKU_FILES)
    for iku in pk.iku:
        datasets = {*IKU_FILES, iku.sumber.dataset}
        table[iku.key] = frozenset(datasets)
        every_iku |= datasets
    for name in AVERAGES:
        table[name] = frozenset(every_iku)
    # The annual book's values (lkj.compute.annual): the unit's Renstra/history/standard files
    # beside every IKU's and the budget's (its efficiency index divides capaian by absorption).
    table[ANNUAL] = frozenset({*every_iku, *FAMILIES["anggaran"], *ANNUAL_FILES})
    return table


def family(value_id: str) -> str:
    return value_id.split(".", 1)[0]
