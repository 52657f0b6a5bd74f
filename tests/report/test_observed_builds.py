"""Real rebuilds under the cache's second rule: a changed file whose reads return the same.

One project copy for the module (the real report, Jawa Tengah 2025 TW II). Each test changes
kepulangan.csv, rebuilds, and compares every executed notebook of the build (cached or not)
byte for byte with a fresh execution of all notebooks on the changed data: a notebook taken
from the cache must be exactly what running it gives. Which notebooks should re-run after a
record of the quarter is added is decided here without the digests: by comparing what each
recorded read returns before and after (dataclass reprs, pandas `equals`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lkj.compute.engine import compute
from lkj.dev.bench import add_record
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import load_run
from lkj.render.cache import Cache, Snapshot
from lkj.render.execute import Job
from lkj.render.handoff import publish
from lkj.render.kernels import KernelPool
from lkj.render.quarto import load_book
from lkj.values.registry import Registry

from .conftest import copy_project
from .test_incremental import RUN, rebuild

DATA = "data/jateng/2025/kepulangan.csv"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("observed") / "lkj")
    rebuild(root)  # cold
    return root


def executed(root: Path) -> dict[str, bytes]:
    folder = root / "_build" / RUN / "notebooks"
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*.ipynb"))}


def fresh(root: Path, out: Path) -> dict[str, bytes]:
    """Every notebook executed now, outside the build and its cache."""
    run = load_run(root / "params" / f"{RUN}.yml")
    inputs = load_inputs(run)
    publish(run, inputs, compute(inputs))  # the kernels take the run as a build hands it
    params = {"params_file": str(run.params_path), "edition": run.params.edition}
    jobs = [Job(ch.path, out / ch.rel, ch.rel) for ch in load_book(root).chapters]
    with KernelPool(2) as pool:
        for future in [pool.submit(job, params) for job in jobs]:
            future.result()
    return {job.output.name: job.output.read_bytes() for job in jobs}


def records(root: Path) -> dict[str, dict[str, Any]]:
    """Notebook name → its cache entry (for the current params)."""
    run = load_run(root / "params" / f"{RUN}.yml")
    params = {"params_file": str(run.params_path), "edition": run.params.edition}
    cache = Cache(root / "_build" / "cache")
    out = {}
    for ch in load_book(root).chapters:
        entry = cache.entry(Cache.notebook_key(ch.path, run.params_path, params))
        assert entry is not None
        out[ch.path.name] = entry
    return out


def loaded(root: Path) -> tuple[Inputs, Registry]:
    inputs = load_inputs(load_run(root / "params" / f"{RUN}.yml"))
    return inputs, compute(inputs)


def answer(run: tuple[Inputs, Registry], key: str) -> Any:
    """What a recorded read returns, in a form compared with == (not a digest)."""
    inputs, reg = run
    kind, _, name = key.partition(":")
    if kind == "value":
        return repr(reg.find(name))
    if kind == "ids":
        return reg.ids(name)
    if key == "values":
        return [repr(v) for v in reg]
    if key == "targets":
        return Frame(inputs.targets)
    if kind == "dataset":
        table = inputs.tables.get(name)
        return None if table is None else (table.name, table.shown, Frame(table.df))
    if kind == "reference":
        return Frame(inputs.references[name]) if name in inputs.references else None
    return getattr(inputs, key)  # pk, profile, nihil


class Frame:
    def __init__(self, df: Any):
        self.df = df

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Frame) and self.df.equals(other.df)

    __hash__ = None  # type: ignore[assignment]


def test_a_blank_line_at_the_end_reruns_nothing_and_matches_a_fresh_run(
    project: Path, tmp_path: Path
) -> None:
    before = records(project)
    readers = sorted(nb for nb, e in before.items() if DATA in e["files"])
    assert readers  # the file rule alone would re-run these
    path = project / DATA
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert rebuild(project) == []
    assert executed(project) == fresh(project, tmp_path)
    # The entries were stored again with the new hashes: the file rule answers alone now.
    snapshot = Snapshot(project)
    for name, entry in records(project).items():
        assert all(snapshot.digest(f) == h for f, h in entry["files"].items()), name


def test_a_record_outside_the_quarter_reruns_only_what_shows_the_file(
    project: Path, tmp_path: Path
) -> None:
    readers = sorted(nb for nb, e in records(project).items() if DATA in e["files"])
    add_record(project / DATA, quarter=4)  # a copy of a December record, a new id
    ran = rebuild(project)
    assert set(ran) < set(readers)  # the TW II values did not change
    assert executed(project) == fresh(project, tmp_path)


def test_a_record_of_the_quarter_reruns_exactly_the_notebooks_that_see_it(
    project: Path, tmp_path: Path
) -> None:
    before_run = loaded(project)
    before = records(project)
    old = executed(project)
    add_record(project / DATA, quarter=2)
    after_run = loaded(project)
    expected = sorted(
        nb
        for nb, entry in before.items()
        if DATA in entry["files"]
        and (
            entry.get("observed") is None
            or any(answer(before_run, key) != answer(after_run, key) for key in entry["observed"])
        )
    )
    ran = rebuild(project)
    assert ran == expected
    now = fresh(project, tmp_path)
    assert executed(project) == now
    assert {nb for nb in now if now[nb] != old[nb]} <= set(ran)  # nothing changed unseen
