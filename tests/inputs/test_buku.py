"""unit.yml's book fields are checked with the other inputs: each problem located and fixable."""

from __future__ import annotations

import json
import re
import string
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


def test_a_heading_no_shipped_notebook_uses_is_a_warning(mini: Project) -> None:
    """A unit's own notebook may ask for it; a typo is still pointed out, with the ids."""
    mini.write("data/mini/unit.yml", "judul:\n  bab-9: Pendahuluan\n")
    warnings = [p.render() for p in load(mini).warnings if "unit.yml" in p.file]
    assert len(warnings) == 1
    assert "baris 2, kolom 'judul.bab-9'" in warnings[0] and "bab-1" in warnings[0]


def test_the_shipped_book_knows_every_notebook_and_heading_they_ask_for() -> None:
    """buku.yml and notebooks/ agree: each notebook has its entry, each `book.heading("<id>")`
    of a notebook is a heading of that notebook, each template fills only known fields."""
    root = Path(__file__).resolve().parents[2]
    book = buku.defaults("bp3mi")
    stems = {p.stem for p in (root / "notebooks").glob("*.ipynb")}
    assert stems == set(book.bab)
    for stem in stems:
        cells = json.loads((root / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
        source = "".join("".join(c["source"]) for c in cells["cells"])
        asked = set(re.findall(r'book\.heading\("([^"]+)"\)', source))
        assert asked <= set(book.bab[stem].judul), stem
    headings = [text for _, _, text in book.headings().values()]
    for template, allowed in [
        *((t, buku.HEADING_FIELDS) for t in headings),
        *((t, buku.TITLE_FIELDS) for t in book.judul.values()),
    ]:
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert fields <= allowed, template
