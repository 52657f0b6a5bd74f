"""Incremental builds of the real report: what re-executes after each kind of change.

One project copy for the module; each test changes one thing and looks at which notebooks
the kernel pool was asked to run. No timings are asserted (docs/performance.md has those).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from lkj.cli.main import main
from lkj.compute.engine import compute
from lkj.dev.bench import add_record
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.render import cache as cache_mod
from lkj.render.batch import build_many
from lkj.render.build import build
from lkj.render.cache import Cache, Snapshot, read_verified
from lkj.render.execute import Job
from lkj.render.handoff import publish
from lkj.render.kernels import Executed, KernelPool
from lkj.render.quarto import load_book

from .conftest import copy_project

RUN = "jateng-2025-tw2"


class CountingPool(KernelPool):
    """A KernelPool that remembers which notebooks it was asked to execute."""

    def __init__(self, workers: int = 2, shared: bool = True):
        super().__init__(workers, shared=shared)
        self.ran: list[str] = []

    def run(self, job: Job, parameters: Mapping[str, Any]) -> Executed:
        self.ran.append(Path(job.shown).name)
        return super().run(job, parameters)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("incremental") / "lkj")
    rebuild(root)  # cold
    return root


def rebuild(root: Path, **options: Any) -> list[str]:
    with CountingPool() as pool:
        build(
            root / "params" / f"{RUN}.yml", renderer="pandoc", progress=False, pool=pool, **options
        )
    return sorted(pool.ran)


def chapters(root: Path) -> list[str]:
    return sorted(ch.path.name for ch in load_book(root).chapters)


def entries(root: Path) -> dict[str, list[str]]:
    """Notebook name → files its cache entry depends on (for the current params)."""
    run = load_run(root / "params" / f"{RUN}.yml")
    params = {"params_file": str(run.params_path), "edition": run.params.edition}
    out = {}
    for ch in load_book(root).chapters:
        key = Cache.notebook_key(ch.path, run.params_path, params)
        entry = root / "_build" / "cache" / "notebooks" / f"{key}.json"
        out[ch.path.name] = sorted(json.loads(entry.read_text())["files"])
    return out


def edit(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_nothing_changed_runs_nothing_and_keeps_the_output(project: Path) -> None:
    index = project / "_output" / RUN / "html" / "index.html"
    before = index.stat().st_mtime_ns
    assert rebuild(project) == []
    assert index.stat().st_mtime_ns == before  # assembly skipped too


def test_each_data_file_misses_exactly_the_notebooks_that_used_it(project: Path) -> None:
    """For every input file: a change invalidates the entries that list it, and only those."""
    deps = entries(project)
    run = load_run(project / "params" / f"{RUN}.yml")
    params = {"params_file": str(run.params_path), "edition": run.params.edition}
    cache = Cache(project / "_build" / "cache")
    files = sorted(
        str(p.relative_to(project))
        for folder in (run.unit_dir, run.data_root / "referensi")
        for p in folder.rglob("*")
        if p.is_file()
    )
    assert "data/jateng/2025/kepulangan.csv" in files
    for name in files:
        snapshot = Snapshot(project)
        snapshot._known[name] = "changed"  # what a content change looks like to the cache
        missed = sorted(
            ch.path.name
            for ch in load_book(project).chapters
            if cache.lookup(cache.notebook_key(ch.path, run.params_path, params), snapshot) is None
        )
        assert missed == sorted(nb for nb, used in deps.items() if name in used), name
    # The rule is selective: a quarter text concerns its chapter only. The Jejak Angka appendix
    # lists every file of the run, so it depends on the text's existence, not its content (the
    # build fills in the sha256: lkj.render.digestfill).
    text = "data/jateng/2025/teks/tw2/permasalahan.md"
    assert [nb for nb, used in deps.items() if text in used] == ["bab3.ipynb"]
    assert [nb for nb, used in deps.items() if f"exists:{text}" in used] == [
        "lampiran8_jejak.ipynb"
    ]


def test_changing_one_data_file_reruns_only_its_readers(project: Path) -> None:
    name = "data/jateng/2025/kepulangan.csv"
    readers = sorted(nb for nb, used in entries(project).items() if name in used)
    assert 0 < len(readers) < len(chapters(project))
    edit(project / name, "\n")  # every read returns the same (tests/report/test_observed_builds.py)
    assert rebuild(project) == []
    add_record(project / name, quarter=2)  # a record of the report's quarter: values change
    ran = rebuild(project)
    assert ran and set(ran) <= set(readers)
    assert rebuild(project) == []


def test_changing_a_text_reruns_its_chapter(project: Path) -> None:
    text = project / "data/jateng/2025/teks/tw2/permasalahan.md"
    edit(text, "\nSatu kalimat lagi.\n")
    # only its chapter: Lampiran Jejak Angka's table of files gets the text's new sha256 at
    # assembly, from the cache (tests/report/test_recorded_reads.py checks every target)
    assert rebuild(project) == ["bab3.ipynb"]
    pages = [
        p.read_text(encoding="utf-8") for p in (project / "_output" / RUN / "html").rglob("*.html")
    ]
    assert any("Satu kalimat lagi." in page for page in pages)
    assert any(hashlib.sha256(text.read_bytes()).hexdigest() in page for page in pages)


def test_adding_or_removing_a_file_reruns_the_file_list(project: Path) -> None:
    """Jejak Angka lists the run's files: a text added (or removed again) runs it again."""
    extra = project / "data/jateng/2025/teks/tw2/catatan_uji.md"
    extra.write_text("Catatan uji.\n", encoding="utf-8")
    assert "lampiran8_jejak.ipynb" in rebuild(project)
    pages = [
        p.read_text(encoding="utf-8") for p in (project / "_output" / RUN / "html").rglob("*.html")
    ]
    assert any(hashlib.sha256(extra.read_bytes()).hexdigest() in page for page in pages)
    extra.unlink()
    assert "lampiran8_jejak.ipynb" in rebuild(project)


def test_changing_a_notebook_reruns_it(project: Path) -> None:
    path = project / "notebooks" / "bab3.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "markdown", "id": "extra", "metadata": {}, "source": ["x"]})
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    assert rebuild(project) == ["bab3.ipynb"]


def test_params_lkj_source_and_force_rerun_everything(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(project / "params" / f"{RUN}.yml", "# komentar\n")
    assert rebuild(project) == chapters(project)
    monkeypatch.setattr(cache_mod, "lkj_digest", lambda: "another lkj source tree")
    assert rebuild(project) == chapters(project)
    monkeypatch.undo()
    assert rebuild(project, force=True) == chapters(project)


def test_unreadable_entry_is_rebuilt(project: Path) -> None:
    folder = project / "_build" / "cache" / "notebooks"
    victim = folder / f"{sorted(current_entries(project))[0]}.json"
    victim.write_text('{"format": 1, "files": {', encoding="utf-8")  # cut short
    assert len(rebuild(project)) == 1
    json.loads(victim.read_text(encoding="utf-8"))


def test_altered_entry_text_is_rebuilt(project: Path) -> None:
    """Still valid JSON, one word changed: the seal refuses it, so it is never published."""
    folder = project / "_build" / "cache" / "notebooks"
    key = sorted(current_entries(project))[0]
    victim = folder / f"{key}.json"
    original = victim.read_bytes()
    entry = json.loads(original)
    entry["notebook"] = entry["notebook"].replace("nbformat", "nbformat ", 1)
    assert json.dumps(entry).encode() != original
    victim.write_text(json.dumps(entry), encoding="utf-8")
    assert key not in current_entries(project)
    assert len(rebuild(project)) == 1  # executed again, not trusted
    assert current_entries(project)[key] == original  # and stored as a clean build does


def current_entries(root: Path) -> dict[str, bytes]:
    run = load_run(root / "params" / f"{RUN}.yml")
    params = {"params_file": str(run.params_path), "edition": run.params.edition}
    folder = root / "_build" / "cache" / "notebooks"
    keys = [Cache.notebook_key(ch.path, run.params_path, params) for ch in load_book(root).chapters]
    # Only entries a build would trust: payload present and still matching its sha256 seal.
    found = {k: read_verified(folder / f"{k}.json") for k in keys}
    return {k: data for k, data in found.items() if data is not None}


def test_killed_build_leaves_nothing_a_later_build_trusts(project: Path) -> None:
    good = current_entries(project)
    assert len(good) == len(chapters(project))
    shutil.rmtree(project / "_build" / "cache")
    folder = project / "_build" / "cache" / "notebooks"
    command = [
        sys.executable,
        "-m",
        "lkj.cli.main",
        "build",
        f"params/{RUN}.yml",
        "--renderer",
        "pandoc",
    ]
    proc = subprocess.Popen(
        command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(folder.glob("*.json")):
        time.sleep(0.05)  # kill as soon as the first entry lands, mid-way through the rest
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = current_entries(project)
    assert len(left) < len(good)  # really interrupted
    assert all(left[k] == good[k] for k in left)  # whatever is there is complete
    assert len(rebuild(project)) == len(good) - len(left)  # the rest runs, nothing more
    # Same keys and same recorded dependencies as the uninterrupted build.
    after = current_entries(project)
    assert {k: json.loads(v)["files"] for k, v in after.items()} == {
        k: json.loads(v)["files"] for k, v in good.items()
    }


def test_batch_with_a_failing_run_builds_the_others(project: Path) -> None:
    bad = project / "params" / "rusak.yml"
    bad.write_text("unit: tidak-ada\nyear: 2025\nquarter: 2\nedition: publik\n", encoding="utf-8")
    good = project / "params" / f"{RUN}.yml"
    outcomes = build_many([bad, good], renderer="pandoc")
    assert [o.ok for o in outcomes] == [False, True]
    assert "tidak-ada" in outcomes[0].error
    assert outcomes[1].output == project / "_output" / RUN
    assert main(["build", str(bad), str(good), "--renderer", "pandoc"]) == 1
    bad.unlink()


def test_shared_kernels_give_byte_identical_notebooks(project: Path, tmp_path: Path) -> None:
    """Warm, reused kernels vs a fresh kernel per notebook: the same executed notebooks.

    The shared kernels start from the run a build hands them (lkj.render.handoff.publish), the
    isolated ones load and compute it themselves; both record the same files and the same
    digests of what each read returned (another process, the same answers)."""
    run = load_run(project / "params" / f"{RUN}.yml")
    inputs = load_inputs(run)
    publish(run, inputs, compute(inputs))
    params = {"params_file": str(run.params_path), "edition": run.params.edition}
    results = {}
    for shared in (True, False):
        out = tmp_path / ("shared" if shared else "isolated")
        jobs = [Job(ch.path, out / ch.rel, ch.rel) for ch in load_book(project).chapters]
        with KernelPool(2, shared=shared) as pool:
            futures = [pool.submit(job, params) for job in jobs]
            files = [(f.result().files, f.result().observed) for f in futures]
        results[shared] = ([job.output.read_bytes() for job in jobs], files)
    assert results[True] == results[False]
