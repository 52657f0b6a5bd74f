"""Reproducible builds, and failures that leave the last good output as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from lkj.errors import BuildError, InputError
from lkj.render.build import build

from .conftest import copy_project


def stable_bytes(path: Path) -> bytes:
    """The file, minus the build record of values.json/values.js (build time and commit)."""
    if path.name not in ("values.json", "values.js"):
        return path.read_bytes()
    text = path.read_text(encoding="utf-8").removeprefix("window.LKJ_TRACE = ")
    data = json.loads(text.rstrip().removesuffix(";"))
    data.pop("build")
    return json.dumps(data, sort_keys=True).encode()


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(stable_bytes(p)).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    """Another copy of the project, built once: the 'previous good output' of these tests."""
    root = copy_project(tmp_path_factory.mktemp("safety") / "lkj")
    out = build(root / "params/jateng-2025-tw2.yml", renderer="pandoc", progress=False)
    return root, out


def test_two_builds_are_byte_identical(public, second):
    _, out = second
    assert digest(public.out) == digest(out)


def test_bad_data_fails_before_building_and_keeps_output(second):
    root, out = second
    before = digest(out)
    target = root / "data/jateng/2025/penempatan.csv"
    original = target.read_text(encoding="utf-8")
    lines = original.splitlines()
    lines[5] = lines[5].rsplit(",", 1)[0] + ",-3"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        with pytest.raises(InputError) as err:
            build(root / "params/jateng-2025-tw2.yml", renderer="pandoc", progress=False)
        assert any(p.row == 6 and p.column == "jumlah" for p in err.value.problems)
    finally:
        target.write_text(original, encoding="utf-8")
    assert digest(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_broken_notebook_is_named_and_keeps_output(second):
    root, out = second
    before = digest(out)
    nb = root / "notebooks/bab3.ipynb"
    original = nb.read_text(encoding="utf-8")
    nb.write_text(original.replace('book.text(\\"permasalahan\\")', "1 / 0"), encoding="utf-8")
    assert nb.read_text(encoding="utf-8") != original
    try:
        with pytest.raises(BuildError) as err:
            build(root / "params/jateng-2025-tw2.yml", renderer="pandoc", progress=False)
        message = str(err.value)
        assert "bab3.ipynb" in message and "ZeroDivisionError" in message
    finally:
        nb.write_text(original, encoding="utf-8")
    assert digest(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_copied_project_builds_on_its_own(second):
    # Paths resolve from the project holding the params file, not from the repository.
    root, out = second
    assert out == root / "_output" / "jateng-2025-tw2"
    assert (out / "html" / "index.html").is_file()
    assert (out / "jateng-2025-tw2.pdf").is_file()
