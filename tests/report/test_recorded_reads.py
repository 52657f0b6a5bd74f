"""No notebook reads anything it does not record: the proof behind reusing a cached notebook.

The build cache reuses a notebook's output while every file in its record is unchanged
(docs/performance.md, "The dependency rule"). That is correct exactly when no file *outside*
the record can change the output. This test checks that claim directly, by effect rather than
by inspecting code paths (a read that bypassed lkj.values.access, e.g. `open()` on a data file
or a Registry method the views forgot, is caught the same way as any other):

1. every shipped notebook runs in-process (IPython, the build's memo on) with the recorder
   started, as in a build kernel: its outputs and its record are kept; a second run must give
   byte-identical outputs (otherwise a difference below would prove nothing);
2. for every input file of the run (the unit's data, texts, reference lists, published
   figures) and every quarter text that could exist but does not, a strong change that still
   validates is chosen: a CSV emptied to its header (else its last or first row dropped), a
   text extended or created, the names in a YAML file changed;
3. for each notebook, *all* files missing from its record are changed at once and the notebook
   runs again: its output must be identical. A file recorded only as `exists:` has its content
   changed too — only its presence may matter to that notebook. A file created in a folder
   recorded as `listing:` (which files it holds) is recorded by that: it misses the cache.

Lampiran Jejak Angka records which files the run has, not their content: the build fills in
their sha256 when it assembles the book (lkj.render.digestfill). The last tests build the book,
edit a text and build again: the appendix comes from the cache and still shows the new hash,
and a text imitating the build's marks is printed as written.

On failure it names the notebook and, one at a time, the unrecorded files that change it.
What it cannot prove: a change of a kind none of the three perturbations makes (a value edited
without changing the row count, say) to a file a notebook reads without recording — emptying
a dataset changes nearly everything computed from it, so such a read would still show.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import nbformat
import pytest
from pypdf import PdfReader

from lkj.book import digestmark, texts
from lkj.book.display import escape_markdown
from lkj.book.memo import memo
from lkj.compute.engine import compute
from lkj.dev import synth
from lkj.inputs.load import load_inputs
from lkj.inputs.params import load_run
from lkj.render import book_kind
from lkj.render.build import build
from lkj.render.execute import Job
from lkj.render.kernels import Executed, KernelPool
from lkj.render.quarto import load_book
from lkj.values import deps

ROOT = Path(__file__).resolve().parents[2]
RUN = "jateng-2025-tw2"
pytestmark = pytest.mark.slow

Change = Callable[[str], str]


def _csv_rows(text: str, keep: Callable[[list[list[str]]], list[list[str]]]) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0], *keep(rows[1:])])
    return out.getvalue()


CSV_CHANGES: list[Change] = [
    lambda t: _csv_rows(t, lambda body: []),
    lambda t: _csv_rows(t, lambda body: body[:-1]),
    lambda t: _csv_rows(t, lambda body: body[1:]),
]
NAME_LINE = re.compile(r"^(\s*-?\s*(?:nama\w*|jabatan|uraian|induk|kota\w*|alamat):\s*)(.+)$", re.M)
YAML_CHANGES: list[Change] = [
    lambda t: NAME_LINE.sub(lambda m: f'{m[1]}"{m[2].strip(chr(34))} Uji"', t)
]
TEXT = "\n\nKalimat uji yang tidak ada di laporan.\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth.copy_project(ROOT, tmp_path_factory.mktemp("reads") / "lkj")


class Runner:
    """Runs a notebook's cells in one in-process IPython shell, like a build kernel."""

    def __init__(self, params: Path):
        from IPython.core.interactiveshell import InteractiveShell

        self.shell = InteractiveShell.instance()
        self.params = params
        memo.enable()

    def run(self, notebook: Path) -> tuple[list[Any], list[str] | None]:
        from IPython.utils.capture import capture_output

        outputs: list[Any] = []
        deps.start()
        try:
            for cell in nbformat.read(notebook, as_version=4).cells:
                if cell.cell_type != "code":
                    continue
                source = cell.source
                if "parameters" in cell.metadata.get("tags", []):
                    source = f"params_file = {str(self.params)!r}"
                with capture_output() as cap:
                    result = self.shell.run_cell(source, silent=True)
                assert result.success, f"{notebook.name}: {result.error_in_exec}"
                outputs.append([o.data for o in cap.outputs])
            files = deps.snapshot()["files"]
            return outputs, files if isinstance(files, list) else None
        finally:
            deps.stop()


def _valid(params: Path) -> bool:
    try:
        compute(load_inputs(load_run(params)))
    except Exception:
        return False
    return True


@contextmanager
def changed(root: Path, changes: dict[str, str | None]) -> Iterator[None]:
    """Files replaced by new text (None: the file did not exist) and restored afterwards."""
    old = {
        name: (root / name).read_text(encoding="utf-8") if (root / name).is_file() else None
        for name in changes
    }
    try:
        for name, text in changes.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text or "", encoding="utf-8")
        yield
    finally:
        for name, text in old.items():
            if text is None:
                (root / name).unlink()
            else:
                (root / name).write_text(text, encoding="utf-8")


def _universe(root: Path, params: Path) -> dict[str, list[Change]]:
    """Every file that could change a notebook, with the changes to try, strongest first."""
    run = load_run(params)
    found: dict[str, list[Change]] = {}
    for folder in (run.unit_dir, run.data_root / "referensi"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = str(path.relative_to(root))
            if path.suffix == ".csv":
                found[name] = CSV_CHANGES
            elif path.suffix in (".yml", ".yaml"):
                found[name] = YAML_CHANGES
            else:
                found[name] = [lambda t: t + TEXT]
    pk = load_inputs(run).pk
    could_exist = [texts.text_path(run, n) for n in texts.QUARTER_TEXTS] + [
        texts.text_dir(run) / "iku" / f"{i.kode}.md" for i in pk.iku
    ]
    for path in could_exist:
        found.setdefault(str(path.relative_to(root)), [lambda t: t + TEXT])
    return found


def _choose(root: Path, params: Path, universe: dict[str, list[Change]]) -> dict[str, str]:
    """For each file, the new text of the strongest change that still validates."""
    chosen: dict[str, str] = {}
    for name, changes in universe.items():
        path = root / name
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        for change in changes:
            new = change(text)
            if new == text:
                continue
            if name.endswith(".md"):
                chosen[name] = new
                break
            with changed(root, {name: new}):
                if _valid(params):
                    chosen[name] = new
                    break
    return chosen


def _recorded(root: Path, name: str, record: list[str]) -> bool:
    """In the record, or a file that does not exist yet in a folder whose listing is."""
    if name in record:
        return True
    folders = [r.removeprefix(deps.LISTING) for r in record if r.startswith(deps.LISTING)]
    return not (root / name).exists() and any(name.startswith(f + "/") for f in folders)


def test_no_notebook_output_depends_on_a_file_it_did_not_record(project: Path) -> None:
    params = project / "params" / f"{RUN}.yml"
    runner = Runner(params)
    # The notebooks of this run's book (the annual chapters belong to another kind of book).
    declared, book_file = book_kind.book_source(load_run(params))
    notebooks = sorted(c.path for c in load_book(project, declared, book_file).chapters)
    baseline = {nb.name: runner.run(nb) for nb in notebooks}
    for nb in notebooks:  # deterministic, or no difference below would mean anything
        assert runner.run(nb)[0] == baseline[nb.name][0], f"{nb.name} differs between runs"
    universe = _universe(project, params)
    chosen = _choose(project, params, universe)
    # Most files must be exercised, or the test would prove little.
    assert len(chosen) >= 0.8 * len(universe), sorted(set(universe) - set(chosen))
    wrong = []
    for nb in notebooks:
        outputs, record = baseline[nb.name]
        if record is None:
            continue  # no Book opened: the cache depends on every file anyway
        unrecorded = {n: t for n, t in chosen.items() if not _recorded(project, n, record)}
        with changed(project, unrecorded):
            if runner.run(nb)[0] == outputs:
                continue
        culprits = []
        for name, text in unrecorded.items():
            with changed(project, {name: text}):
                if runner.run(nb)[0] != outputs:
                    culprits.append(name)
        wrong.append(f"{nb.name} changes with unrecorded {culprits or sorted(unrecorded)}")
    assert not wrong, "\n".join(wrong)


class CountingPool(KernelPool):
    """A KernelPool that remembers which notebooks it was asked to execute."""

    def __init__(self) -> None:
        super().__init__(2, shared=True)
        self.ran: list[str] = []

    def run(self, job: Job, parameters: Mapping[str, Any]) -> Executed:
        self.ran.append(Path(job.shown).name)
        return super().run(job, parameters)


def _build(root: Path) -> list[str]:
    with CountingPool() as pool:
        build(root / "params" / f"{RUN}.yml", renderer="pandoc", progress=False, pool=pool)
    return sorted(pool.ran)


def _shown_sha256(page: str, name: str) -> str:
    """The hash the files table of Jejak Angka shows for `name` (HTML)."""
    row = re.search(rf"<td[^>]*>{re.escape(html.escape(name))}</td>\s*<td[^>]*>([^<]*)</td>", page)
    assert row is not None, f"{name} not in the files table"
    return row.group(1)


def test_jejak_hashes_come_from_the_build_not_the_cached_notebook(tmp_path: Path) -> None:
    """A text edited: its chapter runs again, Jejak Angka comes from the cache, and the book
    still shows the text's new sha256 (HTML, PDF, DOCX); an analyst imitating the marks the
    build fills sees the imitation printed, not a hash."""
    root = synth.copy_project(ROOT, tmp_path / "lkj")
    _build(root)
    name = "data/jateng/2025/teks/tw2/kata_pengantar.md"
    out = root / "_output" / RUN
    jejak = next(p for p in (out / "html").glob("*.html") if "tbl-jejak-berkas" in p.read_text())
    old = hashlib.sha256((root / name).read_bytes()).hexdigest()
    assert _shown_sha256(jejak.read_text(encoding="utf-8"), name) == old
    ref = digestmark.Sha256(name)
    fake = {  # what the analyst writes (Markdown, "<" escaped) → what the reader must see
        escape_markdown(digestmark.html_mark(ref)): digestmark.html_mark(ref),
        escape_markdown(digestmark.typst_mark(ref)): digestmark.typst_mark(ref),
    }
    text = (root / name).read_text(encoding="utf-8")
    added = "\n\nKalimat uji Jejak Angka. " + " dan ".join(fake) + "\n"
    (root / name).write_text(text + added, encoding="utf-8")
    new = hashlib.sha256((root / name).read_bytes()).hexdigest()

    ran = _build(root)
    assert "lampiran8_jejak.ipynb" not in ran  # from the cache
    assert "index.ipynb" in ran
    page = jejak.read_text(encoding="utf-8")
    assert _shown_sha256(page, name) == new
    pdf = "".join(p.extract_text() for p in PdfReader(out / f"{RUN}.pdf").pages)
    flat = re.sub(r"\s+", "", pdf)
    assert new in flat and old not in flat
    with zipfile.ZipFile(out / f"{RUN}.docx") as docx:
        words = re.sub(r"<[^>]+>", "", docx.read("word/document.xml").decode("utf-8"))
    assert new in words and old not in words
    # The imitations are text: shown as written (pandoc's soft line breaks and curly quotes
    # aside), no hash.
    foreword = next(
        p.read_text(encoding="utf-8")
        for p in (out / "html").glob("*.html")
        if "Kalimat uji Jejak Angka" in p.read_text(encoding="utf-8")
    )
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", foreword)).split())
    shown = shown.replace("\u201c", '"').replace("\u201d", '"')
    for written in fake.values():
        assert " ".join(written.split()) in shown
    assert new not in foreword and new[:12] not in foreword
    assert "lkj-sha256" in flat
