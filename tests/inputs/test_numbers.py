"""Numbers by the rule (decimal point, no thousands separator); Indonesian habits get a hint."""

from __future__ import annotations

import pytest
from conftest import Project

from lkj.inputs.numbers import ambiguous, explain, indonesian

from .cases import Case, Y, assert_reported, edit, load, validate

NILAI = Y + "nilai.csv"

CASES = [
    Case(
        "thousands-dot-in-a-decimal-column",
        edit(NILAI, "2,92.5,", "2,1.000,"),
        NILAI,
        3,
        "nilai",
        "tulis 1000 jika maksudnya 1000 (tanpa pemisah ribuan), atau 1 jika",
    ),
    Case(
        "thousands-dot-in-a-target",
        edit(Y + "target.csv", "IKU02,tahunan,200", "IKU02,tahunan,31.000"),
        Y + "target.csv",
        7,
        "target",
        "tulis 31000 jika maksudnya 31000",
    ),
    Case(
        "unquoted-decimal-comma-names-the-decimal-column",
        edit(NILAI, "2,92.5,", "2,92,5,"),
        NILAI,
        3,
        "nilai",
        "tulis 92.5 (titik sebagai pemisah desimal)",
    ),
    Case(
        "quoted-decimal-comma",
        edit(NILAI, "2,92.5,", '2,"92,5",'),
        NILAI,
        3,
        "nilai",
        "pakai titik sebagai pemisah desimal, mis. 92.5",
    ),
    Case(
        "indonesian-format-decimal",
        edit(
            Y + "ikpa.csv",
            "Kualitas Pelaksanaan Anggaran,20,81.5",
            'Kualitas Pelaksanaan Anggaran,20,"81,50"',
        ),
        Y + "ikpa.csv",
        3,
        "nilai",
        "mis. 81.50",
    ),
    Case(
        "unquoted-thousands-comma-in-a-count",
        edit(Y + "penempatan.csv", "Informal,P,25", "Informal,P,1,025"),
        Y + "penempatan.csv",
        4,
        "jumlah",
        "tulis 1025",
    ),
    Case(
        "true-in-a-sex-column",
        edit(Y + "pengaduan.csv", "Hongkong,E,P", "Hongkong,E,TRUE"),
        Y + "pengaduan.csv",
        4,
        "jenis_kelamin",
        "isi dengan L atau P",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


def test_true_in_a_sex_column_is_not_called_ya() -> None:
    _, (problem,) = validate(
        "pengaduan",
        "id,tanggal,p3mi,negara,jenis_masalah,jenis_kelamin,difasilitasi,melalui_ssko",
        "ADU-1,2025-04-01,,Malaysia,A,TRUE,ya,ya",
    )
    assert problem.value == "TRUE" and "'ya'" not in problem.render()


def test_one_thousand_is_never_read_as_one(mini: Project) -> None:
    mini.replace(NILAI, "2,92.5,", "2,1.000,")
    with pytest.raises(Exception, match="bermakna ganda"):
        load(mini)


@pytest.mark.parametrize(
    ("text", "meant"), [("1.234,5", "1234.5"), ("87,5", "87.5"), ("31.000", "31000")]
)
def test_indonesian_numbers_are_read_for_the_hint(text: str, meant: str) -> None:
    assert indonesian(text) == meant


@pytest.mark.parametrize("text", ["1.000", "12.500", "100.000", "-2.000"])
def test_a_point_with_three_digits_is_ambiguous(text: str) -> None:
    assert ambiguous(text)


@pytest.mark.parametrize("text", ["0.125", "1.5", "1.00", "1.0000", "1000", "94.48"])
def test_ordinary_decimals_are_not_ambiguous(text: str) -> None:
    assert not ambiguous(text)


def test_indonesian_format_in_a_decimal_column() -> None:
    message, fix = explain("1.234,5", whole=False)
    assert "format Indonesia" in message and fix.startswith("tulis 1234.5")


def test_indonesian_format_in_a_whole_column() -> None:
    assert explain("1.234,00", whole=True)[1].endswith("mis. 1234")


def test_percent_sign_is_explained() -> None:
    assert explain("87,5%", whole=False)[1] == "tulis angkanya saja, mis. 87.5"
