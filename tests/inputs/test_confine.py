"""Every path a run reads stays in the project folder: typed paths and symlinks."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Project

from lkj.inputs.confine import inside, typed_path_problem

from .cases import PARAMS, Case, Y, assert_reported, edit, problems_of


def _outside(project: Project) -> Path:
    """A folder next to the project, i.e. outside it."""
    folder = project.root.parent / "elsewhere"
    folder.mkdir(exist_ok=True)
    return folder


def _link_unit(project: Project) -> None:
    target = _outside(project) / "mini"
    shutil.move(project.path("data/mini"), target)
    project.path("data/mini").symlink_to(target, target_is_directory=True)


def _link_file(rel: str) -> Callable[[Project], None]:
    def change(project: Project) -> None:
        target = _outside(project) / Path(rel).name
        shutil.move(project.path(rel), target)
        project.path(rel).symlink_to(target)

    return change


def _link_published(project: Project) -> None:
    secret = _outside(project) / "rahasia.csv"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    project.path(Y + "terbitan.csv").symlink_to(secret)
    project.replace(PARAMS, "quarter: 2", f"quarter: 2\npublished_figures: {Y}terbitan.csv")


CASES = [
    Case(
        "params-data-dir-absolute",
        edit(PARAMS, "quarter: 2", "quarter: 2\ndata_dir: /tmp"),
        "PARAMS",
        "data_dir",
        "data_dir",
        "relatif dari folder proyek, mis. data",
    ),
    Case(
        "params-data-dir-climbs-out",
        edit(PARAMS, "quarter: 2", "quarter: 2\ndata_dir: ../lain/data"),
        "PARAMS",
        "data_dir",
        "data_dir",
        "relatif dari folder proyek, mis. data",
    ),
    Case(
        "params-published-figures-etc-passwd",
        edit(PARAMS, "quarter: 2", "quarter: 2\npublished_figures: /etc/passwd"),
        "PARAMS",
        "published_figures",
        "published_figures",
        "tulis jalur relatif dari folder proyek",
    ),
    Case(
        "params-published-figures-climbs-out",
        edit(PARAMS, "quarter: 2", "quarter: 2\npublished_figures: ../../etc/passwd"),
        "PARAMS",
        "published_figures",
        "published_figures",
        "tulis jalur relatif dari folder proyek",
    ),
    Case(
        "params-unit-is-a-path",
        edit(PARAMS, "unit: mini", "unit: ../jateng"),
        "PARAMS",
        "unit:",
        "unit",
        "isi kode unit, yaitu nama folder di data/",
    ),
    Case(
        "symlinked-unit-folder",
        _link_unit,
        "PARAMS",
        "unit:",
        "unit",
        "salin data ke dalam folder proyek",
    ),
    Case(
        "symlinked-csv-file",
        _link_file(Y + "pengaduan.csv"),
        Y + "pengaduan.csv",
        None,
        None,
        "salin berkasnya ke dalam folder proyek",
    ),
    Case(
        "symlinked-pk-yml",
        _link_file(Y + "pk.yml"),
        Y + "pk.yml",
        None,
        None,
        "salin berkasnya ke dalam folder proyek",
    ),
    Case(
        "symlinked-published-figures",
        _link_published,
        "PARAMS",
        "published_figures",
        "published_figures",
        "salin berkasnya ke dalam folder proyek",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


def test_unit_message_is_indonesian_not_the_pattern(mini: Project) -> None:
    mini.replace(PARAMS, "unit: mini", "unit: ../jateng")
    (problem,) = problems_of(mini)
    assert problem.message.startswith("kode unit tidak sah") and "pattern" not in problem.render()


def test_a_system_file_is_never_read(mini: Project) -> None:
    mini.replace(PARAMS, "quarter: 2", "quarter: 2\npublished_figures: /etc/passwd")
    assert "root:" not in "\n".join(p.render() for p in problems_of(mini))


@pytest.mark.parametrize(
    "typed", ["/etc/passwd", "C:\\data", "\\\\server\\share", "../x", "data/../../x"]
)
def test_typed_paths_outside_are_refused(typed: str) -> None:
    assert typed_path_problem(typed) is not None


@pytest.mark.parametrize("typed", ["data", "data/mini/2025/terbitan/tw2.csv", "./data"])
def test_typed_paths_inside_are_accepted(typed: str) -> None:
    assert typed_path_problem(typed) is None


def test_inside_resolves_symlinks(tmp_path: Path) -> None:
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "link").symlink_to(tmp_path)
    assert inside(tmp_path / "root" / "x", tmp_path / "root")
    assert not inside(tmp_path / "root" / "link" / "x", tmp_path / "root")
