"""Install the provenance panel into the HTML book: values.js, lkj-trace.js, lkj-trace.css.

values.js holds the manifest's values and, per input file, the rows any value uses (as
written in the file; personal columns left out of the public edition, see lkj.inputs.specs).
In the public edition a personal dataset has no rows at all: each value's sources carry
counts per group instead (`groups`: value id → file → tables, lkj.provenance.groups).
It is a script, not JSON, because browsers refuse fetch() on file:// and the book must work
offline from a folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from lkj import paths
from lkj.inputs import personal
from lkj.provenance.groups import Counts
from lkj.provenance.rows import read_rows

DATA_FILE = "values.js"
ASSETS = ("lkj-trace.js", "lkj-trace.css")


def _group_counts(
    manifest: dict[str, Any], root: Path, files: list[str], tabled: dict[str, set[str]]
) -> dict[str, dict[str, Any]]:
    """Value id -> file -> count tables, for the personal files of a public edition; never by
    a column the book's own tables count the file by (those hide their small cells)."""
    counts = {name: Counts(root, name, tabled.get(name, set())) for name in files}
    out: dict[str, dict[str, Any]] = {}
    for vid, v in manifest["values"].items():
        for s in v["sources"]:
            if s["file"] in counts:
                lines = s.get("_lines", s["rows"])
                out.setdefault(vid, {})[s["file"]] = counts[s["file"]].tables(lines)
    return out


def panel_data(
    manifest: dict[str, Any],
    root: Path,
    lines: dict[str, dict[str, list[int]]] | None = None,
    tabled: dict[str, set[str]] | None = None,
) -> dict[str, Any]:
    """What values.js holds. `lines`: value id -> file -> the lines used, for the files whose
    line numbers the public manifest leaves out (counted here, never written); `tabled`:
    file -> the columns the book's small-cell tables count it by."""
    used: dict[str, set[int]] = {}
    for v in manifest["values"].values():
        for s in v["sources"]:
            used.setdefault(s["file"], set()).update(s["rows"])
    public = personal.is_public(manifest["edition"])
    counted = [n for n in manifest["files"] if public and personal.is_personal_file(root, n)]
    files: dict[str, Any] = {}
    for name, info in manifest["files"].items():
        entry: dict[str, Any] = {"sha256": info["sha256"]}
        if name in counted:
            entry.update(columns=[], hidden=[], rows={}, counted=True)
        elif name in used:
            rows = read_rows(root, name, used[name], manifest["edition"])
            entry.update(columns=rows.columns, hidden=rows.hidden, rows=rows.rows)
        files[name] = entry
    return {
        "run": manifest["run"],
        "edition": manifest["edition"],
        "build": manifest["build"],
        "params": {k: manifest["params"][k] for k in ("file", "sha256")},
        "files": files,
        "values": manifest["values"],
        "groups": _group_counts(_with_lines(manifest, lines or {}), root, counted, tabled or {}),
        "k": personal.K,
    }


def _with_lines(manifest: dict[str, Any], lines: dict[str, dict[str, list[int]]]) -> Any:
    """The manifest's values with the withheld line numbers put back (a copy, never written)."""
    values = {}
    for vid, v in manifest["values"].items():
        known = lines.get(vid, {})
        sources = [
            {**s, "_lines": known[s["file"]]} if s["file"] in known else s for s in v["sources"]
        ]
        values[vid] = {**v, "sources": sources}
    return {**manifest, "values": values}


def install(
    html_dir: Path,
    manifest: dict[str, Any],
    root: Path,
    lines: dict[str, dict[str, list[int]]] | None = None,
    tabled: dict[str, set[str]] | None = None,
) -> None:
    """Write the data and assets, and load them from every page of the book."""
    data = json.dumps(
        panel_data(manifest, root, lines, tabled), ensure_ascii=False, separators=(",", ":")
    )
    # "</" would end the script element if the file were ever inlined; escape it anyway.
    data = data.replace("</", "<\\/")
    (html_dir / DATA_FILE).write_text(f"window.LKJ_TRACE = {data};\n", encoding="utf-8")
    for name in ASSETS:
        shutil.copyfile(paths.resource(f"html/{name}"), html_dir / "assets" / name)
    head = '<link rel="stylesheet" href="assets/lkj-trace.css">\n</head>'
    tail = (
        f'<script src="{DATA_FILE}" defer></script>\n'
        '<script src="assets/lkj-trace.js" defer></script>\n</body>'
    )
    for page in sorted(html_dir.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "lkj-trace.js" in text:
            continue
        text = text.replace("</head>", head, 1)
        text = text[::-1].replace("</body>"[::-1], tail[::-1], 1)[::-1]  # the last </body>
        page.write_text(text, encoding="utf-8")
