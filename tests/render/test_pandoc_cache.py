"""pandoc.read_notebook_cached: one chapter's pandoc AST per target, `_build/cache/pandoc/`.

A small executed notebook with a picture (pandoc extracts it into the media folder, and a hit
has to write it back) read straight through the function the build uses.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from PIL import Image

from lkj.render import cache as cache_module
from lkj.render import pandoc
from lkj.render.cache import read_verified, seal_of


def _png(color: tuple[int, int, int]) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), color).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _notebook(path: Path, words: str = "Isi bab.") -> Path:
    nb = new_notebook()
    code = new_code_cell("d.figure(...)")
    code.outputs = [
        new_output("display_data", data={"text/markdown": f"## Bagian\n\n{words}\n"}),
        new_output("display_data", data={"image/png": _png((31, 78, 121)), "text/plain": "<F>"}),
    ]
    nb.cells = [new_markdown_cell("# Judul Bab"), code]
    nbformat.write(nb, path)
    return path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every real pandoc read (notebook name, target); pandoc_version is asked once first."""
    pandoc.pandoc_version()
    seen: list[tuple[str, str]] = []
    real = pandoc.read_notebook

    def counting(path: Path, target: str, *rest: Any) -> pandoc.Ast:
        seen.append((path.name, target))
        return real(path, target, *rest)

    monkeypatch.setattr(pandoc, "read_notebook", counting)
    return seen


def media(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")}


def entry_files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*.json"))


def test_hit_skips_pandoc_and_restores_the_pictures(
    tmp_path: Path, reads: list[tuple[str, str]]
) -> None:
    nb = _notebook(tmp_path / "bab.ipynb")
    cache_dir, out = tmp_path / "cache", tmp_path / "media"
    first = pandoc.read_notebook_cached(nb, "html", out, "bab.ipynb", cache_dir)
    pictures = media(out)
    assert reads == [("bab.ipynb", "html")] and any(n.endswith(".png") for n in pictures)
    (entry,) = entry_files(cache_dir)
    assert read_verified(entry) is not None

    for path in out.rglob("*.png"):
        path.unlink()
    again = pandoc.read_notebook_cached(nb, "html", out, "bab.ipynb", cache_dir)
    assert reads == [("bab.ipynb", "html")]  # pandoc did not run again
    assert again == first and media(out) == pictures
    assert again == pandoc.read_notebook(nb, "html", out)  # what pandoc itself gives
    assert media(out) == pictures


CHANGES = ["notebook", "target", "media folder", "pandoc version", "lkj source"]


@pytest.mark.parametrize("change", CHANGES)
def test_key_follows_each_input(
    tmp_path: Path, reads: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    nb = _notebook(tmp_path / "bab.ipynb")
    cache_dir = tmp_path / "cache"
    pandoc.read_notebook_cached(nb, "html", tmp_path / "media", None, cache_dir)
    target, out = "html", tmp_path / "media"
    if change == "notebook":
        _notebook(nb, "Isi lain.")
    elif change == "target":
        target = "typst"
    elif change == "media folder":  # pandoc writes the folder's path into the AST
        out = tmp_path / "media-lain"
    elif change == "pandoc version":
        monkeypatch.setattr(pandoc, "pandoc_version", lambda: "pandoc 0.0-uji")
    else:
        monkeypatch.setattr(cache_module, "lkj_digest", lambda: "0" * 64)
    ast = pandoc.read_notebook_cached(nb, target, out, None, cache_dir)
    assert reads == [("bab.ipynb", "html"), ("bab.ipynb", target)]
    assert len(entry_files(cache_dir)) == 2
    assert pandoc.read_notebook_cached(nb, target, out, None, cache_dir) == ast
    assert len(reads) == 2  # the new entry is used


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip_text(path: Path) -> None:
    # Still valid JSON of the same size, with other words in the AST: only the sha256 tells.
    data = path.read_bytes()
    assert b'"bab."' in data  # pandoc's JSON holds the text word by word
    path.write_bytes(data.replace(b'"bab."', b'"BAB."'))


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xff sampah")


def _unseal(path: Path) -> None:
    seal_of(path).unlink()


def _wrong_seal(path: Path) -> None:
    seal_of(path).write_text("0" * 64, encoding="ascii")


DAMAGE = {
    "truncated": _truncate,
    "other text": _flip_text,
    "garbage": _garbage,
    "no sidecar": _unseal,
    "wrong sidecar": _wrong_seal,
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_entry_is_read_again_and_rewritten(
    tmp_path: Path, reads: list[tuple[str, str]], damage: str
) -> None:
    nb = _notebook(tmp_path / "bab.ipynb")
    cache_dir, out = tmp_path / "cache", tmp_path / "media"
    clean = pandoc.read_notebook_cached(nb, "typst", out, None, cache_dir)
    pictures = media(out)
    (entry,) = entry_files(cache_dir)
    stored = entry.read_bytes()
    DAMAGE[damage](entry)

    assert pandoc.read_notebook_cached(nb, "typst", out, None, cache_dir) == clean
    assert len(reads) == 2 and media(out) == pictures
    assert entry.read_bytes() == stored and read_verified(entry) == stored
    pandoc.read_notebook_cached(nb, "typst", out, None, cache_dir)
    assert len(reads) == 2
