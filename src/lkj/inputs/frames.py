"""Per-file cache of parsed and validated CSV tables: only a changed file is read again.

Reading and validating one CSV (text → typed cells → pandera, lkj.inputs.validation.load_csv)
is most of what `load_inputs` costs, and its result depends on nothing but that file and what
it is checked against. So the result — the frame, or None, and the file's own problems with
their located messages — is kept under a key of everything it depends on:

- the file's bytes (sha256 of exactly the bytes parsed: read once, so an edit during the
  build cannot be stored under the hash of the older content);
- the dataset's declaration (its `Spec`: columns, kinds, choices, keys, row rules, from the
  shipped sets or the unit's unit.yml), the name it is shown by, the params year (dates in
  the PK year) and the reference lists its columns are checked against (only those);
- the lkj source (lkj.files.lkj_digest) and the pandas and pandera versions.

Rules across files (lkj.inputs.crossfile and the others `load_inputs` runs after reading)
never come from here: they run again on the frames every time, so the problems of a run are
the same, in the same order, with the cache or without it.

Two layers: memory, for a resident process (`lkj preview` builds again and again in one
process), holding the latest entry of each file only, so rebuilding never grows it; and a
folder under the build cache (`paths.cache_part(..., "frames")`) for one-shot builds. A disk
entry is a pickle — a local build artefact, like the kernels' hand-off — sealed with
lkj.files.write_verified; a damaged, truncated or unreadable entry is a miss. Callers get
copies: a caller editing its frame never changes what the next build reads.
"""

from __future__ import annotations

import json
import pickle
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from lkj import files
from lkj.errors import Problem
from lkj.inputs.specs import Spec

FORMAT = 1  # bump when the entry layout or what a key covers changes
MEMORY_FILES = 512  # files kept in memory (LRU); a run has ≈ 25, a batch shares referensi

Result = tuple[pd.DataFrame | None, list[Problem]]


def entry_key(
    spec: Spec, data: bytes, shown: str, year: int, references: dict[str, list[str]]
) -> str | None:
    """What one file's result depends on; None when the declaration cannot be keyed."""
    declared = repr(spec)  # frozen dataclasses: the repr is the declaration's content
    if " at 0x" in declared:  # a rule whose repr is an address, not what it checks
        return None
    used = {c.ref: references.get(c.ref) for c in spec.columns if c.ref}
    return files.digest_bytes(
        b"frame",
        str(FORMAT).encode(),
        files.lkj_digest().encode(),
        f"pandas {pd.__version__} pandera {_pandera_version()}".encode(),
        files.sha256(data).encode(),
        declared.encode(),
        shown.encode(),
        str(year).encode(),
        json.dumps(used, sort_keys=True).encode(),
    )


@lru_cache(maxsize=1)
def _pandera_version() -> str:
    return metadata.version("pandera")  # without importing it: a hit never needs pandera


def _copied(result: Result) -> Result:
    df, problems = result
    return (None if df is None else df.copy(deep=True)), list(problems)


def _validated(
    spec: Spec,
    path: Path,
    shown: str,
    year: int,
    references: dict[str, list[str]],
    data: bytes | None,
) -> Result:
    # Imported here: validation imports pandera (≈ 0.3 s), which a run of hits never needs.
    from lkj.inputs.validation import load_csv

    return load_csv(spec, path, shown, year, references, data=data)


@dataclass
class Memory:
    """The latest result of each file (by path and dataset), least recently used first."""

    limit: int = MEMORY_FILES
    _slots: OrderedDict[str, tuple[str, Result]] = field(default_factory=OrderedDict)
    # A batch validates two runs at once in threads; an entry is never changed, only replaced.
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, slot: str, key: str) -> Result | None:
        with self._lock:
            found = self._slots.get(slot)
            if found is None or found[0] != key:
                return None
            self._slots.move_to_end(slot)
            return found[1]

    def put(self, slot: str, key: str, result: Result) -> None:
        with self._lock:
            self._slots[slot] = (key, result)  # replaces the file's older version
            self._slots.move_to_end(slot)
            while len(self._slots) > self.limit:
                self._slots.popitem(last=False)

    def __len__(self) -> int:
        return len(self._slots)


PROCESS = Memory()  # shared by every build of this process (lkj preview, batches)


@dataclass
class FrameCache:
    """load_csv with its results kept; `parsed` names the files actually read this time.

    folder: the disk layer (None: memory only); read=False (lkj build --force) stores
    results but never uses stored ones.
    """

    folder: Path | None = None
    memory: Memory = field(default_factory=lambda: PROCESS)
    read: bool = True
    parsed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)

    def load_csv(
        self, spec: Spec, path: Path, shown: str, year: int, references: dict[str, list[str]]
    ) -> Result:
        """lkj.inputs.validation.load_csv of the file, from the cache when nothing changed."""
        try:
            data = path.read_bytes()
        except OSError:  # load_csv explains it as it always did
            self.parsed.append(shown)
            return _validated(spec, path, shown, year, references, None)
        key = entry_key(spec, data, shown, year, references)
        slot = f"{path}\0{spec.name}"
        found = self._lookup(slot, key)
        if found is not None:
            self.reused.append(shown)
            return _copied(found)
        self.parsed.append(shown)
        result = _validated(spec, path, shown, year, references, data)
        if key is not None:
            self.memory.put(slot, key, _copied(result))
            self._store(key, result)
        return result

    def _lookup(self, slot: str, key: str | None) -> Result | None:
        if key is None or not self.read:
            return None
        found = self.memory.get(slot, key)
        if found is None:
            found = self._load(key)
            if found is not None:
                self.memory.put(slot, key, found)
        return found

    def _entry(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{key}.pickle"

    def _load(self, key: str) -> Result | None:
        entry = self._entry(key)
        data = None if entry is None else files.read_verified(entry)
        if data is None:
            return None
        try:
            stored = pickle.loads(data)  # our own sealed build artefact, never shared
        except Exception:  # unreadable with this pandas, or not ours: a miss
            return None
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == FORMAT):
            return None
        df, problems = stored[1], stored[2]
        if not (df is None or isinstance(df, pd.DataFrame)) or not isinstance(problems, list):
            return None
        return df, problems

    def _store(self, key: str, result: Result) -> None:
        entry = self._entry(key)
        if entry is None:
            return
        payload = pickle.dumps((FORMAT, *result), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            files.write_verified(entry, payload)
        except OSError:  # a read-only or full cache only costs the next build a parse
            return
