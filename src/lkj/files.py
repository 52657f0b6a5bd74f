"""Digests and safe writes of files: what caches, hand-offs and provenance all build on.

- `digest_bytes` / `file_digest`: sha256 of byte strings (length-prefixed, so parts never
  run into each other) and of a file (None when it does not exist: absence is a state too);
- `lkj_digest`: the lkj package's own source tree with Python and lkj versions, the part of
  every key whose content depends on lkj's code;
- `write_atomic`: readers see the old file or the whole new one, never half of it;
- `write_verified` / `read_verified`: a payload with its sha256 in a sidecar written last, so
  a damaged, truncated or half-written file reads as absent.

Foundation module: imports nothing from lkj but the package itself, so every stage may use it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import lkj

SEAL = ".sha256"


def digest_bytes(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    """sha256 of a file's content; None when it does not exist (absence is a state too)."""
    try:
        return sha256(path.read_bytes())
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def file_digests(files: dict[str, Path]) -> dict[str, str | None]:
    """file_digest of each named file; an unreadable one counts as absent."""
    out: dict[str, str | None] = {}
    for shown, path in files.items():
        try:
            out[shown] = sha256(path.read_bytes())
        except OSError:
            out[shown] = None
    return out


@lru_cache(maxsize=1)
def lkj_digest() -> str:
    """The lkj package (code, templates, styles) plus Python and lkj versions; once a process."""
    package = Path(lkj.__file__).resolve().parent
    parts = [f"{sys.version}|{getattr(lkj, '__version__', '')}".encode()]
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            parts += [str(path.relative_to(package)).encode(), path.read_bytes()]
    return digest_bytes(*parts)


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


def seal_of(path: Path) -> Path:
    """The sidecar holding the sha256 of a verified file's payload."""
    return path.with_name(path.name + SEAL)


def write_verified(path: Path, data: bytes) -> None:
    """Store a payload with its sha256 next to it, the sidecar last.

    Both are written atomically. A process killed between the two leaves a payload without a
    sidecar, or next to the sidecar of an earlier payload that it does not match: either way
    read_verified refuses it.
    """
    write_atomic(path, data)
    write_atomic(seal_of(path), sha256(data).encode("ascii"))


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
    if sha256(data) != expected:
        return None
    touch(path)
    return data


def touch(path: Path) -> None:
    """Mark a cache entry as just used: the cache is pruned least recently used first
    (render/prune.py), and access times are not reliable (relatime, noatime mounts)."""
    with contextlib.suppress(OSError):  # a read-only cache is still readable
        os.utime(path)
