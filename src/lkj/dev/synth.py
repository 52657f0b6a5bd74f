"""A synthetic project with N× the records of a unit, to show how build cost grows with data.

    python -m lkj.dev.synth DEST --unit UNIT --factor 100

Copies the project (data, params, notebooks, _quarto.yml) to DEST and repeats the data rows
of every record-level CSV (one row per person or event: the files with an `id` column) of the
unit's year folders N times, with a suffix per copy on the id (ids must stay unique).
Aggregates and control files (placements per month, targets, budget, IKPA, PK) keep one row
per key, as validation demands, so the copy still validates; the figures simply grow.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
from pathlib import Path

PARTS = ("data", "params", "notebooks", "_quarto.yml", "_quarto-tahunan.yml")


def copy_project(source: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    return dest


def scale_csv(path: Path, factor: int) -> int:
    """Repeat the data rows `factor` times in place; return the new number of rows."""
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    if len(rows) < 2 or "id" not in rows[0]:
        return 0
    header, body = rows[0], rows[1:]
    id_col = header.index("id")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    count = 0
    for copy in range(factor):
        for row in body:
            row = list(row)
            if copy:
                row[id_col] = f"{row[id_col]}-S{copy:03d}"
            writer.writerow(row)
            count += 1
    path.write_text(out.getvalue(), encoding="utf-8")
    return count


def synthesize(source: Path, dest: Path, factor: int, unit: str) -> dict[str, int]:
    """Write the scaled copy; return rows per scaled file (relative path → rows)."""
    copy_project(source, dest)
    scaled: dict[str, int] = {}
    for path in sorted((dest / "data" / unit).glob("*/*.csv")):
        rows = scale_csv(path, factor)
        if rows:
            scaled[str(path.relative_to(dest))] = rows
    return scaled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--unit", required=True, help="folder under data/, e.g. the params unit")
    parser.add_argument("--source", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    for name, rows in synthesize(args.source, args.dest, args.factor, args.unit).items():
        print(f"{name}: {rows} baris")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
