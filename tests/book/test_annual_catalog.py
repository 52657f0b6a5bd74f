"""The annual book's numbered tables and figures: in _quarto-tahunan.yml's chapter order, and
numbered per BAB for a unit with `tabel.penomoran: per_bab` (labnusa), globally otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.book.annual_catalog import CHAPTERS, annual_catalog
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.render.quarto import load_book

ROOT = Path(__file__).resolve().parents[2]


def numbers(params: str) -> dict[str, str]:
    inputs = load_inputs(load_run(ROOT / params))
    catalog = annual_catalog(inputs, compute(inputs))
    return {e.id: e.number for e in [*catalog.tables(), *catalog.figures()]}


def test_chapters_are_those_of_quarto_tahunan_yml() -> None:
    book = load_book(ROOT, name="_quarto-tahunan.yml")
    main = [c for c in book.chapters if not c.appendix]
    assert [c.rel.removeprefix("notebooks/") for c in main] == [
        Path(c.berkas).name for c in CHAPTERS
    ]
    assert [c.front for c in main] == [c.depan for c in CHAPTERS]
    assert [c.part for c in main] == [c.bagian for c in CHAPTERS]


def test_per_bab_numbers_follow_the_bab_of_each_table() -> None:
    found = numbers("params/labnusa-2025-tahunan.yml")
    # BAB II: Renstra, PK; BAB III A and B share BAB III; the Ikhtisar counts on its own
    assert found["tbl-renstra"] == "Tabel 2.1" and found["tbl-pk"] == "Tabel 2.2"
    assert found["tbl-capaian-tahunan"] == "Tabel 3.1"
    assert found["tbl-anggaran-tahunan"].startswith("Tabel 3.")
    assert found["gambar-capaian-sasaran"] == "Gambar 1"
    assert found["gambar-riwayat"] == "Gambar 3.1" and found["gambar-renstra"] == "Gambar 3.2"


@pytest.mark.parametrize("params", ["params/jateng-2025-tahunan.yml"])
def test_global_numbers_in_reading_order(params: str) -> None:
    found = numbers(params)
    tables = [i for i in found if i.startswith("tbl-")]
    assert [found[i] for i in tables] == [f"Tabel {n}" for n in range(1, len(tables) + 1)]
    assert tables[:3] == ["tbl-renstra", "tbl-pk", "tbl-capaian-tahunan"]
    assert tables[-1] == "tbl-anggaran-tahunan"
