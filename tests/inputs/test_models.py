"""pk.yml and profil.yml through their models: every error at its key path and YAML line."""

from __future__ import annotations

import pytest
from conftest import Project

from .cases import PK, PROFIL, Case, assert_reported, edit

CASES = [
    Case(
        "pk-unknown-aturan",
        edit(PK, "aturan: hitung\n", "aturan: hitungan\n"),
        PK,
        "aturan: hitungan",
        "iku[3].sumber.aturan",
        "hitung, jumlah, rasio, nilai, kategori",
    ),
    Case(
        "pk-iku-unknown-sasaran",
        edit(PK, "nomor: 2\n    sasaran: SS1", "nomor: 2\n    sasaran: SS7"),
        PK,
        "sasaran: SS7",
        "iku[1].sasaran",
        "SS1, SS2",
    ),
    Case(
        "pk-duplicate-iku-code",
        edit(PK, "kode: IKU04", "kode: IKU03  # again"),
        PK,
        "# again",
        "iku[3].kode",
        "kode lain",
    ),
    Case(
        "pk-unknown-key",
        edit(PK, "kumulatif: terakhir", "kumulatif: terakhir\n    kumulativ: terakhir"),
        PK,
        "kumulativ:",
        "iku[4].kumulativ",
        "maksudnya 'kumulatif'",
    ),
    Case(
        "pk-rasio-without-pembilang",
        edit(PK, "      pembilang: {difasilitasi: ya}\n", ""),
        PK,
        "aturan: rasio",
        "iku[0].sumber.pembilang",
        "tambahkan pembilang",
    ),
    Case(
        "pk-yaml-syntax",
        edit(PK, "tahun: 2025", "tahun: [2025"),
        PK,
        2,  # the line of the unclosed "[", not the next one where PyYAML noticed
        None,
        "tutup dengan ']'",
    ),
    Case(
        "profil-missing-kepala",
        edit(PROFIL, 'kepala:\n  nama: "ANA CONTOH, S.E."\n', 'kepala_lama:\n  nama: "ANA"\n'),
        PROFIL,
        "kode: mini",
        "kepala",
        "tambahkan kepala:",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


HOSTILE = [
    Case(
        "pk-duplicate-iku-nomor",
        edit(PK, "nomor: 2\n", "nomor: 1  # again\n"),
        PK,
        "# again",
        "iku[1].nomor",
        "nomor urut laporan yang berbeda",
    ),
    Case(
        "pk-negative-batas-capaian",
        edit(PK, "batas_capaian: 100", "batas_capaian: -5"),
        PK,
        "batas_capaian: -5",
        "iku[0].batas_capaian",
        "isi angka lebih dari 0",
    ),
    Case(
        "pk-zero-batas-capaian",
        edit(PK, "batas_capaian: 100", "batas_capaian: 0"),
        PK,
        "batas_capaian: 0",
        "iku[0].batas_capaian",
        "isi angka lebih dari 0",
    ),
]


@pytest.mark.parametrize("case", HOSTILE, ids=[c.id for c in HOSTILE])
def test_accepted_but_wrong_pk_is_refused(mini: Project, case: Case) -> None:
    assert_reported(mini, case)
