"""Returned-workers appendix: the one mini TW II return is PLG-02 (SAKIT, Taiwan, Kota
Sampel, P); aggregates only, no name, passport or address in any value."""

from __future__ import annotations

import dataclasses

from lkj.compute import smallcells
from lkj.compute.appendices.kepulangan import kepulangan_groups
from lkj.compute.engine import compute
from lkj.inputs.load import Inputs
from lkj.values.registry import Registry


def test_groups_of_the_quarter(mini_inputs: Inputs) -> None:
    assert kepulangan_groups(mini_inputs, 2) == {
        "kategori": ["SAKIT"],
        "negara": ["Taiwan"],
        "kabupaten_kota": ["Kota Sampel"],
    }


def test_counts_of_the_internal_edition(mini_inputs: Inputs) -> None:
    run = mini_inputs.run
    params = run.params.model_copy(update={"edition": "internal"})
    reg = compute(dataclasses.replace(mini_inputs, run=dataclasses.replace(run, params=params)))
    assert reg["kepulangan.kategori.sakit.p"].value == 1
    assert reg["kepulangan.kategori.sakit.l"].value == 0
    assert reg["kepulangan.negara.taiwan.total"].value == 1
    assert reg["kepulangan.kabupaten_kota.kota_sampel.total"].value == 1
    assert reg["kepulangan.total"].value == 1
    assert not any(smallcells.is_suppressed(v) for v in reg)


def test_counts_and_no_personal_data(mini_reg: Registry) -> None:
    # The public edition: one person, so every count of 1 reads "< 3", with no rows behind it.
    for key in ("kategori.sakit.p", "negara.taiwan.total", "total"):
        value = mini_reg[f"kepulangan.{key}"]
        assert (value.value, value.display, value.sources) == ("< 3", "< 3", ())
    assert mini_reg["kepulangan.kategori.sakit.l"].value == 0  # nobody: no one to hide
    assert "kepulangan.kategori.deportasi.l" not in mini_reg  # PLG-01 is January
    values = [v for v in mini_reg if v.id.startswith("kepulangan.")]
    assert {v.function for v in values} == {"lkj.compute.appendices.kepulangan.compute"}
    text = " ".join(f"{v.label} {[s.selection for s in v.sources]}" for v in values)
    for private in ("Contoh Dua", "Ds. Rekaan", "X0000001"):
        assert private not in text
