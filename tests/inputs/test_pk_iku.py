"""pk.yml's IKU definitions of issue 12: bands, cumulative targets, perspectives; each broken
one is reported at its file, line and key with a fix."""

from __future__ import annotations

import pytest
from conftest import Project

from .cases import PK, Case, assert_reported, edit, load

PERSPEKTIF = "perspektif:\n  - {kode: P1, uraian: Pemangku Kepentingan}\nsasaran:\n"
SS1 = "    uraian: Pelindungan PMI meningkat\n"
SS2 = "    uraian: Tata kelola anggaran baik\n"
IKU01_TAIL = "      satuan_butir: Kasus\n"


def both(*changes):
    def run(p: Project) -> None:
        for change in changes:
            change(p)

    return run


CASES = [
    Case(
        "bands out of order",
        edit(
            PK,
            IKU01_TAIL,
            IKU01_TAIL + "    kriteria:\n      - {batas_bawah: 0, label: Kurang}\n"
            "      - {batas_bawah: 90, label: Baik}\n",
        ),
        PK,
        "    kriteria:",
        "iku[0].kriteria",
        "dari batas_bawah terbesar ke terkecil",
    ),
    Case(
        "band without label",
        edit(PK, IKU01_TAIL, IKU01_TAIL + "    kriteria:\n      - {batas_bawah: 90}\n"),
        PK,
        "      - {batas_bawah: 90}",
        "iku[0].kriteria[0].label",
        "label",
    ),
    Case(
        "unknown target_triwulan",
        edit(PK, "tahun: 2025\n", "tahun: 2025\ntarget_triwulan: sd\n"),
        PK,
        "target_triwulan: sd",
        "target_triwulan",
        "kumulatif",
    ),
    Case(
        "perspektif unknown",
        both(
            edit(PK, "sasaran:\n", PERSPEKTIF),
            edit(PK, SS1, SS1 + "    perspektif: P1\n"),
            edit(PK, SS2, SS2 + "    perspektif: P9\n"),
        ),
        PK,
        "    perspektif: P9",
        "sasaran[1].perspektif",
        "pakai salah satu kode perspektif: P1",
    ),
    Case(
        "perspektif missing",
        both(edit(PK, "sasaran:\n", PERSPEKTIF), edit(PK, SS1, SS1 + "    perspektif: P1\n")),
        PK,
        "  - kode: SS2",
        "sasaran[1]",
        "isi perspektif: P1",
    ),
    Case(
        "perspektif without a list",
        edit(PK, SS1, SS1 + "    perspektif: P1\n"),
        PK,
        "    perspektif: P1",
        "sasaran[0].perspektif",
        "tambahkan perspektif",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_broken_definition_is_located(mini: Project, case: Case) -> None:
    assert_reported(mini, case)


def test_definitions_are_optional_and_read(mini: Project) -> None:
    pk = load(mini).pk
    assert pk.target_triwulan == "triwulan" and pk.perspektif == []
    assert all(i.kriteria is None and i.target_triwulan is None for i in pk.iku)
    mini.replace(PK, "sasaran:\n", PERSPEKTIF)
    mini.replace(PK, SS1, SS1 + "    perspektif: P1\n")
    mini.replace(PK, SS2, SS2 + "    perspektif: P1\n")
    mini.replace(PK, IKU01_TAIL, IKU01_TAIL + "    kriteria: []\n")
    pk = load(mini).pk
    assert [s.perspektif for s in pk.sasaran] == ["P1", "P1"]
    assert pk.iku[0].kriteria == [] and pk.bands(pk.iku[0], []) == []
