"""target.csv against pk.yml: known IKUs, numbers or listed categories, every period present."""

from __future__ import annotations

import pytest
from conftest import Project

from .cases import Case, Y, append, assert_reported, edit

CASES = [
    Case(
        "target-missing-for-a-quarter",
        edit(Y + "target.csv", "IKU03,TW3,150\n", ""),
        Y + "target.csv",
        "IKU03,tahunan",
        "periode",
        "IKU03,TW3,<target>",
    ),
    Case(
        "target-for-unknown-iku",
        lambda p: append(p, Y + "target.csv", "IKU99,tahunan,5"),
        Y + "target.csv",
        27,
        "iku",
        "kode yang sah: IKU01",
    ),
    Case(
        "comma-decimal-target",
        edit(Y + "target.csv", "IKU04,TW3,2.5", 'IKU04,TW3,"2,5"'),
        Y + "target.csv",
        20,
        "target",
        "pakai titik sebagai pemisah desimal",
    ),
    Case(
        "negative-target",
        edit(Y + "target.csv", "IKU02,TW1,40", "IKU02,TW1,-40"),
        Y + "target.csv",
        8,
        "target",
        "0 atau lebih",
    ),
    Case(
        "kategori-target-not-in-list",
        edit(Y + "target.csv", "IKU05,TW2,Baik", "IKU05,TW2,Bagus"),
        Y + "target.csv",
        24,
        "target",
        "Kurang, Cukup, Baik, Sangat Baik",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_precisely(mini: Project, case: Case) -> None:
    assert_reported(mini, case)
