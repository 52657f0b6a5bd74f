"""The run settings in params/<run>.yml: which unit, year, quarter and edition, and how to round."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from lkj import paths
from lkj.errors import InputError, Problem
from lkj.inputs import annual_params
from lkj.inputs.confine import inside, typed_path_problem
from lkj.inputs.messages import error_text
from lkj.inputs.yamlio import KeyPath, dotted, line_of, load_yaml

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


BookKind = Literal["triwulanan", "tahunan"]


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    year: int = Field(ge=2000, le=2100)
    # The annual book (kind: tahunan) covers the whole year: its figures are TW IV's "s.d. TW IV",
    # so its quarter is 4 (absent in its params file; lkj.inputs.annual_params checks it).
    kind: BookKind = "triwulanan"
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
    "kind": "isi 'triwulanan' (bawaan) atau 'tahunan'",
    "year": "isi tahun laporan, mis. 2025",
    "unit": "isi kode unit, yaitu nama folder di data/ (huruf kecil)",
    "edition": "isi 'publik' atau 'internal'",
    "appendix_max_rows": "isi bilangan bulat positif, mis. 200, atau hapus kunci ini (tanpa batas)",
    "data_dir": "tulis jalur folder data relatif dari folder proyek, mis. data",
    "published_figures": "tulis jalur relatif dari folder proyek, "
    "mis. data/<unit>/<tahun>/terbitan/tw2.csv",
}
# Keys a run cannot do without: when one of them is wrong the data cannot even be located.
_LOCATING = ("unit", "year", "data_dir")
# Paths typed in params: relative to the project folder, never outside it (lkj.inputs.confine).
_PATH_KEYS = ("data_dir", "published_figures")


class ParamsError(InputError):
    """The params file has errors; `partial` is a run made of the keys that could be read.

    lkj.inputs.load.read_run validates the data with it, so one `lkj check` shows the params
    problems and the data problems together.
    """

    def __init__(self, problems: list[Problem], partial: Run | None = None):
        super().__init__(problems)
        self.partial = partial


def _params_problem(err: ErrorDetails, lines: dict[KeyPath, int], shown: str) -> Problem:
    loc = tuple(err["loc"])
    key = dotted(loc)
    top = str(loc[0]) if loc else ""
    message = error_text(err, key)[0]
    fix = _PARAM_FIXES.get(top, "lihat contoh params/jateng-2025-tw2.yml")
    if err["type"] == "extra_forbidden":
        fix = "hapus kunci ini atau perbaiki ejaannya"
    if top == "unit" and err["type"] == "string_pattern_mismatch":
        message = "kode unit tidak sah: hanya huruf kecil, angka, '-' dan '_' (bukan jalur folder)"
    return Problem(
        shown,
        message,
        row=line_of(lines, loc),
        column=key,
        value=err.get("input") if err["type"] != "missing" else None,
        fix=fix,
    )


def _path_problems(data: dict[str, Any], lines: dict[KeyPath, int], shown: str) -> list[Problem]:
    found = []
    for key in _PATH_KEYS:
        value = data.get(key)
        why = typed_path_problem(value) if isinstance(value, str) else None
        if why:
            found.append(
                Problem(
                    shown,
                    why,
                    row=line_of(lines, (key,)),
                    column=key,
                    value=value,
                    fix=_PARAM_FIXES[key],
                )
            )
    return found


def _read_params(
    data: dict[str, Any], lines: dict[KeyPath, int], shown: str, doubled: list[Problem]
) -> tuple[Params | None, list[Problem]]:
    """(params, problems); with problems, params holds the keys that could be read, or None.

    A wrong quarter is replaced by 4 in that partial run: every record then counts as inside
    the run's year so far, and nothing about the quarter itself is claimed.
    """
    problems = [*doubled, *_path_problems(data, lines, shown)]  # doubled: keys written twice
    data, found = annual_params.fill_quarter(data, lines, shown)
    problems += found
    try:
        params = Params.model_validate(data)
    except ValidationError as exc:
        problems += [_params_problem(err, lines, shown) for err in exc.errors()]
        params = None
    if not problems:
        return params, []
    wrong = {str(p.column).split(".")[0].split("[")[0] for p in problems}
    if any(key in wrong for key in _LOCATING):
        return None, problems
    salvaged = {k: v for k, v in data.items() if k not in wrong and k in Params.model_fields}
    salvaged.setdefault("quarter", 4)
    try:
        return Params.model_validate(salvaged), problems
    except ValidationError:
        return None, problems


def _folder_problems(run: Run, lines: dict[KeyPath, int], shown: str) -> list[Problem]:
    """The data, unit and year folders exist and lie inside the project folder."""
    params = run.params
    named = {
        "data_dir": (params.data_dir, run.data_root),
        "unit": (f"{params.data_dir}/{params.unit}", run.unit_dir),
        "year": (f"{params.data_dir}/{params.unit}/{params.year}", run.year_dir),
    }
    for key, (label, folder) in named.items():
        if folder.exists() and not inside(folder, run.root):
            return [
                Problem(
                    shown,
                    f"folder {label} mengarah ke luar folder proyek ({folder.resolve()})",
                    row=line_of(lines, (key,)),
                    column=key,
                    value=getattr(params, key),
                    fix="salin data ke dalam folder proyek dan hapus tautannya (symlink); lkj "
                    "hanya membaca berkas di dalam folder proyek",
                )
            ]
    if not run.unit_dir.is_dir():
        known = (
            # A unit folder holds profil.yml; data/referensi is not a unit.
            sorted(p.name for p in run.data_root.iterdir() if (p / "profil.yml").is_file())
            if run.data_root.is_dir()
            else []
        )
        return [
            Problem(
                shown,
                f"unit '{params.unit}' tidak dikenal: folder {run.shown(run.unit_dir)} tidak ada",
                row=line_of(lines, ("unit",)),
                column="unit",
                value=params.unit,
                fix=f"pakai salah satu dari: {', '.join(known) or '(belum ada unit)'}",
            )
        ]
    if not run.year_dir.is_dir():
        return [
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
    return _published_problems(run, lines, shown)


def _published_problems(run: Run, lines: dict[KeyPath, int], shown: str) -> list[Problem]:
    name = run.params.published_figures
    if name is None or inside(run.root / name, run.root):
        return []
    return [
        Problem(
            shown,
            f"berkas angka terbitan mengarah ke luar folder proyek ({(run.root / name).resolve()})",
            row=line_of(lines, ("published_figures",)),
            column="published_figures",
            value=name,
            fix="salin berkasnya ke dalam folder proyek dan hapus tautannya (symlink)",
        )
    ]


def load_run(params_path: str | Path) -> Run:
    """Read and validate a params file; raise ParamsError listing every problem."""
    path = Path(params_path)
    shown = str(path)
    data, lines, doubled = load_yaml(path, shown)
    problems = [] if isinstance(data, dict) else doubled
    if not problems and not isinstance(data, dict):
        problems = [
            Problem(
                shown,
                "isi params harus berupa pemetaan kunci: nilai",
                row=1,
                fix="lihat contoh params/jateng-2025-tw2.yml",
            )
        ]
    if problems:
        raise ParamsError(problems)
    params, problems = _read_params(data, lines, shown, doubled)
    if params is None:
        raise ParamsError(problems)
    run = Run(params=params, params_path=path.resolve(), root=find_root(path, params.data_dir))
    where = _folder_problems(run, lines, shown)
    if where:  # the data cannot be located (or may not be read): nothing more to check
        raise ParamsError(problems + where)
    if problems:
        raise ParamsError(problems, partial=run)
    return run
