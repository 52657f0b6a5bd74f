"""`lkj new-year`: the annual report's params, files and texts, and what is still missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkj.analyst.year import new_year
from lkj.errors import LkjError
from lkj.inputs.params import load_run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "lkj"  # the nusantara unit only: small and quick to load
    for part in ("data/nusantara", "data/referensi"):
        shutil.copytree(ROOT / part, root / part)
    (root / "params").mkdir()
    for params in ROOT.glob("params/nusantara-2025-*.yml"):
        shutil.copy2(params, root / "params" / params.name)
    (root / "params/nusantara-2025-tahunan.yml").unlink()
    (root / "data/nusantara/renstra.csv").unlink()
    (root / "data/nusantara/riwayat.csv").unlink()
    (root / "data/nusantara/2025/teks/tahunan/sebab/SS2.md").unlink()
    return root


def test_new_year_writes_what_the_annual_book_reads_and_lists_the_gaps(project: Path) -> None:
    result = new_year(project, "nusantara", 2025)
    params = load_run(result.params).params
    assert (params.kind, params.quarter, params.averages.unrealised) == ("tahunan", 4, "exclude")
    renstra = (project / "data/nusantara/renstra.csv").read_text(encoding="utf-8").splitlines()
    assert renstra[0] == "iku,tahun,target" and renstra[1] == "IKU01,2025,"
    assert len(renstra) == 1 + 6 * 5  # six IKUs × the plan years 2025–2029 of profil.yml
    todo = "\n".join(result.todo)
    assert "data/nusantara/renstra.csv, baris 2–31 (30 baris), kolom 'target'" in todo
    assert "data/nusantara/2025/teks/tahunan/sebab/SS2.md: teks belum ditulis" in todo
    assert "sebab/SS1.md" not in todo  # written by the analyst: kept, not listed


def test_new_year_overwrites_nothing(project: Path) -> None:
    first = new_year(project, "nusantara", 2025)
    (project / "data/nusantara/renstra.csv").write_text("iku,tahun,target\n", encoding="utf-8")
    again = new_year(project, "nusantara", 2025)
    assert not again.created and set(first.created) <= set(again.kept)
    assert (project / "data/nusantara/renstra.csv").read_text(encoding="utf-8") == (
        "iku,tahun,target\n"
    )
    assert any("belum ada target tahun 2025 untuk IKU01" in t for t in again.todo)
    assert any("belum ada realisasi tahun 2024 untuk IKU01" in t for t in again.todo)


def test_a_year_without_data_says_where_to_start(project: Path) -> None:
    with pytest.raises(LkjError, match="lkj new-quarter --unit nusantara --year 2026"):
        new_year(project, "nusantara", 2026)
