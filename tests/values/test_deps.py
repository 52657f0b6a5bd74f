"""What a notebook is recorded to depend on (the rule behind the build cache)."""

from pathlib import Path

import pytest

from lkj.render.cache import Snapshot
from lkj.values import deps
from lkj.values.registry import Registry, Source


@pytest.fixture
def reg() -> Registry:
    r = Registry()
    r.add(
        "iku07.tw2.realisasi",
        7375,
        kind="count",
        label="x",
        sources=[Source("data/u/2025/penempatan.csv", (2,), "")],
    )
    r.add(
        "iku07.tw2.target",
        7000,
        kind="count",
        label="t",
        sources=[Source("data/u/2025/target.csv", (3,), "")],
    )
    r.add(
        "iku07.tw2.capaian",
        105.3,
        kind="percent",
        label="c",
        inputs=["iku07.tw2.realisasi", "iku07.tw2.target"],
    )
    r.add(
        "kepulangan.total",
        36,
        kind="count",
        label="k",
        sources=[Source("data/u/2025/kepulangan.csv", (2,), "")],
    )
    return r


def record(action) -> set[str]:
    deps.start()
    deps.arm(["ALL-A", "ALL-B"])
    try:
        action()
        return set(deps.snapshot()["files"])
    finally:
        deps.stop()


def test_a_value_depends_on_the_files_behind_it_and_its_inputs(reg):
    assert record(lambda: reg["iku07.tw2.capaian"]) == {
        "data/u/2025/penempatan.csv",
        "data/u/2025/target.csv",
    }


def test_a_missing_value_depends_on_its_family_only(reg):
    # a later quarter of IKU 7 can only appear through IKU 7's own files (or params/code)
    assert record(lambda: reg.get("iku07.tw3.realisasi")) == {
        "data/u/2025/penempatan.csv",
        "data/u/2025/target.csv",
    }
    assert "data/u/2025/kepulangan.csv" not in record(lambda: "iku07.tw4.capaian" in reg)


def test_a_missing_value_of_an_unknown_family_depends_on_everything(reg):
    assert record(lambda: reg.get("iku99.tw2.realisasi")) == {"ALL-A", "ALL-B"}
    assert record(lambda: reg.ids("*.nothing")) == {"ALL-A", "ALL-B"}


def test_existence_is_a_dependency_on_presence_not_content(tmp_path: Path):
    (tmp_path / "a.csv").write_text("x\n", encoding="utf-8")
    files = record(lambda: deps.exists("a.csv"))
    (name,) = files
    snap = Snapshot(tmp_path)
    before = snap.digest(name)
    (tmp_path / "a.csv").write_text("changed\n", encoding="utf-8")
    assert Snapshot(tmp_path).digest(name) == before  # content changed: same answer
    (tmp_path / "a.csv").unlink()
    assert Snapshot(tmp_path).digest(name) != before  # file gone: the answer changed
