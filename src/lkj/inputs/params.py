"""The run settings in params/<run>.yml: which unit, year, quarter and edition, and how to round."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lkj import paths
from lkj.errors import InputError, Problem
from lkj.inputs.messages import error_text
from lkj.inputs.yamlio import dotted, line_of, load_yaml

RoundingMode = Literal["half_up", "truncate"]


class RoundingRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    match: str = Field(description="fnmatch pattern on value ids, e.g. 'iku*' or 'anggaran.k*'")
    mode: RoundingMode
    decimals: int | None = Field(default=None, ge=0, le=6)


class Rounding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    default: RoundingMode = "half_up"
    decimals: int = Field(default=2, ge=0, le=6)
    rules: list[RoundingRule] = Field(default_factory=list)


class Averages(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # How an IKU with no realisation yet enters an average: as 0 % or left out.
    unrealised: Literal["zero", "exclude"] = "zero"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    year: int = Field(ge=2000, le=2100)
    quarter: int = Field(ge=1, le=4)
    edition: Literal["publik", "internal"] = "publik"
    data_dir: str = "data"
    rounding: Rounding = Field(default_factory=Rounding)
    averages: Averages = Field(default_factory=Averages)
    reconciliation_appendix: bool = True
    trace_appendix: bool = True  # Lampiran "Jejak Angka": every value with its lineage
    published_figures: str | None = None  # file of published figures, relative to the project
    # Most rows a record-list appendix prints (Lampiran V: one row per event); above it the
    # book shows a recap and the full list goes to the XLSX. None: no cap. Strict: a YAML
    # string "200" or true is a typing mistake, not a number.
    appendix_max_rows: int | None = Field(default=None, ge=1, strict=True)
    title: str | None = None


@dataclass(frozen=True)
class Run:
    """A loaded params file with every path resolved from the project folder."""

    params: Params
    params_path: Path
    root: Path

    @property
    def name(self) -> str:
        return self.params_path.stem

    @property
    def data_root(self) -> Path:
        return (self.root / self.params.data_dir).resolve()

    @property
    def unit_dir(self) -> Path:
        return self.data_root / self.params.unit

    @property
    def year_dir(self) -> Path:
        return self.unit_dir / str(self.params.year)

    def shown(self, path: Path) -> str:
        """A path as the analyst would type it: relative to the project folder."""
        return paths.shown(path, self.root)


def find_root(params_path: Path, data_dir: str = "data") -> Path:
    """The project folder is the nearest ancestor of the params file that holds the data folder."""
    start = params_path.resolve().parent
    for candidate in (start, *start.parents):
        if (candidate / data_dir).is_dir():
            return candidate
    # No data folder anywhere above: report paths relative to the folder above params/.
    return start.parent if start.name == "params" else start


_PARAM_FIXES = {
    "quarter": "isi 1, 2, 3 atau 4",
    "year": "isi tahun laporan, mis. 2025",
    "unit": "isi kode unit, yaitu nama folder di data/ (huruf kecil)",
    "edition": "isi 'publik' atau 'internal'",
    "appendix_max_rows": "isi bilangan bulat positif, mis. 200, atau hapus kunci ini (tanpa batas)",
}


def load_run(params_path: str | Path) -> Run:
    """Read and validate a params file; raise InputError listing every problem."""
    path = Path(params_path)
    shown = str(path)
    data, lines, problems = load_yaml(path, shown)
    if problems:
        raise InputError(problems)
    if not isinstance(data, dict):
        raise InputError(
            [
                Problem(
                    shown,
                    "isi params harus berupa pemetaan kunci: nilai",
                    row=1,
                    fix="lihat contoh params/jateng-2025-tw2.yml",
                )
            ]
        )
    try:
        params = Params.model_validate(data)
    except ValidationError as exc:
        found = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            key = dotted(loc)
            top = str(loc[0]) if loc else ""
            fix = _PARAM_FIXES.get(top, "lihat contoh params/jateng-2025-tw2.yml")
            if err["type"] == "extra_forbidden":
                fix = "hapus kunci ini atau perbaiki ejaannya"
            found.append(
                Problem(
                    shown,
                    error_text(err, key)[0],
                    row=line_of(lines, loc),
                    column=key,
                    value=err.get("input") if err["type"] != "missing" else None,
                    fix=fix,
                )
            )
        raise InputError(found) from None
    root = find_root(path, params.data_dir)
    run = Run(params=params, params_path=path.resolve(), root=root)
    unit_dir = run.unit_dir
    if not unit_dir.is_dir():
        known = (
            # A unit folder holds profil.yml; data/referensi is not a unit.
            sorted(p.name for p in run.data_root.iterdir() if (p / "profil.yml").is_file())
            if run.data_root.is_dir()
            else []
        )
        raise InputError(
            [
                Problem(
                    shown,
                    f"unit '{params.unit}' tidak dikenal: folder {run.shown(unit_dir)} tidak ada",
                    row=line_of(lines, ("unit",)),
                    column="unit",
                    value=params.unit,
                    fix=f"pakai salah satu dari: {', '.join(known) or '(belum ada unit)'}",
                )
            ]
        )
    if not run.year_dir.is_dir():
        raise InputError(
            [
                Problem(
                    shown,
                    f"tidak ada data tahun {params.year} untuk unit '{params.unit}' "
                    f"(folder {run.shown(run.year_dir)} tidak ada)",
                    row=line_of(lines, ("year",)),
                    column="year",
                    value=params.year,
                    fix="perbaiki tahun atau buat folder data tahun itu",
                )
            ]
        )
    return run
