"""Published figures are read by the strict CSV reader: encoding, quotes, invisible characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.compute.reconcile import read_published
from lkj.errors import InputError

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
