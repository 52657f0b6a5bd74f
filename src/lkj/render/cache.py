"""Content-hash cache of executed notebooks, validation and book assembly, under _build/cache/.

A notebook entry is keyed by what is known before running it (notebook source, params file
content and the parameters passed, the lkj source tree, Python and lkj versions) and holds
the executed notebook plus the hashes of the input files it used (lkj.values.deps). It is reused
if every one of those files still has that hash; a notebook whose use is unknown
depends on every file of the run. Timestamps are never looked at. When some file changed, an
entry that also holds what the notebook's reads returned (`observed`, digests) is still
reused if its `exact` files are unchanged and every read returns the same in this run
(render/observed.py checks that; the entry is then stored again with today's hashes).

Every entry is one file written to a temporary name and renamed into place only after the
notebook succeeded: a build killed at any moment leaves a complete entry or none (stray
temporary files are never read).

The book-assembly entries (a chapter's pandoc AST, the PDF, the DOCX; written by
render/pandoc.py, render/typst.py, render/docx.py) are published as they are, so each payload
file also carries its sha256 in a sidecar written last (lkj.files.write_verified) and is used
only while it still has it (read_verified): a damaged, truncated or half-written entry is a
miss.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lkj import files
from lkj.files import (
    digest_bytes,
    file_digest,
    read_verified,
    seal_of,
    touch,
    write_atomic,
    write_verified,
)
from lkj.values import deps

# What the render modules take from here; the helpers themselves live in lkj.files.
__all__ = [
    "FORMAT",
    "Cache",
    "Snapshot",
    "assembly_key",
    "digest_bytes",
    "file_digest",
    "lkj_digest",
    "read_verified",
    "seal_of",
    "write_atomic",
    "write_verified",
]

FORMAT = 2  # bump when the entry layout or the dependency rule changes

# Given an entry whose files changed, the entry to keep if the notebook would see the same
# answers in this run (render/observed.py), else None.
Observer = Callable[[Mapping[str, Any], "Snapshot"], "dict[str, Any] | None"]


@lru_cache(maxsize=1)
def lkj_digest() -> str:
    """lkj.files.lkj_digest (the lkj source tree, Python and lkj versions) and FORMAT: the part
    of every cache key that changes with lkj's code or the entries' layout."""
    return digest_bytes(f"cache-format-{FORMAT}".encode(), files.lkj_digest().encode())


def names_digest(folder: Path) -> str | None:
    """sha256 of the names of every file under `folder` (None: no such folder)."""
    if not folder.is_dir():
        return None
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    return digest_bytes("\n".join(names).encode("utf-8"))


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
            elif shown.startswith(deps.LISTING):  # which files a folder holds, not their content
                self._known[shown] = names_digest(self.root / shown.removeprefix(deps.LISTING))
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


def unchanged(files: Mapping[str, Any], snapshot: Snapshot) -> bool:
    return all(snapshot.digest(shown) == expected for shown, expected in files.items())


def observations(entry: Mapping[str, Any]) -> tuple[dict[str, str], list[str]] | None:
    """(observed, exact) of an entry, or None: none recorded, or not of the expected shape
    (an altered record is never half-trusted). Every exact file is one of its files."""
    observed, exact = entry.get("observed"), entry.get("exact")
    if not isinstance(observed, dict) or not observed or not isinstance(exact, list):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in observed.items()):
        return None
    files = entry.get("files")
    if not isinstance(files, dict) or not all(isinstance(f, str) and f in files for f in exact):
        return None
    return observed, exact


def may_observe(entry: Mapping[str, Any], snapshot: Snapshot) -> bool:
    """The entry holds observations and its exact files are unchanged: only replaying its
    reads (render/observed.py) can still decide it."""
    found = observations(entry)
    return found is not None and unchanged({f: entry["files"][f] for f in found[1]}, snapshot)


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

    def entry(self, key: str) -> dict[str, Any] | None:
        """The sealed entry, or None when missing, damaged, unreadable or of another format."""
        if self.force:
            return None
        try:
            entry = json.loads((read_verified(self._entry(key)) or b"").decode("utf-8"))
        except ValueError:
            return None  # missing, damaged or unreadable: treat as absent and rebuild it
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        if not isinstance(entry.get("files"), dict) or not isinstance(entry.get("notebook"), str):
            return None
        return entry

    def lookup(self, key: str, snapshot: Snapshot, observer: Observer | None = None) -> str | None:
        """The executed notebook's text if the entry exists and its files are unchanged, or
        (with an observer) its reads would return the same answers in this run."""
        entry = self.entry(key)
        if entry is None:
            return None
        if unchanged(entry["files"], snapshot):
            return str(entry["notebook"])
        if observer is None or observations(entry) is None:
            return None
        renewed = observer(entry, snapshot)
        if renewed is None:
            return None
        # The next build that sees these files answers from the hashes again.
        self.store(key, entry["notebook"], renewed["files"], renewed["observed"], renewed["exact"])
        return str(entry["notebook"])

    def store(
        self,
        key: str,
        notebook_text: str,
        files: Mapping[str, str | None],
        observed: Mapping[str, str] | None = None,
        exact: Iterable[str] = (),
    ) -> None:
        entry: dict[str, Any] = {"format": FORMAT, "files": dict(files), "notebook": notebook_text}
        if observed is not None:
            entry["observed"] = dict(observed)
            entry["exact"] = sorted(exact)
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
