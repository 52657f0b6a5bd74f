"""The book-assembly cache entries as a real build uses them: the pandoc read of each chapter
and target (`_build/cache/pandoc/`), the PDF (`pdf/<key>/`) and the DOCX (`docx/<key>.docx`).

One copy of the fixture book is built once per module (cache filled) and put back into that
state before every test, at the same absolute path: the keys hold absolute paths (the media
folder, the params file), so a copy elsewhere would miss everything. Each test then builds
into a new output folder, which makes the book be assembled again from the entries.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib.metadata
import inspect
import io
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pypdf
import pytest
from PIL import Image

from lkj.render import build as build_module
from lkj.render import cache as cache_module
from lkj.render import outputs as outputs_module
from lkj.render import pandoc
from lkj.render import typst as typst_module
from lkj.render.cache import read_verified, seal_of
from lkj.render.docx import write_docx

from .conftest import RUN, copy_book, tree_digest

CHAPTERS = ("index", "bab1", "bab2a", "bab2b", "lampiran", "terbatas")
TARGETS = ("html", "typst", "docx")


@dataclass(frozen=True)
class Warm:
    project: Path  # built once, cache full; restored from `pristine` before every test
    pristine: Path
    uncached: dict[str, str]  # tree_digest of a build that neither read nor wrote entries


def assemble(project: Path, output_root: Path) -> Path:
    params = project / "params" / f"{RUN}.yml"
    return build_module.build(
        params, renderer="pandoc", validate=False, progress=False, output_root=output_root
    )


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Warm:
    base = tmp_path_factory.mktemp("assembly-cache")
    project = copy_book(base / "book")
    assemble(project, project / "_output")
    # --force reads and writes no assembly entry: the bytes every cached build must give.
    params = project / "params" / f"{RUN}.yml"
    uncached = build_module.build(
        params,
        renderer="pandoc",
        validate=False,
        progress=False,
        force=True,
        output_root=base / "uncached",
    )
    pristine = base / "pristine"
    shutil.copytree(project, pristine)
    return Warm(project, pristine, tree_digest(uncached))


@pytest.fixture
def project(warm: Warm) -> Path:
    shutil.rmtree(warm.project)
    shutil.copytree(warm.pristine, warm.project)
    return warm.project


def _job(args: list[str]) -> str:
    """What one subprocess.run call of the build does (the cached work, or something else)."""
    if "lkj.render.typst_worker" in args:
        return "typst"
    if "--ipynb-output=all" in args:
        target = next(a for a in args if a.startswith("lkj-target=")).split("=", 1)[1]
        return f"read:{target}:{Path(args[-1]).stem}"
    if "-t" in args and args[args.index("-t") + 1] == "docx":
        return "docx"
    return "other"


@pytest.fixture
def tools(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The pandoc and typst processes the build starts, by job (pandoc and typst run only
    through subprocess.run: pandoc.run_pandoc, docx.write_docx, typst.compile_pdf)."""
    calls: Counter[str] = Counter()
    real = subprocess.run

    def counting(args: Any, *rest: Any, **kwargs: Any) -> Any:
        calls[_job([str(a) for a in args])] += 1
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    return calls


def cached_work(calls: Counter[str]) -> Counter[str]:
    """The calls the assembly cache can save: pandoc reads, the DOCX writer, typst."""
    return Counter({k: v for k, v in calls.items() if k != "other"})


def reads(calls: Counter[str]) -> int:
    return sum(v for k, v in calls.items() if k.startswith("read:"))


def entries(project: Path, kind: str, part: str | None = None) -> list[Path]:
    root = project / "_build" / "cache"
    pattern = {"pandoc": "pandoc/*.json", "pdf": f"pdf/*/{part or 'book.pdf'}"}
    pattern["docx"] = "docx/*.docx"
    return sorted(root.glob(pattern[kind]))


# --- a hit -------------------------------------------------------------------------------------


def test_warm_entries_skip_pandoc_and_typst_and_give_the_uncached_bytes(
    project: Path, warm: Warm, tools: Counter[str], tmp_path: Path
) -> None:
    assert len(entries(project, "pandoc")) == len(CHAPTERS) * len(TARGETS)
    assert len(entries(project, "pdf")) == len(entries(project, "docx")) == 1
    out = assemble(project, tmp_path)
    assert cached_work(tools) == Counter()
    assert tree_digest(out) == warm.uncached


# --- damaged entries ---------------------------------------------------------------------------


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip(path: Path) -> None:
    # One bit in the middle: same size, and a PDF or DOCX reader might not even notice.
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _unseal(path: Path) -> None:
    seal_of(path).unlink()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "one-bit": _flip,
    "no-sidecar": _unseal,
}
# (kind of entry, damaged file, what the build has to run again)
KINDS = {
    "pandoc": ("pandoc", None, Counter({f"read:{t}:{c}": 1 for t in TARGETS for c in CHAPTERS})),
    "pdf": ("pdf", "book.pdf", Counter(typst=1)),
    "pdf-warnings": ("pdf", "warnings.json", Counter(typst=1)),
    "docx": ("docx", None, Counter(docx=1)),
}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("kind", KINDS)
def test_damaged_entry_is_a_miss_and_is_rewritten(
    project: Path, warm: Warm, tools: Counter[str], tmp_path: Path, kind: str, damage: str
) -> None:
    folder, part, rerun = KINDS[kind]
    damaged = entries(project, folder, part)
    assert damaged
    for path in damaged:
        DAMAGE[damage](path)

    out = assemble(project, tmp_path / "first")
    # Only the damaged work runs again (a re-read AST is the same, so PDF and DOCX still hit).
    assert cached_work(tools) == rerun
    assert tree_digest(out) == warm.uncached
    assert all(read_verified(path) is not None for path in damaged)

    tools.clear()
    assemble(project, tmp_path / "second")
    assert cached_work(tools) == Counter()


def test_pdf_without_warnings_is_a_miss(
    project: Path, warm: Warm, tools: Counter[str], tmp_path: Path
) -> None:
    # What a build killed after the PDF and before warnings.json (written last) leaves.
    for path in entries(project, "pdf", "warnings.json"):
        path.unlink()
        seal_of(path).unlink()
    out = assemble(project, tmp_path)
    assert cached_work(tools) == Counter(typst=1)
    assert tree_digest(out) == warm.uncached


# --- misses after a change of what the entry was made from -------------------------------------


def test_changed_notebook_misses_its_reads_the_pdf_and_the_docx(
    project: Path, tools: Counter[str], tmp_path: Path
) -> None:
    source = project / "notebooks" / "bab1.ipynb"
    nb = nbformat.read(source, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("Paragraf tambahan untuk uji cache."))
    nbformat.write(nb, source)

    out = assemble(project, tmp_path / "first")
    assert cached_work(tools) == Counter(
        {"read:html:bab1": 1, "read:typst:bab1": 1, "read:docx:bab1": 1, "typst": 1, "docx": 1}
    )
    pdf_text = "".join(p.extract_text() for p in pypdf.PdfReader(out / f"{RUN}.pdf").pages)
    assert "Paragraf tambahan untuk uji cache." in pdf_text

    tools.clear()
    assemble(project, tmp_path / "second")
    assert cached_work(tools) == Counter()


def test_changed_title_misses_the_pdf_and_the_docx_not_the_reads(
    project: Path, tools: Counter[str], tmp_path: Path
) -> None:
    config = project / "notebooks" / "_quarto.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('"Laporan Kinerja"', '"Laporan Uji Cache"'), encoding="utf-8")

    out = assemble(project, tmp_path)
    assert cached_work(tools) == Counter(typst=1, docx=1)
    cover = pypdf.PdfReader(out / f"{RUN}.pdf").pages[0].extract_text()
    assert "LAPORAN UJI CACHE" in cover.upper()  # the cover sets the title in capitals


# --- the keys, one input at a time (write_pdf and write_docx called as the build calls them) ---


def _spy(monkeypatch: pytest.MonkeyPatch, name: str, project: Path, out: Path) -> dict:
    """Build once and return the arguments the build passed to outputs_module.<name>, by name."""
    seen: list[dict[str, Any]] = []
    real = getattr(outputs_module, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        bound = inspect.signature(real).bind(*args, **kwargs)
        bound.apply_defaults()
        seen.append(dict(bound.arguments))
        return real(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(outputs_module, name, spy)
        assemble(project, out)
    (arguments,) = seen
    return arguments


def _other_png() -> bytes:
    # A different, valid picture (typst has to be able to read it in a real compile).
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


PDF_CHANGES = ["main.typ", "picture", "timestamp", "lkj source", "typst version"]


@pytest.mark.parametrize("change", PDF_CHANGES)
def test_pdf_key_follows_each_input(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    call = _spy(monkeypatch, "write_pdf", project, tmp_path / "out")
    doc, meta, cache_dir = call["book"], call["meta"], call["cache_dir"]
    compiled: list[Path] = []

    def fake_compile(main: Path, root: Path, timestamp: int) -> tuple[bytes, list[str]]:
        compiled.append(main)
        return b"%PDF-1.7 uji\n", []

    monkeypatch.setattr(typst_module, "compile_pdf", fake_compile)

    def write(doc: Any, meta: Any) -> bytes:
        pdf = tmp_path / "book.pdf"
        typst_module.write_pdf(doc, meta, tmp_path / "typst", pdf, cache_dir)
        return pdf.read_bytes()

    (stored,) = entries(project, "pdf")
    assert write(doc, meta) == stored.read_bytes() and compiled == []  # unchanged: a hit

    if change == "main.typ":
        meta = copy.copy(meta)
        meta.title = "Laporan Uji Cache"
    elif change == "picture":
        assert doc.images, "the fixture book has a figure"
        name = sorted(doc.images)[0]
        doc = dataclasses.replace(doc, images={**doc.images, name: _other_png()})
    elif change == "timestamp":
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751328000")
    elif change == "lkj source":
        monkeypatch.setattr(cache_module, "lkj_digest", lambda: "0" * 64)
    else:
        real_version = importlib.metadata.version
        monkeypatch.setattr(
            importlib.metadata,
            "version",
            lambda name: "0.0.0-uji" if name == "typst" else real_version(name),
        )
    assert write(doc, meta) == b"%PDF-1.7 uji\n" and len(compiled) == 1
    assert write(doc, meta) == b"%PDF-1.7 uji\n" and len(compiled) == 1  # under the new key


DOCX_CHANGES = ["book AST", "picture", "pandoc version", "lkj source"]


@pytest.mark.parametrize("change", DOCX_CHANGES)
def test_docx_key_follows_each_input(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tools: Counter[str],
    change: str,
) -> None:
    call = _spy(monkeypatch, "write_docx", project, tmp_path / "out")
    meta = call["meta"]
    out = tmp_path / "book.docx"

    def write(meta: Any) -> bytes:
        # asts=None: write_docx reads the chapters itself (the build hands it the reads it
        # started early, render.reads), so the reads' cache keys are exercised here too.
        write_docx(**{**call, "out": out, "meta": meta, "asts": None})
        return out.read_bytes()

    (stored,) = entries(project, "docx")
    tools.clear()
    assert write(meta) == stored.read_bytes() and cached_work(tools) == Counter()

    if change == "book AST":
        meta = copy.copy(meta)
        meta.title = "Laporan Uji Cache"
    elif change == "picture":
        # Same AST, other picture bytes: change what pandoc extracted for the DOCX, after the
        # (cached) read has written it back.
        real_read = pandoc.read_notebook_cached

        def read_then_edit(path: Path, target: str, media_dir: Path, *rest: Any) -> Any:
            ast = real_read(path, target, media_dir, *rest)
            for picture in media_dir.rglob("*.png") if target == "docx" else []:
                picture.write_bytes(_other_png())
            return ast

        monkeypatch.setattr(pandoc, "read_notebook_cached", read_then_edit)
    elif change == "pandoc version":
        monkeypatch.setattr(pandoc, "pandoc_version", lambda: "pandoc 0.0-uji")
    else:
        monkeypatch.setattr(cache_module, "lkj_digest", lambda: "0" * 64)
    tools.clear()
    write(meta)
    # A new pandoc version or lkj source also misses every read (their keys hold both).
    again_read = change in ("pandoc version", "lkj source")
    assert cached_work(tools) == Counter(docx=1) + (
        Counter({f"read:docx:{c}": 1 for c in CHAPTERS}) if again_read else Counter()
    )
    tools.clear()
    write(meta)
    assert cached_work(tools) == Counter()  # stored under the new key
