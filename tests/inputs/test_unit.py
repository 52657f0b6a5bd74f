"""unit.yml: optional; without it a unit is today's BP3MI office; a broken one is located."""

from __future__ import annotations

import pytest
from conftest import Project

from lkj.errors import InputError
from lkj.inputs.unit import Unit

from .cases import load


def test_unit_without_unit_yml_gets_the_bp3mi_defaults(mini: Project) -> None:
    unit = load(mini).unit
    assert unit == Unit()
    assert unit.jenis == "bp3mi" and unit.headline == "triwulan"
    assert unit.istilah.iku == "IKU" and unit.tabel.penomoran == "global"


def test_unit_yml_is_read(mini: Project) -> None:
    mini.write(
        "data/mini/unit.yml",
        "headline: sd_triwulan\n"
        "istilah: {iku: IKK, iku_panjang: Indikator Kinerja Kegiatan}\n"
        "kriteria:\n"
        "  - {batas_bawah: 90, label: Sangat Baik}\n"
        "  - {batas_bawah: 0, label: Kurang}\n",
    )
    unit = load(mini).unit
    assert unit.headline == "sd_triwulan" and unit.istilah.iku == "IKK"
    assert [b.label for b in unit.kriteria] == ["Sangat Baik", "Kurang"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("headlin: sd_triwulan\n", ["headlin", "headline"]),
        (
            "kriteria:\n  - {batas_bawah: 0, label: Kurang}\n  - {batas_bawah: 90, label: Baik}\n",
            ["kriteria", "urut"],
        ),
        ("headline: kumulatif\n", ["headline", "sd_triwulan"]),
        ("kolom_rasio: kadang\n", ["kolom_rasio"]),
        ("desimal: {angka: 9}\n", ["desimal.angka", "baris 1"]),
        ("desimal: {tetap: true, spasi_persn: true}\n", ["desimal.spasi_persn", "spasi_persen"]),
        (
            "kriteria:\n  - {batas_bawah: 90, label: Baik}\n  - {batas_bawah: 0, label: Baik}\n",
            ["kriteria", "baris 1", "label"],
        ),
    ],
)
def test_a_broken_unit_yml_is_located(mini: Project, text: str, expected: list[str]) -> None:
    mini.write("data/mini/unit.yml", text)
    with pytest.raises(InputError) as err:
        load(mini)
    rendered = "\n".join(p.render() for p in err.value.problems)
    assert "unit.yml" in rendered
    for word in expected:
        assert word in rendered


def test_the_iku_settings_are_read(mini: Project) -> None:
    unit = load(mini).unit
    assert unit.kolom_rasio is False and unit.desimal.tetap is False
    mini.write("data/mini/unit.yml", "kolom_rasio: true\ndesimal: {angka: 1, tetap: true}\n")
    unit = load(mini).unit
    assert unit.kolom_rasio and unit.desimal.angka == 1 and unit.desimal.tetap
    assert not unit.desimal.spasi_persen
