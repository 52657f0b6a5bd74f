"""The notebook cache's second rule (render/observed.py): a file changed, the reads did not.

In-process, over a copy of the mini project (tests/fixtures/mini): a "notebook" is a function
making reads through lkj.values.access.Reads while lkj.values.deps records; its entry is
stored as the build stores it, a file of the copy is changed, and the entry is looked up with
an observer over the run loaded again. Whether a change alters a read is decided here by
plain comparisons (pandas `equals`, dataclass equality), not by the digests under test.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lkj.compute.engine import compute
from lkj.files import read_verified, write_verified
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.render.cache import Cache, Snapshot
from lkj.render.observed import RunObserver
from lkj.values import deps
from lkj.values.access import Reads, run_files
from lkj.values.observe import Undigestable, digest

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
PARAMS = "params/mini-2025-tw2.yml"
COMPLAINTS = "data/mini/2025/pengaduan.csv"


def open_reads(root: Path) -> Reads:
    inputs = load_inputs(load_run(root / PARAMS))
    return Reads(inputs, compute(inputs))


def all_files(root: Path) -> list[str]:
    return list(run_files(load_inputs(load_run(root / PARAMS))))


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "mini"))


def record(reads: Reads, notebook: Callable[[Reads], Any], every: list[str]) -> dict[str, Any]:
    deps.start()
    deps.arm(every)  # what Book.open arms with
    try:
        notebook(reads)
        return deps.snapshot()
    finally:
        deps.stop()


def store(root: Path, notebook: Callable[[Reads], Any]) -> tuple[Cache, dict[str, Any]]:
    """The entry a build would store for `notebook` run on the project as it is now."""
    found = record(open_reads(root), notebook, all_files(root))
    cache = Cache(root / "_build" / "cache")
    files = Snapshot(root).digests(found["files"])
    cache.store("nb", "executed", files, found.get("observed"), found.get("exact", ()))
    return cache, found


def lookup(root: Path, cache: Cache) -> str | None:
    reads = open_reads(root)  # the run as the next build computes it
    return cache.lookup("nb", Snapshot(root), RunObserver(lambda: reads))


def complaints_count(reads: Reads) -> Any:
    return [reads.value(i).display for i in reads.ids("iku01.*")]


def complaints_table(reads: Reads) -> Any:
    return reads.dataset("pengaduan").df.to_string()


def append(root: Path, text: str) -> None:
    path = root / COMPLAINTS
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_blank_line_at_the_end_is_a_hit_and_renews_the_hashes(root: Path) -> None:
    for notebook in (complaints_count, complaints_table):
        before = load_inputs(load_run(root / PARAMS)).tables["pengaduan"].df
        cache, found = store(root, notebook)
        assert COMPLAINTS in found["files"] and COMPLAINTS not in found["exact"]
        append(root, "\n")
        after = load_inputs(load_run(root / PARAMS)).tables["pengaduan"].df
        assert before.equals(after)  # what the reads return did not change
        assert cache.lookup("nb", Snapshot(root)) is None  # the file did
        assert lookup(root, cache) == "executed"
        # stored again with today's hashes: the next build needs no registry
        assert cache.lookup("nb", Snapshot(root)) == "executed"


def test_a_new_record_is_a_miss_for_what_reads_it(root: Path) -> None:
    cache, _ = store(root, complaints_table)
    append(root, "ADU-99,2025-05-21,PT Sampel Abadi,Hongkong,E,P,tidak,tidak\n")
    assert lookup(root, cache) is None


def test_a_blank_line_in_the_middle_shifts_rows_and_is_a_miss(root: Path) -> None:
    for notebook in (complaints_count, complaints_table):
        cache, _ = store(root, notebook)
        path = root / COMPLAINTS
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join([*lines[:2], "\n", *lines[2:]]), encoding="utf-8")
        reads = open_reads(root)
        rows = reads.dataset("pengaduan").df["_row"].tolist()
        assert rows[1:] != list(range(3, 3 + len(rows) - 1))  # line numbers moved
        assert lookup(root, cache) is None
        path.write_text("".join(lines), encoding="utf-8")


def test_a_text_read_stays_exact(root: Path) -> None:
    """A file read in no observed way must keep its content, whatever else holds."""
    text = root / "data/mini/2025/teks/tw2/kata_pengantar.md"
    text.parent.mkdir(parents=True, exist_ok=True)
    text.write_text("Pengantar.\n", encoding="utf-8")

    def notebook(reads: Reads) -> Any:
        return complaints_table(reads), reads.text(text)

    cache, found = store(root, notebook)
    assert run_shown(root, text) in found["exact"]
    text.write_text("Pengantar.\n\n", encoding="utf-8")
    assert lookup(root, cache) is None


def run_shown(root: Path, path: Path) -> str:
    return str(path.relative_to(root))


def test_a_question_about_everything_has_no_second_chance(root: Path) -> None:
    cache, found = store(root, lambda reads: reads.every_file())
    assert found["observed"] is None
    append(root, "\n")
    assert lookup(root, cache) is None


def tamper(cache: Cache, change: Callable[[dict[str, Any]], None]) -> None:
    """Alter the record and seal it again: only the observation check can refuse it now.
    (A record rewritten on purpose could lie about the notebook text as well; the seal is
    what stops damage, tested below and in tests/report/test_incremental.py.)"""
    path = cache.root / "notebooks" / "nb.json"
    entry = json.loads(read_verified(path) or b"")
    change(entry)
    write_verified(path, json.dumps(entry).encode("utf-8"))


def flip_digest(entry: dict[str, Any]) -> None:
    key = sorted(entry["observed"])[0]
    entry["observed"][key] = "0" * 64


def unknown_read(entry: dict[str, Any]) -> None:
    entry["observed"]["rahasia:x"] = "0" * 64


def drop_a_read(entry: dict[str, Any]) -> None:
    # a value the id pattern's read returns: asking the pattern again records it again
    del entry["observed"][max(k for k in entry["observed"] if k.startswith("value:"))]


def exact_not_a_list(entry: dict[str, Any]) -> None:
    entry["exact"] = {"a": 1}


def exact_not_a_file(entry: dict[str, Any]) -> None:
    entry["exact"].append("data/tidak-tercatat.csv")


def observed_not_strings(entry: dict[str, Any]) -> None:
    entry["observed"] = {k: 1 for k in entry["observed"]}


def untouched(entry: dict[str, Any]) -> None:
    pass


@pytest.mark.parametrize(
    ("change", "hit"),
    [
        (untouched, True),  # sealed again as it was: the record holds
        (flip_digest, False),
        (unknown_read, False),
        (drop_a_read, False),
        (exact_not_a_list, False),
        (exact_not_a_file, False),
        (observed_not_strings, False),
    ],
)
def test_an_altered_observation_record_is_a_miss(
    root: Path, change: Callable[[dict[str, Any]], None], hit: bool
) -> None:
    cache, _ = store(root, complaints_count)
    append(root, "\n")
    tamper(cache, change)
    assert lookup(root, cache) == ("executed" if hit else None)


def test_a_damaged_record_is_a_miss(root: Path) -> None:
    cache, _ = store(root, complaints_count)
    append(root, "\n")
    path = cache.root / "notebooks" / "nb.json"
    path.write_bytes(path.read_bytes().replace(b'"value:', b'"valve:', 1))  # seal not renewed
    assert lookup(root, cache) is None


def test_digests_see_every_field_and_type() -> None:
    import pandas as pd

    frame = pd.DataFrame({"a": [1, 2], "b": ["x", None]})
    same = pd.DataFrame({"a": [1, 2], "b": ["x", None]})
    assert digest(frame) == digest(same)
    changed = [
        pd.DataFrame({"a": [1, 2], "b": pd.Series(["x", None], dtype=object)}),  # str → object
        pd.DataFrame({"a": [1, 2], "b": pd.Series(["x", float("nan")], dtype=object)}),
        pd.DataFrame({"a": [1.0, 2.0], "b": ["x", None]}),  # dtype
        pd.DataFrame({"a": [1, 2], "b": ["x", None]}, index=[0, 2]),  # row labels
        pd.DataFrame({"a": [1, 2], "c": ["x", None]}),  # column name
        pd.DataFrame({"b": ["x", None], "a": [1, 2]}),  # column order
        pd.DataFrame({"a": [1, 2], "b": ["x", "None"]}),  # a string that reads like None
        pd.DataFrame({"a": ["1", 2], "b": ["x", None]}),  # "1" and 1
    ]
    assert len({digest(frame), *(digest(f) for f in changed)}) == len(changed) + 1
    assert digest(0.0) != digest(-0.0)
    assert digest((1, 2)) != digest([1, 2])
    assert digest({"a": 1, "b": 2}) != digest({"b": 2, "a": 1})  # iteration order is seen
    with pytest.raises(Undigestable):
        digest(object())
