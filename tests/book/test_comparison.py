"""BAB II D: this quarter vs earlier quarters and vs the same quarter of the previous year."""

from __future__ import annotations

import re

from lkj.book import comparison
from lkj.book.core import Book


def _previous_year(mini) -> None:
    """A 2024 copy of the mini data (dates moved back a year): the small fixture."""
    src, dest = mini.root / "data/mini/2025", mini.root / "data/mini/2024"
    dest.mkdir()
    for path in src.iterdir():
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"\b2025(-\d\d)", r"2024\1", text).replace("tahun: 2025", "tahun: 2024")
            (dest / path.name).write_text(text, encoding="utf-8")
    # One change so the two years differ: 2024 TW II placements 10 → 5.
    pen = dest / "penempatan.csv"
    pen.write_text(
        pen.read_text().replace(
            "2024-04,P4MI,Reguler,Formal,L,10", "2024-04,P4MI,Reguler,Formal,L,5"
        )
    )


def _rows(spec) -> dict[str, list[str]]:
    return {row[1].text: [c.text for c in row] for row in spec.body_rows}


def test_without_previous_year(mini) -> None:
    book = Book.open(mini.params)
    prev = comparison.previous(book)
    assert prev.registry is None and prev.reason == "belum ada data tahun sebelumnya"
    spec = comparison.table(book, prev)
    assert "belum ada data tahun sebelumnya" in spec.note
    assert "belum ada data tahun sebelumnya" in comparison.summary(book, prev)
    assert all(row[-2:] == ["-", "-"] for row in _rows(spec).values())


def test_with_previous_year(mini) -> None:
    _previous_year(mini)
    book = Book.open(mini.params)
    prev = comparison.previous(book)
    assert prev.year == 2024 and prev.registry is not None
    spec = comparison.table(book, prev)
    iku02 = next(i for i in book.pk.iku if i.kode == "IKU02")
    row = _rows(spec)[iku02.nama]
    this_year = book.reg[f"{iku02.key}.tw2.realisasi"].display_with_unit
    last_year = prev.registry[f"{iku02.key}.tw2.realisasi"].display_with_unit
    assert row[3] == this_year and row[-2] == last_year and this_year != last_year
    assert row[2] == book.reg[f"{iku02.key}.tw1.realisasi"].display_with_unit  # TW I
    assert "Tahun 2024." in comparison.summary(book, prev)
    fig = comparison.chart(book, prev)
    # the legend sits under the axes (a figure legend): the three series, then what marks mean
    names = [t.get_text() for t in fig.legends[0].get_texts()]
    assert names[:3] == ["TW I 2025", "TW II 2025", "TW II 2024"]
