"""Reading CSV bytes as text: encodings, delimiters, quoting, blank and Excel-padded rows."""

from __future__ import annotations

import pytest
from conftest import Project

from .cases import Case, Y, assert_reported, edit, load


def test_excel_habits_are_accepted(mini: Project) -> None:
    """UTF-8 BOM, CRLF line ends and trailing ',,' rows are what Excel writes."""
    path = mini.path(Y + "pagu.csv")
    body = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + body + b",,\r\n\r\n")
    df = load(mini).table("pagu").df
    assert list(df.columns[:3]) == ["kegiatan", "pagu_awal", "pagu_revisi"]
    assert len(df) == 2


CASES = [
    Case(
        "only-separators",
        lambda p: p.write(Y + "kerjasama.csv", ",,,\n,,,\n"),
        Y + "kerjasama.csv",
        1,
        None,
        "tulis nama kolom di baris 1",
    ),
    Case(
        "empty-file",
        lambda p: p.write(Y + "kepulangan.csv", ""),
        Y + "kepulangan.csv",
        1,
        None,
        "baris header",
    ),
    Case(
        "latin-1-encoding",
        lambda p: p.path(Y + "pengaduan.csv").write_bytes(
            p.read(Y + "pengaduan.csv").replace("PT Sampel", "PT Café").encode("latin-1")
        ),
        Y + "pengaduan.csv",
        4,
        "p3mi",
        "CSV UTF-8",
    ),
    Case(
        "semicolon-delimiter",
        lambda p: p.write(Y + "pagu.csv", p.read(Y + "pagu.csv").replace(",", ";")),
        Y + "pagu.csv",
        1,
        None,
        "ganti setiap titik koma (;) dengan koma",
    ),
    Case(
        "unquoted-comma-in-text",
        edit(Y + "kerjasama.csv", "Universitas Contoh", "Universitas Contoh, Kota Mini"),
        Y + "kerjasama.csv",
        2,
        None,
        "tanda kutip ganda",
    ),
    Case(
        "unquoted-comma-decimal-target",
        edit(Y + "target.csv", "IKU04,TW3,2.5", "IKU04,TW3,2,5"),
        Y + "target.csv",
        20,
        "target",
        "tulis 2.5 (titik sebagai pemisah desimal)",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)
