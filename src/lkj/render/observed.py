"""The notebook cache's second rule: a file changed, but every read returns the same.

A notebook's entry (render/cache.py) records, beside the hashes of its files, the digest of
what each read returned (lkj.values.access, lkj.values.observe) and which files it read in
no observed way (`exact`: texts, existence questions, unit.yml …). When a file changed,
`RunObserver` decides on this run's registry and inputs, as the kernels see them (public
runs: personal columns blanked, exactly what render/rundata.py handed off), whether the
entry still holds: its exact files are unchanged and replaying every read
(lkj.values.answers.replay) gives the same digests. The renewed entry depends on the files
the reads depend on *in this run* (a value's lineage may have moved to another file), so the
next build can answer from the hashes alone.

The run is computed in the background (render/rundata.py); only an entry that needs it
waits for it. Anything unexpected is a miss, never a hit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from lkj.render.cache import Snapshot, may_observe, observations

if TYPE_CHECKING:
    from lkj.render.rundata import RunData
    from lkj.values.access import Reads


class RunObserver:
    """Cache.lookup's `observer` over one run, made when first needed (`source`)."""

    def __init__(self, source: Callable[[], Reads | None]):
        self._source = source
        self._reads: Reads | None = None
        self._done = False
        self._lock = threading.Lock()

    def reads(self) -> Reads | None:
        with self._lock:
            if not self._done:
                try:
                    self._reads = self._source()
                except Exception:  # the run failed to compute: the build reports that itself
                    self._reads = None
                self._done = True
            return self._reads

    def __call__(self, entry: Mapping[str, Any], snapshot: Snapshot) -> dict[str, Any] | None:
        from lkj.values.answers import replay

        found = observations(entry)
        if found is None or not may_observe(entry, snapshot):
            return None  # a text, an existence, a listing … changed: only its content can tell
        observed, exact = found
        reads = self.reads()
        if reads is None:
            return None
        try:
            again = replay(reads, observed)
        except Exception:  # an unknown read (an altered record) or one that fails now
            return None
        if not again.observable or again.observed != observed:
            return None
        shown = again.files | set(exact)
        return {
            "files": snapshot.digests(shown),
            "observed": observed,
            "exact": sorted(again.exact | set(exact)),
        }


def run_reads(run_data: RunData) -> Reads:
    """The reads of the run RunData computed, over what it handed the kernels (waits for the
    registry only, not for the XLSX)."""
    from lkj.values.access import Reads

    inputs, reg = run_data.handed.result()
    return Reads(inputs, reg)
