"""The analyst's commands of `lkj`: new-quarter, new-year, template, import, check's HTML.

Kept apart from lkj.cli.main so that file stays a thin dispatcher; lkj.cli.main registers these.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from lkj.cli import console
from lkj.errors import InputError, Problem

if TYPE_CHECKING:
    from lkj.analyst.quarter import Scaffold

err_console = console.stderr()
out_console = console.stdout()


def _warn(problems: list[Problem]) -> None:
    for warning in problems:
        err_console.print(f"  [yellow]![/] {escape(warning.render())}")


def check(args: argparse.Namespace) -> int:
    """Validate (errors fail), then warn about doubtful data; optionally write an HTML page."""
    from lkj.analyst.checks import write_html
    from lkj.analyst.review import review
    from lkj.compute.engine import compute
    from lkj.inputs.load import load_inputs, read_run

    run = read_run(args.params)
    title = f"Pemeriksaan data {run.name}"
    try:
        inputs = load_inputs(run)
        found = review(inputs, compute(inputs))
        if found.errors:
            raise InputError([*found.errors, *found.warnings, *found.notes])
    except InputError as exc:
        if args.html:
            write_html(Path(args.html), title, exc.problems, exc.warnings)
            err_console.print(f"  Laporan pemeriksaan: {args.html}", soft_wrap=True)
        raise
    _warn(found.warnings)
    for note in found.notes:
        err_console.print(f"  [dim]i {escape(note.render())}[/]", soft_wrap=True)
    out_console.print(
        f"[green]✓[/] {run.shown(run.params_path)}: semua data masukan sah "
        f"({len(inputs.files)} berkas diperiksa, {len(found.warnings)} peringatan, "
        f"{len(found.notes)} catatan).",
        soft_wrap=True,
    )
    if args.html:
        write_html(Path(args.html), title, [], [*found.warnings, *found.notes])
        out_console.print(f"  Laporan pemeriksaan: {args.html}", soft_wrap=True)
    return 0


def _report_scaffold(result: Scaffold, todo_heading: str) -> int:
    """What new-quarter / new-year wrote, kept and left to do (paths and data are text)."""
    for path in result.created:
        out_console.print(f"  [green]+[/] {escape(str(path))}", soft_wrap=True)
    for path in result.kept:
        out_console.print(
            f"  [dim]= {escape(str(path))} (sudah ada, tidak diubah)[/]", soft_wrap=True
        )
    if result.todo:
        out_console.print(f"[bold]{todo_heading}[/]")
        for item in result.todo:
            out_console.print(f"  [yellow]•[/] {escape(item)}", soft_wrap=True)
    out_console.print(f"Lalu: lkj check {escape(str(result.params))}")
    return 0


def new_quarter(args: argparse.Namespace) -> int:
    from lkj.analyst.quarter import new_quarter as scaffold

    result = scaffold(Path(args.root), args.unit, args.year, args.quarter)
    if result.new_year_from:
        out_console.print(f"[green]✓[/] tahun baru {args.year} dimulai dari {result.new_year_from}")
    return _report_scaffold(result, "Yang masih perlu dilengkapi:")


def new_year(args: argparse.Namespace) -> int:
    from lkj.analyst.year import new_year as scaffold

    result = scaffold(Path(args.root), args.unit, args.year)
    return _report_scaffold(result, "Yang masih perlu dilengkapi untuk laporan tahunan:")


def template(args: argparse.Namespace) -> int:
    from lkj.analyst.excel.template import write_template
    from lkj.inputs.params import load_run

    run = load_run(args.params)
    found = write_template(run, Path(args.out))
    out_console.print(f"[green]✓[/] {args.out}: {len(found)} lembar data + Petunjuk")
    return 0


def import_(args: argparse.Namespace) -> int:
    from lkj.analyst.excel.importer import ChangedSinceTemplate, import_workbook

    try:
        result = import_workbook(Path(args.workbook), args.params, replace=args.replace)
    except ChangedSinceTemplate as exc:
        for line in str(exc).splitlines():
            err_console.print(escape(line), soft_wrap=True)
        return 1
    _warn(result.warnings)
    for path in result.written:
        out_console.print(f"  [green]✓[/] ditulis: {escape(str(path))}", soft_wrap=True)
    if result.backup is not None:
        out_console.print(
            f"  berkas lama disimpan di {escape(str(result.backup))} "
            f"(batalkan: lkj undo-import {escape(str(args.params))})",
            soft_wrap=True,
        )
    out_console.print(
        f"[green]✓[/] {escape(str(args.workbook))}: sah; {len(result.written)} berkas "
        f"diperbarui, {len(result.unchanged)} tidak berubah.",
        soft_wrap=True,
    )
    return 0


def undo_import(args: argparse.Namespace) -> int:
    from lkj.analyst.excel.safety import undo_last
    from lkj.inputs.params import load_run

    run = load_run(args.params)
    folder, restored = undo_last(run.year_dir)
    for name in restored:
        out_console.print(f"  [green]↺[/] {escape(name)}", soft_wrap=True)
    out_console.print(
        f"[green]✓[/] impor terakhir dibatalkan: {len(restored)} berkas dikembalikan dari "
        f"{escape(run.shown(folder))}",
        soft_wrap=True,
    )
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new-quarter": new_quarter,
    "new-year": new_year,
    "template": template,
    "import": import_,
    "undo-import": undo_import,
}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new-quarter", help="mulai triwulan baru: params, berkas teks, daftar data")
    p.add_argument("--unit", required=True, help="kode unit: nama foldernya di data/")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4])
    p.add_argument("--root", default=".", help="folder proyek (bawaan: folder ini)")

    p = sub.add_parser(
        "new-year", help="mulai laporan tahunan: params, teks, Renstra, daftar yang kurang"
    )
    p.add_argument("--unit", required=True, help="kode unit: nama foldernya di data/")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--root", default=".", help="folder proyek (bawaan: folder ini)")

    p = sub.add_parser("template", help="tulis lembar kerja Excel untuk mengisi data")
    p.add_argument("params")
    p.add_argument("--out", required=True, help="berkas .xlsx yang ditulis")

    p = sub.add_parser(
        "import", help="periksa lembar kerja Excel lalu tulis data/ (semua atau tidak)"
    )
    p.add_argument("workbook", help="berkas .xlsx hasil lkj template")
    p.add_argument("params")
    p.add_argument(
        "--replace",
        action="store_true",
        help="timpa juga berkas data yang berubah sejak templat dibuat (berkas lama disimpan)",
    )

    p = sub.add_parser("undo-import", help="kembalikan berkas data sebelum impor terakhir")
    p.add_argument("params")
