"""The value registry: ids, rounding rules by id pattern, lineage bookkeeping."""

import pytest

from lkj.inputs.params import Rounding, RoundingRule
from lkj.inputs.unit import Decimals
from lkj.values.registry import Registry, Source


def make() -> Registry:
    return Registry(
        Rounding(default="half_up", rules=[RoundingRule(match="iku*", mode="truncate")])
    )


def test_rounding_rule_chosen_by_id_pattern():
    reg = make()
    assert reg.add("iku07.tw2.capaian", 44.74516, kind="percent", label="x").display == "44,74%"
    assert reg.add("anggaran.total.persen", 25.60543, kind="percent", label="y").display == "25,61%"


def test_last_matching_rule_wins():
    reg = Registry(
        Rounding(
            rules=[
                RoundingRule(match="*", mode="truncate"),
                RoundingRule(match="a.*", mode="half_up", decimals=1),
            ]
        )
    )
    assert reg.add("a.b", 1.25, kind="number", label="").display == "1,3"
    assert reg.add("b.c", 1.259, kind="number", label="").display == "1,25"


def test_values_are_computed_once_and_inputs_must_exist():
    reg = make()
    reg.add("a", 1, kind="count", label="a")
    with pytest.raises(ValueError, match="twice"):
        reg.add("a", 2, kind="count", label="a")
    with pytest.raises(ValueError, match="not computed"):
        reg.add("b", 2, kind="count", label="b", inputs=["missing"])


def test_display_with_unit_and_lineage_record():
    reg = make()
    v = reg.add(
        "iku07.tw2.realisasi",
        7375,
        kind="count",
        unit="Orang",
        label="Realisasi",
        sources=[Source("data/x.csv", (2, 3), "bulan = 2025-04")],
    )
    assert v.display == "7.375"
    assert v.display_with_unit == "7.375 Orang"
    record = v.as_dict()
    assert record["sources"][0] == {
        "file": "data/x.csv",
        "rows": [2, 3],
        "row_count": 2,
        "selection": "bulan = 2025-04",
    }


def test_search_by_label_words():
    reg = make()
    reg.add("iku07.tw2.realisasi", 7375, kind="count", label="Realisasi Triwulan II IKU 7")
    reg.add("iku06.tw2.realisasi", 36, kind="count", label="Realisasi Triwulan II IKU 6")
    assert [v.id for v in reg.search("iku 7 realisasi")] == ["iku07.tw2.realisasi"]


def test_fixed_decimals_of_a_unit_keep_zeros_of_figures_but_not_of_counts():
    reg = Registry(Rounding(), Decimals(tetap=True, spasi_persen=True))
    assert reg.add("a", 80, kind="percent", label="a").display == "80,00\u00a0%"
    assert reg.add("b", 75, kind="score", label="b").display == "75,00"
    assert reg.add("c", 23, kind="count", label="c").display == "23"
    assert reg.add("d", 2.5, kind="count", label="d").display == "2,5"
    assert reg.add("e", "Baik", kind="text", label="e").display == "Baik"
