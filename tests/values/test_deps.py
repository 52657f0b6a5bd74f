"""What a notebook is recorded to depend on (the rule behind the build cache).

The reads go through lkj.values.access.Reads over the mini project (tests/fixtures/mini):
iku01 counts pengaduan.csv, the IKPA category comes from a reference list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.render.cache import Snapshot
from lkj.values import deps
from lkj.values.access import Reads

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
Y = "data/mini/2025/"


@pytest.fixture(scope="module")
def reads() -> Reads:
    inputs = load_inputs(load_run(MINI / "params" / "mini-2025-tw2.yml"))
    return Reads(inputs, compute(inputs))


def record(action: Callable[[], Any]) -> set[str]:
    deps.start()
    deps.arm(["ALL-A", "ALL-B"])
    try:
        action()
        files = deps.snapshot()["files"]
        assert isinstance(files, list)
        return set(files)
    finally:
        deps.stop()


def test_nothing_is_recorded_outside_a_build(reads: Reads) -> None:
    deps.stop()
    assert reads.value("iku01.tw2.capaian").value is not None
    assert deps.snapshot() == {"files": None}


def test_a_value_depends_on_its_lineage_and_its_familys_files(reads: Reads) -> None:
    # capaian cites no file itself: realisasi (pengaduan.csv) and target (target.csv) do;
    # pk.yml decides the IKU's rule, unit and kind; unit.yml (absent here) its bands and
    # how every figure reads (desimal)
    assert record(lambda: reads.value("iku01.tw2.capaian")) == {
        Y + "pengaduan.csv",
        Y + "target.csv",
        Y + "pk.yml",
        "data/mini/unit.yml",
    }


def test_a_value_computed_with_a_reference_list_depends_on_it(reads: Reads) -> None:
    # ikpa.kategori cites no rows: the bands in the reference list decide it
    assert "data/referensi/ikpa_kategori.csv" in record(lambda: reads.value("ikpa.kategori"))


def test_a_missing_value_depends_on_its_family_only(reads: Reads) -> None:
    # a later quarter of iku01 can only appear through iku01's own files (or params/code)
    later = {Y + "pengaduan.csv", Y + "target.csv", Y + "pk.yml", "data/mini/unit.yml"}
    assert record(lambda: reads.find("iku01.tw3.realisasi")) == later
    assert record(lambda: reads.has("iku01.tw4.capaian")) == later
    with pytest.raises(KeyError):
        reads.value("iku01.tw3.realisasi")


def test_a_missing_value_of_an_unknown_family_depends_on_everything(reads: Reads) -> None:
    assert record(lambda: reads.find("iku99.tw2.realisasi")) == {"ALL-A", "ALL-B"}
    assert record(lambda: reads.ids("*.nothing")) == {"ALL-A", "ALL-B"}
    assert record(reads.every_value) == {"ALL-A", "ALL-B"}


def test_a_pattern_depends_on_its_family_even_when_it_matches(reads: Reads) -> None:
    found = record(lambda: reads.ids("kepulangan.*"))
    assert Y + "kepulangan.csv" in found
    assert Y + "penempatan.csv" not in found


def test_datasets_texts_and_existence(reads: Reads, tmp_path: Path) -> None:
    assert record(lambda: reads.dataset("jenis_masalah", reference=True)) == {
        "data/referensi/jenis_masalah.csv"
    }
    assert record(lambda: reads.has_dataset("ikpa")) == {deps.EXISTS + Y + "ikpa.csv"}
    assert record(reads.pk) == {Y + "pk.yml"}
    missing = reads.run.year_dir / "teks" / "tw2" / "belum_ada.md"
    assert record(lambda: reads.text(missing)) == {Y + "teks/tw2/belum_ada.md"}


def test_existence_is_a_dependency_on_presence_not_content(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("x\n", encoding="utf-8")
    files = record(lambda: deps.exists("a.csv"))
    (name,) = files
    snap = Snapshot(tmp_path)
    before = snap.digest(name)
    (tmp_path / "a.csv").write_text("changed\n", encoding="utf-8")
    assert Snapshot(tmp_path).digest(name) == before  # content changed: same answer
    (tmp_path / "a.csv").unlink()
    assert Snapshot(tmp_path).digest(name) != before  # file gone: the answer changed
