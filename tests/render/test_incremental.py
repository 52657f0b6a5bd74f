"""Scheduling hints kept between builds (render/incremental.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj.render.incremental import Timings


def test_timings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "timings.json"
    took = Timings(path)
    assert took.last("notebooks/lampiran8_jejak.ipynb") == 0.0
    took.record("notebooks/lampiran8_jejak.ipynb", 1.23456)
    took.save()
    assert Timings(path).last("notebooks/lampiran8_jejak.ipynb") == 1.235


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", '{"a": "lama"}', "null"])
def test_damaged_timings_are_only_a_missing_hint(tmp_path: Path, text: str) -> None:
    path = tmp_path / "timings.json"
    path.write_text(text, encoding="utf-8")
    assert Timings(path).seconds == {}
