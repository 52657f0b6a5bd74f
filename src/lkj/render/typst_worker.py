"""Compile one typst document in its own process: `python -m lkj.render.typst_worker`.

The typst binding lays the whole book out in native memory (≈ 380 MB for the shipped book,
most of it the Jejak Angka table). Compiled inside `lkj build` that memory lands on top of
everything the build already holds (ASTs, registry, XLSX); in a child process it is returned
to the system as soon as the PDF is written, and each process stays under the memory goal
of docs/performance.md.

Protocol: one JSON object on stdin {"main", "root", "timestamp", "out"}; the PDF is written
to "out"; one JSON object on stdout: {"warnings": [...]} or {"error": {...}} (exit code 1).
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    import typst

    job = json.load(sys.stdin)
    try:
        pdf, warnings = typst.compile_with_warnings(
            job["main"],
            root=job["root"],
            font_paths=[],
            ignore_system_fonts=True,
            timestamp=job["timestamp"],
        )
    except typst.TypstError as exc:
        error = {
            "message": str(getattr(exc, "message", exc)),
            "diagnostic": str(getattr(exc, "diagnostic", "")),
            "hints": [str(h) for h in (getattr(exc, "hints", None) or [])],
        }
        json.dump({"error": error}, sys.stdout)
        return 1
    with open(job["out"], "wb") as out:
        out.write(pdf)
    json.dump({"warnings": [str(w.message) for w in warnings]}, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
