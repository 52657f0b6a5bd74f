"""Honest headers: wherever a table puts this quarter's figure beside a cumulative one, the
header of each column says which it is ("s.d. Triwulan II" / "Triwulan II saja")."""

from __future__ import annotations

import re

from lkj.book.tablespec import Cell, TableSpec, placed_cells


def column_headers(spec: TableSpec) -> dict[int, str]:
    """Every header text above each column (spanning cells count for all their columns)."""
    out: dict[int, list[str]] = {}
    for row in placed_cells(spec.header_rows):
        for col, cell in row:
            for c in range(col, col + cell.colspan):
                out.setdefault(c, []).append(cell.text)
    return {c: " / ".join(t) for c, t in out.items()}


def kinds(spec: TableSpec, q: int) -> dict[int, set[str]]:
    """Per column, what its value cells hold: "kumulatif" or "triwulan"."""
    out: dict[int, set[str]] = {}
    for row in placed_cells(spec.body_rows):
        for col, cell in row:
            vid = cell.value_id if isinstance(cell, Cell) else None
            if not vid:
                continue
            if ".sd_tw" in vid or re.fullmatch(r"anggaran\.\w+\.(realisasi|persen)", vid):
                out.setdefault(col, set()).add("kumulatif")
            elif f".tw{q}." in vid:
                out.setdefault(col, set()).add("triwulan")
    return out


def check(spec: TableSpec, q: int, tw: str) -> list[str]:
    headers, found = column_headers(spec), kinds(spec, q)
    problems = []
    for col, held in found.items():
        text = headers[col]
        if "kumulatif" in held and f"s.d. {tw}" not in text:
            problems.append(f"{spec.number} kolom {text!r}: kumulatif tanpa 's.d. {tw}'")
        short = tw.replace(
            "Triwulan", "TW"
        )  # Tabel 4's sub-header: "Realisasi per Triwulan / TW II"
        if "triwulan" in held and (f"s.d. {tw}" in text or (tw not in text and short not in text)):
            problems.append(f"{spec.number} kolom {text!r}: triwulan ini tanpa '{tw}'")
    return problems


def test_tables_with_quarter_and_cumulative_figures_say_which_is_which(built):
    inputs, _, tables = built
    q, tw = inputs.run.params.quarter, "Triwulan II"
    specs = [tables.anggaran(), tables.kumulatif(), *[tables.iku(i) for i in inputs.pk.iku]]
    mixed = [s for s in specs if {"kumulatif", "triwulan"} <= set().union(*kinds(s, q).values())]
    assert any(s.id == "tbl-anggaran" for s in mixed)  # Tabel 18 mixes both
    assert [p for s in mixed for p in check(s, q, tw)] == []


def test_the_check_catches_a_cumulative_column_headed_as_plain_realisasi():
    spec = TableSpec(
        id="tbl-x",
        caption="x",
        number="Tabel 1",
        header=[["Realisasi", "Realisasi Triwulan II"]],
        body=[
            [Cell("1", value_id="anggaran.a.realisasi"), Cell("2", value_id="iku01.tw2.realisasi")]
        ],
    )
    assert check(spec, 2, "Triwulan II") == [
        "Tabel 1 kolom 'Realisasi': kumulatif tanpa 's.d. Triwulan II'"
    ]
