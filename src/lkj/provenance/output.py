"""What `lkj build` adds to a run's output: values.json and the HTML provenance panel."""

from __future__ import annotations

import shutil
from pathlib import Path

from lkj.compute import smallcells
from lkj.compute.engine import compute
from lkj.inputs.load import Inputs, load_inputs
from lkj.inputs.params import Run
from lkj.provenance import panel
from lkj.provenance.manifest import (
    FILE_NAME,
    make_manifest,
    shown_in,
    withheld_files,
    write_manifest,
)
from lkj.values.registry import Registry


def write_provenance(
    run: Run,
    notebooks: list[tuple[str, Path]],
    out: Path,
    build_dir: Path,
    renderer: str,
    *,
    inputs: Inputs | None = None,
    registry: Registry | None = None,
) -> str:
    """Write out/values.json (and a copy in build_dir), install the panel; return a summary.

    notebooks: (path as shown, executed copy) of every chapter, to find which cell shows
    which value. The values are computed again here rather than collected from the notebook
    kernels (the registry is deterministic); the build passes the inputs and registry it has
    already loaded for the XLSX, so they are loaded once per build.
    """
    if inputs is None or registry is None:
        inputs = load_inputs(run)
        registry = compute(inputs)
    manifest = make_manifest(inputs, registry, renderer=renderer, shown=shown_in(notebooks))
    write_manifest(manifest, out / FILE_NAME)
    build_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(out / FILE_NAME, build_dir / FILE_NAME)  # the same bytes, serialised once
    if (out / "html").is_dir():
        withheld = withheld_files(inputs, manifest["files"])
        lines = {
            v.id: {s.file: list(s.rows) for s in v.sources if s.file in withheld} for v in registry
        }
        panel.install(out / "html", manifest, run.root, lines, smallcells.tabled_columns(registry))
    shown = sum(1 for v in manifest["values"].values() if v["shown_in"])
    return (
        f"{len(manifest['values'])} nilai ({shown} tampil di buku), {len(manifest['files'])} berkas"
    )
