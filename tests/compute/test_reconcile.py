"""Published figures are read by the strict CSV reader: encoding, quotes, invisible characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.compute.reconcile import Published, normalise, read_published, reconcile
from lkj.errors import InputError
from lkj.values.registry import Registry

HEADER = "id,tempat,terbitan,catatan\n"


def _problem(tmp_path: Path, body: bytes):
    path = tmp_path / "tw2.csv"
    path.write_bytes(body)
    with pytest.raises(InputError) as caught:
        read_published(path, "terbitan/tw2.csv")
    (problem,) = caught.value.problems
    return problem


def test_latin1_published_figures_name_the_line(tmp_path: Path) -> None:
    problem = _problem(
        tmp_path, (HEADER + 'iku01.tw2.capaian,Tabel 5,"87,5",Café\n').encode("latin-1")
    )
    assert (problem.row, problem.column) == (2, "catatan") and "CSV UTF-8" in problem.fix


def test_unclosed_quote_in_published_figures(tmp_path: Path) -> None:
    problem = _problem(tmp_path, (HEADER + 'iku01.tw2.capaian,"Tabel 5,87,\n').encode())
    assert (problem.row, problem.column) == (2, "tempat") and "tanda kutip" in problem.fix


def test_published_figures_keep_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "tw2.csv"
    path.write_text(HEADER + '\na,Tabel 1,"87,5",\nb,Tabel 2,3,catatan\n', encoding="utf-8")
    assert [(p.row, p.id, p.printed) for p in read_published(path, "x")] == [
        (3, "a", "87,5"),
        (4, "b", "3"),
    ]


# Typography is not a difference (issue 12): the same figure as another office prints it.
SAME = [
    ("80,00%", "80 %"),
    ("80,00 %", "80%"),
    ("79,86", "79,860"),
    ("80\u00a0%", "80%"),
    ("Rp. 4.826.057.000,00", "4.826.057.000"),
    ("Rp 6.948.238.000", "Rp6948238000"),
    ("4.826.057.000", "4\u202f826\u202f057\u202f000"),
    ("7.375  Orang", "7.375\u00a0orang"),
    ("–", "-"),
    ("0,00", "0"),
]
DIFFERENT = [
    ("79,86", "79,85"),
    ("33,3%", "33,33%"),
    ("1.000", "1"),  # a thousand, never 1,000
    ("87.5", "87,5"),  # an English decimal point is not an Indonesian figure
    ("8 Dokumen", "8 Orang"),
    ("100%", "-"),
]


@pytest.mark.parametrize(("printed", "shown"), SAME)
def test_typography_is_no_difference(printed: str, shown: str) -> None:
    assert normalise(printed) == normalise(shown)


@pytest.mark.parametrize(("printed", "shown"), DIFFERENT)
def test_a_real_difference_stays_one(printed: str, shown: str) -> None:
    assert normalise(printed) != normalise(shown)


def test_reconcile_matches_figures_printed_with_other_typography() -> None:
    reg = Registry()
    reg.add("iku01.target", 80, kind="percent", label="target")
    reg.add("iku01.capaian", 79.86, kind="score", label="capaian")
    reg.add("anggaran.pagu", 4826057000, kind="money", label="pagu")
    reg.add("iku02.realisasi", 23, kind="count", unit="Sampel", label="realisasi")
    items = [
        Published(2, "iku01.target", "Tabel 3.5", "80,00 %", ""),
        Published(3, "iku01.capaian", "Tabel 3.5", "79,860", ""),
        Published(4, "anggaran.pagu", "Tabel 3.9", "Rp. 4.826.057.000,00", ""),
        Published(5, "iku02.realisasi", "Tabel 3.5", "23\u00a0sampel", ""),
        Published(6, "iku01.capaian", "Tabel 3.5", "79,85", ""),
    ]
    outcomes = reconcile(reg, items, "terbitan.csv")
    assert [o.status for o in outcomes] == ["cocok"] * 4 + ["BEDA"]
