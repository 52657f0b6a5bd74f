"""The project's folder layout: the one place that knows where things live.

A project is a folder holding `params/`, `data/` (or the params' `data_dir`), `notebooks/`
and `_quarto.yml`. Inside it lkj reads the reference lists and the analyst's texts, and
writes only below `_build/` (disposable work) and `_output/` (published books). Resources
(styles, templates, filters) ship inside the package.

Foundation module: imports nothing from lkj, so every stage may use it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DATA = "data"  # default data folder of a project (params: data_dir)
REFERENCE = "referensi"  # lists shared by every unit, below the data folder
TEXTS = "teks"  # the analyst's words, below a unit's year folder
BUILD = "_build"  # executed notebooks, caches, hand-offs: disposable
OUTPUT = "_output"  # published books, one folder per run
CACHE = "cache"  # below BUILD: content-addressed entries shared by all runs
LOGS = "logs"  # below BUILD: tracebacks of failed commands, for bug reports
LOCK = "build.lock"  # below a run's build folder: held (flock) by the build of that run
HANDOFF = "book.pickle"  # below a run's build folder: the loaded run for warm kernels
HANDOFF_PENDING = HANDOFF + ".pending"

# The cap on CACHE applied after every build (render/prune.py; docs/performance.md). The
# environment can change it: LKJ_CACHE_MAX_SIZE=500MB, LKJ_CACHE_MAX_AGE=7d.
CACHE_MAX_BYTES = 2 * 10**9
CACHE_MAX_AGE_DAYS = 30


def resource(name: str) -> Path:
    """Path of a file under lkj/resources (a real file: setuptools installs them unzipped)."""
    return Path(str(resources.files("lkj") / "resources" / name))


def reference_dir(data_root: Path) -> Path:
    return data_root / REFERENCE


def reference_file(data_root: Path, name: str) -> Path:
    return reference_dir(data_root) / f"{name}.csv"


def text_dir(year_dir: Path, quarter: int) -> Path:
    return year_dir / TEXTS / f"tw{quarter}"


def build_root(root: Path) -> Path:
    return root / BUILD


def build_dir(root: Path, run_name: str) -> Path:
    return build_root(root) / run_name


def cache_dir(root: Path) -> Path:
    return build_root(root) / CACHE


def logs_dir(root: Path) -> Path:
    return build_root(root) / LOGS


def run_lock(root: Path, run_name: str) -> Path:
    return build_dir(root, run_name) / LOCK


def output_root(root: Path) -> Path:
    return root / OUTPUT


def handoff(root: Path, run_name: str) -> Path:
    return build_dir(root, run_name) / HANDOFF


def handoff_pending(root: Path, run_name: str) -> Path:
    return build_dir(root, run_name) / HANDOFF_PENDING


def shown(path: Path, root: Path | None) -> str:
    """A path as the user sees it: relative to the project root when inside it (copy-friendly)."""
    if root is None:
        return str(path)
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


# Inside a run's build folder (`build_dir`) and the shared cache (`cache_dir`).
QUARTO_STAGE = "quarto"  # below a run's build folder: the flat project Quarto renders
PREVIEW = "preview"  # below a run's build folder: the HTML book `lkj preview` serves
EXECUTED = "notebooks"  # executed notebooks (cleaned: no timestamps, fixed cell ids)
MEDIA = "media"  # what pandoc extracted, per chapter and target
TYPST_SOURCE = "typst"  # main.typ, lkj.typ and images: the exact PDF source
XLSX = "xlsx"  # the book's tables, written while the notebooks run
TIMINGS = "timings.json"  # how long each notebook took last time (a scheduling hint)
ASSEMBLY_STAMP = "assembly.key"  # what the published output was assembled from
# below CACHE; "frames": each CSV file's parsed, validated frame (lkj.inputs.frames)
CACHE_PARTS = ("notebooks", "validated", "frames", "pandoc", "pdf", "docx")


def cache_part(cache: Path, name: str) -> Path:
    """One kind of cache entry (CACHE_PARTS) below the shared cache folder."""
    if name not in CACHE_PARTS:
        raise ValueError(f"unknown cache part: {name}")
    return cache / name


BACKUP = ".cadangan"  # below a year folder: data files replaced by `lkj import`, one per import


def backup_root(year_dir: Path) -> Path:
    return year_dir / BACKUP
