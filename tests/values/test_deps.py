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


LISTINGS = {deps.LISTING + "data/mini", deps.LISTING + "data/referensi"}


def test_every_value_depends_on_the_input_files_and_which_files_there_are(
    reads: Reads,
) -> None:
    # compute reads only the input files: not the texts, not the published figures
    found = record(reads.every_value)
    assert found == set(reads._inputs.files) | LISTINGS
    assert not any(f.endswith(".md") for f in found)


def test_the_list_of_files_depends_on_which_exist_not_on_their_content(reads: Reads) -> None:
    names = record(reads.file_names)
    listed = reads.file_names()
    assert Y + "pengaduan.csv" in listed
    assert names == {deps.EXISTS + n for n in listed} | LISTINGS | {"data/mini/unit.yml"}


def test_a_listing_changes_with_a_file_added_or_removed_not_edited(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "u"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "a.csv").write_text("x\n", encoding="utf-8")
    name = deps.LISTING + "data/u"
    before = Snapshot(tmp_path).digest(name)
    assert before is not None
    (folder / "2025" / "a.csv").write_text("changed\n", encoding="utf-8")
    assert Snapshot(tmp_path).digest(name) == before
    (folder / "2025" / "teks").mkdir()
    (folder / "2025" / "teks" / "b.md").write_text("b\n", encoding="utf-8")
    added = Snapshot(tmp_path).digest(name)
    assert added != before
    (folder / "2025" / "teks" / "b.md").unlink()
    assert Snapshot(tmp_path).digest(name) == before
    (folder / "2025" / "a.csv").unlink()
    assert Snapshot(tmp_path).digest(name) not in (before, added)


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
