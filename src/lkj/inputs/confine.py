"""Every path a run reads stays inside the project folder.

A path typed in params (data_dir, published_figures) must be relative and may not climb out
with '..'; and whatever it names, once symlinks are resolved, must still lie inside the project
folder. Otherwise `data_dir: /somewhere` reads another project's data and
`published_figures: /etc/passwd` prints a system file in the error messages.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from lkj.errors import Problem

_DRIVE = re.compile(r"^[A-Za-z]:")


def typed_path_problem(value: str) -> str | None:
    """Why a path written in a params file is not a plain path inside the project (or None)."""
    posix, windows = PurePosixPath(value), PureWindowsPath(value)
    if (
        posix.is_absolute()
        or windows.is_absolute()
        or _DRIVE.match(value)
        or value.startswith(("/", "\\"))
    ):
        return "jalur mutlak tidak boleh: semua berkas harus di dalam folder proyek"
    if ".." in posix.parts or ".." in windows.parts:
        return "jalur tidak boleh keluar dari folder proyek ('..')"
    return None


def inside(path: Path, root: Path) -> bool:
    """True when path, with every symlink resolved, lies in root (or is root)."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return True


def outside_problem(path: Path, root: Path, shown: str, what: str) -> Problem | None:
    """A problem when path leaves the project folder through a symlink (None when inside)."""
    if inside(path, root):
        return None
    return Problem(
        shown,
        f"{what} mengarah ke luar folder proyek (tautan/symlink ke {_target(path)})",
        fix="salin berkasnya ke dalam folder proyek dan hapus tautannya; lkj hanya membaca "
        "berkas di dalam folder proyek",
    )


def as_written(path: Path, root: Path) -> str:
    """path relative to root without resolving symlinks (paths.shown follows them)."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _target(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return "tautan yang melingkar"
