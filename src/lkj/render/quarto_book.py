"""The Quarto path of the assembly: the executed notebooks rendered by the Quarto CLI.

Kept apart from the pandoc path (render/outputs.py), which is the default; used only when
Quarto is installed and chosen (render/plan.py, choose_renderer).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from lkj import paths
from lkj.errors import BuildError
from lkj.render.progress import Reporter, Step
from lkj.render.quarto import Book


def render_quarto(
    book: Book, executed: list[Path], build_dir: Path, tmp: Path, name: str, report: Reporter
) -> None:
    """Render the executed notebooks with the Quarto CLI (HTML book and typst PDF).

    Quarto does not execute .ipynb files by default, so it renders the notebooks the execute
    stage left in the build folder as they are. The tests check the wiring with a stand-in
    `quarto` (tests/render/test_build.py); DESIGN.md says where a real Quarto comes from.
    """
    project = build_dir / paths.EXECUTED
    # The raw typst of lkj.book.display calls lkj-value() and lkj-table-note(); Quarto's typst
    # template does not define them, so the copy of _quarto.yml includes our definitions.
    config = yaml.safe_load(book.config_path.read_text(encoding="utf-8"))
    helpers = "_lkj-helpers.typ"
    (project / helpers).write_text(QUARTO_TYPST_HELPERS, encoding="utf-8")
    typst_format = config.setdefault("format", {}).setdefault("typst", {}) or {}
    config["format"]["typst"] = typst_format
    typst_format.setdefault("include-in-header", helpers)
    (project / "_quarto.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    for fmt, dest in (("html", tmp / "html"), ("typst", tmp / "quarto-typst")):
        with Step(report, f"quarto-{fmt}", f"quarto render --to {fmt}"):
            proc = subprocess.run(
                ["quarto", "render", str(project), "--to", fmt, "--output-dir", str(dest)],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                tail = proc.stderr.strip()[-3000:]
                raise BuildError(f"quarto render --to {fmt} gagal:\n{tail}")
    pdfs = sorted((tmp / "quarto-typst").rglob("*.pdf"))
    if not pdfs:
        raise BuildError("quarto render --to typst tidak menghasilkan PDF")
    shutil.move(str(pdfs[0]), tmp / f"{name}.pdf")
    shutil.rmtree(tmp / "quarto-typst", ignore_errors=True)


QUARTO_TYPST_HELPERS = """\
#let lkj-value(id, body) = context {
  let target = label("jejak:" + id)
  if query(target).len() > 0 { link(target, body) } else { body }
}
#let lkj-anchor(name, body) = [#body#label(name)]
#let lkj-table-note(body) = block(above: 0.5em, text(size: 8.5pt, style: "italic", body))
"""
