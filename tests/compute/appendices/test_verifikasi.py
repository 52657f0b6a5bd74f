"""Appendix values: Lampiran V above the params cap (`appendix_max_rows`) keeps only sums.

Expected sums are computed here from verifikasi.csv with pandas, independently of lkj.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from lkj.compute.appendices.common import slug
from lkj.compute.appendices.verifikasi import verifikasi_capped
from lkj.compute.engine import compute, compute_run
from lkj.dev.synth import copy_project, synthesize
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.values.registry import Registry

ROOT = Path(__file__).resolve().parents[3]
PARAMS = "params/jateng-2025-tw2.yml"
CSV = "data/jateng/2025/verifikasi.csv"
COLUMNS = ("jumlah", "hadir", "tidak_hadir", "dihitung")


def with_cap(root: Path, cap: int | None) -> Path:
    """The project's TW II params in `root`, with appendix_max_rows set to `cap` (None: null)."""
    params = root / PARAMS
    text, found = re.subn(
        r"(?m)^appendix_max_rows: .*$",
        f"appendix_max_rows: {'null' if cap is None else cap}",
        params.read_text(encoding="utf-8"),
    )
    assert found == 1
    params.write_text(text, encoding="utf-8")
    return params


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    """The TW II events of the shipped data, with the line each one sits on."""
    df = pd.read_csv(ROOT / CSV, parse_dates=["tanggal_mulai"])
    df["line"] = df.index + 2  # the header is line 1
    df = df[df["tanggal_mulai"].between("2025-04-01", "2025-06-30")]
    return df.assign(dihitung=df["hadir"].fillna(df["jumlah"]))


@pytest.fixture(scope="module")
def full() -> Registry:
    return compute_run(ROOT / PARAMS)


@pytest.fixture(scope="module")
def capped(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    root = copy_project(ROOT, tmp_path_factory.mktemp("cap5") / "lkj")
    return compute_run(with_cap(root, 5))


def per_event_ids(reg: Registry) -> list[str]:
    """verifikasi.<program>.<kelompok>.<event>.<column>: five parts, not a total."""
    return [
        v.id
        for v in reg
        if v.id.startswith("verifikasi.") and v.id.count(".") == 4 and ".total." not in v.id
    ]


def test_shipped_quarter_lists_every_event(full: Registry, events: pd.DataFrame) -> None:
    assert len(events) == 9 and len(events) <= 200  # the shipped cap does not bite
    assert len(per_event_ids(full)) > len(events)
    assert not any(i.endswith(".kegiatan") for i in full.ids("verifikasi.*"))


def test_capped_recap_sums_equal_the_rows(
    capped: Registry, full: Registry, events: pd.DataFrame
) -> None:
    assert per_event_ids(capped) == []
    groups = events.groupby(["program", "kelompok"], sort=False)
    assert len(groups) == 3
    for (program, kelompok), part in groups:
        g = f"verifikasi.{slug(program)}.{slug(kelompok)}"
        count = capped[f"{g}.kegiatan"]
        assert (count.value, count.kind, count.unit) == (len(part), "count", "Kegiatan")
        assert "jumlah kegiatan" in count.label
        for column in COLUMNS:
            recorded = part[part[column].notna()]
            if recorded.empty:
                assert f"{g}.{column}" not in capped and f"{g}.{column}" not in full
                continue
            value = capped[f"{g}.{column}"]
            assert value.value == int(recorded[column].sum()), (g, column)
            assert value.value == full[f"{g}.{column}"].value  # the uncapped sum of events
            (source,) = value.sources
            assert source.file == CSV
            assert list(source.rows) == recorded["line"].tolist()
            assert value.params["appendix_max_rows"] == 5
    assert capped["verifikasi.total.kegiatan"].value == len(events)
    for column in COLUMNS:
        total = capped[f"verifikasi.total.{column}"]
        assert total.value == int(events[column].sum()) == full[f"verifikasi.total.{column}"].value
        assert total.display == full[f"verifikasi.total.{column}"].display
    # IKU 10 counts the same people whichever way the appendix is shown
    assert capped["verifikasi.total.dihitung"].value == capped["iku10.tw2.realisasi"].value


def test_capped_registry_differs_only_in_verifikasi(capped: Registry, full: Registry) -> None:
    def others(reg: Registry) -> dict[str, object]:
        return {v.id: v.value for v in reg if not v.id.startswith("verifikasi.")}

    assert others(capped) == others(full)


def test_cap_equal_to_the_events_keeps_the_list(
    tmp_path: Path, full: Registry, events: pd.DataFrame
) -> None:
    root = copy_project(ROOT, tmp_path / "lkj")
    reg = compute_run(with_cap(root, len(events)))
    assert per_event_ids(reg) == per_event_ids(full)
    assert [v.as_dict() for v in reg] == [v.as_dict() for v in full]  # lineage included
    reg = compute_run(with_cap(root, None))  # no cap at all
    assert per_event_ids(reg) == per_event_ids(full)


def test_synthetic_data_keep_the_registry_small(
    tmp_path: Path, full: Registry, capped: Registry
) -> None:
    root = tmp_path / "x30"
    synthesize(ROOT, root, 30, "jateng")  # 270 TW II events: above the shipped cap of 200
    inputs = load_inputs(load_run(root / PARAMS))
    assert verifikasi_capped(inputs, 2)
    reg = compute(inputs)
    assert len(reg) <= len(full)
    assert [v.id for v in reg] == [v.id for v in capped]  # the same values as any capped run
    assert reg["verifikasi.total.kegiatan"].value == 30 * 9
    assert reg["verifikasi.total.jumlah"].value == 30 * full["verifikasi.total.jumlah"].value
