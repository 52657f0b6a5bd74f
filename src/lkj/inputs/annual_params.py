"""params `kind: tahunan`: the annual book is computed as at the end of Triwulan IV.

An annual params file names no quarter (the year is whole); `quarter: 4` is accepted as the
same thing, any other quarter is an error located at its line. The quarterly default is left
alone (a quarterly params file without `quarter` stays an error of lkj.inputs.params).
"""

from __future__ import annotations

from typing import Any

from lkj.errors import Problem
from lkj.inputs.yamlio import KeyPath, line_of

ANNUAL = "tahunan"
ANNUAL_QUARTER = 4  # the year's figures are the cumulative ones up to TW IV


def fill_quarter(
    data: dict[str, Any], lines: dict[KeyPath, int], shown: str
) -> tuple[dict[str, Any], list[Problem]]:
    """(params data with the annual quarter filled in, problems): unchanged unless annual."""
    if data.get("kind") != ANNUAL:
        return data, []
    if "quarter" not in data:
        return {**data, "quarter": ANNUAL_QUARTER}, []
    if data["quarter"] == ANNUAL_QUARTER:
        return data, []
    problem = Problem(
        shown,
        "laporan tahunan (kind: tahunan) mencakup seluruh tahun; triwulannya selalu IV",
        row=line_of(lines, ("quarter",)),
        column="quarter",
        value=data["quarter"],
        fix="hapus kunci quarter (atau tulis quarter: 4), atau pakai kind: triwulanan",
    )
    return data, [problem]
