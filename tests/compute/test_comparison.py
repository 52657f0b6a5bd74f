"""lkj.compute.comparison: the previous year's registry (or why there is none) and the figures
BAB II D compares."""

from __future__ import annotations

import shutil

from lkj.compute.comparison import capaian, previous_year_of, shown
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.values import formatting as fmt


def test_no_previous_year_folder(mini) -> None:
    prev = previous_year_of(load_run(mini.params))
    assert (prev.year, prev.registry, prev.reason) == (
        2024,
        None,
        "belum ada data tahun sebelumnya",
    )


def test_invalid_previous_year_says_how_to_check(mini) -> None:
    (mini.root / "data/mini/2024").mkdir()  # a folder without any of the year's files
    prev = previous_year_of(load_run(mini.params))
    assert prev.registry is None
    assert prev.reason.startswith("data tahun 2024 belum sah (")
    assert "jalankan lkj check dengan year: 2024" in prev.reason


def test_previous_year_is_computed_with_year_minus_one(mini) -> None:
    src, dest = mini.root / "data/mini/2025", mini.root / "data/mini/2024"
    shutil.copytree(src, dest)
    for path in dest.iterdir():
        if path.is_file():
            text = path.read_text(encoding="utf-8").replace("2025-", "2024-")
            path.write_text(text.replace("tahun: 2025", "tahun: 2024"), encoding="utf-8")
    prev = previous_year_of(load_run(mini.params))
    assert prev.reason == "" and prev.registry is not None
    v = prev.registry["penempatan.total"]
    assert v.params["year"] == 2024 and v.value == 38  # the same rows, one year earlier


def test_shown_and_capaian(mini) -> None:
    inputs = load_inputs(load_run(mini.params))
    reg = compute(inputs)
    value = reg["iku01.tw2.realisasi"]
    assert shown(None, value.id) == fmt.DASH  # no previous year
    assert shown(reg, "tidak.ada") == fmt.DASH  # an IKU that year's PK does not have
    assert shown(reg, value.id) == value.display_with_unit
    assert shown(reg, value.id, unit=False) == value.display
    ikus = inputs.pk.iku
    got = capaian(reg, ikus, 2)
    assert len(got) == len(ikus)
    for i, figure in zip(ikus, got, strict=True):
        raw = reg[f"{i.key}.tw2.capaian"].value
        assert figure == (0 if raw is None else raw)  # unrealised IKUs draw as a zero bar
    assert capaian(reg, ikus, 4) == [0] * len(ikus)  # quarters not computed draw as 0
