"""build(): layout, reproducibility, failures that leave the previous output untouched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import psutil
import pytest

from lkj.errors import BuildError, InputError, Problem
from lkj.render import outputs, stages
from lkj.render.build import build, choose_renderer, output_paths
from lkj.render.publish import swap_in


def test_output_layout(built) -> None:
    index, pdf = output_paths(built.out, built.run)
    assert built.out == built.project / "_output" / built.run
    assert index.is_file() and pdf.is_file()
    executed = built.project / "_build" / built.run / "notebooks"
    assert sorted(p.name for p in executed.iterdir()) == [
        "bab1.ipynb",
        "bab2a.ipynb",
        "bab2b.ipynb",
        "index.ipynb",
        "lampiran.ipynb",
        "terbatas.ipynb",
    ]
    assert (built.project / "_build" / built.run / "typst" / "main.typ").is_file()
    leftovers = [p.name for p in (built.project / "_output").iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_two_builds_are_byte_identical(built, digest, tmp_path: Path) -> None:
    params = built.project / "params" / f"{built.run}.yml"
    again = build(params, validate=False, progress=False, output_root=tmp_path, workers=3)
    assert digest(again) == digest(built.out)


def test_failing_notebook_names_cell_and_keeps_previous_output(
    built, fresh_book: Path, digest
) -> None:
    # The previous, good output of this run.
    out_root = fresh_book / "_output"
    shutil.copytree(built.out, out_root / built.run)
    before = digest(out_root / built.run)

    path = fresh_book / "notebooks" / "bab1.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(
        3, nbformat.v4.new_code_cell("total = 7375\nraise ValueError('angka tidak cocok')")
    )
    nbformat.write(nb, path)

    with pytest.raises(BuildError) as info:
        build(fresh_book / "params" / f"{built.run}.yml", validate=False, progress=False)
    message = str(info.value)
    assert message.startswith("notebooks/bab1.ipynb: sel ke-4")
    assert "ValueError: angka tidak cocok" in message and "total = 7375" in message

    assert digest(out_root / built.run) == before
    assert sorted(p.name for p in out_root.iterdir()) == [built.run]  # no temporary folder left


def test_render_failure_also_keeps_previous_output(
    built, fresh_book: Path, digest, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    out_root = fresh_book / "_output"
    shutil.copytree(built.out, out_root / built.run)
    before = digest(out_root / built.run)

    def broken(*args: object, **kwargs: object) -> list[str]:
        raise BuildError("typst gagal menyusun PDF: contoh")

    monkeypatch.setattr(outputs, "write_pdf", broken)
    with pytest.raises(BuildError, match="contoh"):
        build(fresh_book / "params" / f"{built.run}.yml", validate=False, workers=3)
    assert digest(out_root / built.run) == before
    assert sorted(p.name for p in out_root.iterdir()) == [built.run]

    # Progress went to stderr as plain lines (capsys is not a terminal).
    err = capsys.readouterr().err
    assert "✓ notebook notebooks/bab1.ipynb" in err and "✓ HTML" in err
    assert "✗ PDF (typst)" in err
    assert "\x1b[" not in err  # no cursor movement or colour codes in logs


def test_bad_inputs_fail_before_any_notebook_runs(
    fresh_book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def invalid(run: object, *_: object, **__: object) -> None:
        raise InputError([Problem("data/demo/2025/pk.yml", "berkas tidak ditemukan")])

    monkeypatch.setattr(stages, "validate_inputs", invalid)
    with pytest.raises(InputError):
        build(fresh_book / "params" / "demo-2025-tw2.yml", progress=False)
    # Nothing written but the run's lock (render/lock.py), taken before anything is read.
    written = [p for p in (fresh_book / "_build").rglob("*") if p.is_file()]
    assert written == [fresh_book / "_build" / "demo-2025-tw2" / "build.lock"]
    # Kernels started early (to overlap validation) are stopped, not left behind.
    kernels = [
        p for p in psutil.Process().children(recursive=True) if "ipykernel" in " ".join(p.cmdline())
    ]
    assert kernels == []


def test_quarto_renderer_needs_quarto(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(BuildError, match="quarto tidak ada di PATH"):
        choose_renderer("quarto")
    assert choose_renderer("auto") == "pandoc"
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/quarto")
    assert choose_renderer("auto") == "pandoc"  # Quarto only when asked (docs/quarto.md)
    assert choose_renderer("quarto") == "quarto"
    assert choose_renderer("pandoc") == "pandoc"


def test_publish_swaps_folders(tmp_path: Path) -> None:
    final, tmp = tmp_path / "run", tmp_path / ".run.tmp-1"
    final.mkdir()
    (final / "old.txt").write_text("old")
    tmp.mkdir()
    (tmp / "new.txt").write_text("new")
    swap_in(tmp, final)
    assert [p.name for p in final.iterdir()] == ["new.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["run"]


def test_quarto_renderer_wiring_with_a_stand_in_quarto(
    fresh_book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in for Quarto checks what lkj hands to it (the real one:
    tests/report/test_quarto_renderer.py)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "quarto"
    fake.write_text(
        """#!/bin/sh
# quarto render PROJECT --output-dir DEST
project="$2"; dest="$4"
grep -q "_lkj.typ" "$project/_quarto.yml" || exit 3
grep -q "typst-show.typ" "$project/_quarto.yml" || exit 3
test -f "$project/index.ipynb" && test -f "$project/lkj-quarto.lua" || exit 4
if [ -n "$FAIL" ]; then echo "ERROR: rusak" >&2; exit 1; fi
mkdir -p "$dest"
echo "<html lang=id></html>" > "$dest/index.html"
echo "%PDF-1.7 stand-in" > "$dest/Laporan-Kinerja.pdf"
""",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    params = fresh_book / "params" / "demo-2025-tw2.yml"
    out = build(params, renderer="quarto", validate=False, progress=False)
    index, pdf = output_paths(out, "demo-2025-tw2")
    assert index.read_text() == "<html lang=id></html>\n"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in out.iterdir()) == ["demo-2025-tw2.pdf", "html"]
    (fresh_book / "notebooks" / "_quarto.yml").write_text(
        (fresh_book / "notebooks" / "_quarto.yml").read_text("utf-8") + "# changed\n", "utf-8"
    )
    monkeypatch.setenv("FAIL", "1")
    with pytest.raises(BuildError, match=r"quarto render gagal (?s:.*)rusak"):
        build(params, renderer="quarto", validate=False, progress=False)
    assert pdf.read_bytes().startswith(b"%PDF")  # the last good output is still there


def test_no_op_rebuild_restores_an_output_changed_by_hand(
    fresh_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .conftest import RUN, tree_digest

    params = fresh_book / "params" / f"{RUN}.yml"
    out = build(params, validate=False, progress=False)
    good = tree_digest(out)
    pdf = out / f"{RUN}.pdf"
    pdf.unlink()
    (out / "html" / "index.html").write_text("diubah tangan", encoding="utf-8")
    capsys.readouterr()
    build(params, validate=False, progress=True)
    err = capsys.readouterr().err
    assert "diubah atau tidak lengkap sejak build terakhir" in err
    assert tree_digest(out) == good  # everything back, byte for byte (from the caches)
    build(params, validate=False, progress=True)
    assert "buku tidak berubah" in capsys.readouterr().err  # and the next one is a no-op
