"""The build's record: which code, params and data made a book, and when.

Everything here describes the build, not a value; `lkj diff` compares it between two builds.
"""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import lkj
from lkj.tools import pandoc_path

UNKNOWN = "tidak diketahui"
# lkj's direct dependencies that change what a number or page looks like.
PACKAGES = ("pandas", "pydantic", "babel", "matplotlib", "papermill", "nbformat", "typst")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _git(folder: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def git_state(root: Path) -> dict[str, Any]:
    """Commit and dirtiness of the project; else of the checkout the lkj code runs from.

    A copy of the project outside git (tests, a data folder handed around) still records
    which code computed the numbers.
    """
    package = Path(lkj.__file__).resolve().parent
    for folder in (root, package):
        commit = _git(folder, "rev-parse", "HEAD")
        if commit:
            top = _git(folder, "rev-parse", "--show-toplevel") or str(folder)
            status = _git(folder, "status", "--porcelain")
            return {
                "commit": commit,
                "dirty": bool(status) if status is not None else None,
                "repository": "proyek" if folder == root else "kode lkj",
                "top": top,
            }
    return {"commit": UNKNOWN, "dirty": None, "repository": None, "top": None}


def versions() -> dict[str, str]:
    out = {"lkj": lkj.__version__, "python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = UNKNOWN
    return out


def built_at() -> str:
    """UTC build time; SOURCE_DATE_EPOCH (reproducible-builds.org) fixes it when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def pandoc_version() -> str:
    try:
        out = subprocess.run([pandoc_path(), "--version"], capture_output=True, text=True)
        return out.stdout.splitlines()[0] if out.returncode == 0 else UNKNOWN
    except Exception:  # the record must never fail a build over a version string
        return UNKNOWN


def build_record(root: Path, renderer: str) -> dict[str, Any]:
    git = git_state(root)
    return {
        "commit": git["commit"],
        "dirty": git["dirty"],
        "repository": git["repository"],
        "versions": versions(),
        "renderer": renderer,
        "pandoc": pandoc_version() if renderer == "pandoc" else UNKNOWN,
        "built_at": built_at(),
    }
