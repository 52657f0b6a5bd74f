"""Provenance without a book build: manifest, schema, trace, diff, reconcile, redaction."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from lkj.cli import provenance as cli_provenance
from lkj.cli.main import main
from lkj.compute.engine import compute
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.provenance.diff import diff
from lkj.provenance.manifest import make_manifest
from lkj.provenance.record import sha256
from lkj.provenance.rows import hidden_columns, line_ranges, read_rows
from lkj.provenance.trace import leaf_sources
from lkj.render.pandoc import resource

ROOT = Path(__file__).resolve().parents[2]
PARAMS = "params/jateng-2025-tw2.yml"
SCHEMA = json.loads(resource("values.schema.json").read_text(encoding="utf-8"))


def validate(manifest: dict) -> None:
    checker = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    checker.validate(manifest)


@pytest.fixture(autouse=True)
def wide_console(monkeypatch):
    """Rich wraps at 80 columns when not on a terminal; the assertions read whole lines."""
    monkeypatch.setattr(cli_provenance, "out_console", Console(width=250, highlight=False))


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """A copy of the real project's data and params (safe to change) and its manifest."""
    root = tmp_path_factory.mktemp("prov") / "lkj"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "params", root / "params")
    inputs = load_inputs(load_run(root / PARAMS))
    registry = compute(inputs)
    return root, inputs, registry, make_manifest(inputs, registry, renderer="pandoc")


def test_schema_is_valid_and_manifest_validates(real):
    *_, manifest = real
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validate(manifest)
    broken = json.loads(json.dumps(manifest))
    broken["values"]["iku07.tw2.realisasi"]["sources"][0]["rows"] = ["2"]
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_manifest_hashes_match_the_files_and_record_the_build(real):
    root, _, registry, manifest = real
    assert manifest["params"]["sha256"] == sha256(root / PARAMS)
    for name, info in manifest["files"].items():
        assert info["sha256"] == sha256(root / name), name
    assert "data/jateng/2025/penempatan.csv" in manifest["files"]
    assert len(manifest["values"]) == len(registry)
    build = manifest["build"]
    assert build["commit"] and build["versions"]["lkj"] and build["built_at"].endswith("Z")
    code = manifest["values"]["iku07.tw2.realisasi"]["code"]
    assert code["file"] == "src/lkj/compute/measure.py" and code["line"] > 0
    assert code["source"].startswith("def measure(")


def test_trace_of_iku7_cumulative_shows_both_quarters_and_the_rows(capsys):
    assert main(["trace", PARAMS, "iku07.sd_tw2.realisasi", "--rows"]) == 0
    out = capsys.readouterr().out
    assert "iku07.sd_tw2.realisasi = 13.871 Orang" in out
    assert "iku07.tw1.realisasi = 6.496 Orang" in out
    assert "iku07.tw2.realisasi = 7.375 Orang" in out
    assert "Triwulan I + Triwulan II" in out
    assert "data/jateng/2025/penempatan.csv · 48 baris (50–97)" in out
    assert "penempatan.csv — 96 baris" in out  # --rows: both quarters' rows


def test_trace_search_and_unknown_id(capsys):
    assert main(["trace", PARAMS, "--search", "realisasi iku 7"]) == 0
    out = capsys.readouterr().out
    assert "iku07.sd_tw2.realisasi" in out and "13.871 Orang" in out
    assert main(["trace", PARAMS, "iku07.sd_tw2.realisasix"]) == 1
    assert "tidak dikenal" in capsys.readouterr().out


def test_rows_of_kepulangan_hide_personal_columns_in_the_public_edition(real):
    root, _, registry, _ = real
    source = next(s for v in registry for s in v.sources if s.file.endswith("kepulangan.csv"))
    public = read_rows(root, source.file, set(source.rows), "publik")
    assert {"nama", "no_paspor", "alamat", "keterangan"} <= set(public.hidden)
    assert "nama" not in public.columns and "kabupaten_kota" in public.columns
    internal = read_rows(root, source.file, set(source.rows), "internal")
    assert "nama" in internal.columns and internal.hidden == []
    # A reference list's "nama" is a country, not a person.
    assert hidden_columns("data/referensi/negara.csv", ["nama"], "publik") == []


def test_line_ranges():
    assert line_ranges([5, 2, 3, 4, 9, 11, 12]) == "2–5, 9, 11–12"
    assert line_ranges([]) == ""


def downstream(manifest: dict, file: str, line: int) -> set[str]:
    values = manifest["values"]
    direct = {
        vid
        for vid, v in values.items()
        if any(s["file"] == file and line in s["rows"] for s in v["sources"])
    }
    found = set(direct)
    grew = True
    while grew:
        more = {vid for vid, v in values.items() if set(v["inputs"]) & found} - found
        found |= more
        grew = bool(more)
    return found


def test_changing_one_row_changes_exactly_the_values_downstream(real):
    root, _, _, before = real
    file = "data/jateng/2025/penempatan.csv"
    path = root / file
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines()
    line = 60  # 2025-04, LTSA/MPP, Mandiri/Pelaut, Informal, L
    lines[line - 1] = lines[line - 1].rsplit(",", 1)[0] + ",5"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        inputs = load_inputs(load_run(root / PARAMS))
        after = make_manifest(inputs, compute(inputs), renderer="pandoc")
    finally:
        path.write_text(original, encoding="utf-8")
    result = diff(before, after)
    changed = {c.id for c in result.changed}
    below = downstream(before, file, line)
    assert changed <= below  # nothing outside the row's lineage moved
    # Downstream values that did not move: how many IKUs an average counts, not their sizes.
    assert {v for v in below - changed if not v.endswith(".banyak_iku")} == set()
    assert {"iku07.tw2.realisasi", "iku07.sd_tw2.realisasi", "penempatan.total"} <= changed
    assert not result.added and not result.removed
    total = next(c for c in result.changed if c.id == "iku07.tw2.realisasi")
    assert (total.before, total.after, total.delta) == ("7.375 Orang", "7.380 Orang", 5)
    assert f"{file}: baris 60 berubah" in total.causes
    assert result.files == [
        f"{file}: berubah (sha256 {before['files'][file]['sha256'][:10]}… "
        f"→ {after['files'][file]['sha256'][:10]}…)"
    ]
    assert diff(before, before).same


def test_diff_command_reads_output_folders(real, tmp_path, capsys):
    *_, manifest = real
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
    (a / "values.json").write_text(json.dumps(manifest), encoding="utf-8")
    changed = json.loads(json.dumps(manifest))
    changed["values"]["penempatan.total"]["value"] = 7376
    changed["values"]["penempatan.total"]["display_with_unit"] = "7.376 Orang"
    (b / "values.json").write_text(json.dumps(changed), encoding="utf-8")
    assert main(["diff", str(a), str(a / "values.json")]) == 0
    assert "semua nilai sama" in capsys.readouterr().out
    assert main(["diff", str(a), str(b)]) == 1
    out = capsys.readouterr().out
    assert "1 nilai berubah" in out and "penempatan.total" in out and "+1" in out
    assert main(["diff", str(tmp_path), str(b)]) == 1
    assert "values.json tidak ditemukan" in capsys.readouterr().err


def test_leaf_sources_merge_the_inputs_rows(real):
    _, _, registry, _ = real
    files = {(s.file, len(s.rows)) for s in leaf_sources(registry, "iku07.sd_tw2.realisasi")}
    assert files == {("data/jateng/2025/penempatan.csv", 48)}


def test_reconcile_command_passes_when_every_difference_is_explained(tmp_path, capsys):
    published = ROOT / "data/jateng/2025/terbitan/lkj-2025-tw2.csv"
    assert main(["reconcile", PARAMS, str(published)]) == 0
    out = capsys.readouterr().out
    assert "beda tanpa penjelasan" in out and "0 beda tanpa penjelasan" in out
    bad = tmp_path / "terbitan.csv"
    bad.write_text(
        "id,tempat,terbitan,catatan\n"
        "iku07.tw2.realisasi,Tabel 1,7.375 Orang,\n"
        "penempatan.total,Lampiran II,7.400,\n",
        encoding="utf-8",
    )
    assert main(["reconcile", PARAMS, str(bad)]) == 1
    out = capsys.readouterr().out
    assert "1 cocok" in out and "1 beda tanpa penjelasan" in out and "BEDA" in out
