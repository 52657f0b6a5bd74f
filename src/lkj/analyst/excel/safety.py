"""Import safety: a workbook knows which data files it was made from; replaced files are kept.

`lkj template` writes a hidden sheet (SOURCES) with the sha256 of every data file it read.
`lkj import` compares: a file changed since the template was made (CSV edited by hand, a
newer import) is not overwritten silently — the import stops and shows, per file, the rows it
would add, remove or change; `--replace` confirms. Every file an import replaces or creates is
recorded in data/<unit>/<year>/.cadangan/<time>/ (a copy of the old file, and manifest.json),
so `lkj undo-import PARAMS` restores the state before the last import.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from lkj import paths
from lkj.errors import LkjError

SOURCES = "_sumber"
MANIFEST = "manifest.json"
SHOWN_LINES = 5  # diff lines shown per kind and file


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


TEMPLATE_ID = "(templat)"  # the row holding the workbook's own id


def key(target: Path, year_dir: Path) -> str:
    """How records and backups name a data file: its name in the year folder, and
    "../<name>" for the unit's own files beside it (renstra.csv … of the annual book)."""
    return Path(os.path.relpath(target, year_dir)).as_posix()


def _restorable(name: str) -> bool:
    """A key key() can make: a manifest edited by hand must not write anywhere else."""
    return Path(name).name == name or name == f"../{Path(name).name}"


def record_sources(wb: Workbook, files: list[Path], year_dir: Path) -> None:
    ws = wb.create_sheet(SOURCES)
    ws.sheet_state = "hidden"
    ws.append(["berkas", "sha256"])
    ws.append([TEMPLATE_ID, uuid.uuid4().hex])
    for path in files:
        ws.append([key(path, year_dir), sha256(path)])


def read_sources(wb: Workbook) -> dict[str, str] | None:
    """File name → sha256 at template time (and the template id); None without the record."""
    if SOURCES not in wb.sheetnames:
        return None
    rows = list(wb[SOURCES].iter_rows(min_row=2, values_only=True))
    return {str(r[0]): str(r[1] or "") for r in rows if r and r[0]}


def _written_by(year_dir: Path, template: str) -> dict[str, set[str]]:
    """sha256 of what earlier imports of the same workbook wrote: re-importing it is no change."""
    root = paths.backup_root(year_dir)
    found: dict[str, set[str]] = {}
    for manifest in root.glob(f"*/{MANIFEST}") if root.is_dir() else []:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("templat") == template:
            for name, digest in data.get("ditulis", {}).items():
                found.setdefault(name, set()).add(digest)
    return found


@dataclass(frozen=True)
class Conflict:
    file: str
    lines: list[str]


def short_diff(old: str, new: str) -> list[str]:
    """What writing `new` over `old` does, row by row (line numbers of the data file)."""
    a, b = old.splitlines(), new.splitlines()
    out: dict[str, list[str]] = {"+": [], "-": [], "~": []}
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace":
            for k in range(min(i2 - i1, j2 - j1)):
                out["~"].append(f"~ baris {i1 + k + 1} diubah: {a[i1 + k]} → {b[j1 + k]}")
            out["-"] += [f"- baris {i + 1} dihapus: {a[i]}" for i in range(i1 + j2 - j1, i2)]
            out["+"] += [f"+ ditambah: {b[j]}" for j in range(j1 + i2 - i1, j2)]
        elif op == "delete":
            out["-"] += [f"- baris {i + 1} dihapus: {a[i]}" for i in range(i1, i2)]
        elif op == "insert":
            out["+"] += [f"+ ditambah: {b[j]}" for j in range(j1, j2)]
    shown = []
    for kind in ("-", "~", "+"):
        shown += out[kind][:SHOWN_LINES]
        if len(out[kind]) > SHOWN_LINES:
            shown.append(f"  … dan {len(out[kind]) - SHOWN_LINES} baris lagi")
    return shown


def conflicts(
    year_dir: Path, recorded: dict[str, str], new_texts: dict[Path, str], shown: Any
) -> list[Conflict]:
    """Data files changed since the template was made whose import would change them."""
    found = []
    earlier = _written_by(year_dir, recorded.get(TEMPLATE_ID, ""))
    for target, text in new_texts.items():
        now = target.read_text(encoding="utf-8") if target.is_file() else ""
        digest, name = sha256(target), key(target, year_dir)
        if name not in recorded or now == text:
            continue
        if digest == recorded[name] or digest in earlier.get(name, set()):
            continue
        found.append(Conflict(shown(target), short_diff(now, text)))
    return found


def backup(year_dir: Path, targets: list[Path], template: str) -> Path:
    """Keep the files an import is about to write: copies of the old ones, and which were new."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = paths.backup_root(year_dir) / stamp
    folder.mkdir(parents=True)
    files = {}
    for target in targets:
        if target.is_file():
            shutil.copy2(target, folder / target.name)
            files[key(target, year_dir)] = "diganti"
        else:
            files[key(target, year_dir)] = "baru"
    manifest = {"templat": template, "berkas": files, "ditulis": {}}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return folder


def record_written(folder: Path, targets: list[Path], year_dir: Path) -> None:
    """After writing: the sha256 of each written file (see _written_by)."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["ditulis"] = {key(t, year_dir): sha256(t) for t in targets}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def undo_last(year_dir: Path) -> tuple[Path, list[str]]:
    """Restore the files of the last import; its backup folder is marked as undone."""
    root = paths.backup_root(year_dir)
    done = sorted(p for p in (root.iterdir() if root.is_dir() else []) if (p / MANIFEST).is_file())
    if not done:
        raise LkjError(f"tidak ada impor yang dapat dibatalkan: {root} kosong atau tidak ada")
    folder = done[-1]
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    restored = []
    for name, state in manifest["berkas"].items():
        if not _restorable(name):
            raise LkjError(f"{folder / MANIFEST}: nama berkas {name!r} tidak sah; tidak dipulihkan")
        target = year_dir / name
        if state == "baru":
            target.unlink(missing_ok=True)
        else:
            shutil.copy2(folder / Path(name).name, target)
        restored.append(name)
    (folder / MANIFEST).rename(folder / f"{MANIFEST}.dibatalkan")
    return folder, restored
