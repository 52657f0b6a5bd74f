"""`build(params)`: validate inputs, run the notebooks, assemble HTML + PDF, publish atomically.

    from lkj.render.build import build
    out = build("params/jateng-2025-tw2.yml")          # -> _output/jateng-2025-tw2/
    out / "html" / "index.html", out / "jateng-2025-tw2.pdf"

A build is four stages, each a function of what the one before returned:

    plan (render/plan.py)              params, book, renderer, input hashes    -> Plan
    execute (render/stages.py)         validation, notebooks (cache or kernel) -> Executed
    assemble_outputs (render/outputs.py)  HTML, PDF, DOCX, XLSX, values.json
                                       into a temporary folder                 -> Assembled
    publish (render/publish.py)        the temporary folder swapped in         -> _output/<run>/

Folders (under the project folder, the one holding data/ and notebooks/; names in lkj.paths):
  _build/<run>/notebooks/   executed notebooks (cleaned: no timestamps, fixed cell ids)
  _build/<run>/media/       what pandoc extracted, per chapter and target
  _build/<run>/typst/       main.typ, lkj.typ and images: the exact PDF source
  _output/<run>/            html/, <run>.pdf, <run>.docx (Word) and <run>.xlsx (the book's
                            tables); replaced only when everything succeeded
The new output is written to `_output/.<run>.tmp-XXXX` and swapped in with two renames; on
any failure the temporary folder is deleted and the previous `_output/<run>/` is untouched.
"""

from __future__ import annotations

from pathlib import Path

from lkj.render.kernels import KernelPool
from lkj.render.lock import guard
from lkj.render.outputs import assemble_outputs
from lkj.render.plan import Renderer, choose_renderer, plan
from lkj.render.progress import reporter
from lkj.render.publish import publish
from lkj.render.stages import execute

__all__ = ["Renderer", "build", "choose_renderer", "output_paths"]


def output_paths(out: Path, run_name: str) -> tuple[Path, Path]:
    """(index.html, PDF) inside a published output folder."""
    return out / "html" / "index.html", out / f"{run_name}.pdf"


def build(
    params_path: str | Path,
    *,
    renderer: Renderer = "auto",
    workers: int | None = None,
    output_root: str | Path | None = None,
    progress: bool = True,
    validate: bool = True,
    force: bool = False,
    pool: KernelPool | None = None,
    shared_kernels: bool = True,
) -> Path:
    """Build the book of one params file; return the published `_output/<run>/` folder.

    validate=False skips lkj.inputs.load validation (only for the toolchain's own tests, whose
    fixture book has no real data). Unchanged work is skipped (render/cache.py);
    force=True runs everything again. `pool` is a batch's shared KernelPool;
    shared_kernels=False runs every notebook in a fresh kernel.
    """
    report = reporter(progress)
    try:
        with guard(params_path, output_root, report):  # render/lock.py: lock, leftovers, cap
            planned = plan(
                params_path,
                renderer=renderer,
                workers=workers,
                output_root=output_root,
                validate=validate,
                force=force,
                report=report,
            )
            executed = execute(planned, report, pool=pool, shared=shared_kernels)
            assembled = assemble_outputs(planned, executed, report)
            return publish(assembled, planned.run, report)
    finally:
        report.close()
