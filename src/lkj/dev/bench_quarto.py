"""Both renderers on one book, cold, in throw-away copies of the project (docs/quarto.md).

    source .cache/quarto/env.sh          # or a Quarto installed the usual way
    python -m lkj.dev.bench_quarto [--params params/jateng-2025-tw2.yml]

Prints wall time, CPU time (user + system of every process of the build, kernels and
Quarto's deno/pandoc/typst included) and peak memory (largest single process, and the
largest per kind of process), then what the two outputs hold. Wall time on a shared
machine depends on its load; CPU time much less.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
from pathlib import Path

from lkj.dev.bench import Step, lkj, timed
from lkj.dev.synth import copy_project


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(root: Path, params: str, renderer: str, work: Path) -> tuple[Step, float, Path]:
    project = copy_project(root, work / renderer)
    before = _cpu()
    step = timed(f"lkj build --renderer {renderer}", [lkj(params, "--renderer", renderer)], project)
    cpu = _cpu() - before
    print(f"  {'':<34} CPU {cpu:7.1f} s", flush=True)
    return step, cpu, project / "_output" / Path(params).stem


def describe(out: Path) -> str:
    from pypdf import PdfReader

    pdf = next(out.glob("*.pdf"))
    html = out / "html"
    pages = len(list(html.glob("*.html")))
    size = sum(p.stat().st_size for p in html.rglob("*") if p.is_file()) / 1024 / 1024
    files = ", ".join(sorted(p.name for p in out.iterdir() if p.is_file()))
    return (
        f"PDF {len(PdfReader(pdf).pages)} halaman ({pdf.stat().st_size / 1024 / 1024:.1f} MB); "
        f"HTML {pages} halaman, {size:.1f} MB; berkas: {files}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lkj.dev.bench_quarto")
    parser.add_argument("--params", default="params/jateng-2025-tw2.yml")
    parser.add_argument("--keep", metavar="DIR", help="keep both project copies in DIR")
    args = parser.parse_args(argv)
    if shutil.which("quarto") is None:
        print("quarto tidak ada di PATH → source .cache/quarto/env.sh (make quarto)")
        return 2
    root = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="lkj-bench-quarto-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        results = {r: measure(root, args.params, r, work) for r in ("pandoc", "quarto")}
        for renderer, (_, _, out) in results.items():
            print(f"  {renderer:<8} {describe(out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
