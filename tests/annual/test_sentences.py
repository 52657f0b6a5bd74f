"""The annual sentences agree with the annual tables and say what the states say: an IKU can be
ahead of last year and behind the plan in one sentence (and the other way round)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from conftest import Project

from lkj.book.annual import Annual
from lkj.book.tablespec import TableSpec
from lkj.compute.annual_states import Plan, Trend

ROOT = Path(__file__).resolve().parents[2]
SPAN = re.compile(r"\[([^\]]*)\]\{\.lkj-value data-value-id=\"([^\"]+)\"\}")
UNITS = ("jateng", "nusantara")


@cache
def annual(unit: str) -> Annual:
    return Annual.open(ROOT / f"params/{unit}-2025-tahunan.yml")


def _cells(specs: list[TableSpec]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for spec in specs:
        for row in spec.body_rows:
            for cell in row:
                if cell.value_id:
                    found.setdefault(cell.value_id, set()).add(cell.text)
    return found


def _plain(text: str) -> str:
    return SPAN.sub(lambda m: m.group(1), text).replace("\\", "")


@pytest.mark.parametrize("unit", UNITS)
def test_every_figure_of_a_sentence_is_the_table_cell_of_its_value(unit: str) -> None:
    a = annual(unit)
    t, w = a.book.tables, a.writer
    cells = _cells(
        [t.capaian_tahunan(), t.riwayat(), t.renstra_progres(), t.efisiensi(), t.renstra_targets()]
    )
    texts = [w.highlights(), w.budget()]
    for iku in a.book.pk.iku:
        texts += [w.target_vs_realisation(iku), w.trend_and_plan(iku), w.renstra_end(iku)]
    spans = [(s, v) for text in texts for s, v in SPAN.findall(text) if v in cells]
    assert len(spans) >= 5 * len(a.book.pk.iku)  # the sentences do cite the tables' values
    wrong = [
        f"{value_id}: '{shown}' vs {cells[value_id]}"
        for shown, value_id in spans
        if shown.replace("\\", "") not in cells[value_id]
    ]
    assert wrong == []


def test_better_than_last_year_and_behind_the_plan_in_one_sentence() -> None:
    """Jawa Tengah IKU 1: 88,39 % after 91,3 % in 2024 (worse), against a 70 % plan (ahead);
    IKU 7: below 2024 and below the plan; IKU 10 above both (riwayat.csv, renstra.csv)."""
    a = annual("jateng")
    by = {i.nomor: i for i in a.book.pk.iku}
    one, seven, ten = (a.writer.state(by[n]) for n in (1, 7, 10))
    assert (one.trend, one.plan) == (Trend.WORSE, Plan.AHEAD)
    assert (seven.trend, seven.plan) == (Trend.WORSE, Plan.BEHIND)
    assert (ten.trend, ten.plan) == (Trend.BETTER, Plan.AHEAD)
    first = _plain(a.writer.trend_and_plan(by[1]))
    assert "lebih rendah daripada tahun 2024 (91,3%" in first
    assert ", tetapi sudah memenuhi target Renstra tahun 2025 (70%)" in first
    assert ", dan masih di bawah target Renstra" in _plain(a.writer.trend_and_plan(by[7]))


def test_lower_is_better_improves_when_it_falls() -> None:
    """Nusantara IKU 2 (lower is better): 7 in 2025 after 10 in 2024 is an improvement."""
    a = annual("nusantara")
    iku = next(i for i in a.book.pk.iku if i.nomor == 2)
    assert a.writer.state(iku).trend is Trend.BETTER
    assert "lebih baik daripada tahun 2024 (10 Orang" in _plain(a.writer.trend_and_plan(iku))


def test_the_ikhtisar_lists_match_the_states() -> None:
    a = annual("jateng")
    text = _plain(a.writer.highlights())
    worse = [i for i in a.book.pk.iku if a.writer.state(i).trend is Trend.WORSE]
    assert f"menurun:** {', '.join(f'IKU {i.nomor}' for i in worse)}." in text
    assert [i.nomor for i in worse] == [1, 2, 4, 7, 8]  # below their 2024 rows in riwayat.csv


def test_another_unit_with_gaps_gets_every_sentence(mini: Project) -> None:
    """The mini unit (data only to TW II, no riwayat.csv, a Renstra for two IKUs only): every
    sentence and table is made, and says what is missing instead of inventing it."""
    mini.replace("params/mini-2025-tw2.yml", "quarter: 2", "kind: tahunan")
    mini.write("data/mini/renstra.csv", "iku,tahun,target\nIKU01,2025,80\nIKU01,2029,90\n")
    a = Annual.open(mini.params)
    w, t = a.writer, a.book.tables
    for spec in (t.capaian_tahunan(), t.riwayat(), t.renstra_progres(), t.efisiensi()):
        assert spec.body_rows
    by = {i.kode: i for i in a.book.pk.iku}
    assert _plain(w.trend_and_plan(by["IKU02"])).startswith(
        "Belum ada realisasi tahun sebelumnya maupun target Renstra tahun 2025"
    )
    assert _plain(w.renstra_end(by["IKU02"])) == "Target Renstra untuk IKU ini belum dicatat."
    assert _plain(w.trend_and_plan(by["IKU01"])).startswith(
        "Belum ada realisasi tahun 2024 untuk dibandingkan; realisasi tahun 2025 "
    )
    assert "standar nasional" in _plain(w.standard(by["IKU01"]))
    for _, sasaran, _ in a.book.sasaran_groups():
        assert w.efficiency(sasaran)
    assert "tbl-standar" not in a.book.catalog  # no standard given: no table, no number
