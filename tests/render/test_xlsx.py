"""The XLSX of a run whose Lampiran V is over the params cap: recap sheet plus the full list.

The full list is raw data: checked here against verifikasi.csv read with pandas. The recap
sheet, like every book table, holds registry values (tests/report/test_office.py checks the
shipped build's sheets the same way).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from lkj.book.core import Book
from lkj.dev.synth import copy_project
from lkj.render.xlsx import book_tables, list_sheets, write_tables_xlsx

ROOT = Path(__file__).resolve().parents[2]
PARAMS = "params/jateng-2025-tw2.yml"
CSV = "data/jateng/2025/verifikasi.csv"
SHEET = "Lampiran V (daftar kegiatan)"


@pytest.fixture(scope="module")
def capped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Book, Workbook]:
    root = copy_project(ROOT, tmp_path_factory.mktemp("xlsx") / "lkj")
    params = root / PARAMS
    text, found = re.subn(
        r"(?m)^appendix_max_rows: .*$", "appendix_max_rows: 5", params.read_text("utf-8")
    )
    assert found == 1
    params.write_text(text, encoding="utf-8")
    book = Book.open(params)
    out = root / "tabel.xlsx"
    write_tables_xlsx(book, out)
    return book, load_workbook(out)


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    df = pd.read_csv(ROOT / CSV, parse_dates=["tanggal_mulai", "tanggal_selesai"])
    df["line"] = df.index + 2
    return df[df["tanggal_mulai"].between("2025-04-01", "2025-06-30")]


def test_full_list_sheet_follows_the_recap(capped: tuple[Book, Workbook]) -> None:
    book, wb = capped
    names = wb.sheetnames
    assert names[names.index("Lampiran V") + 1] == SHEET
    assert [s.name for s in list_sheets(book)] == [SHEET]
    assert [n for n, _, _ in book_tables(book)] == [n for n in names if n != SHEET]


def test_full_list_sheet_has_every_event_as_in_the_csv(
    capped: tuple[Book, Workbook], events: pd.DataFrame
) -> None:
    ws = capped[1][SHEET]
    header = [c.value for c in ws[3]]
    assert header == [
        "Baris",
        "ID",
        "Program",
        "Kelompok",
        "Kegiatan",
        "Tanggal Mulai",
        "Tanggal Selesai",
        "Lokasi",
        "Jumlah",
        "Hadir",
        "Tidak Hadir",
    ]
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=4, values_only=True)]
    assert len(rows) == len(events) == 9
    for row, (_, event) in zip(rows, events.iterrows(), strict=True):
        assert row["Baris"] == event["line"] and row["ID"] == event["id"]
        assert row["Kegiatan"] == event["kegiatan"]
        assert row["Tanggal Mulai"] == event["tanggal_mulai"].to_pydatetime()
        assert isinstance(row["Tanggal Selesai"], datetime.datetime)
        assert row["Lokasi"] == (None if pd.isna(event["lokasi"]) else event["lokasi"])
        for header_name, column in (("Jumlah", "jumlah"), ("Hadir", "hadir")):
            expected = None if pd.isna(event[column]) else int(event[column])
            assert row[header_name] == expected and type(row[header_name]) is type(expected)
    assert "9 kegiatan" in ws["A2"].value and CSV in ws["A2"].value


def test_recap_sheet_numbers_equal_registry(capped: tuple[Book, Workbook]) -> None:
    book, wb = capped
    ((_, _, spec),) = [t for t in book_tables(book) if t[0] == "Lampiran V"]
    ws = wb["Lampiran V"]
    typed = [c.value for row in ws.iter_rows(min_row=3) for c in row if type(c.value) is int]
    ids = [c.value_id for row in spec.body_rows for c in row if c.value_id]
    assert typed == [book.reg[i].value for i in ids]
    assert len(ids) == 4 * 5  # three kelompok and the total, five numbers each
    assert book.reg["verifikasi.total.kegiatan"].value == 9


def test_no_list_sheet_under_the_cap() -> None:
    assert list_sheets(Book.open(ROOT / PARAMS)) == []
