"""unit.yml's book fields are checked with the other inputs: each problem located and fixable."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project

from lkj.errors import InputError
from lkj.inputs import buku
from lkj.inputs.unit import Unit

from .cases import load


def problems_of(project: Project, text: str) -> list[str]:
    project.path("notebooks").mkdir(exist_ok=True)
    for stem in ("index", "bab1"):
        project.write(f"notebooks/{stem}.ipynb", "{}")
    project.write("data/mini/unit.yml", text)
    with pytest.raises(InputError) as err:
        load(project)
    return [p.render() for p in err.value.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a notebook that does not exist: the ones that do are named
            "bab:\n  - berkas: notebooks/index.ipynb\n  - berkas: notebooks/bab9.ipynb\n",
            ["unit.yml, baris 3, kolom 'bab.1.berkas'", "notebook tidak ditemukan", "bab1.ipynb"],
        ),
        (
            "bab:\n  - berkas: notebooks/bab1.ipynb\n  - berkas: notebooks/bab1.ipynb\n",
            ["baris 3", "terdaftar dua kali", "hapus salah satunya"],
        ),
        (
            "bab:\n  - berkas: notebooks/bab1.ipynb\n  - {berkas: notebooks/index.ipynb, "
            "depan: true}\n",
            ["baris 3", "bab depan (depan: true) dahulu"],
        ),
        (
            "tabel:\n  judul:\n    tbl-iku99: Capaian\n",
            ["baris 3", "kolom 'tabel.judul.tbl-iku99'", "tidak dikenal", "tbl-ringkasan"],
        ),
        (
            'tabel:\n  judul:\n    tbl-iku: "Capaian {indikator} {nomor}"\n',
            ["baris 3", "isian {indikator} tidak dikenal", "{iku}"],
        ),
        (
            "judul:\n  bab-9: Pendahuluan\n",
            ["baris 2", "kolom 'judul.bab-9'", "judul 'bab-9' tidak dikenal", "bab-1"],
        ),
    ],
)
def test_a_wrong_book_setting_is_located(mini: Project, text: str, expected: list[str]) -> None:
    found = "\n".join(problems_of(mini, text))
    assert "data/mini/unit.yml" in found
    for part in expected:
        assert part in found


def test_every_problem_of_the_chapter_list_at_once(mini: Project) -> None:
    found = problems_of(
        mini,
        "bab:\n  - berkas: notebooks/nope.ipynb\n  - berkas: notebooks/nope.ipynb\n"
        "tabel: {judul: {tbl-x: y}}\n",
    )
    assert sum("nope.ipynb" in p for p in found) == 3  # missing twice, listed twice once
    assert any("tbl-x" in p for p in found)


def test_the_default_chapters_are_the_projects_quarto_yml() -> None:
    root = Path(__file__).resolve().parents[2]
    entries = buku.quarto_entries(root)
    assert [e.stem for e in entries if e.depan] == ["index", "ringkasan"]
    assert {e.stem: e.nomor for e in entries if e.nomor} == {
        "bab1": 1,
        "bab2a_capaian": 2,
        "bab2b_evaluasi": 2,
        "bab2c_anggaran": 2,
        "bab2d_perbandingan": 2,
        "bab3": 3,
    }
    assert entries[-1].stem == "lampiran8_jejak" and entries[-1].lampiran
    assert buku.unit_entries(Unit()) is None  # no `bab`: the project's own list
