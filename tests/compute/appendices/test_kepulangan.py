"""Returned-workers appendix: the one mini TW II return is PLG-02 (SAKIT, Taiwan, Kota
Sampel, P); aggregates only, no name, passport or address in any value."""

from __future__ import annotations

from lkj.compute.appendices.kepulangan import kepulangan_groups
from lkj.inputs.load import Inputs
from lkj.values.registry import Registry


def test_groups_of_the_quarter(mini_inputs: Inputs) -> None:
    assert kepulangan_groups(mini_inputs, 2) == {
        "kategori": ["SAKIT"],
        "negara": ["Taiwan"],
        "kabupaten_kota": ["Kota Sampel"],
    }


def test_counts_and_no_personal_data(mini_reg: Registry) -> None:
    assert mini_reg["kepulangan.kategori.sakit.p"].value == 1
    assert mini_reg["kepulangan.kategori.sakit.l"].value == 0
    assert mini_reg["kepulangan.negara.taiwan.total"].value == 1
    assert mini_reg["kepulangan.kabupaten_kota.kota_sampel.total"].value == 1
    assert mini_reg["kepulangan.total"].value == 1
    assert "kepulangan.kategori.deportasi.l" not in mini_reg  # PLG-01 is January
    values = [v for v in mini_reg if v.id.startswith("kepulangan.")]
    assert {v.function for v in values} == {"lkj.compute.appendices.kepulangan.compute"}
    text = " ".join(f"{v.label} {[s.selection for s in v.sources]}" for v in values)
    for private in ("Contoh Dua", "Ds. Rekaan", "X0000001"):
        assert private not in text
