"""Reading the book structure from _quarto.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.errors import BuildError
from lkj.render.quarto import load_book

BOOK = Path(__file__).parents[1] / "fixtures" / "book"


def write_project(root: Path, quarto: str, notebooks: list[str]) -> None:
    for rel in notebooks:
        path = root / "notebooks" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", encoding="utf-8")
    (root / "notebooks" / "_quarto.yml").write_text(quarto, encoding="utf-8")


def test_fixture_book_in_reading_order() -> None:
    book = load_book(BOOK)
    assert book.title == "Laporan Kinerja" and book.lang == "id"
    assert [c.rel for c in book.chapters] == [
        "index.ipynb",
        "bab1.ipynb",
        "bab2a.ipynb",
        "bab2b.ipynb",
        "lampiran.ipynb",
        "terbatas.ipynb",
    ]
    assert [c.front for c in book.chapters] == [True] + [False] * 5
    assert [c.appendix for c in book.chapters] == [False] * 4 + [True, True]
    assert [c.part for c in book.chapters][2:4] == ["BAB II Bab Bertingkat"] * 2
    assert all(c.path.is_file() for c in book.chapters)


def test_parts_are_flattened_and_remembered(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        """
project: {type: book}
book:
  title: T
  chapters:
    - index.ipynb
    - part: "Bagian Utama"
      chapters: [a.ipynb, sub/b.ipynb]
""",
        ["index.ipynb", "a.ipynb", "sub/b.ipynb"],
    )
    book = load_book(tmp_path)
    assert [(c.rel, c.part) for c in book.chapters] == [
        ("index.ipynb", None),
        ("a.ipynb", "Bagian Utama"),
        ("sub/b.ipynb", "Bagian Utama"),
    ]
    assert book.chapters[2].stem == "b"
    assert [c.front for c in book.chapters] == [True, False, False]  # default: first only


def test_root_quarto_file_is_found_too(tmp_path: Path) -> None:
    (tmp_path / "index.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "_quarto.yml").write_text(
        "project: {type: book}\nbook: {title: T, chapters: [index.ipynb]}\n", encoding="utf-8"
    )
    assert load_book(tmp_path).chapters[0].path == (tmp_path / "index.ipynb").resolve()


@pytest.mark.parametrize(
    ("quarto", "message"),
    [
        ("project: {type: website}\nbook: {title: T, chapters: [index.ipynb]}", "type harus"),
        ("project: {type: book}\nbook: {chapters: [index.ipynb]}", "title wajib"),
        ("project: {type: book}\nbook: {title: T, chapters: [gone.ipynb]}", "tidak ditemukan"),
        ("project: {type: book}\nbook: {title: T, chapters: [index.qmd]}", "hanya notebook"),
        (
            "project: {type: book}\nbook: {title: T, chapters: [index.ipynb]}\n"
            "lkj: {front-matter: [other.ipynb]}",
            "front-matter",
        ),
    ],
)
def test_mistakes_are_explained(tmp_path: Path, quarto: str, message: str) -> None:
    write_project(tmp_path, quarto, ["index.ipynb", "index.qmd"])
    with pytest.raises(BuildError, match=message):
        load_book(tmp_path)


def test_missing_quarto_file(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"tidak ada _quarto\.yml"):
        load_book(tmp_path)


def test_broken_yaml_is_explained_in_indonesian_with_its_line(tmp_path: Path) -> None:
    broken = 'project:\n  type: book\nbook:\n  title: "Laporan\n  chapters: [index.ipynb]\n'
    write_project(tmp_path, broken, ["index.ipynb"])
    with pytest.raises(BuildError) as caught:
        load_book(tmp_path)
    message = str(caught.value)
    assert message.startswith("notebooks/_quarto.yml, baris 4: YAML tidak dapat dibaca")
    assert "tanda kutip" in message and "→" in message
    assert "while scanning" not in message and "found" not in message  # no PyYAML English
