"""Which sheets a unit-year workbook has, and the allowed values of each column.

A sheet exists for target and every file the unit's declarations require (pagu and
realisasi_anggaran), for every declared dataset file of the year folder, for every dataset an
IKU of pk.yml reads, and `nihil` (quarters declared empty; its file is optional, so an empty
sheet writes no file); an annual run adds the unit's renstra, riwayat and standar
(lkj.inputs.annual, beside the year folders). Sheets, columns, drop-downs and help texts come
from the declarations.
Sheet names are the file names without ".csv", so a message about
data/<unit>/<year>/<name>.csv maps to sheet <name> one to one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lkj import paths
from lkj.inputs import annual, declarations, nihil
from lkj.inputs import specs as sc
from lkj.inputs.declarations import Declarations
from lkj.inputs.params import Run
from lkj.inputs.reading import read_csv_text

INSTRUCTIONS = "Petunjuk"
BUDGET = ("pagu", "realisasi_anggaran")  # their kegiatan column lists pk.yml's codes
LISTS = "_daftar"  # hidden sheet holding the drop-down lists
# What the nihil sheet and its columns mean (nihil.csv is lkj's own file, not a dataset).
NIHIL_MEANING = (
    "triwulan yang memang tanpa kegiatan (realisasi 0, bukan 'belum diisi'): satu baris "
    "per lembar data dan triwulan"
)
NIHIL_COLUMNS = {
    "dataset": "lembar data yang pada triwulan itu memang tidak punya kegiatan",
    "triwulan": "triwulan 1–4 yang dinyatakan nihil (lembar datanya tanpa baris itu)",
    "keterangan": "mengapa nihil, mis. tidak ada pengaduan masuk; boleh kosong",
}


# The annual book's files (lkj.inputs.annual; data/README.md "Laporan tahunan").
ANNUAL_MEANING = {
    "renstra": "target Rencana Strategis setiap IKU per tahun rencana (wajib untuk laporan "
    "tahunan; satu baris per IKU dan tahun)",
    "riwayat": "realisasi IKU tahun-tahun sebelumnya, untuk perbandingan antartahun (boleh kosong)",
    "standar": "standar nasional IKU, bila ada (boleh kosong)",
}
ANNUAL_COLUMNS = {
    ("*", "iku"): "kode IKU dari pk.yml (mis. IKU01)",
    ("*", "tahun"): "tahun, mis. 2025",
    ("renstra", "target"): "target Renstra tahun itu: angka (titik desimal) atau kategori",
    ("riwayat", "realisasi"): "realisasi tahun itu (hanya tahun sebelum tahun laporan)",
    ("riwayat", "keterangan"): "sumber atau catatan; boleh kosong",
    ("standar", "standar"): "standar nasional: angka (titik desimal) atau kategori",
    ("standar", "sumber"): "peraturan atau dokumen sumber standar; boleh kosong",
}


@dataclass(frozen=True)
class Sheet:
    name: str
    spec: sc.Spec
    path: Path  # data/<unit>/<year>/<name>.csv
    optional: bool = False  # the file may be absent: a sheet with no rows writes nothing
    about: str = ""  # what the sheet holds
    help: dict[str, str] = field(default_factory=dict)  # column → what it means

    def meaning(self, column: str) -> str:
        return self.help.get(column, "")


def declared(run: Run) -> Declarations:
    """The unit's declarations (InputError when its unit.yml is wrong)."""
    return declarations.of_unit(run.unit_dir, run.shown(run.unit_dir / "unit.yml"))


def _sheet(decl: Declarations, name: str, path: Path) -> Sheet:
    spec = decl.specs[name]
    help = {c.name: decl.meaning(name, c.name) for c in spec.columns}
    return Sheet(name, spec, path, about=decl.sheet_meaning(name), help=help)


def _pk_data(run: Run) -> dict:
    path = run.year_dir / "pk.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def used_datasets(run: Run, decl: Declarations) -> list[str]:
    items = _pk_data(run).get("iku") or []
    used = []
    for item in items if isinstance(items, list) else []:
        src = item.get("sumber") if isinstance(item, dict) else None
        name = src.get("dataset") if isinstance(src, dict) else None
        if isinstance(name, str) and name in decl.records and name not in used:
            used.append(name)
    return used


def sheets(run: Run, decl: Declarations | None = None) -> list[Sheet]:
    decl = decl or declared(run)
    used = set(used_datasets(run, decl))
    names = [declarations.TARGET, *decl.required_files]
    names += [n for n in decl.records if n in used or (run.year_dir / f"{n}.csv").is_file()]
    found = [_sheet(decl, n, run.year_dir / f"{n}.csv") for n in names]
    spec = nihil.spec(decl)
    path = run.year_dir / nihil.FILE
    last = Sheet(spec.name, spec, path, optional=True, about=NIHIL_MEANING, help=NIHIL_COLUMNS)
    return [*found, last, *(annual_sheets(run) if run.params.kind == "tahunan" else [])]


def annual_sheets(run: Run) -> list[Sheet]:
    """The annual book's files (data/<unit>/renstra.csv …, beside the year folders)."""
    return [
        Sheet(
            name,
            spec,
            annual.path_of(run, name),
            optional=not required,
            about=ANNUAL_MEANING[name],
            help={
                c: ANNUAL_COLUMNS.get((name, c), ANNUAL_COLUMNS.get(("*", c), ""))
                for c in spec.names
            },
        )
        for name, (spec, _, required) in annual.FILES.items()
    ]


def pk_codes(run: Run, key: str) -> list[str]:
    """Codes of pk.yml's list `key` ("iku" or "kegiatan"), in PK order."""
    items = _pk_data(run).get(key) or []
    return [str(i["kode"]) for i in items if isinstance(i, dict) and "kode" in i]


def reference_values(run: Run, decl: Declarations) -> dict[str, list[str]]:
    """data/referensi lists, read as text (the workbook only needs their keys)."""
    out: dict[str, list[str]] = {}
    for name, spec in decl.reference_specs.items():
        path = paths.reference_file(run.data_root, name)
        if not path.is_file():
            continue
        raw, _ = read_csv_text(path, name)
        key = spec.columns[0].name
        if raw is not None and key in raw.cells.columns:
            out[name] = [v for v in raw.cells[key].tolist() if v.strip()]
    return out


def choices(run: Run, sheet: str, col: sc.Col, refs: dict[str, list[str]]) -> list[str] | None:
    """The drop-down of a column: fixed choices, a reference list or codes from pk.yml."""
    if col.choices:
        return list(col.choices)
    if col.ref:
        return refs.get(col.ref)
    if col.name == "kegiatan" and sheet in BUDGET:
        return pk_codes(run, "kegiatan")
    if (sheet == "target" or sheet in annual.FILES) and col.name == "iku":
        return pk_codes(run, "iku")
    return None
