"""Which sheets a unit-year workbook has, and the allowed values of each column.

A sheet exists for target, pagu and realisasi_anggaran, for every dataset file of the year
folder, for every dataset an IKU of pk.yml reads, and `nihil` (quarters declared empty; its file
is optional, so an empty sheet writes no file). Sheet names are the file names without
".csv", so a message about data/<unit>/<year>/<name>.csv maps to sheet <name> one to one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from lkj import paths
from lkj.inputs import nihil
from lkj.inputs import specs as sc
from lkj.inputs.params import Run
from lkj.inputs.reading import read_csv_text

INSTRUCTIONS = "Petunjuk"
LISTS = "_daftar"  # hidden sheet holding the drop-down lists
ALWAYS = ("target", "pagu", "realisasi_anggaran")


@dataclass(frozen=True)
class Sheet:
    name: str
    spec: sc.Spec
    path: Path  # data/<unit>/<year>/<name>.csv
    optional: bool = False  # the file may be absent: a sheet with no rows writes nothing


def spec_of(name: str) -> sc.Spec:
    if name == nihil.SPEC.name:
        return nihil.SPEC
    return sc.TARGET if name == "target" else sc.TABLES[name]


def _pk_data(run: Run) -> dict:
    path = run.year_dir / "pk.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def used_datasets(run: Run) -> list[str]:
    items = _pk_data(run).get("iku") or []
    used = []
    for item in items if isinstance(items, list) else []:
        src = item.get("sumber") if isinstance(item, dict) else None
        name = src.get("dataset") if isinstance(src, dict) else None
        if isinstance(name, str) and name in sc.DATASETS and name not in used:
            used.append(name)
    return used


def sheets(run: Run) -> list[Sheet]:
    used = set(used_datasets(run))
    names = [*ALWAYS]
    names += [n for n in sc.DATASETS if n in used or (run.year_dir / f"{n}.csv").is_file()]
    found = [Sheet(n, spec_of(n), run.year_dir / f"{n}.csv") for n in names]
    return [*found, Sheet(nihil.SPEC.name, nihil.SPEC, run.year_dir / nihil.FILE, optional=True)]


def pk_codes(run: Run, key: str) -> list[str]:
    """Codes of pk.yml's list `key` ("iku" or "kegiatan"), in PK order."""
    items = _pk_data(run).get(key) or []
    return [str(i["kode"]) for i in items if isinstance(i, dict) and "kode" in i]


def reference_values(run: Run) -> dict[str, list[str]]:
    """data/referensi lists, read as text (the workbook only needs their keys)."""
    out: dict[str, list[str]] = {}
    for name, spec in sc.REFERENCES.items():
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
    if col.name == "kegiatan" and sheet in ("pagu", "realisasi_anggaran"):
        return pk_codes(run, "kegiatan")
    if sheet == "target" and col.name == "iku":
        return pk_codes(run, "iku")
    return None
