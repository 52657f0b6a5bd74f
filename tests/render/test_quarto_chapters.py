"""The renderers take the unit's chapter list (unit.yml `bab`) instead of _quarto.yml's."""

from __future__ import annotations

from pathlib import Path

from lkj.inputs.buku import unit_entries
from lkj.inputs.unit import Chapter, Unit
from lkj.render.quarto import load_book
from lkj.render.quarto_stage import chapter_entries

ROOT = Path(__file__).resolve().parents[2]


def test_a_declared_chapter_list_replaces_the_quarto_one() -> None:
    unit = Unit(
        bab=[
            Chapter(berkas="notebooks/index.ipynb", depan=True),
            Chapter(berkas="notebooks/bab3.ipynb"),
            Chapter(berkas="notebooks/bab2a_capaian.ipynb", bagian="BAB {bab} Hasil"),
            Chapter(berkas="notebooks/bab2b_evaluasi.ipynb", bagian="BAB {bab} Hasil"),
            Chapter(berkas="notebooks/lampiran1_pk.ipynb", lampiran=True),
        ]
    )
    book = load_book(ROOT, unit_entries(unit))
    assert [c.stem for c in book.chapters] == [
        "index",
        "bab3",
        "bab2a_capaian",
        "bab2b_evaluasi",
        "lampiran1_pk",
    ]
    assert [c.front for c in book.chapters] == [True, False, False, False, False]
    assert [c.part for c in book.chapters] == [None, None, "BAB II Hasil", "BAB II Hasil", None]
    assert book.chapters[-1].appendix and book.chapters[0].rel == "notebooks/index.ipynb"
    assert book.title == load_book(ROOT).title  # the rest of _quarto.yml stays


def test_without_a_declared_list_the_quarto_chapters_stay() -> None:
    book = load_book(ROOT, unit_entries(Unit()))
    assert len(book.chapters) == 16 and book.chapters[3].part == "BAB II Akuntabilitas Kinerja"


def test_quarto_gets_the_parts_of_the_declared_list() -> None:
    """The staged _quarto.yml of the Quarto renderer groups the same chapters in parts."""
    from lkj.render.quarto_stage import Staged

    unit = Unit(
        bab=[
            Chapter(berkas="notebooks/index.ipynb", depan=True),
            Chapter(berkas="notebooks/bab2a_capaian.ipynb", bagian="BAB {bab} Hasil"),
            Chapter(berkas="notebooks/bab2b_evaluasi.ipynb", bagian="BAB {bab} Hasil"),
            Chapter(berkas="notebooks/lampiran1_pk.ipynb", lampiran=True),
        ]
    )
    book = load_book(ROOT, unit_entries(unit))
    staged = [Staged(c, f"{c.stem}.ipynb", {"cells": []}) for c in book.chapters]
    chapters, appendices = chapter_entries(staged)
    assert chapters == [
        "index.ipynb",
        {"part": "BAB I Hasil", "chapters": ["bab2a_capaian.ipynb", "bab2b_evaluasi.ipynb"]},
    ]
    assert appendices == ["lampiran1_pk.ipynb"]
