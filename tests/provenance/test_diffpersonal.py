"""`lkj diff` and personal files: row counts between internal builds, a clear word in public."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkj.cli.main import main
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.provenance.diffpersonal import NOT_SHOWN, personal_rows
from lkj.provenance.manifest import make_manifest, write_manifest

ROOT = Path(__file__).resolve().parents[2]
FILE = "data/jateng/2025/kepulangan.csv"


def _manifest(root: Path, run: str) -> dict:
    inputs = load_inputs(load_run(root / "params" / f"{run}.yml"))
    return make_manifest(inputs, compute(inputs), renderer="pandoc")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Manifests of both editions before and after one TW II return is edited (line 100:
    another keterangan) and one is removed (line 110)."""
    root = tmp_path_factory.mktemp("diffpersonal") / "lkj"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "params", root / "params")
    runs = ("jateng-2025-tw2", "jateng-2025-tw2-internal")
    before = {run: _manifest(root, run) for run in runs}
    path = root / FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[99].startswith("PLG-") and "2025-0" in lines[99] and lines[99].count(",") == 10
    cells = lines[99].split(",")
    cells[7] = "Diubah untuk uji"  # keterangan
    lines[99] = ",".join(cells)
    del lines[109]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    after = {run: _manifest(root, run) for run in runs}
    return root, before, after


def test_internal_builds_count_the_rows_added_removed_and_changed(builds):
    root, before, after = builds
    run = "jateng-2025-tw2-internal"
    said = personal_rows(before[run], after[run], root)
    assert said == [
        f"{FILE}: 0 baris ditambah, 1 dihapus, 1 diubah (di antara baris yang dipakai buku)"
    ]


def test_public_builds_say_row_differences_are_not_shown(builds):
    root, before, after = builds
    run = "jateng-2025-tw2"
    (said,) = personal_rows(before[run], after[run], root)
    assert said.startswith(f"{FILE}: {NOT_SHOWN}; jumlah baris berubah di bawah ")
    # The quarter's returns: 36 in the published report, one removed (counts it shows anyway)
    assert said.endswith("mis. iku06.tw2.realisasi: 36 → 35 baris"), said
    assert "baris 100" not in said and "ditambah" not in said


def test_one_public_build_is_enough_to_withhold_the_rows(builds):
    root, before, after = builds
    (said,) = personal_rows(before["jateng-2025-tw2-internal"], after["jateng-2025-tw2"], root)
    assert NOT_SHOWN in said


def test_an_unchanged_personal_file_is_not_mentioned(builds):
    root, before, _ = builds
    run = "jateng-2025-tw2-internal"
    assert personal_rows(before[run], before[run], root) == []


def test_the_diff_command_prints_the_personal_files(builds, tmp_path, capsys, monkeypatch):
    root, before, after = builds
    monkeypatch.chdir(root)
    for edition, run in (("internal", "jateng-2025-tw2-internal"), ("publik", "jateng-2025-tw2")):
        a = write_manifest(before[run], tmp_path / edition / "a" / "values.json")
        b = write_manifest(after[run], tmp_path / edition / "b" / "values.json")
        main(["diff", str(a), str(b)])
        out = capsys.readouterr().out
        assert "Berkas data pribadi" in out
        expected = "1 dihapus, 1 diubah" if edition == "internal" else "tidak ditampilkan"
        assert expected in out.replace("\n", " ")
