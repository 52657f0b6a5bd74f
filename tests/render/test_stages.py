"""render.stages.execute: validation first, then the notebooks (from the cache or a kernel)."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from lkj import paths
from lkj.errors import InputError, Problem
from lkj.render import stages
from lkj.render.execute import Job
from lkj.render.kernels import Executed as Ran
from lkj.render.plan import plan
from lkj.render.progress import Silent
from lkj.render.stages import execute, validated

from .conftest import RUN


class FakePool:
    """Stands in for a batch's KernelPool: 'executes' by copying the source notebook."""

    def __init__(self) -> None:
        self.ran: list[str] = []
        self.prestarted = 0

    def prestart(self, cwd: Path, count: int) -> None:
        self.prestarted += count

    def run(self, job: Job, parameters: Mapping[str, Any]) -> Ran:
        self.ran.append(job.shown)
        job.output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(job.source, job.output)
        return Ran(job.output, [])


def _plan(book: Path, **options: Any):
    settings = {"renderer": "pandoc", "workers": 2, "output_root": None, "validate": False}
    settings = {"force": False, **settings, **options}
    # quarto: no pandoc reads start beside the notebooks (nothing else runs in these tests)
    return dataclasses.replace(
        plan(book / "params" / f"{RUN}.yml", report=Silent(), **settings), engine="quarto"
    )


def test_misses_execute_in_a_kernel_and_then_come_from_the_cache(fresh_book: Path) -> None:
    pool = FakePool()
    first = execute(_plan(fresh_book), Silent(), pool=pool)
    planned = _plan(fresh_book)
    assert first.notebooks == [job.output for job in planned.jobs]  # book order
    assert sorted(pool.ran) == sorted(job.shown for job in planned.jobs)
    assert first.hits == [] and pool.prestarted == len(planned.jobs)

    assert planned.misses == []  # what the first execute stored, the next plan sees
    again = FakePool()
    second = execute(planned, Silent(), pool=again)
    assert again.ran == [] and again.prestarted == 0
    assert sorted(second.hits) == sorted(job.shown for job in planned.jobs)
    assert (planned.build_dir / paths.TIMINGS).is_file()


def test_validation_runs_once_until_an_input_changes(
    fresh_book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    @dataclasses.dataclass
    class Loaded:
        files: dict[str, Path]

    def load(run: object, *_: object, **__: object) -> Loaded:
        calls.append("load")
        return Loaded({})

    monkeypatch.setattr(stages, "validate_inputs", load)
    planned = _plan(fresh_book, validate=True)
    assert validated(planned, Silent()) is not None
    assert validated(_plan(fresh_book, validate=True), Silent()) is None
    assert calls == ["load"]
    (fresh_book / "params" / f"{RUN}.yml").write_text(
        (fresh_book / "params" / f"{RUN}.yml").read_text(encoding="utf-8") + "\n",
        encoding="utf-8",
    )
    assert validated(_plan(fresh_book, validate=True), Silent()) is not None
    assert calls == ["load", "load"]


def test_failed_validation_runs_no_notebook_and_withdraws_the_handoff(
    fresh_book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def invalid(run: object, *_: object, **__: object) -> None:
        raise InputError([Problem("data/demo/2025/pk.yml", "berkas tidak ditemukan")])

    monkeypatch.setattr(stages, "validate_inputs", invalid)
    pool = FakePool()
    with pytest.raises(InputError):
        execute(_plan(fresh_book, validate=True), Silent(), pool=pool)
    assert pool.ran == [] and pool.prestarted > 0  # kernels started early, nothing ran
    assert not (fresh_book / "_build" / RUN / "book.pickle.pending").exists()
