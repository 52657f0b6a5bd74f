"""Golden snapshots: the HTML and typst of a few representative tables, byte for byte.

The Jawa Tengah TW II run (params/jateng-2025-tw2.yml) renders Tabel 1 (ringkasan), Tabel 4
(kumulatif), two per-IKU tables (a count and a ratio), Tabel 18 (anggaran) and Lampiran II
(penempatan, the 4-level header) through `to_html` / `to_typst`; each output must equal its
file in tests/book/golden/ byte for byte.
A refactor of the tables or of the renderers proves it changed nothing a reader sees.

When a change of output is intended, rewrite the files and review them with `git diff`:

    LKJ_UPDATE_GOLDEN=1 .venv/bin/pytest tests/book/test_golden.py
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from lkj.book.tables import Tables
from lkj.book.tablespec import TableSpec, to_html, to_typst
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LKJ_UPDATE_GOLDEN") == "1"


def _iku_count(t: Tables) -> TableSpec:
    # IKU 7, placements: a count summed over the quarters.
    return t.iku(next(i for i in t.pk.iku if i.nomor == 7))


def _iku_ratio(t: Tables) -> TableSpec:
    # The first ratio IKU: its realisation cell reads "x (a dari b)".
    return t.iku(next(i for i in t.pk.iku if i.sumber.aturan == "rasio"))


TABLES: dict[str, Callable[[Tables], TableSpec]] = {
    "tabel1-ringkasan": Tables.ringkasan,
    "tabel4-kumulatif": Tables.kumulatif,
    "tabel-iku7": _iku_count,
    "tabel-iku-rasio": _iku_ratio,
    "tabel18-anggaran": Tables.anggaran,
    "lampiran2-penempatan": Tables.lampiran_penempatan,
}
RENDERERS: dict[str, Callable[[TableSpec], str]] = {"html": to_html, "typ": to_typst}


@pytest.fixture(scope="module")
def tables() -> Tables:
    inputs = load_inputs(load_run(ROOT / "params/jateng-2025-tw2.yml"))
    return Tables(inputs, compute(inputs))


@pytest.mark.parametrize("suffix", sorted(RENDERERS))
@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_output_matches_its_golden_file(tables: Tables, name: str, suffix: str) -> None:
    path = GOLDEN / f"{name}.{suffix}"
    actual = RENDERERS[suffix](TABLES[name](tables)) + "\n"
    if UPDATE:
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"{path} missing: run LKJ_UPDATE_GOLDEN=1 .venv/bin/pytest {__file__}"
    expected = path.read_bytes().decode("utf-8")  # no newline translation
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"golden/{path.name}",
            tofile="now",
        )
        pytest.fail(
            f"{name}.{suffix} differs from its golden file (intended? "
            "LKJ_UPDATE_GOLDEN=1 .venv/bin/pytest tests/book/test_golden.py):\n" + "".join(diff),
            pytrace=False,
        )
