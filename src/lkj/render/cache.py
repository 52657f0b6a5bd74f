"""Content-hash cache of executed notebooks, validation and book assembly, under _build/cache/.

A notebook entry is keyed by what is known before running it (notebook source, params file
content and the parameters passed, the lkj source tree, Python and lkj versions) and holds
the executed notebook plus the hashes of the input files it used (lkj.values.deps). It is reused
only if every one of those files still has that hash; a notebook whose use is unknown
depends on every file of the run. Timestamps are never looked at.

Every entry is one file written to a temporary name and renamed into place only after the
notebook succeeded: a build killed at any moment leaves a complete entry or none (stray
temporary files are never read).

The book-assembly entries (a chapter's pandoc AST, the PDF, the DOCX; written by
render/pandoc.py, render/typst.py, render/docx.py) are published as they are, so each payload
file also carries its sha256 in a sidecar written last (write_verified) and is used only
while it still has it (read_verified): a damaged, truncated or half-written entry is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import lkj
from lkj.values import deps

FORMAT = 1  # bump when the entry layout or the dependency rule changes


def digest_bytes(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def file_digest(path: Path) -> str | None:
    """sha256 of a file's content; None when it does not exist (absence is a state too)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


@lru_cache(maxsize=1)
def lkj_digest() -> str:
    """The lkj package (code, templates, styles) plus Python and lkj versions; once a process."""
    package = Path(lkj.__file__).resolve().parent
    parts = [f"{FORMAT}|{sys.version}|{getattr(lkj, '__version__', '')}".encode()]
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            parts += [str(path.relative_to(package)).encode(), path.read_bytes()]
    return digest_bytes(*parts)


@dataclass
class Snapshot:
    """Hashes of the files of one project taken when the build started, computed on demand.

    Dependencies are hashed as they were before any notebook ran: a file edited during the
    build then mismatches at the next build instead of being trusted.
    """

    root: Path
    _known: dict[str, str | None] = field(default_factory=dict)

    def digest(self, shown: str) -> str | None:
        if shown not in self._known:
            if shown.startswith(deps.EXISTS):  # an existence question, not the content
                path = self.root / shown.removeprefix(deps.EXISTS)
                self._known[shown] = "ada" if path.is_file() else None
            else:
                self._known[shown] = file_digest(self.root / shown)
        return self._known[shown]

    def digests(self, shown: Iterable[str]) -> dict[str, str | None]:
        return {name: self.digest(name) for name in sorted(set(shown))}

    def tree(self, folders: Iterable[Path]) -> dict[str, str | None]:
        """Every file under the folders (a new or removed file changes the result)."""
        names = [
            str(path.relative_to(self.root))
            for folder in folders
            if folder.is_dir()
            for path in folder.rglob("*")
            if path.is_file()
        ]
        return self.digests(names)


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path so that readers see the old file, or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


SEAL = ".sha256"


def seal_of(path: Path) -> Path:
    """The sidecar holding the sha256 of an assembly entry's payload file."""
    return path.with_name(path.name + SEAL)


def write_verified(path: Path, data: bytes) -> None:
    """Store an assembly entry's payload with its sha256 next to it, the sidecar last.

    Both are written atomically. A build killed between the two leaves a payload without a
    sidecar, or next to the sidecar of an earlier payload that it does not match: either way
    read_verified refuses it.
    """
    write_atomic(path, data)
    write_atomic(seal_of(path), hashlib.sha256(data).hexdigest().encode("ascii"))


def read_verified(path: Path) -> bytes | None:
    """The payload written by write_verified, or None (a miss) when the payload or its
    sidecar is missing or unreadable, or the payload no longer has the sha256 stored.

    The caller uses the returned bytes, never the file again: what it publishes is what was
    checked.
    """
    try:
        expected = seal_of(path).read_text(encoding="ascii").strip()
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    if hashlib.sha256(data).hexdigest() != expected:
        return None
    touch(path)
    return data


def touch(path: Path) -> None:
    """Mark a cache entry as just used: the cache is pruned least recently used first
    (render/prune.py), and access times are not reliable (relatime, noatime mounts)."""
    with contextlib.suppress(OSError):  # a read-only cache is still readable
        os.utime(path)


class Cache:
    """_build/cache/: notebooks/<key>.json, validated/<key>."""

    def __init__(self, root: Path, *, force: bool = False):
        self.root = root
        self.force = force  # never read; entries are still written

    # --- notebooks -------------------------------------------------------------------------
    @staticmethod
    def notebook_key(source: Path, params_path: Path, parameters: Mapping[str, Any]) -> str:
        return digest_bytes(
            b"notebook",
            lkj_digest().encode(),
            source.read_bytes(),
            params_path.read_bytes(),
            json.dumps(dict(parameters), sort_keys=True, default=str).encode(),
        )

    def _entry(self, key: str) -> Path:
        return self.root / "notebooks" / f"{key}.json"

    def lookup(self, key: str, snapshot: Snapshot) -> str | None:
        """The executed notebook's text if the entry exists and its files are unchanged."""
        if self.force:
            return None
        try:
            entry = json.loads((read_verified(self._entry(key)) or b"").decode("utf-8"))
        except ValueError:
            return None  # missing, damaged or unreadable: treat as absent and rebuild it
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        if not isinstance(entry.get("files"), dict):
            return None
        for shown, expected in entry["files"].items():
            if snapshot.digest(shown) != expected:
                return None
        return str(entry["notebook"])

    def store(self, key: str, notebook_text: str, files: Mapping[str, str | None]) -> None:
        entry = {"format": FORMAT, "files": dict(files), "notebook": notebook_text}
        # Sealed like the assembly entries: a bit flipped inside the stored notebook text
        # would still be valid JSON, and a later build would publish it.
        write_verified(self._entry(key), json.dumps(entry).encode("utf-8"))

    # --- validation ------------------------------------------------------------------------
    def validated(self, key: str) -> bool:
        marker = self.root / "validated" / key
        if self.force or not marker.is_file():
            return False
        touch(marker)
        return True

    def mark_validated(self, key: str) -> None:
        write_atomic(self.root / "validated" / key, b"")


def assembly_key(
    executed: Iterable[Path], extra: Iterable[bytes], renderer: str, output: Path
) -> str:
    """Book assembly's inputs: executed notebooks, _quarto.yml/params, templates, target."""
    parts = [b"assembly", lkj_digest().encode(), renderer.encode(), str(output).encode()]
    parts += [path.read_bytes() for path in executed]
    parts += list(extra)
    return digest_bytes(*parts)
