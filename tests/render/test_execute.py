"""Executing notebooks: reproducible copies, failures that name notebook and cell."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from lkj.errors import BuildError
from lkj.render.execute import Job, NotebookError, clean_notebook, execute_all, execute_notebook


def notebook(path: Path, *sources: str) -> Path:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    params = new_code_cell('params_file = "x.yml"\nedition = "publik"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, new_markdown_cell("# Judul"), *(new_code_cell(s) for s in sources)]
    nbformat.write(nb, path)
    return path


def test_clean_notebook_drops_what_changes_between_runs() -> None:
    nb = new_notebook()
    nb.metadata["papermill"] = {"start_time": "2026-01-01T00:00:00"}
    cell = new_code_cell("1")
    cell.metadata["papermill"] = {"duration": 0.1}
    cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00"}
    nb.cells = [cell]
    out = clean_notebook(nb)
    assert "papermill" not in out.metadata
    assert out.cells[0].id == "cell-000" and out.cells[0].metadata == {}


def test_execution_in_the_notebook_folder_with_parameters(tmp_path: Path) -> None:
    source = notebook(
        tmp_path / "nb.ipynb",
        "import os\nprint(os.getcwd(), params_file, edition)",
    )
    job = Job(source, tmp_path / "out" / "nb.ipynb", "nb.ipynb")
    first = execute_notebook(job, {"params_file": "/abs/p.yml", "edition": "internal"})
    text = first.read_text(encoding="utf-8")
    stream = "".join(json.loads(text)["cells"][-1]["outputs"][0]["text"])
    assert stream.strip() == f"{tmp_path} /abs/p.yml internal"
    assert "start_time" not in text and "duration" not in text
    second = execute_notebook(job, {"params_file": "/abs/p.yml", "edition": "internal"})
    assert second.read_text(encoding="utf-8") == text  # reproducible


def test_failure_names_notebook_cell_and_exception(tmp_path: Path) -> None:
    source = notebook(tmp_path / "bab9.ipynb", "x = 1", "# hitung\ny = 1 / 0\n")
    job = Job(source, tmp_path / "out" / "bab9.ipynb", "notebooks/bab9.ipynb")
    with pytest.raises(NotebookError) as info:
        execute_notebook(job, {"params_file": "p.yml", "edition": "publik"})
    message = str(info.value)
    # cells as the author counts them: parameters=1, markdown=2, "x = 1"=3, failing=4
    assert message.startswith("notebooks/bab9.ipynb: sel ke-4")
    assert "ZeroDivisionError: division by zero" in message
    assert "# hitung" in message
    assert isinstance(info.value, BuildError)


def test_execute_all_reports_every_failure(tmp_path: Path) -> None:
    jobs = [Job(tmp_path / f"{n}.ipynb", tmp_path / "o" / f"{n}.ipynb", n) for n in "abc"]
    events: list[tuple[str, str]] = []

    def fake(job: Job, params: object) -> Path:
        if job.shown in ("a", "c"):
            raise NotebookError(job.shown, f"{job.shown}: gagal")
        return job.output

    with pytest.raises(BuildError) as info:
        execute_all(
            jobs, {}, workers=2, run=fake, on_event=lambda j, w, s: events.append((j.shown, w))
        )
    assert str(info.value).splitlines() == ["2 notebook gagal:", "a: gagal", "c: gagal"]
    assert ("b", "done") in events and ("a", "fail") in events


def test_execute_all_starts_the_first_ranked_jobs_first_and_keeps_book_order(
    tmp_path: Path,
) -> None:
    jobs = [Job(tmp_path / f"{n}.ipynb", tmp_path / "o" / f"{n}.ipynb", n) for n in "abcd"]
    started: list[str] = []
    rank = {"a": 0.0, "b": 5.0, "c": 0.0, "d": 9.0}

    def fake(job: Job, params: object) -> Path:
        started.append(job.shown)
        return job.output

    done = execute_all(jobs, {}, workers=1, run=fake, first=lambda job: rank[job.shown])
    assert started == ["d", "b", "a", "c"]  # ties keep their book order
    assert done == [job.output for job in jobs]
