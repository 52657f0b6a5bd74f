"""Keep `_build/cache/` and `_output/` from filling the disk: leftovers and the cache cap.

Leftovers: a build killed while it assembled leaves `_output/.<run>.tmp-*` (its unfinished
output) and, killed in the middle of publishing, `_output/.<run>.old-*` (the previous
output). The next build of the run removes them while it holds the run's lock
(render.lock), so no live build owns them; an `.old-*` folder is first put back as
`_output/<run>/` when that is missing: it is the last good output.

The cache: entries are used least-recently-first and removed whole (a payload with its
.sha256 sidecar, or a PDF entry's folder). A reader touches what it uses
(render.cache.read_verified), so "used" is the newest mtime of an entry's files. A build
registers itself under `_build/cache/.users/` (a file it holds an flock on) for as long as it
runs, and no entry used since the oldest live build started is ever removed: what a running
build has read or written stays. At the end of every build the cache is capped to
paths.CACHE_MAX_BYTES and paths.CACHE_MAX_AGE_DAYS (environment: LKJ_CACHE_MAX_SIZE,
LKJ_CACHE_MAX_AGE); `lkj clean --cache` prunes by hand.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from lkj import paths
from lkj.errors import LkjError
from lkj.files import SEAL

USERS = ".users"
DAY = 24 * 3600.0


def remove_leftovers(out_root: Path, run_name: str) -> int:
    """Remove what killed builds of this run left in out_root; the number of folders."""
    if not out_root.is_dir():
        return 0
    final = out_root / run_name
    olds = sorted(out_root.glob(f".{run_name}.old-*"), key=_mtime, reverse=True)
    if olds and not final.exists():
        olds.pop(0).rename(final)  # killed between publish's two renames
    stale = [*out_root.glob(f".{run_name}.tmp-*"), *olds]
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return len(stale)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@contextmanager
def using(cache_root: Path) -> Iterator[None]:
    """Register the block as a live user of the cache (module docstring)."""
    folder = cache_root / USERS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    with path.open("w", encoding="utf-8") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        handle.write(f"{time.time()}\n")
        handle.flush()
        try:
            yield
        finally:
            path.unlink(missing_ok=True)


def live_since(cache_root: Path) -> float | None:
    """When the oldest live build using the cache started (None: none is running). The
    registrations of builds that ended without removing theirs (killed) are removed."""
    oldest: float | None = None
    for path in (cache_root / USERS).glob("*") if (cache_root / USERS).is_dir() else []:
        try:
            with path.open("r", encoding="utf-8") as handle:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:  # held: a live build
                    started = float(handle.read().strip() or time.time())
                    oldest = started if oldest is None else min(oldest, started)
                    continue
            path.unlink(missing_ok=True)
        except (OSError, ValueError):
            continue
    return oldest


@dataclass
class Entry:
    files: list[Path]
    folder: Path | None = None  # an entry that is a whole folder (a PDF entry)
    size: int = 0
    used: float = 0.0

    def remove(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        # The sidecar first: a reader that still finds the payload then sees a miss.
        for path in sorted(self.files, key=lambda p: not p.name.endswith(SEAL)):
            path.unlink(missing_ok=True)


def entries(cache_root: Path) -> list[Entry]:
    """Every entry of the cache, least recently used first."""
    found: list[Entry] = []
    if not cache_root.is_dir():
        return found
    for kind in [p for p in cache_root.iterdir() if p.is_dir() and p.name != USERS]:
        grouped: dict[str, Entry] = {}
        for item in kind.iterdir():
            if item.is_dir():
                files = [p for p in item.rglob("*") if p.is_file()]
                found.append(_measured(Entry(files, folder=item)))
            else:
                grouped.setdefault(item.name.removesuffix(SEAL), Entry([])).files.append(item)
        found += [_measured(entry) for entry in grouped.values()]
    return sorted(found, key=lambda e: e.used)


def _measured(entry: Entry) -> Entry:
    for path in entry.files:
        with suppress(OSError):
            stat = path.stat()
            entry.size += stat.st_size
            entry.used = max(entry.used, stat.st_mtime)
    if entry.folder is not None and not entry.files:
        entry.used = _mtime(entry.folder)
    return entry


@dataclass
class Pruned:
    removed: int = 0
    freed: int = 0
    kept: int = 0
    kept_bytes: int = 0
    skipped: list[str] = field(default_factory=list)  # entries kept because a build uses them


def prune(
    cache_root: Path, max_bytes: int | None, max_age: float | None, now: float | None = None
) -> Pruned:
    """Remove entries older than max_age seconds, then least recently used ones until the
    cache holds at most max_bytes; never one used since the oldest live build started.
    None: no limit of that kind (both None: every entry not in use is removed)."""
    now = time.time() if now is None else now
    protected_from = live_since(cache_root)
    result = Pruned()
    if not cache_root.is_dir():
        return result
    everything = entries(cache_root)
    total = sum(e.size for e in everything)
    for entry in everything:  # oldest use first
        too_old = max_age is not None and now - entry.used > max_age
        too_big = max_bytes is not None and total > max_bytes
        unlimited = max_bytes is None and max_age is None
        if too_old or too_big or unlimited:
            if protected_from is not None and entry.used >= protected_from:
                result.skipped.append(str(entry.folder or entry.files[0]))
            else:
                entry.remove()
                result.removed += 1
                result.freed += entry.size
                total -= entry.size
                continue
        result.kept += 1
        result.kept_bytes += entry.size
    return result


_SIZE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([kmgt]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}


def parse_size(text: str) -> int:
    """ "2GB", "500MB", "1.5G", "2GiB", "1000000" → bytes (GB: 10⁹, GiB: 2³⁰)."""
    match = _SIZE.match(text)
    if match is None:
        raise LkjError(f"ukuran tidak dikenal: {text!r} → tulis mis. 2GB, 500MB atau 2GiB")
    number, unit = float(match[1].replace(",", ".")), (match[2] or "").lower()
    scale = 1024 ** ("kmgt".index(unit[0]) + 1) if "i" in unit else _UNITS[unit[:1]]
    return int(number * scale)


_AGE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([dhm])\s*$", re.IGNORECASE)


def parse_age(text: str) -> float:
    """ "30d", "12h", "90m" → seconds."""
    match = _AGE.match(text)
    if match is None:
        raise LkjError(f"umur tidak dikenal: {text!r} → tulis mis. 30d (hari), 12h atau 90m")
    scale = {"d": DAY, "h": 3600.0, "m": 60.0}[match[2].lower()]
    return float(match[1].replace(",", ".")) * scale


def automatic_limits() -> tuple[int, float]:
    """The cap applied after every build: paths' defaults, or the environment's."""
    size = os.environ.get("LKJ_CACHE_MAX_SIZE")
    age = os.environ.get("LKJ_CACHE_MAX_AGE")
    return (
        parse_size(size) if size else paths.CACHE_MAX_BYTES,
        parse_age(age) if age else paths.CACHE_MAX_AGE_DAYS * DAY,
    )


def cap(cache_root: Path) -> list[str]:
    """Apply the automatic cap after a build; warnings (a failure here never fails a build)."""
    try:
        max_bytes, max_age = automatic_limits()
        result = prune(cache_root, max_bytes, max_age)
    except (OSError, LkjError) as exc:
        return [f"cache tidak dapat dipangkas: {exc}"]
    if not result.removed:
        return []
    return [f"cache dipangkas: {result.removed} entri lama dihapus ({megabytes(result.freed)})"]


def megabytes(size: int) -> str:
    return f"{size / 10**6:.1f} MB".replace(".", ",")
