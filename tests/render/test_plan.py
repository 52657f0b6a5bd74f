"""render.plan: what a build decides before anything runs (which notebooks miss the cache)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.errors import BuildError
from lkj.render.cache import Cache, Snapshot
from lkj.render.execute import Job
from lkj.render.plan import cache_misses, plan
from lkj.render.progress import Silent

from .conftest import RUN

PARAMETERS = {"params_file": "p.yml", "edition": "publik"}


def _jobs(book: Path) -> list[Job]:
    return [
        Job(source=path, output=book / "_out" / path.name, shown=f"notebooks/{path.name}")
        for path in sorted((book / "notebooks").glob("*.ipynb"))
    ]


def _plan(book: Path, **options: object):
    defaults = {
        "renderer": "pandoc",
        "workers": 2,
        "output_root": None,
        "validate": False,
        "force": False,
    }
    return plan(book / "params" / f"{RUN}.yml", report=Silent(), **{**defaults, **options})


def test_a_new_book_misses_every_notebook(fresh_book: Path) -> None:
    planned = _plan(fresh_book)
    assert [job.shown for job in planned.misses] == [job.shown for job in planned.jobs]
    assert len(planned.jobs) == 6
    assert planned.final == fresh_book / "_output" / RUN
    assert planned.build_dir == fresh_book / "_build" / RUN
    assert planned.engine == "pandoc"
    assert planned.parameters["params_file"] == str(fresh_book / "params" / f"{RUN}.yml")
    # Planning starts and writes nothing.
    assert not (fresh_book / "_build").exists() and not (fresh_book / "_output").exists()


def test_after_a_build_nothing_misses_unless_forced(built) -> None:
    assert _plan(built.project).misses == []
    forced = _plan(built.project, force=True)
    assert forced.misses == forced.jobs and forced.reuse is None


def test_misses_are_the_jobs_without_an_entry_or_with_a_changed_file(fresh_book: Path) -> None:
    (fresh_book / "data" / "a.csv").write_text("x\n1\n", encoding="utf-8")
    from lkj.inputs.params import load_run

    run = load_run(fresh_book / "params" / f"{RUN}.yml")
    cache = Cache(fresh_book / "_build" / "cache")
    jobs = _jobs(fresh_book)
    first, second, third = jobs[0], jobs[1], jobs[2]
    before = Snapshot(fresh_book)
    for job in (first, second):
        key = cache.notebook_key(job.source, run.params_path, PARAMETERS)
        used = ["data/a.csv"] if job is second else []
        cache.store(key, "{}", before.digests(used))
    assert cache_misses(jobs, run, PARAMETERS, cache, Snapshot(fresh_book)) == jobs[2:]

    (fresh_book / "data" / "a.csv").write_text("x\n2\n", encoding="utf-8")
    now = Snapshot(fresh_book)
    assert cache_misses(jobs, run, PARAMETERS, cache, now) == [second, third, *jobs[3:]]
    # Other parameters (e.g. the other edition) are another notebook run.
    other = {**PARAMETERS, "edition": "internal"}
    assert cache_misses([first], run, other, cache, now) == [first]


def test_unknown_renderer_is_refused_before_anything_runs(fresh_book: Path) -> None:
    with pytest.raises(BuildError, match="renderer tidak dikenal"):
        _plan(fresh_book, renderer="word")
    assert not (fresh_book / "_build").exists()
