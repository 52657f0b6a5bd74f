"""IKU states from hand-written variants of the mini project (tests/state_cases.py)."""

from __future__ import annotations

import pytest
from state_cases import CASES, Case, earlier_only, zero

from lkj.compute.engine import compute_run
from lkj.compute.states import Presence, Standing, state, states
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_state_of_this_quarter(mini, case: Case):
    case.setup(mini)
    reg = compute_run(mini.params)
    iku = load_inputs(load_run(mini.params)).pk.iku_by_code(case.iku)
    found = state(reg, iku, 2, "tw")
    assert (found.presence.name, found.standing.name) == (case.presence, case.standing)


def test_every_state_has_a_case():
    names = {c.presence for c in CASES} | {c.standing for c in CASES}
    assert {p.name for p in Presence} <= names
    assert {s.name for s in Standing} <= names


def test_cumulative_of_a_quarter_with_no_new_rows_is_from_earlier_quarters(mini):
    earlier_only(mini)
    reg = compute_run(mini.params)
    iku = load_inputs(load_run(mini.params)).pk.iku_by_code("IKU04")
    sd = state(reg, iku, 2, "sd")
    assert sd.presence is Presence.EARLIER_ONLY
    assert reg[sd.realisation_id].value == 1  # the January return
    assert sd.standing is Standing.BELOW_TARGET  # 1 of 10


def test_declared_nihil_realises_zero_and_is_traced_to_the_declaration(mini):
    zero(mini)
    reg = compute_run(mini.params)
    value = reg["iku04.tw2.realisasi"]
    assert value.value == 0 and value.display_with_unit == "0 Orang"
    assert any(s.file.endswith("nihil.csv") and s.rows == (2,) for s in value.sources)
    assert reg["iku04.sd_tw2.realisasi"].value == 1


def test_states_covers_every_iku_in_both_periods(mini):
    reg = compute_run(mini.params)
    pk = load_inputs(load_run(mini.params)).pk
    found = states(reg, pk, 2)
    assert set(found) == {(i.kode, p) for i in pk.iku for p in ("tw", "sd")}
    assert found[("IKU05", "sd")].standing is Standing.CATEGORY_MET  # latest: Sangat Baik
