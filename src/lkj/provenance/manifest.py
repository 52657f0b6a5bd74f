"""values.json: every value of a run with its lineage, where the book shows it, and the build.

Layout (validated by resources/values.schema.json):
  {"schema", "run", "edition", "build": {commit, dirty, versions, renderer, built_at, ...},
   "params": {"file", "sha256", "values"}, "files": {path: {sha256, bytes, row_hashes}},
   "values": {id: {label, value, display, formula, inputs, sources, code, shown_in, ...}}}
`row_hashes` (a short sha256 per data line a value uses) lets `lkj diff` name the changed
rows under a changed value without shipping the rows themselves. In a public edition a
personal dataset (lkj.inputs.personal) has neither: its sources keep their row count and
selection, but no line numbers (they would let values be intersected down to one person)
and no row hashes (an unsalted hash confirms whether a known person is in the list).
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import lkj
from lkj.inputs import personal
from lkj.inputs.load import Inputs
from lkj.provenance.record import UNKNOWN, build_record, sha256
from lkj.values.access import run_files
from lkj.values.registry import Registry, Value

SCHEMA = "lkj-values/1"
FILE_NAME = "values.json"
# Notebooks that list values rather than show them: they do not count as "shown in".
LISTING_NOTEBOOKS = ("lampiran8_jejak",)
_SHOWN_RE = re.compile(r"""data-value-id=\\?"([A-Za-z0-9_.:-]+)\\?\"""")


@cache
def code_location(function: str) -> dict[str, Any]:
    """Module, name, file and first line of the code that computed a value."""
    out: dict[str, Any] = {"function": function, "file": None, "line": None, "source": None}
    parts = function.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        out["module"], out["name"] = ".".join(parts[:cut]), ".".join(parts[cut:])
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
            obj = inspect.unwrap(obj)
            lines, start = inspect.getsourcelines(obj)
            out["file"], out["line"] = _shown_source(Path(inspect.getsourcefile(obj) or "")), start
            out["source"] = _signature(lines)
        except (AttributeError, OSError, TypeError):
            pass  # e.g. a closure: the module is still worth showing
        break
    return out


def _signature(lines: list[str]) -> str:
    """The def statement, joined when it spans several lines."""
    start = next((i for i, s in enumerate(lines) if s.lstrip().startswith("def ")), None)
    if start is None:
        return ""
    parts = []
    for line in lines[start:]:
        parts.append(line.strip())
        if line.rstrip().endswith(":"):
            break
    return " ".join(parts).replace("( ", "(").replace(", )", ")")


def _shown_source(path: Path) -> str:
    """src/lkj/compute/measure.py in a checkout (editable install), lkj/measure.py otherwise."""
    package = Path(lkj.__file__).resolve().parent
    for base in (package.parents[1], package.parent):
        try:
            return str(path.resolve().relative_to(base))
        except ValueError:
            continue
    return str(path)


def shown_in(notebooks: Iterable[tuple[str, Path]]) -> dict[str, list[dict[str, Any]]]:
    """Value id -> the notebook cells whose output displays it (executed notebooks)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for shown, path in notebooks:
        if Path(shown).stem in LISTING_NOTEBOOKS or not path.is_file():
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        for index, cell in enumerate(nb.get("cells", []), start=1):
            text = "".join(cell.get("source", "")) if cell["cell_type"] == "markdown" else ""
            for output in cell.get("outputs", []):
                data = output.get("data", {}).get("text/markdown", "")
                text += "".join(data) if isinstance(data, list) else data
            for value_id in dict.fromkeys(_SHOWN_RE.findall(text)):
                place = {"notebook": shown, "cell": index, "cell_id": cell.get("id", "")}
                if place not in found.setdefault(value_id, []):
                    found[value_id].append(place)
    return found


def _jsonable(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value


def value_record(v: Value, shown: list[dict[str, Any]] | None) -> dict[str, Any]:
    return {
        "label": v.label,
        "value": _jsonable(v.value),
        "kind": v.kind,
        "unit": v.unit,
        "display": v.display,
        "display_with_unit": v.display_with_unit,
        "formula": v.formula,
        "inputs": list(v.inputs),
        "sources": [s.as_dict() for s in v.sources],
        "code": code_location(v.function) if v.function else None,
        "params": {k: _jsonable(x) for k, x in v.params.items()},
        "note": v.note,
        "shown_in": shown or [],
    }


def _line_hashes(path: Path, lines: set[int]) -> dict[str, str]:
    text = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return {
        str(n): hashlib.sha256(text[n - 1].encode("utf-8")).hexdigest()[:16]
        for n in sorted(lines)
        if 0 < n <= len(text)
    }


def input_files(inputs: Inputs) -> dict[str, Path]:
    """Every file the run read: inputs, texts of the quarter, published figures."""
    return run_files(inputs)


def withheld_files(inputs: Inputs, names: Iterable[str]) -> set[str]:
    """The files whose line numbers and row hashes this edition must not publish."""
    run = inputs.run
    if not personal.is_public(run.params.edition):
        return set()
    return {name for name in names if personal.is_personal_file(run.root, name)}


def _record(v: Value, shown: list[dict[str, Any]] | None, withheld: set[str]) -> dict[str, Any]:
    out = value_record(v, shown)
    for s in out["sources"]:
        if s["file"] in withheld:
            s["rows"] = []  # row_count and selection stay: they say as much as the tables
    return out


def make_manifest(
    inputs: Inputs,
    registry: Registry,
    *,
    renderer: str = UNKNOWN,
    shown: dict[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    run = inputs.run
    shown = shown or {}
    used: dict[str, set[int]] = {}
    for v in registry:
        for s in v.sources:
            used.setdefault(s.file, set()).update(s.rows)
    read = input_files(inputs)
    withheld = withheld_files(inputs, read)
    files = {}
    for name, path in sorted(read.items()):
        files[name] = {
            "sha256": sha256(path),
            "bytes": path.stat().st_size,
            "row_hashes": {} if name in withheld else _line_hashes(path, used.get(name, set())),
        }
    return {
        "schema": SCHEMA,
        "run": run.name,
        "edition": run.params.edition,
        "build": build_record(run.root, renderer),
        "params": {
            "file": run.shown(run.params_path),
            "sha256": sha256(run.params_path),
            # a quarterly run's record stays as it was before params `kind` existed
            "values": run.params.model_dump(
                mode="json", exclude={"kind"} if run.params.kind == "triwulanan" else None
            ),
        },
        "files": files,
        "values": {v.id: _record(v, shown.get(v.id), withheld) for v in registry},
    }


def write_manifest(manifest: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def read_manifest(where: str | Path) -> dict[str, Any]:
    """A values.json, given itself or the _output/<run> folder holding it."""
    from lkj.errors import LkjError

    path = Path(where)
    if path.is_dir():
        path = path / FILE_NAME
    if not path.is_file():
        raise LkjError(
            f"{where}: values.json tidak ditemukan → beri folder _output/<run> hasil `lkj build` "
            "atau jalur berkas values.json"
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("schema") != SCHEMA:
        raise LkjError(f"{path}: bukan manifest lkj ({SCHEMA})")
    return data
