"""lkj.values.factory: every value a factory adds names its computing function and settings."""

from __future__ import annotations

import pytest

from lkj.inputs.params import Params
from lkj.values.factory import ValueFactory, run_params
from lkj.values.registry import Registry, Source


def count_things(values: ValueFactory) -> None:
    """A computing function as lkj.compute writes them: it states each value once."""
    values.add("things.n", 3, kind="count", label="Banyaknya", unit="Buah", formula="n(baris)")


def share_of_things(values: ValueFactory) -> None:
    values.add("things.share", 50.0, kind="percent", label="Bagian", inputs=["things.n"])


@pytest.fixture
def params() -> Params:
    return Params(unit="contoh", year=2024, quarter=3)


def test_run_params_are_unit_year_and_quarter(params: Params) -> None:
    assert run_params(params) == {"unit": "contoh", "year": 2024, "quarter": 3}


def test_lineage_fields_filled_from_the_computing_function(params: Params) -> None:
    reg = Registry()
    values = ValueFactory.for_run(reg, params, count_things)
    count_things(values)
    v = reg["things.n"]
    assert v.function == f"{__name__}.count_things"
    assert v.params == {"unit": "contoh", "year": 2024, "quarter": 3}
    assert (v.value, v.kind, v.unit, v.label, v.formula) == (
        3,
        "count",
        "Buah",
        "Banyaknya",
        "n(baris)",
    )
    assert v.display_with_unit == "3 Buah"


def test_by_names_another_function_and_adds_settings(params: Params) -> None:
    reg = Registry()
    values = ValueFactory.for_run(reg, params, count_things)
    count_things(values)
    share_of_things(values.by(share_of_things, polaritas="turun"))
    v = reg["things.share"]
    assert v.function == f"{__name__}.share_of_things"
    assert v.params == {"unit": "contoh", "year": 2024, "quarter": 3, "polaritas": "turun"}
    assert v.inputs == ("things.n",)
    # the factory it came from is unchanged: frozen, shared by every value of its function
    assert values.params == {"unit": "contoh", "year": 2024, "quarter": 3}
    assert reg["things.n"].params == values.params


def test_using_keeps_the_function_and_adds_settings(params: Params) -> None:
    reg = Registry()
    values = ValueFactory.for_run(reg, params, count_things).using(appendix_max_rows=5)
    src = Source("data/x.csv", (2, 3), "semua")
    values.add("x.n", 2, kind="count", label="X", sources=[src], note="catatan")
    v = reg["x.n"]
    assert v.function == f"{__name__}.count_things"
    assert v.params["appendix_max_rows"] == 5 and v.params["quarter"] == 3
    assert v.sources == (src,) and v.note == "catatan"


def test_each_value_gets_its_own_params_dict(params: Params) -> None:
    reg = Registry()
    values = ValueFactory.for_run(reg, params, "lkj.contoh.fungsi")
    values.add("a", 1, kind="count", label="A")
    values.add("b", 2, kind="count", label="B")
    reg["a"].params["quarter"] = 4  # a consumer editing one record must not change another
    assert reg["b"].params["quarter"] == 3
    assert reg["a"].function == reg["b"].function == "lkj.contoh.fungsi"


def test_registry_rules_still_apply(params: Params) -> None:
    values = ValueFactory.for_run(Registry(), params, count_things)
    values.add("a", 1, kind="count", label="A")
    with pytest.raises(ValueError, match="computed twice"):
        values.add("a", 1, kind="count", label="A")
    with pytest.raises(ValueError, match="not computed yet"):
        values.add("b", 1, kind="count", label="B", inputs=["nope"])
    with pytest.raises(ValueError, match="unknown kind"):
        values.add("c", 1, kind="banyak", label="C")
