"""Book: what a notebook opens (here: the chart an IKU's evaluation shows)."""

from pathlib import Path

import pytest
from matplotlib.figure import Figure

from lkj.book.core import Book

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def book():
    return Book.open(ROOT / "params/jateng-2025-tw2.yml")


def test_a_placement_iku_gets_its_monthly_chart(book):
    iku = next(i for i in book.pk.iku if i.sumber.dataset == "penempatan")
    chart = book.iku_chart(iku)
    assert chart is not None and isinstance(chart["fig"], Figure)
    assert chart["id"] == f"gambar-{iku.key}"
    assert chart["caption"] == "Penempatan PMI per bulan, Triwulan II 2025"
    assert chart["number"] == book.catalog[chart["id"]].number  # "Gambar N" from the catalogue
    assert chart["fig"].lkj_values  # the numbers it prints, for the list under it in HTML


def test_other_ikus_have_no_chart(book):
    others = [i for i in book.pk.iku if i.sumber.dataset != "penempatan"]
    assert others and all(book.iku_chart(i) is None for i in others)
